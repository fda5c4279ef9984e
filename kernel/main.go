// Command gophlow is a Jupyter kernel for Go with flow matching built in.
//
//	gophlow install [--user | --prefix DIR | --sys-prefix]
//	gophlow uninstall [--user | --prefix DIR | --sys-prefix]
//	gophlow kernel [--allow-unsigned] CONNECTION_FILE
//	gophlow run NOTEBOOK.ipynb [-o OUT.ipynb] [--timeout D] [--html OUT.html]
//	gophlow strip-solutions IN.ipynb OUT.ipynb
//	gophlow grade ASSIGNMENT.ipynb SUBMISSIONS_DIR OUT_DIR [--timeout D] [--total D] [--memory BYTES] [-j N]
//	gophlow version
//	gophlow help
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// usage is printed by `gophlow help` and after a usage error.
const usage = `gophlow — a Jupyter kernel for Go, with flow matching built in

Usage:
  gophlow install [--user | --prefix DIR | --sys-prefix]
        install the "Go (gophlow)" kernelspec for Jupyter (default --user);
        re-running it replaces the old one
  gophlow uninstall [--user | --prefix DIR | --sys-prefix]
        remove the kernelspec
  gophlow kernel [--allow-unsigned] CONNECTION_FILE
        run the kernel (Jupyter runs this); --allow-unsigned accepts a
        connection file with an empty key, which lets anyone on the machine
        who can reach the ports run code
  gophlow run NOTEBOOK.ipynb [-o OUT.ipynb] [--timeout D] [--html OUT.html]
        execute the notebook's cells in order without Jupyter and write it
        back with its outputs (in place unless -o); the exit status is 1 on
        the first failing cell, which is printed with its number and line
  gophlow strip-solutions IN.ipynb OUT.ipynb
        write the student version of an exercise notebook: solution regions
        replaced by stubs, outputs cleared (markers: go doc ./classroom/solutions)
  gophlow grade ASSIGNMENT.ipynb SUBMISSIONS_DIR OUT_DIR [--timeout D] [--total D] [--memory BYTES] [-j N]
        grade every STUDENT.ipynb (or STUDENT/ folder) of SUBMISSIONS_DIR
        against the teacher notebook, each in its own process with a time
        limit per cell (default 30s) and per submission (default 5m) and a
        memory limit (default 1G); writes
        OUT_DIR/gradebook.csv, totals.csv and feedback/STUDENT.html
        (go doc ./classroom/grade)
  gophlow version
        print the version
  gophlow help
        print this help
`

// errUsage marks a command-line error: usage is printed and the exit status is 2.
var errUsage = errors.New("usage")

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes a command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "install", "uninstall":
		err = kernelspecCommand(args[0], args[1:], stdout, stderr)
	case "kernel":
		err = kernelCommand(args[1:], stderr)
	case "run":
		err = runCommand(args[1:], stderr)
	case "strip-solutions":
		err = stripCommand(args[1:], stdout)
	case "grade":
		err = gradeCommand(args[1:], stdout, stderr)
	case "grade-worker":
		err = gradeWorkerCommand()
	case "version", "--version":
		fmt.Fprintln(stdout, versionString())
	case "help", "--help", "-h":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "gophlow: unknown command %q\n\n", args[0])
		err = errUsage
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage) || errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stderr, usage)
		return 2
	default:
		fmt.Fprintf(stderr, "gophlow: %v\n", err)
		return 1
	}
}

// newFlagSet returns a flag set that reports errors as errUsage.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	return fs
}

// parseAround parses args with fs, flags before or after the positional
// arguments, and returns the positional arguments.
func parseAround(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		if fs.NArg() == 0 {
			return paths, nil
		}
		paths = append(paths, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
