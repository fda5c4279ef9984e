// Covers: value and pointer methods on small structs, a []Field of both kinds, sort.Interface on a named slice, a generic Map, []fmt.Stringer filled in a loop, assertions from an interface to both kinds, %v %+v %T.
package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Vec struct{ X, Y float64 }

func (v Vec) Add(w Vec) Vec       { return Vec{v.X + w.X, v.Y + w.Y} }
func (v Vec) Scale(s float64) Vec { return Vec{v.X * s, v.Y * s} }
func (v Vec) Norm() float64       { return math.Hypot(v.X, v.Y) }
func (v Vec) String() string      { return fmt.Sprintf("(%.2f, %.2f)", v.X, v.Y) }

type Particle struct {
	Name string
	Pos  Vec
	Vel  Vec
}

type Field interface {
	At(p Vec) Vec
}

type Uniform struct{ G Vec }

func (u Uniform) At(Vec) Vec { return u.G }

type Spring struct {
	Center Vec
	K      float64
}

func (s *Spring) At(p Vec) Vec { return s.Center.Add(p.Scale(-1)).Scale(s.K) }

type byDistance []Particle

func (b byDistance) Len() int           { return len(b) }
func (b byDistance) Less(i, j int) bool { return b[i].Pos.Norm() < b[j].Pos.Norm() }
func (b byDistance) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func step(ps []Particle, fields []Field, dt float64) {
	for i := range ps {
		acc := Vec{}
		for _, f := range fields {
			acc = acc.Add(f.At(ps[i].Pos))
		}
		ps[i].Vel = ps[i].Vel.Add(acc.Scale(dt))
		ps[i].Pos = ps[i].Pos.Add(ps[i].Vel.Scale(dt))
	}
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	ps := []Particle{{"a", Vec{1, 0}, Vec{}}, {"b", Vec{0, 2}, Vec{}}, {"c", Vec{-3, 1}, Vec{0.5, 0}}}
	fields := []Field{Uniform{Vec{0, -1}}, &Spring{Vec{}, 0.5}}
	for t := 0; t < 10; t++ {
		step(ps, fields, 0.1)
	}
	for _, p := range ps {
		fmt.Printf("%s %v %v %.3f\n", p.Name, p.Pos, p.Vel, p.Pos.Norm())
	}
	sort.Sort(byDistance(ps))
	fmt.Println(Map(ps, func(p Particle) string { return p.Name }))
	var strs []fmt.Stringer
	for _, p := range ps {
		strs = append(strs, p.Pos)
	}
	fmt.Println(strs)
	names := Map(ps, func(p Particle) string { return strings.ToUpper(p.Name) + "=" + p.Pos.String() })
	fmt.Println(strings.Join(names, "; "))
	energy := map[string]float64{}
	for _, p := range ps {
		energy[p.Name] = 0.5 * p.Vel.Norm() * p.Vel.Norm()
	}
	keys := make([]string, 0)
	for k := range energy {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s:%.4f ", k, energy[k])
	}
	fmt.Println()
	var f Field = Uniform{Vec{1, 1}}
	if u, ok := f.(Uniform); ok {
		fmt.Println("uniform", u.G, f.At(Vec{}))
	}
	if _, ok := f.(*Spring); !ok {
		fmt.Println("not a spring")
	}
	fmt.Printf("%v %+v %T\n", ps[0], ps[0], fields[1])
}
