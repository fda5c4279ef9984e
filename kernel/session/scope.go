package session

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// cellScope is what the rewrites of one segment need to know about the
// rest of its cell: identifiers unresolved in each segment (they may refer
// to names another segment defines) and the expressions defining the
// cell's top-level variables.
type cellScope struct {
	unresolved map[*ast.Ident]struct{}
	defs       map[string]ast.Expr // name → defining expression (nil if unknown)
	names      map[string]bool     // every name the cell defines at top level
	lines      map[string]int      // the line defining each of names, first one
	depth      int                 // recursion guard for defs
}

// newCellScope gathers the scope of the cell made of segs.
func newCellScope(segs []*segment) *cellScope {
	c := &cellScope{unresolved: map[*ast.Ident]struct{}{}, defs: map[string]ast.Expr{}, names: map[string]bool{}, lines: map[string]int{}}
	for _, sg := range segs {
		for _, id := range sg.file.Unresolved {
			c.unresolved[id] = struct{}{}
		}
		switch {
		case sg.stmt != nil:
			if a, ok := sg.stmt.(*ast.AssignStmt); ok && a.Tok == token.DEFINE && len(a.Lhs) == len(a.Rhs) {
				for k, l := range a.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						c.defs[id.Name] = a.Rhs[k]
					}
				}
			}
			for _, n := range topLevelVars(sg.stmt) {
				c.define(n, sg.line)
			}
		case sg.decl != nil:
			if g, ok := sg.decl.(*ast.GenDecl); ok {
				for _, sp := range g.Specs {
					if vs, ok := sp.(*ast.ValueSpec); ok && len(vs.Values) == len(vs.Names) {
						for k, n := range vs.Names {
							c.defs[n.Name] = vs.Values[k]
						}
					}
				}
			}
			_, names := declNames(sg.decl)
			for _, n := range names {
				c.define(n, sg.line)
			}
		}
	}
	return c
}

// define records that the cell defines name at line.
func (c *cellScope) define(name string, line int) {
	if !c.names[name] {
		c.names[name], c.lines[name] = true, line
	}
}

// laterHint explains an "undefined: name" error at line when the cell
// defines name further down.
func (c *cellScope) laterHint(msg string, line int) string {
	name, ok := strings.CutPrefix(msg, "undefined: ")
	if !ok || c.lines[name] <= line {
		return msg
	}
	return fmt.Sprintf("%s (it is defined at line %d: a cell runs from top to bottom, so define it before its first use)", msg, c.lines[name])
}

// undefined returns the first identifier of segs that nothing defines:
// yaegi reports some of them obscurely ("constant definition loop").
func (c *cellScope) undefined(segs []*segment, defined func(string) bool) *posError {
	if len(segs) == 0 {
		return nil
	}
	last := segs[len(segs)-1]
	first, end := segs[0].line, last.line+strings.Count(last.text, "\n")
	for _, sg := range segs {
		for _, id := range sg.file.Unresolved {
			line, col := sg.position(sg.offset(id.Pos()))
			// A name the cell defines counts if it is defined above, or in
			// the same unit (declarations of a unit see each other).
			at, inCell := c.lines[id.Name]
			if universe[id.Name] || defined(id.Name) || (inCell && (at <= line || (at >= first && at <= end))) {
				continue
			}
			return &posError{line: line, col: col, name: "CompileError", msg: "undefined: " + id.Name}
		}
	}
	return nil
}

var universe = map[string]bool{}

// init fills universe with Go's predeclared identifiers.
func init() {
	for _, n := range strings.Fields(`bool byte complex64 complex128 error float32 float64 int int8 int16
		int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr any comparable true false iota nil
		append cap clear close complex copy delete imag len make max min new panic print println real recover`) {
		universe[n] = true
	}
}
