// Package cmp is a self-contained re-implementation of the standard
// library's cmp package, written so that the kernel can monomorphise each
// function per call site (see the rules in kernel/generic/slices).
package cmp

// Ordered is a constraint satisfied by every type that supports < <= >= >.
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

// Compare returns -1, 0 or +1 as x is less than, equal to or greater than y,
// treating NaN as equal to NaN and smaller than anything else.
func Compare[T Ordered](x, y T) int {
	xNaN := x != x
	yNaN := y != y
	if xNaN || yNaN {
		if xNaN && yNaN {
			return 0
		}
		if xNaN {
			return -1
		}
		return +1
	}
	if x < y {
		return -1
	}
	if y < x {
		return +1
	}
	return 0
}

// Less reports whether x sorts before y, with NaN before every non-NaN value.
func Less[T Ordered](x, y T) bool {
	if x != x {
		return y == y
	}
	return x < y
}

// Or returns its first argument that differs from the zero value, or the
// zero value if there is none.
func Or[T comparable](vals ...T) T {
	var zero T
	for _, v := range vals {
		if v != zero {
			return v
		}
	}
	return zero
}
