package main

import (
	"fmt"
	"io"
	"os"

	"github.com/gophlow/gophlow/kernel/kernelspec"
)

// kernelspecCommand runs `gophlow install` or `gophlow uninstall`.
func kernelspecCommand(cmd string, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet(cmd, stderr)
	var w kernelspec.Where
	fs.BoolVar(&w.User, "user", false, "install for the current user (the default)")
	fs.StringVar(&w.Prefix, "prefix", "", "install under DIR/share/jupyter/kernels")
	fs.BoolVar(&w.SysPrefix, "sys-prefix", false, "install under Python's sys.prefix")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	n := 0
	for _, set := range []bool{w.User, w.Prefix != "", w.SysPrefix} {
		if set {
			n++
		}
	}
	if n > 1 {
		fmt.Fprintln(stderr, "gophlow: choose one of --user, --prefix and --sys-prefix")
		return errUsage
	}
	if cmd == "uninstall" {
		dir, err := kernelspec.Uninstall(w)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "removed the %s kernelspec from %s\n", kernelspec.Name, dir)
		return nil
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("finding this program's path: %w", err)
	}
	dir, err := kernelspec.Install(exe, w)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "installed the %q kernelspec in %s\n", kernelspec.DisplayName, dir)
	return nil
}
