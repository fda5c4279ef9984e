package engine

import "strings"

// exits reports whether a cell asks to leave the console: exit or quit,
// with or without (), as IPython's exit and quit end a console session
// (ipykernel answers them with an ask_exit payload). A session that
// defines a Go name exit or quit evaluates it as Go instead.
func (e *Engine) exits(code string) bool {
	name, ok := exitRequest(code)
	if !ok {
		return false
	}
	for _, n := range e.cfg.Session.Names() {
		if n.Name == name {
			return false
		}
	}
	return true
}

// exitRequest reports whether code is exit or quit, alone or called with
// no arguments, and which.
func exitRequest(code string) (name string, ok bool) {
	name = strings.TrimSuffix(strings.TrimSpace(code), "()")
	return name, name == "exit" || name == "quit"
}
