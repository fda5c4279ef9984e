// Covers: fmt, width and precision from arguments (%*d %-*s %.*f %*.*f), aligned table output.
package main

import "fmt"

type item struct {
	name  string
	qty   int
	price float64
}

func main() {
	items := []item{
		{"apple", 3, 0.5},
		{"watermelon", 1, 3.25},
		{"fig", 12, 0.333},
	}
	nameW := 0
	for _, it := range items {
		if len(it.name) > nameW {
			nameW = len(it.name)
		}
	}
	fmt.Printf("%-*s %*s %*s\n", nameW, "ITEM", 4, "QTY", 8, "TOTAL")
	total := 0.0
	for _, it := range items {
		sub := float64(it.qty) * it.price
		total += sub
		fmt.Printf("%-*s %*d %*.*f\n", nameW, it.name, 4, it.qty, 8, 2, sub)
	}
	fmt.Printf("%-*s %*.*f\n", nameW+5, "sum", 8, 2, total)

	for prec := 0; prec <= 4; prec++ {
		fmt.Printf("pi to %d places: %.*f\n", prec, prec, 3.14159265)
	}
	for w := 1; w <= 5; w += 2 {
		fmt.Printf("[%*d] [%-*d]\n", w, 7, w, 7)
	}
	fmt.Printf("[%*d]\n", -6, 42)
	fmt.Printf("[%10s] [%-10s] [%.3s] [%10.2s]\n", "right", "left", "truncate", "xyz")
	fmt.Printf("[%6.2f%%]\n", 12.3456)
	fmt.Printf("[%x] [%.2x]\n", "abcdef", "abcdef")
}
