// Covers: slice types, slices of slices (jagged 2D), make with len/cap, independent row allocation vs shared rows, Pascal's triangle.
package main

import "fmt"

func main() {
	rows := 6
	tri := make([][]int, rows)
	for i := range tri {
		tri[i] = make([]int, i+1)
		tri[i][0], tri[i][i] = 1, 1
		for j := 1; j < i; j++ {
			tri[i][j] = tri[i-1][j-1] + tri[i-1][j]
		}
	}
	for _, r := range tri {
		fmt.Println(r)
	}

	// a grid backed by one contiguous slice
	w, h := 3, 2
	cells := make([]int, w*h)
	grid := make([][]int, h)
	for y := range grid {
		grid[y] = cells[y*w : (y+1)*w]
	}
	grid[1][2] = 9
	grid[0][0] = 1
	fmt.Println("cells:", cells)

	// shared row pitfall
	row := []string{".", ".", "."}
	board := [][]string{row, row}
	board[0][1] = "X"
	fmt.Println("shared rows:", board)

	// transpose
	m := [][]int{{1, 2, 3}, {4, 5, 6}}
	tr := make([][]int, len(m[0]))
	for i := range tr {
		tr[i] = make([]int, len(m))
		for j := range m {
			tr[i][j] = m[j][i]
		}
	}
	fmt.Println("transpose:", tr)

	var jagged [][]int
	jagged = append(jagged, []int{1})
	jagged = append(jagged, nil, []int{2, 3})
	fmt.Println("jagged:", jagged, len(jagged[1]), jagged[1] == nil)
}
