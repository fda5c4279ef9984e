package session

import (
	"strings"
	"testing"
)

func TestSplitCell(t *testing.T) {
	code := `import "fmt"
x := 1; y := 2
for i := 0; i < 3; i++ { x += i }
if v := x; v > 0 {
	y++
} else {
	y--
}
func (p point) norm() float64 { return 0 }
func(a int) bool { return a > 0 }(3)
func helper() {}
type point struct{ X, Y float64 }
outer:
	for range 2 { break outer }
var (
	a = 1
	b = 2
)
fmt.Println(x, y)`
	segs, err := splitCell(code)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kind  segmentKind
		line  int
		start string
	}{
		{importSegment, 1, `import "fmt"`},
		{stmtSegment, 2, "x := 1"},
		{stmtSegment, 2, "y := 2"},
		{stmtSegment, 3, "for i := 0; i < 3; i++"},
		{stmtSegment, 4, "if v := x; v > 0"},
		{declSegment, 9, "func (p point) norm()"},
		{stmtSegment, 10, "func(a int) bool"},
		{declSegment, 11, "func helper()"},
		{declSegment, 12, "type point"},
		{stmtSegment, 13, "outer:"},
		{declSegment, 15, "var ("},
		{stmtSegment, 19, "fmt.Println"},
	}
	if len(segs) != len(want) {
		for _, s := range segs {
			t.Logf("%d %d %q", s.kind, s.line, s.text)
		}
		t.Fatalf("%d segments, want %d", len(segs), len(want))
	}
	for k, w := range want {
		s := segs[k]
		if s.kind != w.kind || s.line != w.line || !strings.HasPrefix(s.text, w.start) {
			t.Errorf("segment %d = kind %d line %d %q, want kind %d line %d %q…", k, s.kind, s.line, s.text, w.kind, w.line, w.start)
		}
	}
	if segs[2].col != 9 {
		t.Errorf("second statement of line 2 starts at column %d, want 9", segs[2].col)
	}
}

func TestSplitCellSyntaxError(t *testing.T) {
	_, err := splitCell("x := 1\ny := (2 +\nz := 3")
	p, ok := err.(*posError)
	if !ok || p.name != "SyntaxError" || p.line != 3 {
		t.Fatalf("got %v, want a SyntaxError on line 3", err)
	}
}
