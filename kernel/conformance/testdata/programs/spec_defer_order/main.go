// Covers: defer statements, LIFO execution order, deferred calls in loops and nested functions, defers running on return.
package main

import "fmt"

var log []string

func record(s string) { log = append(log, s) }

func withCleanup(name string) string {
	record("open " + name)
	defer record("close " + name)
	for i := range 3 {
		defer record(fmt.Sprintf("%s step %d undone", name, i))
	}
	record("work " + name)
	return "result of " + name
}

func nested() {
	defer record("outer defer")
	func() {
		defer record("inner defer")
		record("inner body")
	}()
	record("outer body")
}

func main() {
	r := withCleanup("db")
	record(r)
	nested()
	for i, line := range log {
		fmt.Printf("%2d %s\n", i, line)
	}

	func() {
		for _, s := range []string{"first", "second", "third"} {
			defer fmt.Println("deferred print:", s)
		}
		fmt.Println("before deferred prints")
	}()

	func() {
		defer fmt.Println("deferred with method value")
		defer func() {
			fmt.Println("deferred closure")
		}()
	}()
	fmt.Println("end of main")
}
