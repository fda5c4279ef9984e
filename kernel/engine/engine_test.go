package engine

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/gophlow/gophlow/hooks"
	"github.com/gophlow/gophlow/kernel/session"
)

// fakeSink records every call of a cell, in order, as "kind: text".
type fakeSink struct {
	mu     sync.Mutex
	calls  []string
	err    *session.Error
	panics string // Display panics when its text/plain is this
}

func (f *fakeSink) record(kind, text string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, kind+": "+text)
}

func (f *fakeSink) Display(data hooks.Bundle, md map[string]any, id string, update bool) {
	text, _ := data["text/plain"].(string)
	if f.panics != "" && text == f.panics {
		panic("the sink failed")
	}
	kind := "display"
	if update {
		kind = "update"
	}
	f.record(kind, text)
}
func (f *fakeSink) Result(data hooks.Bundle, md map[string]any) {
	text, _ := data["text/plain"].(string)
	f.record("result", text)
}
func (f *fakeSink) ClearOutput(wait bool) { f.record("clear", "") }
func (f *fakeSink) Page(text string)      { f.record("page", text) }
func (f *fakeSink) AskExit()              { f.record("ask_exit", "") }
func (f *fakeSink) Error(e *session.Error) {
	f.err = e
	f.record("error", e.Name+": "+e.Value)
}

// newEngine returns an engine on a fresh session whose printed text (the
// session's and the magics') goes to the returned buffer.
func newEngine(t *testing.T) (*Engine, *bytes.Buffer) {
	t.Helper()
	var out bytes.Buffer
	sess, err := session.New(session.Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	return New(Config{Session: sess, Stdout: &out, Stderr: &out}), &out
}

// run runs a cell that must succeed and returns the sink's calls and the
// text printed.
func run(t *testing.T, e *Engine, out *bytes.Buffer, code string) ([]string, string) {
	t.Helper()
	out.Reset()
	sink := &fakeSink{}
	if err := e.Run(context.Background(), code, sink); err != nil {
		t.Fatalf("%q failed: %v", code, err)
	}
	return sink.calls, out.String()
}

// fail runs a cell that must fail and returns its error.
func fail(t *testing.T, e *Engine, code string) *session.Error {
	t.Helper()
	sink := &fakeSink{}
	err := e.Run(context.Background(), code, sink)
	if err == nil || sink.err == nil || err != error(sink.err) {
		t.Fatalf("%q: Run returned %v and reported %v, want the same error", code, err, sink.err)
	}
	if last := sink.calls[len(sink.calls)-1]; !strings.HasPrefix(last, "error: ") {
		t.Fatalf("%q: the error was not the last call: %q", code, sink.calls)
	}
	return sink.err
}

func TestHelpIsPaged(t *testing.T) {
	e, _ := newEngine(t)
	for _, code := range []string{"math.Sqrt?", "?math.Sqrt", "  math.Sqrt?\n"} {
		calls, _ := run(t, e, new(bytes.Buffer), code)
		if len(calls) != 1 || !strings.HasPrefix(calls[0], "page: ") || !strings.Contains(calls[0], "func Sqrt(x float64) float64") {
			t.Errorf("%q: calls %q, want one page with Sqrt's signature", code, calls)
		}
	}
	if calls, _ := run(t, e, new(bytes.Buffer), "math.Sqrt??"); len(calls) != 1 || !strings.Contains(calls[0], "return sqrt(x)") {
		t.Errorf("math.Sqrt?? pages %q, want the function's source", calls)
	}
	for _, code := range []string{"%help", "?"} {
		if calls, _ := run(t, e, new(bytes.Buffer), code); len(calls) != 1 || !strings.Contains(calls[0], "%%writefile FILE") {
			t.Errorf("%s pages %q, want the help with the magics", code, calls)
		}
	}
	if calls, _ := run(t, e, new(bytes.Buffer), "noSuchName?"); len(calls) != 1 || !strings.Contains(calls[0], "nothing known") {
		t.Errorf("noSuchName? pages %q", calls)
	}
}

func TestTime(t *testing.T) {
	e, out := newEngine(t)
	// On a line of its own, %time times the rest of the cell.
	calls, text := run(t, e, out, "%time\nimport \"fmt\"\nz := 3\nz * 3")
	if strings.Join(calls, "|") != "result: 9" || !strings.HasPrefix(text, "wall time: ") {
		t.Errorf("%%time cell: calls %q, printed %q", calls, text)
	}
	// With code on its line, it times that code, then the cell goes on.
	calls, text = run(t, e, out, "%time fmt.Println(z)\nfmt.Println(\"after\")")
	if len(calls) != 0 || !regexpMatch(`^3\nwall time: .*\nafter\n$`, text) {
		t.Errorf("%%time CODE: calls %q, printed %q", calls, text)
	}
	// A loop opened on the %time line is timed to its closing brace.
	_, text = run(t, e, out, "%time for i := 0; i < 2; i++ {\n\tfmt.Println(i)\n}\nfmt.Println(\"untimed\")")
	if !regexpMatch(`^0\n1\nwall time: .*\nuntimed\n$`, text) {
		t.Errorf("%%time with a loop printed %q", text)
	}
	// Magic lines may follow a timed line, and the result of timed code is shown.
	calls, text = run(t, e, out, "%time z + 1\n%env GOPHLOW_ENGINE_TEST=x\nz")
	if strings.Join(calls, "|") != "result: 4|result: 3" || !strings.HasPrefix(text, "wall time: ") || os.Getenv("GOPHLOW_ENGINE_TEST") != "x" {
		t.Errorf("%%time z + 1: calls %q, printed %q", calls, text)
	}
	// %time alone runs nothing and times it, as in IPython.
	if calls, text := run(t, e, out, "%time"); len(calls) != 0 || !strings.HasPrefix(text, "wall time: ") {
		t.Errorf("%%time alone: calls %q, printed %q", calls, text)
	}
	// Errors point at the cell's own lines and columns, magic lines included.
	if err := fail(t, e, "%time\n\nundefinedName"); err.Line != 3 {
		t.Errorf("error after %%time at line %d, want 3", err.Line)
	}
	if err := fail(t, e, "\n%time   undefinedName"); err.Line != 2 || err.Column != 9 {
		t.Errorf("error in %%time CODE at %d:%d, want 2:9", err.Line, err.Column)
	}
}

func regexpMatch(pattern, s string) bool { return regexp.MustCompile(pattern).MatchString(s) }

func TestLineMagics(t *testing.T) {
	e, out := newEngine(t)
	run(t, e, out, "x := 1.5\ntype point struct{ X, Y int }")
	if _, text := run(t, e, out, "%who"); !regexpMatch(`(?m)^point +type`, text) || !regexpMatch(`(?m)^x +var +float64$`, text) {
		t.Errorf("%%who printed %q", text)
	}
	if _, text := run(t, e, out, "%env GOPHLOW_ENGINE_ENV=on\n%env GOPHLOW_ENGINE_ENV"); text != "on\n" {
		t.Errorf("%%env printed %q", text)
	}
	if err := fail(t, e, "%env GOPHLOW_ENGINE_UNSET_VARIABLE"); err.Name != "MagicError" {
		t.Errorf("%%env of an unset variable: %v", err)
	}
	dir, _ := filepath.EvalSymlinks(t.TempDir())
	t.Chdir(".") // restores the working directory after the test
	if _, text := run(t, e, out, "%cd "+dir); text != dir+"\n" {
		t.Errorf("%%cd printed %q, want %q", text, dir)
	}
	if _, text := run(t, e, out, "!echo hi\n!echo there >&2"); text != "hi\nthere\n" {
		t.Errorf("!echo printed %q", text)
	}
	if err := fail(t, e, "!exit 3"); err.Name != "MagicError" || !strings.Contains(err.Value, "exit status 3") {
		t.Errorf("a failing command: %v", err)
	}
	if err := fail(t, e, "%nonsense"); err.Name != "MagicError" || !strings.Contains(err.Value, "unknown magic %nonsense") {
		t.Errorf("unknown magic: %v", err)
	}
	if _, text := run(t, e, out, "%who\n%help"); !strings.Contains(text, "%who  ") {
		t.Errorf("%%help among magic lines printed %q, want the help", text)
	}
	if _, text := run(t, e, out, "%reset"); !strings.Contains(text, "fresh interpreter") {
		t.Errorf("%%reset printed %q", text)
	}
	if err := fail(t, e, "x"); err.Name != "CompileError" {
		t.Errorf("after %%reset x gives %v, want undefined", err)
	}
}

func TestWritefile(t *testing.T) {
	e, out := newEngine(t)
	file := filepath.Join(t.TempDir(), "cell.txt")
	if _, text := run(t, e, out, "%%writefile "+file+"\nline one\nline two\n"); text != "wrote 18 bytes to "+file+"\n" {
		t.Errorf("%%%%writefile printed %q", text)
	}
	if data, err := os.ReadFile(file); err != nil || string(data) != "line one\nline two\n" {
		t.Errorf("%%%%writefile wrote %q (%v)", data, err)
	}
	if err := fail(t, e, "%%writefile\nx"); !strings.Contains(err.Value, "needs a file name") {
		t.Errorf("%%%%writefile without a name: %v", err)
	}
	if err := fail(t, e, "%%time\nx := 1"); !strings.Contains(err.Value, "unknown cell magic %%time") {
		t.Errorf("an unknown cell magic: %v", err)
	}
}

func TestExitAndQuit(t *testing.T) {
	e, out := newEngine(t)
	for _, code := range []string{"exit", "quit", " exit()\n", "quit()"} {
		if calls, _ := run(t, e, out, code); strings.Join(calls, "|") != "ask_exit: " {
			t.Errorf("%q: calls %q, want ask_exit alone", code, calls)
		}
	}
	// A Go name exit is evaluated as Go.
	run(t, e, out, "exit := 7\nfunc quit() int { return 8 }")
	if calls, _ := run(t, e, out, "exit"); strings.Join(calls, "|") != "result: 7" {
		t.Errorf("exit with a variable exit: calls %q", calls)
	}
	if calls, _ := run(t, e, out, "quit()"); strings.Join(calls, "|") != "result: 8" {
		t.Errorf("quit() with a function quit: calls %q", calls)
	}
}

func TestPanicsAreErrorsAndStateSurvives(t *testing.T) {
	e, out := newEngine(t)
	run(t, e, out, "kept := 41")
	if err := fail(t, e, "kept++\npanic(\"boom\")"); err.Name != "panic" || !strings.Contains(err.Value, "boom") {
		t.Errorf("panic: %v", err)
	}
	// A panic in compiled code that the cell calls (here the sink, through
	// display.Text) ends the cell with an error, not the process.
	sink := &fakeSink{panics: "explode"}
	if err := e.Run(context.Background(), `display.Text("explode")`, sink); err == nil || !strings.Contains(sink.err.Value, "the sink failed") {
		t.Errorf("a panicking sink: Run returned %v, reported %v", err, sink.err)
	}
	if calls, _ := run(t, e, out, "kept"); strings.Join(calls, "|") != "result: 42" {
		t.Errorf("after the panics kept: calls %q", calls)
	}
}

func TestHooksAreInstalledForTheCellOnly(t *testing.T) {
	e, out := newEngine(t)
	calls, _ := run(t, e, out, "display.HTML(\"<b>x</b>\")\nbar := display.Progress(2)\nbar.Add(2)\nbar.Finish()\ndisplay.ClearOutput(false)")
	want := []string{"display: [HTML]", "display: [", "update: [", "update: ", "display: [", "clear: "}
	if len(calls) != len(want) {
		t.Fatalf("calls %q", calls)
	}
	for i, w := range want {
		if !strings.HasPrefix(calls[i], w) {
			t.Errorf("call %d = %q, want %q…", i, calls[i], w)
		}
	}
	if hooks.CurrentSink() != nil {
		t.Error("the sink is still installed after the cell")
	}
}

func TestEvaluateRunsGoOnly(t *testing.T) {
	e, _ := newEngine(t)
	sink := &fakeSink{}
	if err := e.Evaluate(context.Background(), "6 * 7", sink); err != nil || strings.Join(sink.calls, "|") != "result: 42" {
		t.Errorf("Evaluate(6 * 7): %v, calls %q", err, sink.calls)
	}
	var se *session.Error
	if err := e.Evaluate(context.Background(), "%who", &fakeSink{}); err == nil || !errors.As(err, &se) {
		t.Errorf("Evaluate(%%who) = %v, want a session error (no magics)", err)
	}
}
