// Covers: variable declarations, `var a, b = f()` and `var y = x` after `x := 3`, at top level and nested.
package main

import "fmt"

func split(sum int) (int, int) {
	x := sum * 4 / 9
	return x, sum - x
}

func name() (first, last string) {
	return "Ada", "Lovelace"
}

func main() {
	x := 3
	var y = x
	y++
	fmt.Println("x, y:", x, y)

	var a, b = split(17)
	fmt.Println("a, b:", a, b)

	var first, last = name()
	fmt.Println(last + ", " + first)

	var p, q int = split(100)
	fmt.Println("p, q:", p, q)

	var (
		m, n  = split(45)
		label = fmt.Sprint(m, "/", n)
	)
	fmt.Println("label:", label)

	for i := 0; i < 2; i++ {
		var c, d = split(i * 10)
		var e = c + d
		fmt.Println("loop", i, c, d, e)
	}

	if true {
		var z = x * 10
		var u, v = z, z + 1
		fmt.Println("nested:", z, u, v)
	}

	var s []string
	var count int
	fmt.Println("zero values:", s == nil, count, len(s))
}
