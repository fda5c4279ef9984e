// Covers: slices, Max/Min/MaxFunc/MinFunc, Equal/EqualFunc, Compare, a small statistics summary over temperature readings.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type City struct {
	Name  string
	Temps []float64
}

func main() {
	cities := []City{
		{"Oslo", []float64{-3.5, 1.0, -7.25, 0.5}},
		{"Cairo", []float64{22.0, 25.5, 19.75, 28.0}},
		{"Lima", []float64{18.0, 18.0, 17.5, 19.0}},
	}
	for _, c := range cities {
		lo, hi := slices.Min(c.Temps), slices.Max(c.Temps)
		sum := 0.0
		for _, t := range c.Temps {
			sum += t
		}
		fmt.Printf("%-6s min=%6.2f max=%6.2f avg=%6.2f\n", c.Name, lo, hi, sum/float64(len(c.Temps)))
	}
	hottest := slices.MaxFunc(cities, func(a, b City) int { return cmp.Compare(slices.Max(a.Temps), slices.Max(b.Temps)) })
	coldest := slices.MinFunc(cities, func(a, b City) int { return cmp.Compare(slices.Min(a.Temps), slices.Min(b.Temps)) })
	fmt.Println("hottest:", hottest.Name, "coldest:", coldest.Name)

	a := []int{1, 2, 3}
	b := []int{1, 2, 3}
	c := []int{1, 2, 4}
	fmt.Println(slices.Equal(a, b), slices.Equal(a, c), slices.Equal([]int{}, nil))
	fmt.Println(slices.Compare(a, c), slices.Compare(c, a), slices.Compare(a, a[:2]))
	fmt.Println(slices.EqualFunc([]string{"GO", "Rust"}, []string{"go", "rust"}, strings.EqualFold))
	fmt.Println(slices.Max([]string{"pear", "apple", "zucchini"}), slices.Min([]string{"pear", "apple"}))
	fmt.Println(slices.Equal([]float64{0.0}, []float64{-0.0}))
}
