package cmp

import (
	stdcmp "cmp"
	"math"
	"testing"
)

var (
	negZero  = math.Copysign(0, -1)
	nan      = math.NaN()
	floats   = []float64{nan, -math.NaN(), math.Inf(-1), -1.5, -1, negZero, 0, 1e-300, 1, 2.5, math.MaxFloat64, math.Inf(1)}
	ints     = []int{math.MinInt, -7, -1, 0, 1, 2, 7, math.MaxInt}
	strs     = []string{"", "a", "ab", "b", "ba", "\xff", "é"}
	uints    = []uint8{0, 1, 127, 128, 255}
	float32s = []float32{float32(nan), float32(negZero), 0, -1, 1, float32(math.Inf(1))}
)

func pairs[T Ordered](t *testing.T, name string, vals []T) {
	t.Helper()
	for _, x := range vals {
		for _, y := range vals {
			if got, want := Compare[T](x, y), stdcmp.Compare(x, y); got != want {
				t.Errorf("%s: Compare(%v, %v) = %d, want %d", name, x, y, got, want)
			}
			if got, want := Less[T](x, y), stdcmp.Less(x, y); got != want {
				t.Errorf("%s: Less(%v, %v) = %v, want %v", name, x, y, got, want)
			}
		}
	}
}

func TestCompareLess(t *testing.T) {
	pairs(t, "float64", floats)
	pairs(t, "float32", float32s)
	pairs(t, "int", ints)
	pairs(t, "uint8", uints)
	pairs(t, "string", strs)
	type myString string
	pairs(t, "myString", []myString{"", "x", "y"})
}

// same reports whether a and b are the same value, bit for bit for floats.
func same[T comparable](a, b T) bool {
	if fa, ok := any(a).(float64); ok {
		return math.Float64bits(fa) == math.Float64bits(any(b).(float64))
	}
	return a == b
}

func TestOr(t *testing.T) {
	fl := [][]float64{nil, {}, {0}, {negZero}, {negZero, 3}, {0, nan, 1}, {0, 0, 2, 3}, {nan}}
	for _, v := range fl {
		if got, want := Or[float64](v...), stdcmp.Or(v...); !same(got, want) {
			t.Errorf("Or(%v) = %v, want %v", v, got, want)
		}
	}
	st := [][]string{nil, {""}, {"", "", "x", "y"}, {"a"}}
	for _, v := range st {
		if got, want := Or[string](v...), stdcmp.Or(v...); got != want {
			t.Errorf("Or(%q) = %q, want %q", v, got, want)
		}
	}
	type point struct {
		X int
		S string
	}
	pt := [][]point{nil, {{}}, {{}, {0, "a"}, {1, ""}}, {{2, "b"}}}
	for _, v := range pt {
		if got, want := Or[point](v...), stdcmp.Or(v...); got != want {
			t.Errorf("Or(%v) = %v, want %v", v, got, want)
		}
	}
	var p1, p2 int
	ptrs := [][]*int{nil, {nil, &p1, &p2}, {nil}}
	for _, v := range ptrs {
		if got, want := Or[*int](v...), stdcmp.Or(v...); got != want {
			t.Errorf("Or(%v) = %v, want %v", v, got, want)
		}
	}
}
