// Covers: for statements with range over integers (Go 1.22), `for i := range n`, typed ints, zero/negative counts, nested.
package main

import "fmt"

type Weekday int

func main() {
	for i := range 3 {
		fmt.Println("i =", i)
	}

	n := 4
	table := make([][]int, n)
	for r := range n {
		table[r] = make([]int, n)
		for c := range n {
			table[r][c] = (r + 1) * (c + 1)
		}
	}
	for _, row := range table {
		fmt.Println(row)
	}

	count := 0
	for range 5 {
		count++
	}
	fmt.Println("count:", count)

	for i := range 0 {
		fmt.Println("never", i)
	}
	neg := -3
	for i := range neg {
		fmt.Println("never", i)
	}
	fmt.Println("zero and negative ranges run no iterations")

	var days Weekday = 3
	for d := range days {
		fmt.Printf("%v %T\n", d, d)
	}

	var u8 uint8 = 3
	var kinds []string
	for b := range u8 {
		kinds = append(kinds, fmt.Sprintf("%d:%T", b, b))
	}
	fmt.Println(kinds)
}
