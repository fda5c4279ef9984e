package cellcheck

import (
	"go/ast"
	"go/types"
)

// Failed type assertions. Go's message names the operand's static type
// (interface conversion: main.Shape is main.Rect, not *main.Circle); yaegi's
// says interface {} whatever it is. The checker reports where each
// assertion of an operand of another interface type is, and the type as
// Go's runtime writes it, for the session to put in the message.

// Assertion is a type assertion whose operand is of a named interface.
type Assertion struct {
	Part, Offset int    // where its operand starts
	Operand      string // the operand's type as Go's run-time errors write it
}

// assertion records ta when its operand's type is not the empty
// interface.
func (u *unit) assertion(ta *ast.TypeAssertExpr) {
	t := u.info.Types[ta.X].Type
	if t == nil || ta.Type == nil {
		return // a type switch's x.(type)
	}
	if iface, ok := t.(*types.Interface); ok && iface.Empty() {
		return
	}
	if types.Identical(t, types.Universe.Lookup("any").Type()) {
		return
	}
	k, off := u.locate(ta.X.Pos())
	if k < 0 {
		return
	}
	name := types.TypeString(t, func(p *types.Package) string { return p.Name() })
	u.res.Assertions = append(u.res.Assertions, Assertion{Part: k, Offset: off, Operand: name})
}
