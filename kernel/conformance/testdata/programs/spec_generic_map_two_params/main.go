// Covers: generic functions with two type parameters, Map[T, U any] with a func(int) string, Zip/Keys, inference of both params.
package main

import (
	"fmt"
	"sort"
	"strconv"
)

func Map[T, U any](s []T, f func(T) U) []U {
	out := make([]U, 0, len(s))
	for _, v := range s {
		out = append(out, f(v))
	}
	return out
}

type Pair[A, B any] struct {
	First  A
	Second B
}

func Zip[A, B any](as []A, bs []B) []Pair[A, B] {
	n := min(len(as), len(bs))
	out := make([]Pair[A, B], n)
	for i := range n {
		out[i] = Pair[A, B]{as[i], bs[i]}
	}
	return out
}

func Keys[K comparable, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func main() {
	ints := []int{1, 22, 333}
	strs := Map(ints, strconv.Itoa)
	fmt.Printf("%q %T\n", strs, strs)

	labels := Map(ints, func(n int) string { return "#" + strconv.Itoa(n) })
	fmt.Println(labels)

	lengths := Map(labels, func(s string) int { return len(s) })
	fmt.Println("lengths:", lengths)

	halves := Map(ints, func(n int) float64 { return float64(n) / 2 })
	fmt.Println("halves:", halves)

	zipped := Zip([]string{"a", "b", "c"}, []bool{true, false})
	fmt.Printf("%v %+v\n", zipped, zipped[0])
	fmt.Printf("%T\n", zipped)

	m := map[string]int{"x": 1, "y": 2, "w": 0}
	ks := Keys(m)
	sort.Strings(ks)
	fmt.Println("keys:", ks)

	nested := Map(Map([]int{1, 2, 3}, func(i int) []int { return make([]int, i) }), func(s []int) int { return len(s) * 10 })
	fmt.Println("nested map:", nested)
}
