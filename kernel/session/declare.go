package session

import (
	"go/ast"
	"sort"
	"strconv"
	"strings"
)

// Redefinition. yaegi binds a caller to the function, variable or constant
// it saw when the caller was compiled, never rebinds methods, and ignores
// the new fields of a redeclared struct type. A notebook user expects the
// opposite: re-running a cell replaces what it declares everywhere. So the
// session keeps the source of every top-level declaration, and when a name
// is redefined it re-evaluates, in the order they were first written, the
// declarations that (transitively) refer to it. Types cannot be redeclared
// in place: a redefined type (or one whose methods changed, or one
// re-evaluated because it refers to a redefined name) gets a fresh internal
// name, Name + renameMark + version, and every later reference to the type
// is rewritten to it; messages map such names back.

// renameMark separates a type's name from its version in internal names.
// It is U+02B9 MODIFIER LETTER PRIME, a letter, so Pointʹ2 is a valid Go
// identifier that no one types by accident.
const renameMark = "ʹ"

// decl is one top-level declaration the session keeps.
type decl struct {
	kind  string   // "func", "method", "type", "var", "const"
	names []string // names bound; for a method its key "Type.Method"
	recv  string   // a method's receiver type
	seg   *segment // the source, parsed (nil for variables defined by statements)
	cell  int
	refs  map[string]bool // names it refers to that are not its own
	typ   string          // a variable's type as Go source, when known
	order int
}

// declStore maps each bound name to its current declaration.
type declStore struct {
	byName  map[string]*decl
	renames map[string]string // type name → current internal name
	version map[string]int
	// tainted types were in declarations that failed to compile: yaegi
	// may have kept a half-declared type (and methods it will not redeclare)
	// under the name, so their next declaration takes a fresh name.
	tainted map[string]bool
	order   int
}

// newDeclStore returns an empty store.
func newDeclStore() *declStore {
	return &declStore{byName: map[string]*decl{}, renames: map[string]string{}, version: map[string]int{}, tainted: map[string]bool{}}
}

// newDecl describes the declaration in seg.
func (st *declStore) newDecl(seg *segment, cell int) *decl {
	kind, names := declNames(seg.decl)
	d := &decl{kind: kind, names: names, seg: seg, cell: cell, refs: map[string]bool{}}
	if kind == "method" {
		d.recv = strings.SplitN(names[0], ".", 2)[0]
	}
	for _, id := range seg.file.Unresolved {
		d.refs[id.Name] = true
	}
	return d
}

// live returns the current declarations, each once, in order.
func (st *declStore) live() []*decl {
	seen := map[*decl]bool{}
	var ds []*decl
	for _, d := range st.byName {
		if !seen[d] {
			seen[d] = true
			ds = append(ds, d)
		}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].order < ds[j].order })
	return ds
}

// plan is the work a redefinition causes: declarations to evaluate again
// and the types that get fresh internal names.
type plan struct {
	again   []*decl           // earlier declarations to re-evaluate, in order
	renames map[string]string // renames in force once the plan is applied
	// staleMethods ("Type.Method") call a redefined name but keep the old
	// one: yaegi cannot redeclare a method, and the type is not renamed.
	staleMethods []string
}

// planFor computes the plan when the declarations incoming (nil for a
// statement cell) are evaluated and the names redefined get new meanings.
// A type is renamed when its declaration text changes, when a method of it
// is redefined with a different text, or when it refers to a renamed type or
// a redefined constant.
func (st *declStore) planFor(incoming []*decl, redefined map[string]bool) plan {
	changed := map[string]bool{}
	for n := range redefined {
		changed[n] = true
	}
	rename := map[string]bool{}
	for _, d := range incoming {
		switch {
		case d.kind == "type":
			for _, n := range d.names {
				rename[n] = rename[n] || st.tainted[n]
			}
		case d.kind == "method" && st.tainted[d.recv]:
			rename[d.recv] = true
		}
		for _, n := range d.names {
			old := st.byName[n]
			if old == nil || (old.seg != nil && old.seg.text == d.seg.text && d.kind != "var") {
				continue
			}
			changed[n] = true
			switch d.kind {
			case "type":
				rename[n] = true
			case "method":
				rename[d.recv] = true
			}
		}
	}
	scheduled, stale := map[*decl]bool{}, map[*decl]bool{}
	for progress := true; progress; {
		progress = false
		// A renamed type must be declared again (in the unit, or from its
		// kept declaration), so what refers to it is stale too.
		for t := range rename {
			changed[t] = true
		}
		for _, d := range st.live() {
			if scheduled[d] || d.seg == nil || d.kind == "var" || superseded(d, incoming) {
				continue
			}
			trigger := false
			for r := range d.refs {
				if changed[r] {
					trigger = true
				}
			}
			switch d.kind {
			case "method":
				// Only a renamed type gets its methods again: renaming a
				// type for a method that merely calls a redefined function
				// would cut the values made so far off every function
				// taking the type.
				if !rename[d.recv] {
					if trigger {
						stale[d] = true
					}
					continue
				}
				trigger = true
			case "type":
				for _, n := range d.names {
					trigger = trigger || rename[n]
				}
			}
			if !trigger {
				continue
			}
			scheduled[d], progress = true, true
			for _, n := range d.names {
				changed[n] = true
				if d.kind == "type" {
					rename[n] = true
				}
			}
			if d.kind == "method" {
				rename[d.recv] = true
			}
		}
	}
	p := plan{renames: map[string]string{}}
	for k, v := range st.renames {
		p.renames[k] = v
	}
	for t := range rename {
		// A fresh name even if the plan fails: a failed compilation may
		// have left a half-declared type under the name.
		st.version[t]++
		p.renames[t] = t + renameMark + strconv.Itoa(st.version[t])
	}
	for _, d := range st.live() {
		if scheduled[d] {
			p.again = append(p.again, d)
		} else if stale[d] {
			p.staleMethods = append(p.staleMethods, d.names[0])
		}
	}
	return p
}

// superseded reports whether every name d binds is redeclared by incoming.
func superseded(d *decl, incoming []*decl) bool {
	if len(incoming) == 0 {
		return false
	}
	for _, n := range d.names {
		found := false
		for _, in := range incoming {
			for _, m := range in.names {
				found = found || m == n
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// taint records that the declarations incoming failed to compile.
func (st *declStore) taint(incoming []*decl) {
	for _, d := range incoming {
		switch d.kind {
		case "type":
			for _, n := range d.names {
				st.tainted[n] = true
			}
		case "method":
			st.tainted[d.recv] = true
		}
	}
}

// commit records incoming declarations and the plan's renames.
func (st *declStore) commit(incoming []*decl, p plan) {
	for t, internal := range p.renames {
		st.renames[t] = internal
		delete(st.tainted, t)
	}
	for _, d := range incoming {
		st.order++
		d.order = st.order
		for _, n := range d.names {
			st.byName[n] = d
		}
	}
}

// defineVars records variables defined by statements (x := …, var x).
func (st *declStore) defineVars(cell int, names []string) {
	for _, n := range names {
		st.order++
		st.byName[n] = &decl{kind: "var", names: []string{n}, cell: cell, order: st.order}
	}
}

// topLevelVars returns the names a statement defines at the top level of a
// cell (which yaegi makes globals).
func topLevelVars(stmt ast.Stmt) []string {
	var names []string
	switch s := stmt.(type) {
	case *ast.AssignStmt:
		if s.Tok.String() == ":=" {
			for _, l := range s.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
					names = append(names, id.Name)
				}
			}
		}
	case *ast.DeclStmt:
		_, names = declNames(s.Decl)
	case *ast.LabeledStmt:
		return topLevelVars(s.Stmt)
	}
	return names
}
