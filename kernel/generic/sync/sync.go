// Package sync is the kernel's own OnceValue and OnceValues, which the
// interpreter's symbol tables lack (they are generic): templates
// instantiated per call like those of slices (see package generic). A
// one-slot channel serves as the lock, so the instances need no import.
package sync

// OnceValue returns a function that calls f once and returns its value
// from then on; if f panicked, every call panics with the same value.
func OnceValue[T any](f func() T) func() T {
	var (
		result  T
		ran, ok bool
		failure any
		lock    = make(chan struct{}, 1)
	)
	return func() T {
		lock <- struct{}{}
		if !ran {
			ran = true
			func() {
				defer func() {
					if !ok {
						failure = recover()
					}
				}()
				result = f()
				ok = true
			}()
			f = nil
		}
		<-lock
		if !ok {
			panic(failure)
		}
		return result
	}
}

// OnceValues returns a function that calls f once and returns its values
// from then on; if f panicked, every call panics with the same value.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var (
		r1      T1
		r2      T2
		ran, ok bool
		failure any
		lock    = make(chan struct{}, 1)
	)
	return func() (T1, T2) {
		lock <- struct{}{}
		if !ran {
			ran = true
			func() {
				defer func() {
					if !ok {
						failure = recover()
					}
				}()
				r1, r2 = f()
				ok = true
			}()
			f = nil
		}
		<-lock
		if !ok {
			panic(failure)
		}
		return r1, r2
	}
}
