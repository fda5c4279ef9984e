// Covers: switch statements with init statements, expression lists in cases, tagless switch, and break in switch.
package main

import (
	"fmt"
	"strings"
)

func classify(s string) string {
	switch n := len(s); {
	case n == 0:
		return "empty"
	case n < 4:
		return "short"
	default:
		return "long"
	}
}

func main() {
	switch day := 6; day {
	case 1, 2, 3, 4, 5:
		fmt.Println("weekday", day)
	case 6, 7:
		fmt.Println("weekend", day)
	}

	for _, w := range []string{"", "go", "gopher"} {
		fmt.Printf("%q is %s\n", w, classify(w))
	}

	cmds := []string{"ADD 3", "mul 4", "noop", "sub 10"}
	acc := 1
	for _, c := range cmds {
		switch parts := strings.Fields(strings.ToLower(c)); parts[0] {
		case "add":
			acc += len(parts[1]) + 2
		case "mul":
			acc *= 4
		case "noop":
			fmt.Println("noop seen, acc =", acc)
			break
		default:
			fmt.Println("unknown command:", parts[0])
		}
	}
	fmt.Println("acc:", acc)

	switch x := 5; x * 2 {
	case 10:
		fmt.Println("tag computed from init variable")
	default:
		fmt.Println("unexpected")
	}

	switch {
	}
	fmt.Println("empty switch ok")
}
