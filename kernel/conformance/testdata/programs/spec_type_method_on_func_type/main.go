// Covers: method declarations on function types (HandlerFunc pattern), middleware chaining, func types satisfying interfaces.
package main

import (
	"fmt"
	"strings"
)

type Handler interface {
	Serve(req string) string
}

type HandlerFunc func(req string) string

func (f HandlerFunc) Serve(req string) string { return f(req) }

type Middleware func(Handler) Handler

func logging(log *[]string) Middleware {
	return func(next Handler) Handler {
		return HandlerFunc(func(req string) string {
			*log = append(*log, "start "+req)
			resp := next.Serve(req)
			*log = append(*log, "end "+req)
			return resp
		})
	}
}

func upper(next Handler) Handler {
	return HandlerFunc(func(req string) string {
		return strings.ToUpper(next.Serve(req))
	})
}

func chain(h Handler, ms ...Middleware) Handler {
	for i := len(ms) - 1; i >= 0; i-- {
		h = ms[i](h)
	}
	return h
}

type Predicate func(int) bool

func (p Predicate) And(q Predicate) Predicate { return func(n int) bool { return p(n) && q(n) } }
func (p Predicate) Not() Predicate            { return func(n int) bool { return !p(n) } }

func main() {
	var log []string
	hello := HandlerFunc(func(req string) string { return "hello, " + req })
	h := chain(hello, logging(&log), upper)
	fmt.Println(h.Serve("gopher"))
	fmt.Println(h.Serve("world"))
	fmt.Println(log)
	fmt.Printf("%T\n", hello)

	even := Predicate(func(n int) bool { return n%2 == 0 })
	big := Predicate(func(n int) bool { return n > 5 })
	evenSmall := even.And(big.Not())
	var picked []int
	for i := range 10 {
		if evenSmall(i) {
			picked = append(picked, i)
		}
	}
	fmt.Println("even and <= 5:", picked)
}
