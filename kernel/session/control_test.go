package session

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gophlow/gophlow/kernel/cellcheck"
)

// TestConstsSwitchesAndSelectsRunAsGo checks the rewrites of consts.go,
// switchinit.go and selectcontinue.go against what Go prints; each case
// gives a different answer without its rewrite.
func TestConstsSwitchesAndSelectsRunAsGo(t *testing.T) {
	f := newFixture(t)
	// iota counts lines, not names, and _, _ repeats the line above.
	f.ok("const (\n\ta, b = iota, iota * 10\n\tc, d\n\t_, _\n\te, g\n)")
	f.expect("[]int{a, b, c, d, e, g}", "[0 0 1 10 3 30]")
	f.ok("type level uint8\nconst (\n\tlow level = 1 << iota\n\tmid\n\thigh\n)")
	f.expect("[]level{low, mid, high}", "[1 2 4]")
	// A switch with an init statement in a loop.
	f.ok("import \"strings\"")
	f.expect(`acc := 0
for _, c := range []string{"ADD 3", "mul 4"} {
	switch parts := strings.Fields(strings.ToLower(c)); parts[0] {
	case "add":
		acc += 3
	case "mul":
		acc *= 4
	default:
		acc = -1
	}
}
acc`, "12")
	// continue in a select's case, in a loop with statements after it.
	f.expect(`jobs := make(chan int, 3)
jobs <- 1
jobs <- 2
got := []int{}
for {
	select {
	case j := <-jobs:
		got = append(got, j)
		continue
	default:
		got = append(got, 0)
	}
	break
}
got`, "[1 2 0]")
}

// TestDeferredCallsTakeTheirValuesWhenTheDeferRuns checks deferargs.go's
// rewrite (package cellcheck): yaegi alone reads x, m and the loop
// variable when the function returns.
func TestDeferredCallsTakeTheirValuesWhenTheDeferRuns(t *testing.T) {
	f := newFixture(t)
	f.ok("type meter struct{ reading int }\nfunc (m meter) value() int { return m.reading }\nfunc (m *meter) pointer() int { return m.reading }")
	f.ok("var seen []int\nfunc note(v int) { seen = append(seen, v) }")
	f.ok("func (m meter) rec() { note(m.reading) }\nfunc (m *meter) recp() { note(m.reading) }")
	f.ok(`func run() {
	x := 1
	defer note(x)
	x = 2
	m := meter{10}
	defer func(v int) { note(v) }(m.value())
	mp := &m
	defer note(mp.pointer())
	defer m.rec()
	defer m.recp()
	m.reading = 99
	for i := 0; i < 2; i++ {
		defer note(i * 100)
	}
}`)
	// LIFO: the loop's, then m.recp (a pointer: 99), m.rec (a copy: 10)…
	f.expect("run()\nseen", "[100 0 99 10 10 10 1]")
}

// TestErrorChainsOfInterpretedErrors checks errorchains.go and the %w
// rewrite of package cellcheck: without them errors.As panics on an
// interpreted target type, errors.Is never finds an interpreted sentinel,
// and neither follows an interpreted Unwrap method.
func TestErrorChainsOfInterpretedErrors(t *testing.T) {
	f := newFixture(t)
	f.ok(`import ("errors"; "fmt")`)
	f.ok(`type notFound struct{ name string }
func (e *notFound) Error() string { return "not found: " + e.name }
type wrapped struct{ op string; err error }
func (w *wrapped) Error() string { return w.op + ": " + w.err.Error() }
func (w *wrapped) Unwrap() error { return w.err }
var errGone = &notFound{"gone"}`)
	f.expect(`chain := fmt.Errorf("ctx: %w", &wrapped{"op", fmt.Errorf("inner: %w", errGone)})
var nf *notFound
found := errors.As(chain, &nf)
[]bool{errors.Is(chain, errGone), found, nf == errGone, errors.Unwrap(&wrapped{"x", errGone}).Error() == "not found: gone"}`, "[true true true true]")
	f.expect(`direct := fmt.Errorf("lookup: %w", &notFound{"key"})
var target *notFound
errors.As(direct, &target) && target.name == "key"`, "true")
}

// TestClosuresHandedToCompiledCodeInALoop checks loopclosure.go: without
// it every closure sync.WaitGroup.Go runs sees the last iteration.
func TestClosuresHandedToCompiledCodeInALoop(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "sync"`)
	f.expect(`lengths := make([]int, 3)
var wg sync.WaitGroup
for i, w := range []string{"go", "gopher", "gophlow"} {
	wg.Go(func() { lengths[i] = len(w) })
}
wg.Wait()
lengths`, "[2 6 7]")
}

// TestComplexConstants checks cellcheck's typedComplex: yaegi mistypes an
// untyped complex constant (sum := complex(0, 0); sum += w fails).
func TestComplexConstants(t *testing.T) {
	f := newFixture(t)
	f.expect("sum := complex(0, 0)\nfor k := 1; k <= 3; k++ { sum += complex(float64(k), 1) }\nreal(sum) + imag(sum)", "9")
}

// TestRangesOverIntegersAndStringsRunAsGo checks cellcheck's ranges.go:
// yaegi's compiler fails on ranges over fields' integers (here the
// session's untyped retry would also catch it; the corpus's
// spec_prog_matrix needed the typed rewrite), it gives ranges over a
// string with = byte indices, and steps over an invalid byte of a string
// as if it were three bytes wide.
func TestRangesOverIntegersAndStringsRunAsGo(t *testing.T) {
	f := newFixture(t)
	f.ok("import \"fmt\"\ntype grid struct{ rows, cols int; data [][]int }")
	f.ok(`func (g *grid) product(o *grid) *grid {
	out := &grid{g.rows, o.cols, make([][]int, g.rows)}
	for i := range g.rows {
		out.data[i] = make([]int, o.cols)
		for j := range o.cols {
			for k := range g.cols {
				out.data[i][j] += g.data[i][k] * o.data[k][j]
			}
		}
	}
	return out
}`)
	f.expect("g := &grid{2, 2, [][]int{{1, 2}, {3, 4}}}\ng.product(g).data", "[[7 10] [15 22]]")
	// Each iteration has its own i; continue still advances.
	f.expect(`fs := []func() int{}
for i := range uint8(4) {
	if i == 1 {
		continue
	}
	fs = append(fs, func() int { return int(i) })
}
[]int{fs[0](), fs[1](), fs[2]()}`, "[0 2 3]")
	// Invalid UTF-8 is one byte wide and decodes to U+FFFD; the key-only
	// form and the = form step the same way.
	f.expect(`bad := "a\xffb\xe2\x82"
got := []string{}
for i, r := range bad {
	got = append(got, fmt.Sprintf("%d:%U", i, r))
}
got`, "[0:U+0061 1:U+FFFD 2:U+0062 3:U+FFFD 4:U+FFFD]")
	f.expect(`var k int
var r rune
keys := []int{}
for k = range "héllo" {
	keys = append(keys, k)
}
for _, r = range "né" {
}
[]any{keys, k, string(r)}`, "[[0 1 3 4 5] 5 é]")
}

// TestTypeSwitchesMatchInterfaceCases checks cellcheck's typeswitch.go:
// yaegi's type switch matches neither case against an error compiled code
// made (fmt.Errorf, a recovered runtime panic), though assertions do.
func TestTypeSwitchesMatchInterfaceCases(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "fmt"`)
	f.ok(`func kind(x any) string {
	switch v := x.(type) {
	case fmt.Stringer:
		return "stringer " + v.String()
	case error:
		return "error " + v.Error()
	case int, int64:
		return fmt.Sprint("int ", v)
	case nil:
		return "nil"
	default:
		return fmt.Sprintf("other %v", v)
	}
}`)
	f.ok(`func recovered() (s string) {
	defer func() { s = kind(recover()) }()
	var m map[string]int
	m["x"] = 1
	return ""
}`)
	f.expect(`[]string{kind(fmt.Errorf("boom")), kind(3), kind(nil), kind(2.5), recovered()}`,
		`[error boom int 3 nil other 2.5 error assignment to entry in nil map]`)
	// A cell's error type in a switch over an error, which yaegi's switch
	// did not match.
	f.ok(`type limitError struct{ max int }
func (e *limitError) Error() string { return fmt.Sprint("over ", e.max) }
func check(n int) error {
	if n > 10 {
		return &limitError{10}
	}
	return nil
}
func explain(err error) string {
	switch e := err.(type) {
	case nil:
		return "fine"
	case *limitError:
		return fmt.Sprint("limit ", e.max)
	}
	return "other"
}`)
	f.expect("[]string{explain(check(3)), explain(check(30)), explain(fmt.Errorf(\"x\"))}", "[fine limit 10 other]")
}

// TestMethodValuesBindTheirReceivers checks cellcheck's methodvalues.go:
// yaegi reads a method value's receiver when it is called rather than
// when it is made, and fails on method expressions used as values.
func TestMethodValuesBindTheirReceivers(t *testing.T) {
	f := newFixture(t)
	f.ok("import (\n\t\"fmt\"\n\t\"strings\"\n)")
	f.ok(`type counter struct{ n int }
func (c counter) get() int { return c.n }
func (c *counter) add(d int) int { c.n += d; return c.n }
type shift rune
func (s shift) apply(r rune) rune { return r + rune(s) }
type hook struct{ fn func() int }`)
	f.expect(`c := counter{1}
get, add := c.get, c.add
add(10)
after := c.n
plus := (*counter).add
[]int{get(), after, plus(&c, 5)}`, "[1 11 16]")
	// A method value handed to compiled code, and %T of a method expression.
	f.expect(`strings.Map(shift(1).apply, "HAL")`, `"IBM"`)
	f.expect(`fmt.Sprintf("%T", counter.get)`, `"func(main.counter) int"`)
	// A field of func type is no method value.
	f.expect("h := hook{func() int { return 4 }}\nf := h.fn\nf()", "4")
}

// TestShadowedTypesInBlocks checks cellcheck's localtypes.go: yaegi takes
// a block's own type for an outer type of the same name.
func TestShadowedTypesInBlocks(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "fmt"`)
	f.expect(`type item struct{ name string }
out := []string{}
{
	type item struct{ id int }
	out = append(out, fmt.Sprintf("%+v %T", item{7}, item{7}))
}
append(out, fmt.Sprintf("%+v", item{"outer"}))`, `[{id:7} main.item {name:outer}]`)
}

// TestLabeledBranchesAroundIteratorLoops checks cellcheck's
// rangelabels.go: a range over a function becomes a call with the body as
// yield function, so continue Outer and break Outer from an inner such
// loop go through a flag (the interpreter cannot run them otherwise).
func TestLabeledBranchesAroundIteratorLoops(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "fmt"`)
	f.ok(`func enumerate(words []string) func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		for i, w := range words {
			if !yield(i, w) {
				return
			}
		}
	}
}`)
	f.expect(`words := []string{"a", "bb", "ccc"}
got := []string{}
Outer:
	for i, w := range enumerate(words) {
		for j, v := range enumerate(words) {
			if j > i {
				continue Outer
			}
			got = append(got, fmt.Sprint(i, j))
			if len(w)+len(v) == 5 {
				break Outer
			}
		}
	}
Plain:
	for k := 0; k < 3; k++ {
		for j := range enumerate(words) {
			if j == 1 {
				continue Plain
			}
			got = append(got, fmt.Sprint("k", k))
		}
	}
got`, `[0 0 1 0 1 1 2 0 2 1 k0 k1 k2]`)
}

// TestOnceValueInCells checks package generic's sync supplement: the
// interpreter's tables lack the generic sync.OnceValue and OnceValues.
func TestOnceValueInCells(t *testing.T) {
	f := newFixture(t)
	f.ok("import (\n\t\"strconv\"\n\t\"sync\"\n)")
	f.expect(`calls := 0
get := sync.OnceValue(func() int { calls++; return 6 * 7 })
parse := sync.OnceValues(func() (int, error) { return strconv.Atoi("12a") })
n, err := parse()
[]any{get(), get(), calls, n, err != nil}`, "[42 42 1 0 true]")
}

// TestCellTypesInInterfaceFieldsPrintAsGo checks the printer's registry
// (showfmt's registry.go, cellcheck's registrations.go): a value of a
// cell's struct type held in an `any` field reached fmt as the
// interpreter's struct, {Xkind:fax}.
func TestCellTypesInInterfaceFieldsPrintAsGo(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "fmt"`)
	f.ok("type contact struct{ kind, value string }\ntype card struct {\n\tName  string\n\tExtra any\n}")
	f.ok("type twin struct{ kind, value string }\ntype other struct{ kind, value int }")
	f.expect(`fmt.Sprintf("%+v|%#v", card{"a", other{1, 2}}, card{"b", nil})`,
		`"{Name:a Extra:{kind:1 value:2}}|main.card{Name:\"b\", Extra:interface {}(nil)}"`)
	// contact and twin have the same fields: the printer cannot tell them
	// apart and prints the interpreter's struct.
	f.expect(`fmt.Sprintf("%v", card{"c", twin{"x", "y"}})`, `"{c {x y}}"`)
}

// TestErrorsAsTypeInCells checks package generic's errors supplement: the
// interpreter's tables lack the generic errors.AsType; its instances call
// the session's errors.As, which follows the cells' error types.
func TestErrorsAsTypeInCells(t *testing.T) {
	f := newFixture(t)
	f.ok("import (\n\t\"errors\"\n\t\"fmt\"\n\t\"io/fs\"\n)")
	f.ok(`type retryError struct{ n int }
func (e *retryError) Error() string { return fmt.Sprint("retried ", e.n) }`)
	f.expect(`err := fmt.Errorf("sync: %w", &retryError{3})
re, ok := errors.AsType[*retryError](err)
_, isPath := errors.AsType[*fs.PathError](err)
pe, ok2 := errors.AsType[*fs.PathError](&fs.PathError{Op: "stat", Path: "x", Err: fs.ErrNotExist})
[]any{re.n, ok, isPath, pe.Op, ok2}`, "[3 true false stat true]")
}

// TestCellValuesInCompiledVariadicInterfaceParameters checks cellcheck's
// variadic.go: yaegi did not wrap a cell's io.Writer handed to
// io.MultiWriter, and the call failed.
func TestCellValuesInCompiledVariadicInterfaceParameters(t *testing.T) {
	f := newFixture(t)
	f.ok("import (\n\t\"io\"\n\t\"strings\"\n)")
	f.ok(`type counter struct{ n int }
func (c *counter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }`)
	f.expect(`var sb strings.Builder
c := &counter{}
w := io.MultiWriter(&sb, c)
io.WriteString(w, "hello")
[]any{sb.String(), c.n}`, "[hello 5]")
}

// TestContextKeysOfTheCellsTypes checks cellcheck's contextkeys.go: yaegi
// handed context a ctxKey(0) as the int 0, so Value(0) found it (and the
// key printed as int).
func TestContextKeysOfTheCellsTypes(t *testing.T) {
	f := newFixture(t)
	f.ok("import (\n\t\"context\"\n\t\"fmt\"\n)")
	f.ok("type ctxKey int\nconst (\n\trequestIDKey ctxKey = iota\n\tuserKey\n)")
	f.expect(`c := context.WithValue(context.Background(), requestIDKey, "req-001")
fmt.Sprint(c.Value(requestIDKey), " ", c.Value(0), " ", c.Value(userKey), " ", c)`,
		`"req-001 <nil> <nil> context.Background.WithValue(main.ctxKey, req-001)"`)
}

// TestAtomicPointersRunAsGo checks cellcheck's library.go: atomic.Pointer
// (a generic type, which the interpreter's tables cannot hold) in
// statements, in a declaration's field and in a function, as Go runs it:
// nil at first, CompareAndSwap from nil, Swap returning the old pointer, a
// failed CompareAndSwap leaving the value.
func TestAtomicPointersRunAsGo(t *testing.T) {
	f := newFixture(t)
	f.ok("import \"sync/atomic\"")
	f.expect(`var p atomic.Pointer[string]
a, b := "a", "b"
wasNil := p.Load() == nil
first := p.CompareAndSwap(nil, &a)
old := p.Swap(&b)
failed := p.CompareAndSwap(&a, nil)
[]any{wasNil, first, *old, failed, *p.Load()}`, "[true true a false b]")
	f.ok("type config struct{ name string }\ntype server struct{ cfg atomic.Pointer[config] }\nfunc (s *server) set(n string) { s.cfg.Store(&config{n}) }")
	f.expect("var srv server\nsrv.set(\"prod\")\nsrv.cfg.Load().name", `"prod"`)
	f.expect("p.Load() == &b", "true") // a later cell sees the variable's type
}

// TestPullIteratorsRunAsGo checks iter.Pull and Pull2 (the templates of
// package generic/iter, on package coro's compiled pull): values in order,
// false at the end and after stop, an early stop ending the sequence, in
// statements and in a function, over a cell's own type.
func TestPullIteratorsRunAsGo(t *testing.T) {
	f := newFixture(t)
	f.ok("import (\n\t\"iter\"\n\t\"slices\"\n)")
	f.ok("type point struct{ x, y int }")
	f.expect(`next, stop := iter.Pull(slices.Values([]point{{1, 2}, {3, 4}}))
a, okA := next()
b, okB := next()
_, okC := next()
stop()
_, okD := next()
[]any{a, okA, b.x + b.y, okB, okC, okD}`, "[{1 2} true 7 true false false]")
	f.ok(`var cleaned bool

func naturals(yield func(int, string) bool) {
	defer func() { cleaned = true }()
	for i := 0; ; i++ {
		if !yield(i, "n") {
			return
		}
	}
}

func firstTwo(seq iter.Seq2[int, string]) []int {
	next, stop := iter.Pull2(seq)
	defer stop()
	i, _, _ := next()
	j, _, _ := next()
	return []int{i, j}
}`)
	f.expect("firstTwo(naturals)", "[0 1]")
	f.expect("cleaned", "true")
}

// TestPackageVariablesInitializeInDependencyOrder checks initorder.go: a
// cell's variables are initialized after those their initializers use,
// through functions and methods declared later in the cell, as Go does;
// yaegi alone initializes them as written (total would be 0 + 0) and
// cannot compile pair's multi-value initializer ahead of its function.
func TestPackageVariablesInitializeInDependencyOrder(t *testing.T) {
	f := newFixture(t)
	f.ok(`var trace []string

func note(name string, v int) int { trace = append(trace, name); return v }

var (
	total = note("total", base+scaled)
	base  = note("base", unit*10)
	scaled = note("scaled", double(3))
	unit  = note("unit", 2)
)

var p, q = pair()

var viaMethod = counter{}.get()

func double(n int) int { return n * unit }

func pair() (int, int) { return note("q", 1), note("p", 2) }

type counter struct{}

func (counter) get() int { return note("viaMethod", base) }`)
	f.expect("trace", `[unit base scaled total q p viaMethod]`)
	f.expect("[]int{total, base, scaled, unit, p, q, viaMethod}", "[26 20 6 2 1 2 20]")
}

// TestLocalsDoNotOrderPackageVariables checks initOrder on its own: a
// local sharing a later variable's name is no dependency on it, so the
// cell keeps its order (nil); taken for the variable, third would move
// first. (Through a session the case cannot be seen: yaegi orders these
// two itself.)
func TestLocalsDoNotOrderPackageVariables(t *testing.T) {
	segs, err := splitCell("var second = func() int { third := 5; return note(\"second\", third) }()\nvar third = note(\"third\", 3)")
	if err != nil {
		t.Fatal(err)
	}
	if pieces := initOrder(segs); pieces != nil {
		t.Errorf("reordered: first %v", pieces[0].names)
	}
}

// TestDefiningABuiltinsNameShadowsItOnlyAfterwards checks
// shadowsUsedBuiltin: len := 5 at a cell's top level shadows the builtin
// for the statements after it only, as in a Go function; lifted to the
// package with the rest of the cell, it broke len(s) above it.
func TestDefiningABuiltinsNameShadowsItOnlyAfterwards(t *testing.T) {
	f := newFixture(t)
	f.ok("s := \"abc\"\nn := len(s)\nlen := 5\ntotal := n + len")
	f.expect("total", "8")
}

// TestLabeledBranchesLeaveTheLoopFromASelect checks
// selectLabeledBranches: break L and continue L written directly in a
// select's case leave or continue the labeled loop; yaegi alone takes
// them for a jump past the select, so both loops count to their bound.
func TestLabeledBranchesLeaveTheLoopFromASelect(t *testing.T) {
	f := newFixture(t)
	f.expect(`quit := make(chan struct{})
close(quit)
spins := 0
loop:
for spins < 10 {
	select {
	case <-quit:
		break loop
	}
	spins++
}
after := 0
next:
for k := 0; k < 10; k++ {
	select {
	case <-quit:
		continue next
	}
	after++
}
[]int{spins, after}`, "[0 0]")
}

// TestAPanicInADeferredCallReachesTheRecoveringOne checks cellcheck's
// deferPanics: the calls deferred before one that panics still run, and
// the recovering one gets the newest panic, as in Go. yaegi alone leaves
// its deferred calls at the first panic, so the recovering call never runs
// and the panic ends the cell.
func TestAPanicInADeferredCallReachesTheRecoveringOne(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "fmt"`)
	f.ok(`func replaced() (msg string) {
	defer func() { msg = fmt.Sprint("recovered ", recover()) }()
	defer func() { panic("second") }()
	panic("first")
}

var log []string

func cleanupFails() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("caught %v", r)
		}
	}()
	defer func(s string) { log = append(log, s) }("ran")
	defer func() { panic("cleanup") }()
	return nil
}

func unrecovered() {
	defer func() {
		if len(log) > 99 {
			recover()
		}
	}()
	defer func() { panic("late") }()
}`)
	f.expect("replaced()", `"recovered second"`)
	f.expect("cleanupFails()", "caught cleanup")
	f.expect("log", "[ran]")
	f.expect(`func() (got any) { defer func() { got = recover() }(); unrecovered(); return nil }()`, `"late"`)
}

// TestDeferredClosuresRunAndTakeTheirValue checks cellcheck's
// deferredClosures and the function value deferredCall takes: a closure
// made in a function and called by its deferred calls runs (yaegi alone
// hangs when it returns: the fixture's cell never finishes), and defer fn()
// calls the fn of the defer statement, not the one fn holds at the end.
func TestDeferredClosuresRunAndTakeTheirValue(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "fmt"`)
	f.ok(`var calls []string

func run() {
	x := 1
	fn := func() { calls = append(calls, "original") }
	defer fn()
	cleanup := func() { calls = append(calls, fmt.Sprint("cleanup ", x)) }
	defer func() { cleanup() }()
	fn = func() { calls = append(calls, "replaced") }
	fn()
	x = 2
}`)
	done := make(chan error, 1)
	go func() { done <- f.s.Execute(context.Background(), "run()") }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run() hangs")
	}
	f.expect("calls", "[replaced cleanup 2 original]")
}

// TestTemplateErrorsNameTheCellsTypes checks cellcheck's templateCall: a
// template's error names a cell's type as Go does, where it named the
// interpreter's struct, and still unwraps to the template's own error.
func TestTemplateErrorsNameTheCellsTypes(t *testing.T) {
	f := newFixture(t)
	f.ok("import (\n\t\"errors\"\n\t\"io\"\n\t\"text/template\"\n)")
	f.ok("type user struct{ Name string }")
	f.expect(`tpl := template.Must(template.New("t").Parse("{{.Missing}}"))
err := tpl.Execute(io.Discard, user{"ann"})
var exec template.ExecError
[]any{err.Error(), errors.As(err, &exec)}`,
		`[template: t:1:2: executing "t" at <.Missing>: can't evaluate field Missing in type main.user true]`)
	f.ok(`func render(w io.Writer, u user) error { return template.Must(template.New("r").Parse("{{.Age}}")).Execute(w, u) }`)
	f.expect(`render(io.Discard, user{"bo"}).Error()`, `"template: r:1:2: executing \"r\" at <.Age>: can't evaluate field Age in type main.user"`)
}

// TestErrorsNameTheCellsStructTypes checks that a cell's failure names
// the cells' struct types as Go does, where the interpreter wrote its
// struct { W float64; H float64 }.
func TestErrorsNameTheCellsStructTypes(t *testing.T) {
	f := newFixture(t)
	f.ok("type rect struct{ W, H float64 }\ntype circle struct{ R float64 }")
	err := f.s.Execute(context.Background(), "var s any = rect{1, 2}\n_ = s.(*circle)")
	if err == nil || !strings.Contains(err.Error(), "interface {} is main.rect, not *main.circle") {
		t.Errorf("got %v", err)
	}
}

// TestRecoveredAssertionsAreRuntimeErrors checks recoveredValue: a failed
// type assertion recovered in a cell is a runtime.Error whose message is
// Go's, naming the cells' types, where yaegi gave an error carrying the
// cell position and the interpreter's struct; an index or nil error is a
// runtime.Error, where yaegi gave package reflect's panic.
func TestRecoveredAssertionsAreRuntimeErrors(t *testing.T) {
	f := newFixture(t)
	f.ok("import (\n\t\"fmt\"\n\t\"runtime\"\n)")
	f.ok("type rect struct{ W, H float64 }\ntype circle struct{ R float64 }")
	f.ok(`func try(f func()) (msg string) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		msg = fmt.Sprint(isRuntime, " ", r)
	}()
	f()
	return ""
}`)
	f.expect(`var s any = rect{1, 2}
try(func() { _ = s.(*circle) })`, `"true interface conversion: interface {} is main.rect, not *main.circle"`)
	// Index and nil errors, which yaegi raises through reflect, are
	// runtime.Errors too (without the index and length Go reports).
	f.expect(`xs := []int{1}
i := 3
var p *rect
[]string{try(func() { fmt.Sprint(xs[i]) }), try(func() { fmt.Sprint(p.W) })}`,
		`[true runtime error: index out of range true runtime error: invalid memory address or nil pointer dereference]`)
	// The operand's interface is named, recovered or not.
	f.ok("type shape interface{ area() float64 }\nfunc (r rect) area() float64 { return r.W * r.H }\nfunc (c *circle) area() float64 { return c.R }")
	f.expect(`var sh shape = rect{1, 2}
try(func() { _ = sh.(*circle) })`, `"true interface conversion: main.shape is main.rect, not *main.circle"`)
	err := f.s.Execute(context.Background(), "c := sh.(*circle)\n_ = c")
	if err == nil || !strings.Contains(err.Error(), "RuntimeError") || !strings.Contains(err.Error(), "interface conversion: main.shape is main.rect, not *main.circle") {
		t.Errorf("uncaught: got %v", err)
	}
}

// TestInterfacesCompareWithConcreteValues checks cellcheck's
// mixedComparison: a value of a cell's type in a non-empty interface
// equals the same concrete value, as in Go (yaegi said false), on either
// side of == and !=, in statements and in a function.
func TestInterfacesCompareWithConcreteValues(t *testing.T) {
	f := newFixture(t)
	f.ok("type shape interface{ area() float64 }\ntype rect struct{ w, h float64 }\nfunc (r rect) area() float64 { return r.w * r.h }")
	f.ok("func same(s shape, r rect) bool { return s == r }")
	f.expect(`var s shape = rect{2, 2}
[]bool{s == rect{2, 2}, rect{2, 2} == s, s != rect{1, 1}, s == rect{1, 1}, same(s, rect{2, 2}), same(nil, rect{})}`,
		"[true true true false true false]")
}

// TestResultsStartAtZero checks results.go: named results start at their
// zero values on every call (yaegi started them at the caller's previous
// result, so count counted on: 2 4 6), and a function that recovers
// returns zero values for the results it did not set, named or not.
func TestResultsStartAtZero(t *testing.T) {
	f := newFixture(t)
	f.ok(`func count(xs []int) (n int) {
	for range xs {
		n++
	}
	return
}

func parse(s string) int {
	defer func() { recover() }()
	if s == "" {
		panic("empty")
	}
	return len(s)
}

type pair[K comparable, V any] struct{ k K; v V }

func tally(words []string) (p pair[string, int], err error) {
	for _, w := range words {
		p.k += w
		p.v++
	}
	return
}`)
	f.expect(`var got []int
for i := 0; i < 3; i++ {
	c := count([]int{1, 2})
	p := parse([]string{"ab", ""}[i%2])
	got = append(got, c, p)
}
half := func() (h float64) { h += 0.5; return }
var t pair[string, int]
for range 2 {
	t, _ = tally([]string{"a", "b"})
}
[]any{got, half(), half(), t.k, t.v}`, "[[2 2 2 0 2 2] 0.5 0.5 ab 2]")
}

// TestDeferredLiteralsInLoopsSeeTheirIteration checks cellcheck's
// deferredLoopClosures: a literal deferred in a loop sees the variables of
// its iteration (yaegi made it when the function returned: every one saw
// the last, so "b" was closed twice and "a" never).
func TestDeferredLiteralsInLoopsSeeTheirIteration(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "fmt"`)
	f.ok(`type file struct{ name string; closed bool }

func (f *file) close(log *[]string) { *log = append(*log, f.name); f.closed = true }

func openAll(names []string) (log []string, all []*file) {
	func() {
		for i, name := range names {
			f := &file{name: name}
			all = append(all, f)
			defer func() { f.close(&log) }()
			defer func(tag string) { log = append(log, fmt.Sprint(tag, i)) }("#")
		}
	}()
	return
}`)
	f.expect("log, all := openAll([]string{\"a\", \"b\"})\n[]any{log, all[0].closed, all[1].closed}", "[[#1 b #0 a] true true]")
}

// TestCommaOkAssignmentsInIfHeaders checks ifInit: a comma-ok assignment
// to existing variables in an if header (commaOkEdits makes it a block,
// which the header cannot hold: the cell failed to compile), in an else
// branch too, assigning a missing key's zero value.
func TestCommaOkAssignmentsInIfHeaders(t *testing.T) {
	f := newFixture(t)
	f.ok(`func lookup(m map[string]int, a, b string) (v int, ok bool, which string) {
	v = -1
	if v, ok = m[a]; ok {
		which = a
	} else if v, ok = m[b]; ok {
		which = b
	}
	return
}`)
	f.expect(`m := map[string]int{"x": 1, "y": 2}
v1, ok1, w1 := lookup(m, "x", "y")
v2, ok2, w2 := lookup(m, "q", "y")
v3, ok3, w3 := lookup(m, "q", "r")
[]any{v1, ok1, w1, v2, ok2, w2, v3, ok3, w3}`, "[1 true x 2 true y 0 false ]")
}

// TestCompiledInterfacesHoldTheirOwnValues checks cellcheck's
// conversions.go and the runtime's holdingError and sameValue: yaegi's
// wrappers read the converted expression's slot when a method is called
// (errors appended in a loop all said the last one, an error made from a
// variable changed with it), held a struct's last field (so assertions
// and errors.As failed), made a nil pointer a nil error, and could not be
// compared (func fields).
func TestCompiledInterfacesHoldTheirOwnValues(t *testing.T) {
	f := newFixture(t)
	f.ok("import (\n\t\"errors\"\n\t\"fmt\"\n)")
	f.ok(`type rangeError struct {
	field string
	got   int
}

func (e rangeError) Error() string { return fmt.Sprint(e.field, "=", e.got) }

type lineError struct{ line int }

func (e *lineError) Error() string { return fmt.Sprint("line ", e.line) }

type level int

func (l level) String() string { return fmt.Sprint("L", int(l)) }

func check(n int) error {
	var le *lineError
	if n < 0 {
		le = &lineError{n}
	}
	return le
}`)
	f.expect(`var errs []error
var names []fmt.Stringer
for i := 0; i < 3; i++ {
	errs = append(errs, rangeError{"n", i}, &lineError{i})
	names = append(names, level(i))
}
fmt.Sprint(errs, names)`, `"[n=0 line 0 n=1 line 1 n=2 line 2] [L0 L1 L2]"`)
	f.expect(`x := rangeError{"a", 1}
var held error = x
x.got = 7
re, ok := held.(rangeError)
var target rangeError
wrapped := fmt.Errorf("wrapped: %w", held)
[]any{held.Error(), re.got, ok, errors.As(wrapped, &target), target.got}`, "[a=1 1 true true 1]")
	f.expect(`err := check(1)
fmt.Sprintf("%v %T", err != nil, err)`, `"true *main.lineError"`)
	f.expect(`var e1, e2, e3 error = rangeError{"b", 2}, rangeError{"b", 2}, rangeError{"b", 3}
[]any{e1 == e2, e1 != e3, e1 == errs[0], errs[0] == errs[0]}`, "[true true false true]")
}

// TestEmptyInterfacesAssertCellsErrorsToError checks cellcheck's
// errorassertions.go: a value of a cell's struct type in an any (what
// recover returns) is its bare struct to yaegi, so r.(error) and a type
// switch's case error missed a validationError with an Error method.
func TestEmptyInterfacesAssertCellsErrorsToError(t *testing.T) {
	f := newFixture(t)
	f.ok("import \"fmt\"")
	f.ok("type validationError struct{ field string }")
	f.ok(`func (v validationError) Error() string { return "invalid " + v.field }

type quota struct{ left int }

func (q *quota) Error() string { return fmt.Sprint(q.left, " left") }

func kind(f func()) (s string) {
	defer func() {
		switch v := recover().(type) {
		case error:
			s = fmt.Sprintf("error %v (%T)", v, v)
		default:
			s = fmt.Sprintf("other %v", v)
		}
	}()
	f()
	return
}`)
	f.expect(`a := kind(func() { panic(validationError{"email"}) })
b := kind(func() { panic(&quota{2}) })
c := kind(func() { panic(quota{3}) })
var x any = validationError{"name"}
e, ok := x.(error)
msg := e.Error()
_, okQuota := any(quota{1}).(error)
[]any{a, b, c, ok, msg, okQuota}`, `[error invalid email (main.validationError) error 2 left (*main.quota) other {3} true invalid name false]`)
	f.expect(`func() (s string) {
	defer func() { s = fmt.Sprint(recover()) }()
	_ = any(quota{1}).(error)
	return
}()`, `"interface conversion: main.quota is not error: missing method Error"`)
}

// TestAssertionsToTheCellsInterfaces checks cellcheck's
// interfaceassertions.go: yaegi's v.(Shape) of an any crashed the cell
// (reflect.Set … interp.valueInterface) or said false, depending on how
// the any was filled, and matched no compiled value (errors.Join's error
// against interface{ Unwrap() []error }); and show.go's printing of a nil
// Shape, which crashed.
func TestAssertionsToTheCellsInterfaces(t *testing.T) {
	f := newFixture(t)
	f.ok("import (\n\t\"errors\"\n\t\"fmt\"\n)")
	f.ok(`type Shape interface{ Area() float64 }

type Rect struct{ w, h float64 }

func (r Rect) Area() float64 { return r.w * r.h }

type Square struct{ s float64 }

func (q *Square) Area() float64 { return q.s * q.s }

func describe(v any) string {
	if s, ok := v.(Shape); ok {
		return fmt.Sprint("shape ", s.Area())
	}
	switch s := v.(type) {
	case interface{ Unwrap() []error }:
		return fmt.Sprint("joined ", len(s.Unwrap()))
	case fmt.Stringer:
		return "stringer"
	}
	return "other"
}`)
	f.expect(`var held any = Rect{1, 2}
var none Shape
[]any{describe(Rect{2, 3}), describe(&Square{2}), describe(held), describe(3), describe(nil),
	describe(errors.Join(errors.New("a"), errors.New("b"))), held.(Shape).Area(), none == nil, fmt.Sprint(none)}`,
		"[shape 6 shape 4 shape 2 other other joined 2 2 true <nil>]")
	f.expect(`func() (s string) {
	defer func() { s = fmt.Sprint(recover()) }()
	_ = any(Square{1}).(Shape)
	return
}()`, `"interface conversion: main.Square is not main.Shape: missing method Area"`)
}

// TestRuntimeDeclaresTheCompiledMethodSets checks that the runtime
// exports each interface cellcheck.CompiledMethodSets names, with its
// method set.
func TestRuntimeDeclaresTheCompiledMethodSets(t *testing.T) {
	exports := (&Session{}).runtimeExports()[rtName+"/"+rtName]
	for name, src := range cellcheck.CompiledMethodSets {
		v, ok := exports[name]
		if !ok {
			t.Errorf("the runtime does not export %s", name)
			continue
		}
		it := v.Type().Elem()
		if it.Kind() != reflect.Interface || it.NumMethod() != 1 {
			t.Errorf("%s: %v is not an interface of one method", name, it)
			continue
		}
		m := it.Method(0)
		got := "interface{ " + m.Name + strings.ReplaceAll(strings.TrimPrefix(m.Type.String(), "func"), "interface {}", "any") + " }"
		if got != src {
			t.Errorf("%s is %s, want %s", name, got, src)
		}
	}
}

// TestMapElementsTakeTheResultsOfACall checks cellcheck's mapassign.go:
// yaegi assigned nothing to vals[k] and errs[k] in vals[k], errs[k] =
// get(k), silently.
func TestMapElementsTakeTheResultsOfACall(t *testing.T) {
	f := newFixture(t)
	f.ok("import (\n\t\"errors\"\n\t\"fmt\"\n)")
	f.ok(`func get(k string) (int, error) { return len(k), errors.New("no " + k) }`)
	f.expect(`vals, errs := map[string]int{}, map[string]error{}
for _, k := range []string{"x", "yy"} {
	vals[k], errs[k] = get(k)
}
var last [2]error
_, last[1] = get("z")
fmt.Sprint(vals, errs, last)`, `"map[x:1 yy:2] map[x:no x yy:no yy] [<nil> no z]"`)
}

// TestAssertionsToCompiledInterfacesAndErrorsAs checks the rest of
// interfaceassertions.go and errorsas.go: v.(fmt.Stringer) of a nil any
// crashed yaegi, of a Rect held its last field (String saw nothing), and
// errors.As into a cell's interface found nothing.
func TestAssertionsToCompiledInterfacesAndErrorsAs(t *testing.T) {
	f := newFixture(t)
	f.ok("import (\n\t\"errors\"\n\t\"fmt\"\n)")
	f.ok(`type Rect struct{ W, H float64 }

func (r Rect) String() string { return fmt.Sprintf("Rect(%gx%g)", r.W, r.H) }

type Temporary interface{ Temporary() bool }

type netErr struct {
	msg  string
	temp bool
}

func (e netErr) Error() string   { return e.msg }
func (e netErr) Temporary() bool { return e.temp }

func str(v any) string {
	if s, ok := v.(fmt.Stringer); ok {
		return s.String()
	}
	return "-"
}`)
	f.expect(`var t Temporary
err := fmt.Errorf("call: %w", netErr{"timeout", true})
[]any{str(nil), str(Rect{1, 2}), str(3), errors.As(err, &t), t != nil && t.Temporary(), errors.As(errors.New("x"), &t)}`,
		"[- Rect(1x2) - true true false]")
}

// TestTemplatesCallTheCellsMethods checks cellcheck's templates.go and
// package templateview in a session: a template's {{.Total}} of a cell's
// method failed ("can't evaluate field Total"); methods with value and
// pointer receivers, declared in a later cell than the type, through a
// slice, ExecuteTemplate and html/template, a view printing as its value,
// and an error naming the cell's type.
func TestTemplatesCallTheCellsMethods(t *testing.T) {
	f := newFixture(t)
	f.ok("import (\n\thtml \"html/template\"\n\t\"strings\"\n\t\"text/template\"\n)")
	f.ok("type Line struct {\n\tItem  string\n\tQty   int\n\tPrice float64\n}")
	f.ok(`func (l Line) Total() float64 { return float64(l.Qty) * l.Price }

func (l *Line) Tag() string { return "<" + l.Item + ">" }`)
	f.expect(`var b strings.Builder
t := template.Must(template.New("t").Parse("{{range .}}{{.Item}} {{printf \"%.2f\" .Total}} {{.Tag}}; {{end}}"))
err := t.Execute(&b, []Line{{"widget", 10, 2.5}, {"gizmo", 1, 100}})
t2 := template.Must(template.New("u").Parse("{{define \"row\"}}{{.}}={{.Total}}{{end}}"))
err2 := t2.ExecuteTemplate(&b, "row", Line{"fig", 2, 1.5})
h := html.Must(html.New("h").Parse(" {{.Tag}}"))
err3 := h.Execute(&b, &Line{Item: "a&b"})
err4 := template.Must(template.New("m").Parse("{{.Missing}}")).Execute(&b, Line{})
[]any{b.String(), err, err2, err3, err4.Error()}`,
		`[widget 25.00 <widget>; gizmo 100.00 <gizmo>; {fig 2 1.5}=3 &lt;a&amp;b&gt; <nil> <nil> <nil> template: m:1:2: executing "m" at <.Missing>: can't evaluate field Missing in type main.Line]`)
}

// TestGoLiteralsInLoopsSeeTheirIteration checks cellcheck's closures.go
// for go statements: a goroutine's literal read the loop's variable from
// the frame while the loop went on, so some goroutines saw a later
// iteration's i. Without the rewrite, rounds of 1,000 goroutines summing i
// came out short of 500,500 in most runs (here 20 rounds must all be
// right). The WaitGroup and
// the counter, whose pointer methods the literal calls, stay shared (a
// copy of the WaitGroup would never be done). They are declared outside
// the loops: a goroutine still reads a shared variable declared in an
// enclosing loop's body when it runs, which may be a later round's.
func TestGoLiteralsInLoopsSeeTheirIteration(t *testing.T) {
	f := newFixture(t)
	f.ok("import (\n\t\"sync\"\n\t\"sync/atomic\"\n)")
	f.ok(`func shortRounds() int {
	short := 0
	var wg sync.WaitGroup
	var total atomic.Uint64
	for round := 0; round < 20; round++ {
		total.Store(0)
		for i := 1; i <= 1000; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				total.Add(uint64(i))
			}()
		}
		wg.Wait()
		if total.Load() != 500500 {
			short++
		}
	}
	return short
}`)
	f.expect("shortRounds()", "0")
}

// TestGoroutinesDeferredCallPanicIsRecovered checks goroutines.go's
// body-in-a-function: a goroutine whose deferred call panicked (a second
// close) ended the process, because yaegi leaves a function's deferred
// calls at the first that panics and the report's recover never ran.
func TestGoroutinesDeferredCallPanicIsRecovered(t *testing.T) {
	f := newFixture(t)
	f.ok("import \"time\"")
	f.ok(`ch := make(chan int)
go func() {
	defer close(ch)
	defer close(ch)
}()
time.Sleep(50 * time.Millisecond)`)
	for deadline := time.Now().Add(2 * time.Second); !strings.Contains(f.errOut.String(), "close of closed channel"); {
		if time.Now().After(deadline) {
			t.Fatalf("stderr %q does not report the goroutine's panic", f.errOut.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	f.expect(`_, open := <-ch
open`, "false")
}
