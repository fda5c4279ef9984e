package session

import "testing"

// TestGenericTypesAndFunctionsOfTheCells checks monos.go and cellcheck's
// mono.go: yaegi alone fails on each of these (a method of a generic type,
// a function returning another instantiation, inference from a variable of
// an earlier cell), and prints %T without type arguments.
func TestGenericTypesAndFunctionsOfTheCells(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "fmt"`)
	f.ok("type Pair[K comparable, V any] struct {\n\tKey K\n\tVal V\n}")
	f.ok(`func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=>%v", p.Key, p.Val) }`)
	f.ok("func Swap[K, V comparable](p Pair[K, V]) Pair[V, K] { return Pair[V, K]{p.Val, p.Key} }")
	f.ok(`p := Pair[string, int]{"a", 1}`)
	// p's type is known to later cells as Pair[string, int], so Swap infers.
	f.expect("fmt.Sprintf(\"%v %T\", Swap(p), Swap(p))", `"1=>a main.Pair[int,string]"`)
	// A type argument that is itself an instance, printed through its String.
	f.expect(`fmt.Sprint(Pair[Pair[int, int], string]{Pair[int, int]{1, 2}, "x"})`, `"1=>2=>x"`)
	// Redefining the template gives new instances.
	f.ok(`func (p Pair[K, V]) String() string { return fmt.Sprintf("%v:%v", p.Key, p.Val) }`)
	f.expect(`fmt.Sprint(Pair[int, bool]{3, true})`, `"3:true"`)
	// A generic function instantiated explicitly, in part in a call and
	// in full as a value.
	f.ok("func Convert[To, From any](xs []From, f func(From) To) []To {\n\tout := make([]To, len(xs))\n\tfor i, x := range xs {\n\t\tout[i] = f(x)\n\t}\n\treturn out\n}")
	f.expect(`Convert[int]([]string{"a", "bcd"}, func(s string) int { return len(s) })`, "[1 3]")
	f.expect(`half := Convert[float64, int]
half([]int{1, 3}, func(n int) float64 { return float64(n) / 2 })`, "[0.5 1.5]")
}
