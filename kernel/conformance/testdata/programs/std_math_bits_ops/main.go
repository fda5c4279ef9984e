// Covers: math/bits, OnesCount/LeadingZeros/TrailingZeros/Len/Reverse/RotateLeft/ReverseBytes, Add64/Mul64/Div64 carries, a bitset of permissions.
package main

import (
	"fmt"
	"math/bits"
	"strings"
)

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
	Admin
)

func (p Perm) String() string {
	var parts []string
	for i, n := range []string{"read", "write", "exec", "admin"} {
		if p&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	return fmt.Sprintf("%04b[%s]", uint8(p), strings.Join(parts, ","))
}

func main() {
	for _, x := range []uint32{0, 1, 12, 255, 1 << 31, 0xF0F0} {
		fmt.Printf("%10d ones=%2d lead=%2d trail=%2d len=%2d\n", x, bits.OnesCount32(x), bits.LeadingZeros32(x), bits.TrailingZeros32(x), bits.Len32(x))
	}
	var b uint8 = 0b0001_0110
	fmt.Printf("%08b rev=%08b rotl2=%08b rotr1=%08b\n", b, bits.Reverse8(b), bits.RotateLeft8(b, 2), bits.RotateLeft8(b, -1))
	fmt.Printf("%#x -> %#x\n", uint32(0x11223344), bits.ReverseBytes32(0x11223344))
	fmt.Println(bits.UintSize, bits.Len(1023), bits.OnesCount64(^uint64(0)))

	sum, carry := bits.Add64(^uint64(0), 2, 0)
	fmt.Println("add:", sum, carry)
	diff, borrow := bits.Sub64(1, 2, 0)
	fmt.Println("sub:", diff, borrow)
	hi, lo := bits.Mul64(1<<40, 1<<40)
	fmt.Println("mul:", hi, lo)
	quo, rem := bits.Div64(hi, lo, 3<<20)
	fmt.Println("div:", quo, rem)

	user := Read | Write
	fmt.Println(user, "count:", bits.OnesCount8(uint8(user)))
	user |= Exec
	user &^= Write
	fmt.Println(user, "has exec:", user&Exec != 0, "has admin:", user&Admin != 0)
	fmt.Println(Perm(0), Read|Write|Exec|Admin)
	next := uint(1) << bits.Len(uint(100-1))
	fmt.Println("next pow2 >= 100:", next)
}
