package session

import (
	"fmt"
	"io"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gophlow/gophlow/kernel/cellcheck"
	"github.com/gophlow/gophlow/kernel/display"
	"github.com/gophlow/gophlow/kernel/generic/coro"
	"github.com/gophlow/gophlow/kernel/jsonshape"
	"github.com/gophlow/gophlow/kernel/showfmt"
	"github.com/traefik/yaegi/interp"
)

// The session's runtime: compiled helpers that rewritten cells call,
// imported into every interpreter as rtName. Users never write these names.

// runtimeExports returns the runtime package and the interface mappings
// that let interpreted values reach display with their methods: yaegi
// passes an interpreted value to a compiled func(any) as a bare struct
// unless the function is listed in MapTypes with the interfaces to wrap it
// in (most specific first).
func (s *Session) runtimeExports() interp.Exports {
	renderers := []reflect.Type{
		reflect.TypeOf((*display.MetadataRenderer)(nil)).Elem(),
		reflect.TypeOf((*display.Renderer)(nil)).Elem(),
		reflect.TypeOf((*error)(nil)).Elem(),
		reflect.TypeOf((*fmt.Stringer)(nil)).Elem(),
	}
	return interp.Exports{
		rtName + "/" + rtName: {
			"Result":                 reflect.ValueOf(display.Result),
			"GoroutinePanic":         reflect.ValueOf(s.goroutinePanic),
			"Clear":                  reflect.ValueOf(clearValue),
			"Recovered":              reflect.ValueOf(s.recoveredValue),
			"Pending":                reflect.ValueOf(pending),
			"MakeLen":                reflect.ValueOf(makeLen),
			"SortSlice":              reflect.ValueOf(sortSlice),
			"MaxInts":                reflect.ValueOf(func(x []int) int { return maxInt(first(x, "Max"), x...) }),
			"MinInts":                reflect.ValueOf(func(x []int) int { return minInt(first(x, "Min"), x...) }),
			"MaxFloat64s":            reflect.ValueOf(func(x []float64) float64 { return maxFloat64(first(x, "Max"), x...) }),
			"MinFloat64s":            reflect.ValueOf(func(x []float64) float64 { return minFloat64(first(x, "Min"), x...) }),
			"MinInt":                 reflect.ValueOf(minInt),
			"MaxInt":                 reflect.ValueOf(maxInt),
			"MinFloat64":             reflect.ValueOf(minFloat64),
			"MaxFloat64":             reflect.ValueOf(maxFloat64),
			"Show":                   reflect.ValueOf(showfmt.Show),
			"Register":               reflect.ValueOf(showfmt.Register),
			"ContextKey":             reflect.ValueOf(showfmt.ContextKey),
			"Printf":                 reflect.ValueOf(showfmt.Printf),
			"Sprintf":                reflect.ValueOf(showfmt.Sprintf),
			"Fprintf":                reflect.ValueOf(showfmt.Fprintf),
			"Errorf":                 reflect.ValueOf(showfmt.Errorf),
			"Appendf":                reflect.ValueOf(showfmt.Appendf),
			"LogPrintf":              reflect.ValueOf(showfmt.LogPrintf),
			"LogPanicf":              reflect.ValueOf(showfmt.LogPanicf),
			"DecodeRune":             reflect.ValueOf(utf8.DecodeRuneInString),
			"TemplateError":          reflect.ValueOf(templateError),
			"TemplateExecute":        reflect.ValueOf(s.templateMethods.Execute),
			"TemplateExecuteNamed":   reflect.ValueOf(s.templateMethods.ExecuteTemplate),
			"RegisterTemplateMethod": reflect.ValueOf(s.templateMethods.Register),
			"HoldingError":           reflect.ValueOf(holdingError),
			"SameValue":              reflect.ValueOf(sameValue),
			"RegisterError":          reflect.ValueOf(s.registerError),
			"AsError":                reflect.ValueOf(s.asError),
			"MustError":              reflect.ValueOf(s.mustError),
			"NotInterface":           reflect.ValueOf(notInterface),
			"ErrorChain":             reflect.ValueOf(errorChain),
			"Unwrapper":              reflect.ValueOf((*unwrapper)(nil)), // cellcheck.CompiledMethodSets
			"MultiUnwrapper":         reflect.ValueOf((*multiUnwrapper)(nil)),
			"ErrorMatcher":           reflect.ValueOf((*errorMatcher)(nil)),
			"ErrorTarget":            reflect.ValueOf((*errorTarget)(nil)),
			"PullAny":                reflect.ValueOf(coro.PullAny), // for iter.Pull's instances (package generic)
			"Pull2Any":               reflect.ValueOf(coro.Pull2Any),

			// encoding/json on the cells' types (package jsonshape)
			"JSONValue":         reflect.ValueOf(jsonshape.Value),
			"JSONTarget":        reflect.ValueOf(jsonshape.Target),
			"JSONMarshal":       reflect.ValueOf(jsonshape.Marshal),
			"JSONMarshalIndent": reflect.ValueOf(jsonshape.MarshalIndent),
			"JSONEncode":        reflect.ValueOf(jsonshape.Encode),
			"JSONDecode":        reflect.ValueOf(jsonshape.Decode),
		},
		".": {"MapTypes": reflect.ValueOf(map[reflect.Value][]reflect.Type{
			reflect.ValueOf(display.Result): renderers,
			reflect.ValueOf(display.Show):   renderers,
			reflect.ValueOf(display.Render): renderers,
		})},
	}
}

// clearValue implements the clear builtin (Go 1.21), which yaegi lacks:
// it deletes every entry of a map and zeroes every element of a slice.
func clearValue(x any) {
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Map, reflect.Slice:
		v.Clear()
	default:
		panic(fmt.Sprintf("invalid argument: clear(%T): argument must be a map or a slice", x))
	}
}

// recoveredValue returns the value recover returned: yaegi gives the value
// of a panic as a reflect.Value holding it, a failed type assertion as an
// error carrying the cell position, and an index out of range or a nil
// dereference as package reflect's panic, where Go gives runtime.Errors.
func (s *Session) recoveredValue(r any) any {
	if v, ok := r.(reflect.Value); ok {
		if !v.IsValid() || !v.CanInterface() {
			return nil
		}
		return v.Interface()
	}
	msg, ok := r.(string)
	if err, isErr := r.(error); isErr {
		msg, ok = err.Error(), true
	}
	if !ok {
		return r
	}
	if m := locRE.FindStringSubmatch(msg); m != nil && strings.HasPrefix(m[4], "interface conversion: ") {
		return &runtimeError{msg: s.conversionMessage(m)}
	}
	if strings.HasPrefix(msg, "reflect: ") || strings.HasPrefix(msg, "reflect.") {
		// yaegi's index, slice and nil errors, raised by package reflect
		// (without reflect's words, which Go's message has not)
		return &runtimeError{msg: "runtime error: " + strings.SplitN(reflectMessage(msg), " (", 2)[0]}
	}
	return r
}

// conversionMessage is Go's message for yaegi's failed assertion m (a
// match of locRE): the operand's type as the checker found it where yaegi
// wrote interface {}, and the cells' struct types named.
func (s *Session) conversionMessage(m []string) string {
	msg := m[4]
	s.assertionsMu.Lock()
	operand, ok := s.assertions[m[1]+":"+m[2]+":"+m[3]]
	s.assertionsMu.Unlock()
	if ok {
		msg = strings.Replace(msg, "interface conversion: interface {} ", "interface conversion: "+operand+" ", 1)
	}
	return showfmt.NameTypes(msg)
}

// noteAssertions records the operand types of the assertions in segs, run
// in cell.
func (s *Session) noteAssertions(cell int, segs []*segment, as []cellcheck.Assertion) {
	s.assertionsMu.Lock()
	defer s.assertionsMu.Unlock()
	for _, a := range as {
		line, col := segs[a.Part].position(a.Offset)
		s.assertions[fmt.Sprintf("%d:%d:%d", cell, line, col)] = a.Operand
	}
}

// runtimeError is a run-time error yaegi raised as something else.
type runtimeError struct{ msg string }

func (e *runtimeError) Error() string { return e.msg }

// RuntimeError marks it a runtime.Error, as Go's are.
func (e *runtimeError) RuntimeError() {}

// templateError returns err, a template's, with the cells' struct types
// named as Go names them (cellcheck's templateCall); it unwraps to err.
func templateError(err error) error {
	if err == nil {
		return nil
	}
	if msg := showfmt.NameTypes(err.Error()); msg != err.Error() {
		return &namedTypesError{msg: msg, err: err}
	}
	return err
}

// namedTypesError is an error whose message names the cells' types.
type namedTypesError struct {
	msg string
	err error
}

func (e *namedTypesError) Error() string { return e.msg }
func (e *namedTypesError) Unwrap() error { return e.err }

// pending returns the panic a deferred call's wrapper caught into *slot,
// taking it, or else r, what recover returned (cellcheck's deferPanics).
func pending(slot *any, r any) any {
	if p := *slot; p != nil {
		*slot = nil
		return p
	}
	return r
}

// sortSlice stands in for slices.Sort (generic, so missing in yaegi): it
// sorts a slice of integers, floats or strings in place, NaNs first as
// slices.Sort does.
func sortSlice(x any) {
	v := reflect.ValueOf(x)
	if v.Kind() != reflect.Slice {
		panic(fmt.Sprintf("slices.Sort: %T is not a slice", x))
	}
	var less func(i, j int) bool
	switch v.Type().Elem().Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		less = func(i, j int) bool { return v.Index(i).Int() < v.Index(j).Int() }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		less = func(i, j int) bool { return v.Index(i).Uint() < v.Index(j).Uint() }
	case reflect.Float32, reflect.Float64:
		less = func(i, j int) bool {
			a, b := v.Index(i).Float(), v.Index(j).Float()
			return a < b || (math.IsNaN(a) && !math.IsNaN(b))
		}
	case reflect.String:
		less = func(i, j int) bool { return v.Index(i).String() < v.Index(j).String() }
	default:
		panic(fmt.Sprintf("slices.Sort: the interpreter sorts only slices of numbers or strings, not %T: use sort.Slice(x, func(i, j int) bool { … })", x))
	}
	sort.SliceStable(x, less)
}

// first returns x[0], panicking as slices.Max and slices.Min do on an
// empty slice.
func first[T any](x []T, fn string) T {
	if len(x) == 0 {
		panic("slices." + fn + ": empty list")
	}
	return x[0]
}

// minInt, maxInt, minFloat64 and maxFloat64 stand in for the min and max
// builtins (Go 1.21), which yaegi lacks, for the argument kinds the
// session can recognise (see rewriter.minMaxKind). Like the builtins, the
// float forms return NaN if any argument is NaN.
func minInt(x int, ys ...int) int {
	for _, y := range ys {
		if y < x {
			x = y
		}
	}
	return x
}

func maxInt(x int, ys ...int) int {
	for _, y := range ys {
		if y > x {
			x = y
		}
	}
	return x
}

func minFloat64(x float64, ys ...float64) float64 {
	for _, y := range ys {
		x = min(x, y)
	}
	return x
}

func maxFloat64(x float64, ys ...float64) float64 {
	for _, y := range ys {
		x = max(x, y)
	}
	return x
}

// goroutinePanic reports a panic recovered in a goroutine started by a go
// statement at line of its cell (see rewriter.goStmt) on the session's
// standard error.
func (s *Session) goroutinePanic(r any, line int) {
	s.reportPanic(fmt.Sprintf("panic in the goroutine started at line %d", line), r)
}

// reportPanic writes a recovered panic r, under headline, with the
// interpreted frames it unwound, on the session's standard error.
func (s *Session) reportPanic(headline string, r any) {
	trace := s.trap.take()
	var b strings.Builder
	fmt.Fprintf(&b, "%s%s%s (recovered, the kernel goes on): %s\n", red+bold, headline, reset, userNames(fmt.Sprint(r)))
	for _, line := range trace {
		if m := locRE.FindStringSubmatch(line); m != nil {
			loc, fn := parseLocation(m)
			fmt.Fprintf(&b, "    in %s, line %d: %s\n", frameFunction(fn), loc.line, strings.TrimSpace(s.sourceLine(loc.cell, loc.line)))
		}
	}
	_, _ = io.WriteString(s.opts.Stderr, b.String())
}

// panicTrap is the interpreter's standard error. yaegi prints one
// "line:col: panic: function(...)" line per interpreted frame a panic
// unwinds; the trap keeps those lines (they become the traceback of the
// error) and passes everything else (log output) through.
type panicTrap struct {
	out   io.Writer
	mu    sync.Mutex
	lines []string
}

var panicLineRE = regexp.MustCompile(`^(?:(?:c\d+/)?_\.go:)?\d+:\d+: panic: `)

// Write keeps panic lines and passes the rest on.
func (t *panicTrap) Write(p []byte) (int, error) {
	text := string(p)
	var pass strings.Builder
	t.mu.Lock()
	for _, line := range strings.SplitAfter(text, "\n") {
		if panicLineRE.MatchString(line) {
			t.lines = append(t.lines, strings.TrimRight(line, "\n"))
		} else {
			pass.WriteString(line)
		}
	}
	t.mu.Unlock()
	if pass.Len() > 0 {
		if _, err := io.WriteString(t.out, pass.String()); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// take returns and forgets the trapped lines.
func (t *panicTrap) take() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	lines := t.lines
	t.lines = nil
	return lines
}
