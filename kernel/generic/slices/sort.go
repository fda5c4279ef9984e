package slices

import (
	"iter"

	"github.com/gophlow/gophlow/kernel/generic/cmp"
)

// SortStableFunc sorts x in ascending order by cmp, keeping equal elements in
// their original order (insertion sort of short runs, then merging).
func SortStableFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	const run = 12
	n := len(x)
	for lo := 0; lo < n; lo += run {
		hi := lo + run
		if hi > n {
			hi = n
		}
		for i := lo + 1; i < hi; i++ {
			for j := i; j > lo && cmp(x[j], x[j-1]) < 0; j-- {
				x[j], x[j-1] = x[j-1], x[j]
			}
		}
	}
	if n <= run {
		return
	}
	src, dst := x, make(S, n)
	inX := true
	for width := run; width < n; width *= 2 {
		for lo := 0; lo < n; lo += 2 * width {
			mid, hi := lo+width, lo+2*width
			if mid > n {
				mid = n
			}
			if hi > n {
				hi = n
			}
			a, b, k := lo, mid, lo
			for a < mid && b < hi {
				if cmp(src[b], src[a]) < 0 {
					dst[k] = src[b]
					b++
				} else {
					dst[k] = src[a]
					a++
				}
				k++
			}
			k += copy(dst[k:], src[a:mid])
			copy(dst[k:], src[b:hi])
		}
		src, dst = dst, src
		inX = !inX
	}
	if !inX {
		copy(x, src)
	}
}

// SortFunc sorts x in ascending order by cmp. It is stable, so equal elements
// may be ordered differently than by the standard library's unstable sort.
func SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	SortStableFunc[S, E](x, cmp)
}

// Sort sorts x in ascending order, NaNs first. It is stable, so equal
// elements (such as -0 and +0) may be ordered differently than by the
// standard library.
func Sort[S ~[]E, E cmp.Ordered](x S) {
	SortStableFunc[S, E](x, func(a, b E) int { return cmp.Compare[E](a, b) })
}

// IsSorted reports whether x is in ascending order (NaNs first).
func IsSorted[S ~[]E, E cmp.Ordered](x S) bool {
	for i := len(x) - 1; i > 0; i-- { // from the end, like the standard library
		if cmp.Less[E](x[i], x[i-1]) {
			return false
		}
	}
	return true
}

// IsSortedFunc reports whether x is in ascending order according to cmp.
func IsSortedFunc[S ~[]E, E any](x S, cmp func(a, b E) int) bool {
	for i := len(x) - 1; i > 0; i-- { // cmp sees pairs from the end, like std
		if cmp(x[i], x[i-1]) < 0 {
			return false
		}
	}
	return true
}

// Min returns the smallest element of x, or NaN if x holds a NaN; it panics
// on an empty slice. Of several minimal zeros it returns the first one.
func Min[S ~[]E, E cmp.Ordered](x S) E {
	if len(x) == 0 {
		panic("slices.Min: empty list")
	}
	m := x[0]
	for i := 0; i < len(x); i++ {
		v := x[i]
		if v != v {
			return v
		}
		if v < m {
			m = v
		}
	}
	return m
}

// MinFunc returns the first minimal element of x according to cmp; it panics
// on an empty slice.
func MinFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) == 0 {
		panic("slices.MinFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) < 0 {
			m = x[i]
		}
	}
	return m
}

// Max returns the largest element of x (+0 beating -0), or NaN if x holds a
// NaN; it panics on an empty slice.
func Max[S ~[]E, E cmp.Ordered](x S) E {
	if len(x) == 0 {
		panic("slices.Max: empty list")
	}
	var zero E
	m := x[0]
	for i := 0; i < len(x); i++ {
		v := x[i]
		if v != v {
			return v
		}
		if v > m {
			m = v
		} else if v == m && m == zero {
			m = m + v // zeros: the sum is -0 only if both are -0
		}
	}
	return m
}

// MaxFunc returns the first maximal element of x according to cmp; it panics
// on an empty slice.
func MaxFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) == 0 {
		panic("slices.MaxFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) > 0 {
			m = x[i]
		}
	}
	return m
}

// BinarySearch finds the first position in sorted x whose element is not
// less than target, and reports whether that element equals target.
func BinarySearch[S ~[]E, E cmp.Ordered](x S, target E) (int, bool) {
	lo, hi := 0, len(x)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if cmp.Less[E](x[mid], target) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, lo < len(x) && cmp.Compare[E](x[lo], target) == 0
}

// BinarySearchFunc is BinarySearch with cmp comparing an element to target.
func BinarySearchFunc[S ~[]E, E, T any](x S, target T, cmp func(E, T) int) (int, bool) {
	lo, hi := 0, len(x)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if cmp(x[mid], target) < 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, lo < len(x) && cmp(x[lo], target) == 0
}

// Sorted collects the values of seq into a new slice and sorts it (nil when
// seq is empty).
func Sorted[E cmp.Ordered](seq iter.Seq[E]) []E {
	s := Collect[E](seq)
	Sort[[]E, E](s)
	return s
}

// SortedFunc collects the values of seq into a new slice and sorts it by cmp
// (nil when seq is empty).
func SortedFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E {
	s := Collect[E](seq)
	SortFunc[[]E, E](s, cmp)
	return s
}

// SortedStableFunc collects the values of seq into a new slice and sorts it
// stably by cmp (nil when seq is empty).
func SortedStableFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E {
	s := Collect[E](seq)
	SortStableFunc[[]E, E](s, cmp)
	return s
}
