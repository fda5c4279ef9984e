package cellcheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Closures called while their function's deferred calls run. yaegi runs a
// function's deferred calls holding a lock on the function's frame, and a
// closure made in that frame takes the same lock when it returns: calling
// one from a deferred call (defer fn(), defer func() { cleanup() }())
// hangs the interpreter. In a function that defers, each function literal
// not called where it is written is therefore made by a function of its
// own, whose frame it then belongs to:
//
//	fn := func() { … }  →  fn := func() func() { return func() { … } }()
//
// A literal calling recover stays as it is: its recover must see the
// panic of the frame it is made in.

// deferredClosures records the rewrite of the literals of each function
// body that defers.
func (u *unit) deferredClosures() {
	called := map[*ast.FuncLit]bool{}
	ast.Inspect(u.file, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if lit, ok := ast.Unparen(c.Fun).(*ast.FuncLit); ok {
				called[lit] = true
			}
		}
		return true
	})
	ast.Inspect(u.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				u.closuresIn(n.Body, called)
			}
		case *ast.FuncLit:
			u.closuresIn(n.Body, called)
		}
		return true
	})
}

// closuresIn wraps the literals made in body, if body defers.
func (u *unit) closuresIn(body *ast.BlockStmt, called map[*ast.FuncLit]bool) {
	var lits []*ast.FuncLit
	defers := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			defers = true
		case *ast.FuncLit:
			if !called[n] {
				lits = append(lits, n)
			}
			return false // what it makes belongs to its own frame
		}
		return true
	})
	if !defers {
		return
	}
	for _, lit := range lits {
		if len(u.recoverCalls(&ast.CallExpr{Fun: lit})) > 0 {
			continue
		}
		k, start := u.locate(lit.Pos())
		_, end := u.locate(lit.End())
		te := u.typeExpr(u.info.Types[lit].Type)
		if k < 0 || te == "" {
			continue
		}
		u.res.Edits = append(u.res.Edits,
			Edit{Part: k, Start: start, End: start, Text: fmt.Sprintf("func() %s { return ", te)},
			Edit{Part: k, Start: end, End: end, Text: " }()"})
	}
}

// deferredFuncVar reports whether call calls a function held in a
// variable, which deferredCall then takes when the defer runs, as Go does
// (deferredClosures made that safe).
func (u *unit) deferredFuncVar(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	_, isVar := u.info.Uses[id].(*types.Var)
	return isVar
}

// Deferred and go literals in loops. A function literal deferred in a
// loop sees the variables of the iteration it was deferred in (each
// iteration's y := … is a variable of its own); yaegi makes a deferred
// literal when the function returns, so every one sees the last
// iteration's. A literal a go statement runs reads the loop's variables
// from the frame while the loop goes on, so a goroutine could see a later
// iteration's (total.Add(uint64(i)) in 100 goroutines summed to 5047 now
// and then). Such variables become parameters of the literal, their
// values taken when the statement runs:
//
//	for _, name := range names { f := open(name); defer func() { f.Close() }() }
//	→ … { gophlowc1 := f; defer func(f *File) { f.Close() }(gophlowc1) } …
//
// A variable the literal assigns to or takes the address of (explicitly,
// or by calling a pointer method: wg.Done()) stays shared (its changes
// must reach it, and a WaitGroup must not be copied).

// loopClosures records the rewrite of each deferred or go literal in a
// loop.
func (u *unit) loopClosures() {
	var stack []ast.Node
	ast.Inspect(u.file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		switch n := n.(type) {
		case *ast.DeferStmt:
			if loop := enclosingLoop(stack); loop != nil {
				u.loopClosure(n, n.Call, loop)
			}
		case *ast.GoStmt:
			if loop := enclosingLoop(stack); loop != nil {
				u.loopClosure(n, n.Call, loop)
			}
		}
		stack = append(stack, n)
		return true
	})
}

// enclosingLoop returns the outermost loop of the function at the top of
// stack, or nil.
func enclosingLoop(stack []ast.Node) ast.Node {
	var loop ast.Node
	for k := len(stack) - 1; k >= 0; k-- {
		switch n := stack[k].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return loop
		case *ast.ForStmt, *ast.RangeStmt:
			loop = n
		}
	}
	return loop
}

// loopClosure rewrites d, a defer or go statement, when it calls a
// literal that uses variables declared in loop.
func (u *unit) loopClosure(d ast.Stmt, call *ast.CallExpr, loop ast.Node) {
	lit, ok := call.Fun.(*ast.FuncLit)
	if !ok || call.Ellipsis.IsValid() {
		return
	}
	if ps := lit.Type.Params.List; len(ps) > 0 {
		if _, variadic := ps[len(ps)-1].Type.(*ast.Ellipsis); variadic {
			return
		}
	}
	var used []*types.Var
	seen, shared := map[*types.Var]bool{}, map[*types.Var]bool{}
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			v, ok := u.info.Uses[n].(*types.Var)
			inLoop := ok && !v.IsField() && v.Pos() >= loop.Pos() && v.Pos() < loop.End()
			if inLoop && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) && !seen[v] {
				seen[v] = true
				used = append(used, v)
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				shared[u.rootVar(l)] = true
			}
		case *ast.IncDecStmt:
			shared[u.rootVar(n.X)] = true
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				shared[u.rootVar(n.X)] = true
			}
		case *ast.SelectorExpr:
			if u.pointerMethodOfValue(n) {
				shared[u.rootVar(n.X)] = true // wg.Done() takes &wg
			}
		}
		return true
	})
	var vars []*types.Var
	for _, v := range used {
		if !shared[v] {
			vars = append(vars, v)
		}
	}
	k, start := u.locate(d.Pos())
	_, end := u.locate(d.End())
	_, closing := u.locate(lit.Type.Params.Closing)
	_, rparen := u.locate(call.Rparen)
	if len(vars) == 0 || k < 0 {
		return
	}
	var names, params, values []string
	for _, v := range vars {
		te := u.typeExpr(v.Type())
		if te == "" {
			return
		}
		u.deferred++
		names = append(names, fmt.Sprintf("gophlowc%d", u.deferred))
		params = append(params, v.Name()+" "+te)
		values = append(values, v.Name())
	}
	sep := func(list []ast.Expr) string {
		if len(list) > 0 {
			return ", "
		}
		return ""
	}
	var existing []ast.Expr
	for _, f := range lit.Type.Params.List {
		existing = append(existing, f.Type)
	}
	u.res.Edits = append(u.res.Edits,
		Edit{Part: k, Start: start, End: start, Text: "{ " + strings.Join(names, ", ") + " := " + strings.Join(values, ", ") + "; "},
		Edit{Part: k, Start: closing, End: closing, Text: sep(existing) + strings.Join(params, ", ")},
		Edit{Part: k, Start: rparen, End: rparen, Text: sep(call.Args) + strings.Join(names, ", ")},
		Edit{Part: k, Start: end, End: end, Text: " }"})
}

// rootVar returns the variable whose storage an assignment to e writes
// (x for x, x.f and x[i] of an array x), or nil.
func (u *unit) rootVar(e ast.Expr) *types.Var {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := u.info.Uses[x].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if sel := u.info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal && !isPointer(sel.Recv()) {
			return u.rootVar(x.X)
		}
	case *ast.IndexExpr:
		if _, array := underlying(u.info.Types[x.X].Type).(*types.Array); array {
			return u.rootVar(x.X)
		}
	}
	return nil
}

// pointerMethodOfValue reports whether sel selects a method with a
// pointer receiver of an addressable value (which the call takes the
// address of).
func (u *unit) pointerMethodOfValue(sel *ast.SelectorExpr) bool {
	s := u.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal || isPointer(s.Recv()) {
		return false
	}
	return isPointer(s.Obj().Type().(*types.Signature).Recv().Type())
}

// isPointer reports whether t is a pointer type.
func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}
