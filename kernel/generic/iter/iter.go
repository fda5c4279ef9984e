// Package iter is the kernel's own Pull and Pull2, which the interpreter's
// symbol tables lack (they are generic): templates instantiated per call
// like those of slices (see package generic). Each runs the standard
// library's pull iterator over the sequence seen as a sequence of any
// (package coro, which the session provides to the cells as gophlowrt),
// and types the values back.
package iter

import (
	"iter"

	gophlowrt "github.com/gophlow/gophlow/kernel/generic/coro"
)

// Pull converts the push sequence seq into a pull iterator: next returns
// the sequence's next value and true, or the zero value and false at its
// end or after stop; stop ends the sequence early.
func Pull[V any](seq iter.Seq[V]) (func() (V, bool), func()) {
	next, stop := gophlowrt.PullAny(func(yield func(any) bool) {
		seq(func(v V) bool { return yield(v) })
	})
	return func() (V, bool) {
		v, ok := next()
		if !ok {
			var zero V
			return zero, false
		}
		typed, _ := v.(V) // a nil interface value is V's zero value
		return typed, true
	}, stop
}

// Pull2 converts the push sequence seq of pairs into a pull iterator, as
// Pull does for single values.
func Pull2[K, V any](seq iter.Seq2[K, V]) (func() (K, V, bool), func()) {
	next, stop := gophlowrt.Pull2Any(func(yield func(any, any) bool) {
		seq(func(k K, v V) bool { return yield(k, v) })
	})
	return func() (K, V, bool) {
		k, v, ok := next()
		if !ok {
			var zeroK K
			var zeroV V
			return zeroK, zeroV, false
		}
		typedK, _ := k.(K) // nil interface values are zero values
		typedV, _ := v.(V)
		return typedK, typedV, true
	}, stop
}
