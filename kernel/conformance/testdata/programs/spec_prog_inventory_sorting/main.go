// Covers: a multi-function program: product type, interface-based sort.Interface implementation, filter with func params, totals by category.
package main

import (
	"fmt"
	"sort"
)

type Product struct {
	Name     string
	Category string
	Price    float64
	Qty      int
}

func (p Product) Value() float64 { return p.Price * float64(p.Qty) }

type byValue []Product

func (b byValue) Len() int           { return len(b) }
func (b byValue) Less(i, j int) bool { return b[i].Value() > b[j].Value() }
func (b byValue) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func filter(ps []Product, pred func(Product) bool) []Product {
	var out []Product
	for _, p := range ps {
		if pred(p) {
			out = append(out, p)
		}
	}
	return out
}

func totalsByCategory(ps []Product) ([]string, map[string]float64) {
	totals := map[string]float64{}
	for _, p := range ps {
		totals[p.Category] += p.Value()
	}
	cats := make([]string, 0, len(totals))
	for c := range totals {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	return cats, totals
}

func main() {
	stock := []Product{
		{"hammer", "tools", 12.5, 5},
		{"nails", "tools", 0.05, 1000},
		{"paint", "decor", 20, 3},
		{"brush", "decor", 4.25, 10},
		{"ladder", "tools", 80, 1},
	}
	sort.Sort(byValue(stock))
	for _, p := range stock {
		fmt.Printf("%-7s %-6s %8.2f\n", p.Name, p.Category, p.Value())
	}

	low := filter(stock, func(p Product) bool { return p.Qty < 4 })
	fmt.Println("low stock:", len(low), low[0].Name, low[1].Name)

	cats, totals := totalsByCategory(stock)
	for _, c := range cats {
		fmt.Printf("%s total: %.2f\n", c, totals[c])
	}
	sort.SliceStable(stock, func(i, j int) bool { return stock[i].Category < stock[j].Category })
	fmt.Println("stable by category:", stock[0].Name, stock[1].Name, stock[2].Name)
}
