package cellcheck

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Values of the cells' types converted to a compiled interface (error,
// fmt.Stringer, io.Writer). yaegi makes such an interface value a wrapper
// whose methods read the converted expression's slot of the frame when
// they are called, not when the value was made: errors appended in a loop
// all said the last one's message, and an error made from a variable
// changed with the variable. Of a struct it holds only the last field as
// the value inside (so err.(ParseError) and errors.As failed), and a nil
// pointer became a nil interface. Each such conversion goes through a
// function literal of its own, whose parameter is a fresh copy on every
// call; to error, through the runtime's HoldingError, which sets the value
// inside and keeps a typed nil (calling its Error method as Go would):
//
//	errs = append(errs, E{i})  →  errs = append(errs, func(gophlowv E) error { return rt.HoldingError(gophlowv, gophlowv, func() string { return gophlowv.Error() }) }(E{i}))
//	w = c                      →  w = func(gophlowv *counter) io.Writer { return gophlowv }(c)
//
// The places Go converts implicitly are all covered: assignments, variable
// declarations, returns, arguments (a variadic one's elements too, which
// yaegi did not wrap at all for a compiled function), append, composite
// literals' elements, sends, and explicit conversions; a deferred call's
// arguments are left to deferargs.go, which moves them.

// interfaceConversions records the conversions of the unit.
func (u *unit) interfaceConversions() {
	if u.runtime == "" {
		return
	}
	for _, d := range u.file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Body != nil {
				u.conversionsIn(d.Body, u.info.Defs[d.Name])
			}
		case *ast.GenDecl:
			u.conversionsIn(d, nil)
		}
	}
}

// conversionsIn records the conversions under n, whose returns return
// from fn's function (nil outside functions).
func (u *unit) conversionsIn(n ast.Node, fn types.Object) {
	var sig *types.Signature
	if fn != nil {
		sig, _ = fn.Type().(*types.Signature)
	}
	u.conversionsUnder(n, sig)
}

// conversionsUnder walks n, whose returns are sig's.
func (u *unit) conversionsUnder(n ast.Node, sig *types.Signature) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if s, ok := u.info.Types[n].Type.(*types.Signature); ok {
				u.conversionsUnder(n.Body, s)
			}
			return false
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					u.convertTo(n.Rhs[i], u.info.Types[l].Type)
				}
			}
		case *ast.ValueSpec:
			if n.Type != nil && len(n.Values) == len(n.Names) {
				for _, v := range n.Values {
					u.convertTo(v, u.info.Types[n.Type].Type)
				}
			}
		case *ast.ReturnStmt:
			if sig != nil && sig.Results().Len() == len(n.Results) {
				for i, r := range n.Results {
					u.convertTo(r, sig.Results().At(i).Type())
				}
			}
		case *ast.SendStmt:
			if ch, ok := underlying(u.info.Types[n.Chan].Type).(*types.Chan); ok {
				u.convertTo(n.Value, ch.Elem())
			}
		case *ast.DeferStmt:
			// Its arguments are moved into variables (deferargs.go),
			// which an edit inside them would stop.
			u.conversionsUnder(n.Call.Fun, sig)
			return false
		case *ast.CallExpr:
			u.argumentConversions(n)
		case *ast.CompositeLit:
			u.elementConversions(n)
		}
		return true
	})
}

// argumentConversions records the conversions of call's arguments: to a
// conversion's type, to append's element type, to the parameters'.
func (u *unit) argumentConversions(call *ast.CallExpr) {
	fun := u.info.Types[call.Fun]
	if fun.IsType() {
		if len(call.Args) == 1 {
			u.convertTo(call.Args[0], fun.Type)
		}
		return
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if _, builtin := u.info.Uses[id].(*types.Builtin); builtin {
			if s, ok := underlying(u.info.Types[call].Type).(*types.Slice); ok && id.Name == "append" && !call.Ellipsis.IsValid() {
				for _, a := range call.Args[1:] {
					u.convertTo(a, s.Elem())
				}
			}
			return
		}
	}
	sig, ok := underlying(fun.Type).(*types.Signature)
	if !ok {
		return
	}
	n := sig.Params().Len()
	for i, a := range call.Args {
		switch {
		case sig.Variadic() && i >= n-1:
			if !call.Ellipsis.IsValid() {
				u.convertTo(a, sig.Params().At(n-1).Type().(*types.Slice).Elem())
			}
		case i < n:
			u.convertTo(a, sig.Params().At(i).Type())
		}
	}
}

// elementConversions records the conversions of a composite literal's
// elements to its fields', elements' and keys' types.
func (u *unit) elementConversions(lit *ast.CompositeLit) {
	t := u.info.Types[lit].Type
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok { // &T{…} elided in a literal
		t = p.Elem()
	}
	for i, e := range lit.Elts {
		kv, keyed := e.(*ast.KeyValueExpr)
		switch t := t.Underlying().(type) {
		case *types.Struct:
			switch {
			case keyed:
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := u.info.Uses[id].(*types.Var); ok {
						u.convertTo(kv.Value, f.Type())
					}
				}
			case i < t.NumFields():
				u.convertTo(e, t.Field(i).Type())
			}
		case *types.Slice:
			u.convertTo(valueOf(e), t.Elem())
		case *types.Array:
			u.convertTo(valueOf(e), t.Elem())
		case *types.Map:
			if keyed {
				u.convertTo(kv.Key, t.Key())
				u.convertTo(kv.Value, t.Elem())
			}
		}
	}
}

// valueOf is a composite literal element's value.
func valueOf(e ast.Expr) ast.Expr {
	if kv, ok := e.(*ast.KeyValueExpr); ok {
		return kv.Value
	}
	return e
}

// convertTo records the conversion of x to target when target is a
// compiled interface with methods and x a value of a cell's type.
func (u *unit) convertTo(x ast.Expr, target types.Type) {
	if target == nil || !u.compiledInterface(target) {
		return
	}
	t := u.info.Types[x].Type
	if t == nil || types.IsInterface(t) || !u.cellNamed(t) {
		return
	}
	if k, _ := u.locate(x.Pos()); k < 0 || u.templatePart[k] {
		return // a generic function's body is written out by its instances
	}
	te, ie := u.typeExpr(t), u.typeExpr(target)
	if te == "" || ie == "" {
		return
	}
	literal := "func(gophlowv " + te + ") " + ie + " { return gophlowv }"
	if types.Identical(target, types.Universe.Lookup("error").Type()) {
		literal = u.holdingError(te)
	}
	u.wrap(x, literal+"(", ")")
}

// holdingError is the function literal converting a value of type te to
// error through the runtime's HoldingError.
func (u *unit) holdingError(te string) string {
	return "func(gophlowv " + te + ") error { return " + u.runtime + "HoldingError(gophlowv, gophlowv, func() string { return gophlowv.Error() }) }"
}

// compiledInterface reports whether t is an interface with methods that
// compiled code declares (error, io.Writer): the cells' interfaces and
// interface literals are the interpreter's own, which hold their values
// as they are.
func (u *unit) compiledInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	iface, ok := n.Underlying().(*types.Interface)
	return ok && iface.NumMethods() > 0 && n.Obj().Pkg() != u.pkg
}

// cellNamed reports whether t is a type the cells declared, or a pointer
// to one.
func (u *unit) cellNamed(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() == u.pkg
}

// underlying is t's underlying type, nil for nil (an expression the check
// could not type).
func underlying(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}
