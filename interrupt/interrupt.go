// Package interrupt carries the kernel's "stop" signal into compiled code.
//
// Interpreted cells are stopped by the interpreter itself, but a call into
// compiled code (training, solving, likelihood) keeps running until it
// checks for cancellation. The gophlow kernel installs a fresh context for
// every cell (package hooks) and cancels it on an interrupt; long-running
// fmlib loops, and a notebook's own, call Context (or Check) between units
// of work. Outside the kernel Context returns context.Background, so plain
// Go programs pass their own context explicitly instead.
package interrupt

import (
	"context"
	"errors"

	"github.com/gophlow/gophlow/hooks"
)

// ErrInterrupted is returned (wrapped) by long-running calls that stopped
// because the kernel was interrupted.
var ErrInterrupted = errors.New("interrupted")

// Context returns the context of the running cell, or context.Background
// when no kernel has installed one.
func Context() context.Context {
	return hooks.Context()
}

// Check reports whether ctx is done: nil while it runs, and an error
// wrapping ErrInterrupted (and the context's own error) once it is
// cancelled. A nil ctx means Context().
func Check(ctx context.Context) error {
	hooks.Watched()
	if ctx == nil {
		ctx = Context()
	}
	if err := ctx.Err(); err != nil {
		return errors.Join(ErrInterrupted, err)
	}
	return nil
}
