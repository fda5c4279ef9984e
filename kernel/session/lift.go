package session

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/gophlow/gophlow/kernel/cellcheck"
	"github.com/gophlow/gophlow/kernel/generic"
	"github.com/gophlow/gophlow/kernel/symtypes"
)

// Lifting. yaegi gets statements at the top level of a cell wrong in ways
// it does not inside a function (multi-value := in a nested block, comma-ok
// forms, type switches: yaegi issue 232 and friends). So a run of
// top-level statements is type-checked (package cellcheck) and run as the
// body of a fresh function, the variables it defines at the top level
// being declared beforehand as package variables of the types go/types
// gives them, and their := turned into =:
//
//	x := 3; v, err := f()   →   var x int; var v T; var err error
//	                            func gophlowcell7() { x = 3; v, err = f() }
//	                            gophlowcell7()
//
// A variable an earlier cell defined with the same type is assigned, not
// declared again, so the functions that use it keep seeing it. When the
// check fails (an error, a type that cannot be written) the run is
// evaluated statement group by statement group as before.

// runs splits a cell's segments into runs: consecutive statements (and
// var declarations after the cell's first statement, which read the
// statements' variables) form one run, consecutive other segments another
// (declarations evaluated together may refer to each other).
func runs(segs []*segment) [][]*segment {
	var out [][]*segment
	seenStmt, wasLiftable := false, false
	for k, sg := range segs {
		liftable := sg.kind == stmtSegment || (seenStmt && isVarDecl(sg))
		seenStmt = seenStmt || sg.kind == stmtSegment
		if k > 0 && liftable == wasLiftable && !(liftable && shadowsUsedBuiltin(out[len(out)-1], sg)) {
			out[len(out)-1] = append(out[len(out)-1], sg)
			continue
		}
		out, wasLiftable = append(out, []*segment{sg}), liftable
	}
	return out
}

// shadowsUsedBuiltin reports whether statement sg defines a predeclared
// name (len := 5) that the statements before it in the run use. In Go the
// builtin is shadowed only after the definition, but the session lifts
// the variable to the package, where it would shadow the builtin in the
// whole run: sg then starts a run of its own.
func shadowsUsedBuiltin(run []*segment, sg *segment) bool {
	if sg.stmt == nil {
		return false
	}
	for _, name := range topLevelVars(sg.stmt) {
		if types.Universe.Lookup(name) == nil {
			continue
		}
		for _, earlier := range run {
			used := false
			ast.Inspect(earlier.stmt, func(n ast.Node) bool {
				id, ok := n.(*ast.Ident)
				used = used || ok && id.Name == name
				return !used
			})
			if used {
				return true
			}
		}
	}
	return false
}

// isVarDecl reports whether sg is a var declaration.
func isVarDecl(sg *segment) bool {
	g, ok := sg.decl.(*ast.GenDecl)
	return ok && g.Tok == token.VAR
}

// liftable reports whether a run is made of statements.
func liftable(run []*segment) bool {
	return run[0].kind == stmtSegment || isVarDecl(run[0])
}

// needsLift reports whether a run has a statement yaegi may get wrong at
// the top level: a compound or var statement, or a two-value assignment
// (comma-ok forms). Simple statements stay at the top level, where an
// interrupted call still assigns its results (inside a function yaegi
// drops the assignment once the cell is cancelled).
func needsLift(run []*segment) bool {
	for _, sg := range run {
		switch st := sg.stmt.(type) {
		case nil:
			return true // a var declaration
		case *ast.ExprStmt, *ast.IncDecStmt, *ast.SendStmt:
		case *ast.AssignStmt:
			if len(st.Lhs) == 2 && len(st.Rhs) == 1 {
				if _, call := st.Rhs[0].(*ast.CallExpr); !call {
					return true
				}
			}
		default:
			return true
		}
	}
	return false
}

// checkContext describes the earlier cells to the checker.
func (s *Session) checkContext() cellcheck.Context {
	ctx := cellcheck.Context{Imports: map[string]string{}, Vars: map[string]string{}, Display: s.monoDisplay}
	for n, p := range s.imports {
		ctx.Imports[n] = p
	}
	for _, d := range s.store.live() {
		switch {
		case d.seg != nil:
			ctx.Decls = append(ctx.Decls, d.seg.text)
		case d.kind == "var":
			ctx.Vars[d.names[0]] = s.writtenType(d.typ)
		}
	}
	return ctx
}

// runLifted evaluates a run of statements as a function body. It returns
// lifted false, having run nothing, when the run must be evaluated the old
// way; checkErr is then the first type error the checker found, if any.
func (s *Session) runLifted(ctx context.Context, cell int, run []*segment, last bool) (err error, lifted bool, checkErr *posError) {
	if !needsLift(run) && !definesVariables(run) && !s.mayNeedTypes(run) {
		return nil, false, nil // nothing to learn from the types
	}
	parts := make([]cellcheck.Part, len(run))
	for k, sg := range run {
		parts[k] = cellcheck.Part{Text: sg.text}
	}
	res, cerr := s.checker.Check(s.checkContext(), parts)
	if cerr != nil {
		return nil, false, nil
	}
	if len(res.Errors) > 0 {
		e := res.Errors[0]
		line, col := run[e.Part].position(e.Offset)
		return nil, false, &posError{line: line, col: col, name: "CompileError", msg: e.Msg}
	}
	s.noteAssertions(cell, run, res.Assertions)
	if len(res.Edits) == 0 && len(res.Instances) == 0 && !needsLift(run) {
		for _, d := range res.Defs {
			s.checkedTypes[d.Name] = d.Type
		}
		return nil, false, nil
	}
	for _, d := range res.Defs {
		if d.Type == "" {
			return nil, false, nil
		}
	}
	if err := s.importHidden(ctx, cell, res.Imports); err != nil {
		return nil, false, nil
	}
	if err := s.declareMonos(ctx, cell, res.Monos); err != nil {
		return err, true, nil
	}
	edits, decls := s.instances(res.Instances)
	if s.declareInstances(ctx, cell, decls) == nil {
		res.Edits = append(res.Edits, edits...)
	}

	s.counter++
	fn := fmt.Sprintf("%scell%d", internalPrefix, s.counter)
	var b strings.Builder
	declared := map[string]string{}
	for _, d := range res.Defs {
		if old := s.store.byName[d.Name]; old == nil || old.kind != "var" || old.seg != nil || old.typ != d.Type {
			declared[d.Name] = d.Type
		}
	}
	names := make([]string, 0, len(declared))
	for n := range declared {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, "var %s %s\n", n, renameTypes(declared[n], s.store.renames))
	}
	fmt.Fprintf(&b, "func %s() {", fn)
	setTyped(run, res.Edits)
	for k, sg := range run {
		r := s.rewriter(sg, s.store.renames)
		r.lifted = true
		if perr := r.check(); perr != nil {
			return s.fromPosError(cell, perr), true, nil
		}
		edits := append(r.all(), liftEdits(sg, fmt.Sprintf("%d_%d", s.counter, k))...)
		if k == len(run)-1 && last && res.Values == 1 {
			if es, ok := sg.stmt.(*ast.ExprStmt); ok {
				start, end := sg.offset(es.X.Pos()), sg.offset(es.X.End())
				edits = append(edits, edit{start: start, end: start, repl: rtName + ".Result("}, edit{start: end, end: end, repl: ")"})
			}
		}
		b.WriteString(sg.render(cell, edits))
	}
	b.WriteString("}\n")
	prog, cerr2, crash := s.compile(b.String())
	if cerr2 != nil || crash != nil {
		return nil, false, nil
	}
	if err := s.runProgram(ctx, cell, prog); err != nil {
		return err, true, nil
	}
	s.recordLifted(ctx, cell, res.Defs, declared)
	first := run[0]
	return s.run(ctx, cell, directive(cell, first.line, first.col, false)+fn+"()\n", run), true, nil
}

// setTyped gives each segment of run the checker's edits of it.
func setTyped(run []*segment, edits []cellcheck.Edit) {
	for _, sg := range run {
		sg.typed = nil
	}
	for _, e := range edits {
		run[e.Part].typed = append(run[e.Part].typed, edit{start: e.Start, end: e.End, repl: e.Text})
	}
}

// typeDeclarations type-checks a run of declarations and gives them the
// checker's edits, unless the check fails (the run is then evaluated as
// written, and the interpreter reports what is wrong — except for a run
// declaring generic functions or types, which the interpreter never sees:
// the checker's error is then returned). It returns the declarations to
// evaluate with the run: the generic instances the edits call (of the
// standard library's and of the cells' templates).
func (s *Session) typeDeclarations(cell int, run []*segment) ([]*segment, *posError) {
	var parts []cellcheck.Part
	var segs []*segment
	templates := false
	for _, sg := range run {
		if sg.kind == declSegment {
			parts = append(parts, cellcheck.Part{Text: sg.text, Decl: true})
			segs = append(segs, sg)
			templates = templates || isTemplate(sg)
		}
	}
	if len(parts) == 0 || !s.mayNeedTypes(segs) {
		return nil, nil
	}
	res, err := s.checker.Check(s.checkContext(), parts)
	var monos []*segment
	if err == nil && len(res.Errors) == 0 {
		// The instances of the cells' templates are checked with the run
		// (a print in a method of an instance needs its types).
		if monos = s.newMonos(res.Monos); len(monos) > 0 {
			for _, sg := range monos {
				parts = append(parts, cellcheck.Part{Text: sg.text, Decl: true})
			}
			segs = append(segs, monos...)
			res, err = s.checker.Check(s.checkContext(), parts)
		}
	}
	if err != nil {
		return nil, nil
	}
	if len(res.Errors) > 0 {
		e := res.Errors[0]
		if templates || strings.HasPrefix(e.Msg, cellcheck.MonoFailure) {
			line, col := segs[e.Part].position(e.Offset)
			return nil, &posError{line: line, col: col, name: "CompileError", msg: e.Msg}
		}
		return nil, nil
	}
	if len(res.Imports) > 0 {
		return nil, nil
	}
	edits, decls := s.instances(res.Instances)
	extra := instanceSegments(decls)
	if extra == nil {
		edits = nil
	}
	setTyped(segs, append(res.Edits, edits...))
	s.noteAssertions(cell, segs, res.Assertions)
	s.registrations = res.Registrations
	return append(monos, extra...), nil
}

// definesVariables reports whether a run defines variables at the top
// level.
func definesVariables(run []*segment) bool {
	for _, sg := range run {
		if sg.stmt != nil && len(topLevelVars(sg.stmt)) > 0 {
			return true
		}
	}
	return false
}

// mayNeedTypes reports whether segs may get edits from the checker: they
// call make, min, max, new or complex, declare a generic function or call
// one the session declared, use slices, maps, cmp or iter or a generic
// type of the standard library, defer, start a goroutine, assert a type,
// assign a call's results to index expressions, use a context value, or
// print or execute a template where the cells have types of their own,
// compare or call errors.As where they have interfaces, or the cells have
// methods (their values converted to compiled interfaces). (Checking
// declarations costs time, and redefining a function is a common notebook
// action.)
func (s *Session) mayNeedTypes(segs []*segment) bool {
	found, prints, ownTypes, compares, ownInterfaces, methods := false, false, false, false, false, false
	for _, sg := range segs {
		var root ast.Node = sg.stmt
		if sg.decl != nil {
			root = sg.decl
		}
		ast.Inspect(root, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncType:
				found = found || n.TypeParams != nil
			case *ast.FuncDecl:
				methods = methods || n.Recv != nil
			case *ast.TypeSpec:
				_, isStruct := n.Type.(*ast.StructType)
				found = found || n.TypeParams != nil || isStruct // registered for printing (cellcheck)
				ownTypes = true
			case *ast.Ident:
				found = found || s.usesTemplate(n)
			case *ast.RangeStmt:
				_, overSlice := n.X.(*ast.CompositeLit)
				found = found || !overSlice // it may range over a function
			case *ast.SelectorExpr:
				if id, ok := n.X.(*ast.Ident); ok && (symtypes.IsStub(s.imports[id.Name]) || generic.Implements(s.imports[id.Name])) {
					found = true
				}
				if id, ok := n.X.(*ast.Ident); ok && cellcheck.LibraryType(s.imports[id.Name], n.Sel.Name) {
					found = true // atomic.Pointer[T], written out as the kernel's template
				}
			case *ast.StructType:
				ownTypes = true
			case *ast.BinaryExpr:
				// an interface compared with a value of a cell's type (cellcheck)
				compares = compares || n.Op == token.EQL || n.Op == token.NEQ
			case *ast.TypeAssertExpr:
				compares = true                // a failed assertion names the operand's interface (cellcheck)
				found = found || n.Type != nil // assertions to interfaces (cellcheck's interfaceassertions.go)
			case *ast.InterfaceType:
				ownInterfaces = ownInterfaces || n.Methods != nil && len(n.Methods.List) > 0
			case *ast.DeferStmt:
				found = true // its values are taken where it runs (cellcheck)
			case *ast.GoStmt:
				found = true // a literal in a loop takes the iteration's variables (cellcheck's closures.go)
			case *ast.AssignStmt:
				if len(n.Lhs) > 1 && len(n.Rhs) == 1 {
					for _, l := range n.Lhs {
						_, index := l.(*ast.IndexExpr)
						found = found || index // it may assign map elements (cellcheck's mapassign.go)
					}
				}
			case *ast.TypeSwitchStmt:
				found = true // interface cases are matched by assertions (cellcheck)
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && (cellcheck.PrintFunc(sel.Sel.Name) || cellcheck.JSONFunc(sel.Sel.Name) ||
					sel.Sel.Name == "Execute" || sel.Sel.Name == "ExecuteTemplate") {
					prints = true // printing a cell's type, or a template's error naming one
				}
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "As" {
					compares = true // errors.As into a cell's interface (cellcheck's errorsas.go)
				}
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "WithValue" || sel.Sel.Name == "Value") {
					found = true // a context key of a cell's type, wrapped alike everywhere (cellcheck's contextkeys.go)
				}
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
					switch id.Name {
					case "make", "min", "max", "new", "complex":
						found = true
					}
				}
			}
			return !found
		})
	}
	return found || prints && (ownTypes || s.declaresTypes(false)) || compares && (ownInterfaces || s.declaresTypes(true)) ||
		methods || s.declaresMethods()
}

// declaresMethods reports whether the session has methods (its values
// may be converted to compiled interfaces: cellcheck's conversions.go).
func (s *Session) declaresMethods() bool {
	for _, d := range s.store.live() {
		if d.kind == "method" {
			return true
		}
	}
	return false
}

// declaresTypes reports whether the session has types of its own, or
// interfaces with methods.
func (s *Session) declaresTypes(interfaces bool) bool {
	for _, d := range s.store.live() {
		if d.kind != "type" {
			continue
		}
		if !interfaces {
			return true
		}
		found := false
		ast.Inspect(d.seg.decl, func(n ast.Node) bool {
			if it, ok := n.(*ast.InterfaceType); ok && it.Methods != nil && len(it.Methods.List) > 0 {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// recordCheckedTypes gives the variables a run evaluated the old way
// defined the types the checker found for them.
func (s *Session) recordCheckedTypes() {
	for n, t := range s.checkedTypes {
		if d := s.store.byName[n]; d != nil && d.kind == "var" && d.seg == nil {
			d.typ = t
		}
	}
	clear(s.checkedTypes)
}

// recordLifted records the variables a lifted run defines; those declared
// anew (their type changed) make the declarations using them stale.
func (s *Session) recordLifted(ctx context.Context, cell int, defs []cellcheck.Def, declared map[string]string) {
	redefined := map[string]bool{}
	for _, d := range defs {
		if _, ok := declared[d.Name]; !ok {
			continue
		}
		if _, ok := s.store.byName[d.Name]; ok {
			redefined[d.Name] = true
		}
		s.store.defineVars(cell, []string{d.Name})
		s.store.byName[d.Name].typ = d.Type
	}
	if len(redefined) > 0 {
		p := s.store.planFor(nil, redefined)
		s.store.commit(nil, p)
		s.reevaluate(ctx, cell, p.again, p.renames)
		s.warnStaleMethods(p)
	}
}

// importHidden imports the packages a lifted run's variable types need
// under the checker's internal names.
func (s *Session) importHidden(ctx context.Context, cell int, imports map[string]string) error {
	var b strings.Builder
	for name, p := range imports {
		if s.imports[name] != p {
			fmt.Fprintf(&b, "import %s %q\n", name, p)
		}
	}
	if b.Len() == 0 {
		return nil
	}
	if err := s.run(ctx, cell, directive(0, 1, 1, false)+b.String(), nil); err != nil {
		return err
	}
	for name, p := range imports {
		s.imports[name] = p
	}
	return nil
}

// liftEdits turns the top-level definitions of sg into assignments to the
// package variables declared for them; id makes the names it introduces
// unique.
func liftEdits(sg *segment, id string) []edit {
	if a, ok := sg.stmt.(*ast.AssignStmt); ok && a.Tok == token.DEFINE {
		if isCommaOk(a) {
			return commaOkEdits(sg, a, id)
		}
		at := sg.offset(a.TokPos)
		return []edit{{start: at, end: at + 2, repl: "="}}
	}
	g, ok := sg.decl.(*ast.GenDecl)
	if !ok || g.Tok != token.VAR {
		return nil
	}
	var edits []edit
	if g.Lparen.IsValid() {
		edits = append(edits, edit{start: sg.offset(g.Pos()), end: sg.offset(g.Lparen) + 1, repl: "{"},
			edit{start: sg.offset(g.Rparen), end: sg.offset(g.Rparen) + 1, repl: "}"})
	} else {
		edits = append(edits, edit{start: sg.offset(g.Pos()), end: sg.offset(g.Specs[0].Pos()), repl: ""})
	}
	for k, sp := range g.Specs {
		vs := sp.(*ast.ValueSpec)
		names := make([]string, len(vs.Names))
		for i, n := range vs.Names {
			names[i] = n.Name
		}
		lhs := strings.Join(names, ", ")
		if len(vs.Values) > 0 {
			edits = append(edits, edit{start: sg.offset(vs.Pos()), end: sg.offset(vs.Values[0].Pos()), repl: lhs + " = "})
			continue
		}
		zero := fmt.Sprintf("%szero%s_%d", internalPrefix, id, k)
		zeros := strings.TrimSuffix(strings.Repeat(zero+", ", len(names)), ", ")
		edits = append(edits, edit{start: sg.offset(vs.Pos()), end: sg.offset(vs.Type.Pos()), repl: "var " + zero + " "},
			edit{start: sg.offset(vs.Type.End()), end: sg.offset(vs.Type.End()), repl: "; " + lhs + " = " + zeros})
	}
	return edits
}

// renameTypes applies the session's type renames to a type expression.
func renameTypes(typ string, renames map[string]string) string {
	if len(renames) == 0 {
		return typ
	}
	e, err := parser.ParseExpr(typ)
	if err != nil {
		return typ
	}
	var edits []edit
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			return false // a package's type
		case *ast.Ident:
			if to, ok := renames[n.Name]; ok {
				edits = append(edits, edit{start: int(n.Pos()) - 1, end: int(n.End()) - 1, repl: to})
			}
		}
		return true
	})
	for k := len(edits) - 1; k >= 0; k-- {
		typ = typ[:edits[k].start] + edits[k].repl + typ[edits[k].end:]
	}
	return typ
}

// isCommaOk reports whether a assigns the two values of a map index, a
// type assertion or a receive.
func isCommaOk(a *ast.AssignStmt) bool {
	if len(a.Lhs) != 2 || len(a.Rhs) != 1 {
		return false
	}
	switch x := ast.Unparen(a.Rhs[0]).(type) {
	case *ast.IndexExpr, *ast.TypeAssertExpr:
		return true
	case *ast.UnaryExpr:
		return x.Op == token.ARROW
	}
	return false
}

// commaOkEdits assigns a comma-ok form through fresh variables:
//
//	v, ok = m[k]   →   { V, OK := m[k]; v, ok = V, OK }
//
// yaegi leaves v as it was when assigning a missing key's zero value to an
// existing variable.
func commaOkEdits(sg *segment, a *ast.AssignStmt, id string) []edit {
	v, ok := internalPrefix+"v"+id, internalPrefix+"ok"+id
	lhs := sg.text[sg.offset(a.Lhs[0].Pos()):sg.offset(a.Lhs[1].End())]
	return []edit{
		{start: sg.offset(a.Pos()), end: sg.offset(a.Rhs[0].Pos()), repl: "{ " + v + ", " + ok + " := "},
		{start: sg.offset(a.End()), end: sg.offset(a.End()), repl: "; " + lhs + " = " + v + ", " + ok + " }"},
	}
}
