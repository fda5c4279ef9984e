// Package session evaluates the Go cells of a gophlow notebook with the
// yaegi interpreter, keeping variables, functions and types from one cell
// to the next.
//
// A cell may mix imports, declarations and statements in any order; yaegi
// evaluates either declarations or statements in one go, so the session
// splits the cell (cell.go) and evaluates its parts in order. Each run of
// statements is type-checked with go/types (package cellcheck, against
// the interpreter's own symbol tables through package symtypes) and, where
// yaegi gets top-level statements wrong, run as the body of a function
// whose variables are package variables (lift.go); declarations are
// checked too. From the types come rewrites the syntax alone cannot
// decide: the instances of the cells' generic functions and types, which
// the interpreter never sees (monos.go), new(expr), min and max of any ordered
// type, ranges over functions, integers and strings, type switches with
// interface cases, method values, the size check of make (allocguard.go),
// the arguments of print and json calls whose types are the cells'
// (wrapped for packages showfmt and jsonshape), the registration of the
// cells' struct types with the printer (registrations.go), and the
// session's own instances of the generic functions of slices, maps, cmp
// and the generic members errors, sync and iter lack (generics.go, package
// generic).
// Before yaegi sees them, the parts are also rewritten (rewrite.go) to
// work around what the interpreter lacks or gets wrong:
//   - `for i := range n` becomes a classic loop (loops.go), ranging over
//     maps.Keys(m), maps.Values(m) or slices.All(s) ranges over m or s, and
//     ranging over an iterator function a cell declared calls it with the
//     body as yield function (iterators.go);
//   - `go f()` recovers the goroutine's panics (goroutines.go);
//   - loop variables captured by a closure are per iteration (loopvar.go),
//     a closure handed to a call in a loop is made afresh each iteration
//     (loopclosure.go), and comma-ok assignments go through fresh
//     variables (lift.go);
//   - iota is written out per line (consts.go), a switch's init statement,
//     and an if's comma-ok assignment, move into a block (switchinit.go), a continue, or a labeled break
//     or continue, in a select case is made to reach the loop
//     (selectcontinue.go), and errors.Is and As follow chains through the
//     cells' error types (errorchains.go);
//   - a cell's package variables are initialized in Go's dependency order
//     (initorder.go), and a statement defining a builtin's name starts a
//     run of its own (lift.go);
//   - a declared main gets an internal name, so that it runs only when
//     called;
//   - unnamed parameters of functions are named _, which yaegi needs when
//     compiled code calls the function (params.go);
//   - clear, recover (whose value yaegi hands over as a reflect.Value),
//     min and max (on int and float64), and, where the checker found no
//     types, slices.Sort, slices.Max and Min (on []int and []float64), and
//     slices.Collect or slices.Sorted of maps.Keys or maps.Values (maps of
//     basic types) get compiled stand-ins (runtime.go), chosen by a
//     syntactic inference of numeric kinds (numeric.go);
//   - a trailing expression becomes a call of display.Result that
//     publishes its value (statements.go).
//
// Constructs it cannot provide (a loop body that defers inside a range over
// a function, maps.Keys of other maps, …) are errors that say what to
// write instead (checks.go, errors.go). Edits keep every position of the cell as written
// (edit.go), so errors point at the user's line and column. Re-running a
// cell that redefines a name re-evaluates what depends on it (declare.go).
//
// The interpreter's symbol tables are the standard library's and the
// preloaded packages' with every function that takes a func argument
// wrapped, so that a callback compiled code runs on a goroutine of its own
// (time.AfterFunc) reports its panic instead of ending the kernel
// (callbacks.go).
//
// Interrupts (run.go) cancel the cell's context: interpreted code stops at
// once, compiled code that watches interrupt.Context (fmlib) within its own
// check interval; the session waits for the code to stop before the next
// cell, and undoes the lasting effect yaegi's cancellation has on function
// values made earlier.
//
// Known limits, all from yaegi: values made before a type's redefinition
// keep the old type (functions re-evaluated for the new one reject them);
// a method that calls a redefined function keeps the old one until its own
// text changes; goroutines that outlive their cell race with later cells
// on the interpreter's global frame; an interpreted value passed as any to
// a method of a compiled type (display.Handle.Update) loses its methods,
// while display.Show, display.Render and display.Result keep them.
package session

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/gophlow/gophlow/hooks"
	"github.com/gophlow/gophlow/kernel/cellcheck"
	"github.com/gophlow/gophlow/kernel/generic"
	"github.com/gophlow/gophlow/kernel/stdsyms"
	"github.com/gophlow/gophlow/kernel/symbols"
	"github.com/gophlow/gophlow/kernel/symtypes"
	"github.com/gophlow/gophlow/kernel/templateview"
	"github.com/traefik/yaegi/interp"
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
	staleID uint64            // the run id to restore once it has stopped
	scope   *cellScope        // the running cell's
	checker *cellcheck.Checker
	// templates are the generic library the checker imports slices, maps
	// and cmp from; instanceNames the instances declared (generics.go).
	templates     *templates
	instanceNames map[string]bool
	monoDisplay   map[string]string // instance type → reflect's name for it (monos.go)
	monoWritten   map[string]string // instance type → as the cells write it
	registrations []string          // the checker's for the last declarations (registrations.go)
	// assertions are the operand types of the cells' type assertions by
	// cell position ("cell:line:col"), for the messages of failed ones;
	// code the cells run reads them, from any goroutine.
	assertions   map[string]string
	assertionsMu sync.Mutex
	// checkedTypes are the types of the variables of a run evaluated
	// without lifting, recorded once it succeeds.
	checkedTypes map[string]string
	// errorConversions are the conversions to error of the cells' struct
	// types with Error methods, by the reflect type of their values
	// (heldvalues.go).
	errorConversions sync.Map // reflect.Type → func(any) error
	// templateMethods are the cells' methods templates call.
	templateMethods templateview.Registry

	rangeCrash  bool // the last compilation crashed on a range statement
	retryRanges bool // compile again with the rewrites of rewriter.retry

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

// reset installs a fresh interpreter; s.mu is held.
func (s *Session) reset() error {
	s.trap = &panicTrap{out: s.opts.Stderr}
	in := interp.New(interp.Options{Stdout: s.opts.Stdout, Stderr: s.trap, Unrestricted: true})
	for _, exports := range []interp.Exports{s.guardedExports(stdsyms.Symbols), allocationGuards(s.guardedExports(symbols.Symbols)), s.runtimeExports()} {
		if err := in.Use(exports); err != nil {
			return fmt.Errorf("session: loading symbols: %w", err)
		}
	}
	if err := in.Use(errorChainExports(errorWrapper(in))); err != nil {
		return fmt.Errorf("session: loading symbols: %w", err)
	}
	if _, err := in.Eval(directive(0, 1, 1, false) + fmt.Sprintf("import %s %q", rtName, rtName)); err != nil {
		return fmt.Errorf("session: loading the runtime: %w", err)
	}
	s.interp, s.store, s.stale = in, newDeclStore(), false
	s.templates = &templates{next: symtypes.New(stdsyms.Symbols, symbols.Symbols)}
	s.instanceNames = map[string]bool{}
	s.monoDisplay = map[string]string{}
	s.assertions = map[string]string{}
	s.monoWritten = map[string]string{}
	s.checker = cellcheck.New(s.templates)
	s.checker.Runtime = rtName + "."
	s.checker.Generic = generic.Implements
	s.checkedTypes = map[string]string{}
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
	prev := hooks.Context()
	hooks.SetContext(ctx)
	defer hooks.SetContext(prev)
	if !s.waitStale(ctx) {
		return s.interruptError(ctx.Err(), true)
	}
	s.cell++
	cell := s.cell
	// Go drops carriage returns even from raw strings; so may the cell.
	code = strings.ReplaceAll(code, "\r\n", "\n")
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
	segs = withoutPackageClause(segs)
	s.scope = newCellScope(segs)
	defer func() { s.scope = nil }()
	if err := s.autoImport(ctx, cell, segs); err != nil {
		return err
	}
	cellRuns := runs(segs)
	for i, run := range cellRuns {
		last := i == len(cellRuns)-1
		if !liftable(run) {
			if err := s.runUnits(ctx, cell, run, last); err != nil {
				return err
			}
			continue
		}
		err, lifted, checkErr := s.runLifted(ctx, cell, run, last)
		if !lifted {
			err = s.runUnits(ctx, cell, run, last)
			if err == nil {
				s.recordCheckedTypes()
			}
			clear(s.checkedTypes)
			var e *Error
			if checkErr != nil && errors.As(err, &e) && e.Name == "CompileError" && !missingMember(checkErr.msg) {
				// The interpreter agrees the code is wrong: say what the
				// Go compiler says.
				checkErr.msg = s.scope.laterHint(checkErr.msg, checkErr.line)
				err = s.fromPosError(cell, checkErr)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// missingMember reports a checker error about a package member the
// interpreter lacks (slices.Max): the session's own message says more.
func missingMember(msg string) bool {
	name, ok := strings.CutPrefix(msg, "undefined: ")
	return ok && strings.Contains(name, ".")
}

// runUnits evaluates segments unit by unit, without lifting; a final
// expression is shown only at the end of the cell.
func (s *Session) runUnits(ctx context.Context, cell int, segs []*segment, last bool) error {
	for _, u := range units(segs) {
		u.trailing = u.trailing && last
		if u.kind == declSegment {
			extra, perr := s.typeDeclarations(cell, u.segs) // after the cell's imports ran
			if perr != nil {
				return s.fromPosError(cell, perr)
			}
			u.segs = append(u.segs, extra...)
		}
		if err := s.runUnit(ctx, cell, u); err != nil {
			s.registrations = nil // of declarations that did not run
			return err
		}
		s.registerTypes(ctx, cell)
	}
	return nil
}

// withoutPackageClause drops a package clause from segs: a whole program
// pasted into a cell declares what it declares (its main runs when called).
func withoutPackageClause(segs []*segment) []*segment {
	kept := segs[:0:0]
	for _, sg := range segs {
		if sg.kind != packageSegment {
			kept = append(kept, sg)
		}
	}
	return kept
}

// unit is a run of segments of one kind, evaluated in one go.
type unit struct {
	kind     segmentKind
	segs     []*segment
	trailing bool // a final expression statement, whose value is shown
}

// units groups consecutive segments of one kind; a final expression
// statement is a unit of its own.
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

// runUnit evaluates one unit of cell.
//
// When yaegi's compiler crashes on a range statement, the range may be over
// an integer whose type the session could not infer (range cfg.Steps with
// cfg a parameter) or over an iterator function: the unit is compiled once
// more with such ranges rewritten (rewriter.retry). The crash happens
// before anything runs, so this is safe.
func (s *Session) runUnit(ctx context.Context, cell int, u unit) error {
	s.rangeCrash = false
	err := s.runUnitOnce(ctx, cell, u)
	if s.rangeCrash {
		s.retryRanges = true
		defer func() { s.retryRanges = false }()
		// Keep the retry's outcome if it compiled (it ran, or failed
		// running); otherwise report the original crash.
		var e *Error
		if retry := s.runUnitOnce(ctx, cell, u); !errors.As(retry, &e) || e.Name != "CompileError" {
			return retry
		}
	}
	return err
}

// runUnitOnce evaluates u by its kind.
func (s *Session) runUnitOnce(ctx context.Context, cell int, u unit) error {
	s.rangeCrash = false
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

// rewriter returns the rewriter of seg in this session.
func (s *Session) rewriter(seg *segment, renames map[string]string) *rewriter {
	r := newRewriter(seg, s.scope, renames, s, &s.counter)
	r.retry = s.retryRanges
	return r
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
		if isTemplate(sg) {
			continue // its instances are declared instead (monos.go)
		}
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

// runSource compiles and executes src.
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
	return s.runProgram(ctx, cell, prog)
}

// runProgram executes a compiled program of cell.
func (s *Session) runProgram(ctx context.Context, cell int, prog *interp.Program) error {
	_, err := s.execute(ctx, prog)
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
