package cellcheck

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// Type switches with interface cases. yaegi's type switch does not match
// an interface case (error, fmt.Stringer) against a value compiled code
// made — an error from fmt.Errorf, the value recover returns — though a
// type assertion does. Such a switch becomes an expression switch over
// assertions, the operand evaluated once:
//
//	switch v := x.(type) { case int: …; case error, fmt.Stringer: …; case nil: …; default: … }
//	→ switch S := x; {
//	  case S != nil && func() bool { _, ok := S.(int); return ok }(): v := S.(int); _ = v; …
//	  case S != nil && func() bool { _, ok := S.(error); return ok }() || …: v := S; _ = v; …
//	  case S == nil: v := S; _ = v; …
//	  default: v := S; _ = v; … }
//
// Cases are tried in order, as Go does; break still leaves the switch; case
// error over an empty interface asserts through the runtime's AsError
// where the cells declare error types (errorassertions.go), and a case of
// an interface as interfaceassertions.go writes it. (A
// comma-ok assertion of a nil interface crashes yaegi, hence S != nil.)
// The same goes for a switch over a non-empty interface (an error) with a
// case of a cell's type: yaegi's switch matches no *LimitError in an
// error, though its assertion does.

// typeSwitch writes out ts when a case names a non-empty interface, or ts
// switches over one and a case names a cell's type.
func (u *unit) typeSwitch(ts *ast.TypeSwitchStmt) {
	if ts.Init != nil || !u.hasInterfaceCase(ts) && !u.cellCaseOverInterface(ts) {
		return
	}
	var v *ast.Ident
	var assert *ast.TypeAssertExpr
	switch a := ts.Assign.(type) {
	case *ast.AssignStmt:
		v, _ = a.Lhs[0].(*ast.Ident)
		assert, _ = a.Rhs[0].(*ast.TypeAssertExpr)
	case *ast.ExprStmt:
		assert, _ = a.X.(*ast.TypeAssertExpr)
	}
	if assert == nil {
		return
	}
	k, start := u.locate(ts.Assign.Pos())
	_, xStart := u.locate(assert.X.Pos())
	_, xEnd := u.locate(assert.X.End())
	_, end := u.locate(ts.Assign.End())
	if k < 0 {
		return
	}
	s := fmt.Sprintf("gophlowTS%d", start)
	// Assertions of an empty interface's value to error go through the
	// runtime (errorassertions.go).
	xType := u.info.Types[assert.X].Type
	iface, ok := underlying(xType).(*types.Interface)
	errorsAsserted := ok && iface.Empty() && u.runtime != "" && u.cellsHaveErrorTypes()
	edits := []Edit{{Part: k, Start: start, End: xStart, Text: s + " := "}, {Part: k, Start: xEnd, End: end, Text: ";"}}
	for _, st := range ts.Body.List {
		cc := st.(*ast.CaseClause)
		var conds []string
		bound := s
		for _, e := range cc.List {
			t := u.info.Types[e].Type
			if t == nil {
				return
			}
			anyToError := errorsAsserted && types.Identical(t, types.Universe.Lookup("error").Type())
			if types.Identical(t, types.Typ[types.UntypedNil]) {
				conds = append(conds, s+" == nil")
				continue
			}
			te := u.typeExpr(t)
			if te == "" {
				return
			}
			assertion, bound1 := s+".("+te+")", s+".("+te+")"
			if anyToError {
				assertion, bound1 = u.runtime+"AsError("+s+")", u.runtime+"MustError("+s+")"
			}
			if literal := u.assertionLiteral(ts.Pos(), xType, t, true); literal != "" {
				assertion = literal + "(" + s + ")"
			}
			if literal := u.assertionLiteral(ts.Pos(), xType, t, false); literal != "" {
				bound1 = literal + "(" + s + ")"
			}
			conds = append(conds, fmt.Sprintf("%s != nil && func() bool { _, ok := %s; return ok }()", s, assertion))
			if len(cc.List) == 1 {
				bound = bound1
			}
		}
		head := "default:"
		if len(conds) > 0 {
			head = "case " + strings.Join(conds, " || ") + ":"
		}
		if v != nil && v.Name != "_" {
			head += fmt.Sprintf(" %s := %s; _ = %s;", v.Name, bound, v.Name)
		}
		_, caseStart := u.locate(cc.Case)
		_, colon := u.locate(cc.Colon)
		edits = append(edits, Edit{Part: k, Start: caseStart, End: colon + 1, Text: head})
	}
	u.res.Edits = append(u.res.Edits, edits...)
}

// hasInterfaceCase reports whether a case of ts names a non-empty
// interface.
func (u *unit) hasInterfaceCase(ts *ast.TypeSwitchStmt) bool {
	for _, st := range ts.Body.List {
		for _, e := range st.(*ast.CaseClause).List {
			if t := u.info.Types[e].Type; t != nil && types.IsInterface(t) {
				if iface, ok := t.Underlying().(*types.Interface); ok && iface.NumMethods() > 0 {
					return true
				}
			}
		}
	}
	return false
}

// cellCaseOverInterface reports whether ts switches over a non-empty
// interface and a case names a type the cells declared (or a pointer to
// one).
func (u *unit) cellCaseOverInterface(ts *ast.TypeSwitchStmt) bool {
	var x ast.Expr
	switch a := ts.Assign.(type) {
	case *ast.AssignStmt:
		if ta, ok := a.Rhs[0].(*ast.TypeAssertExpr); ok {
			x = ta.X
		}
	case *ast.ExprStmt:
		if ta, ok := a.X.(*ast.TypeAssertExpr); ok {
			x = ta.X
		}
	}
	if x == nil {
		return false
	}
	iface, ok := u.info.Types[x].Type.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 {
		return false
	}
	for _, st := range ts.Body.List {
		for _, e := range st.(*ast.CaseClause).List {
			t := u.info.Types[e].Type
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			if n, ok := t.(*types.Named); ok && n.Obj().Pkg() == u.pkg {
				return true
			}
		}
	}
	return false
}
