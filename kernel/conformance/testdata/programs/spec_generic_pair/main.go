// Covers: generic struct types with two type parameters Pair[K, V], methods returning other instantiations, generic constructors.
package main

import (
	"fmt"
	"sort"
)

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=>%v", p.Key, p.Val) }

func (p Pair[K, V]) WithVal(v V) Pair[K, V] {
	p.Val = v
	return p
}

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

func Swap[K, V comparable](p Pair[K, V]) Pair[V, K] { return Pair[V, K]{p.Val, p.Key} }

func Entries[K comparable, V any](m map[K]V, less func(a, b K) bool) []Pair[K, V] {
	out := make([]Pair[K, V], 0, len(m))
	for k, v := range m {
		out = append(out, Pair[K, V]{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return less(out[i].Key, out[j].Key) })
	return out
}

func main() {
	p := MakePair("answer", 42)
	fmt.Println(p)
	fmt.Printf("%T\n", p)
	fmt.Println(p.WithVal(43), "original", p)

	s := Swap(p)
	fmt.Println(s)
	fmt.Printf("%T\n", s)

	ages := map[string]int{"zoe": 31, "adam": 25, "mia": 40}
	for _, e := range Entries(ages, func(a, b string) bool { return a < b }) {
		fmt.Println(e.Key, e.Val, e)
	}

	grid := Pair[Pair[int, int], string]{Pair[int, int]{1, 2}, "tree"}
	fmt.Println(grid)
	lookup := map[Pair[int, int]]string{grid.Key: grid.Val}
	fmt.Println("lookup:", lookup[Pair[int, int]{1, 2}])
	fmt.Printf("%+v\n", grid)
}
