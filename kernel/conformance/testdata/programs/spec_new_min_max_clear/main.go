// Covers: built-in min, max (Go 1.21) over ints, floats, strings and mixed constants, and clear on maps and slices.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println("min ints:", min(3, 1, 2), "max ints:", max(3, 1, 2))
	fmt.Println("min floats:", min(2.5, -1.25), "max mixed constants:", max(1, 2.5, 2))
	fmt.Println("strings:", min("pear", "apple", "fig"), max("pear", "apple", "fig"))
	fmt.Println("single arg:", min(42), max("only"))

	temps := []float64{12.5, -3, 18.25, 7}
	lo, hi := temps[0], temps[0]
	for _, t := range temps {
		lo = min(lo, t)
		hi = max(hi, t)
	}
	fmt.Println("range:", lo, hi)

	nan := math.NaN()
	fmt.Println("with NaN:", min(1.0, nan), max(nan, 1.0))
	fmt.Println("neg zero:", 1/min(0.0, math.Copysign(0, -1)))

	var u8 uint8 = 200
	fmt.Printf("typed: %v %T\n", max(u8, 7), max(u8, 7))
	const c = min(10, 3.5)
	fmt.Printf("constant min: %v %T\n", c, c)

	cache := map[string]int{"a": 1, "b": 2, "c": 3}
	alias := cache
	clear(cache)
	fmt.Println("cleared map:", len(cache), len(alias), cache)
	cache["d"] = 4
	fmt.Println("map reusable:", cache)

	buf := []int{1, 2, 3, 4, 5}
	window := buf[1:3]
	clear(window)
	fmt.Println("cleared slice window:", buf, "len kept:", len(window))

	names := []string{"x", "y"}
	clear(names)
	fmt.Printf("cleared strings: %q %d\n", names, len(names))

	type rec struct{ n int }
	recs := []*rec{{1}, {2}}
	clear(recs)
	fmt.Println("cleared pointers nil:", recs[0] == nil, recs[1] == nil)
}
