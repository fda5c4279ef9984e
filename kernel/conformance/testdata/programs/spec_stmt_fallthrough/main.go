// Covers: switch statements, `fallthrough` into the next case (including into default) and its unconditional nature.
package main

import "fmt"

func main() {
	level := 2
	fmt.Println("permissions for level", level)
	switch level {
	case 3:
		fmt.Println(" - delete")
		fallthrough
	case 2:
		fmt.Println(" - write")
		fallthrough
	case 1:
		fmt.Println(" - read")
	case 0:
		fmt.Println(" - nothing")
	}

	for _, n := range []int{0, 1, 5} {
		switch {
		case n == 0:
			fmt.Println(n, "is zero")
			fallthrough
		case n > 100:
			// reached by fallthrough even though n > 100 is false
			fmt.Println(n, "passed through the big case")
		case n == 1:
			fmt.Println(n, "is one")
			fallthrough
		default:
			fmt.Println(n, "reached default")
		}
	}

	grade := 'B'
	points := 0
	switch grade {
	case 'A':
		points += 10
		fallthrough
	case 'B':
		points += 5
		fallthrough
	case 'C':
		points++
	}
	fmt.Println("points for", string(grade), "=", points)
}
