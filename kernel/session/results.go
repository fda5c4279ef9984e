package session

import (
	"fmt"
	"go/ast"
	"sort"
	"strings"
)

// Result variables. Go starts a function's named results at their zero
// values; yaegi starts them at the value the caller's destination holds,
// so in a loop `c := count(xs)` with `func count(xs []int) (n int) { for
// range xs { n++ }; return }` counts on from the previous c. The function
// therefore zeroes its named results first:
//
//	func count(xs []int) (n int) {  →  func count(xs []int) (n int) { { var gophlowzero int; n = gophlowzero };
//
// A function that recovers a panic returns its results as they are; with
// unnamed results yaegi returns the caller's old values. Such a function's
// results are named, and zeroed:
//
//	func f() int { defer func() { recover() }(); …  →  func f() (gophlowr0 int) { { var gophlowzero int; gophlowr0 = gophlowzero }; defer …
//
// Only a function whose body uses its named results (reads them, returns
// without values, or defers) is rewritten.
func (r *rewriter) zeroResults(typ *ast.FuncType, body *ast.BlockStmt) {
	if body == nil || typ.Results == nil || len(typ.Results.List) == 0 {
		return
	}
	named := len(typ.Results.List[0].Names) > 0
	if !named && !r.recovers(body) {
		return
	}
	if named && !r.usesResults(typ.Results, body) {
		return
	}
	var zero strings.Builder
	if !named {
		var fields []string
		for k, f := range typ.Results.List {
			fields = append(fields, fmt.Sprintf("%sr%d %s", internalPrefix, k, r.typedText(f.Type)))
		}
		r.replace(typ.Results.Pos(), typ.Results.End(), "("+strings.Join(fields, ", ")+")")
	}
	for k, f := range typ.Results.List {
		names := []string{fmt.Sprintf("%sr%d", internalPrefix, k)}
		if named {
			names = names[:0]
			for _, n := range f.Names {
				if n.Name != "_" {
					names = append(names, n.Name)
				}
			}
		}
		if len(names) > 0 {
			fmt.Fprintf(&zero, " { var %szero %s; %s = %szero", internalPrefix, r.typedText(f.Type), strings.Join(names, ", "), internalPrefix)
			for range names[1:] {
				fmt.Fprintf(&zero, ", %szero", internalPrefix)
			}
			zero.WriteString(" };")
		}
	}
	r.replace(body.Lbrace+1, body.Lbrace+1, zero.String())
}

// usesResults reports whether body refers to the named results, returns
// without values, or defers.
func (r *rewriter) usesResults(results *ast.FieldList, body *ast.BlockStmt) bool {
	objs := map[*ast.Object]bool{}
	for _, f := range results.List {
		for _, n := range f.Names {
			if n.Obj != nil {
				objs[n.Obj] = true
			}
		}
	}
	used := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			used = used || n.Obj != nil && objs[n.Obj]
		case *ast.ReturnStmt:
			used = used || len(n.Results) == 0
		case *ast.DeferStmt:
			used = true
		case *ast.FuncLit:
			// a nested function's bare return is its own
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && id.Obj != nil && objs[id.Obj] {
					used = true
				}
				return !used
			})
			return false
		}
		return !used
	})
	return used
}

// recovers reports whether body defers a function literal that calls the
// builtin recover.
func (r *rewriter) recovers(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		d, ok := n.(*ast.DeferStmt)
		if !ok {
			return !found
		}
		if lit, ok := d.Call.Fun.(*ast.FuncLit); ok {
			ast.Inspect(lit.Body, func(m ast.Node) bool {
				if c, ok := m.(*ast.CallExpr); ok {
					if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "recover" && r.builtin(id) {
						found = true
					}
				}
				return !found
			})
		}
		return false
	})
	return found
}

// typedText is n's source in the segment with the checker's edits inside
// it (an instance's name for a use of a cell's generic type).
func (r *rewriter) typedText(n ast.Node) string {
	start, end := r.seg.offset(n.Pos()), r.seg.offset(n.End())
	typed := append([]edit(nil), r.seg.typed...)
	sort.SliceStable(typed, func(i, j int) bool { return typed[i].start < typed[j].start })
	var b strings.Builder
	at := start
	for _, e := range typed {
		if e.start < at || e.end > end {
			continue
		}
		b.WriteString(r.seg.text[at:e.start])
		b.WriteString(e.repl)
		at = e.end
	}
	b.WriteString(r.seg.text[at:end])
	return b.String()
}
