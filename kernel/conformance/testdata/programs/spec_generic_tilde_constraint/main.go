// Covers: type constraints with ~ (underlying type sets), union constraints, generic Sum over named numeric types, constraint interfaces with methods.
package main

import (
	"fmt"
	"strconv"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

func Scale[S ~[]E, E Number](s S, k E) S {
	out := make(S, len(s))
	for i, v := range s {
		out[i] = v * k
	}
	return out
}

type Cents int
type Meters float64
type Path []Meters

func (p Path) Total() Meters { return Sum(p) }

type Labeled interface {
	~int
	Label() string
}

type Status int

func (s Status) Label() string { return "status-" + strconv.Itoa(int(s)) }

func Describe[T Labeled](xs []T) []string {
	var out []string
	for _, x := range xs {
		out = append(out, fmt.Sprintf("%s(%d)", x.Label(), int(x)+1))
	}
	return out
}

func main() {
	fmt.Println("ints:", Sum([]int{1, 2, 3}))
	fmt.Println("floats:", Sum([]float64{0.5, 0.25}))

	prices := []Cents{199, 250, 1}
	total := Sum(prices)
	fmt.Printf("cents total %v %T\n", total, total)

	p := Path{1.5, 2.5, 3}
	fmt.Println("path total:", p.Total())
	doubled := Scale(p, 2)
	fmt.Printf("scaled %v %T\n", doubled, doubled)

	fmt.Println(Describe([]Status{200, 404}))
	fmt.Println("empty sum:", Sum[int64](nil))
}
