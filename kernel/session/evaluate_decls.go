package session

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"strings"
)

// Evaluating declarations, and what their redefinition entails (see
// declare.go for the bookkeeping).

// runDecls evaluates a cell's run of declarations together with the
// earlier declarations their redefinitions make stale.
func (s *Session) runDecls(ctx context.Context, cell int, segs []*segment) error {
	incoming := make([]*decl, len(segs))
	for k, sg := range segs {
		incoming[k] = s.store.newDecl(sg, cell)
	}
	p := s.store.planFor(incoming, nil)
	src, perr := s.declSource(cell, incoming, p.again, p.renames)
	if perr != nil {
		return s.fromPosError(cell, perr)
	}
	err := s.run(ctx, cell, src, segs)
	if err != nil && p.again != nil && blamesEarlierCell(err) {
		// A dependent no longer compiles against the new definition: keep
		// the cell's own declarations (and the types and methods that must
		// move with them), and re-evaluate the other dependents one by one.
		var must, others []*decl
		for _, d := range p.again {
			if d.kind == "type" || d.kind == "method" {
				must = append(must, d)
			} else {
				others = append(others, d)
			}
		}
		if src, perr = s.declSource(cell, incoming, must, p.renames); perr != nil {
			return s.fromPosError(cell, perr)
		}
		if err = s.run(ctx, cell, src, segs); err == nil {
			s.store.commit(incoming, p)
			s.reevaluate(ctx, cell, others, p.renames)
			s.warnStaleMethods(p)
			return nil
		}
	}
	if err != nil {
		s.store.taint(incoming)
		return err
	}
	s.store.commit(incoming, p)
	s.warnStaleMethods(p)
	return nil
}

// warnStaleMethods tells the user which methods still call the old
// definitions.
func (s *Session) warnStaleMethods(p plan) {
	if len(p.staleMethods) > 0 {
		fmt.Fprintf(s.opts.Stderr, "note: %s still call the previous definitions (the interpreter cannot redefine a method); re-run the cell declaring them, changed, to update them\n",
			strings.Join(p.staleMethods, ", "))
	}
}

// declSource renders the re-evaluated declarations again (each compiled
// under its own cell's name) followed by incoming ones (of cell).
func (s *Session) declSource(cell int, incoming, again []*decl, renames map[string]string) (string, *posError) {
	var b strings.Builder
	for _, d := range again {
		src, perr := s.source(d.cell, []*segment{d.seg}, renames)
		if perr != nil {
			return "", perr
		}
		b.WriteString(src)
	}
	if src, ok, perr := s.orderedSource(cell, incoming, renames); perr != nil || ok {
		b.WriteString(src)
		return b.String(), perr
	}
	for _, d := range incoming {
		src, perr := s.source(cell, []*segment{d.seg}, renames)
		if perr != nil {
			return "", perr
		}
		b.WriteString(src)
	}
	return b.String(), nil
}

// reevaluate evaluates each earlier declaration in ds again. One that no
// longer compiles is reported on standard error and, if it is a function,
// replaced by one that panics with the reason when called (a failed
// compilation leaves yaegi's old function unusable).
func (s *Session) reevaluate(ctx context.Context, cell int, ds []*decl, renames map[string]string) {
	for _, d := range ds {
		src, perr := s.source(d.cell, []*segment{d.seg}, renames)
		if perr != nil {
			continue
		}
		err := s.run(ctx, cell, src, []*segment{d.seg})
		if err == nil {
			continue
		}
		var e *Error
		msg := err.Error()
		if errors.As(err, &e) {
			msg = e.Value
		}
		name := strings.Join(d.names, ", ")
		fmt.Fprintf(s.opts.Stderr, "warning: %s (from an earlier cell) no longer compiles after this redefinition: %s\n", name, msg)
		if fd, ok := d.seg.decl.(*ast.FuncDecl); ok && fd.Body != nil {
			r := s.rewriter(d.seg, renames)
			body := edit{start: d.seg.offset(fd.Body.Lbrace), end: d.seg.offset(fd.Body.End()),
				repl: fmt.Sprintf("{ panic(%q) }", name+" no longer compiles (run its cell again after fixing it): "+msg)}
			_ = s.run(ctx, cell, d.seg.render(d.cell, append([]edit{body}, r.all()...)), []*segment{d.seg})
		}
	}
}

// blamesEarlierCell reports whether a compile error is located outside the
// running cell (in a declaration being re-evaluated).
func blamesEarlierCell(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Name == "CompileError" && e.Line == 0
}
