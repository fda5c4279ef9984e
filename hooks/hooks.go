// Package hooks is where the kernel plugs into compiled code: the running
// cell's context (interrupts), the sink that publishes rich output, and the
// reporter that draws progress. The kernel fills them for each cell; fmlib,
// plots and the display package read them. Each hook is one process-wide
// value, set and read from any goroutine; outside a kernel none is set and
// readers fall back to doing nothing.
//
// Notebooks do not see this package: they use interrupt (to stop their own
// loops), display (to show things) and fmlib.
package hooks

import "sync/atomic"

// slot holds a value of T or nothing. Its zero value holds nothing.
type slot[T any] struct {
	p atomic.Pointer[T]
}

// set installs v; a nil v (an interface or pointer holding nil) empties
// the slot.
func (s *slot[T]) set(v T) {
	if any(v) == nil {
		s.p.Store(nil)
		return
	}
	s.p.Store(&v)
}

// get returns the installed value and true, or the zero value and false.
func (s *slot[T]) get() (T, bool) {
	if p := s.p.Load(); p != nil {
		return *p, true
	}
	var zero T
	return zero, false
}
