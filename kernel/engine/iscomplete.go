package engine

import (
	"strings"

	"github.com/gophlow/gophlow/kernel/assist"
)

// IsComplete tells a console whether a cell is ready to run
// (is_complete_request), following IPython where it has a rule:
//   - a cell magic (%%writefile FILE) takes every line up to a blank one:
//     it is "incomplete" until its last line is blank, and the next line
//     keeps the last line's indentation;
//   - a help request (name?, ?name, %help), exit or quit, and magic lines
//     alone (%who, !ls, %time) are "complete": %time alone runs at once and
//     times nothing, as in IPython;
//   - otherwise the Go code decides (assist.IsComplete): the code after the
//     magic lines, or CODE of a last line "%time CODE" with the lines after
//     it, so "%time for i := 0; i < 3; i++ {" waits for the loop's closing
//     brace.
func IsComplete(code string) (status, indent string) {
	if isCellMagic(code) {
		lines := strings.Split(code, "\n")
		last := lines[len(lines)-1]
		if len(lines) > 1 && strings.TrimSpace(last) == "" {
			return "complete", ""
		}
		return "incomplete", last[:len(last)-len(strings.TrimLeft(last, " \t"))]
	}
	if _, _, ok := helpRequest(code); ok {
		return "complete", ""
	}
	if _, ok := exitRequest(code); ok {
		return "complete", ""
	}
	parts := split(code)
	if len(parts) == 0 || parts[len(parts)-1].kind == magicPart {
		return "complete", ""
	}
	return assist.IsComplete(parts[len(parts)-1].text)
}
