// Covers: integer overflow wraparound for signed and unsigned types at run time, two's complement, shifts, FNV hashing.
package main

import "fmt"

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func main() {
	var i8 int8 = 127
	i8++
	fmt.Println("int8 127+1:", i8)
	i8 = -128
	i8--
	fmt.Println("int8 -128-1:", i8)

	var u8 uint8 = 0
	u8--
	fmt.Println("uint8 0-1:", u8)
	u8 = 200
	u8 += 100
	fmt.Println("uint8 200+100:", u8)

	var i32 int32 = 1 << 30
	i32 *= 4
	fmt.Println("int32 (1<<30)*4:", i32)

	var u64 uint64 = 1<<64 - 1
	u64++
	fmt.Println("uint64 max+1:", u64)

	var i64 int64 = -9223372036854775808
	m1 := int64(-1)
	fmt.Println("minInt64 negated:", -i64, "minInt64/-1:", i64/m1, "minInt64%-1:", i64%m1)

	var sh uint8 = 1
	sh <<= 7
	fmt.Println("uint8 1<<7:", sh, "<<1 more:", sh<<1)
	n := 40
	fmt.Println("int32 1<<40 runtime shift:", int32(1)<<n, "uint64 1<<70:", uint64(1)<<(n+30))

	var neg int16 = -5
	fmt.Println("int16 -5 >> 1:", neg>>1, "as uint16:", uint16(neg))

	fmt.Println("fnv32(hello):", fnv32("hello"))
	fmt.Println("fnv32(world):", fnv32("world"))

	x := int8(-128)
	fmt.Println("abs of -128 via negation:", -x, "%:", -7%3, 7%-3)
}
