package stdsyms_test

import (
	"bytes"
	"crypto/sha3"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gophlow/gophlow/kernel/stdsyms"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// newInterp returns an unrestricted interpreter using stdsyms.Symbols and
// the buffer its standard output and error go to.
func newInterp(t *testing.T) (*interp.Interpreter, *bytes.Buffer) {
	t.Helper()
	var out bytes.Buffer
	in := interp.New(interp.Options{Unrestricted: true, Stdout: &out, Stderr: &out})
	if err := in.Use(stdsyms.Symbols); err != nil {
		t.Fatal(err)
	}
	return in, &out
}

// eval evaluates each source in turn (yaegi takes imports, declarations
// and statements in separate Evals) and returns the last value.
func eval(t *testing.T, in *interp.Interpreter, srcs ...string) reflect.Value {
	t.Helper()
	var v reflect.Value
	for _, src := range srcs {
		var err error
		if v, err = in.Eval(src); err != nil {
			t.Fatalf("%s: %v", src, err)
		}
	}
	return v
}

func needTables(t *testing.T) {
	t.Helper()
	if stdsyms.GoVersion == "" {
		t.Skip("built with a toolchain older than the tables: Symbols holds yaegi's own tables")
	}
}

func TestBasics(t *testing.T) {
	in, out := newInterp(t)
	v := eval(t, in,
		`import ("fmt"; "math"; "sort"; "strings")`,
		`type celsius float64`,
		`func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }`,
		`words := strings.Fields("pear fig apple")`,
		`sort.Strings(words)`,
		`fmt.Println(strings.Join(words, ","), math.Sqrt(16), celsius(21.5))`,
		`fmt.Sprint(celsius(-3))`)
	if got := v.String(); got != "-3.0°C" {
		t.Errorf("fmt.Sprint of an interpreted Stringer = %q", got)
	}
	if got := out.String(); got != "apple,fig,pear 4 21.5°C\n" {
		t.Errorf("output %q", got)
	}
}

func TestOsExec(t *testing.T) {
	in, _ := newInterp(t)
	v := eval(t, in,
		`import "os/exec"`,
		`out, err := exec.Command("echo", "hi").Output()`,
		`if err != nil { panic(err) }`,
		`string(out)`)
	if got := v.String(); got != "hi\n" {
		t.Errorf("echo hi printed %q", got)
	}
}

func TestLoggerSetPrefix(t *testing.T) {
	in, _ := newInterp(t)
	v := eval(t, in,
		`import ("bytes"; "log")`,
		`var buf bytes.Buffer`,
		`l := log.New(&buf, "", 0)`,
		`l.SetPrefix("cell: ")`,
		`l.Print("hello")`,
		`l.Prefix() + "|" + buf.String()`)
	if got := v.String(); got != "cell: |cell: hello\n" {
		t.Errorf("got %q", got)
	}
}

// Go 1.24 API: os.Root, crypto/sha3, strings.SplitSeq and strings.Lines;
// Go 1.26 API: reflect.Value.Fields.
func TestNewAPI(t *testing.T) {
	needTables(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f.txt"), []byte("rooted"), 0o644); err != nil {
		t.Fatal(err)
	}
	in, _ := newInterp(t)
	eval(t, in, `import ("crypto/sha3"; "encoding/hex"; "fmt"; "io"; "os"; "reflect"; "strings")`)

	v := eval(t, in,
		fmt.Sprintf(`root, err := os.OpenRoot(%q)`, dir),
		`if err != nil { panic(err) }`,
		`f, err := root.Open("f.txt")`,
		`if err != nil { panic(err) }`,
		`data, _ := io.ReadAll(f)`,
		`_, escape := root.Open("../x")`,
		`string(data) + " " + fmt.Sprint(escape != nil)`)
	if got := v.String(); got != "rooted true" {
		t.Errorf("os.Root: got %q", got)
	}

	sum := sha3.Sum256([]byte("abc"))
	v = eval(t, in, `sum := sha3.Sum256([]byte("abc"))`, `hex.EncodeToString(sum[:])`)
	if got, want := v.String(), fmt.Sprintf("%x", sum); got != want {
		t.Errorf("sha3.Sum256 = %s, want %s", got, want)
	}

	// An iter.Seq called with a yield function literal.
	v = eval(t, in,
		`var parts []string`,
		`strings.SplitSeq("a,b,c", ",")(func(s string) bool { parts = append(parts, s); return s != "b" })`,
		`lines := 0`,
		`strings.Lines("one\ntwo\nthree")(func(string) bool { lines++; return true })`,
		`strings.Join(parts, "+") + fmt.Sprint(lines)`)
	if got := v.String(); got != "a+b3" {
		t.Errorf("iterators: got %q", got)
	}

	v = eval(t, in,
		`type point struct{ X, Y int }`,
		`var names []string`,
		`reflect.ValueOf(point{1, 2}).Fields()(func(f reflect.StructField, v reflect.Value) bool { names = append(names, fmt.Sprint(f.Name, "=", v.Int())); return true })`,
		`strings.Join(names, " ")`)
	if got := v.String(); got != "X=1 Y=2" {
		t.Errorf("reflect.Value.Fields: got %q", got)
	}
}

// Ranging over a function crashes yaegi v0.16.1's compiler (it predates Go
// 1.23); this records what it does now, so that an upgrade that fixes it is
// noticed in the log.
func TestRangeOverFunc(t *testing.T) {
	needTables(t)
	in, _ := newInterp(t)
	eval(t, in, `import "strings"`)
	var err error
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		_, err = in.Eval("n := 0\nfor range strings.Lines(\"a\\nb\\n\") { n++ }\nn")
	}()
	if err == nil {
		t.Log("yaegi now ranges over iter.Seq: the package doc can say so")
	} else {
		t.Logf("range over strings.Lines fails as documented: %v", err)
	}
}

// An interpreted io.Reader with WriteTo reaches io.Copy through the
// composed wrapper of Symbols["."].
func TestComposedWrapper(t *testing.T) {
	in, _ := newInterp(t)
	v := eval(t, in,
		`import ("bytes"; "io"; "strings")`,
		`type upper struct{ s string }`,
		`func (u *upper) Read(p []byte) (int, error) { return 0, io.EOF }`,
		`func (u *upper) WriteTo(w io.Writer) (int64, error) { n, err := io.WriteString(w, strings.ToUpper(u.s)); return int64(n), err }`,
		`var buf bytes.Buffer`,
		`io.Copy(&buf, &upper{"abc"})`,
		`buf.String()`)
	if got := v.String(); got != "ABC" {
		t.Errorf("io.Copy did not use WriteTo: got %q", got)
	}
}

// Every table can be imported.
func TestEveryTableImports(t *testing.T) {
	in, _ := newInterp(t)
	keys := make([]string, 0, len(stdsyms.Symbols))
	for key := range stdsyms.Symbols {
		if key != "." {
			keys = append(keys, key)
		}
	}
	sort.Strings(keys)
	var src strings.Builder
	src.WriteString("import (\n")
	for i, key := range keys {
		fmt.Fprintf(&src, "\tp%d %q\n", i, filepath.Dir(key))
	}
	src.WriteString(")\n")
	eval(t, in, src.String())
	if stdsyms.GoVersion == "" {
		return
	}
	for _, key := range []string{"os/exec/exec", "os/signal/signal", "log/slog/slog", "math/rand/v2/rand", "testing/testing", "syscall/syscall", "crypto/sha3/sha3"} {
		if _, ok := stdsyms.Symbols[key]; !ok {
			t.Errorf("no table %s", key)
		}
	}
}

// TestUseCost logs how long a fresh interpreter with stdsyms.Symbols takes
// to set up, next to one with yaegi's stdlib.Symbols: the median and the
// fastest of 21 runs of each, interleaved.
func TestUseCost(t *testing.T) {
	setUp := func(table interp.Exports) time.Duration {
		start := time.Now()
		in := interp.New(interp.Options{Unrestricted: true})
		if err := in.Use(table); err != nil {
			t.Fatal(err)
		}
		return time.Since(start)
	}
	setUp(stdsyms.Symbols) // warm up
	setUp(stdlib.Symbols)
	var ours, yaegis []time.Duration
	for range 21 {
		ours = append(ours, setUp(stdsyms.Symbols))
		yaegis = append(yaegis, setUp(stdlib.Symbols))
	}
	count := func(table interp.Exports) (n int) {
		for _, syms := range table {
			n += len(syms)
		}
		return n
	}
	slices.Sort(ours)
	slices.Sort(yaegis)
	t.Logf("interp.New + Use(stdsyms.Symbols): median %v, fastest %v (%d packages, %d symbols)", ours[len(ours)/2], ours[0], len(stdsyms.Symbols), count(stdsyms.Symbols))
	t.Logf("interp.New + Use(stdlib.Symbols):  median %v, fastest %v (%d packages, %d symbols)", yaegis[len(yaegis)/2], yaegis[0], len(stdlib.Symbols), count(stdlib.Symbols))
}
