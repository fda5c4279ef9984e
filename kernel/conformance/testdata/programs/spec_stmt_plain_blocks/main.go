// Covers: blocks, explicit `{ }` blocks at top level with declarations, closures capturing block-local variables, nested blocks.
package main

import "fmt"

func main() {
	var report []string
	total := 0

	{
		price, qty := 3, 4
		sub := price * qty
		total += sub
		report = append(report, fmt.Sprintf("apples: %d", sub))
	}
	{
		price, qty := 5, 2
		sub := price * qty
		total += sub
		report = append(report, fmt.Sprintf("pears: %d", sub))
		{
			discount := sub / 5
			total -= discount
			report = append(report, fmt.Sprintf("pear discount: -%d", discount))
		}
	}

	var get func() int
	{
		hidden := 99
		get = func() int { hidden++; return hidden }
	}
	fmt.Println("closure over block var:", get(), get())

	for _, line := range report {
		fmt.Println(line)
	}
	fmt.Println("total:", total)

	{
		type pair struct{ a, b int }
		p := pair{1, 2}
		fmt.Printf("block-local type: %+v\n", p)
	}
	{
		const limit = 3
		var seen []int
		for i := range limit {
			seen = append(seen, i*i)
		}
		fmt.Println("block-local const loop:", seen)
	}
}
