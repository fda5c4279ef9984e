// Package slices is a self-contained re-implementation of the standard
// library's slices package, meant to be monomorphised by the kernel per call
// site and run by the interpreter.
//
// Rules for the bodies (checked by rules_test.go): no composite literal of a
// type-parameter type, calls of generic functions of these packages only with
// full explicit type arguments, no generic types or methods, no type
// switches or assertions, no min/max/clear builtins and no range over
// functions. The only imports are iter and kernel/generic/cmp.
//
// Known deviations from the standard library:
//   - SortFunc and Sort use a stable merge sort, so equal elements (and, for
//     floats, -0 and +0 or NaNs with different payloads) may end up in a
//     different order than with the standard library's unstable pdqsort.
//   - Min of floating-point values whose minimum is a zero returns the first
//     minimal zero it meets, whereas the standard library returns -0 when any
//     minimal zero is -0: the sign of a zero cannot be observed through the
//     operations cmp.Ordered permits.
package slices

import "github.com/gophlow/gophlow/kernel/generic/cmp"

// Equal reports whether s1 and s2 have the same length and pairwise equal
// elements (nil and empty are equal; NaN is unequal to everything).
func Equal[S ~[]E, E comparable](s1, s2 S) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

// EqualFunc reports whether s1 and s2 have the same length and eq holds for
// each pair of elements, checked in index order until the first failure.
func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if !eq(s1[i], s2[i]) {
			return false
		}
	}
	return true
}

// Compare compares s1 and s2 element by element with cmp.Compare, a shorter
// prefix being smaller; it returns -1, 0 or +1.
func Compare[S ~[]E, E cmp.Ordered](s1, s2 S) int {
	for i := 0; i < len(s1) && i < len(s2); i++ {
		if c := cmp.Compare[E](s1[i], s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	if len(s1) > len(s2) {
		return +1
	}
	return 0
}

// CompareFunc returns the first non-zero result of cmp over pairs of
// elements, or else -1, 0 or +1 depending on the lengths.
func CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, cmp func(E1, E2) int) int {
	for i := 0; i < len(s1) && i < len(s2); i++ {
		if c := cmp(s1[i], s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	if len(s1) > len(s2) {
		return +1
	}
	return 0
}

// Index returns the position of the first element equal to v, or -1.
func Index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if s[i] == v {
			return i
		}
	}
	return -1
}

// IndexFunc returns the position of the first element satisfying f, or -1.
func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

// Contains reports whether some element of s equals v.
func Contains[S ~[]E, E comparable](s S, v E) bool {
	for i := range s {
		if s[i] == v {
			return true
		}
	}
	return false
}

// ContainsFunc reports whether some element of s satisfies f.
func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool {
	for i := range s {
		if f(s[i]) {
			return true
		}
	}
	return false
}

// Insert puts v... into s before index i and returns the result; it panics if
// i is out of range, and keeps the nilness of s when the result is empty.
func Insert[S ~[]E, E any](s S, i int, v ...E) S {
	_ = s[i:] // panics like the standard library when i > len(s)
	n, m := len(s), len(v)
	if m == 0 {
		return s
	}
	if n+m > cap(s) {
		r := append(s, make(S, m)...) // new backing array, same growth as std
		copy(r[i+m:], s[i:])
		copy(r[i:], v)
		return r
	}
	saved := append([]E(nil), v...) // v may overlap s
	r := s[:n+m]
	copy(r[i+m:], s[i:])
	copy(r[i:], saved)
	return r
}

// Delete removes s[i:j], shifting the tail down and zeroing the vacated
// elements at the end; it panics if s[i:j] is not a valid range of s.
func Delete[S ~[]E, E any](s S, i, j int) S {
	_ = s[i:j:len(s)] // panics like the standard library on a bad range
	if i == j {
		return s
	}
	n := len(s)
	k := i + copy(s[i:], s[j:])
	var zero E
	for x := k; x < n; x++ {
		s[x] = zero
	}
	return s[:k]
}

// DeleteFunc removes the elements for which del is true, zeroing the vacated
// elements at the end of s.
func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S {
	w := 0
	for w < len(s) && !del(s[w]) {
		w++
	}
	if w == len(s) {
		return s
	}
	for r := w + 1; r < len(s); r++ {
		if !del(s[r]) {
			s[w] = s[r]
			w++
		}
	}
	var zero E
	for x := w; x < len(s); x++ {
		s[x] = zero
	}
	return s[:w]
}

// Replace substitutes v... for s[i:j] and returns the result, zeroing any
// vacated elements; it panics if s[i:j] is not a valid range of s.
func Replace[S ~[]E, E any](s S, i, j int, v ...E) S {
	_ = s[i:j] // panics like the standard library on a bad range
	_ = s[j:]  // and when j is within cap but beyond len
	if i == j {
		return Insert[S, E](s, i, v...)
	}
	n, m := len(s), len(v)
	total := i + m + (n - j)
	if total > cap(s) {
		r := append(s, make(S, total-n)...) // new backing array
		copy(r[i+m:], s[j:])
		copy(r[i:], v)
		return r
	}
	saved := append([]E(nil), v...) // v may overlap s
	r := s[:total]
	copy(r[i+m:], s[j:n])
	copy(r[i:], saved)
	var zero E
	for x := total; x < n; x++ {
		s[x] = zero
	}
	return r
}

// Clone returns a shallow copy of s; a nil s gives nil.
func Clone[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	r := make(S, len(s))
	copy(r, s)
	return r
}

// Compact collapses each run of consecutive equal elements to its first one,
// zeroing the vacated elements at the end of s.
func Compact[S ~[]E, E comparable](s S) S {
	if len(s) < 2 {
		return s
	}
	w := 1
	for r := 1; r < len(s); r++ {
		if s[r] != s[r-1] {
			if w != r {
				s[w] = s[r]
			}
			w++
		}
	}
	var zero E
	for x := w; x < len(s); x++ {
		s[x] = zero
	}
	return s[:w]
}

// CompactFunc is Compact with eq deciding whether neighbouring elements are
// equal; of each run it keeps the first element.
func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S {
	if len(s) < 2 {
		return s
	}
	prev := s[0]
	w := 1
	for r := 1; r < len(s); r++ {
		cur := s[r]
		if !eq(cur, prev) {
			s[w] = cur
			w++
		}
		prev = cur
	}
	var zero E
	for x := w; x < len(s); x++ {
		s[x] = zero
	}
	return s[:w]
}

// Grow makes sure n more elements can be appended to s without
// reallocating; it panics if n is negative.
func Grow[S ~[]E, E any](s S, n int) S {
	if n < 0 {
		panic("cannot be negative")
	}
	spare := cap(s) - len(s)
	if n > spare {
		s = append(s[:cap(s)], make(S, n-spare)...)[:len(s)]
	}
	return s
}

// Clip drops the unused capacity of s, returning s[:len(s):len(s)].
func Clip[S ~[]E, E any](s S) S {
	return s[:len(s):len(s)]
}

// Reverse reverses the order of the elements of s in place.
func Reverse[S ~[]E, E any](s S) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// Concat returns a new slice holding all the given slices one after another,
// or nil if they are all empty.
func Concat[S ~[]E, E any](slices ...S) S {
	total := 0
	for _, s := range slices {
		total += len(s)
		if total < 0 {
			panic("len out of range")
		}
	}
	r := Grow[S, E](nil, total)
	for _, s := range slices {
		r = append(r, s...)
	}
	return r
}

// Repeat returns a new slice made of count copies of x one after another; it
// panics if count is negative or the length would overflow.
func Repeat[S ~[]E, E any](x S, count int) S {
	if count < 0 {
		panic("cannot be negative")
	}
	const maxInt = int(^uint(0) >> 1)
	if count > 0 && len(x) > maxInt/count {
		panic("the result of (len(x) * count) overflows")
	}
	r := make(S, len(x)*count)
	done := copy(r, x)
	for done < len(r) {
		done += copy(r[done:], r[:done])
	}
	return r
}
