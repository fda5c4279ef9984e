// Package errors is the kernel's own AsType, which the interpreter's
// symbol tables lack (it is generic): a template instantiated per call
// like those of slices (see package generic). It calls errors.As under
// the name a cell imports it by, so that the session's own As (which
// follows the chains of the cells' error types) runs in its instances.
package errors

import "errors"

// AsType finds the first error in err's tree that has type E, as
// errors.As does, and returns it.
func AsType[E error](err error) (E, bool) {
	var target E
	if errors.As(err, &target) {
		return target, true
	}
	var zero E
	return zero, false
}
