package session

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gophlow/gophlow/hooks"
	"github.com/gophlow/gophlow/interrupt"
)

// sink records what the display package publishes.
type sink struct {
	mu      sync.Mutex
	results []string // text/plain of each execute_result
}

func (k *sink) Display(hooks.Bundle, map[string]any, string, bool) {}
func (k *sink) ClearOutput(bool)                                   {}
func (k *sink) Result(data hooks.Bundle, _ map[string]any) {
	k.mu.Lock()
	defer k.mu.Unlock()
	text, _ := data["text/plain"].(string)
	k.results = append(k.results, text)
}

func (k *sink) take() []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	r := k.results
	k.results = nil
	return r
}

type fixture struct {
	t      *testing.T
	s      *Session
	out    *syncBuffer
	errOut *syncBuffer
	sink   *sink
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{t: t, out: &syncBuffer{}, errOut: &syncBuffer{}, sink: &sink{}}
	s, err := New(Options{Stdout: f.out, Stderr: f.errOut})
	if err != nil {
		t.Fatal(err)
	}
	f.s = s
	hooks.SetSink(f.sink)
	t.Cleanup(func() { hooks.SetSink(nil) })
	return f
}

// ok runs a cell that must succeed.
func (f *fixture) ok(code string) {
	f.t.Helper()
	if err := f.s.Execute(context.Background(), code); err != nil {
		var e *Error
		if errors.As(err, &e) {
			f.t.Fatalf("cell %q failed: %v\n%s", code, err, strings.Join(e.Traceback, "\n"))
		}
		f.t.Fatalf("cell %q failed: %v", code, err)
	}
}

// fail runs a cell that must fail and returns its error.
func (f *fixture) fail(code string) *Error {
	f.t.Helper()
	err := f.s.Execute(context.Background(), code)
	var e *Error
	if !errors.As(err, &e) {
		f.t.Fatalf("cell %q: got %v, want an *Error", code, err)
	}
	return e
}

// value runs a cell whose trailing expression must be published, and
// returns its text.
func (f *fixture) value(code string) string {
	f.t.Helper()
	f.sink.take()
	f.ok(code)
	r := f.sink.take()
	if len(r) != 1 {
		f.t.Fatalf("cell %q published %d results (%q), want 1", code, len(r), r)
	}
	return r[0]
}

func (f *fixture) expect(code, want string) {
	f.t.Helper()
	if got := f.value(code); got != want {
		f.t.Errorf("cell %q shows %q, want %q", code, got, want)
	}
}

func TestStatePersistsAcrossCells(t *testing.T) {
	f := newFixture(t)
	f.ok("x := 20")
	f.ok("func double(v int) int { return 2 * v }")
	f.ok("type pair struct{ a, b int }")
	f.expect("double(x) + 2", "42")
	f.expect("pair{1, x}.b", "20")
}

func TestMixedCell(t *testing.T) {
	f := newFixture(t)
	f.expect(`
x := 3
import "math"
func hyp(a, b float64) float64 { return math.Sqrt(a*a + b*b) }
y := hyp(float64(x), 4)
const unit = "m"
import "fmt"
fmt.Sprint(y, unit)`, `"5m"`)
	names := map[string]string{}
	for _, n := range f.s.Names() {
		names[n.Name] = n.Kind
		if want := map[string]string{"y": "float64", "unit": "untyped string"}[n.Name]; want != "" && n.Type != want {
			t.Errorf("Names() gives %s type %q, want %q", n.Name, n.Type, want)
		}
	}
	for n, kind := range map[string]string{"x": "var", "y": "var", "hyp": "func", "unit": "const", "math": "package", "fmt": "package"} {
		if names[n] != kind {
			t.Errorf("Names()[%s] = %q, want %q (all: %v)", n, names[n], kind, names)
		}
	}
	for n := range names {
		if strings.HasPrefix(n, internalPrefix) {
			t.Errorf("Names() lists the internal name %s", n)
		}
	}
}

func TestWholeProgramRuns(t *testing.T) {
	f := newFixture(t)
	f.ok("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"from main\")\n}")
	if f.out.String() != "" {
		t.Errorf("main ran before it was called: stdout %q", f.out.String())
	}
	f.ok("main()")
	if f.out.String() != "from main\n" {
		t.Errorf("main() printed %q, want one line from main", f.out.String())
	}
	if e := f.fail("package main extra"); e.Name != "SyntaxError" {
		t.Errorf("bad package clause: %v", e)
	}
}

func TestTrailingExpressionPublished(t *testing.T) {
	f := newFixture(t)
	f.expect("1 + 1", "2")
	f.expect(`"a" + "b"`, `"ab"`)
	f.ok("import \"strconv\"")
	f.expect("strconv.Itoa(7)", `"7"`)
	// An interpreted type keeps its String method on the way to display.
	f.ok("type celsius float64\nfunc (c celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + \"°C\" }")
	f.expect("celsius(21.5)", "21.5°C")
}

func TestVoidTrailingCallRuns(t *testing.T) {
	f := newFixture(t)
	f.ok("import \"fmt\"")
	f.ok("n := 0\nfunc bump() { n++ }")
	f.sink.take()
	f.ok("bump()")
	f.ok(`fmt.Println("hello")`)
	if r := f.sink.take(); len(r) != 0 {
		t.Errorf("void calls published %q", r)
	}
	f.expect("n", "1")
	if !strings.Contains(f.out.String(), "hello\n") {
		t.Errorf("stdout %q lacks fmt.Println's output", f.out.String())
	}
}

func TestErrorsPointAtCellLines(t *testing.T) {
	f := newFixture(t)
	e := f.fail("a := 1\nb := 2\n\tc := a + undefinedName")
	if e.Name != "CompileError" || e.Line != 3 || e.Column != 11 {
		t.Errorf("got %s at %d:%d (%q), want CompileError at 3:11", e.Name, e.Line, e.Column, e.Value)
	}
	tb := strings.Join(e.Traceback, "\n")
	if !strings.Contains(tb, "c := a + undefinedName") || !strings.Contains(tb, "undefined: undefinedName") {
		t.Errorf("traceback lacks the source line or message:\n%s", tb)
	}
	e = f.fail("x := 1\nfunc f() int {\n  return x +\n}")
	if e.Name != "SyntaxError" || e.Line != 4 {
		t.Errorf("syntax error: got %s at line %d (%s), want SyntaxError at line 4", e.Name, e.Line, e.Value)
	}
	e = f.fail("v := later()\nfunc later() int { return 1 }")
	if e.Line != 1 || !strings.Contains(e.Value, "defined at line 2") {
		t.Errorf("use before definition: %q at line %d", e.Value, e.Line)
	}
	// Rewritten code keeps the columns of what follows the rewrite.
	e = f.fail("total := 0\nfor i := range 3 { total += i + missingVar }")
	if e.Line != 2 || e.Column != 33 {
		t.Errorf("after a range rewrite: got %d:%d (%s), want 2:33", e.Line, e.Column, e.Value)
	}
	f.ok("type shape struct{ w int }")
	f.ok("type shape struct{ w, h int }")
	e = f.fail("s := shape{w: 1, h: 2}; z := s.w * missingToo")
	if e.Line != 1 || e.Column != 36 {
		t.Errorf("after a type rename: got %d:%d (%s), want 1:36", e.Line, e.Column, e.Value)
	}
	e = f.fail("ok := 1\r\nbad := ok +\r\n")
	if e.Line != 2 || strings.Contains(strings.Join(e.Traceback, ""), "\r") {
		t.Errorf("CRLF cell: line %d, traceback %q", e.Line, e.Traceback)
	}
	// The caret counts characters, not bytes.
	e = f.fail("π := \"é\" + missingName")
	if last := e.Traceback[len(e.Traceback)-1]; !strings.HasPrefix(last, "    "+strings.Repeat(" ", 11)+red+"^") {
		t.Errorf("caret line %q, want the caret under column 12", last)
	}
	// The first line keeps its columns (yaegi's wrapper would shift them).
	e = f.fail("var q int = \"s\"")
	if e.Line != 1 || e.Column < 5 || e.Column > 13 {
		t.Errorf("got %d:%d (%s), want line 1 within the declaration", e.Line, e.Column, e.Value)
	}
}

func TestRuntimeErrorsLeaveSessionUsable(t *testing.T) {
	f := newFixture(t)
	f.ok("keep := 41")
	e := f.fail("func boom() { panic(\"boom\") }\nfunc outer() { boom() }\nouter()")
	if e.Name != "panic" || e.Value != "boom" || e.Line != 1 {
		t.Errorf("panic: got %s %q at line %d", e.Name, e.Value, e.Line)
	}
	tb := strings.Join(e.Traceback, "\n")
	if !strings.Contains(tb, "in boom, line 1") || !strings.Contains(tb, `panic("boom")`) {
		t.Errorf("panic traceback lacks the frame of boom:\n%s", tb)
	}
	e = f.fail("var m map[string]int\nm[\"a\"] = 1")
	if e.Name != "RuntimeError" || !strings.Contains(e.Value, "nil map") || e.Line != 2 {
		t.Errorf("nil map: got %s %q at line %d", e.Name, e.Value, e.Line)
	}
	e = f.fail("s := []int{1}\n_ = s[5]")
	if e.Name != "RuntimeError" || !strings.Contains(e.Value, "index out of range") {
		t.Errorf("index: got %s %q", e.Name, e.Value)
	}
	if strings.Contains(f.errOut.String(), "panic: ") {
		t.Errorf("yaegi's panic lines leaked to stderr: %q", f.errOut.String())
	}
	f.expect("keep + 1", "42")
}

func TestCompiledPanicShowsLibraryFrame(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "gonum.org/v1/gonum/mat"`)
	e := f.fail("a := mat.NewDense(2, 3, nil)\nvar c mat.Dense\nc.Mul(a, a)")
	if e.Line != 3 || !strings.Contains(e.Value, "dimension mismatch") {
		t.Errorf("got %s %q at line %d, want gonum's dimension mismatch at line 3", e.Name, e.Value, e.Line)
	}
	if tb := strings.Join(e.Traceback, "\n"); !strings.Contains(tb, "gonum.org/v1/gonum/mat.(*Dense).Mul") {
		t.Errorf("traceback does not name the compiled frame:\n%s", tb)
	}
}

func TestRangeOverInt(t *testing.T) {
	f := newFixture(t)
	f.expect("sum := 0\nfor i := range 4 { sum += i }\nsum", "6")
	f.expect("n := 3\ncount := 0\nfor range n { count++ }\ncount", "3")
	f.ok("func tri(n int) int { t := 0; for i := range n + 1 { t += i }; return t }")
	f.expect("tri(4)", "10")
	// Per-iteration variables, labels and continue behave as in Go 1.22.
	f.expect(`fs := []func() int{}
for i := range len("abc") {
	fs = append(fs, func() int { return i })
}
fs[0]() + fs[1]()*10 + fs[2]()*100`, "210")
	f.expect(`pairs := 0
outer:
for i := range 3 {
	for j := range 10 {
		if j > i { continue outer }
		pairs++
	}
}
pairs`, "6")
	// Integer fields of session values, and package constants.
	f.ok("type config struct{ epochs int; Inner struct{ Steps int } }\ncfg := &config{epochs: 2}\ncfg.Inner.Steps = 3")
	f.expect("runs := 0\nfor range cfg.epochs { for range cfg.Inner.Steps { runs++ } }\nruns", "6")
	f.ok(`import "math"`)
	f.expect("k := 0\nfor range math.MaxInt8 { k++ }\nk", "127")
	// An integer the session cannot type (a field of a parameter) works
	// on a second compilation.
	f.ok("type opts struct{ Steps int }\nfunc run(o opts) int { t := 0; for i := range o.Steps { t += i }; return t }")
	f.expect("run(opts{Steps: 5})", "10")
	// Ranging over slices is untouched.
	f.expect("xs := []int{5, 6}\ntot := 0\nfor i, v := range xs { tot += i * v }\ntot", "6")
}

func TestUnsupportedConstructsAreErrors(t *testing.T) {
	f := newFixture(t)
	// Ranging over an iterator the session declared works…
	f.ok("func count(n int) func(func(int, string) bool) {\n\treturn func(yield func(int, string) bool) {\n\t\tfor i := 0; i < n; i++ {\n\t\t\tif !yield(i, \"x\") { return }\n\t\t}\n\t}\n}")
	f.expect(`got := ""
for i, s := range count(10) {
	if i == 1 { continue }
	if i == 4 { break }
	switch { case i == 2: got += "two" }
	got += s
}
got`, `"xtwoxx"`)
	// …others are errors saying what to write instead.
	f.ok("var seqs = map[string]func(func(int) bool){\"a\": func(yield func(int) bool) { yield(4) }}")
	f.expect("got := 0\nfor v := range seqs[\"a\"] {\ngot += v\n}\ngot", "4")
	f.expect("func firstOf(seq func(func(int) bool)) (first int, found bool) {\n\tfor v := range seq {\n\t\treturn v, true\n\t}\n\treturn -1, false\n}\nv, ok := firstOf(seqs[\"a\"])\nif !ok { v = 0 }\nv", "4")
	e := f.fail("func deferred(seq func(func(int) bool)) {\n\tfor v := range seq {\n\t\tdefer println(v)\n\t}\n}")
	if e.Name != "CompileError" || !strings.Contains(e.Value, "for i := 0; i < n; i++") {
		t.Errorf("range over func with a defer in its body: %s %q", e.Name, e.Value)
	}
	// min and max work on int and float64 arguments the session
	// recognises…
	f.expect("a := 1.5\nb := min(a, 2)\nb", "1.5")
	f.expect("xs := []int{4, 5, 6}\nmax(len(xs), 2, cap(xs)+1)", "4")
	f.ok(`import "math"`)
	f.expect("max(math.Sqrt(2), 1)", "1.4142135623730951")
	f.expect("func clamp(v float64) float64 { return min(max(v, 0), 1) }\nclamp(1.5) + clamp(-2)", "1")
	// …and, written out from the types the checker finds, on the others.
	f.ok("var small int8 = 3")
	f.expect("c := 1\nd := min(small, 2)\nd", "2")
	f.expect(`max("pear", "apple", "plum")`, `"plum"`)
	f.ok(`import "slices"`)
	// slices.Sort has a stand-in; slices.Max names what to write instead.
	f.expect("fs := []float64{3, math.NaN(), 1}\nslices.Sort(fs)\nfs", "[NaN 1 3]")
	// slices.Max and Min on slices recognised as []int or []float64 work…
	f.expect("ys := []float64{3, 1}\nslices.Max(ys) - slices.Min(ys)", "2")
	f.ok("type data struct{ counts []int }\nd := data{counts: make([]int, 3)}\nd.counts[1] = 5")
	f.expect("slices.Max(d.counts)", "5")
	e = f.fail("empty := []int{}\nslices.Min(empty)")
	if e.Name != "panic" || !strings.Contains(e.Value, "empty list") {
		t.Errorf("slices.Min of an empty slice: %s %q", e.Name, e.Value)
	}
	// …and so do the others: the session's own generic functions,
	// instantiated for the cell's types (generics.go).
	f.expect("ss := []string{\"b\", \"c\"}\nslices.Max(ss)", `"c"`)
	f.ok("type pair struct{ k string; v int }")
	f.expect("ps := []pair{{\"b\", 2}, {\"a\", 1}}\nslices.SortFunc(ps, func(x, y pair) int { return x.v - y.v })\nps[0].k", `"a"`)
	f.ok(`import "maps"`)
	// Ranging over the standard iterators works…
	f.expect(`ages := map[string]int{"a": 1, "b": 2}
sum, names := 0, 0
for k := range maps.Keys(ages) { names += len(k) }
for v := range maps.Values(ages) { sum += v }
for i, v := range slices.All([]int{10, 20}) { sum += i * v }
for v := range slices.Values([]int{100}) { sum += v }
sum*10 + names`, "1232")
	// …and so does collecting a map's keys or values.
	f.expect("slices.Sorted(maps.Keys(ages))", `[a b]`)
	f.expect("byName := map[string]float64{\"x\": 2.5}\nslices.Collect(maps.Values(byName))", `[2.5]`)
	f.expect("func keysOf(m map[int]bool) []int { return slices.Sorted(maps.Keys(m)) }\nkeysOf(map[int]bool{3: true, 1: false})", `[1 3]`)
	// …and so does keeping an iterator in a variable.
	f.expect("ks := maps.Keys(map[string]int{\"a\": 1})\nslices.Collect(ks)", "[a]")
	// recover returns the value the panic was given, not the
	// interpreter's reflect.Value holding it.
	f.ok(`import "fmt"`)
	f.expect("func caught() (v any) { defer func() { v = recover() }(); panic(\"boom\") }\ns, isString := caught().(string)\nlen(s) + len(fmt.Sprint(isString))", "8")
	// A defer at the top level runs when the cell's statements end.
	f.ok("trail := \"a\"\ndefer func() { trail += \"c\" }()\ntrail += \"b\"")
	f.expect("trail", `"abc"`)
	// The generic helpers yaegi does have keep working.
	f.expect("slices.Contains([]string{\"a\", \"b\"}, \"b\")", "true")
	// clear works.
	f.expect("m := map[string]int{\"a\": 1}\nclear(m)\nlen(m)", "0")
	f.expect("zs := []int{1, 2}\nclear(zs)\nzs[0] + zs[1]", "0")
	// A user's own min is not second-guessed.
	f.ok("func min(a, b int) int { if a < b { return a }; return b }")
	f.expect("min(3, 2)", "2")
	f.expect("1+1", "2")
}

func TestInterruptStopsLoopAndKeepsState(t *testing.T) {
	f := newFixture(t)
	f.ok("kept := 7\ncounter := 0\nimport \"strings\"")
	f.ok("shout := func(s string) string { return strings.ToUpper(s) + \"!\" }\nnext := func(r rune) rune { return r + 1 }")
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(300 * time.Millisecond)
		cancel()
	}()
	start := time.Now()
	err := f.s.Execute(ctx, "for {\n counter++\n}")
	elapsed := time.Since(start)
	var e *Error
	if !errors.As(err, &e) || e.Name != "KeyboardInterrupt" {
		t.Fatalf("interrupted cell returned %v, want KeyboardInterrupt", err)
	}
	if elapsed > 300*time.Millisecond+time.Second {
		t.Errorf("interrupt took %v after the cancel, want under a second", elapsed-300*time.Millisecond)
	}
	f.expect("1+1", "2")
	f.expect("kept", "7")
	// The interrupted loop must not come back to life.
	f.ok("snapshot := counter")
	time.Sleep(50 * time.Millisecond)
	f.expect("counter - snapshot", "0")
	// Function values made before the interrupt still work, called from
	// interpreted or compiled code.
	f.expect("shout(\"a\")", `"A!"`)
	f.expect("strings.Map(next, \"abc\")", `"bcd"`)
}

func TestGoroutinePanicIsReported(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "sync"`)
	f.ok("func work(ch chan int, n int) { if n == 2 { panic(\"bad worker\") }; ch <- n }")
	f.ok(`var wg sync.WaitGroup
ch := make(chan int, 4)
for i := 0; i < 3; i++ {
	wg.Add(1)
	go func(k int) { defer wg.Done(); work(ch, k) }(i)
}
wg.Wait()`)
	f.expect("len(ch)", "2")
	// The worker's own defers (wg.Done) run before the report is written.
	for deadline := time.Now().Add(2 * time.Second); !strings.Contains(f.errOut.String(), "bad worker"); {
		if time.Now().After(deadline) {
			t.Fatalf("stderr %q does not report the goroutine's panic", f.errOut.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	f.ok("done := make(chan bool)\ngo work(ch, 2)\ngo func() { done <- true }()\n<-done")
	// Method values and variadic calls keep their meaning.
	f.ok("type acc struct{ c chan int }\nfunc (a acc) put(vs ...int) { for _, v := range vs { a.c <- v } }")
	f.ok("a := acc{make(chan int, 3)}\nvs := []int{4, 5}\ngo a.put(vs...)")
	f.expect("<-a.c + <-a.c", "9")
	f.expect("7*6", "42")
}

func TestInterruptWaitsForCompiledCall(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "time"`)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	err := f.s.Execute(ctx, "time.Sleep(3 * time.Second)")
	var e *Error
	if !errors.As(err, &e) || e.Name != "KeyboardInterrupt" {
		t.Fatalf("got %v, want KeyboardInterrupt", err)
	}
	if d := time.Since(start); d > 100*time.Millisecond+interruptGrace+500*time.Millisecond {
		t.Errorf("interrupt returned after %v", d)
	}
	// The next cell waits for the call a bounded time, then runs and says so.
	before := time.Now()
	f.expect("1+1", "2")
	if d := time.Since(before); d > staleWait+time.Second {
		t.Errorf("the next cell waited %v for the interrupted compiled call", d)
	}
	if !strings.Contains(f.errOut.String(), "still inside a call into compiled code") {
		t.Errorf("no warning on stderr: %q", f.errOut.String())
	}
}

func TestCompiledCodeSeesCellContext(t *testing.T) {
	f := newFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	seen := make(chan bool, 1)
	if err := f.s.interp.Use(map[string]map[string]reflect.Value{"probe/probe": {
		"Check": reflect.ValueOf(func() { seen <- interrupt.Context() == ctx }),
	}}); err != nil {
		t.Fatal(err)
	}
	f.ok(`import "probe"`)
	if err := f.s.Execute(ctx, "probe.Check()"); err != nil {
		t.Fatal(err)
	}
	if !<-seen {
		t.Error("interrupt.Context() inside the cell is not the cell's context")
	}
	if interrupt.Context() == ctx {
		t.Error("the cell's context stays installed after Execute")
	}
}

func TestReset(t *testing.T) {
	f := newFixture(t)
	f.ok("gone := 1\nimport \"fmt\"")
	if err := f.s.Reset(); err != nil {
		t.Fatal(err)
	}
	if len(f.s.Names()) != 0 {
		t.Errorf("Names() after Reset = %v", f.s.Names())
	}
	if e := f.fail("gone"); e.Name != "CompileError" {
		t.Errorf("gone after Reset: %v", e)
	}
	f.ok(`import "fmt"`)
	f.expect(`fmt.Sprint(1)`, `"1"`)
}

func TestReimportIsANoOp(t *testing.T) {
	f := newFixture(t)
	f.ok("import \"fmt\"\nfmt.Println(1)")
	f.ok("import \"fmt\"\nfmt.Println(2)")
	f.ok("import (\n\t\"fmt\"\n\tf \"fmt\"\n\t\"strings\"\n)\nf.Println(strings.Repeat(\"3\", 2))")
	if got := f.out.String(); got != "1\n2\n33\n" {
		t.Errorf("stdout %q, want 1, 2, 33", got)
	}
	imports := f.s.Imports()
	for name, path := range map[string]string{"fmt": "fmt", "f": "fmt", "strings": "strings",
		"display": "github.com/gophlow/gophlow/kernel/display"} {
		if imports[name] != path {
			t.Errorf("Imports()[%s] = %q, want %q", name, imports[name], path)
		}
	}
}

func TestDisplayNeedsNoImport(t *testing.T) {
	f := newFixture(t)
	f.ok("display.Text(\"hi\")")
	f.ok(`import "github.com/gophlow/gophlow/kernel/display"`)
	// A user's own variable of that name wins.
	g := newFixture(t)
	g.expect("display := 3\ndisplay + 1", "4")
	g.ok("import \"fmt\"\nfmt := 2")
	if p, ok := g.s.Imports()["fmt"]; ok {
		t.Errorf("Imports() lists fmt (%s) though a variable now has that name", p)
	}
	if p, ok := g.s.Imports()["display"]; ok {
		t.Errorf("Imports() lists display (%s) though a variable has that name", p)
	}
}

func TestCompiledFramesPreferOurPackages(t *testing.T) {
	stack := []byte(`goroutine 1 [running]:
panic({0x1, 0x2})
	/usr/local/go/src/runtime/panic.go:1 +0x1
gonum.org/v1/gonum/mat.(*Dense).Mul(0x1, {0x2})
	/gonum/mat/dense_arithmetic.go:631 +0x1
github.com/gophlow/gophlow/fmlib.Train(0x1)
	/work/fmlib/train.go:42 +0x1
reflect.Value.call({0x1})
	/usr/local/go/src/reflect/value.go:1 +0x1
`)
	got := compiledFrames(stack)
	want := []string{"gonum.org/v1/gonum/mat.(*Dense).Mul (/gonum/mat/dense_arithmetic.go:631)",
		"github.com/gophlow/gophlow/fmlib.Train (/work/fmlib/train.go:42)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("compiledFrames = %q, want %q", got, want)
	}
}

// TestInterruptCompiledTraining interrupts fmlib's training loop (compiled
// code calling back an interpreted sampler) and continues training in the
// next cell: the cell returns within a second, the network keeps its steps.
func TestInterruptCompiledTraining(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "math/rand/v2"
import "errors"
import "github.com/gophlow/gophlow/interrupt"
import "gonum.org/v1/gonum/mat"
net, err := nn.New(nn.Config{Dim: 2, Hidden: []int{32, 32}})
calls := 0
sampler := func(n int, rng *rand.Rand) *mat.Dense { calls++; return fmlib.Moons(n, 0.05, uint64(calls)) }`)
	// The interrupt comes once training has started (on a loaded machine
	// compiling the cell may take longer than any fixed delay).
	ctx, cancel := context.WithCancel(context.Background())
	hooks.SetReporter(startReporter(func() { time.AfterFunc(300*time.Millisecond, cancel) }))
	defer hooks.SetReporter(nil)
	err := f.s.Execute(ctx, "res, err := fmlib.Train(net, fmlib.TrainOptions{Data: sampler, BatchSize: 64, Steps: 100000000})")
	stopped := time.Now()
	var e *Error
	if !errors.As(err, &e) || e.Name != "KeyboardInterrupt" {
		t.Fatalf("got %v, want KeyboardInterrupt", err)
	}
	f.expect("steps := len(res.Losses)\nsteps == net.Step() && errors.Is(err, interrupt.ErrInterrupted)", "true")
	if d := time.Since(stopped); d > time.Second {
		t.Errorf("the next cell waited %v", d)
	}
	f.expect("res2, err := fmlib.Train(net, fmlib.TrainOptions{Data: sampler, BatchSize: 64, Steps: 10})\nres2.FirstStep == steps && len(res2.Losses) == 10 && err == nil", "true")
}

func TestResetAbandonsStuckCompiledCall(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "time"`)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	if e := f.s.Execute(ctx, "time.Sleep(5 * time.Second)"); e == nil || !strings.Contains(e.Error(), "still finishing") {
		t.Fatalf("got %v, want an interrupt noting the call still runs", e)
	}
	if err := f.s.Reset(); err != nil {
		t.Fatal(err)
	}
	f.expect("1+1", "2")
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("after Reset the next cell still waited for the old call (%v)", d)
	}
}

// TestManyCells runs more cells than line-number encodings of the cell
// would allow (go/scanner rejects lines beyond 1<<30), and checks that an
// error in a late cell still points at its line.
func TestManyCells(t *testing.T) {
	f := newFixture(t)
	f.ok("n := 0")
	for i := 0; i < 1100; i++ {
		if err := f.s.Execute(context.Background(), "n++"); err != nil {
			t.Fatalf("cell %d: %v", i+2, err)
		}
	}
	f.expect("n", "1100")
	if e := f.fail("m := 1\nm = n + missing"); e.Line != 2 || e.Column != 9 {
		t.Errorf("late error at %d:%d (%s), want 2:9", e.Line, e.Column, e.Value)
	}
}

// startReporter is a progress reporter that calls started when a task
// starts.
type startReporter func()

func (r startReporter) Start(string, int) hooks.Task { r(); return r }
func (startReporter) Update(int, string)             {}
func (startReporter) Done()                          {}
