// Covers: explicit instantiation of generic functions and types (F[int], partial type argument lists), instantiated function values.
package main

import (
	"fmt"
	"strconv"
)

func Convert[To, From any](xs []From, f func(From) To) []To {
	out := make([]To, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func Zero[T any]() T {
	var z T
	return z
}

func Parse[T int | float64](s string) T {
	switch any(*new(T)).(type) {
	case int:
		n, _ := strconv.Atoi(s)
		return T(n)
	default:
		f, _ := strconv.ParseFloat(s, 64)
		return T(f)
	}
}

type Box[T any] struct{ V T }

func (b Box[T]) Get() T { return b.V }

func main() {
	fmt.Printf("%q %v %v\n", Zero[string](), Zero[int](), Zero[*int]() == nil)
	fmt.Printf("%v %T\n", Zero[[]bool](), Zero[map[string]int]())

	// partial instantiation: To given explicitly, From inferred
	lens := Convert[int]([]string{"a", "bb", "ccc"}, func(s string) int { return len(s) })
	fmt.Println("lengths:", lens)

	toStr := Convert[string, int]
	fmt.Printf("%T\n", toStr)
	fmt.Println(toStr([]int{7, 8}, strconv.Itoa))

	fmt.Println("parse int:", Parse[int]("42")+1)
	fmt.Println("parse float:", Parse[float64]("2.5")*2)

	parseInt := Parse[int]
	fmt.Printf("%T %v\n", parseInt, parseInt("-9"))

	b := Box[float64]{V: 1.25}
	get := b.Get
	fmt.Printf("%v %T %T\n", get(), b, get)
	boxes := []Box[string]{{"x"}, {V: "y"}}
	fmt.Printf("%+v\n", boxes)
}
