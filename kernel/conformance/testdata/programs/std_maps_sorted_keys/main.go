// Covers: maps, Keys/Values with slices.Sorted, All/Collect/Insert, grouping words by first letter with deterministic output.
package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

func main() {
	words := strings.Fields("apple avocado banana blueberry cherry apricot cranberry date")
	groups := map[byte][]string{}
	for _, w := range words {
		groups[w[0]] = append(groups[w[0]], w)
	}
	for _, k := range slices.Sorted(maps.Keys(groups)) {
		fmt.Printf("%c: %v\n", k, groups[k])
	}

	prices := map[string]float64{"tea": 3.5, "coffee": 4.25, "juice": 5, "water": 1}
	fmt.Println("menu size:", len(prices))
	fmt.Println("sorted prices:", slices.Sorted(maps.Values(prices)))

	discounted := maps.Collect(func(yield func(string, float64) bool) {
		for k, v := range maps.All(prices) {
			if v > 3 {
				if !yield(k, v*0.9) {
					return
				}
			}
		}
	})
	for _, k := range slices.Sorted(maps.Keys(discounted)) {
		fmt.Printf("%-7s %.3f\n", k, discounted[k])
	}

	extra := map[string]float64{"soda": 2.5, "tea": 3.75}
	maps.Copy(prices, extra)
	maps.Insert(prices, maps.All(map[string]float64{"milk": 1.2}))
	total := 0.0
	for _, k := range slices.Sorted(maps.Keys(prices)) {
		total += prices[k]
		fmt.Printf("%s=%.2f ", k, prices[k])
	}
	fmt.Printf("\ntotal=%.2f\n", total)
	fmt.Println(prices)
}
