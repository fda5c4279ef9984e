package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/gophlow/gophlow/classroom/grade"
)

// gradeCommand runs `gophlow grade ASSIGNMENT.ipynb SUBMISSIONS_DIR OUT_DIR
// [--timeout D] [--total D] [--memory BYTES] [-j N]`.
func gradeCommand(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("grade", stderr)
	var opts grade.Options
	var memory string
	fs.DurationVar(&opts.Timeout, "timeout", 0, "time limit of a cell (default 30s)")
	fs.DurationVar(&opts.Total, "total", 0, "time limit of one submission, restarts included (default 5m)")
	fs.StringVar(&memory, "memory", "", "memory a cell may take, in bytes or with a K, M or G suffix (default 1G)")
	fs.IntVar(&opts.Jobs, "j", 0, "submissions graded at once (default 2)")
	paths, err := parseAround(fs, args)
	if err != nil {
		return err
	}
	if len(paths) != 3 {
		return fmt.Errorf("%w: grade takes ASSIGNMENT.ipynb, SUBMISSIONS_DIR and OUT_DIR", errUsage)
	}
	if memory != "" {
		n, err := byteCount(memory)
		if err != nil {
			return fmt.Errorf("%w: --memory %q: %v", errUsage, memory, err)
		}
		opts.Memory = n
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	opts.Assignment, opts.Submissions, opts.Out = paths[0], paths[1], paths[2]
	opts.Worker = []string{self, "grade-worker"}
	opts.Log = stderr
	students, err := grade.Run(opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "graded %d submissions: %s/gradebook.csv, %s/totals.csv, %s/feedback/\n", len(students), opts.Out, opts.Out, opts.Out)
	for i, g := range students[0].Grades {
		passed := 0
		for _, s := range students {
			if s.Grades[i].Passed {
				passed++
			}
		}
		fmt.Fprintf(stdout, "exercise %s: %d of %d passed\n", g.Exercise, passed, len(students))
	}
	return nil
}

// byteCount parses "512M", "2G", "1048576".
func byteCount(s string) (int64, error) {
	shift := 0
	switch strings.ToUpper(s[len(s)-1:]) {
	case "K":
		shift = 10
	case "M":
		shift = 20
	case "G":
		shift = 30
	}
	if shift > 0 {
		s = s[:len(s)-1]
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("not a positive byte count")
	}
	return n << shift, nil
}

// gradeWorkerCommand runs one submission for gophlow grade: the job on
// standard input, signed reports on file descriptor 3.
func gradeWorkerCommand() error {
	return grade.Worker(os.Stdin, os.NewFile(3, "report"))
}
