// Covers: panic and recover, recover returning the panic value of various types, recover returning nil when not panicking.
package main

import (
	"errors"
	"fmt"
)

type validationError struct {
	field string
}

func (v validationError) Error() string { return "invalid " + v.field }

func try(name string, f func()) {
	defer func() {
		r := recover()
		switch v := r.(type) {
		case nil:
			fmt.Printf("%s: no panic\n", name)
		case error:
			fmt.Printf("%s: error %v (%T)\n", name, v, v)
		case string:
			fmt.Printf("%s: string %q\n", name, v)
		default:
			fmt.Printf("%s: other %v (%T)\n", name, v, v)
		}
	}()
	f()
}

func main() {
	try("ok", func() {})
	try("string", func() { panic("disk full") })
	try("int", func() { panic(42) })
	try("error", func() { panic(errors.New("bad state")) })
	try("custom", func() { panic(validationError{"email"}) })
	try("struct", func() { panic(struct{ Code int }{7}) })
	try("nested call", func() {
		var deep func(n int)
		deep = func(n int) {
			if n == 0 {
				panic(fmt.Sprintf("hit bottom at %d", n))
			}
			deep(n - 1)
		}
		deep(5)
	})

	fmt.Println("recover outside panic:", recover())

	steps := []string{}
	func() {
		defer func() {
			steps = append(steps, fmt.Sprint("recovered ", recover()))
		}()
		steps = append(steps, "before")
		panic("stop")
	}()
	steps = append(steps, "after")
	fmt.Println(steps)
}
