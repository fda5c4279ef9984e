package cellcheck

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// Deferred calls. Go evaluates the function value, the receiver and the
// arguments of a deferred call when the defer statement runs; yaegi
// evaluates them when the function returns (x := 1; defer f(x); x = 2
// calls f(2)). Each is moved into a variable of its own, declared just
// before, in a block with the defer:
//
//	defer m.Report(tag, x)  →  { gophlowd1, gophlowd2, gophlowd3 := m, tag, x; defer gophlowd1.Report(gophlowd2, gophlowd3) }
//
// A receiver whose method takes a pointer is taken by address, as Go
// does; constants stay where they are (their type comes from the call).
// A function held in a variable is taken too (its closure no longer hangs
// the interpreter: see closures.go).

// deferredCall records d's rewrite, unless an edit of the checker's
// touches a part it moves (deferredCalls runs after the other edits).
func (u *unit) deferredCall(d *ast.DeferStmt) {
	call := d.Call
	if call.Ellipsis.IsValid() && len(call.Args) == 0 {
		return
	}
	type moved struct {
		expr ast.Expr
		addr bool
	}
	var parts []moved
	if u.deferredFuncVar(call) {
		parts = append(parts, moved{expr: call.Fun})
	}
	if fun, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if sel, ok := u.info.Selections[fun]; ok && sel.Kind() == types.MethodVal {
			recv := sel.Obj().Type().(*types.Signature).Recv().Type()
			_, ptrRecv := recv.(*types.Pointer)
			_, ptrX := sel.Recv().Underlying().(*types.Pointer)
			parts = append(parts, moved{expr: fun.X, addr: ptrRecv && !ptrX && !types.IsInterface(sel.Recv())})
		}
	}
	for k, a := range call.Args {
		tv := u.info.Types[a]
		if tv.Value != nil || tv.Type == nil {
			continue
		}
		if _, tuple := tv.Type.(*types.Tuple); tuple {
			return // f(g()) with g's several results
		}
		if call.Ellipsis.IsValid() && k != len(call.Args)-1 {
			continue
		}
		parts = append(parts, moved{expr: a})
	}
	if len(parts) == 0 {
		return
	}
	k, start := u.locate(d.Pos())
	_, end := u.locate(d.End())
	if k < 0 {
		return
	}
	for _, e := range u.res.Edits {
		for _, p := range parts {
			_, s := u.locate(p.expr.Pos())
			_, e2 := u.locate(p.expr.End())
			if e.Part == k && e.Start < e2 && e.End > s {
				return // its text would be moved without the edit
			}
		}
	}
	text := u.parts[k].Text
	names := make([]string, len(parts))
	values := make([]string, len(parts))
	var edits []Edit
	for i, p := range parts {
		u.deferred++
		names[i] = fmt.Sprintf("gophlowd%d", u.deferred)
		_, s := u.locate(p.expr.Pos())
		_, e := u.locate(p.expr.End())
		values[i] = text[s:e]
		if p.addr {
			values[i] = "&(" + values[i] + ")"
		}
		tv := u.info.Types[p.expr]
		if b, ok := tv.Type.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
			return // an untyped non-constant (a shift, a comparison)
		}
		edits = append(edits, Edit{Part: k, Start: s, End: e, Text: names[i]})
	}
	u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: start, End: start,
		Text: "{ " + strings.Join(names, ", ") + " := " + strings.Join(values, ", ") + "; "})
	u.res.Edits = append(u.res.Edits, edits...)
	u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: end, End: end, Text: " }"})
}
