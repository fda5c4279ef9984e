// Covers: iter, Pull and Pull2 to merge two sorted sequences and zip pairs, stop() for early cleanup, Seq2 over a map in key order.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func Merge(a, b iter.Seq[int]) iter.Seq[int] {
	return func(yield func(int) bool) {
		nextA, stopA := iter.Pull(a)
		defer stopA()
		nextB, stopB := iter.Pull(b)
		defer stopB()
		va, okA := nextA()
		vb, okB := nextB()
		for okA || okB {
			var v int
			if !okB || (okA && va <= vb) {
				v = va
				va, okA = nextA()
			} else {
				v = vb
				vb, okB = nextB()
			}
			if !yield(v) {
				return
			}
		}
	}
}

func SortedPairs(m map[string]int) iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !yield(k, m[k]) {
				return
			}
		}
	}
}

func main() {
	odds := slices.Values([]int{1, 3, 5, 7, 9, 11})
	mixed := slices.Values([]int{2, 3, 4, 10})
	fmt.Println(slices.Collect(Merge(odds, mixed)))

	for v := range Merge(odds, mixed) {
		if v > 4 {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()

	next, stop := iter.Pull2(SortedPairs(map[string]int{"b": 2, "a": 1, "d": 4, "c": 3}))
	for i := 0; i < 2; i++ {
		k, v, ok := next()
		fmt.Println(k, v, ok)
	}
	stop()
	k, v, ok := next()
	fmt.Printf("after stop: %q %d %v\n", k, v, ok)

	nextN, stopN := iter.Pull(slices.Values([]string{"x"}))
	s, ok1 := nextN()
	s2, ok2 := nextN()
	fmt.Printf("%q %v %q %v\n", s, ok1, s2, ok2)
	stopN()
}
