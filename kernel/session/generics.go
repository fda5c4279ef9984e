package session

import (
	"context"
	"go/types"
	"strings"
	"sync"

	"github.com/gophlow/gophlow/kernel/cellcheck"
	"github.com/gophlow/gophlow/kernel/generic"
)

// Generic functions of the standard library. yaegi interprets slices,
// maps and cmp from their sources with its partial generics (it lacks
// some functions and gets others wrong), so the session calls its own
// implementations instead, instantiated for each call's type arguments
// as plain functions (package generic): the checker reports each use
// (cellcheck.Instance), the session declares the instance once and
// replaces the use by the instance's name. Type arguments go through the
// session's renames, so a redefined type gets instances of its own.

// templates imports the generic library's packages for the checker,
// loading the library on first use, and other packages from next.
type templates struct {
	next types.Importer
	once sync.Once
	lib  *generic.Library
	err  error
}

// library returns the loaded library, or nil if it failed to load.
func (t *templates) library() *generic.Library {
	t.once.Do(func() { t.lib, t.err = generic.Standard(t.next) })
	return t.lib
}

func (t *templates) Import(path string) (*types.Package, error) {
	if generic.Implements(path) {
		if lib := t.library(); lib != nil {
			return lib.Importer(t.next).Import(path)
		}
	}
	return t.next.Import(path)
}

// instances turns the checker's instances into edits calling instances,
// and returns the declarations of those not declared yet. An instance
// that cannot be made is left to the interpreter.
func (s *Session) instances(found []cellcheck.Instance) ([]cellcheck.Edit, []string) {
	if len(found) == 0 {
		return nil, nil
	}
	lib := s.templates.library()
	if lib == nil {
		return nil, nil
	}
	var edits []cellcheck.Edit
	var decls []string
	seen := map[string]bool{}
	for _, in := range found {
		args := make([]string, len(in.TypeArgs))
		for k, a := range in.TypeArgs {
			args[k] = renameTypes(a, s.store.renames)
		}
		fn, ds, err := lib.Instantiate(in.Path, in.Name, args)
		if err != nil {
			continue
		}
		edits = append(edits, cellcheck.Edit{Part: in.Part, Start: in.Start, End: in.End, Text: fn})
		for _, d := range ds {
			if name := funcName(d); name != "" && !s.instanceNames[name] && s.store.byName[name] == nil && !seen[name] {
				seen[name] = true
				decls = append(decls, d)
			}
		}
	}
	return edits, decls
}

// declareInstances declares instances for statements (the types they name
// are declared already); instanceNames records them. (Instances evaluated
// with declarations are in the session's store.)
func (s *Session) declareInstances(ctx context.Context, cell int, decls []string) error {
	if len(decls) == 0 {
		return nil
	}
	// Through the rewriter, as the user's code: an instance may recover
	// (sync.OnceValue).
	segs := instanceSegments(decls)
	src, perr := s.source(0, segs, s.store.renames)
	if perr != nil {
		return s.fromPosError(cell, perr)
	}
	if err := s.run(ctx, cell, src, nil); err != nil {
		return err
	}
	for _, d := range decls {
		s.instanceNames[funcName(d)] = true
	}
	return nil
}

// instanceSegments returns instances as declaration segments, to be
// evaluated with the declarations whose types they name.
func instanceSegments(decls []string) []*segment {
	if len(decls) == 0 {
		return nil
	}
	segs, err := splitCell(strings.Join(decls, "\n"))
	if err != nil {
		return nil
	}
	return segs
}

// funcName returns the name of an instance's declaration.
func funcName(decl string) string {
	name, _, ok := strings.Cut(strings.TrimPrefix(decl, "func "), "(")
	if !ok || !strings.HasPrefix(decl, "func ") {
		return ""
	}
	return name
}
