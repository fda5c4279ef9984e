package cellcheck

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/gophlow/gophlow/kernel/symbols"
	"github.com/gophlow/gophlow/kernel/symtypes"
	"github.com/traefik/yaegi/stdlib"
)

func newChecker() *Checker { return New(symtypes.New(stdlib.Symbols, symbols.Symbols)) }

func stmts(texts ...string) []Part {
	parts := make([]Part, len(texts))
	for k, t := range texts {
		parts[k] = Part{Text: t}
	}
	return parts
}

// apply applies the edits of part k to its text.
func apply(text string, k int, edits []Edit) string {
	var mine []Edit
	for _, e := range edits {
		if e.Part == k {
			mine = append(mine, e)
		}
	}
	sort.Slice(mine, func(i, j int) bool { return mine[i].Start > mine[j].Start })
	for _, e := range mine {
		text = text[:e.Start] + e.Text + text[e.End:]
	}
	return text
}

func TestTopLevelDefinitionsGetTheirTypes(t *testing.T) {
	ctx := Context{
		Imports: map[string]string{"strconv": "strconv", "fmt": "fmt", "sha256": "crypto/sha256", "mat": "gonum.org/v1/gonum/mat"},
		Decls:   []string{"type Point struct{ X, Y int }"},
		Vars:    map[string]string{"scale": "float64"},
	}
	res, err := newChecker().Check(ctx, stmts(
		`v, err := strconv.Atoi("4")`,
		`for i := 0; i < 3; i++ { w, err := strconv.Atoi("5"); _ = w; _ = err }`,
		`p := Point{1, 2}`,
		`var a, b = 2 * scale, []*Point{&p}`,
		`h := sha256.New()`,
		`m := map[string][]float64{}`,
		`d := mat.NewDense(1, 1, nil)`,
		`fmt.Println(v, err, a, b, h, m, d)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %+v", res.Errors)
	}
	got := map[string]string{}
	for _, d := range res.Defs {
		got[d.Name] = d.Type
	}
	want := map[string]string{"v": "int", "err": "error", "p": "Point", "a": "float64", "b": "[]*Point",
		"h": "gophlowpkg_hash.Hash", "m": "map[string][]float64", "d": "*mat.Dense"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("defs %v, want %v", got, want)
	}
	if res.Imports["gophlowpkg_hash"] != "hash" {
		t.Errorf("imports %v, want hash", res.Imports)
	}
	if res.Values != 2 { // fmt.Println returns (int, error)
		t.Errorf("values %d, want 2", res.Values)
	}
}

// TestErrorsAreGoCompilerErrors checks that what go build rejects is an
// error located in the part, except what a cell allows: unused top-level
// variables and a final expression that is not a call.
func TestErrorsAreGoCompilerErrors(t *testing.T) {
	ctx := Context{Imports: map[string]string{"strconv": "strconv"}}
	res, err := newChecker().Check(ctx, stmts(`unused := 3`, `if true { n, err := strconv.Atoi("1"); _ = n }`, `x := "a" + 1`, `unused`))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 2 || res.Errors[0].Part != 1 || !strings.Contains(res.Errors[0].Msg, "declared and not used: err") ||
		res.Errors[1].Part != 2 || res.Errors[1].Offset != 5 {
		t.Errorf("errors %+v, want the unused err in part 1 and the mismatched + in part 2 at offset 5", res.Errors)
	}
	if res.Values != 1 {
		t.Errorf("values %d, want 1", res.Values)
	}
}

func TestGenericCallsUseInstances(t *testing.T) {
	ctx := Context{
		Imports: map[string]string{"strconv": "strconv"},
		Decls:   []string{"func Map[T, U any](s []T, f func(T) U) []U { var r []U; for _, v := range s { r = append(r, f(v)) }; return r }"},
	}
	parts := stmts(`out := Map([]int{1, 2}, strconv.Itoa)`, `p := new(2 * len(out))`, `q := new(int)`)
	res, err := newChecker().Check(ctx, parts)
	if err != nil || len(res.Errors) > 0 {
		t.Fatal(err, res.Errors)
	}
	// Map is a template of the cells: the call gets its instance for
	// [int, string], written out in full (mono.go).
	if len(res.Monos) != 1 {
		t.Fatalf("instances %+v, want Map's for [int, string]", res.Monos)
	}
	m := res.Monos[0]
	if got := apply(parts[0].Text, 0, res.Edits); got != "out := "+m.Name+"([]int{1, 2}, strconv.Itoa)" {
		t.Errorf("got %s", got)
	}
	if want := "func " + m.Name + "(s []int, f func(int) string) []string { var r []string;"; !strings.HasPrefix(m.Text, want) {
		t.Errorf("instance %s, want it to start %s", m.Text, want)
	}
	if got := apply(parts[1].Text, 1, res.Edits); got != `p := func() *int { gophlownew := (int)(2 * len(out)); return &gophlownew }()` {
		t.Errorf("got %s", got)
	}
	if got := apply(parts[2].Text, 2, res.Edits); got != parts[2].Text {
		t.Errorf("new(T) changed: %s", got)
	}
}

// TestDeclarationsReplaceEarlierOnes checks that a unit redeclaring a name
// is checked against its new declaration, not the earlier one.
func TestDeclarationsReplaceEarlierOnes(t *testing.T) {
	ctx := Context{Decls: []string{"func f() int { return 1 }", "type T struct{ A int }", "func (T) M() int { return 1 }"}}
	res, err := newChecker().Check(ctx, []Part{{Text: "func f() string { return \"s\" }", Decl: true},
		{Text: "func (T) M() string { return \"m\" }", Decl: true}, {Text: "s := f() + T{}.M()"}})
	if err != nil || len(res.Errors) > 0 {
		t.Fatal(err, res.Errors)
	}
	if len(res.Defs) != 1 || res.Defs[0].Type != "string" {
		t.Errorf("defs %+v", res.Defs)
	}
}
