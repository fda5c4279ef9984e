// Covers: printing named slice, map, func-less and numeric types with %v, %+v, %#v and %T, including nil named slices and maps.
package main

import "fmt"

type IDs []int
type Registry map[string]int
type Score float64
type Flags uint8
type Names []string
type Grid [2][2]int
type Lookup map[int][]string

func main() {
	ids := IDs{3, 1, 2}
	fmt.Printf("%v | %+v | %#v | %T\n", ids, ids, ids, ids)

	reg := Registry{"zeta": 26, "alpha": 1}
	fmt.Printf("%v | %#v | %T\n", reg, reg, reg)

	var nilIDs IDs
	var nilReg Registry
	fmt.Printf("%v %#v %v\n", nilIDs, nilIDs, nilIDs == nil)
	fmt.Printf("%v %#v %v\n", nilReg, nilReg, nilReg == nil)

	empty := IDs{}
	fmt.Printf("%v %#v\n", empty, empty)

	var s Score = 9.75
	fmt.Printf("%v %#v %T %.1f\n", s, s, s, s)

	var f Flags = 5
	fmt.Printf("%v %#v %b %T\n", f, f, f, f)

	names := Names{"a b", "c"}
	fmt.Printf("%v %q %#v\n", names, names, names)

	g := Grid{{1, 2}, {3, 4}}
	fmt.Printf("%v %#v %T\n", g, g, g)

	lk := Lookup{2: {"b"}, 1: {"a", "aa"}}
	fmt.Printf("%v\n%#v\n", lk, lk)

	mixed := []any{ids, reg, s, f, nil}
	fmt.Printf("%v\n", mixed)
	for _, m := range mixed {
		fmt.Printf("%T ", m)
	}
	fmt.Println("end")
	bs := []byte("hi")
	type Raw []byte
	fmt.Printf("%v %s %x %#v\n", bs, Raw(bs), Raw(bs), Raw(bs))
}
