package cellcheck

import (
	"go/ast"
	"go/types"
)

// Values of the cells' types passed to a compiled function's variadic
// parameter of an interface type (io.MultiWriter(&buf, cw)). yaegi wraps an
// interpreted value in the interface's methods for an ordinary parameter,
// not for the elements of a variadic one, and the call fails ("cannot use
// *struct { … } as type io.Writer"). A value an interpreted function
// returns as the interface is wrapped, so each such argument goes through
// one:
//
//	io.MultiWriter(&buf, cw)  →  io.MultiWriter(&buf, func(gophlowv io.Writer) io.Writer { return gophlowv }(cw))

// variadicArgs wraps the arguments of call that need it.
func (u *unit) variadicArgs(call *ast.CallExpr) {
	if call.Ellipsis.IsValid() {
		return
	}
	sig, ok := u.info.Types[call.Fun].Type.(*types.Signature)
	if !ok || !sig.Variadic() || !u.compiledFunc(call.Fun) {
		return
	}
	elem := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice).Elem()
	iface, ok := elem.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 {
		return
	}
	te := u.typeExpr(elem)
	if te == "" {
		return
	}
	for _, arg := range call.Args[sig.Params().Len()-1:] {
		t := u.info.Types[arg].Type
		if t == nil || types.IsInterface(t) || !u.owned(t, map[types.Type]bool{}) {
			continue
		}
		u.wrap(arg, "func(gophlowv "+te+") "+te+" { return gophlowv }(", ")")
	}
}

// compiledFunc reports whether fun names a function or method of a
// compiled package (not the cells').
func (u *unit) compiledFunc(fun ast.Expr) bool {
	var id *ast.Ident
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return false
	}
	obj, ok := u.info.Uses[id].(*types.Func)
	return ok && obj.Pkg() != nil && obj.Pkg() != u.pkg
}
