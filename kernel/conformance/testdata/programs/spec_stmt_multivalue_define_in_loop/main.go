// Covers: short variable declarations, multi-value `:=` inside for loop bodies, nested loops and closures.
package main

import "fmt"

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func minMax(xs []int) (lo, hi int) {
	lo, hi = xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return
}

func main() {
	total := 0
	for i := 10; i <= 14; i++ {
		q, r := divmod(i, 4)
		fmt.Printf("%d = 4*%d + %d\n", i, q, r)
		total += q + r
	}
	fmt.Println("total:", total)

	rows := [][]int{{3, 1, 4}, {1, 5, 9, 2}, {6}}
	for idx, row := range rows {
		lo, hi := minMax(row)
		for j := 0; j < 1; j++ {
			span, mid := hi-lo, (hi+lo)/2
			fmt.Println("row", idx, "lo", lo, "hi", hi, "span", span, "mid", mid)
		}
	}

	var fns []func() (int, int)
	for k := 1; k <= 3; k++ {
		a, b := k*k, k*k*k
		fns = append(fns, func() (int, int) { return a, b })
	}
	for _, f := range fns {
		sq, cu := f()
		fmt.Println("square", sq, "cube", cu)
	}
}
