package session

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/traefik/yaegi/stdlib"
)

// waitStderr waits up to two seconds for want to appear on the fixture's
// standard error.
func (f *fixture) waitStderr(want string) {
	f.t.Helper()
	for deadline := time.Now().Add(2 * time.Second); !strings.Contains(f.errOut.String(), want); {
		if time.Now().After(deadline) {
			f.t.Fatalf("stderr %q does not report %q", f.errOut.String(), want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Callbacks that compiled code runs on goroutines of its own: a panic there
// is reported and the process goes on (without the guard the test binary
// itself would die). Each case covers one path: a typed guard (func()), the
// generic reflect guard (fd.Jacobian's func(y, x []float64)), and a guard
// whose panic must reach interpreted code (a go statement's goroutine).
func TestCallbackPanicOnCompiledGoroutineIsReported(t *testing.T) {
	f := newFixture(t)
	f.ok("kept := 11")
	f.ok(`import "time"
time.AfterFunc(5*time.Millisecond, func() { panic("in a timer") })
time.Sleep(100 * time.Millisecond)`)
	f.waitStderr("panic in a func that time.AfterFunc ran on a goroutine of its own")
	f.waitStderr("in a timer")

	f.ok(`import "context"
ctx, cancel := context.WithCancel(context.Background())
context.AfterFunc(ctx, func() { var m map[string]int; m["a"] = 1 })
cancel()
time.Sleep(100 * time.Millisecond)`)
	f.waitStderr("context.AfterFunc ran on a goroutine of its own")
	f.waitStderr("assignment to entry in nil map")

	// The generic guard: a callback type with no typed guard, whose zero
	// results are returned after the panic.
	f.ok(`import "gonum.org/v1/gonum/diff/fd"
import "gonum.org/v1/gonum/mat"
jac := mat.NewDense(2, 2, nil)
fd.Jacobian(jac, func(y, x []float64) { if x[0] > 1 { panic("in a Jacobian") }; y[0], y[1] = x[0], x[1] }, []float64{1, 2}, &fd.JacobianSettings{Concurrent: true})`)
	f.waitStderr("panic in a func that fd.Jacobian ran on a goroutine of its own")
	f.waitStderr("in a Jacobian")

	// A callback run synchronously inside a go statement's goroutine: its
	// panic reaches the goroutine's own guard, which reports it.
	f.ok(`import "sort"
xs := []int{3, 1, 2}
go sort.Slice(xs, func(i, j int) bool { panic("less in a goroutine") })
time.Sleep(100 * time.Millisecond)`)
	f.waitStderr("panic in the goroutine started at line 3")
	f.waitStderr("less in a goroutine")
	f.expect("kept", "11")
}

// A callback that compiled code calls on the cell's own goroutine keeps Go's
// meaning: its panic is the cell's error, and a callback that returns
// normally works as before.
func TestSynchronousCallbackPanicIsTheCellsError(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "sort"
import "strings"
xs := []int{3, 1, 2}`)
	e := f.fail(`sort.Slice(xs, func(i, j int) bool { panic("in less") })`)
	if !strings.Contains(e.Value, "in less") {
		t.Fatalf("error %q does not carry the callback's panic", e.Value)
	}
	if strings.Contains(f.errOut.String(), "goroutine of its own") {
		t.Fatalf("a synchronous callback's panic was reported as a background one: %q", f.errOut.String())
	}
	f.expect("sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })\nxs", "[1 2 3]")
	f.expect(`strings.Map(func(r rune) rune { return r + 1 }, "HAL")`, `"IBM"`)
	f.expect(`strings.FieldsFunc("a,b;c", func(r rune) bool { return r == ',' || r == ';' })`, "[a b c]")
	// A callback of a named func type (filepath.WalkFunc) keeps its type.
	f.expect(`import "path/filepath"
import "io/fs"
seen := 0
filepath.Walk(`+"`"+t.TempDir()+"`"+`, func(path string, info fs.FileInfo, err error) error { seen++; return err })
seen`, "1")
}

func TestGuardedExportsWrapOnlyFunctionsTakingFuncs(t *testing.T) {
	s := &Session{}
	guarded := s.guardedExports(stdlib.Symbols)
	same := func(pkg, name string) bool {
		return guarded[pkg][name].Pointer() == stdlib.Symbols[pkg][name].Pointer()
	}
	if same("time/time", "AfterFunc") || same("sort/sort", "Slice") || same("context/context", "AfterFunc") {
		t.Fatal("a function taking a func argument was not wrapped")
	}
	if !same("time/time", "Sleep") || !same("strings/strings", "ToUpper") {
		t.Fatal("a function without func arguments was wrapped")
	}
	if !same("net/http/http", "HandleFunc") {
		t.Fatal("net/http, which recovers its handlers' panics, was wrapped")
	}
	if got := guarded["time/time"]["AfterFunc"].Type(); got != reflect.TypeOf(time.AfterFunc) {
		t.Fatalf("the wrapper has type %v, want time.AfterFunc's", got)
	}
	if reflect.ValueOf(stdlib.Symbols["time/time"]["AfterFunc"]).IsZero() ||
		stdlib.Symbols["time/time"]["AfterFunc"].Pointer() != reflect.ValueOf(time.AfterFunc).Pointer() {
		t.Fatal("the standard library's table was modified")
	}
}
