// Covers: slices, Sort, SortFunc with cmp.Compare and multi-key cmp.Or, SortStableFunc, IsSorted/IsSortedFunc on an inventory list.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Product struct {
	SKU      string
	Category string
	Price    float64
	Stock    int
}

func main() {
	inv := []Product{
		{"B-200", "tools", 19.5, 4},
		{"A-100", "garden", 5.25, 40},
		{"C-300", "tools", 7.0, 0},
		{"A-101", "garden", 19.5, 12},
		{"D-400", "kitchen", 3.75, 8},
		{"B-201", "tools", 7.0, 15},
	}

	slices.SortFunc(inv, func(a, b Product) int {
		return cmp.Or(
			cmp.Compare(a.Category, b.Category),
			cmp.Compare(b.Price, a.Price),
			strings.Compare(a.SKU, b.SKU),
		)
	})
	fmt.Println("by category, price desc, sku:")
	for _, p := range inv {
		fmt.Printf("  %-8s %-6s %6.2f %3d\n", p.Category, p.SKU, p.Price, p.Stock)
	}

	slices.SortStableFunc(inv, func(a, b Product) int { return cmp.Compare(a.Price, b.Price) })
	fmt.Println("stable by price:")
	for _, p := range inv {
		fmt.Printf("  %6.2f %s\n", p.Price, p.SKU)
	}
	fmt.Println(slices.IsSortedFunc(inv, func(a, b Product) int { return cmp.Compare(a.Price, b.Price) }))

	stocks := make([]int, 0, len(inv))
	for _, p := range inv {
		stocks = append(stocks, p.Stock)
	}
	fmt.Println(stocks, slices.IsSorted(stocks))
	slices.Sort(stocks)
	fmt.Println(stocks, slices.IsSorted(stocks))

	words := []string{"Banana", "apple", "Cherry", "apple", "banana"}
	slices.SortFunc(words, func(a, b string) int {
		return cmp.Or(strings.Compare(strings.ToLower(a), strings.ToLower(b)), strings.Compare(a, b))
	})
	fmt.Println(words)
}
