// Covers: range over two-value function iterators func(yield func(K, V) bool), iter.Seq2, nested iterator loops and labeled break, defer in iterator.
package main

import (
	"fmt"
	"iter"
)

type Inventory struct {
	names []string
	qty   []int
}

func (inv *Inventory) Items() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		for i, n := range inv.names {
			if !yield(n, inv.qty[i]) {
				return
			}
		}
	}
}

func enumerate(words []string) func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		for i, w := range words {
			if !yield(i, w) {
				return
			}
		}
	}
}

func main() {
	inv := &Inventory{names: []string{"bolt", "nut", "gear", "spring"}, qty: []int{10, 0, 3, 7}}
	for name, q := range inv.Items() {
		if q == 0 {
			continue
		}
		fmt.Printf("%-6s %3d\n", name, q)
	}

	for name := range inv.Items() {
		if name == "gear" {
			fmt.Println("found gear, stopping")
			break
		}
	}

	var log []string
	cleanup := func(yield func(int, int) bool) {
		defer func() { log = append(log, "iterator cleaned up") }()
		for i := range 10 {
			if !yield(i, i*i) {
				return
			}
		}
	}
	for i, sq := range cleanup {
		log = append(log, fmt.Sprintf("%d^2=%d", i, sq))
		if i == 2 {
			break
		}
	}
	fmt.Println(log)

	words := []string{"a", "bb", "ccc"}
Outer:
	for i, w := range enumerate(words) {
		for j, v := range enumerate(words) {
			if j > i {
				continue Outer
			}
			if len(w)+len(v) == 5 {
				fmt.Println("pair summing to 5:", i, j, w, v)
				break Outer
			}
		}
	}
}
