// Covers: variadic parameters, calling with zero/many args, passing a slice with `...`, variadic any, aliasing of the passed slice.
package main

import (
	"fmt"
	"strings"
)

func sum(nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	return total
}

func joinWith(sep string, parts ...string) string {
	return strings.Join(parts, sep)
}

func describe(prefix string, args ...any) string {
	return fmt.Sprintf("%s(%d): %v", prefix, len(args), args)
}

func zeroFirst(xs ...int) {
	if len(xs) > 0 {
		xs[0] = 0
	}
}

func isNil(xs ...int) bool { return xs == nil }

func main() {
	fmt.Println("sum():", sum())
	fmt.Println("sum(1,2,3):", sum(1, 2, 3))
	vals := []int{10, 20, 30, 40}
	fmt.Println("sum(vals...):", sum(vals...))
	fmt.Println("sum(vals[1:3]...):", sum(vals[1:3]...))

	fmt.Println(joinWith("-", "a", "b", "c"))
	fmt.Printf("no parts: %q\n", joinWith("/"))
	words := []string{"usr", "local", "bin"}
	fmt.Println("/" + joinWith("/", words...))

	fmt.Println(describe("mixed", 1, "two", 3.0, nil))
	fmt.Println(describe("none"))
	items := []any{true, 'x'}
	fmt.Println(describe("spread", items...))

	zeroFirst(vals...)
	fmt.Println("slice aliased by variadic call:", vals)
	a, b := 5, 6
	zeroFirst(a, b)
	fmt.Println("separate args untouched:", a, b)

	fmt.Println("no args gives nil slice:", isNil(), "empty spread:", isNil([]int{}...))
}
