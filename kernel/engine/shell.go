package engine

import (
	"context"
	"os/exec"
)

// shell runs a command with /bin/sh (!command); its output is the cell's.
// Interrupting the cell kills it.
func (e *Engine) shell(ctx context.Context, cmd string) error {
	c := exec.CommandContext(ctx, "/bin/sh", "-c", cmd)
	c.Stdout, c.Stderr = e.stdout(), e.stderr()
	if err := c.Run(); err != nil {
		return magicError("!%s: %v", cmd, err)
	}
	return nil
}
