package session

import (
	"context"
	"go/ast"
	"reflect"

	"github.com/gophlow/gophlow/kernel/stdsyms"
	"github.com/gophlow/gophlow/kernel/symbols"
)

// runStatements runs statements; variables they (re)define at the top
// level make the declarations using them stale.
func (s *Session) runStatements(ctx context.Context, cell int, segs []*segment) error {
	src, perr := s.source(cell, segs, s.store.renames)
	if perr != nil {
		return s.fromPosError(cell, perr)
	}
	if err := s.run(ctx, cell, src, segs); err != nil {
		return err
	}
	var defined []string
	redefined := map[string]bool{}
	for _, sg := range segs {
		for _, n := range topLevelVars(sg.stmt) {
			defined = append(defined, n)
			if _, ok := s.store.byName[n]; ok {
				redefined[n] = true
			}
		}
	}
	s.store.defineVars(cell, defined)
	if len(redefined) > 0 {
		p := s.store.planFor(nil, redefined)
		s.store.commit(nil, p)
		s.reevaluate(ctx, cell, p.again, p.renames)
		s.warnStaleMethods(p)
	}
	return nil
}

// runTrailing evaluates a final expression statement and publishes its
// value with display.Result; a call without a single result just runs.
func (s *Session) runTrailing(ctx context.Context, cell int, seg *segment) error {
	expr := seg.stmt.(*ast.ExprStmt).X
	if s.hasSingleValue(expr) {
		r := s.rewriter(seg, s.store.renames)
		if perr := r.check(); perr != nil {
			return s.fromPosError(cell, perr)
		}
		start, end := seg.offset(expr.Pos()), seg.offset(expr.End())
		edits := append([]edit{{start: start, end: start, repl: rtName + ".Result("}}, r.all()...)
		edits = append(edits, edit{start: end, end: end, repl: ")"})
		prog, err, crash := s.compile(seg.render(cell, edits))
		if err == nil && crash == nil && prog != nil {
			return s.runProgram(ctx, cell, prog)
		}
	}
	return s.runStatements(ctx, cell, []*segment{seg})
}

// hasSingleValue reports whether expr may have exactly one value: false
// for calls of functions known to return none or several (fmt.Println),
// true when unknown.
func (s *Session) hasSingleValue(expr ast.Expr) bool {
	call, ok := expr.(*ast.CallExpr)
	if !ok {
		return true
	}
	switch f := call.Fun.(type) {
	case *ast.Ident:
		if d, ok := s.store.byName[f.Name]; ok && d.kind == "func" {
			res := d.seg.decl.(*ast.FuncDecl).Type.Results
			return res != nil && res.NumFields() == 1
		}
		switch f.Name {
		case "panic", "print", "println", "close", "delete", "clear":
			return false
		}
	case *ast.SelectorExpr:
		pkg, ok := f.X.(*ast.Ident)
		if !ok {
			return true
		}
		p, ok := s.imports[pkg.Name]
		if !ok {
			return true
		}
		for _, table := range []map[string]map[string]reflect.Value{stdsyms.Symbols, symbols.Symbols} {
			if v, ok := table[p+"/"+packageName(p)][f.Sel.Name]; ok && v.Kind() == reflect.Func {
				return v.Type().NumOut() == 1
			}
		}
	}
	return true
}
