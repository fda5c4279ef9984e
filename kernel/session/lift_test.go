package session

import (
	"runtime/debug"
	"strings"
	"testing"
)

// TestTopLevelStatementsBehaveAsInAFunction runs, at a cell's top level,
// the constructs yaegi gets wrong there but right inside a function body,
// and checks the values compiled Go gives.
func TestTopLevelStatementsBehaveAsInAFunction(t *testing.T) {
	f := newFixture(t)
	f.ok("import \"strconv\"\nimport \"fmt\"")
	f.ok(`total := 0
for i := 0; i < 3; i++ {
	v, err := strconv.Atoi(strconv.Itoa(i + 1))
	if err != nil {
		panic(err)
	}
	total += v
}
{ a, b := 10, 20; total += a + b }`)
	f.expect("total", "36")
	f.ok(`m := map[string]int{"a": 1}
v, ok := m["a"]
_, missing := m["b"]
ch := make(chan int, 1)
ch <- 7
x, open := <-ch
var any1 any = "s"
s, isString := any1.(string)
kind := ""
switch w := any1.(type) {
case int:
	kind = "int"
case string:
	kind = "string " + w
}`)
	f.expect(`fmt.Sprint(v, ok, missing, x, open, s, isString, kind)`, `"1 true false 7 truestruestring s"`) // Sprint puts no space next to a string
	f.ok("y0 := 3\nvar y = y0 * 2")
	f.expect("y", "6")
}

// TestRedefinedVariableKeepsItsUsers checks that a cell redefining a
// variable with the same type assigns it (a function declared earlier sees
// the new value) and with another type declares it again.
func TestRedefinedVariableKeepsItsUsers(t *testing.T) {
	f := newFixture(t)
	f.ok("n := 1")
	f.ok("func get() int { return n }")
	f.ok("n := 5")
	f.expect("get()", "5")
	f.ok(`n := "five"`)
	f.expect("n", `"five"`)
}

// TestCheckerMessagesForWrongCode checks that code the compiler rejects
// gets the compiler's message where yaegi's would mislead.
func TestCheckerMessagesForWrongCode(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "strconv"`)
	e := f.fail("for i := 0; i < 2; i++ {\n\tloss, err := strconv.Atoi(\"1\")\n\t_ = loss\n}")
	if e.Name != "CompileError" || !strings.Contains(e.Value, "declared and not used: err") || e.Line != 2 {
		t.Errorf("got %s %q at line %d, want the unused err at line 2", e.Name, e.Value, e.Line)
	}
}

func TestGenericsAndNewOfValue(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "strconv"`)
	f.ok("func Map[T, U any](s []T, f func(T) U) []U { r := make([]U, 0, len(s)); for _, v := range s { r = append(r, f(v)) }; return r }")
	f.expect(`Map([]int{1, 2}, strconv.Itoa)`, "[1 2]")
	f.expect("p := new(40 + 2)\n*p", "42")
}

// TestLoopVariablesArePerIteration checks Go 1.22's loop variables: each
// iteration's closure sees its own value, also when the body changes the
// variable of a three-clause loop.
func TestLoopVariablesArePerIteration(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "fmt"`)
	f.ok(`var fs []func() int
for i := 0; i < 3; i++ { fs = append(fs, func() int { return i }) }
for _, v := range []int{10, 20} { fs = append(fs, func() int { return v }) }
for i := 0; i < 6; i++ { i++; fs = append(fs, func() int { return i }) }
var ptrs []*int
for k := range []string{"a", "b"} { ptrs = append(ptrs, &k) }
out := ""
for _, f := range fs { out += fmt.Sprint(f(), " ") }
out += fmt.Sprint(*ptrs[0], *ptrs[1])`)
	f.expect("out", `"0 1 2 10 20 1 3 5 0 1"`)
}

// TestDeclaredMainRunsWhenCalled pastes a whole program: it runs when main
// is called, not after every later cell.
func TestDeclaredMainRunsWhenCalled(t *testing.T) {
	f := newFixture(t)
	f.ok("package main\n\nimport \"fmt\"\n\nvar runs int\n\nfunc main() {\n\truns++\n\tfmt.Println(\"ran\")\n}")
	f.expect("runs", "0")
	f.ok("main()")
	f.ok("x := 1")
	f.expect("runs", "1")
}

// TestSimpleDefinitionsKeepTheirTypes checks that a variable defined by a
// simple statement (evaluated at the top level) is known to later lifted
// runs by its type.
func TestSimpleDefinitionsKeepTheirTypes(t *testing.T) {
	f := newFixture(t)
	f.ok("base := 20")
	f.ok("m := map[int]int{1: 1}\nv, ok := m[1]\ndoubled := base * 2")
	if d := f.s.store.byName["doubled"]; d == nil || d.typ != "int" {
		t.Errorf("doubled: %+v, want a lifted variable of type int", d)
	}
	f.expect("doubled + v", "41")
}

// TestDeclarationsAfterStatementsSeeEachOther checks that the
// declarations following a cell's statements are evaluated together, so
// that a function may call one declared below it.
func TestDeclarationsAfterStatementsSeeEachOther(t *testing.T) {
	f := newFixture(t)
	f.ok("base := 2\nfunc twice(x int) int { return add(x, x) }\nfunc add(a, b int) int { return a + b }")
	f.expect("twice(base)", "4")
}

// TestToolchainStandardLibrary checks API the interpreter lacked with
// yaegi's Go 1.22 tables (os/exec, (*log.Logger).SetPrefix), and that
// os.Exit stops the cell, not the kernel.
func TestToolchainStandardLibrary(t *testing.T) {
	f := newFixture(t)
	f.ok("import \"os/exec\"\nimport \"log\"\nimport \"strings\"\nimport \"os\"")
	f.expect(`out, err := exec.Command("echo", "hi").Output()
var b strings.Builder
l := log.New(&b, "", 0)
l.SetPrefix("p: ")
l.Print("x")
string(out) + b.String() + l.Prefix()`, `"hi\np: x\np: "`)
	if e := f.fail("os.Exit(3)"); !strings.Contains(e.Value, "os.Exit(3)") {
		t.Errorf("os.Exit: %s %q", e.Name, e.Value)
	}
	f.expect("1 + 1", "2")
}

// TestSeveralVarDeclarationsInOneRun checks that zero-valued var
// declarations of one lifted run do not clash with each other.
func TestSeveralVarDeclarationsInOneRun(t *testing.T) {
	f := newFixture(t)
	f.ok("n := 1\nvar a []int\nfor i := 0; i < 2; i++ { a = append(a, i) }\nvar b []string\nb = append(b, \"x\")")
	f.expect("len(a) + len(b) + n", "4")
}

// TestCommaOkAssignsTheZeroValue checks v, ok = m[k] for a missing key
// (yaegi kept v's old value), at the top level and in a function.
func TestCommaOkAssignsTheZeroValue(t *testing.T) {
	f := newFixture(t)
	f.ok("m := map[string]int{\"a\": 5}\nv, ok := m[\"a\"]\nv, ok = m[\"b\"]")
	f.expect("v", "0")
	f.ok("func lookup(k string) int { v, ok := m[\"a\"]; v, ok = m[k]; _ = ok; return v }")
	f.expect(`lookup("zz")`, "0")
}

// TestHugeAllocationsAreMemoryErrors checks that a make or a gonum matrix
// larger than the memory limit stops the cell with a MemoryError before
// allocating (the runtime would end the process), keeping state.
func TestHugeAllocationsAreMemoryErrors(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 30))
	f := newFixture(t)
	f.ok("import \"gonum.org/v1/gonum/mat\"\nkept := 17")
	for _, cell := range []string{
		"huge := make([]byte, 80<<30)\n_ = huge",
		"for i := 0; i < 1; i++ { buf := make([]float64, 10, 1<<40); _ = buf }",
		"m := mat.NewDense(100000, 100000, nil)\n_ = m",
	} {
		if e := f.fail(cell); e.Name != "MemoryError" || !strings.Contains(e.Value, "memory limit of 1.0 GiB") {
			t.Errorf("%q: got %s %q, want a MemoryError naming the 1 GiB limit", cell, e.Name, e.Value)
		}
	}
	f.expect("small := make([]int, 3)\nlen(small) + kept", "20")
	f.expect("mat.NewDense(2, 2, nil).At(1, 1)", "0")
}

// TestTypedRewritesInFunctionBodies checks that the type checker's
// rewrites reach declarations too: min and max of any ordered type (NaN
// and -0 as Go has them), and a generic function's instance.
func TestTypedRewritesInFunctionBodies(t *testing.T) {
	f := newFixture(t)
	f.ok("import \"math\"\nimport \"strconv\"\nimport \"fmt\"")
	f.ok(`type Celsius float32
func coldest(a, b Celsius) Celsius { return min(a, b, 100) }
func longest(a, b string) string { return max(a, b) }
func Map[T, U any](s []T, f func(T) U) []U { r := make([]U, 0, len(s)); for _, v := range s { r = append(r, f(v)) }; return r }
func labels(xs []int) []string { return Map(xs, strconv.Itoa) }
func nanMin() string { return fmt.Sprint(min(1.0, math.NaN()), min(0.0, math.Copysign(0, -1))) }`)
	f.expect("coldest(21.5, -3)", "-3")
	f.expect(`longest("b", "ab")`, `"b"`)
	f.expect("labels([]int{7, 8})", "[7 8]")
	f.expect("nanMin()", `"NaN -0"`)
}

// TestRangeOverFunctions checks Go 1.23 iterators: functions of iter.Seq
// types written by a cell, ranged over with break and continue, at the
// top level and in functions.
func TestRangeOverFunctions(t *testing.T) {
	f := newFixture(t)
	f.ok("import \"iter\"\nimport \"fmt\"")
	f.ok(`func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}
func Pairs(words []string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, w := range words {
			if !yield(i, w) {
				return
			}
		}
	}
}
func sumTo(limit int) int {
	total := 0
	for v := range Count(100) {
		if v%2 == 1 {
			continue
		}
		if v > limit {
			break
		}
		total += v
	}
	return total
}`)
	f.expect("sumTo(10)", "30")
	f.ok(`out := ""
for i, w := range Pairs([]string{"a", "b", "c"}) {
	switch {
	case i == 1:
		continue
	}
	out += fmt.Sprint(i, w)
}
var seq iter.Seq[int] = Count(3)
n := 0
for range seq { n++ }`)
	f.expect("out", `"0a2c"`)
	f.expect("n", "3")
}
