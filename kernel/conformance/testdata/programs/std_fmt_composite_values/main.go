// Covers: fmt, printing nested structs, unexported fields, pointers to structs, maps (sorted keys), slices, arrays, nil values and errors.
package main

import (
	"errors"
	"fmt"
)

type address struct {
	City string
	zip  string
}

type Person struct {
	Name    string
	age     int
	Addr    address
	Emails  []string
	Scores  map[string]int
	Manager *Person
}

func main() {
	p := Person{
		Name:   "Ada",
		age:    36,
		Addr:   address{"London", "NW1"},
		Emails: []string{"ada@example.com"},
		Scores: map[string]int{"math": 99, "art": 71, "logic": 95},
	}
	fmt.Println(p)
	fmt.Printf("%+v\n", p)
	fmt.Printf("%v\n", &p)
	fmt.Printf("%+v\n", &p.Addr)
	fmt.Printf("%#v\n", p.Addr)

	m := map[int]string{3: "c", 1: "a", 2: "b", -1: "neg"}
	fmt.Println(m)
	fmt.Printf("%#v\n", m)
	bm := map[bool][]int{true: {1}, false: {0, 0}}
	fmt.Println(bm)
	fm := map[float64]string{2.5: "x", -1: "y", 0: "z"}
	fmt.Println(fm)

	var nilSlice []int
	var nilMap map[string]bool
	var nilPtr *Person
	var nilErr error
	var nilIface any
	fmt.Println(nilSlice, nilMap, nilPtr, nilErr, nilIface)
	fmt.Printf("%#v %#v %#v %#v\n", nilSlice, nilMap, nilPtr, nilIface)
	fmt.Printf("%d %v %s\n", []int{}, [3]bool{true}, []string{"x", "y"})

	err := errors.New("disk full")
	fmt.Println(err)
	fmt.Printf("%v | %s | %q\n", err, err, err)
	errs := []error{err, nil, fmt.Errorf("wrapped: %w", err)}
	fmt.Println(errs)
	grid := [2][3]int{{1, 2, 3}, {4, 5, 6}}
	fmt.Println(grid, len(grid))
	fmt.Printf("%v %+v\n", struct{}{}, struct{ A, b int }{1, 2})
	fmt.Printf("%x %X\n", []int{10, 255}, [2]uint8{171, 205})
}
