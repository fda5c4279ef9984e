// Covers: for range over arrays, range expression is a copy for arrays but not for array pointers or slices.
package main

import "fmt"

func main() {
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		if i == 0 {
			arr[1] = 100 // the range iterates over a copy of arr
		}
		fmt.Println("array value", i, v)
	}
	fmt.Println("arr after:", arr)

	arr2 := [3]int{1, 2, 3}
	for i, v := range &arr2 {
		if i == 0 {
			arr2[1] = 100 // range over pointer sees the change
		}
		fmt.Println("pointer value", i, v)
	}

	sl := []int{1, 2, 3}
	for i, v := range sl {
		if i == 0 {
			sl[1] = 100 // slices share the backing array
		}
		fmt.Println("slice value", i, v)
	}

	var grid [2][2]string
	for r := range grid {
		for c := range grid[r] {
			grid[r][c] = fmt.Sprintf("%c%d", 'a'+r, c)
		}
	}
	fmt.Println("grid:", grid)

	for _, row := range grid {
		row[0] = "zz" // row is a copy of an inner array
	}
	fmt.Println("grid unchanged:", grid)
}
