package cellcheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Map elements assigned the results of a call. yaegi assigns nothing to a
// map element on the left of vals[k], errs[k] = get(k): the maps stay as
// they were, silently. Such an assignment takes the values into variables
// of its own first, in a block (as the session writes out the comma-ok
// forms, m[k], ok = x.(int), which yaegi gets wrong the same way):
//
//	vals[k], errs[k] = get(k)  →  { gophlowm1, gophlowm2 := get(k); vals[k], errs[k] = gophlowm1, gophlowm2 }
//
// Go evaluates the operands of the left side's index expressions and the
// right side in the usual order; they move after the right side here, so
// an assignment whose left side calls a function is left as it is.

// mapAssignments records the rewrites of the unit's statements.
func (u *unit) mapAssignments() {
	ast.Inspect(u.file, func(n ast.Node) bool {
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		}
		for _, st := range list {
			if as, ok := st.(*ast.AssignStmt); ok {
				u.mapAssignment(as)
			}
		}
		return true
	})
}

// mapAssignment records the rewrite of as, a statement of a list, when it
// assigns several values to a map element.
func (u *unit) mapAssignment(as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN || len(as.Rhs) != 1 || len(as.Lhs) < 2 || !u.assignsMapElement(as.Lhs) {
		return
	}
	if _, call := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); !call {
		return // a comma-ok form, which the session writes out itself
	}
	k, start := u.locate(as.Pos())
	_, opStart := u.locate(as.TokPos)
	_, rhsStart := u.locate(as.Rhs[0].Pos())
	_, end := u.locate(as.End())
	if k < 0 || u.templatePart[k] {
		return
	}
	temps := make([]string, len(as.Lhs))
	for i := range temps {
		temps[i] = fmt.Sprintf("gophlowm%d_%d", start, i+1)
	}
	lhs := u.parts[k].Text[start:opStart]
	u.res.Edits = append(u.res.Edits,
		Edit{Part: k, Start: start, End: rhsStart, Text: "{ " + strings.Join(temps, ", ") + " := "},
		Edit{Part: k, Start: end, End: end, Text: "; " + lhs + "= " + strings.Join(temps, ", ") + " }"})
}

// assignsMapElement reports whether one of lhs is a map element and none
// calls a function or receives.
func (u *unit) assignsMapElement(lhs []ast.Expr) bool {
	found := false
	for _, l := range lhs {
		if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok {
			if _, isMap := underlying(u.info.Types[ix.X].Type).(*types.Map); isMap {
				found = true
			}
		}
		calls := false
		ast.Inspect(l, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				calls = true
			case *ast.UnaryExpr:
				calls = calls || n.Op == token.ARROW
			}
			return !calls
		})
		if calls {
			return false
		}
	}
	return found
}
