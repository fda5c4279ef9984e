package session

import (
	"context"
	"go/ast"
	"strings"

	"github.com/gophlow/gophlow/kernel/cellcheck"
)

// The cells' generic functions and types. The interpreter never sees
// their declarations (templates): the checker writes out an instance for
// each use, as plain Go (cellcheck's mono.go), which the session declares
// like the user's own declarations, checked and rewritten, before the code
// using it runs. monoDisplay keeps the name reflect writes for each
// instance type, so that %T prints main.Pair[string,int].

// isTemplate reports whether sg declares a generic function or type, or
// a method of a generic type.
func isTemplate(sg *segment) bool {
	return sg.decl != nil && cellcheck.IsTemplate(sg.decl)
}

// newMonos returns the segments declaring the instances among monos that
// the session has not declared yet, and records their display names.
func (s *Session) newMonos(monos []cellcheck.Mono) []*segment {
	var texts []string
	for _, m := range monos {
		if s.store.byName[m.Name] != nil {
			continue
		}
		if m.Display != "" {
			s.monoDisplay[m.Name] = m.Display
			s.monoWritten[m.Name] = m.Written
		}
		texts = append(texts, m.Text)
	}
	if len(texts) == 0 {
		return nil
	}
	segs, err := splitCell(strings.Join(texts, "\n"))
	if err != nil {
		return nil
	}
	return segs
}

// declareMonos declares the instances statements about to run use.
func (s *Session) declareMonos(ctx context.Context, cell int, monos []cellcheck.Mono) error {
	segs := s.newMonos(monos)
	if len(segs) == 0 {
		return nil
	}
	extra, perr := s.typeDeclarations(cell, segs)
	if perr != nil {
		return s.fromPosError(cell, perr)
	}
	return s.runDecls(ctx, cell, append(segs, extra...))
}

// usesTemplate reports whether id names a template the session keeps.
func (s *Session) usesTemplate(id *ast.Ident) bool {
	d := s.store.byName[id.Name]
	return d != nil && d.seg != nil && isTemplate(d.seg)
}

// writtenType returns a variable's type with instance types as the cells
// write them.
func (s *Session) writtenType(t string) string {
	if !strings.Contains(t, internalPrefix) {
		return t
	}
	for name, written := range s.monoWritten {
		t = strings.ReplaceAll(t, name, written)
	}
	return t
}
