// Package session evaluates the Go cells of a gophlow notebook with the
// yaegi interpreter, keeping variables, functions and types from one cell
// to the next.
//
// A cell may mix imports, declarations and statements in any order; yaegi
// evaluates either declarations or statements in one go, so the session
// splits the cell (cell.go) and evaluates its parts in order. Before yaegi
// sees them, the parts are rewritten (rewrite.go) to work around what the
// interpreter lacks or gets wrong: `for i := range n` becomes a classic
// loop, `go f()` recovers the goroutine's panics, clear is provided, and a
// trailing expression becomes a call of display.Result that publishes its
// value. Edits keep every position of the cell as written (edit.go), so
// errors point at the user's line and column (errors.go). Re-running a cell
// that redefines a name re-evaluates what depends on it (declare.go).
package session

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"io"
	"os"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/gophlow/gophlow/interrupt"
	"github.com/gophlow/gophlow/kernel/symbols"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// Options configure a session.
type Options struct {
	// Stdout and Stderr receive what interpreted fmt.Print*, log and
	// reports of goroutine panics write. Nil means os.Stdout, os.Stderr.
	Stdout, Stderr io.Writer
}

// Name is an identifier defined by earlier cells. Kind is "func", "var",
// "const", "type" or "package". Type is the Go type of a variable or
// constant's value ("[]float64", "*mat.Dense"; interpreted struct types
// show their fields), empty for other kinds.
type Name struct{ Name, Kind, Type string }

// Session is one interpreter and everything the cells defined in it.
// Its methods may be called from several goroutines; cells run one at a
// time.
type Session struct {
	mu      sync.Mutex
	opts    Options
	interp  *interp.Interpreter
	trap    *panicTrap
	store   *declStore
	imports map[string]string // local package name → import path
	cells   map[int][]string  // source lines of each cell run, for tracebacks
	cell    int               // number of the last cell run
	counter int               // numbering of names the rewrites introduce
	stale   bool              // an interrupted cell's code may still run
	scope   *cellScope        // the running cell's

	snapMu      sync.Mutex // guards the snapshot Names and Imports read
	names       []Name
	importsSnap map[string]string
}

// New returns a session with the standard library, the preloaded packages
// (symbols.Symbols) and the display runtime loaded.
func New(opts Options) (*Session, error) {
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	s := &Session{opts: opts}
	if err := s.reset(); err != nil {
		return nil, err
	}
	return s, nil
}

// Reset replaces the interpreter by a fresh one: every definition is
// dropped.
func (s *Session) Reset() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reset()
}

func (s *Session) reset() error {
	s.trap = &panicTrap{out: s.opts.Stderr}
	in := interp.New(interp.Options{Stdout: s.opts.Stdout, Stderr: s.trap, Unrestricted: true})
	for _, exports := range []interp.Exports{stdlib.Symbols, symbols.Symbols, s.runtimeExports()} {
		if err := in.Use(exports); err != nil {
			return fmt.Errorf("session: loading symbols: %w", err)
		}
	}
	if _, err := in.Eval(directive(0, 1, 1, false) + fmt.Sprintf("import %s %q", rtName, rtName)); err != nil {
		return fmt.Errorf("session: loading the runtime: %w", err)
	}
	s.interp, s.store, s.stale = in, newDeclStore(), false
	s.imports, s.cells = map[string]string{}, map[int][]string{}
	s.snapshot()
	return nil
}

// Execute evaluates one cell. The value of a trailing expression is
// published with display.Result. On failure it returns an *Error; the
// session stays usable and keeps what earlier parts of the cell defined.
// Cancelling ctx interrupts the cell: interpreted code stops within a
// second and compiled code sees the cancellation through
// interrupt.Context.
func (s *Session) Execute(ctx context.Context, code string) (err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	prev := interrupt.Context()
	interrupt.SetContext(ctx)
	defer interrupt.SetContext(prev)
	if !s.waitStale(ctx) {
		return s.interruptError(ctx.Err(), true)
	}
	s.cell++
	cell := s.cell
	s.cells[cell] = strings.Split(code, "\n")
	defer s.snapshot()
	defer func() {
		if r := recover(); r != nil {
			err = s.newError(cell, "InternalError", fmt.Sprintf("the session failed on this cell: %v", r), nil)
		}
	}()
	segs, err := splitCell(code)
	if err != nil {
		var p *posError
		if errors.As(err, &p) {
			return s.fromPosError(cell, p)
		}
		return s.newError(cell, "SyntaxError", err.Error(), nil)
	}
	s.scope = newCellScope(segs)
	defer func() { s.scope = nil }()
	if err := s.autoImport(ctx, cell, segs); err != nil {
		return err
	}
	for _, u := range units(segs) {
		if err := s.runUnit(ctx, cell, u); err != nil {
			return err
		}
	}
	return nil
}

// unit is a run of segments of one kind, evaluated in one go.
type unit struct {
	kind     segmentKind
	segs     []*segment
	trailing bool // a final expression statement, whose value is shown
}

func units(segs []*segment) []unit {
	var us []unit
	for k, sg := range segs {
		if k == len(segs)-1 && sg.kind == stmtSegment {
			if _, ok := sg.stmt.(*ast.ExprStmt); ok {
				us = append(us, unit{kind: stmtSegment, segs: []*segment{sg}, trailing: true})
				break
			}
		}
		if n := len(us); n > 0 && us[n-1].kind == sg.kind {
			us[n-1].segs = append(us[n-1].segs, sg)
			continue
		}
		us = append(us, unit{kind: sg.kind, segs: []*segment{sg}})
	}
	return us
}

func (s *Session) runUnit(ctx context.Context, cell int, u unit) error {
	switch {
	case u.kind == importSegment:
		return s.runImports(ctx, cell, u.segs)
	case u.kind == declSegment:
		return s.runDecls(ctx, cell, u.segs)
	case u.trailing:
		return s.runTrailing(ctx, cell, u.segs[0])
	}
	return s.runStatements(ctx, cell, u.segs)
}

func (s *Session) rewriter(seg *segment, renames map[string]string) *rewriter {
	return newRewriter(seg, s.scope, renames, s.intPath, s.defined, &s.counter)
}

// globals returns the interpreter's global variables and constants. yaegi's
// Globals panics when a failed compilation left a symbol without a slot;
// then nothing is known.
func (s *Session) globals() (g map[string]reflect.Value) {
	defer func() {
		if recover() != nil {
			g = nil
		}
	}()
	return s.interp.Globals()
}

// intPath reports whether the global path[0], followed through the fields
// path[1:], holds an integer; or, when path[0] is an imported package,
// whether its member path[1] is one.
func (s *Session) intPath(path []string) bool {
	if p, ok := s.imports[path[0]]; ok {
		if len(path) != 2 {
			return false
		}
		for _, table := range []map[string]map[string]reflect.Value{stdlib.Symbols, symbols.Symbols} {
			if v, ok := table[p+"/"+packageName(p)][path[1]]; ok {
				return isIntValue(v)
			}
		}
		return false
	}
	v, ok := s.globals()[path[0]]
	return ok && isIntValue(fieldPath(v, path[1:]))
}

// defined reports whether an earlier cell defined name (or imported it).
func (s *Session) defined(name string) bool {
	_, ok := s.store.byName[name]
	_, imported := s.imports[name]
	return ok || imported || name == rtName
}

// source renders segs (compiled as cell) with the session's rewrites.
func (s *Session) source(cell int, segs []*segment, renames map[string]string) (string, *posError) {
	var b strings.Builder
	for _, sg := range segs {
		r := s.rewriter(sg, renames)
		if err := r.check(); err != nil {
			return "", err
		}
		b.WriteString(sg.render(cell, r.all()))
	}
	return b.String(), nil
}

// run compiles and executes src, converting failures to *Error.
func (s *Session) run(ctx context.Context, cell int, src string, segs []*segment) error {
	err := s.runSource(ctx, cell, src, segs)
	var e *Error
	if errors.As(err, &e) && s.scope != nil && e.Line > 0 {
		if hinted := s.scope.laterHint(e.Value, e.Line); hinted != e.Value {
			return s.newError(cell, e.Name, hinted, []location{{cell: cell, line: e.Line, col: e.Column}})
		}
	}
	return err
}

func (s *Session) runSource(ctx context.Context, cell int, src string, segs []*segment) error {
	prog, err, crash := s.compile(src)
	switch {
	case crash != nil:
		return s.compilerPanic(cell, crash, segs)
	case err != nil:
		if msg := err.Error(); s.scope != nil && (strings.Contains(msg, "definition loop") || strings.Contains(msg, "undefined")) {
			if perr := s.scope.undefined(segs, s.defined); perr != nil {
				return s.fromPosError(cell, perr)
			}
		}
		return s.compileError(cell, err)
	case prog == nil:
		return nil
	}
	_, err = s.execute(ctx, prog)
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return s.interruptError(ctx.Err(), s.stale)
	}
	var p interp.Panic
	if errors.As(err, &p) {
		return s.runtimeError(cell, p, s.trap.take())
	}
	return s.compileError(cell, err)
}

// runImports imports the packages a cell names, skipping those already
// imported under the same name (yaegi refuses a second import, and
// re-running a cell is the most common thing a notebook does).
func (s *Session) runImports(ctx context.Context, cell int, segs []*segment) error {
	var b strings.Builder
	added := map[string]string{}
	for _, sg := range segs {
		for _, sp := range sg.decl.(*ast.GenDecl).Specs {
			is := sp.(*ast.ImportSpec)
			p := strings.Trim(is.Path.Value, "\"`")
			name := packageName(p)
			if is.Name != nil {
				name = is.Name.Name
			}
			if s.imports[name] == p || added[name] == p {
				continue
			}
			line, col := sg.position(sg.offset(is.Pos()))
			b.WriteString(directive(cell, line, col, false) + "import " + sg.text[sg.offset(is.Pos()):sg.offset(is.End())] + "\n")
			if name != "_" && name != "." {
				added[name] = p
			}
		}
	}
	if b.Len() == 0 {
		return nil
	}
	if err := s.run(ctx, cell, b.String(), segs); err != nil {
		return err
	}
	for name, p := range added {
		s.imports[name] = p
	}
	return nil
}

// autoImports are the preloaded packages a cell may use without importing
// them, by name.
var autoImports = map[string]string{
	"display": "github.com/gophlow/gophlow/kernel/display",
	"fmlib":   "github.com/gophlow/gophlow/fmlib",
	"nn":      "github.com/gophlow/gophlow/fmlib/nn",
	"plots":   "github.com/gophlow/gophlow/plots",
}

// autoImport imports the preloaded packages that segs use by their name
// without importing them (or defining the name).
func (s *Session) autoImport(ctx context.Context, cell int, segs []*segment) error {
	var b strings.Builder
	added := map[string]string{}
	for _, sg := range segs {
		for _, id := range sg.file.Unresolved {
			p, ok := autoImports[id.Name]
			if !ok || added[id.Name] != "" || s.scope.names[id.Name] || s.defined(id.Name) {
				continue
			}
			if _, ok := symbols.Symbols[p+"/"+id.Name]; !ok {
				continue
			}
			added[id.Name] = p
			b.WriteString(directive(0, 1, 1, false) + fmt.Sprintf("import %q\n", p))
		}
	}
	if b.Len() == 0 {
		return nil
	}
	if err := s.run(ctx, cell, b.String(), nil); err != nil {
		return err
	}
	for name, p := range added {
		s.imports[name] = p
	}
	return nil
}

// packageName returns the name of the package at import path p, as the
// symbol tables know it ("math/rand/v2" → "rand").
func packageName(p string) string {
	for _, table := range []map[string]map[string]reflect.Value{stdlib.Symbols, symbols.Symbols} {
		for key := range table {
			if path.Dir(key) == p {
				return path.Base(key)
			}
		}
	}
	return path.Base(p)
}

func (s *Session) runDecls(ctx context.Context, cell int, segs []*segment) error {
	incoming := make([]*decl, len(segs))
	for k, sg := range segs {
		incoming[k] = s.store.newDecl(sg, cell)
	}
	p := s.store.planFor(incoming, nil)
	src, perr := s.declSource(cell, incoming, p.again, p.renames)
	if perr != nil {
		return s.fromPosError(cell, perr)
	}
	err := s.run(ctx, cell, src, segs)
	if err != nil && p.again != nil && blamesEarlierCell(err, cell) {
		// A dependent no longer compiles against the new definition: keep
		// the cell's own declarations (and the types and methods that must
		// move with them), and re-evaluate the other dependents one by one.
		var must, others []*decl
		for _, d := range p.again {
			if d.kind == "type" || d.kind == "method" {
				must = append(must, d)
			} else {
				others = append(others, d)
			}
		}
		if src, perr = s.declSource(cell, incoming, must, p.renames); perr != nil {
			return s.fromPosError(cell, perr)
		}
		if err = s.run(ctx, cell, src, segs); err == nil {
			s.store.commit(incoming, p)
			s.reevaluate(ctx, cell, others, p.renames)
			return nil
		}
	}
	if err != nil {
		return err
	}
	s.store.commit(incoming, p)
	return nil
}

// declSource renders the re-evaluated declarations again (each compiled
// under its own cell's name) followed by incoming ones (of cell).
func (s *Session) declSource(cell int, incoming, again []*decl, renames map[string]string) (string, *posError) {
	var b strings.Builder
	for _, d := range again {
		src, perr := s.source(d.cell, []*segment{d.seg}, renames)
		if perr != nil {
			return "", perr
		}
		b.WriteString(src)
	}
	for _, d := range incoming {
		src, perr := s.source(cell, []*segment{d.seg}, renames)
		if perr != nil {
			return "", perr
		}
		b.WriteString(src)
	}
	return b.String(), nil
}

// reevaluate evaluates each earlier declaration in ds again. One that no
// longer compiles is reported on standard error and, if it is a function,
// replaced by one that panics with the reason when called (a failed
// compilation leaves yaegi's old function unusable).
func (s *Session) reevaluate(ctx context.Context, cell int, ds []*decl, renames map[string]string) {
	for _, d := range ds {
		src, perr := s.source(d.cell, []*segment{d.seg}, renames)
		if perr != nil {
			continue
		}
		err := s.run(ctx, cell, src, []*segment{d.seg})
		if err == nil {
			continue
		}
		var e *Error
		msg := err.Error()
		if errors.As(err, &e) {
			msg = e.Value
		}
		name := strings.Join(d.names, ", ")
		fmt.Fprintf(s.opts.Stderr, "warning: %s (from an earlier cell) no longer compiles after this redefinition: %s\n", name, msg)
		if fd, ok := d.seg.decl.(*ast.FuncDecl); ok && fd.Body != nil {
			r := s.rewriter(d.seg, renames)
			body := edit{start: d.seg.offset(fd.Body.Lbrace), end: d.seg.offset(fd.Body.End()),
				repl: fmt.Sprintf("{ panic(%q) }", name+" no longer compiles (run its cell again after fixing it): "+msg)}
			_ = s.run(ctx, cell, d.seg.render(d.cell, append([]edit{body}, r.all()...)), []*segment{d.seg})
		}
	}
}

// blamesEarlierCell reports whether a compile error is located in a cell
// other than cell.
func blamesEarlierCell(err error, cell int) bool {
	var e *Error
	return errors.As(err, &e) && e.Name == "CompileError" && e.Line == 0
}

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
			if _, err := s.execute(ctx, prog); err != nil {
				if ctx.Err() != nil {
					return s.interruptError(ctx.Err(), s.stale)
				}
				var p interp.Panic
				if errors.As(err, &p) {
					return s.runtimeError(cell, p, s.trap.take())
				}
				return s.compileError(cell, err)
			}
			return nil
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
		for _, table := range []map[string]map[string]reflect.Value{stdlib.Symbols, symbols.Symbols} {
			if v, ok := table[p+"/"+packageName(p)][f.Sel.Name]; ok && v.Kind() == reflect.Func {
				return v.Type().NumOut() == 1
			}
		}
	}
	return true
}

// Names lists the identifiers defined so far (for completion), sorted. It
// does not wait for a running cell: it answers as of the last cell that
// ended.
func (s *Session) Names() []Name {
	s.snapMu.Lock()
	defer s.snapMu.Unlock()
	return append([]Name(nil), s.names...)
}

// Imports maps the local name of each package imported by a cell to its
// import path, as of the last cell that ended.
func (s *Session) Imports() map[string]string {
	s.snapMu.Lock()
	defer s.snapMu.Unlock()
	m := make(map[string]string, len(s.importsSnap))
	for k, v := range s.importsSnap {
		m[k] = v
	}
	return m
}

// snapshot records what Names and Imports report; s.mu is held.
func (s *Session) snapshot() {
	var names []Name
	globals := s.globals()
	for n, d := range s.store.byName {
		if d.kind == "method" || strings.HasPrefix(n, internalPrefix) {
			continue
		}
		typ := ""
		if v, ok := globals[n]; ok && v.IsValid() && (d.kind == "var" || d.kind == "const") {
			typ = userNames(v.Type().String())
		}
		names = append(names, Name{Name: n, Kind: d.kind, Type: typ})
	}
	imports := make(map[string]string, len(s.imports))
	for n, p := range s.imports {
		names = append(names, Name{Name: n, Kind: "package"})
		imports[n] = p
	}
	sort.Slice(names, func(i, j int) bool { return names[i].Name < names[j].Name })
	s.snapMu.Lock()
	s.names, s.importsSnap = names, imports
	s.snapMu.Unlock()
}

// Value returns the current value of a global variable or constant, without
// running code. While a cell runs it returns false rather than wait.
func (s *Session) Value(name string) (reflect.Value, bool) {
	if strings.HasPrefix(name, internalPrefix) || !s.mu.TryLock() {
		return reflect.Value{}, false
	}
	defer s.mu.Unlock()
	v, ok := s.globals()[name]
	return v, ok && v.IsValid()
}
