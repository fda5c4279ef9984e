package engine

import (
	"fmt"
	"strings"
)

// helpText is the answer to %help.
const helpText = `gophlow — a Go kernel with flow matching built in

Cells are Go: imports, declarations and statements in any order. State
lives on between cells. A trailing expression is shown as the cell's result
(images and plots as pictures).

Preloaded packages: fmlib (flow matching), plots (figures), display (rich
output), gonum (mat, stat, floats, distuv, optimize, integrate, fd) and
gonum/plot, plus the standard library.

Help:
  name?        the signature and documentation of name (e.g. math.Sqrt?)
  ?name        the same
  name??       the same, with the source of a function
  Tab          completion; Shift-Tab: inspection

Interrupt (the stop button) stops a running cell and keeps all state.
In a console, exit or quit ends the session.

` + magicHelp

// help answers a help request (see helpRequest); ok is false for any other
// cell.
func (e *Engine) help(code string) (text string, ok bool) {
	name, detail, ok := helpRequest(code)
	switch {
	case !ok:
		return "", false
	case name == "":
		return helpText, true
	}
	text, found := e.Assist().Inspect(name, len([]rune(name)), detail)
	if !found {
		return fmt.Sprintf("%s: nothing known by this name", name), true
	}
	return text, true
}

// helpRequest parses a cell that asks for help: %help or ? alone (name
// ""), or one word with ? after or before it (name? or ?name), or ?? after
// it (detail 1: a function's source too).
func helpRequest(code string) (name string, detail int, ok bool) {
	c := strings.TrimSpace(code)
	switch {
	case c == "%help" || c == "?":
		return "", 0, true
	case c == "" || strings.ContainsAny(c, " \t\n"):
		return "", 0, false
	case strings.HasSuffix(c, "??"):
		return strings.TrimSuffix(c, "??"), 1, true
	case strings.HasSuffix(c, "?"):
		return strings.TrimSuffix(c, "?"), 0, true
	case strings.HasPrefix(c, "?"):
		return strings.TrimPrefix(c, "?"), 0, true
	}
	return "", 0, false
}
