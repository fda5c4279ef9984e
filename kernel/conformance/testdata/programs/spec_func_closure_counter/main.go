// Covers: function literals and closures, independent counters, shared captured state, closures returning closures.
package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func bankAccount(initial int) (deposit func(int), balance func() int) {
	total := initial
	deposit = func(amt int) { total += amt }
	balance = func() int { return total }
	return
}

func adder(base int) func(int) func() int {
	return func(step int) func() int {
		return func() int {
			base += step
			return base
		}
	}
}

func main() {
	c1 := counter()
	c2 := counter()
	fmt.Println(c1(), c1(), c1())
	fmt.Println(c2(), c2())
	fmt.Println("c1 again:", c1())

	dep, bal := bankAccount(100)
	dep(50)
	dep(-30)
	fmt.Println("balance:", bal())

	byTwo := adder(10)(2)
	fmt.Println(byTwo(), byTwo(), byTwo())

	x := 5
	double := func() { x *= 2 }
	double()
	double()
	fmt.Println("x modified by closure:", x)

	fib := func() func() int {
		a, b := 0, 1
		return func() int {
			r := a
			a, b = b, a+b
			return r
		}
	}()
	var seq []int
	for range 10 {
		seq = append(seq, fib())
	}
	fmt.Println("fib:", seq)
}
