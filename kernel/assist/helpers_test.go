package assist

import (
	"reflect"
	"slices"
	"testing"

	"github.com/traefik/yaegi/stdlib"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/gophlow/gophlow/kernel/display"
)

// testPackages is yaegi's standard library table plus a few compiled
// packages the kernel preloads, in the same shape.
func testPackages() map[string]map[string]reflect.Value {
	p := map[string]map[string]reflect.Value{}
	for k, v := range stdlib.Symbols {
		p[k] = v
	}
	p["gonum.org/v1/gonum/mat/mat"] = map[string]reflect.Value{
		"NewDense":     reflect.ValueOf(mat.NewDense),
		"NewDiagDense": reflect.ValueOf(mat.NewDiagDense),
		"NewVecDense":  reflect.ValueOf(mat.NewVecDense),
		"Dense":        reflect.ValueOf((*mat.Dense)(nil)),
		"Matrix":       reflect.ValueOf((*mat.Matrix)(nil)),
		"Formatted":    reflect.ValueOf(mat.Formatted),
	}
	p["gonum.org/v1/gonum/stat/distuv/distuv"] = map[string]reflect.Value{
		"Normal": reflect.ValueOf((*distuv.Normal)(nil)),
	}
	p["github.com/gophlow/gophlow/kernel/display/display"] = map[string]reflect.Value{
		"HTML":     reflect.ValueOf(display.HTML),
		"Markdown": reflect.ValueOf(display.Markdown),
	}
	return p
}

// cursorAtEnd is the cursor (in code points) at the end of code.
func cursorAtEnd(code string) int { return len([]rune(code)) }

// typeOfMatch returns the completion type reported for match, or "".
func typeOfMatch(c Completion, match string) string {
	for _, t := range c.Types {
		if t.Text == match {
			return t.Type
		}
	}
	return ""
}

// checkWellFormed asserts the invariants of every completion: matches
// sorted and distinct, one type entry per match in the same order, each
// with the reply's span.
func checkWellFormed(t *testing.T, c Completion) {
	t.Helper()
	if !slices.IsSorted(c.Matches) || len(slices.Compact(slices.Clone(c.Matches))) != len(c.Matches) {
		t.Errorf("matches not sorted and distinct: %v", c.Matches)
	}
	if len(c.Types) != len(c.Matches) {
		t.Fatalf("%d types for %d matches", len(c.Types), len(c.Matches))
	}
	for i, ty := range c.Types {
		if ty.Text != c.Matches[i] || ty.Start != c.CursorStart || ty.End != c.CursorEnd || ty.Type == "" {
			t.Errorf("type entry %d = %+v, match %q, span [%d,%d)", i, ty, c.Matches[i], c.CursorStart, c.CursorEnd)
		}
	}
}
