package session

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"strconv"
	"strings"

	"github.com/gophlow/gophlow/kernel/generic"
	"github.com/gophlow/gophlow/kernel/showfmt"
	"github.com/traefik/yaegi/interp"
)

// Error is what Execute returns when a cell fails: a compile error, a
// runtime error or panic, or an interrupt. It is shaped like a Jupyter
// error output.
type Error struct {
	// Name is the kind of failure: "SyntaxError", "CompileError",
	// "RuntimeError" (index out of range, nil map, …), "panic" (a call of
	// panic) or "KeyboardInterrupt".
	Name string
	// Value is the message, without position.
	Value string
	// Traceback is the message as the notebook shows it, one string per
	// line: the error, then the offending source line with a caret under the
	// column, then the frames of interpreted functions that led there,
	// innermost first. It contains ANSI colour codes.
	Traceback []string
	// Line and Column locate the error in the cell (1-based; the column
	// counts bytes, as Go positions do), or are 0 when the error is not
	// located in the cell that ran.
	Line, Column int
}

// Error returns "Name: Value", with the cell line when known.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s at line %d:%d: %s", e.Name, e.Line, e.Column, e.Value)
	}
	return e.Name + ": " + e.Value
}

// posError is an error the session finds itself (syntax, unsupported
// construct), located in the running cell.
type posError struct {
	line, col int
	name, msg string
}

func (e *posError) Error() string { return fmt.Sprintf("%d:%d: %s", e.line, e.col, e.msg) }

const (
	red   = "\x1b[31m"
	green = "\x1b[32m"
	bold  = "\x1b[1m"
	reset = "\x1b[0m"
)

// location is a position in some cell's source.
type location struct {
	cell, line, col int
	function        string // interpreted function, for panic frames
}

// locRE matches the positions yaegi prints: "c12/_.go:3:5: message" (see
// fileOf), or "3:5: message" for yaegi's own wrapper code.
var locRE = regexp.MustCompile(`^(?:(?:c(\d+)/)?_\.go:)?(\d+):(\d+): ?(.*)$`)

// parseLocation decodes a message matched by locRE.
func parseLocation(m []string) (loc location, msg string) {
	cell, _ := strconv.Atoi(m[1])
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	return location{cell: cell, line: line, col: col}, m[4]
}

// internalNameRE matches a fresh internal type name (see declare.go).
var internalNameRE = regexp.MustCompile(`([\p{L}\p{N}_]+)` + renameMark + `\d+`)

// userNames replaces internal names in a message by the names the user
// wrote, and the interpreter's struct types of the cells' types by their
// names.
func userNames(msg string) string {
	msg = showfmt.NameTypes(msg) // the interpreter's struct { … } of a cell's type
	msg = internalNameRE.ReplaceAllString(msg, "$1")
	msg = strings.ReplaceAll(msg, mainName, "main")
	return strings.ReplaceAll(msg, rtName+".", "")
}

// traceback renders the error header and, for each location, the source
// line with a caret under the column.
func (s *Session) traceback(current int, name, msg string, locs []location) []string {
	tb := []string{red + bold + name + reset + ": " + msg}
	for k, l := range locs {
		src := s.sourceLine(l.cell, l.line)
		where := fmt.Sprintf("line %d", l.line)
		if l.cell != current {
			where = fmt.Sprintf("line %d of an earlier cell", l.line)
		}
		if l.function != "" && l.function != "main" {
			where = "in " + l.function + ", " + where
		} else if k > 0 {
			where = "called from " + where
		}
		tb = append(tb, green+where+reset+":")
		if src == "" {
			continue
		}
		tb = append(tb, "    "+src)
		caret := l.col - 1
		if caret < 0 {
			caret = 0
		}
		if caret > len(src) {
			caret = len(src)
		}
		// Columns count bytes; the caret moves one place per character,
		// keeping tabs so it lines up under tab-indented code.
		var pad strings.Builder
		for _, r := range src[:caret] {
			if r == '\t' {
				pad.WriteByte('\t')
			} else {
				pad.WriteByte(' ')
			}
		}
		tb = append(tb, "    "+pad.String()+red+"^"+reset)
	}
	return tb
}

// sourceLine returns line (1-based) of cell, or "".
func (s *Session) sourceLine(cell, line int) string {
	lines := s.cells[cell]
	if line < 1 || line > len(lines) {
		return ""
	}
	return lines[line-1]
}

// newError builds the Error for a failure of cell current.
func (s *Session) newError(current int, name, msg string, locs []location) *Error {
	msg = userNames(msg)
	e := &Error{Name: name, Value: msg, Traceback: s.traceback(current, name, msg, locs)}
	if len(locs) > 0 && locs[0].cell == current {
		e.Line, e.Column = locs[0].line, locs[0].col
	}
	return e
}

// fromPosError converts an error the session found in cell current.
func (s *Session) fromPosError(current int, p *posError) *Error {
	return s.newError(current, p.name, p.msg, []location{{cell: current, line: p.line, col: p.col}})
}

// compileError converts a yaegi compile error ("cellN:L:C: msg", possibly
// several lines).
func (s *Session) compileError(current int, err error) *Error {
	first := strings.SplitN(err.Error(), "\n", 2)[0]
	var locs []location
	msg := first
	if m := locRE.FindStringSubmatch(first); m != nil {
		var loc location
		loc, msg = parseLocation(m)
		locs = []location{loc}
	}
	return s.newError(current, "CompileError", adviseCompile(msg), locs)
}

// compilerPanic converts a panic inside yaegi's compiler.
func (s *Session) compilerPanic(current int, r any, unit []*segment) *Error {
	msg := fmt.Sprint(r)
	var locs []location
	advice := ""
	if msg == "nil type" || strings.Contains(msg, "reflect type") {
		// yaegi's compiler panics on range over an integer it could not
		// see as one, and on range over a function (Go 1.22/1.23).
		s.rangeCrash = true
		advice = "; the interpreter cannot range over an integer it cannot type, nor over an iterator function it does not know or whose loop body returns: write for i := 0; i < n; i++ { … }, or call the iterator with a yield func"
		if loc, ok := firstRange(unit); ok {
			locs = append(locs, location{cell: current, line: loc.line, col: loc.col})
		}
	}
	return s.newError(current, "CompileError", "the interpreter failed on this code ("+msg+")"+advice, locs)
}

// adviseCompile adds what to write instead to messages about Go features
// the interpreter lacks.
func adviseCompile(msg string) string {
	for _, pkg := range generic.Packages {
		if strings.Contains(msg, "undefined selector: "+pkg+".") || strings.Contains(msg, "undefined selector "+pkg+".") {
			return msg + ": " + genericAdvice
		}
	}
	return msg
}

// genericAdvice explains a generic function of slices, maps or cmp left to
// the interpreter (see generics.go).
const genericAdvice = "the session runs its own slices, maps and cmp functions for types it can name at a cell's top level, " +
	"and leaves the others to the interpreter, which lacks this one: declare the types involved at the top level of a cell " +
	"(not inside a function), or write the loop"

// runtimeError converts a panic of running code. trace holds yaegi's
// "cellN:L:C: panic: fn(...)" lines, innermost frame first.
func (s *Session) runtimeError(current int, p interp.Panic, trace []string) *Error {
	name, msg := "panic", fmt.Sprint(p.Value)
	switch v := p.Value.(type) {
	case *allocationError:
		name, msg = "MemoryError", v.Error()
	case runtime.Error:
		name = "RuntimeError"
	case error:
		msg = v.Error()
	}
	if strings.HasPrefix(msg, "reflect: ") || strings.HasPrefix(msg, "reflect.") {
		// yaegi's runtime errors surface as panics of package reflect.
		name, msg = "RuntimeError", reflectMessage(msg)
	}
	if m := locRE.FindStringSubmatch(msg); m != nil && strings.HasPrefix(m[4], "interface conversion: ") {
		name, msg = "RuntimeError", s.conversionMessage(m) // a failed type assertion, as Go writes it
	}
	var locs []location
	for _, line := range trace {
		m := locRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		loc, fn := parseLocation(m)
		loc.function = frameFunction(fn)
		locs = append(locs, loc)
	}
	locs = liftedFrames(locs)
	frames := compiledFrames(p.Stack)
	if len(frames) > 0 && len(locs) > 0 && locs[0].function == "" {
		// yaegi places a panic in compiled code called from a function
		// at the function's first call: find the call in the cell.
		if line, col, ok := s.callSite(locs[0].cell, frames[len(frames)-1]); ok {
			locs[0].line, locs[0].col = line, col
		}
	}
	e := s.newError(current, name, msg, locs)
	if len(frames) > 0 {
		lines := []string{"  raised in compiled code: " + frames[0]}
		if len(frames) > 1 {
			lines = append(lines, "  called from: "+frames[1])
		}
		e.Traceback = append(e.Traceback[:1], append(lines, e.Traceback[1:]...)...)
	}
	return e
}

// frameFunction returns the function named in a yaegi panic line's message
// "panic: main.f(...)".
func frameFunction(msg string) string {
	fn := strings.TrimSuffix(strings.TrimPrefix(msg, "panic: "), "(...)")
	return userNames(strings.TrimPrefix(fn, "main."))
}

// reflectMessage turns the reflect package's wording of a runtime error
// (how yaegi reports them) into Go's.
func reflectMessage(v string) string {
	switch {
	case strings.Contains(v, "Slice: slice index out of bounds"), strings.Contains(v, "slice bounds out of range"):
		return "slice bounds out of range"
	case strings.Contains(v, "index out of range"):
		return "index out of range"
	case strings.Contains(v, "nil map"):
		return "assignment to entry in nil map"
	case strings.Contains(v, "call of nil function"), strings.Contains(v, "zero Value"):
		return "invalid memory address or nil pointer dereference (" + v + ")"
	}
	return v
}

// compiledFrames returns "function (file:line)" of the innermost frame of
// a panic stack that belongs to compiled library code (not the runtime,
// reflect, the interpreter or this session) and, when that frame is not in
// gophlow's own packages, the innermost one that is (the fmlib call that
// led to a gonum panic).
func compiledFrames(stack []byte) []string {
	var frames []string
	ours := false
	for _, f := range libraryFrames(stack) {
		mine := strings.HasPrefix(f, "github.com/gophlow/gophlow/")
		if len(frames) == 0 || (mine && !ours) {
			frames = append(frames, f)
			ours = ours || mine
		}
		if ours {
			break
		}
	}
	return frames
}

// libraryFrames lists the frames of compiled library code in a panic
// stack, innermost first.
func libraryFrames(stack []byte) []string {
	var frames []string
	lines := strings.Split(string(stack), "\n")
	panicking := false
	for i := 0; i+1 < len(lines); i++ {
		fn := lines[i]
		if strings.HasPrefix(fn, "panic(") {
			panicking = true
			continue
		}
		if strings.HasPrefix(fn, "created by ") {
			break
		}
		if !panicking || strings.HasPrefix(fn, "\t") || fn == "" {
			continue
		}
		switch {
		case strings.HasPrefix(fn, "runtime."), strings.HasPrefix(fn, "reflect."),
			strings.HasPrefix(fn, "github.com/traefik/yaegi/"),
			strings.HasPrefix(fn, "github.com/gophlow/gophlow/kernel/session"):
			continue
		}
		file := strings.TrimSpace(lines[i+1])
		if j := strings.LastIndex(file, " +0x"); j >= 0 {
			file = file[:j]
		}
		if j := strings.LastIndex(fn, "("); j > 0 {
			fn = fn[:j]
		}
		frames = append(frames, fn+" ("+file+")")
	}
	return frames
}

// interruptError is returned when the cell's context is cancelled.
func (s *Session) interruptError(err error, stillRunning bool) *Error {
	msg := "interrupted"
	if errors.Is(err, context.DeadlineExceeded) {
		msg = "timed out"
	}
	if stillRunning {
		msg += "; a call into compiled code is still finishing in the background (the next cell waits for it at most a second; %reset drops it)"
	}
	return &Error{Name: "KeyboardInterrupt", Value: msg, Traceback: []string{red + bold + "KeyboardInterrupt" + reset + ": " + msg}}
}

// liftedFrames presents the function a lifted run of statements became
// (see lift.go) as the cell itself, dropping the frame that called it.
func liftedFrames(locs []location) []location {
	var out []location
	for k := 0; k < len(locs); k++ {
		l := locs[k]
		if strings.HasPrefix(l.function, internalPrefix+"cell") {
			l.function = ""
			if k+1 < len(locs) && (locs[k+1].function == "" || locs[k+1].function == "main") {
				k++
			}
		}
		out = append(out, l)
	}
	return out
}

// callSite finds the one line of cell that calls the function of a
// compiled frame ("pkg.(*T).Name (file:line)"), by its name.
func (s *Session) callSite(cell int, frame string) (line, col int, ok bool) {
	fn, _, _ := strings.Cut(frame, " ")
	name := fn[strings.LastIndex(fn, ".")+1:]
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\s*\(`)
	for k, src := range s.cells[cell] {
		if loc := re.FindStringIndex(src); loc != nil {
			if ok {
				return 0, 0, false // more than one: do not guess
			}
			line, col, ok = k+1, loc[0]+1, true
		}
	}
	return line, col, ok
}
