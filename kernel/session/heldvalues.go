package session

import (
	"reflect"
	"strings"

	"github.com/gophlow/gophlow/kernel/showfmt"
)

// The values compiled interfaces hold. yaegi hands compiled code a value
// of a cell's type as a wrapper struct whose first field, IValue, holds
// the value; of a struct it holds the struct's last field instead, and a
// nil pointer becomes a nil interface. The cells' conversions to error
// go through holdingError (cellcheck's conversions.go), comparisons of two
// compiled interfaces through sameValue, which compares what the wrappers
// hold as Go compares interfaces, and assertions to error of an empty
// interface's value through asError.

// holdingError returns err, the interpreter's wrapper of v as an error,
// holding v itself; for a nil pointer v, which the interpreter made a nil
// error, an error holding v whose Error method is errorMethod.
func holdingError(err error, v any, errorMethod func() string) error {
	if err == nil {
		if v == nil {
			return nil
		}
		return nilPointerError{IValue: v, WError: errorMethod}
	}
	w := reflect.ValueOf(err)
	if !isWrapper(w.Type()) {
		return err
	}
	held := reflect.New(w.Type()).Elem()
	held.Set(w)
	held.Field(0).Set(reflect.ValueOf(v))
	return held.Interface().(error)
}

// nilPointerError is an error holding a nil pointer of a cell's type, as
// the interpreter's wrappers hold values.
type nilPointerError struct {
	IValue any
	WError func() string
}

func (e nilPointerError) Error() string { return e.WError() }

// isWrapper reports whether t is a wrapper struct: its first field is
// IValue, an interface{}.
func isWrapper(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.NumField() > 0 && t.Field(0).Name == "IValue" && t.Field(0).Type == reflect.TypeFor[any]()
}

// heldValue returns the value x holds, looking through wrappers.
func heldValue(x any) reflect.Value {
	v := reflect.ValueOf(x)
	for v.IsValid() && isWrapper(v.Type()) {
		v = v.Field(0).Elem()
	}
	return v
}

// sameValue reports whether a and b, two interfaces, hold the same value:
// the same type and equal values, a panic when that type is not
// comparable, as Go's == on interfaces does.
func sameValue(a, b any) bool {
	x, y := heldValue(a), heldValue(b)
	if !x.IsValid() || !y.IsValid() {
		return x.IsValid() == y.IsValid()
	}
	if x.Type() != y.Type() {
		return false
	}
	if !x.Type().Comparable() {
		panic(&runtimeError{msg: "runtime error: comparing uncomparable type " + showfmt.NameTypes(x.Type().String())})
	}
	return x.Interface() == y.Interface()
}

// registerError records conv, the conversion to error of values of
// zero's type, which the cells register (cellcheck's
// errorassertions.go).
func (s *Session) registerError(zero any, conv func(any) error) {
	s.errorConversions.Store(reflect.TypeOf(zero), conv)
}

// asError is the assertion x.(error) of an empty interface's value x,
// which finds the cells' error types by their registrations.
func (s *Session) asError(x any) (error, bool) {
	if x == nil {
		return nil, false
	}
	if err, ok := x.(error); ok {
		return err, true
	}
	if conv, ok := s.errorConversions.Load(reflect.TypeOf(x)); ok {
		return conv.(func(any) error)(x), true
	}
	return nil, false
}

// mustError is asError's assertion without ok: it panics as Go's does.
func (s *Session) mustError(x any) error {
	err, ok := s.asError(x)
	if !ok {
		if x == nil {
			panic(&runtimeError{msg: "interface conversion: interface is nil, not error"})
		}
		panic(&runtimeError{msg: "interface conversion: " + showfmt.NameTypes(reflect.TypeOf(x).String()) + " is not error: missing method Error"})
	}
	return err
}

// notInterface is the run-time error of a failed assertion of x to a
// cell's interface iface (cellcheck's interfaceassertions.go): methods
// are the interface's, sorted, and lacks pairs the cells' struct types
// with the method each lacks (their values have no methods in compiled
// eyes).
func notInterface(x any, iface, methods string, lacks ...string) error {
	if x == nil {
		return &runtimeError{msg: "interface conversion: interface is nil, not " + iface}
	}
	t := reflect.TypeOf(x)
	name := showfmt.NameTypes(t.String())
	missing := ""
	for i := 0; i+1 < len(lacks); i += 2 {
		if lacks[i] == name {
			missing = lacks[i+1]
		}
	}
	for _, m := range strings.Fields(methods) {
		if _, ok := t.MethodByName(m); !ok && missing == "" {
			missing = m
		}
	}
	return &runtimeError{msg: "interface conversion: " + name + " is not " + iface + ": missing method " + missing}
}
