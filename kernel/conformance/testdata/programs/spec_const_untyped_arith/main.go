// Covers: constant expressions, untyped constants with arbitrary precision, huge intermediate values, typed constants, default types.
package main

import "fmt"

const Big = 1 << 100
const Small = Big >> 98

const Pi = 3.14159265358979323846264338327950288
const third = 1.0 / 3

const typed int32 = 1 << 20

func main() {
	fmt.Println("Big>>98:", Small)
	fmt.Println("Big/Big*7:", Big/Big*7)
	fmt.Println("huge float division:", Big/1e30 > 1)

	var f32 float32 = Pi
	var f64 float64 = Pi
	fmt.Println("Pi as float32:", f32)
	fmt.Println("Pi as float64:", f64)

	fmt.Println("third*3 == 1:", third*3 == 1)
	x := third
	fmt.Printf("x is %T: %v\n", x, x)

	i := 7 / 2
	fl := 7 / 2.0
	fmt.Println("7/2 =", i, "7/2.0 =", fl)

	const r = 'a' + 1
	fmt.Printf("'a'+1 default type %T value %v %c\n", r, r, r)

	const c = 2i * 2i
	fmt.Printf("2i*2i = %v (%T)\n", c, c)

	var u8 uint8 = 255
	const shift = 3
	fmt.Println("typed const arith:", typed*2, u8>>shift)

	const mask = ^0
	fmt.Println("^0 untyped:", mask, "uint8 complement:", ^uint8(0))

	var d = 1e3
	fmt.Printf("1e3 default %T %v\n", d, d)

	const ratio = 22 / 7.0
	scaled := ratio * 1000
	fmt.Printf("%.10f %v %T\n", ratio, int(scaled), scaled)
	fmt.Println(len("héllo"), len([3]int{}))
}
