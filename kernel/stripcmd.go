package main

import (
	"fmt"
	"io"
	"os"

	"github.com/gophlow/gophlow/classroom/solutions"
)

// stripCommand runs `gophlow strip-solutions IN.ipynb OUT.ipynb`.
func stripCommand(args []string, stdout io.Writer) error {
	if len(args) != 2 {
		return fmt.Errorf("%w: strip-solutions takes IN.ipynb and OUT.ipynb", errUsage)
	}
	in, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	out, err := solutions.Strip(in)
	if err != nil {
		return fmt.Errorf("%s: %w", args[0], err)
	}
	if err := os.WriteFile(args[1], out, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote the student version of %s to %s\n", args[0], args[1])
	return nil
}
