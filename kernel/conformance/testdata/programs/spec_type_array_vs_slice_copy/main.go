// Covers: array types are values (copied on assignment and call) while slices share backing arrays; array comparison.
package main

import "fmt"

func zeroArray(a [3]int)     { a[0] = 0 }
func zeroArrayPtr(a *[3]int) { a[0] = 0 }
func zeroSlice(s []int)      { s[0] = 0 }

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[1] = 20
	fmt.Println("arrays a b:", a, b)

	zeroArray(a)
	fmt.Println("after zeroArray:", a)
	zeroArrayPtr(&a)
	fmt.Println("after zeroArrayPtr:", a)

	s := []int{1, 2, 3}
	t := s
	t[1] = 20
	fmt.Println("slices s t:", s, t)
	zeroSlice(s)
	fmt.Println("after zeroSlice:", s)

	fromArr := a[:]
	fromArr[2] = 300
	fmt.Println("slice of array writes through:", a)

	fmt.Println("array equality:", [3]int{1, 2, 3} == [3]int{1, 2, 3}, a == b)

	type board [2][2]rune
	var x board
	x[0][0] = 'X'
	y := x
	y[1][1] = 'O'
	fmt.Printf("%q %q | %q %q\n", x[0][0], x[1][1], y[0][0], y[1][1])

	lens := [...]string{2: "c", 0: "a"}
	fmt.Println("len of [...] array:", len(lens), lens)

	structs := [2]struct{ n int }{{1}, {2}}
	cp := structs
	cp[0].n = 99
	fmt.Println(structs, cp)

	fixed := [4]int{1, 2, 3, 4}
	conv := [2]int(fixed[1:3]) // slice to array conversion copies
	conv[0] = 0
	fmt.Println("slice->array conversion:", conv, fixed)
}
