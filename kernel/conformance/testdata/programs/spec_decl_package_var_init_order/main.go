// Covers: package initialization order: package-level vars initialized in dependency order, not declaration order, including via functions.
package main

import "fmt"

var trace []string

func note(name string, v int) int {
	trace = append(trace, fmt.Sprintf("%s=%d", name, v))
	return v
}

var (
	total   = note("total", base+extra) // depends on base and extra
	base    = note("base", unit*10)     // depends on unit
	extra   = note("extra", double(3))  // depends on double -> unit
	unit    = note("unit", 2)
	derived = note("derived", total*2)
)

func double(n int) int { return n * unit }

var table = buildTable()

func buildTable() map[string]int {
	return map[string]int{"unit": unit, "total": total}
}

var x, y = swapped()

func swapped() (int, int) { return note("y-source", 1), note("x-source", 2) }

const answer = 42

var fromConst = answer * 2

var counter int

var greeting = func() string {
	counter++
	return fmt.Sprint("hello #", counter)
}()

func main() {
	for i, t := range trace {
		fmt.Println(i, t)
	}
	fmt.Println("values:", unit, base, extra, total, derived)
	fmt.Println("table:", table["unit"], table["total"])
	fmt.Println("x, y:", x, y)
	fmt.Println("fromConst:", fromConst)
	fmt.Println(greeting, counter)
}
