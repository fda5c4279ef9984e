// Covers: a multi-function program: tokenizer, shunting-yard conversion to RPN and stack evaluation with operator precedence maps.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

var prec = map[string]int{"+": 1, "-": 1, "*": 2, "/": 2}

var apply = map[string]func(a, b float64) float64{
	"+": func(a, b float64) float64 { return a + b },
	"-": func(a, b float64) float64 { return a - b },
	"*": func(a, b float64) float64 { return a * b },
	"/": func(a, b float64) float64 { return a / b },
}

func tokenize(expr string) []string {
	spaced := strings.NewReplacer("(", " ( ", ")", " ) ").Replace(expr)
	return strings.Fields(spaced)
}

func toRPN(toks []string) []string {
	var out, ops []string
	pop := func() string {
		top := ops[len(ops)-1]
		ops = ops[:len(ops)-1]
		return top
	}
	for _, t := range toks {
		switch {
		case t == "(":
			ops = append(ops, t)
		case t == ")":
			for ops[len(ops)-1] != "(" {
				out = append(out, pop())
			}
			pop()
		case prec[t] > 0:
			for len(ops) > 0 && prec[ops[len(ops)-1]] >= prec[t] {
				out = append(out, pop())
			}
			ops = append(ops, t)
		default:
			out = append(out, t)
		}
	}
	for len(ops) > 0 {
		out = append(out, pop())
	}
	return out
}

func eval(rpn []string) float64 {
	var st []float64
	for _, t := range rpn {
		if v, err := strconv.ParseFloat(t, 64); err == nil {
			st = append(st, v)
			continue
		}
		a, b := st[len(st)-2], st[len(st)-1]
		st = st[:len(st)-2]
		st = append(st, apply[t](a, b))
	}
	return st[0]
}

func main() {
	for _, e := range []string{"1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 1.5", "8 - 3 - 2", "((7))*(2 + 0.5)"} {
		rpn := toRPN(tokenize(e))
		fmt.Printf("%-14s => %-18s = %g\n", e, strings.Join(rpn, " "), eval(rpn))
	}
}
