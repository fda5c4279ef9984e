package session

import (
	"fmt"
	"sort"
	"strings"
)

// The session rewrites cells before yaegi sees them (renamed types, range
// over an int, recovering goroutines, the trailing expression). Rewrites are
// text edits on a segment; line directives keep every untouched byte at its
// original cell position, so yaegi's messages point at the cell as written.

// edit replaces text[start:end] of a segment with repl.
type edit struct {
	start, end int
	repl       string
}

// yaegi scopes imports by the base name of the file a position belongs to,
// and a notebook's imports are shared by its cells, so all code must be in
// files named like yaegi's default, "_.go". The cell a position belongs to
// is the file's directory instead: line l of cell c is "c12/_.go:l".
// (Encoding it in the line number fails: go/scanner rejects lines beyond
// 1<<30.)

// fileOf is the file name of cell's code.
func fileOf(cell int) string { return fmt.Sprintf("c%d/_.go", cell) }

// directive returns a line directive placing the next character at line,
// col of cell.
func directive(cell, line, col int, inline bool) string {
	if inline {
		return fmt.Sprintf("/*line %s:%d:%d*/", fileOf(cell), line, col)
	}
	return fmt.Sprintf("\n//line %s:%d:%d\n", fileOf(cell), line, col)
}

// render returns s's text with edits applied (they must not overlap),
// preceded by a //line directive giving its cell position, and with an
// inline /*line*/ directive after each edit restoring the position of the
// text that follows.
func (s *segment) render(cell int, edits []edit) string {
	return s.renderRange(cell, edits, 0, len(s.text), "")
}

// renderRange renders text[start:end] as render renders the whole text,
// after keyword (which is put before the line directive, so that the text
// keeps its cell position); edits outside the range are left out.
func (s *segment) renderRange(cell int, edits []edit, start, end int, keyword string) string {
	// By start; at one start, insertions first (an insertion before a
	// replaced expression, as a wrapping call makes, is not an overlap).
	sort.SliceStable(edits, func(i, j int) bool {
		a, b := edits[i], edits[j]
		return a.start < b.start || a.start == b.start && a.end == a.start && b.end > b.start
	})
	var b strings.Builder
	b.WriteString(keyword)
	line, col := s.position(start)
	b.WriteString(directive(cell, line, col, false))
	at := start
	for _, e := range edits {
		if e.start < at || e.end > end {
			continue // overlapping edit (keep the first), or outside the range
		}
		b.WriteString(s.text[at:e.start])
		b.WriteString(e.repl)
		line, col := s.position(e.end)
		b.WriteString(directive(cell, line, col, true))
		at = e.end
	}
	b.WriteString(s.text[at:end])
	b.WriteString("\n")
	return b.String()
}
