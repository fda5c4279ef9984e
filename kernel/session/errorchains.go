package session

import (
	"fmt"
	"reflect"

	"github.com/traefik/yaegi/interp"
)

// Chains of errors. yaegi hands compiled code an interpreted error as a
// wrapper struct with an Error method only, so compiled errors.Unwrap,
// Is and As cannot follow an interpreted Unwrap method; a wrapper holds
// func fields, so it is not comparable and errors.Is never finds an
// interpreted sentinel (&NotFound{}); and errors.As panics on a target of
// an interpreted type, which does not implement error in compiled eyes.
// The session gives yaegi wrappers that carry Unwrap and Is too (through
// yaegi's MapTypes, which picks the first wrapper whose methods the value
// has), and its own errors.Is and errors.As, which compare and assign the
// interpreted values inside the wrappers.

// errorChainExports returns the functions, and the wrappers once the
// interpreter's own error wrapper is known (errorWrapper).
func errorChainExports(wrapper reflect.Type) interp.Exports {
	exports := interp.Exports{"errors/errors": {"Is": reflect.ValueOf(errorsIs), "As": reflect.ValueOf(errorsAs)}}
	if wrapper != nil {
		// MapTypes is keyed by the wrapper's typed nil pointer, as yaegi
		// registers it.
		exports["."] = map[string]reflect.Value{"MapTypes": reflect.ValueOf(map[reflect.Value][]reflect.Type{
			reflect.Zero(reflect.PointerTo(wrapper)): {reflect.TypeFor[errorIsUnwrap](), reflect.TypeFor[errorUnwrap](), reflect.TypeFor[errorIs]()},
		})}
	}
	return exports
}

// errorWrapper finds the type of yaegi's wrapper of interpreted errors by
// handing it an interpreted error.
func errorWrapper(in *interp.Interpreter) reflect.Type {
	var t reflect.Type
	probe := func(err error) { t = reflect.TypeOf(err) }
	if in.Use(interp.Exports{internalPrefix + "probe/" + internalPrefix + "probe": {"Error": reflect.ValueOf(probe)}}) != nil {
		return nil
	}
	src := fmt.Sprintf("import %[1]sprobe %[2]q\ntype %[1]sprobeError struct{}\nfunc (%[1]sprobeError) Error() string { return \"\" }\nfunc init() { %[1]sprobe.Error(%[1]sprobeError{}) }\n",
		internalPrefix, internalPrefix+"probe")
	if _, err := in.Eval(src); err != nil || t == nil || t.Kind() != reflect.Struct || t.NumField() == 0 || t.Field(0).Name != "IValue" {
		return nil
	}
	return t
}

// errorIsUnwrap, errorUnwrap and errorIs are the composed wrappers, most
// methods first.
type errorIsUnwrap struct {
	IValue  any
	WError  func() string
	WIs     func(error) bool
	WUnwrap func() error
}

func (w errorIsUnwrap) Error() string        { return w.WError() }
func (w errorIsUnwrap) Is(target error) bool { return w.WIs(target) }
func (w errorIsUnwrap) Unwrap() error        { return w.WUnwrap() }

type errorUnwrap struct {
	IValue  any
	WError  func() string
	WUnwrap func() error
}

func (w errorUnwrap) Error() string { return w.WError() }
func (w errorUnwrap) Unwrap() error { return w.WUnwrap() }

type errorIs struct {
	IValue any
	WError func() string
	WIs    func(error) bool
}

func (w errorIs) Error() string        { return w.WError() }
func (w errorIs) Is(target error) bool { return w.WIs(target) }

// errorsIs is errors.Is comparing the values inside wrappers.
func errorsIs(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	t := heldValue(target)
	return inChain(err, func(e error) bool {
		if c := heldValue(e); c.IsValid() && t.IsValid() && c.Type() == t.Type() && c.Type().Comparable() && c.Interface() == t.Interface() {
			return true
		}
		x, ok := e.(interface{ Is(error) bool })
		return ok && x.Is(target)
	})
}

// errorsAs is errors.As assigning the value inside a wrapper when its type
// is the target's (an interpreted type), or the error itself when that
// fits (a compiled type or interface).
func errorsAs(err error, target any) bool {
	tv := reflect.ValueOf(target)
	if target == nil || tv.Kind() != reflect.Pointer || tv.IsNil() {
		panic("errors: target must be a non-nil pointer")
	}
	if err == nil {
		return false
	}
	dst := tv.Elem()
	return inChain(err, func(e error) bool {
		if c := heldValue(e); c.IsValid() && c.Type().AssignableTo(dst.Type()) {
			dst.Set(c)
			return true
		}
		if v := reflect.ValueOf(e); v.Type().AssignableTo(dst.Type()) {
			dst.Set(v)
			return true
		}
		x, ok := e.(interface{ As(any) bool })
		return ok && x.As(target)
	})
}

// inChain reports whether found holds for err or an error it wraps, in
// the order errors.Is visits them: err, then what Unwrap returns, each of
// a joined error's errors depth first.
func inChain(err error, found func(error) bool) bool {
	for {
		if found(err) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			if err = x.Unwrap(); err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, e := range x.Unwrap() {
				if e != nil && inChain(e, found) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// errorChain returns err and the errors it wraps, in the order errors.As
// visits them (cellcheck's errorsas.go walks it).
func errorChain(err error) []error {
	var chain []error
	if err != nil {
		inChain(err, func(e error) bool {
			chain = append(chain, e)
			return false
		})
	}
	return chain
}
