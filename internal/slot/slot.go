// Package slot holds one process-wide value that one side installs and
// another reads, from any goroutine: the kernel's hooks into compiled code
// (the running cell's context, the display sink, the progress reporter).
package slot

import "sync/atomic"

// Slot holds a value of T or nothing. Its zero value holds nothing.
type Slot[T any] struct {
	p atomic.Pointer[T]
}

// Set installs v; a nil v (an interface or pointer holding nil) empties
// the slot.
func (s *Slot[T]) Set(v T) {
	if any(v) == nil {
		s.p.Store(nil)
		return
	}
	s.p.Store(&v)
}

// Get returns the installed value and true, or the zero value and false.
func (s *Slot[T]) Get() (T, bool) {
	if p := s.p.Load(); p != nil {
		return *p, true
	}
	var zero T
	return zero, false
}
