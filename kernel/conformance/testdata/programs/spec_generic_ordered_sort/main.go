// Covers: cmp.Ordered constraint, generic Max/Clamp/insertion sort/binary search over ints, floats and strings, generic sorted map keys.
package main

import (
	"cmp"
	"fmt"
)

func MaxOf[T cmp.Ordered](first T, rest ...T) T {
	m := first
	for _, v := range rest {
		if v > m {
			m = v
		}
	}
	return m
}

func Clamp[T cmp.Ordered](v, lo, hi T) T {
	return min(max(v, lo), hi)
}

func InsertionSort[T cmp.Ordered](xs []T) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

func BinarySearch[T cmp.Ordered](xs []T, target T) (int, bool) {
	lo, hi := 0, len(xs)
	for lo < hi {
		mid := (lo + hi) / 2
		switch cmp.Compare(xs[mid], target) {
		case -1:
			lo = mid + 1
		case 1:
			hi = mid
		default:
			return mid, true
		}
	}
	return lo, false
}

func SortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	InsertionSort(keys)
	return keys
}

func main() {
	fmt.Println(MaxOf(3, 9, 2), MaxOf(1.5, -2.0), MaxOf("pear", "apple", "zoo"))
	fmt.Println(Clamp(15, 0, 10), Clamp(-3.5, -1, 1), Clamp("m", "a", "k"))

	nums := []int{5, 2, 9, 1, 5, 6}
	InsertionSort(nums)
	fmt.Println("sorted ints:", nums)
	words := []string{"delta", "alpha", "charlie", "bravo"}
	InsertionSort(words)
	fmt.Println("sorted words:", words)

	for _, t := range []int{5, 7} {
		i, found := BinarySearch(nums, t)
		fmt.Printf("search %d: index %d found %v\n", t, i, found)
	}

	inventory := map[string]float64{"nails": 0.05, "hammer": 12.5, "glue": 3}
	for _, k := range SortedKeys(inventory) {
		fmt.Printf("%-7s %6.2f\n", k, inventory[k])
	}
}
