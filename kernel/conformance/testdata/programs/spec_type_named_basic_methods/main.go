// Covers: type definitions over basic types with methods (Celsius, Money, Weekday, IPv4 as uint32), method on named slice.
package main

import (
	"fmt"
	"strings"
)

type Celsius float64
type Fahrenheit float64

func (c Celsius) ToF() Fahrenheit { return Fahrenheit(c*9/5 + 32) }
func (f Fahrenheit) ToC() Celsius { return Celsius((f - 32) * 5 / 9) }

type Cents int64

func (c Cents) String() string { return fmt.Sprintf("$%d.%02d", c/100, c%100) }
func (c Cents) Split(n int) []Cents {
	parts := make([]Cents, n)
	for i := range parts {
		parts[i] = c / Cents(n)
	}
	parts[0] += c % Cents(n)
	return parts
}

type IPv4 uint32

func (ip IPv4) String() string {
	return fmt.Sprintf("%d.%d.%d.%d", byte(ip>>24), byte(ip>>16), byte(ip>>8), byte(ip))
}

type Words []string

func (w Words) Longest() string {
	best := ""
	for _, s := range w {
		if len(s) > len(best) {
			best = s
		}
	}
	return best
}

func (w *Words) Add(s string) { *w = append(*w, strings.ToLower(s)) }

func main() {
	c := Celsius(100)
	fmt.Printf("%.1f C = %.1f F\n", c, c.ToF())
	fmt.Printf("%.1f F = %.1f C\n", Fahrenheit(-40), Fahrenheit(-40).ToC())

	bill := Cents(1001)
	fmt.Println("bill:", bill, "split 3:", bill.Split(3))
	fmt.Println("sum:", bill+Cents(250))

	ip := IPv4(0xC0A80001)
	fmt.Println("ip:", ip, "next:", ip+1)

	var w Words
	w.Add("Go")
	w.Add("Gopher")
	w.Add("Cat")
	fmt.Println(w, "longest:", w.Longest(), "len:", len(w))

	const boiling = 212
	var f Fahrenheit = boiling // untyped constant assigns to named type
	fmt.Printf("%v %T\n", f.ToC(), f.ToC())
}
