// Package coro runs the pull iterators of package iter's template on the
// standard library's coroutines, over sequences of any: the sequence, an
// interpreted function, runs as compiled code's callee, so the
// interpreter never switches goroutines itself. The session exports these
// functions to the cells under its runtime's name (gophlowrt), the name
// the template imports this package by.
package coro

import "iter"

// PullAny is iter.Pull over a sequence of any.
func PullAny(seq func(yield func(any) bool)) (next func() (any, bool), stop func()) {
	return iter.Pull(iter.Seq[any](seq))
}

// Pull2Any is iter.Pull2 over a sequence of pairs of any.
func Pull2Any(seq func(yield func(any, any) bool)) (next func() (any, any, bool), stop func()) {
	return iter.Pull2(iter.Seq2[any, any](seq))
}
