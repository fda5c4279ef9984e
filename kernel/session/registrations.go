package session

import (
	"context"
	"strings"
)

// registerTypes runs the statements registering the struct types the
// declarations just evaluated declare with the printer (cellcheck's
// registrations.go, showfmt's registry.go). A registration that fails
// costs only its printing, so its error is dropped.
func (s *Session) registerTypes(ctx context.Context, cell int) {
	if len(s.registrations) == 0 {
		return
	}
	src := directive(0, 1, 1, false) + strings.Join(s.registrations, "\n") + "\n"
	s.registrations = nil
	_ = s.run(ctx, cell, src, nil)
}
