// Covers: function types and values, maps of func values as a dispatch table, nil func comparison, funcs as struct fields.
package main

import (
	"fmt"
	"sort"
)

type binop func(a, b float64) float64

type command struct {
	name string
	run  func([]int) int
}

func apply(op binop, a, b float64) float64 { return op(a, b) }

func main() {
	ops := map[string]binop{
		"+": func(a, b float64) float64 { return a + b },
		"-": func(a, b float64) float64 { return a - b },
		"*": func(a, b float64) float64 { return a * b },
		"/": func(a, b float64) float64 { return a / b },
	}
	keys := make([]string, 0, len(ops))
	for k := range ops {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("7 %s 2 = %g\n", k, apply(ops[k], 7, 2))
	}

	var missing binop
	fmt.Println("zero func is nil:", missing == nil)
	if f, ok := ops["%"]; !ok {
		fmt.Println("no % operator, f nil:", f == nil)
	}

	cmds := []command{
		{"count", func(xs []int) int { return len(xs) }},
		{"sum", func(xs []int) int {
			s := 0
			for _, x := range xs {
				s += x
			}
			return s
		}},
		{"first", func(xs []int) int { return xs[0] }},
	}
	data := []int{4, 9, 1}
	for _, c := range cmds {
		fmt.Println(c.name, "=>", c.run(data))
	}

	compose := func(f, g func(int) int) func(int) int {
		return func(x int) int { return g(f(x)) }
	}
	inc := func(x int) int { return x + 1 }
	sq := func(x int) int { return x * x }
	fmt.Println("sq(inc(3)):", compose(inc, sq)(3), "inc(sq(3)):", compose(sq, inc)(3))
	fmt.Printf("%T\n", compose)
}
