package cellcheck

import (
	"go/ast"
	"go/types"
)

// Assertions to error of a value in an empty interface (the value recover
// returns). yaegi holds a value of a cell's struct type in an any as the
// bare struct, which has no methods in compiled eyes, so r.(error) failed
// for a validationError with an Error method. Where the cells declare such
// a type, the assertion goes through the runtime's AsError, which finds the
// conversion the type registered (registrations.go) — comma-ok or not:
//
//	e, ok := r.(error)  →  e, ok := rt.AsError(r)
//	e := r.(error)      →  e := rt.MustError(r)
//
// A type switch's case error goes through it too (typeswitch.go).

// commaOkOperands marks the expressions assigned to two variables
// (v, ok := x.(T)).
func (u *unit) commaOkOperands() map[ast.Expr]bool {
	commaOk := map[ast.Expr]bool{}
	ast.Inspect(u.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == 2 && len(n.Rhs) == 1 {
				commaOk[ast.Unparen(n.Rhs[0])] = true
			}
		case *ast.ValueSpec:
			if len(n.Names) == 2 && len(n.Values) == 1 {
				commaOk[ast.Unparen(n.Values[0])] = true
			}
		}
		return true
	})
	return commaOk
}

// errorAssertions records the rewrites of the unit's assertions to error.
func (u *unit) errorAssertions(commaOk map[ast.Expr]bool) {
	if u.runtime == "" || !u.cellsHaveErrorTypes() {
		return
	}
	ast.Inspect(u.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeAssertExpr:
			if !u.assertsAnyToError(n) {
				return true
			}
			fn := "MustError("
			if commaOk[n] {
				fn = "AsError("
			}
			k, start := u.locate(n.Pos())
			_, xEnd := u.locate(n.X.End())
			_, end := u.locate(n.End())
			if k >= 0 && !u.templatePart[k] {
				u.res.Edits = append(u.res.Edits,
					Edit{Part: k, Start: start, End: start, Text: u.runtime + fn},
					Edit{Part: k, Start: xEnd, End: end, Text: ")"})
			}
		}
		return true
	})
}

// assertsAnyToError reports whether ta asserts an empty interface's value
// to error.
func (u *unit) assertsAnyToError(ta *ast.TypeAssertExpr) bool {
	if ta.Type == nil {
		return false // x.(type)
	}
	x, t := u.info.Types[ta.X].Type, u.info.Types[ta.Type].Type
	if x == nil || t == nil || !types.Identical(t, types.Universe.Lookup("error").Type()) {
		return false
	}
	iface, ok := x.Underlying().(*types.Interface)
	return ok && iface.Empty()
}

// cellsHaveErrorTypes reports whether the cells declare a struct type
// whose values or pointers have an Error method.
func (u *unit) cellsHaveErrorTypes() bool {
	for _, n := range u.cellTypes().structs {
		if errorStruct(n) != noError {
			return true
		}
	}
	return false
}

// errorReceiver says which of a type's values implement error.
type errorReceiver int

const (
	noError      errorReceiver = iota
	pointerError               // *T
	valueError                 // T and *T
)

// errorStruct says which values of t, a struct type, implement error.
// Only structs: the interpreter holds a value of another named type as its
// underlying type's (a string), whose conversions are not the type's.
func errorStruct(t types.Type) errorReceiver {
	n, ok := t.(*types.Named)
	if !ok || n.TypeParams().Len() > 0 {
		return noError
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return noError
	}
	errType := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	switch {
	case types.Implements(n, errType):
		return valueError
	case types.Implements(types.NewPointer(n), errType):
		return pointerError
	}
	return noError
}

// errorRegistrations returns, for the Error methods the unit declares,
// statements registering their types' conversions to error with the
// runtime (for AsError):
//
//	func (e E) Error() string  →  rt.RegisterError(*new(E), func(gophlowa any) error { return func(gophlowv E) error { … }(gophlowa.(E)) })
func (u *unit) errorRegistrations(fd *ast.FuncDecl) []string {
	if fd.Name.Name != "Error" || fd.Recv == nil || len(fd.Recv.List) != 1 {
		return nil
	}
	name := ReceiverTypeName(fd.Recv.List[0].Type)
	tn, ok := u.pkg.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		return nil
	}
	var regs []string
	register := func(te, zero string) {
		regs = append(regs, u.runtime+"RegisterError("+zero+", func(gophlowa any) error { return "+u.holdingError(te)+"(gophlowa.("+te+")) })")
	}
	switch errorStruct(tn.Type()) {
	case valueError:
		register(name, "*new("+name+")")
		register("*"+name, "new("+name+")")
	case pointerError:
		register("*"+name, "new("+name+")")
	}
	return regs
}
