// Package engine runs the cells of a gophlow notebook, the same way for
// every frontend: the Jupyter server (kernel/server) and the headless
// runner (kernel/runner) both hand it a cell and a Sink.
//
// A cell is, in this order of precedence:
//   - a help request, name? or ?name (name?? adds a function's source) or
//     %help, answered in the pager (help.go);
//   - exit or quit, which asks the frontend to end the session (exit.go);
//   - a cell magic, %%writefile FILE, which uses the whole cell
//     (writefile.go);
//   - otherwise magic lines at the top (magic.go: %time, %who, %reset, %env,
//     %cd, !command), then Go code, evaluated by the session. The one-line
//     form %time CODE times CODE (and the lines after it that it needs to
//     be complete) and is itself a magic line (cell.go, time.go).
//
// While a cell runs, the engine installs the hooks compiled code reports
// through: the Sink as the display package's outlet and a progress
// reporter that draws fmlib's progress bars; the session hands the cell's
// context to compiled code (package interrupt). A panic that escapes the
// session is turned into an error, so the kernel survives it.
//
// IsComplete answers a console's is_complete_request for the same cell
// syntax.
package engine

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"

	"github.com/gophlow/gophlow/hooks"
	"github.com/gophlow/gophlow/kernel/display"
	"github.com/gophlow/gophlow/kernel/session"
)

// Config is what an Engine needs.
type Config struct {
	Session *session.Session
	// Packages are the interpreter's symbol tables, for help; nil means
	// the standard library's and the preloaded ones.
	Packages map[string]map[string]reflect.Value
	// Stdout and Stderr receive what magics print; nil means whatever
	// os.Stdout and os.Stderr are at the time of each write (kernel/capture
	// replaces os.Stderr).
	Stdout, Stderr io.Writer
}

// Engine runs cells in one session. Cells run one at a time.
type Engine struct {
	cfg Config
}

// New returns an engine running cells in cfg.Session.
func New(cfg Config) *Engine {
	if cfg.Packages == nil {
		cfg.Packages = allPackages()
	}
	return &Engine{cfg: cfg}
}

// Run runs one cell, reporting its displays, result, help, exit request
// and error to sink. It returns the error it reported with sink.Error (a
// *session.Error), or nil, so that callers can stop at a failed cell.
// Cancelling ctx interrupts the cell.
func (e *Engine) Run(ctx context.Context, code string, sink Sink) error {
	defer install(sink)()
	if err := e.run(ctx, code, sink); err != nil {
		se := asError(err)
		sink.Error(se)
		return se
	}
	return nil
}

// run dispatches a cell to what handles it.
func (e *Engine) run(ctx context.Context, code string, sink Sink) error {
	if text, ok := e.help(code); ok {
		sink.Page(text)
		return nil
	}
	if e.exits(code) {
		sink.AskExit()
		return nil
	}
	if isCellMagic(code) {
		return e.cellMagic(code)
	}
	var timing func() // set by %time on a line of its own
	var err error
	for _, p := range split(code) {
		switch p.kind {
		case magicPart:
			if p.text == "%time" {
				timing = e.timer()
				continue
			}
			err = e.lineMagic(ctx, p.text)
		case timedPart:
			stop := e.timer()
			err = e.evaluate(ctx, p.code())
			stop()
		case goPart:
			err = e.evaluate(ctx, p.code())
		}
		if err != nil {
			break
		}
	}
	if timing != nil {
		timing()
	}
	return err
}

// Evaluate runs code as Go alone (no help, magics or exit), with the same
// hooks and panic recovery as a cell; the server evaluates
// user_expressions with it. sink receives the displays and the result. A
// non-nil error is a *session.Error.
func (e *Engine) Evaluate(ctx context.Context, code string, sink hooks.Sink) error {
	defer install(sink)()
	if err := e.evaluate(ctx, code); err != nil {
		return asError(err)
	}
	return nil
}

// install makes sink the display package's outlet and draws progress
// bars for compiled code, and returns the function that removes both.
func install(sink hooks.Sink) (remove func()) {
	hooks.SetSink(sink)
	hooks.SetReporter(display.Reporter{})
	return func() {
		hooks.SetReporter(nil)
		hooks.SetSink(nil)
	}
}

// evaluate runs code in the session; a panic escaping the session (a bug in
// the interpreter) is turned into an error so the kernel survives it.
func (e *Engine) evaluate(ctx context.Context, code string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &session.Error{Name: "InternalError", Value: fmt.Sprint(r),
				Traceback: []string{fmt.Sprintf("InternalError: the interpreter failed on this cell: %v", r)}}
		}
	}()
	return e.cfg.Session.Execute(ctx, code)
}

// asError returns err as a *session.Error.
func asError(err error) *session.Error {
	var e *session.Error
	if errors.As(err, &e) {
		return e
	}
	return &session.Error{Name: "Error", Value: err.Error(), Traceback: []string{err.Error()}}
}

// stdout is where magics print.
func (e *Engine) stdout() io.Writer {
	if e.cfg.Stdout != nil {
		return e.cfg.Stdout
	}
	return os.Stdout
}

// stderr is where magics' commands write their errors.
func (e *Engine) stderr() io.Writer {
	if e.cfg.Stderr != nil {
		return e.cfg.Stderr
	}
	return os.Stderr
}
