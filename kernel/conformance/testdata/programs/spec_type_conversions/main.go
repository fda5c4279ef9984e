// Covers: conversions between numeric types (truncation, sign), named types, string([]byte), []rune, float->int truncation toward zero.
package main

import "fmt"

type Meters float64
type Feet float64

func toFeet(m Meters) Feet { return Feet(m * 3.28084) }

type IntList []int

func main() {
	f := 3.99
	fmt.Println("int(3.99):", int(f), "int(-3.99):", int(-f))

	big := 300
	fmt.Println("uint8(300):", uint8(big), "int8(200):", int8(big-100))

	neg := -1
	fmt.Println("uint32(-1):", uint32(neg), "uint16(-2):", uint16(neg-1))

	var i64 int64 = 1 << 40
	fmt.Println("int32(1<<40):", int32(i64), "int32(1<<40+5):", int32(i64+5))

	x := 7
	fmt.Println("float64(7)/2:", float64(x)/2, "7/2:", x/2)

	m := Meters(100)
	fmt.Printf("%.2f meters = %.2f feet (%T)\n", m, toFeet(m), toFeet(m))
	raw := float64(m) + 1
	fmt.Println("back to float64:", raw)

	list := IntList([]int{3, 1, 2})
	plain := []int(list)
	plain[0] = 30
	fmt.Println("named slice shares memory:", list)

	s := "héllo"
	b := []byte(s)
	r := []rune(s)
	fmt.Println("bytes:", len(b), "runes:", len(r))
	b[0] = 'H'
	fmt.Println("string unchanged:", s, "converted back:", string(b), string(r[1:3]))

	fmt.Println("string(rune(65)):", string(rune(65)), "string(rune(0x4e16)):", string(rune(0x4e16)))

	var f32 float32 = 0.1
	fmt.Println("float32(0.1) as float64:", float64(f32))

	u := uint(5)
	fmt.Println("mixed via conversion:", int(u)-10)
}
