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

// rewriter computes the edits that make a segment run under yaegi.
type rewriter struct {
	seg     *segment
	cell    *cellScope               // the running cell, when seg is part of it
	renames map[string]string        // type name → internal name
	intPath func(path []string) bool // whether global.field… (or pkg.Name) is an integer
	defined func(name string) bool   // whether the session defines name
	counter *int                     // numbering of introduced names
	edits   []edit                   // result
	parents map[ast.Node]ast.Node    // parent of each node
	unres   map[*ast.Ident]struct{}  // identifiers resolved outside the segment
}

func newRewriter(seg *segment, cell *cellScope, renames map[string]string, intPath func([]string) bool, defined func(string) bool, counter *int) *rewriter {
	r := &rewriter{seg: seg, cell: cell, renames: renames, intPath: intPath, defined: defined, counter: counter,
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

func (r *rewriter) root() ast.Node {
	if r.seg.decl != nil {
		return r.seg.decl
	}
	return r.seg.stmt
}

func (r *rewriter) text(n ast.Node) string {
	return r.seg.text[r.seg.offset(n.Pos()):r.seg.offset(n.End())]
}

func (r *rewriter) replace(from, to token.Pos, repl string) {
	r.edits = append(r.edits, edit{start: r.seg.offset(from), end: r.seg.offset(to), repl: repl})
}

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

// builtin reports whether id refers to the universe: neither a local nor a
// name the session defined.
func (r *rewriter) builtin(id *ast.Ident) bool {
	_, unresolved := r.unres[id]
	return unresolved && (r.defined == nil || !r.defined(id.Name))
}

// all computes every rewrite of the segment.
func (r *rewriter) all() []edit {
	ast.Inspect(r.root(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if to, ok := r.renames[n.Name]; ok && r.global(n) {
				r.replace(n.Pos(), n.End(), to)
			}
		case *ast.RangeStmt:
			r.rangeOverInt(n)
		case *ast.GoStmt:
			r.goStmt(n)
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "clear" && r.builtin(id) {
				r.replace(id.Pos(), id.End(), rtName+".Clear")
			}
		}
		return true
	})
	return r.edits
}

// rangeOverInt rewrites `for i := range n` with an integer n (which makes
// yaegi's compiler panic) into a classic loop with a fresh i per iteration:
//
//	{N := n; for I := N - N; I < N; I++ { i := I; … } }
func (r *rewriter) rangeOverInt(rs *ast.RangeStmt) {
	if rs.Value != nil || !r.intExpr(rs.X) {
		return
	}
	n, i := r.fresh("N"), r.fresh("I")
	start, label := rs.Pos(), ""
	if l, ok := r.parents[rs].(*ast.LabeledStmt); ok {
		start, label = l.Pos(), l.Label.Name+": "
	}
	key := ""
	if id, ok := rs.Key.(*ast.Ident); rs.Key != nil && (!ok || id.Name != "_") {
		op := " = "
		if rs.Tok == token.DEFINE {
			op = " := "
		}
		key = r.text(rs.Key) + op + i + ";"
	}
	r.replace(start, rs.X.Pos(), "{"+n+" := ")
	r.replace(rs.X.End(), rs.Body.Lbrace+1,
		fmt.Sprintf("; %sfor %s := %s - %s; %s < %s; %s++ {%s", label, i, n, n, i, n, i, key))
	r.replace(rs.Body.Rbrace+1, rs.Body.Rbrace+1, "}")
}

// intExpr reports whether e is, syntactically, an integer: a literal,
// len/cap, a conversion to an integer type, arithmetic on one, or a
// variable declared with one.
func (r *rewriter) intExpr(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Kind == token.INT
	case *ast.ParenExpr:
		return r.intExpr(e.X)
	case *ast.UnaryExpr:
		return r.intExpr(e.X)
	case *ast.BinaryExpr:
		switch e.Op {
		case token.SHL, token.SHR:
			return r.intExpr(e.X)
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.AND, token.OR, token.XOR, token.AND_NOT:
			return r.intExpr(e.X) || r.intExpr(e.Y)
		}
	case *ast.SelectorExpr:
		// global.field.field or pkg.Const: ask the session's values.
		path := []string{e.Sel.Name}
		x := e.X
		for {
			if sel, ok := x.(*ast.SelectorExpr); ok {
				path = append([]string{sel.Sel.Name}, path...)
				x = sel.X
				continue
			}
			break
		}
		root, ok := x.(*ast.Ident)
		return ok && r.global(root) && r.intPath != nil && r.intPath(append([]string{root.Name}, path...))
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok && r.global(id) {
			return id.Name == "len" || id.Name == "cap" || intTypes[id.Name]
		}
	case *ast.Ident:
		if r.global(e) {
			if r.cell != nil && r.cell.defs[e.Name] != nil && r.cell.depth < 8 {
				r.cell.depth++
				defer func() { r.cell.depth-- }()
				return r.intExpr(r.cell.defs[e.Name])
			}
			return r.intPath != nil && r.intPath([]string{e.Name})
		}
		if e.Obj == nil {
			return false
		}
		switch d := e.Obj.Decl.(type) {
		case *ast.Field:
			t, ok := d.Type.(*ast.Ident)
			return ok && intTypes[t.Name]
		case *ast.ValueSpec:
			if t, ok := d.Type.(*ast.Ident); ok {
				return intTypes[t.Name]
			}
			for k, n := range d.Names {
				if n.Name == e.Name && k < len(d.Values) {
					return r.intExpr(d.Values[k])
				}
			}
		case *ast.AssignStmt:
			for k, l := range d.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name == e.Name && len(d.Lhs) == len(d.Rhs) {
					return r.intExpr(d.Rhs[k])
				}
			}
		}
	}
	return false
}

var intTypes = map[string]bool{"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true, "byte": true, "rune": true}

// fieldPath follows the fields path from v (through pointers and
// interfaces); yaegi stores an unexported field f of an interpreted struct
// as Xf.
func fieldPath(v reflect.Value, path []string) reflect.Value {
	for _, f := range path {
		for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
			if v.IsNil() {
				return reflect.Value{}
			}
			v = v.Elem()
		}
		if !v.IsValid() || v.Kind() != reflect.Struct {
			return reflect.Value{}
		}
		fv := v.FieldByName(f)
		if !fv.IsValid() {
			fv = v.FieldByName("X" + f)
		}
		v = fv
	}
	return v
}

// isIntValue reports whether a global's value is an integer.
func isIntValue(v reflect.Value) bool {
	if !v.IsValid() {
		return false
	}
	if c, ok := v.Interface().(interface{ ExactString() string }); ok {
		s := c.ExactString()
		return s != "" && !strings.ContainsAny(s, ".e/\"'") && s != "true" && s != "false"
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true
	}
	return false
}

// goStmt rewrites `go f(a, b)` so that a panic in the goroutine is
// recovered and reported instead of killing the process (an unrecovered
// panic in an interpreted goroutine ends the kernel). The function value
// (unless it is a plain name, which is repeated in the closure) and the
// non-constant arguments are evaluated before the goroutine starts, as Go
// specifies:
//
//	{F := f; A := a; go func() { defer <report>; F(A, 1) }()}
func (r *rewriter) goStmt(g *ast.GoStmt) {
	call := g.Call
	line, _ := r.seg.position(r.seg.offset(g.Pos()))
	guard := fmt.Sprintf("defer func() { if r := recover(); r != nil { %s.GoroutinePanic(r, %d) } }(); ", rtName, line)
	type part struct {
		expr ast.Expr
		name string
	}
	var parts []part // evaluated now, into fresh variables
	if lit, ok := call.Fun.(*ast.FuncLit); ok {
		// go func(…) { … }(…): the arguments are evaluated by the go
		// statement itself; the guard goes first in the body.
		r.replace(lit.Body.Lbrace+1, lit.Body.Lbrace+1, " "+guard)
		return
	}
	_, funInline := call.Fun.(*ast.Ident)
	if !funInline {
		parts = append(parts, part{call.Fun, r.fresh("F")})
	}
	args := make([]string, len(call.Args))
	for k, a := range call.Args {
		if constantExpr(a) {
			args[k] = r.text(a)
			continue
		}
		p := part{a, r.fresh("A")}
		parts = append(parts, p)
		args[k] = p.name
	}
	if len(parts) == 0 {
		r.replace(g.Pos(), call.Pos(), "go func() { "+guard)
		r.replace(call.End(), call.End(), " }()")
		return
	}
	names := make([]string, len(parts))
	for k, p := range parts {
		names[k] = p.name
	}
	callee := r.text(call.Fun)
	if !funInline {
		callee = parts[0].name
	}
	ellipsis := ""
	if call.Ellipsis.IsValid() {
		ellipsis = "..."
	}
	r.replace(g.Pos(), parts[0].expr.Pos(), "{"+names[0]+" := ")
	for k := 1; k < len(parts); k++ {
		r.replace(parts[k-1].expr.End(), parts[k].expr.Pos(), "; "+names[k]+" := ")
	}
	r.replace(parts[len(parts)-1].expr.End(), call.End(),
		"; go func() { "+guard+callee+"("+strings.Join(args, ", ")+ellipsis+") }() }")
}

// constantExpr reports whether e is built from literals only (an untyped
// constant must stay inline: a variable would give it a default type).
func constantExpr(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return constantExpr(e.X)
	case *ast.UnaryExpr:
		return constantExpr(e.X)
	case *ast.BinaryExpr:
		return constantExpr(e.X) && constantExpr(e.Y)
	case *ast.Ident:
		return e.Name == "nil" || e.Name == "true" || e.Name == "false"
	}
	return false
}

// check reports constructs yaegi lacks, with what to write instead.
func (r *rewriter) check() *posError {
	var err *posError
	if d, ok := r.seg.stmt.(*ast.DeferStmt); ok {
		line, col := r.seg.position(r.seg.offset(d.Pos()))
		return &posError{line: line, col: col, name: "CompileError",
			msg: "defer at the top level of a cell is not supported (the interpreter would run it again after every later cell): put the code in a function, e.g. func() { defer …; … }()"}
	}
	ast.Inspect(r.root(), func(n ast.Node) bool {
		if err != nil {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		id, ok := call.Fun.(*ast.Ident)
		if !ok || !r.builtin(id) {
			return true
		}
		if advice, ok := builtinAdvice[id.Name]; ok {
			line, col := r.seg.position(r.seg.offset(id.Pos()))
			err = &posError{line: line, col: col, name: "CompileError", msg: advice}
		}
		return true
	})
	return err
}

var builtinAdvice = map[string]string{
	"min": "min (a Go 1.21 builtin) is not available in the interpreter: write math.Min(a, b) for float64 values, or compare with an if",
	"max": "max (a Go 1.21 builtin) is not available in the interpreter: write math.Max(a, b) for float64 values, or compare with an if",
}

// firstRange returns the cell position of the first range statement in
// segs, to point at when yaegi's compiler fails on one.
func firstRange(segs []*segment) (location, bool) {
	for _, sg := range segs {
		var found *ast.RangeStmt
		var root ast.Node = sg.stmt
		if sg.decl != nil {
			root = sg.decl
		}
		ast.Inspect(root, func(n ast.Node) bool {
			if rs, ok := n.(*ast.RangeStmt); ok && found == nil {
				found = rs
			}
			return found == nil
		})
		if found != nil {
			line, col := sg.position(sg.offset(found.Pos()))
			return location{line: line, col: col}, true
		}
	}
	return location{}, false
}

// cellScope is what the rewrites of one segment need to know about the
// rest of its cell: identifiers unresolved in each segment (they may refer
// to names another segment defines) and the expressions defining the
// cell's top-level variables.
type cellScope struct {
	unresolved map[*ast.Ident]struct{}
	defs       map[string]ast.Expr // name → defining expression (nil if unknown)
	names      map[string]bool     // every name the cell defines at top level
	lines      map[string]int      // the line defining each of names, first one
	depth      int                 // recursion guard for defs
}

func newCellScope(segs []*segment) *cellScope {
	c := &cellScope{unresolved: map[*ast.Ident]struct{}{}, defs: map[string]ast.Expr{}, names: map[string]bool{}, lines: map[string]int{}}
	for _, sg := range segs {
		for _, id := range sg.file.Unresolved {
			c.unresolved[id] = struct{}{}
		}
		switch {
		case sg.stmt != nil:
			if a, ok := sg.stmt.(*ast.AssignStmt); ok && a.Tok == token.DEFINE && len(a.Lhs) == len(a.Rhs) {
				for k, l := range a.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						c.defs[id.Name] = a.Rhs[k]
					}
				}
			}
			for _, n := range topLevelVars(sg.stmt) {
				c.define(n, sg.line)
			}
		case sg.decl != nil:
			if g, ok := sg.decl.(*ast.GenDecl); ok {
				for _, sp := range g.Specs {
					if vs, ok := sp.(*ast.ValueSpec); ok && len(vs.Values) == len(vs.Names) {
						for k, n := range vs.Names {
							c.defs[n.Name] = vs.Values[k]
						}
					}
				}
			}
			_, names := declNames(sg.decl)
			for _, n := range names {
				c.define(n, sg.line)
			}
		}
	}
	return c
}

func (c *cellScope) define(name string, line int) {
	if !c.names[name] {
		c.names[name], c.lines[name] = true, line
	}
}

// laterHint explains an "undefined: name" error at line when the cell
// defines name further down.
func (c *cellScope) laterHint(msg string, line int) string {
	name, ok := strings.CutPrefix(msg, "undefined: ")
	if !ok || c.lines[name] <= line {
		return msg
	}
	return fmt.Sprintf("%s (it is defined at line %d: a cell runs from top to bottom, so define it before its first use)", msg, c.lines[name])
}

// undefined returns the first identifier of segs that nothing defines:
// yaegi reports some of them obscurely ("constant definition loop").
func (c *cellScope) undefined(segs []*segment, defined func(string) bool) *posError {
	if len(segs) == 0 {
		return nil
	}
	last := segs[len(segs)-1]
	first, end := segs[0].line, last.line+strings.Count(last.text, "\n")
	for _, sg := range segs {
		for _, id := range sg.file.Unresolved {
			line, col := sg.position(sg.offset(id.Pos()))
			// A name the cell defines counts if it is defined above, or in
			// the same unit (declarations of a unit see each other).
			at, inCell := c.lines[id.Name]
			if universe[id.Name] || defined(id.Name) || (inCell && (at <= line || (at >= first && at <= end))) {
				continue
			}
			return &posError{line: line, col: col, name: "CompileError", msg: "undefined: " + id.Name}
		}
	}
	return nil
}

var universe = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`bool byte complex64 complex128 error float32 float64 int int8 int16
		int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr any comparable true false iota nil
		append cap clear close complex copy delete imag len make max min new panic print println real recover`) {
		universe[n] = true
	}
}
