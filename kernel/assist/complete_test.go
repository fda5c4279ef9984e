package assist

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestCompletePackageMembers(t *testing.T) {
	code := "x := 1\nfmt.Pr"
	c := Complete(code, cursorAtEnd(code), nil, testPackages())
	checkWellFormed(t, c)
	for _, want := range []string{"Print", "Printf", "Println"} {
		if !slices.Contains(c.Matches, want) || typeOfMatch(c, want) != "function" {
			t.Errorf("fmt.Pr: missing function %s in %v", want, c.Matches)
		}
	}
	for _, m := range c.Matches {
		if !strings.HasPrefix(m, "Pr") {
			t.Errorf("fmt.Pr: match %q lacks the prefix", m)
		}
	}
	// "x := 1\nfmt." is 11 code points; "Pr" is replaced.
	if c.CursorStart != 11 || c.CursorEnd != 13 {
		t.Errorf("fmt.Pr: span [%d,%d), want [11,13)", c.CursorStart, c.CursorEnd)
	}
}

func TestCompleteMidWordReplacesWholeIdentifier(t *testing.T) {
	code := "fmt.Println(1)"
	c := Complete(code, 6, nil, testPackages()) // cursor after "fmt.Pr"
	checkWellFormed(t, c)
	if c.CursorStart != 4 || c.CursorEnd != 11 || !slices.Contains(c.Matches, "Println") {
		t.Errorf("got [%d,%d) %v, want [4,11) with Println", c.CursorStart, c.CursorEnd, c.Matches)
	}
}

func TestCompleteScopeVariable(t *testing.T) {
	scope := []Name{{Name: "model", Kind: "var"}, {Name: "modulus", Kind: "const"}, {Name: "train", Kind: "func"}}
	c := Complete("mo", 2, scope, testPackages())
	checkWellFormed(t, c)
	if typeOfMatch(c, "model") != "variable" || typeOfMatch(c, "modulus") != "constant" {
		t.Errorf("mo: %+v", c.Types)
	}
	if c.CursorStart != 0 || c.CursorEnd != 2 {
		t.Errorf("mo: span [%d,%d)", c.CursorStart, c.CursorEnd)
	}
}

func TestCompleteKeyword(t *testing.T) {
	c := Complete("fu", 2, nil, testPackages())
	checkWellFormed(t, c)
	if typeOfMatch(c, "func") != "keyword" {
		t.Errorf("fu: %v", c.Types)
	}
}

func TestCompleteBuiltinsAndPackageNames(t *testing.T) {
	c := Complete("ma", 2, nil, testPackages())
	checkWellFormed(t, c)
	for match, kind := range map[string]string{"make": "function", "map": "keyword", "mat": "package", "math": "package", "max": "function"} {
		if got := typeOfMatch(c, match); got != kind {
			t.Errorf("ma: %s has type %q, want %q (matches %v)", match, got, kind, c.Matches)
		}
	}
}

func TestCompletePreloadedPackage(t *testing.T) {
	code := "mat.NewD"
	c := Complete(code, cursorAtEnd(code), nil, testPackages())
	checkWellFormed(t, c)
	if !slices.Equal(c.Matches, []string{"NewDense", "NewDiagDense"}) || c.CursorStart != 4 {
		t.Errorf("mat.NewD: %v from %d", c.Matches, c.CursorStart)
	}
	// Through an alias imported in the cell.
	code = "import m \"gonum.org/v1/gonum/mat\"\nm.NewV"
	c = Complete(code, cursorAtEnd(code), nil, testPackages())
	if !slices.Equal(c.Matches, []string{"NewVecDense"}) {
		t.Errorf("m.NewV: %v", c.Matches)
	}
	// A major version suffix is not the package name.
	code = "import \"math/rand/v2\"\nrand.IntN"
	if c := Complete(code, cursorAtEnd(code), nil, testPackages()); !slices.Equal(c.Matches, []string{"IntN"}) {
		t.Errorf("rand.IntN: %v", c.Matches)
	}
	// Through an alias imported by an earlier cell.
	env := Env{Packages: testPackages(), Imports: map[string]string{"la": "gonum.org/v1/gonum/mat"}}
	if c := env.Complete("la.NewV", 7); !slices.Equal(c.Matches, []string{"NewVecDense"}) {
		t.Errorf("la.NewV: %v", c.Matches)
	}
}

func TestCompleteCountsCodePoints(t *testing.T) {
	// Both π and é are two bytes; positions are code points.
	code := "π := 3.14\ns := \"é\"\nfmt.Sp"
	cursor := cursorAtEnd(code)
	if len(code) == cursor {
		t.Fatal("test code has no multi-byte characters")
	}
	c := Complete(code, cursor, nil, testPackages())
	if c.CursorStart != cursor-2 || c.CursorEnd != cursor || !slices.Contains(c.Matches, "Sprintf") {
		t.Errorf("span [%d,%d) matches %v, want [%d,%d) with Sprintf", c.CursorStart, c.CursorEnd, c.Matches, cursor-2, cursor)
	}
	// An identifier made of non-ASCII letters completes too.
	code = "πr := 2.0\nx := π"
	c = Complete(code, cursorAtEnd(code), nil, testPackages())
	if !slices.Equal(c.Matches, []string{"πr"}) || c.CursorStart != cursorAtEnd(code)-1 {
		t.Errorf("π: %v from %d", c.Matches, c.CursorStart)
	}
}

func TestCompleteCellDeclarations(t *testing.T) {
	code := "import \"math\"\nconst limit = 3\ntype point struct{ x, y float64 }\n" +
		"func square(v float64) float64 { return v * v }\nvar total, lim2 int\n" +
		"for index, value := range []int{1} {\n\t_ = value\n}\n"
	cases := map[string]map[string]string{
		"li": {"limit": "constant", "lim2": "variable"},
		"sq": {"square": "function"},
		"po": {"point": "type"},
		"to": {"total": "variable"},
		"in": {"int": "type", "interface": "keyword"},
		"ma": {"math": "package"},
	}
	for prefix, want := range cases {
		c := Complete(code+prefix, cursorAtEnd(code+prefix), nil, testPackages())
		checkWellFormed(t, c)
		for match, kind := range want {
			if got := typeOfMatch(c, match); got != kind {
				t.Errorf("%s: %s has type %q, want %q (matches %v)", prefix, match, got, kind, c.Matches)
			}
		}
	}
	// The variables of a for clause are in scope in its block only.
	code = "for index, value := range []int{1} {\n\tx := in|\n}\nx := in"
	inside := strings.Index(code, "|")
	code = code[:inside] + code[inside+1:]
	if c := Complete(code, inside, nil, testPackages()); typeOfMatch(c, "index") != "variable" {
		t.Errorf("loop variable missing in the loop: %v", c.Matches)
	}
	if c := Complete(code, cursorAtEnd(code), nil, testPackages()); slices.Contains(c.Matches, "index") {
		t.Errorf("loop variable offered after the loop: %v", c.Matches)
	}
	// A declaration after the cursor is not in scope yet, and the name being
	// typed does not complete to itself.
	code = "later\nlaterName := 1"
	if c := Complete(code, 5, nil, testPackages()); slices.Contains(c.Matches, "laterName") {
		t.Errorf("declaration after the cursor offered: %v", c.Matches)
	}
}

func TestCompleteMembersOfTypedValues(t *testing.T) {
	cases := []struct {
		code string
		want []string
		kind string
	}{
		{"d := mat.NewDense(2, 2, nil)\nd.Mu", []string{"Mul", "MulElem"}, "method"},
		{"var b strings.Builder\nb.Wr", []string{"Write", "WriteByte", "WriteRune", "WriteString"}, "method"},
		{"time.Now().Add", []string{"Add", "AddDate"}, "method"},
		{"req, err := http.NewRequest(\"GET\", \"/\", nil)\nreq.Met", []string{"Method"}, "field"},
		{"func f(m *mat.Dense) {\n\tm.Dim", []string{"Dims"}, "method"},
		{"for _, r := range []*strings.Reader{} {\n\tr.ReadR", []string{"ReadRune"}, "method"},
		{"mat.Dense.At", []string{"At"}, "method"},
	}
	for _, tc := range cases {
		c := Complete(tc.code, cursorAtEnd(tc.code), nil, testPackages())
		checkWellFormed(t, c)
		if !slices.Equal(c.Matches, tc.want) {
			t.Errorf("%q: %v, want %v", tc.code, c.Matches, tc.want)
		}
		if len(c.Matches) > 0 && typeOfMatch(c, tc.want[0]) != tc.kind {
			t.Errorf("%q: type %q, want %q", tc.code, typeOfMatch(c, tc.want[0]), tc.kind)
		}
	}
	// A session variable's members, through Env.Value.
	var sb strings.Builder
	env := Env{Packages: testPackages(), Scope: []Name{{Name: "sb", Kind: "var"}},
		Value: func(name string) (v reflect.Value, ok bool) {
			if name == "sb" {
				return reflect.ValueOf(&sb), true
			}
			return v, false
		}}
	if c := env.Complete("sb.Le", 5); !slices.Equal(c.Matches, []string{"Len"}) {
		t.Errorf("sb.Le: %v", c.Matches)
	}
	// A variable shadows the package of the same name.
	code := "fmt := 3\nfmt.Pr"
	if c := Complete(code, cursorAtEnd(code), nil, testPackages()); len(c.Matches) != 0 {
		t.Errorf("shadowed package still completes: %v", c.Matches)
	}
}

func TestCompleteImportPath(t *testing.T) {
	code := "import (\n\t\"fmt\"\n\t\"gonum.org/v1/gonum/m"
	c := Complete(code, cursorAtEnd(code), nil, testPackages())
	if !slices.Equal(c.Matches, []string{"gonum.org/v1/gonum/mat"}) || c.CursorStart != cursorAtEnd(code)-len("gonum.org/v1/gonum/m") {
		t.Errorf("import path: %v from %d", c.Matches, c.CursorStart)
	}
	code = "import \"math/ra\""
	c = Complete(code, len(code)-1, nil, testPackages())
	if !slices.Contains(c.Matches, "math/rand") || c.CursorEnd != len(code)-1 {
		t.Errorf("import path: %v to %d", c.Matches, c.CursorEnd)
	}
}

func TestCompleteNothingInStringsAndComments(t *testing.T) {
	for _, code := range []string{"s := \"fmt.Pr", "// fmt.Pr", "x := `fu", "/* fu */ x := \"fu"} {
		if c := Complete(code, cursorAtEnd(code), nil, testPackages()); len(c.Matches) != 0 {
			t.Errorf("%q: %v", code, c.Matches)
		}
	}
	// Right after a closed string, completion works again.
	code := "s := \"x\"; fu"
	if c := Complete(code, cursorAtEnd(code), nil, testPackages()); !slices.Contains(c.Matches, "func") {
		t.Errorf("%q: %v", code, c.Matches)
	}
}

func TestCompleteRespectsBlockScope(t *testing.T) {
	code := "func scale(factor float64) float64 {\n\tfinal := factor * 2\n\treturn fi|\n}\nfi"
	inside := strings.Index(code, "|")
	code = code[:inside] + code[inside+1:]
	c := Complete(code, len([]rune(code[:inside])), nil, testPackages())
	if !slices.Contains(c.Matches, "final") {
		t.Errorf("inside the body: %v", c.Matches)
	}
	if c := Complete(code, cursorAtEnd(code), nil, testPackages()); slices.Contains(c.Matches, "final") {
		t.Errorf("after the body, its local is still offered: %v", c.Matches)
	}
	code = "func scale(factor float64) float64 {\n\treturn fac"
	if c := Complete(code, cursorAtEnd(code), nil, testPackages()); !slices.Equal(c.Matches, []string{"factor"}) {
		t.Errorf("parameter in an unfinished body: %v", c.Matches)
	}
	code = "func scale(factor float64) float64 { return factor }\nfac"
	if c := Complete(code, cursorAtEnd(code), nil, testPackages()); slices.Contains(c.Matches, "factor") {
		t.Errorf("parameter offered outside its function: %v", c.Matches)
	}
}

func TestCompleteMembersOfCellTypes(t *testing.T) {
	decls := "type point struct {\n\tx, y  float64\n\tLabel string\n\t*strings.Builder\n}\n" +
		"func (p point) norm() float64 { return 0 }\nfunc (p *point) Scale(f float64) {}\n" +
		"func origin() *point { return &point{} }\n"
	kinds := map[string]string{"Builder": "field", "Label": "field", "Scale": "method", "norm": "method", "x": "field", "y": "field"}
	for _, use := range []string{"p := point{1, 2, \"a\", nil}\np.", "p := &point{}\np.", "var p point\np.", "origin().", "p := origin()\np."} {
		code := decls + use
		c := Complete(code, cursorAtEnd(code), nil, testPackages())
		checkWellFormed(t, c)
		if !slices.Equal(c.Matches, []string{"Builder", "Label", "Scale", "norm", "x", "y"}) {
			t.Errorf("%q: %v", use, c.Matches)
			continue
		}
		for match, kind := range kinds {
			if got := typeOfMatch(c, match); got != kind {
				t.Errorf("%q: %s has type %q, want %q", use, match, got, kind)
			}
		}
	}
	// A cell function returning a compiled type.
	code := "func mk() *mat.Dense { return nil }\nd := mk()\nd.Mu"
	if c := Complete(code, cursorAtEnd(code), nil, testPackages()); !slices.Equal(c.Matches, []string{"Mul", "MulElem"}) {
		t.Errorf("%q: %v", code, c.Matches)
	}
}

func TestCompleteStructLiteralKeys(t *testing.T) {
	cases := []struct {
		code string
		want []string
	}{
		{"n := distuv.Normal{", []string{"Mu", "Sigma", "Src"}},
		{"n := &distuv.Normal{Mu: 0, S", []string{"Sigma", "Src"}},
		{"n := distuv.Normal{\n\tMu: 1,\n\tSi", []string{"Sigma"}},
		{"type opts struct{ steps int; rate float64 }\no := opts{st", []string{"steps"}},
	}
	for _, tc := range cases {
		c := Complete(tc.code, cursorAtEnd(tc.code), nil, testPackages())
		checkWellFormed(t, c)
		var fields []string
		for _, ty := range c.Types {
			if ty.Type == "field" {
				fields = append(fields, ty.Text)
			}
		}
		if !slices.Equal(fields, tc.want) {
			t.Errorf("%q: fields %v, want %v", tc.code, fields, tc.want)
		}
	}
	// A block is not a literal: no fields in a function returning a struct,
	// nor in a value position of a literal.
	for _, code := range []string{"func f() distuv.Normal {\n\tM", "n := distuv.Normal{Mu: M", "if true {\n\tM"} {
		c := Complete(code, cursorAtEnd(code), nil, testPackages())
		if typeOfMatch(c, "Mu") == "field" {
			t.Errorf("%q: offers the field Mu", code)
		}
	}
}
