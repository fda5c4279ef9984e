package engine

import (
	"fmt"
	"sort"
)

// who prints the names earlier cells defined, with their kinds and types
// (%who).
func (e *Engine) who() {
	names := e.cfg.Session.Names()
	sort.Slice(names, func(i, j int) bool { return names[i].Name < names[j].Name })
	for _, n := range names {
		fmt.Fprintf(e.stdout(), "%-20s %-6s %s\n", n.Name, n.Kind, n.Type)
	}
	if len(names) == 0 {
		fmt.Fprintln(e.stdout(), "nothing defined yet")
	}
}
