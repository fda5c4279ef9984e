// Covers: the comparable constraint, generic Set[T comparable] over ints, strings and structs, Index and Dedup helpers.
package main

import (
	"fmt"
	"sort"
)

type Set[T comparable] map[T]struct{}

func NewSet[T comparable](items ...T) Set[T] {
	s := Set[T]{}
	for _, it := range items {
		s[it] = struct{}{}
	}
	return s
}

func (s Set[T]) Has(v T) bool { _, ok := s[v]; return ok }

func (s Set[T]) Intersect(o Set[T]) Set[T] {
	out := Set[T]{}
	for k := range s {
		if o.Has(k) {
			out[k] = struct{}{}
		}
	}
	return out
}

func Index[T comparable](xs []T, v T) int {
	for i, x := range xs {
		if x == v {
			return i
		}
	}
	return -1
}

func Dedup[T comparable](xs []T) []T {
	seen := Set[T]{}
	var out []T
	for _, x := range xs {
		if !seen.Has(x) {
			seen[x] = struct{}{}
			out = append(out, x)
		}
	}
	return out
}

type coord struct{ r, c int }

func main() {
	a := NewSet(1, 2, 3, 4)
	b := NewSet(3, 4, 5)
	inter := a.Intersect(b)
	var vals []int
	for v := range inter {
		vals = append(vals, v)
	}
	sort.Ints(vals)
	fmt.Println("intersection:", vals, "len:", len(inter))

	fmt.Println("index of go:", Index([]string{"c", "go", "rust"}, "go"))
	fmt.Println("index of coord:", Index([]coord{{0, 0}, {1, 2}}, coord{1, 2}))
	fmt.Println("index missing:", Index([]float64{1.5}, 2))

	fmt.Println("dedup:", Dedup([]string{"a", "b", "a", "c", "b"}))
	fmt.Println("dedup coords:", Dedup([]coord{{1, 1}, {1, 1}, {2, 2}}))

	var anyVals = []any{1, "x", 1}
	fmt.Println("any is comparable:", Index(anyVals, any("x")), Dedup(anyVals))

	visited := NewSet[coord]()
	visited[coord{3, 4}] = struct{}{}
	fmt.Println("visited has {3 4}:", visited.Has(coord{3, 4}), "has {4 3}:", visited.Has(coord{4, 3}))
}
