// Covers: fmt, Sscanf with several verbs, Sscan/Sscanln, Fscan from a strings.Reader, scan error reporting.
package main

import (
	"fmt"
	"strings"
)

type Move struct {
	Piece    string
	From, To string
	Turn     int
}

func main() {
	lines := []string{
		"1: knight b1 -> c3",
		"2: pawn e7 -> e5",
		"3: bishop f1 -> c4",
		"four: queen d1 -> h5",
	}
	var moves []Move
	for _, l := range lines {
		var m Move
		n, err := fmt.Sscanf(l, "%d: %s %s -> %s", &m.Turn, &m.Piece, &m.From, &m.To)
		if err != nil {
			fmt.Printf("skip %q: parsed %d fields: %v\n", l, n, err)
			continue
		}
		moves = append(moves, m)
	}
	for _, m := range moves {
		fmt.Printf("turn %d: %-6s %s→%s\n", m.Turn, m.Piece, m.From, m.To)
	}

	var name string
	var age int
	var height float64
	n, err := fmt.Sscan("Grace 85 1.52", &name, &age, &height)
	fmt.Println(n, err, name, age, height)

	var a, b int
	n, err = fmt.Sscanln("10 20\n30", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanln("10\n20", &a, &b)
	fmt.Println(n, err)

	var hex, oct int
	var ok bool
	fmt.Sscanf("ff 17 true", "%x %o %t", &hex, &oct, &ok)
	fmt.Println(hex, oct, ok)

	r := strings.NewReader("3 4 5 6 7")
	sum := 0
	for {
		var x int
		if _, err := fmt.Fscan(r, &x); err != nil {
			fmt.Println("stop:", err)
			break
		}
		sum += x
	}
	fmt.Println("sum", sum)
}
