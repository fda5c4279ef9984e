// Covers: slices, All/Values/Backward/Collect/Sorted/SortedStableFunc/AppendSeq/Chunk iterator helpers combined with maps.Keys.
package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

func main() {
	queue := []string{"fetch", "parse", "store", "index", "notify"}
	for i, task := range slices.All(queue) {
		fmt.Printf("%d:%s ", i, task)
	}
	fmt.Println()
	for i, task := range slices.Backward(queue) {
		fmt.Printf("%d:%s ", i, task)
	}
	fmt.Println()

	upper := []string{}
	for v := range slices.Values(queue) {
		upper = append(upper, strings.ToUpper(v[:1])+v[1:])
	}
	fmt.Println(upper)

	fmt.Println(slices.Sorted(slices.Values(queue)))
	fmt.Println(slices.SortedStableFunc(slices.Values(queue), func(a, b string) int { return len(a) - len(b) }))
	copyQ := slices.Collect(slices.Values(queue))
	copyQ[0] = "changed"
	fmt.Println(queue[0], copyQ[0])

	batchNo := 0
	for batch := range slices.Chunk(queue, 2) {
		batchNo++
		fmt.Printf("batch %d: %v (len %d)\n", batchNo, batch, len(batch))
	}

	stock := map[string]int{"pear": 3, "apple": 7, "kiwi": 0, "banana": 12}
	keys := slices.Sorted(maps.Keys(stock))
	for _, k := range keys {
		fmt.Printf("%-7s %2d\n", k, stock[k])
	}
	vals := slices.Sorted(maps.Values(stock))
	fmt.Println(vals)

	nums := slices.AppendSeq([]int{100}, slices.Values([]int{1, 2, 3}))
	fmt.Println(nums)
	var evens []int
	for _, n := range slices.All([]int{5, 8, 12, 7, 10}) {
		if n%2 == 0 {
			evens = append(evens, n)
		}
	}
	fmt.Println(evens)
}
