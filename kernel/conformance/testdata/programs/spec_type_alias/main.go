// Covers: alias declarations (type A = B) vs defined types, method sets through aliases, generic type aliases (Go 1.24), %T of aliases.
package main

import "fmt"

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1fC", float64(c)) }

type Temp = Celsius   // alias: same type, same methods
type RawTemp Celsius  // defined type: no methods from Celsius
type Bytes = []byte   // alias for an unnamed type
type Matrix = [][]int // alias used in signatures

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type StrPair[V any] = Pair[string, V] // generic alias

func sum(m Matrix) int {
	t := 0
	for _, row := range m {
		for _, v := range row {
			t += v
		}
	}
	return t
}

func main() {
	var t Temp = 21.5
	var c Celsius = t // no conversion needed
	fmt.Println(t, c, t == c)
	fmt.Printf("%T %T\n", t, c)

	r := RawTemp(c)
	fmt.Println(r, float64(r)+1)
	fmt.Printf("%T\n", r)

	var b Bytes = []byte("hi")
	var plain []byte = b
	plain[0] = 'H'
	fmt.Printf("%s %T\n", b, b)

	m := [][]int{{1, 2}, {3}}
	fmt.Println("sum:", sum(m))

	p := StrPair[int]{"age", 30}
	var q Pair[string, int] = p
	fmt.Printf("%+v %T %v\n", p, p, p == q)

	var r2 rune = 'x'
	var i32 int32 = r2 // rune is an alias for int32
	var u8 uint8 = 'y'
	var by byte = u8 // byte is an alias for uint8
	fmt.Printf("%v %T %v %T\n", i32, r2, by, by)

	var a any = t
	_, isCelsius := a.(Celsius)
	fmt.Println("alias value asserts as Celsius:", isCelsius)
}
