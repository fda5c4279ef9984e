package cellcheck

import (
	"fmt"
	"go/ast"
	"go/types"
)

// Panics in deferred calls. In Go a deferred call that panics replaces the
// function's panic, and the calls deferred before it still run: one that
// recovers gets the new panic. yaegi runs a function's deferred calls in
// one loop, which a panic leaves: the calls after it never run, so the
// recovering call deferred first never sees the panic. In a function that
// defers both a recovering function literal and other calls, each other
// call is run inside a function that catches its panic into a variable of
// the function's; the recovering literals' recover takes that panic
// first, and a guard deferred before everything panics with it when
// nothing did:
//
//	func f() (msg string) {             func f() (msg string) { var gophlowpanic1 any; defer func() { if gophlowpanic1 != nil { panic(gophlowpanic1) } }()
//		defer func() {                  defer func() {
//			msg = fmt.Sprint(recover())     msg = fmt.Sprint(rt.Pending(&gophlowpanic1, recover()))
//		}()                             }()
//		defer cleanup()          →      defer func() { defer func() { if r := rt.Recovered(recover()); r != nil { gophlowpanic1 = r } }(); cleanup() }()
//		…                               …
//
// The recovering literals themselves stay as they are: moved into another
// function, their recover would no longer see f's panic.

// deferPanics records the rewrite of each function body that needs it.
func (u *unit) deferPanics() {
	if u.runtime == "" {
		return
	}
	ast.Inspect(u.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				u.deferPanicsIn(n.Body)
			}
		case *ast.FuncLit:
			u.deferPanicsIn(n.Body)
		}
		return true
	})
}

// deferPanicsIn rewrites body when it defers a recovering function literal
// and other calls.
func (u *unit) deferPanicsIn(body *ast.BlockStmt) {
	k, open := u.locate(body.Lbrace)
	if k < 0 || u.templatePart[k] {
		return // the statements of a cell's top level, or a template
	}
	var recovering []*ast.CallExpr // the recover calls of the recovering literals
	var others []*ast.DeferStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its defers are its own
		case *ast.DeferStmt:
			if calls := u.recoverCalls(n.Call); len(calls) > 0 {
				recovering = append(recovering, calls...)
			} else {
				others = append(others, n)
			}
		}
		return true
	})
	if len(recovering) == 0 || len(others) == 0 {
		return
	}
	u.deferPanicFuncs++
	slot := fmt.Sprintf("gophlowpanic%d", u.deferPanicFuncs)
	u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: open + 1, End: open + 1,
		Text: fmt.Sprintf(" var %[1]s any; defer func() { if %[1]s != nil { panic(%[1]s) } }();", slot)})
	for _, call := range recovering {
		if kc, start := u.locate(call.Pos()); kc == k {
			_, end := u.locate(call.End())
			u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: start, End: end,
				Text: fmt.Sprintf("%sPending(&%s, recover())", u.runtime, slot)})
		}
	}
	for _, d := range others {
		_, start := u.locate(d.Call.Pos())
		_, end := u.locate(d.Call.End())
		u.res.Edits = append(u.res.Edits,
			Edit{Part: k, Start: start, End: start,
				Text: fmt.Sprintf("func() { defer func() { if r := %sRecovered(recover()); r != nil { %s = r } }(); ", u.runtime, slot)},
			Edit{Part: k, Start: end, End: end, Text: " }()"})
	}
}

// recoverCalls returns the calls of the builtin recover in the body of
// the function literal call calls (outside literals nested in it), or nil
// when call does not call a literal.
func (u *unit) recoverCalls(call *ast.CallExpr) []*ast.CallExpr {
	lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit)
	if !ok {
		return nil
	}
	var calls []*ast.CallExpr
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
				if _, builtin := u.info.Uses[id].(*types.Builtin); builtin && id.Name == "recover" {
					calls = append(calls, n)
				}
			}
		}
		return true
	})
	return calls
}
