package slices

import "iter"

// All returns an iterator over the index/value pairs of s in order.
func All[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i := 0; i < len(s); i++ {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}

// Backward returns an iterator over the index/value pairs of s from the last
// to the first.
func Backward[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i := len(s) - 1; i >= 0; i-- {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}

// Values returns an iterator over the elements of s in order.
func Values[Slice ~[]E, E any](s Slice) iter.Seq[E] {
	return func(yield func(E) bool) {
		for i := 0; i < len(s); i++ {
			if !yield(s[i]) {
				return
			}
		}
	}
}

// AppendSeq appends every value of seq to s and returns the extended slice
// (s itself, nil or not, when seq is empty).
func AppendSeq[Slice ~[]E, E any](s Slice, seq iter.Seq[E]) Slice {
	seq(func(v E) bool {
		s = append(s, v)
		return true
	})
	return s
}

// Collect gathers the values of seq into a new slice, nil if there are none.
func Collect[E any](seq iter.Seq[E]) []E {
	return AppendSeq[[]E, E](nil, seq)
}

// Chunk returns an iterator over consecutive sub-slices of s of n elements
// (the last may be shorter), each clipped to its length; it panics if n < 1.
func Chunk[Slice ~[]E, E any](s Slice, n int) iter.Seq[Slice] {
	if n < 1 {
		panic("cannot be less than 1")
	}
	return func(yield func(Slice) bool) {
		for lo := 0; lo < len(s); lo += n {
			hi := len(s)
			if hi-lo > n {
				hi = lo + n
			}
			if !yield(s[lo:hi:hi]) {
				return
			}
		}
	}
}
