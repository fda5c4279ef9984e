// Covers: function results, multiple return values, named results with bare return, passing f() results directly as g's arguments.
package main

import (
	"errors"
	"fmt"
)

func stats(xs []float64) (mean, minV, maxV float64, err error) {
	if len(xs) == 0 {
		err = errors.New("no data")
		return
	}
	minV, maxV = xs[0], xs[0]
	total := 0.0
	for _, x := range xs {
		total += x
		minV = min(minV, x)
		maxV = max(maxV, x)
	}
	mean = total / float64(len(xs))
	return
}

func swap(a, b string) (string, string) { return b, a }

func concat(a, b string) string { return a + "+" + b }

func divide(a, b int) (q int, r int, ok bool) {
	if b == 0 {
		return 0, 0, false
	}
	return a / b, a % b, true
}

func main() {
	mean, lo, hi, err := stats([]float64{4, 8, 15, 16, 23, 42})
	fmt.Printf("mean=%.2f min=%v max=%v err=%v\n", mean, lo, hi, err)

	_, _, _, err = stats(nil)
	fmt.Println("empty:", err)

	x, y := swap("left", "right")
	fmt.Println(x, y)
	fmt.Println(concat(swap("a", "b")))

	for _, pair := range [][2]int{{17, 5}, {9, 0}, {-7, 2}} {
		if q, r, ok := divide(pair[0], pair[1]); ok {
			fmt.Printf("%d / %d = %d rem %d\n", pair[0], pair[1], q, r)
		} else {
			fmt.Printf("%d / %d undefined\n", pair[0], pair[1])
		}
	}
	fmt.Println(divide(100, 7))
}
