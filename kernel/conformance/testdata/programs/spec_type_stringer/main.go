// Covers: method sets and fmt.Stringer, String() used by %v/%s/Println, pointer vs value String receivers, error precedence.
package main

import (
	"fmt"
	"strings"
)

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	case Blue:
		return "Blue"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type Matrix [][]int

func (m Matrix) String() string {
	var b strings.Builder
	for _, row := range m {
		b.WriteString(fmt.Sprint(row))
		b.WriteString(";")
	}
	return b.String()
}

type Temp struct{ C float64 }

func (t *Temp) String() string { return fmt.Sprintf("%.1f°C", t.C) }

type Both struct{}

func (Both) String() string { return "as-stringer" }
func (Both) Error() string  { return "as-error" }

func main() {
	fmt.Println(Red, Blue, Color(7))
	fmt.Printf("%v %s %d %q\n", Green, Green, Green, Green)
	fmt.Println([]Color{Blue, Red})
	fmt.Println(map[Color]int{Green: 2, Red: 1})

	m := Matrix{{1, 2}, {3, 4}}
	fmt.Println(m)
	fmt.Printf("%v|%s\n", m, m)

	t := Temp{21.5}
	fmt.Println("pointer String on value:", t)
	fmt.Println("pointer String on pointer:", &t)

	fmt.Println(Both{})
	fmt.Printf("%+v %#v\n", Red, Red)
	type wrapper struct{ C Color }
	fmt.Printf("%v %+v\n", wrapper{Blue}, wrapper{Green})
}
