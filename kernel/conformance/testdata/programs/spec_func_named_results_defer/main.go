// Covers: defer statements modifying named result parameters after return, converting panics to errors, counting calls.
package main

import (
	"errors"
	"fmt"
)

func double(x int) (result int) {
	defer func() { result *= 2 }()
	return x + 1
}

func safeDivide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			q = -1
		}
	}()
	q = a / b
	return q, nil
}

type file struct{ name string }

func (f *file) Close() error {
	if f.name == "bad" {
		return errors.New("close failed")
	}
	return nil
}

func process(name string) (err error) {
	f := &file{name}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	return nil
}

func trace(log *[]string) (n int) {
	defer func() { *log = append(*log, fmt.Sprint("exit n=", n)) }()
	n = 10
	for i := range 3 {
		n += i
	}
	return n * 2
}

func main() {
	fmt.Println("double(4):", double(4))
	fmt.Println(safeDivide(10, 3))
	fmt.Println(safeDivide(1, 0))
	fmt.Println("good:", process("good"))
	fmt.Println("bad:", process("bad"))
	var log []string
	got := trace(&log)
	fmt.Println("trace:", got, log)
}
