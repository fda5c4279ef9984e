package session

import (
	"go/ast"
	"go/token"
	"strings"
)

// Package initialization (spec, "Package initialization"): Go initializes
// package variables in dependency order — a variable after those its
// initializer uses, directly or through the functions and methods it
// refers to — and otherwise in the order they are declared. yaegi
// initializes them as written, and cannot compile a variable initialized
// by a multi-value call of a function declared after it. A run of
// declarations whose variables Go would initialize in another order, or
// that declares functions after such variables, is therefore rendered with
// its other declarations first, as written, then its variables one spec at
// a time in Go's order.

// piece is one declaration of a run, or one spec of a parenthesized var
// declaration.
type piece struct {
	seg        *segment
	start, end int    // its bytes in seg.text
	keyword    string // "var" for a spec cut out of its group
	names      []string
	initial    bool            // a variable with an initializer
	refs       map[string]bool // the package-level names it uses; ".m" for a method or field m
}

// initOrder returns the pieces of segs in the order Go initializes them,
// or nil when rendering segs as written does the same.
func initOrder(segs []*segment) []piece {
	var others, vars []piece
	funcRefs := map[string]map[string]bool{} // a function's name, or a method's ".name" → its refs
	reorder := false
	for _, sg := range segs {
		switch d := sg.decl.(type) {
		case *ast.FuncDecl:
			key := d.Name.Name
			if d.Recv != nil {
				key = "." + key
			}
			if funcRefs[key] == nil {
				funcRefs[key] = map[string]bool{}
			}
			if d.Body != nil {
				packageRefs(sg, d.Body, funcRefs[key])
			}
			reorder = reorder || initialized(vars)
			others = append(others, piece{seg: sg, end: len(sg.text)})
		case *ast.GenDecl:
			if d.Tok != token.VAR {
				reorder = reorder || initialized(vars)
				others = append(others, piece{seg: sg, end: len(sg.text)})
				continue
			}
			for _, sp := range d.Specs {
				vs := sp.(*ast.ValueSpec)
				p := piece{seg: sg, end: len(sg.text), initial: len(vs.Values) > 0, refs: map[string]bool{}}
				if d.Lparen.IsValid() {
					p.start, p.end, p.keyword = sg.offset(vs.Pos()), sg.offset(vs.End()), "var"
				}
				for _, n := range vs.Names {
					p.names = append(p.names, n.Name)
				}
				for _, v := range vs.Values {
					packageRefs(sg, v, p.refs)
				}
				vars = append(vars, p)
			}
		default:
			return nil
		}
	}
	order := goInitOrder(vars, funcRefs)
	if order == nil {
		return nil // a cycle: the type checker reports it
	}
	for k, i := range order {
		reorder = reorder || k != i
	}
	if !reorder {
		return nil
	}
	for _, i := range order {
		others = append(others, vars[i])
	}
	return others
}

// initialized reports whether one of vars has an initializer.
func initialized(vars []piece) bool {
	for _, v := range vars {
		if v.initial {
			return true
		}
	}
	return false
}

// packageRefs adds to refs the names n uses that are not local to it (the
// parser left them unresolved, or resolved them at the segment's top
// level), and ".m" for each selector m.
func packageRefs(sg *segment, n ast.Node, refs map[string]bool) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			refs["."+n.Sel.Name] = true
			packageRefs(sg, n.X, refs)
			return false
		case *ast.Ident:
			if n.Obj == nil || sg.file.Scope.Lookup(n.Name) == n.Obj {
				refs[n.Name] = true
			}
		}
		return true
	})
}

// goInitOrder returns the indices of vars in the order Go initializes
// them: repeatedly the earliest declared one none of whose dependencies is
// still uninitialized; nil if the dependencies form a cycle.
func goInitOrder(vars []piece, funcRefs map[string]map[string]bool) []int {
	owner := map[string]int{}
	for i, v := range vars {
		for _, n := range v.names {
			owner[n] = i
		}
	}
	deps := make([]map[int]bool, len(vars))
	for i, v := range vars {
		deps[i] = map[int]bool{}
		seen := map[string]bool{}
		var visit func(refs map[string]bool)
		visit = func(refs map[string]bool) {
			for r := range refs {
				if seen[r] {
					continue
				}
				seen[r] = true
				if j, ok := owner[r]; ok && !strings.HasPrefix(r, ".") {
					if j != i {
						deps[i][j] = true
					}
					continue
				}
				visit(funcRefs[r])
			}
		}
		visit(v.refs)
	}
	done := make([]bool, len(vars))
	var order []int
	for len(order) < len(vars) {
		next := -1
		for i := range vars {
			if done[i] {
				continue
			}
			ready := true
			for j := range deps[i] {
				ready = ready && done[j]
			}
			if ready {
				next = i
				break
			}
		}
		if next < 0 {
			return nil
		}
		done[next] = true
		order = append(order, next)
	}
	return order
}

// orderedSource renders the incoming declarations of cell in Go's
// initialization order (see initOrder); ok is false when they are to be
// rendered as written.
func (s *Session) orderedSource(cell int, incoming []*decl, renames map[string]string) (src string, ok bool, perr *posError) {
	segs := make([]*segment, 0, len(incoming))
	for _, d := range incoming {
		if !isTemplate(d.seg) {
			segs = append(segs, d.seg)
		}
	}
	pieces := initOrder(segs)
	if pieces == nil {
		return "", false, nil
	}
	edits := map[*segment][]edit{}
	for _, sg := range segs {
		r := s.rewriter(sg, renames)
		if perr := r.check(); perr != nil {
			return "", false, perr
		}
		edits[sg] = r.all()
	}
	for _, p := range pieces {
		if p.keyword == "" {
			continue
		}
		for _, e := range edits[p.seg] {
			if outside(e, pieces, p.seg) {
				return "", false, nil // an edit the cut would lose
			}
		}
	}
	var b strings.Builder
	for _, p := range pieces {
		b.WriteString(p.seg.renderRange(cell, edits[p.seg], p.start, p.end, p.keyword))
	}
	return b.String(), true, nil
}

// outside reports whether e lies outside every piece of sg.
func outside(e edit, pieces []piece, sg *segment) bool {
	for _, p := range pieces {
		if p.seg == sg && p.start <= e.start && e.end <= p.end {
			return false
		}
	}
	return true
}
