package cellcheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// Comparisons of an interface with a concrete value. Go compares the
// interface's dynamic type and value with the concrete operand's; yaegi
// says false for a value of a cell's type in a non-empty interface (var s
// Shape = Rect{2, 2}; s == Rect{2, 2}). The comparison becomes an
// assertion, the operands evaluated in order:
//
//	s == Rect{2, 2}  →  func(i Shape, c Rect) bool { v, ok := i.(Rect); return ok && v == c }(s, Rect{2, 2})

// Two compiled interfaces compared (err == target) where the cells have
// types with methods: the wrappers yaegi holds the cells' values in are
// not comparable (their methods are func fields), so the comparison goes
// through the runtime's SameValue, which compares the values they hold:
//
//	err == last  →  rt.SameValue(err, last)

// mixedComparison records the rewrite of b when it compares a non-empty
// interface with a value of a concrete type, or two compiled interfaces.
func (u *unit) mixedComparison(b *ast.BinaryExpr) {
	if b.Op != token.EQL && b.Op != token.NEQ {
		return
	}
	x, y := u.info.Types[b.X], u.info.Types[b.Y]
	if x.Type == nil || y.Type == nil || x.IsNil() || y.IsNil() {
		return
	}
	if u.compiledInterface(x.Type) && u.compiledInterface(y.Type) {
		u.heldComparison(b)
		return
	}
	ifaceFirst := nonEmptyInterface(x.Type) && !types.IsInterface(y.Type)
	if !ifaceFirst && !(nonEmptyInterface(y.Type) && !types.IsInterface(x.Type)) {
		return
	}
	iface, concrete := x.Type, y.Type
	if !ifaceFirst {
		iface, concrete = concrete, iface
	}
	if b, ok := concrete.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		return // a constant: its type is the interface's default
	}
	it, ct := u.typeExpr(iface), u.typeExpr(concrete)
	if it == "" || ct == "" {
		return
	}
	params, cmp := "i "+it+", c "+ct, "ok && v == c"
	if !ifaceFirst {
		params = "c " + ct + ", i " + it
	}
	if b.Op == token.NEQ {
		cmp = "!ok || v != c"
	}
	k, start := u.locate(b.X.Pos())
	_, opStart := u.locate(b.OpPos)
	_, yStart := u.locate(b.Y.Pos())
	_, end := u.locate(b.End())
	if k < 0 {
		return
	}
	u.res.Edits = append(u.res.Edits,
		Edit{Part: k, Start: start, End: start, Text: fmt.Sprintf("func(%s) bool { v, ok := i.(%s); return %s }(", params, ct, cmp)},
		Edit{Part: k, Start: opStart, End: yStart, Text: ", "},
		Edit{Part: k, Start: end, End: end, Text: ")"})
}

// nonEmptyInterface reports whether t is an interface with methods.
func nonEmptyInterface(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	return ok && iface.NumMethods() > 0
}

// heldComparison records the rewrite of b, which compares two compiled
// interfaces, when the cells declare types with methods.
func (u *unit) heldComparison(b *ast.BinaryExpr) {
	if u.runtime == "" || !u.cellTypes().hasMethods {
		return
	}
	k, start := u.locate(b.X.Pos())
	_, xEnd := u.locate(b.X.End())
	_, yStart := u.locate(b.Y.Pos())
	_, end := u.locate(b.End())
	if k < 0 {
		return
	}
	call := u.runtime + "SameValue("
	if b.Op == token.NEQ {
		call = "!" + call
	}
	u.res.Edits = append(u.res.Edits,
		Edit{Part: k, Start: start, End: start, Text: call},
		Edit{Part: k, Start: xEnd, End: yStart, Text: ", "},
		Edit{Part: k, Start: end, End: end, Text: ")"})
}
