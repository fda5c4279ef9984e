package assist

import (
	"testing"
	"unicode/utf8"
)

// sampleCells are realistic notebook cells, finished or not, with the
// constructs the lenient reader has to survive.
var sampleCells = []string{
	"import (\n\t\"fmt\"\n\t\"math\"\n\tla \"gonum.org/v1/gonum/mat\"\n)\n\n" +
		"type point struct{ x, y float64 }\n\n" +
		"func (p point) norm() float64 { return math.Hypot(p.x, p.y) }\n\n" +
		"d := la.NewDense(2, 2, []float64{1, 2, 3, 4})\nvar m la.Dense\nm.Mul(d, d.T())\n" +
		"for i, row := range [][]float64{{1}, {2}} {\n\tfmt.Println(i, row[0], \"π ≈\", math.Pi) // café\n}\n" +
		"s := `raw\nstring`\nswitch v := any(d).(type) {\ncase *la.Dense:\n\t_ = v.At(0, 0)\n}\n",
	"func f(xs ...float64) (total float64) {\n\tfor _, x := range xs {\n\t\ttotal += x\n\t}\n\treturn\n}\nf(1, 2,",
	"x := map[[]int]int{}\ny := [99999999999999]byte{}\nvar z func(...int, int)\nch := make(chan [1 << 62]int)\nx.",
	"}{)( \"unterminated\n'ab' /* open",
}

// TestNoPanicAtAnyCursor runs the three entry points at every cursor of every
// sample cell and of every prefix of it, checking the spans they return.
func TestNoPanicAtAnyCursor(t *testing.T) {
	packages := testPackages()
	for _, cell := range sampleCells {
		n := utf8.RuneCountInString(cell)
		for cursor := 0; cursor <= n; cursor++ {
			c := Complete(cell, cursor, []Name{{Name: "model", Kind: "var"}}, packages)
			if c.CursorStart < 0 || c.CursorStart > cursor || c.CursorEnd < cursor || c.CursorEnd > n {
				t.Fatalf("cursor %d of %q: span [%d,%d)", cursor, cell, c.CursorStart, c.CursorEnd)
			}
			if len(c.Types) != len(c.Matches) {
				t.Fatalf("cursor %d of %q: %d types for %d matches", cursor, cell, len(c.Types), len(c.Matches))
			}
			if text, found := Inspect(cell, cursor, cursor%2, nil, packages); found != (text != "") {
				t.Fatalf("cursor %d of %q: found=%v with text %q", cursor, cell, found, text)
			}
			prefix := string([]rune(cell)[:cursor])
			switch status, _ := IsComplete(prefix); status {
			case "complete", "incomplete", "invalid":
			default:
				t.Fatalf("IsComplete(%q) = %q", prefix, status)
			}
		}
	}
}
