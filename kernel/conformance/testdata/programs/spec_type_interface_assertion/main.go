// Covers: interface types, dynamic dispatch over a slice of interfaces, type assertions to concrete and interface types, method sets.
package main

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Scaler interface {
	Scale(f float64)
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64         { return r.W * r.H }
func (r Rect) Perimeter() float64    { return 2 * (r.W + r.H) }
func (c *Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c *Circle) Scale(f float64)    { c.R *= f }

func main() {
	shapes := []Shape{Rect{3, 4}, &Circle{1}, Rect{1, 1}}
	total := 0.0
	for i, s := range shapes {
		fmt.Printf("%d %T area=%.3f perim=%.3f\n", i, s, s.Area(), s.Perimeter())
		total += s.Area()
	}
	fmt.Printf("total area %.3f\n", total)

	for _, s := range shapes {
		if sc, ok := s.(Scaler); ok {
			sc.Scale(2)
			fmt.Printf("scaled %T: new area %.3f\n", s, s.Area())
		}
	}

	c := shapes[1].(*Circle)
	fmt.Println("radius after scaling through interface:", c.R)

	var s Shape
	fmt.Println("nil interface:", s == nil)
	s = Rect{2, 2}
	fmt.Println("holds Rect{2,2}:", s == Rect{2, 2})

	var nilCircle *Circle
	s = nilCircle
	fmt.Println("interface holding nil *Circle is nil?", s == nil)

	defer func() { fmt.Println("recovered:", recover()) }()
	_ = shapes[0].(*Circle)
}
