// Covers: short variable redeclaration, `:=` with at least one new variable reusing existing ones in the same scope.
package main

import (
	"errors"
	"fmt"
)

func step(n int) (int, error) {
	if n > 100 {
		return n, errors.New("too big")
	}
	return n * 3, nil
}

func main() {
	a, err := step(2)
	fmt.Println("a:", a, err)

	b, err := step(a)
	fmt.Println("b:", b, err)

	c, err := step(b * 10)
	fmt.Println("c:", c, err)

	x, y := 1, 2
	y, z := 20, 30
	fmt.Println("x y z:", x, y, z)

	for i := 0; i < 2; i++ {
		val, err := step(i)
		more, err := step(val + 1)
		fmt.Println("loop", i, val, more, err)
	}

	if true {
		a, d := 100, 200
		fmt.Println("shadowed a, new d:", a, d)
	}
	fmt.Println("outer a unchanged:", a)

	total := 0
	total, extra := total+5, 7
	fmt.Println("total extra:", total, extra)
}
