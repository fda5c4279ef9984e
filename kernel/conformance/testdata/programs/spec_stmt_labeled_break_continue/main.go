// Covers: labeled statements, `break Label` and `continue Label` out of nested for, switch and select.
package main

import "fmt"

func main() {
	grid := [][]int{
		{1, 2, 3},
		{4, -1, 6},
		{7, 8, 9},
	}

	// find first negative number
	foundR, foundC := -1, -1
Search:
	for r, row := range grid {
		for c, v := range row {
			if v < 0 {
				foundR, foundC = r, c
				break Search
			}
		}
	}
	fmt.Println("negative at", foundR, foundC)

	// sum rows but skip the rest of a row after a value > 5
	sums := make([]int, len(grid))
Rows:
	for r, row := range grid {
		for _, v := range row {
			if v > 5 {
				continue Rows
			}
			sums[r] += v
		}
	}
	fmt.Println("partial sums:", sums)

	// break out of a loop from inside a switch
	n := 0
Loop:
	for {
		n++
		switch {
		case n%2 == 0:
			continue Loop
		case n > 6:
			break Loop
		}
		fmt.Println("odd n:", n)
	}
	fmt.Println("stopped at", n)

	// break from select inside a loop
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
Drain:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break Drain
			}
			fmt.Println("got", v)
		}
	}
	fmt.Println("drained")
}
