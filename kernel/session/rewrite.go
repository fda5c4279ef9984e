package session

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"strings"
)

// Internal names the rewrites introduce all start with internalPrefix, so
// Names can hide them and they cannot collide with a sensible user name.
const internalPrefix = "gophlow"

// rtName is the name the session's runtime package is imported under (see
// runtime.go).
const rtName = internalPrefix + "rt"

// mainName is the internal name of a declared main function.
const mainName = internalPrefix + "main"

// isDeclName reports whether id is the name of the function declaration
// (or selector) parent.
func isDeclName(parent ast.Node, id *ast.Ident) bool {
	switch p := parent.(type) {
	case *ast.FuncDecl:
		return p.Name == id
	case *ast.SelectorExpr:
		return p.Sel == id
	}
	return false
}

// rewriter computes the edits that make a segment run under yaegi.
type rewriter struct {
	seg     *segment
	cell    *cellScope        // the running cell, when seg is part of it
	renames map[string]string // type name → internal name
	sess    sessionFacts      // answers questions about the session
	counter *int              // numbering of introduced names
	// retry is set when compiling again after yaegi's compiler crashed on
	// a range statement (see Session.runUnit): a range over an expression
	// of unknown kind is taken as a range over an integer, and a range over
	// a declared iterator function is rewritten.
	retry   bool
	lifted  bool                    // seg runs inside a function (see lift.go)
	edits   []edit                  // result
	parents map[ast.Node]ast.Node   // parent of each node
	unres   map[*ast.Ident]struct{} // identifiers resolved outside the segment
}

// newRewriter prepares the rewrites of seg. cell is the running cell's
// scope (nil when seg comes from an earlier cell), renames the type renames
// in force, and the session answers questions through sess.
func newRewriter(seg *segment, cell *cellScope, renames map[string]string, sess sessionFacts, counter *int) *rewriter {
	r := &rewriter{seg: seg, cell: cell, renames: renames, sess: sess, counter: counter,
		parents: map[ast.Node]ast.Node{}, unres: map[*ast.Ident]struct{}{}}
	for _, id := range seg.file.Unresolved {
		r.unres[id] = struct{}{}
	}
	if cell != nil {
		for id := range cell.unresolved {
			r.unres[id] = struct{}{}
		}
	}
	var stack []ast.Node
	ast.Inspect(r.root(), func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if len(stack) > 0 {
			r.parents[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		return true
	})
	return r
}

// sessionFacts is what rewrites may ask the session.
type sessionFacts interface {
	pathKind(path []string) numKind                 // kind of global.field… or pkg.Name
	defined(name string) bool                       // whether an earlier cell defined name
	pkgPath(name string) string                     // import path of an imported package name, or ""
	elemKind(path []string) numKind                 // element kind of a global slice (global.field…)
	globalType(path []string) reflect.Type          // type of global.field…, or nil
	funcDecl(name string) (*ast.FuncDecl, *segment) // a function the session declared
}

// root is the segment's declaration or statement.
func (r *rewriter) root() ast.Node {
	if r.seg.decl != nil {
		return r.seg.decl
	}
	return r.seg.stmt
}

// text is the source of n as written.
func (r *rewriter) text(n ast.Node) string {
	return r.seg.text[r.seg.offset(n.Pos()):r.seg.offset(n.End())]
}

// replace records an edit replacing from..to by repl.
func (r *rewriter) replace(from, to token.Pos, repl string) {
	r.edits = append(r.edits, edit{start: r.seg.offset(from), end: r.seg.offset(to), repl: repl})
}

// fresh returns a new internal name.
func (r *rewriter) fresh(kind string) string {
	*r.counter++
	return fmt.Sprintf("%s%s%d", internalPrefix, kind, *r.counter)
}

// global reports whether id names a top-level entity: one declared in
// another segment or cell (unresolved here), or declared by this segment's
// own top-level declaration.
func (r *rewriter) global(id *ast.Ident) bool {
	if _, ok := r.unres[id]; ok {
		return true
	}
	if id.Obj == nil {
		return false
	}
	if g, ok := r.seg.decl.(*ast.GenDecl); ok {
		for _, sp := range g.Specs {
			if ts, ok := sp.(*ast.TypeSpec); ok && id.Obj.Decl == ts {
				return true
			}
		}
	}
	return false
}

// embedded reports whether id is the type of an embedded struct field
// (struct{ T } or struct{ *T }): renaming it would rename the field, so it
// is left to the alias declared beside each renamed type.
func (r *rewriter) embedded(id *ast.Ident) bool {
	var p ast.Node = r.parents[id]
	if star, ok := p.(*ast.StarExpr); ok {
		p = r.parents[star]
	}
	f, ok := p.(*ast.Field)
	return ok && len(f.Names) == 0 && r.parents[f] != nil && isFieldOfStruct(r.parents[f], r.parents)
}

// isFieldOfStruct reports whether list is the field list of a struct type.
func isFieldOfStruct(list ast.Node, parents map[ast.Node]ast.Node) bool {
	_, ok := parents[list].(*ast.StructType)
	return ok
}

// builtin reports whether id refers to the universe: neither a local nor a
// name the session defined.
func (r *rewriter) builtin(id *ast.Ident) bool {
	_, unresolved := r.unres[id]
	return unresolved && !r.sess.defined(id.Name)
}

// all computes every rewrite of the segment.
func (r *rewriter) all() []edit {
	ast.Inspect(r.root(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if n.Name == "main" && r.parents[n] != nil && (n.Obj == nil || n.Obj.Kind == ast.Fun) && !isDeclName(r.parents[n], n) && r.sess.defined("main") {
				r.replace(n.Pos(), n.End(), mainName)
			}
			if to, ok := r.renames[n.Name]; ok && r.global(n) && !r.embedded(n) && !r.seg.typedAt(n.Pos()) {
				r.replace(n.Pos(), n.End(), to)
				if ts, ok := r.parents[n].(*ast.TypeSpec); ok && ts.Name == n {
					// The user's name stays an alias of the current type,
					// so that an embedded field keeps its name (see
					// embedded).
					end := len(r.seg.text)
					r.edits = append(r.edits, edit{start: end, end: end, repl: fmt.Sprintf("\ntype %s = %s", n.Name, to)})
				}
			}
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN && isCommaOk(n) {
				r.edits = append(r.edits, commaOkEdits(r.seg, n, strings.TrimPrefix(r.fresh(""), internalPrefix))...)
			}
		case *ast.ForStmt:
			r.perIterationFor(n)
		case *ast.RangeStmt:
			if r.seg.typedAt(n.Pos()) {
				break // a range over a function, written out by the checker
			}
			before := len(r.edits)
			r.rangeOverInt(n)
			if len(r.edits) == before {
				r.perIterationRange(n)
			}
			r.rangeOverIterator(n)
			if r.retry {
				r.rangeOverFunc(n)
			}
		case *ast.SwitchStmt, *ast.TypeSwitchStmt:
			r.switchInit(n.(ast.Stmt))
		case *ast.IfStmt:
			r.ifInit(n)
		case *ast.SelectStmt:
			r.selectContinue(n)
			r.selectLabeledBranches(n)
		case *ast.GenDecl:
			if n.Tok == token.CONST {
				r.expandConsts(n)
			}
		case *ast.GoStmt:
			r.goStmt(n)
		case *ast.FuncLit:
			r.nameParams(nil, n.Type)
			r.zeroResults(n.Type, n.Body)
			r.loopClosure(n)
		case *ast.FuncDecl:
			r.nameParams(n.Recv, n.Type)
			r.zeroResults(n.Type, n.Body)
			if n.Recv == nil && n.Name.Name == "main" {
				// yaegi runs a declared main after every evaluation: it
				// gets an internal name (calls are renamed below).
				r.replace(n.Name.Pos(), n.Name.End(), mainName)
			}
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
				r.genericHelper(n, sel)
				break
			}
			id, ok := n.Fun.(*ast.Ident)
			if !ok || !r.builtin(id) {
				break
			}
			switch id.Name {
			case "clear":
				r.replace(id.Pos(), id.End(), rtName+".Clear")
			case "recover":
				// yaegi hands the panic value over as a reflect.Value.
				r.replace(n.Pos(), n.Pos(), rtName+".Recovered(")
				r.replace(n.End(), n.End(), ")")
			case "min", "max":
				if r.seg.typedAt(n.Pos()) {
					break // the type checker wrote it out
				}
				// Go 1.21 builtins yaegi lacks: typed stand-ins.
				suffix := map[numKind]string{kindInt: "Int", kindFloat64: "Float64"}[r.minMaxKind(n.Args)]
				if suffix != "" {
					r.replace(id.Pos(), id.End(), rtName+"."+strings.ToUpper(id.Name[:1])+id.Name[1:]+suffix)
				}
			}
		}
		return true
	})
	return append(r.edits, r.seg.typed...)
}

// genericHelper replaces generic functions of package slices that yaegi
// lacks by compiled stand-ins: Sort (any slice of numbers or strings, in
// place), Max and Min of a slice recognised as []int or []float64, and
// Collect and Sorted of maps.Keys or maps.Values of a map of basic types.
func (r *rewriter) genericHelper(call *ast.CallExpr, sel *ast.SelectorExpr) {
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || !r.global(pkg) || r.sess.pkgPath(pkg.Name) != "slices" || r.seg.typedAt(sel.Pos()) {
		return // typed: an instance of the session's own (generics.go)
	}
	switch sel.Sel.Name {
	case "Collect", "Sorted":
		r.collectMap(call, sel.Sel.Name == "Sorted")
	case "Sort":
		r.replace(sel.Pos(), sel.End(), rtName+".SortSlice")
	case "Max", "Min":
		if len(call.Args) != 1 {
			return
		}
		if suffix := map[numKind]string{kindInt: "Ints", kindFloat64: "Float64s"}[r.elemKind(call.Args[0])]; suffix != "" {
			r.replace(sel.Pos(), sel.End(), rtName+"."+sel.Sel.Name+suffix)
		}
	}
}
