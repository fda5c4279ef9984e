// Covers: generic functions, type argument inference from arguments (including untyped constants and named types), Filter/Reduce/Contains.
package main

import (
	"fmt"
	"strings"
)

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Contains[T comparable](xs []T, v T) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}

func First[S ~[]E, E any](s S) (E, bool) {
	var zero E
	if len(s) == 0 {
		return zero, false
	}
	return s[0], true
}

type Names []string

func main() {
	nums := []int{1, 2, 3, 4, 5, 6, 7, 8}
	evens := Filter(nums, func(n int) bool { return n%2 == 0 })
	fmt.Println("evens:", evens)

	words := []string{"go", "rust", "c", "zig", "java"}
	short := Filter(words, func(s string) bool { return len(s) <= 2 })
	fmt.Println("short:", short)

	sum := Reduce(nums, 0, func(a, n int) int { return a + n })
	fmt.Println("sum:", sum)
	joined := Reduce(words, "", func(a string, w string) string { return a + strings.ToUpper(w[:1]) })
	fmt.Println("initials:", joined)
	avg := Reduce(nums, 0.0, func(a float64, n int) float64 { return a + float64(n)/float64(len(nums)) })
	fmt.Printf("avg: %.3f %T\n", avg, avg)

	fmt.Println("contains 5:", Contains(nums, 5), "contains zig:", Contains(words, "zig"))
	fmt.Println("contains 2.5:", Contains([]float64{1, 2.5}, 2.5))

	team := Names{"ann", "bob"}
	f, ok := First(team)
	fmt.Printf("first: %v %v %T\n", f, ok, f)
	_, ok = First([]int{})
	fmt.Println("first of empty:", ok)
}
