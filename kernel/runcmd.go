package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/gophlow/gophlow/kernel/runner"
)

// runCommand runs `gophlow run NOTEBOOK.ipynb [-o OUT.ipynb] [--timeout D] [--html OUT.html]`.
func runCommand(args []string, stderr io.Writer) error {
	fs := newFlagSet("run", stderr)
	var opts runner.Options
	fs.StringVar(&opts.Output, "o", "", "write the executed notebook here (default: in place)")
	fs.StringVar(&opts.HTML, "html", "", "also write a self-contained HTML page here")
	fs.DurationVar(&opts.Timeout, "timeout", 0, "stop a cell that runs longer than this (e.g. 2m)")
	paths, err := parseAround(fs, args)
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		return fmt.Errorf("%w: run takes one notebook", errUsage)
	}
	opts.Log = stderr
	err = runner.Run(paths[0], opts)
	var cellErr *runner.CellError
	if errors.As(err, &cellErr) {
		return fmt.Errorf("%s: %w", paths[0], err)
	}
	return err
}
