// Package cellcheck type-checks a unit of a notebook cell with go/types,
// in the context of what earlier cells defined, and derives from the types
// what the session needs to run the unit as the Go compiler would:
//   - the type of every variable the unit defines at the cell's top level,
//     so that the session can declare it as a package variable and run the
//     unit's statements inside a function (the interpreter gets statements
//     right inside functions and wrong at the top level);
//   - whether a final expression statement has one value (to show it);
//   - edits that spell out what the interpreter would get wrong or lacks:
//     the cells' generic functions and types as instances (mono.go), new(expr)
//     (Go 1.26, which it turns into a zero value), min and max of any
//     ordered type, range over a function (rangefunc.go, rangelabels.go),
//     over an integer or a string (ranges.go), the types of package iter
//     written as func types, the type of the constant of a non-constant
//     shift, the values of a deferred call taken when the defer runs
//     (deferargs.go), closures a deferred call may call and literals a
//     defer or go statement in a loop runs (closures.go),
//     type switches with interface cases or over an interface
//     (typeswitch.go), an interface compared with a concrete value
//     (comparisons.go), assertions to interfaces (interfaceassertions.go,
//     errorassertions.go) and errors.As into a cell's interface
//     (errorsas.go), map elements assigned several values at once
//     (mapassign.go), method values and expressions (methodvalues.go),
//     local types sharing a name (localtypes.go), and, with
//     Checker.Runtime set, the size check of make, panics in deferred
//     calls (deferpanics.go), the wrapping of the cells' values for fmt
//     (show.go), for encoding/json (json.go), for compiled interfaces
//     (conversions.go) and as context keys (contextkeys.go), and of
//     templates' Execute calls (templates.go);
//   - statements registering the unit's struct types with the printer,
//     its error types' conversions and the methods templates may call
//     (registrations.go).
//
// Input and output are plain: source texts in, types as Go source and
// edits as byte offsets out. Type expressions name the cell's own types as
// the user wrote them and other packages by the names the cell imported
// them under (or by names the session must import, see Result.Imports).
package cellcheck

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"runtime"
	"sort"
	"strings"

	"github.com/gophlow/gophlow/kernel/symtypes"
)

// Context is what earlier cells defined.
type Context struct {
	Imports map[string]string // local name → import path
	Decls   []string          // source of the declarations in force, in order
	Vars    map[string]string // variables statements defined → type expression ("" if unknown)
	// Display gives the instances of the cells' generic types (Mono) the
	// names reflect writes for them: main.Pair[string,int].
	Display map[string]string
}

// Part is one top-level declaration or statement of the unit, as written.
type Part struct {
	Text string
	Decl bool // a declaration (evaluated at package level) rather than a statement
}

// Def is a variable a statement defines at the cell's top level.
type Def struct {
	Name string // the variable
	Type string // its type as Go source, "" when it cannot be written
}

// Edit replaces Parts[Part].Text[Start:End] with Text.
type Edit struct {
	Part, Start, End int
	Text             string
}

// Error is a type error located in the unit.
type Error struct {
	Part, Offset int
	Msg          string
}

// Result is what Check finds.
type Result struct {
	Defs    []Def
	Edits   []Edit
	Errors  []Error
	Imports map[string]string // packages type expressions need: name → path
	// Instances are the uses of generic functions of the packages
	// Checker.Generic reports.
	Instances []Instance
	// Monos are the instances of the cells' own generic functions and
	// types the edits use (mono.go).
	Monos []Mono
	// Registrations are statements that register the struct types the
	// unit's declarations declare with the runtime's printer, run once the
	// declarations are (registrations.go).
	Registrations []string
	// Assertions are the type assertions whose operand is of a named
	// interface (assertions.go).
	Assertions []Assertion
	// Values is the number of values of the last part when it is an
	// expression statement (0 for a call of a function without results),
	// -1 otherwise.
	Values int
}

// Checker checks units; it keeps the imported packages between calls,
// and what it learnt of each earlier declaration's text.
type Checker struct {
	imp   types.Importer
	decls map[string]preludeDecl // by declaration text
	// Runtime, when set, is the qualifier ("rt.") of compiled helpers the
	// edits may call: MakeLen(n, size int64) int, which each length and
	// capacity of a make is passed through with the size of what it
	// counts (to refuse an allocation beyond the memory limit before the
	// runtime fails on it), and MinFloat64 and MaxFloat64(x float64, ys
	// ...float64) float64, which compute min and max of floats.
	Runtime string
	// Generic, when set, reports the packages whose generic functions the
	// session instantiates itself (Result.Instances).
	Generic func(path string) bool
}

// New returns a checker that imports packages with imp.
func New(imp types.Importer) *Checker {
	return &Checker{imp: imp, decls: map[string]preludeDecl{}}
}

// preludeDecl is an earlier declaration as the check of a unit needs it:
// the names it declares, and its text without function bodies (a unit
// needs only signatures, and checking the bodies again costs time).
type preludeDecl struct {
	names []string
	text  string
}

// prelude returns what the checker knows of an earlier declaration.
func (c *Checker) prelude(src string) preludeDecl {
	if d, ok := c.decls[src]; ok {
		return d
	}
	d := preludeDecl{names: declaredNames(src), text: withoutBodies(src)}
	if len(c.decls) > 4096 {
		clear(c.decls) // a long session's redefinitions: start over
	}
	c.decls[src] = d
	return d
}

// withoutBodies returns src with each function body replaced by
// { panic(0) }, a terminating statement, so that the text stays valid Go.
func withoutBodies(src string) string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", "package p;"+src, parser.SkipObjectResolution)
	if err != nil {
		return src
	}
	const skip = len("package p;")
	var b strings.Builder
	at := 0
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil || IsTemplate(fd) {
			continue // a template's body is what its instances are made of
		}
		start, end := fset.Position(fd.Body.Lbrace).Offset-skip, fset.Position(fd.Body.Rbrace).Offset-skip+1
		b.WriteString(src[at:start])
		b.WriteString("{ panic(0) }")
		at = end
	}
	b.WriteString(src[at:])
	return b.String()
}

// checkFunc is the function the unit's statements are checked in.
const checkFunc = "gophlowcheck"

// Check type-checks parts in ctx.
func (c *Checker) Check(ctx Context, parts []Part) (*Result, error) {
	var b strings.Builder
	b.WriteString("package main\n")
	names := make([]string, 0, len(ctx.Imports))
	for n := range ctx.Imports {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if n != "_" {
			fmt.Fprintf(&b, "import %s %q\n", n, ctx.Imports[n])
		}
	}
	redeclared := map[string]bool{}
	for _, p := range parts {
		if p.Decl {
			for _, n := range declaredNames(p.Text) {
				redeclared[n] = true
			}
		}
	}
	for _, d := range ctx.Decls {
		if pd := c.prelude(d); !anyOf(pd.names, redeclared) {
			b.WriteString(pd.text + "\n")
		}
	}
	b.WriteString(libraryTemplates(ctx.Imports))
	vars := make([]string, 0, len(ctx.Vars))
	for n := range ctx.Vars {
		vars = append(vars, n)
	}
	sort.Strings(vars)
	for _, n := range vars {
		if redeclared[n] {
			continue
		}
		t := ctx.Vars[n]
		if t == "" {
			t = "gophlowunknown" // undefined: n's uses are invalid, not errors
		}
		fmt.Fprintf(&b, "var %s %s\n", n, t)
	}
	starts := make([]int, len(parts))
	for k, p := range parts {
		if p.Decl {
			starts[k] = b.Len()
			b.WriteString(p.Text + "\n")
		}
	}
	fmt.Fprintf(&b, "func %s() {\n", checkFunc)
	for k, p := range parts {
		if !p.Decl {
			starts[k] = b.Len()
			b.WriteString(p.Text + "\n")
		}
	}
	b.WriteString("}\n")
	src := b.String()

	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "cell.go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	u := &unit{parts: parts, starts: starts, file: file, fset: fset, src: src, ctx: ctx, runtime: c.Runtime, generic: c.Generic,
		templatePart: map[int]bool{}, monos: map[string]bool{}, called: map[ast.Expr]bool{},
		localNames: map[*types.TypeName]string{}}
	for _, d := range file.Decls {
		if k, _ := u.locate(d.Pos()); k >= 0 && IsTemplate(d) {
			u.templatePart[k] = true
		}
	}
	var errs []types.Error
	conf := types.Config{Importer: c.imp, Error: func(err error) {
		if te, ok := err.(types.Error); ok {
			errs = append(errs, te)
		}
	}}
	u.info = &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Instances: map[*ast.Ident]types.Instance{},
		Selections: map[*ast.SelectorExpr]*types.Selection{}}
	u.pkg, _ = conf.Check("main", fset, []*ast.File{file}, u.info)
	return u.result(errs), nil
}

// unit is one check in progress.
type unit struct {
	parts   []Part
	starts  []int // offset of each part in the checked source
	file    *ast.File
	fset    *token.FileSet
	src     string // the checked source
	info    *types.Info
	pkg     *types.Package
	ctx     Context
	runtime string
	generic func(path string) bool
	res     Result
	// deferred numbers the variables of deferred calls (deferargs.go).
	deferred int
	// deferPanicFuncs numbers the functions deferPanics rewrites.
	deferPanicFuncs int
	// templatePart marks the parts declaring generic functions and types,
	// which the session does not evaluate; monos the instances written.
	templatePart map[int]bool
	monos        map[string]bool
	// called marks the functions of the calls seen so far (methodvalues.go).
	called map[ast.Expr]bool
	// localNames are the new names of local types (localtypes.go).
	localNames map[*types.TypeName]string
	// rangePlan is which ranges over functions convert (rangelabels.go).
	rangePlan *rangeFuncPlan
	// types are the cells' named types (celltypes.go).
	types *cellTypes
}

// locate returns the part holding pos and the offset in its text, or -1.
func (u *unit) locate(pos token.Pos) (part, off int) {
	o := u.fset.Position(pos).Offset
	for k, s := range u.starts {
		if o >= s && o <= s+len(u.parts[k].Text) {
			return k, o - s
		}
	}
	return -1, 0
}

// result collects the unit's defs, edits and errors.
func (u *unit) result(errs []types.Error) *Result {
	u.res = Result{Imports: map[string]string{}, Values: -1}
	top := u.topLevel()
	for _, e := range errs {
		k, off := u.locate(e.Pos)
		if k < 0 || u.ignorable(e, top) {
			continue
		}
		u.res.Errors = append(u.res.Errors, Error{Part: k, Offset: off, Msg: e.Msg})
	}
	sort.SliceStable(u.res.Errors, func(i, j int) bool {
		a, b := u.res.Errors[i], u.res.Errors[j]
		return a.Part < b.Part || a.Part == b.Part && a.Offset < b.Offset
	})
	for _, st := range top.stmts {
		u.defs(st)
	}
	if n := len(top.stmts); n > 0 && !u.parts[len(u.parts)-1].Decl {
		if es, ok := top.stmts[n-1].(*ast.ExprStmt); ok {
			u.res.Values = 1
			if tuple, ok := u.info.Types[es.X].Type.(*types.Tuple); ok {
				u.res.Values = tuple.Len()
			}
		}
	}
	u.renameLocalTypes()
	var defers []*ast.DeferStmt
	ast.Inspect(u.file, func(n ast.Node) bool {
		if d, ok := n.(*ast.DeferStmt); ok {
			defers = append(defers, d)
		}
		if rs, ok := n.(*ast.RangeStmt); ok {
			u.rangeOverFunc(rs)
			u.rangeOverBasic(rs)
		}
		if ts, ok := n.(*ast.TypeSwitchStmt); ok {
			u.typeSwitch(ts)
		}
		if ta, ok := n.(*ast.TypeAssertExpr); ok {
			u.assertion(ta)
		}
		if e, ok := n.(ast.Expr); ok && (u.stubType(e) || u.instance(e) || u.monoUse(e)) {
			return false
		}
		if b, ok := n.(*ast.BinaryExpr); ok {
			u.typedShift(b)
			u.mixedComparison(b)
		}
		if sel, ok := n.(*ast.SelectorExpr); ok {
			u.methodValue(sel)
		}
		if call, ok := n.(*ast.CallExpr); ok {
			u.called[ast.Unparen(call.Fun)] = true
			u.newOfValue(call)
			u.checkedMake(call)
			u.minMax(call)
			u.showArgs(call)
			u.jsonCall(call)
			u.templateCall(call)
			u.typedComplex(call)
			u.contextKey(call)
			u.errorsAsInterface(call)
		}
		return true
	})
	u.interfaceConversions()
	commaOk := u.commaOkOperands()
	u.errorAssertions(commaOk)
	u.interfaceAssertions(commaOk)
	u.mapAssignments()
	u.deferPanics()
	u.deferredClosures()
	u.loopClosures()
	for _, d := range defers {
		u.deferredCall(d)
	}
	u.registrations()
	return &u.res
}

// topLevel is the unit's statements at the cell's top level.
type topLevel struct {
	stmts   []ast.Stmt
	defined map[token.Pos]bool // positions of the names they define
	last    ast.Expr           // the final expression statement's expression
}

func (u *unit) topLevel() topLevel {
	t := topLevel{defined: map[token.Pos]bool{}}
	for _, d := range u.file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == checkFunc {
			t.stmts = fd.Body.List
		}
	}
	for _, st := range t.stmts {
		for _, id := range definedIdents(st) {
			t.defined[id.Pos()] = true
		}
	}
	if n := len(t.stmts); n > 0 {
		if es, ok := t.stmts[n-1].(*ast.ExprStmt); ok {
			t.last = es.X
		}
	}
	return t
}

// ignorable reports errors that do not apply to a cell: its top-level
// variables and imports need no use, and its final expression is shown.
func (u *unit) ignorable(e types.Error, top topLevel) bool {
	if strings.HasPrefix(e.Msg, "declared and not used") && top.defined[e.Pos] {
		return true
	}
	if strings.HasPrefix(e.Msg, "could not import") {
		// A package the interpreter loads from source (slices, maps):
		// go/types treats its uses as unknown, and no edit or type is
		// derived from them.
		return true
	}
	if top.last != nil && e.Pos == top.last.Pos() && strings.HasSuffix(e.Msg, "is not used") {
		return true
	}
	return strings.Contains(e.Msg, "imported and not used")
}

// defs records the variables st defines at the top level.
func (u *unit) defs(st ast.Stmt) {
	for _, id := range definedIdents(st) {
		obj := u.info.Defs[id]
		if obj == nil { // redeclared by := (an earlier part of the unit defined it)
			continue
		}
		u.res.Defs = append(u.res.Defs, Def{Name: id.Name, Type: u.typeExpr(obj.Type())})
	}
}

// definedIdents returns the names a top-level statement defines.
func definedIdents(st ast.Stmt) []*ast.Ident {
	var ids []*ast.Ident
	switch s := st.(type) {
	case *ast.AssignStmt:
		if s.Tok == token.DEFINE {
			for _, l := range s.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
					ids = append(ids, id)
				}
			}
		}
	case *ast.DeclStmt:
		if g, ok := s.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
			for _, sp := range g.Specs {
				for _, id := range sp.(*ast.ValueSpec).Names {
					if id.Name != "_" {
						ids = append(ids, id)
					}
				}
			}
		}
	case *ast.LabeledStmt:
		return definedIdents(s.Stmt)
	}
	return ids
}

// newOfValue rewrites new(expr), a pointer to a copy of expr's value
// (Go 1.26), into a function literal that makes the copy.
func (u *unit) newOfValue(call *ast.CallExpr) {
	id, ok := call.Fun.(*ast.Ident)
	if !ok || id.Name != "new" || len(call.Args) != 1 {
		return
	}
	if _, builtin := u.info.Uses[id].(*types.Builtin); !builtin {
		return
	}
	tv := u.info.Types[call.Args[0]]
	if tv.IsType() || tv.Type == nil {
		return
	}
	t := tv.Type
	if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		t = types.Default(t)
	}
	te := u.typeExpr(t)
	k, start := u.locate(call.Pos())
	_, argStart := u.locate(call.Args[0].Pos())
	_, argEnd := u.locate(call.Args[0].End())
	_, end := u.locate(call.End())
	if te == "" || k < 0 {
		return
	}
	u.res.Edits = append(u.res.Edits,
		Edit{Part: k, Start: start, End: argStart, Text: fmt.Sprintf("func() *%s { gophlownew := (%s)(", te, te)},
		Edit{Part: k, Start: argEnd, End: end, Text: "); return &gophlownew }()"})
}

// typeExpr writes t as Go source valid in a cell, or "" when it cannot be
// written (unexported names of other packages, invalid types).
func (u *unit) typeExpr(t types.Type) string {
	if u.hasTemplateInstance(t, map[types.Type]bool{}) {
		x, err := u.monoType(t, nil) // the instances' names (mono.go)
		if err != nil {
			return ""
		}
		return x.src
	}
	if !u.expressible(t, map[types.Type]bool{}) {
		return ""
	}
	return types.TypeString(expandStubs(t), func(p *types.Package) string {
		if p == u.pkg {
			return ""
		}
		for name, path := range u.ctx.Imports {
			if path == p.Path() {
				return name
			}
		}
		name := "gophlowpkg_" + strings.NewReplacer("/", "_", ".", "_", "-", "_").Replace(p.Path())
		u.res.Imports[name] = p.Path()
		return name
	})
}

// expressible reports whether t can be written in a cell.
func (u *unit) expressible(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return true
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.Basic:
		return t.Kind() != types.Invalid && t.Info()&types.IsUntyped == 0
	case *types.TypeParam:
		return true // in scope where the edit is made (a generic function)
	case *types.Alias:
		return u.expressible(types.Unalias(t), seen)
	case *types.Named:
		if t.Obj().Pkg() != nil && t.Obj().Pkg() != u.pkg && (!t.Obj().Exported() || strings.Contains(t.Obj().Pkg().Path(), "internal")) {
			return false
		}
		if t.Obj().Pkg() == u.pkg && t.Obj().Parent() != u.pkg.Scope() {
			return false // declared inside a function
		}
		args := t.TypeArgs()
		for i := 0; i < args.Len(); i++ {
			if !u.expressible(args.At(i), seen) {
				return false
			}
		}
		return true
	case *types.Pointer:
		return u.expressible(t.Elem(), seen)
	case *types.Slice:
		return u.expressible(t.Elem(), seen)
	case *types.Array:
		return u.expressible(t.Elem(), seen)
	case *types.Map:
		return u.expressible(t.Key(), seen) && u.expressible(t.Elem(), seen)
	case *types.Chan:
		return u.expressible(t.Elem(), seen)
	case *types.Signature:
		return u.expressible(t.Params(), seen) && u.expressible(t.Results(), seen)
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if !u.expressible(t.At(i).Type(), seen) {
				return false
			}
		}
		return true
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			if (!f.Exported() && f.Pkg() != u.pkg) || !u.expressible(f.Type(), seen) {
				return false
			}
		}
		return true
	case *types.Interface:
		for i := 0; i < t.NumExplicitMethods(); i++ {
			m := t.ExplicitMethod(i)
			if (!m.Exported() && m.Pkg() != u.pkg) || !u.expressible(m.Type(), seen) {
				return false
			}
		}
		for i := 0; i < t.NumEmbeddeds(); i++ {
			if !u.expressible(t.EmbeddedType(i), seen) {
				return false
			}
		}
		return true
	}
	return false
}

// declaredNames returns the package-level names a declaration's source
// declares; a method as "Type.Method".
func declaredNames(src string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p;"+src, parser.SkipObjectResolution)
	if err != nil || len(f.Decls) == 0 {
		return nil
	}
	var names []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			names = append(names, d.Name.Name)
			if d.Recv != nil && len(d.Recv.List) == 1 {
				names[len(names)-1] = ReceiverTypeName(d.Recv.List[0].Type) + "." + d.Name.Name
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				switch sp := sp.(type) {
				case *ast.TypeSpec:
					names = append(names, sp.Name.Name)
				case *ast.ValueSpec:
					for _, n := range sp.Names {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	return names
}

// anyOf reports whether one of names is in set.
func anyOf(names []string, set map[string]bool) bool {
	for _, n := range names {
		if set[n] {
			return true
		}
	}
	return false
}

// ReceiverTypeName returns the base type name of a method receiver: T for
// T, *T, T[K] and *T[K].
func ReceiverTypeName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// sizes are the sizes of the machine the kernel runs on.
var sizes = types.SizesFor("gc", runtime.GOARCH)

// checkedMake passes the length and capacity of make(T, n[, c]) through
// the checker's MakeLen function with the size of T's elements.
func (u *unit) checkedMake(call *ast.CallExpr) {
	id, ok := call.Fun.(*ast.Ident)
	if u.runtime == "" || !ok || id.Name != "make" || len(call.Args) < 2 {
		return
	}
	if _, builtin := u.info.Uses[id].(*types.Builtin); !builtin {
		return
	}
	size, ok := elementSize(u.info.Types[call.Args[0]].Type)
	if !ok {
		return
	}
	for _, arg := range call.Args[1:] {
		k, start := u.locate(arg.Pos())
		_, end := u.locate(arg.End())
		if k < 0 {
			return
		}
		u.res.Edits = append(u.res.Edits,
			Edit{Part: k, Start: start, End: start, Text: u.runtime + "MakeLen(int64("},
			Edit{Part: k, Start: end, End: end, Text: fmt.Sprintf("), %d)", size)})
	}
}

// elementSize is the size of what a make of t counts: a slice's or a
// channel's elements, a map's entries. False for types whose size is not
// known here (type parameters).
func elementSize(t types.Type) (size int64, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	switch t := t.Underlying().(type) {
	case *types.Slice:
		return max(sizes.Sizeof(t.Elem()), 1), true
	case *types.Chan:
		return max(sizes.Sizeof(t.Elem()), 1), true
	case *types.Map:
		return max(sizes.Sizeof(t.Key())+sizes.Sizeof(t.Elem()), 1), true
	}
	return 0, false
}

// typedShift gives the constant of a non-constant shift the type the
// shift takes from its context (1<<i in p&(1<<i) is p's type): the
// interpreter computes it as an int.
func (u *unit) typedShift(b *ast.BinaryExpr) {
	if b.Op != token.SHL && b.Op != token.SHR {
		return
	}
	tv, xv := u.info.Types[b], u.info.Types[b.X]
	if tv.Value != nil || tv.Type == nil || xv.Value == nil {
		return
	}
	if basic, ok := tv.Type.(*types.Basic); ok && (basic.Info()&types.IsUntyped != 0 || basic.Kind() == types.Int) {
		return // an int already
	}
	te := u.typeExpr(tv.Type)
	k, start := u.locate(b.X.Pos())
	_, end := u.locate(b.X.End())
	if te == "" || k < 0 {
		return
	}
	u.res.Edits = append(u.res.Edits,
		Edit{Part: k, Start: start, End: start, Text: "(" + te + ")("},
		Edit{Part: k, Start: end, End: end, Text: ")"})
}

// typedComplex gives the constant arguments of complex the float type of
// its result (complex(0, 0) as a complex128 is complex(float64(0),
// float64(0))): the interpreter mistypes an untyped complex constant.
func (u *unit) typedComplex(call *ast.CallExpr) {
	id, ok := call.Fun.(*ast.Ident)
	if !ok || id.Name != "complex" || len(call.Args) != 2 {
		return
	}
	if _, builtin := u.info.Uses[id].(*types.Builtin); !builtin {
		return
	}
	t, ok := u.info.Types[call].Type.(*types.Basic)
	if !ok {
		return
	}
	float := map[types.BasicKind]string{types.Complex128: "float64", types.Complex64: "float32", types.UntypedComplex: "float64"}[t.Kind()]
	if float == "" {
		return
	}
	for _, a := range call.Args {
		if u.info.Types[a].Value == nil {
			continue
		}
		if !u.wrap(a, float+"(", ")") {
			return
		}
	}
}

// wrap puts before and after around e in its part, and reports whether e
// is in one.
func (u *unit) wrap(e ast.Expr, before, after string) bool {
	k, start := u.locate(e.Pos())
	_, end := u.locate(e.End())
	if k < 0 {
		return false
	}
	u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: start, End: start, Text: before}, Edit{Part: k, Start: end, End: end, Text: after})
	return true
}

// constantText writes a constant as Go source of the same kind: a float
// keeps a decimal point (ExactString writes 2.5 as the integer division
// 5/2).
func constantText(v constant.Value) string {
	text := v.ExactString()
	if v.Kind() != constant.Float {
		return text
	}
	if num, den, ok := strings.Cut(text, "/"); ok {
		return "(" + num + ".0/" + den + ".0)"
	}
	if !strings.ContainsAny(text, ".eE") {
		text += ".0"
	}
	return text
}

// minMax writes out min and max (Go 1.21 builtins the interpreter lacks)
// for the type go/types gives the call: a constant call is its value,
// floats go through the runtime's MinFloat64 or MaxFloat64 (NaN and -0 as
// Go has them), other ordered types through a function literal.
func (u *unit) minMax(call *ast.CallExpr) {
	id, ok := call.Fun.(*ast.Ident)
	if u.runtime == "" || !ok || (id.Name != "min" && id.Name != "max") || len(call.Args) == 0 {
		return
	}
	if _, builtin := u.info.Uses[id].(*types.Builtin); !builtin {
		return
	}
	tv := u.info.Types[call]
	k, start := u.locate(call.Pos())
	_, end := u.locate(call.End())
	if k < 0 || tv.Type == nil {
		return
	}
	if tv.Value != nil {
		text := constantText(tv.Value)
		if b, ok := tv.Type.(*types.Basic); !ok || b.Info()&types.IsUntyped == 0 {
			te := u.typeExpr(tv.Type)
			if te == "" {
				return
			}
			text = "(" + te + ")(" + text + ")"
		} else if tv.Value.Kind() == constant.Float {
			text = "(" + text + ")"
		}
		u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: start, End: end, Text: text})
		return
	}
	te := u.typeExpr(tv.Type)
	if te == "" {
		return
	}
	_, lparen := u.locate(call.Lparen)
	_, rparen := u.locate(call.Rparen)
	if b, ok := tv.Type.Underlying().(*types.Basic); ok && b.Info()&types.IsFloat != 0 {
		name := "MinFloat64"
		if id.Name == "max" {
			name = "MaxFloat64"
		}
		u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: start, End: lparen + 1, Text: "(" + te + ")(" + u.runtime + name + "("})
		for _, a := range call.Args {
			_, as := u.locate(a.Pos())
			_, ae := u.locate(a.End())
			u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: as, End: as, Text: "float64("}, Edit{Part: k, Start: ae, End: ae, Text: ")"})
		}
		u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: rparen, End: rparen, Text: ")"})
		return
	}
	op := "<"
	if id.Name == "max" {
		op = ">"
	}
	u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: start, End: lparen + 1,
		Text: fmt.Sprintf("func(gophlowx %[1]s, gophlowys ...%[1]s) %[1]s { for _, y := range gophlowys { if y %[2]s gophlowx { gophlowx = y } }; return gophlowx }(", te, op)})
	for _, a := range call.Args {
		if tva := u.info.Types[a]; tva.Value != nil && !types.Identical(tva.Type, tv.Type) {
			_, as := u.locate(a.Pos())
			_, ae := u.locate(a.End())
			u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: as, End: as, Text: "(" + te + ")("}, Edit{Part: k, Start: ae, End: ae, Text: ")"})
		}
	}
}

// stubType writes out a type expression naming a type of a stub package
// (iter.Seq[int] → func(yield func(int) bool)), which the interpreter
// cannot import, and reports whether it did.
func (u *unit) stubType(e ast.Expr) bool {
	switch e.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr, *ast.SelectorExpr:
	default:
		return false
	}
	tv, ok := u.info.Types[e]
	if !ok || !tv.IsType() {
		return false
	}
	n, ok := types.Unalias(tv.Type).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !symtypes.IsStub(n.Obj().Pkg().Path()) || n.TypeParams().Len() > n.TypeArgs().Len() {
		return false // not a stub's type, or its generic name before [T]
	}
	te := u.typeExpr(n)
	k, start := u.locate(e.Pos())
	_, end := u.locate(e.End())
	if te == "" || k < 0 {
		return false
	}
	u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: start, End: end, Text: te})
	return true
}

// expandStubs replaces the types of stub packages in t by their
// underlying types, where they stand at the top or under pointers, slices,
// maps and channels (the common places; elsewhere they stay).
func expandStubs(t types.Type) types.Type {
	switch x := t.(type) {
	case *types.Named:
		if x.Obj().Pkg() != nil && symtypes.IsStub(x.Obj().Pkg().Path()) {
			return x.Underlying()
		}
	case *types.Pointer:
		return types.NewPointer(expandStubs(x.Elem()))
	case *types.Slice:
		return types.NewSlice(expandStubs(x.Elem()))
	case *types.Map:
		return types.NewMap(expandStubs(x.Key()), expandStubs(x.Elem()))
	case *types.Chan:
		return types.NewChan(x.Dir(), expandStubs(x.Elem()))
	}
	return t
}
