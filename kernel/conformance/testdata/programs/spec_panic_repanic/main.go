// Covers: panic and recover, re-panicking from a deferred function, panics during deferred calls, and outer recovery.
package main

import "fmt"

func inner() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("inner recovered:", r)
			panic(fmt.Sprintf("wrapped(%v)", r))
		}
	}()
	panic("original")
}

func middle() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("middle caught: %v", r)
		}
	}()
	inner()
	return nil
}

func deferPanics() (msg string) {
	defer func() {
		msg = fmt.Sprint("last recover got: ", recover())
	}()
	defer func() {
		panic("second panic from defer")
	}()
	panic("first panic")
}

func main() {
	fmt.Println(middle())
	fmt.Println(deferPanics())

	order := []string{}
	func() {
		defer func() {
			r := recover()
			order = append(order, fmt.Sprint("outer recovered ", r))
		}()
		func() {
			defer func() {
				order = append(order, "inner deferred ran")
			}()
			panic("boom")
		}()
		order = append(order, "unreachable")
	}()
	fmt.Println(order)

	func() {
		defer func() {
			fmt.Println("recovered once:", recover())
			fmt.Println("second recover:", recover())
		}()
		panic("only once")
	}()
}
