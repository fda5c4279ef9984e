package symtypes

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/gophlow/gophlow/kernel/symbols"
	"github.com/traefik/yaegi/stdlib"
)

// check type-checks src against the kernel's tables and returns the
// errors and the type of each package-level variable.
func check(t *testing.T, src string) (errs []string, vars map[string]string) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: New(stdlib.Symbols, symbols.Symbols), Error: func(err error) { errs = append(errs, err.Error()) }}
	pkg, _ := conf.Check("main", fset, []*ast.File{f}, nil)
	vars = map[string]string{}
	for _, n := range pkg.Scope().Names() {
		if v, ok := pkg.Scope().Lookup(n).(*types.Var); ok {
			vars[n] = types.TypeString(v.Type(), types.RelativeTo(pkg))
		}
	}
	return errs, vars
}

// TestStandardLibraryAndPreloadedPackages checks a program that uses
// functions, methods on value and pointer receivers, interfaces with
// unexported methods, aliases, variables and both kinds of constant: it
// type-checks without errors, and the variables get the types the Go
// compiler gives them.
func TestStandardLibraryAndPreloadedPackages(t *testing.T) {
	errs, vars := check(t, `package main
import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"strings"
	"time"
	"gonum.org/v1/gonum/mat"
	"github.com/gophlow/gophlow/fmlib"
)
var (
	b        strings.Builder
	n, werr  = b.WriteString("x")
	fields   = strings.Fields(" a b ")
	d        = mat.NewDense(2, 2, nil)
	r, c     = d.Dims()
	tr       = d.T()
	mode     os.FileMode = fs.ModeDir
	isDir    = mode.IsDir()
	big      = math.MaxInt64
	pi       = math.Pi * 2
	dur      = 3 * time.Second
	when     = time.Date(2026, time.December, 5, 0, 0, 0, 0, time.UTC).Add(dur)
	wrapped  = fmt.Errorf("wrap: %w", os.ErrNotExist)
	is       = errors.Is(wrapped, fs.ErrNotExist)
	path     = fmlib.BridgePath{}
	stringer fmt.Stringer = dur
	layout   = time.RFC3339 + "!"
)
`)
	if len(errs) > 0 {
		t.Fatalf("errors: %s", strings.Join(errs, "\n"))
	}
	want := map[string]string{"n": "int", "werr": "error", "fields": "[]string", "d": "*gonum.org/v1/gonum/mat.Dense",
		"r": "int", "tr": "gonum.org/v1/gonum/mat.Matrix", "isDir": "bool", "big": "int", "pi": "float64",
		"dur": "time.Duration", "layout": "string", "when": "time.Time", "wrapped": "error", "is": "bool",
		"path": "github.com/gophlow/gophlow/fmlib.BridgePath", "mode": "os.FileMode"}
	for name, typ := range want {
		if vars[name] != typ {
			t.Errorf("%s: %s, want %s", name, vars[name], typ)
		}
	}
}

// TestMistakesAreReported checks that the converted API is not so loose
// that wrong code passes: wrong argument types, missing methods, unknown
// names and unexported fields are errors.
func TestMistakesAreReported(t *testing.T) {
	for _, src := range []string{
		`var x = strings.Repeat(1, "a")`,
		`var x = time.Second.Bogus()`,
		`var x = strings.NoSuchFunction`,
		`var x int = strings.Fields("a")`,
		`var b strings.Builder; var x = b.addr`,
		`var x fmt.Stringer = 3`,
	} {
		errs, _ := check(t, "package main\nimport (\"strings\"; \"time\"; \"fmt\")\nvar _, _, _ = strings.Fields, time.Second, fmt.Sprint\n"+src+"\n")
		if len(errs) == 0 {
			t.Errorf("%s: no error", src)
		}
	}
}
