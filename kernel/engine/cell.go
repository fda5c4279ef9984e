package engine

import (
	"strings"

	"github.com/gophlow/gophlow/kernel/assist"
)

// partKind says how a part of a cell runs.
type partKind int

const (
	magicPart partKind = iota // a magic line: %name args or !command
	timedPart                 // %time CODE: Go code run under a timer
	goPart                    // the Go code after the magic lines
)

// part is one piece of a cell, in the order the pieces run.
type part struct {
	kind partKind
	text string // the magic line, trimmed, or the Go code as written
	// line and col locate text in the cell (0-based), so that errors in Go
	// code point at the cell's own lines and columns.
	line, col int
}

// code is the part's Go code preceded by blank lines and spaces, so that
// positions in it are positions in the cell.
func (p part) code() string {
	return strings.Repeat("\n", p.line) + strings.Repeat(" ", p.col) + p.text
}

// split divides a cell (neither help, exit nor a cell magic) into its
// magic lines, which come first (blank lines between them are skipped),
// and the Go code after them. A line "%time CODE" is a timed part: CODE
// and as many of the following lines as it needs to be complete Go (a loop
// opened on the line runs to its closing brace), as IPython's %time times
// the statement on its line.
func split(code string) []part {
	lines := strings.Split(code, "\n")
	var parts []part
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		switch {
		case line == "":
		case strings.HasPrefix(line, "%") || strings.HasPrefix(line, "!"):
			col, ok := timedCode(lines[i])
			if !ok {
				parts = append(parts, part{kind: magicPart, text: line, line: i})
				continue
			}
			text := lines[i][col:]
			first := i
			for i+1 < len(lines) && goIncomplete(text) {
				i++
				text += "\n" + lines[i]
			}
			parts = append(parts, part{kind: timedPart, text: text, line: first, col: col})
		default:
			return append(parts, part{kind: goPart, text: strings.Join(lines[i:], "\n"), line: i})
		}
	}
	return parts
}

// timedCode reports whether line is "%time CODE" and where CODE starts.
func timedCode(line string) (col int, ok bool) {
	trimmed := strings.TrimLeft(line, " \t")
	rest, ok := strings.CutPrefix(trimmed, "%time")
	if !ok || rest == "" || rest[0] != ' ' && rest[0] != '\t' || strings.TrimSpace(rest) == "" {
		return 0, false
	}
	return len(line) - len(strings.TrimLeft(rest, " \t")), true
}

// goIncomplete reports whether more lines can finish Go code.
func goIncomplete(code string) bool {
	status, _ := assist.IsComplete(code)
	return status == "incomplete"
}
