// Covers: iter, Seq and Seq2 returned by program functions (fibonacci, filter, map, enumerate, take), early break, slices.Collect.
package main

import (
	"fmt"
	"iter"
	"slices"
	"strings"
)

func Fib() iter.Seq[int] {
	return func(yield func(int) bool) {
		a, b := 0, 1
		for {
			if !yield(a) {
				return
			}
			a, b = b, a+b
		}
	}
}

func Filter[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func Take[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			if i++; i == n {
				return
			}
		}
	}
}

func Enumerate[T any](seq iter.Seq[T]) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		i := 0
		for v := range seq {
			if !yield(i, v) {
				return
			}
			i++
		}
	}
}

func main() {
	fmt.Println(slices.Collect(Take(Fib(), 12)))
	evens := Filter(Fib(), func(n int) bool { return n%2 == 0 })
	fmt.Println(slices.Collect(Take(evens, 6)))

	for i, w := range Enumerate(strings.FieldsSeq("alpha beta gamma delta")) {
		if i == 3 {
			break
		}
		fmt.Println(i, w)
	}
	for n := range Fib() {
		if n > 100 {
			fmt.Println("first fib over 100:", n)
			break
		}
	}
	fmt.Println(len(slices.Collect(Take(Fib(), 0))))
}
