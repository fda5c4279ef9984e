package engine

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/gophlow/gophlow/kernel/session"
)

// magicHelp documents the magics; it is part of %help.
const magicHelp = `Magics (lines at the top of a cell):
  %help               this help
  %time               run the rest of the cell and print its wall and CPU time
  %time CODE          run CODE (and the lines it needs to be complete) and print its time
  %who                list the names defined so far, with their kinds and types
  %reset              start a fresh interpreter: every variable, function and type is dropped
  %env                list environment variables; %env NAME prints one; %env NAME=value sets it
  %cd DIR             change the working directory (%cd alone prints it)
  %%writefile FILE    write the rest of the cell to FILE instead of running it
  !command            run a shell command; its output is streamed into the cell
`

// magicError is a usage error of a magic.
func magicError(format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	return &session.Error{Name: "MagicError", Value: msg, Traceback: []string{"MagicError: " + msg}}
}

// lineMagic runs one magic line other than %time: "%name args" or
// "!command".
func (e *Engine) lineMagic(ctx context.Context, line string) error {
	if cmd, ok := strings.CutPrefix(line, "!"); ok {
		return e.shell(ctx, cmd)
	}
	name, arg, _ := strings.Cut(strings.TrimPrefix(line, "%"), " ")
	arg = strings.TrimSpace(arg)
	switch name {
	case "help":
		io.WriteString(e.stdout(), helpText)
	case "who":
		e.who()
	case "reset":
		if err := e.cfg.Session.Reset(); err != nil {
			return magicError("%%reset: %v", err)
		}
		fmt.Fprintln(e.stdout(), "fresh interpreter: all earlier definitions are gone")
	case "env":
		return e.env(arg)
	case "cd":
		return e.cd(arg)
	default:
		return magicError("unknown magic %%%s (%%help lists them)", name)
	}
	return nil
}
