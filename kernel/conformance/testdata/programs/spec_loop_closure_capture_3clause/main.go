// Covers: for statements with clauses, Go 1.22 per-iteration loop variables captured by closures appended to a slice.
package main

import "fmt"

func main() {
	var printers []func() string
	for i := 0; i < 4; i++ {
		printers = append(printers, func() string {
			return fmt.Sprintf("task #%d", i)
		})
	}
	for _, p := range printers {
		fmt.Println(p())
	}

	// two loop variables, both per-iteration
	var pairs []func() (int, int)
	for i, j := 0, 10; i < 3; i, j = i+1, j-1 {
		pairs = append(pairs, func() (int, int) { return i, j })
	}
	for _, f := range pairs {
		a, b := f()
		fmt.Println("pair:", a, b)
	}

	// closure increments its own copy; next iteration starts from the copy's value
	var incs []func()
	for k := 0; k < 6; k++ {
		incs = append(incs, func() { k += 100 })
		if k == 2 {
			incs[k]()
			fmt.Println("k after own closure:", k)
		}
	}
	fmt.Println("closures created:", len(incs))

	// top-level loop in main with closure over accumulator and loop var
	total := 0
	var adders []func()
	for n := 1; n <= 3; n++ {
		adders = append(adders, func() { total += n * n })
	}
	for _, add := range adders {
		add()
	}
	fmt.Println("sum of squares:", total)
}
