// Covers: constant declarations with iota, skipped values, expressions (bit flags, KB/MB), implicit repetition, iota per spec line.
package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
)

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const (
	a, b = iota, iota * 10
	c, d
	_, _
	e, f
)

const (
	first  = "x"
	second // repeats "x"
	third  = iota
)

func (p Perm) String() string {
	s := []byte("---")
	if p&Read != 0 {
		s[0] = 'r'
	}
	if p&Write != 0 {
		s[1] = 'w'
	}
	if p&Exec != 0 {
		s[2] = 'x'
	}
	return string(s)
}

func main() {
	fmt.Println("days:", Sunday, Monday, Tuesday, Wednesday)
	fmt.Printf("%T\n", Wednesday)
	fmt.Println("perms:", Read, Write, Exec, Read|Exec, Read|Write|Exec)
	fmt.Println("perm values:", uint8(Read), uint8(Write), uint8(Exec))
	fmt.Println("sizes:", KB, MB, GB)
	fmt.Println("pairs:", a, b, c, d, e, f)
	fmt.Println("repeat:", first, second, third)

	var p Perm = Read | Write
	p &^= Write
	fmt.Println("after clearing write:", p)
}
