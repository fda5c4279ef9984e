package server

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/gophlow/gophlow/kernel/session"
)

// magicHelp documents the magics; it is part of %help.
const magicHelp = `Magics (lines at the top of a cell):
  %help               this help
  %time               run the rest of the cell and print its wall and CPU time
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

// runMagics runs the magic lines at the top of code and returns the Go code
// that remains to be evaluated (after it, %time reports).
func (s *Server) runMagics(ctx context.Context, code string) (rest string, after func(), err error) {
	if strings.HasPrefix(code, "%%writefile") {
		header, body, _ := strings.Cut(code, "\n")
		name := strings.TrimSpace(strings.TrimPrefix(header, "%%writefile"))
		if name == "" {
			return "", nil, magicError("%%%%writefile needs a file name")
		}
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			return "", nil, magicError("%%%%writefile: %v", err)
		}
		fmt.Printf("wrote %d bytes to %s\n", len(body), name)
		return "", nil, nil
	}
	lines := strings.Split(code, "\n")
	i := 0
	for ; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "%") && !strings.HasPrefix(line, "!") {
			break
		}
		if line == "%time" {
			after = s.timer()
			continue
		}
		if err := s.magic(ctx, line); err != nil {
			return "", nil, err
		}
	}
	// Keep the line count so that errors in the Go part point at the
	// cell's own lines: magic lines become blank lines.
	return strings.Repeat("\n", i) + strings.Join(lines[i:], "\n"), after, nil
}

// magic runs one magic line.
func (s *Server) magic(ctx context.Context, line string) error {
	if cmd, ok := strings.CutPrefix(line, "!"); ok {
		c := exec.CommandContext(ctx, "/bin/sh", "-c", cmd)
		c.Stdout, c.Stderr = os.Stdout, os.Stderr
		if err := c.Run(); err != nil {
			return magicError("!%s: %v", cmd, err)
		}
		return nil
	}
	name, arg, _ := strings.Cut(strings.TrimPrefix(line, "%"), " ")
	arg = strings.TrimSpace(arg)
	switch name {
	case "help":
		os.Stdout.WriteString(helpText)
	case "who":
		names := s.cfg.Session.Names()
		sort.Slice(names, func(i, j int) bool { return names[i].Name < names[j].Name })
		for _, n := range names {
			fmt.Printf("%-20s %-6s %s\n", n.Name, n.Kind, n.Type)
		}
		if len(names) == 0 {
			fmt.Println("nothing defined yet")
		}
	case "reset":
		if err := s.cfg.Session.Reset(); err != nil {
			return magicError("%%reset: %v", err)
		}
		fmt.Println("fresh interpreter: all earlier definitions are gone")
	case "env":
		return envMagic(arg)
	case "cd":
		if arg != "" {
			if strings.HasPrefix(arg, "~") {
				home, _ := os.UserHomeDir()
				arg = filepath.Join(home, arg[1:])
			}
			if err := os.Chdir(arg); err != nil {
				return magicError("%%cd: %v", err)
			}
		}
		wd, _ := os.Getwd()
		fmt.Println(wd)
	default:
		return magicError("unknown magic %%%s (%%help lists them)", name)
	}
	return nil
}

func envMagic(arg string) error {
	switch {
	case arg == "":
		env := os.Environ()
		sort.Strings(env)
		for _, kv := range env {
			fmt.Println(kv)
		}
	case strings.Contains(arg, "="):
		k, v, _ := strings.Cut(arg, "=")
		if err := os.Setenv(strings.TrimSpace(k), strings.TrimSpace(v)); err != nil {
			return magicError("%%env: %v", err)
		}
	default:
		v, ok := os.LookupEnv(arg)
		if !ok {
			return magicError("%%env: %s is not set", arg)
		}
		fmt.Println(v)
	}
	return nil
}

// timer starts a %time measurement and returns the function that prints it.
func (s *Server) timer() func() {
	wall := time.Now()
	cpu := cpuTime()
	return func() {
		fmt.Printf("wall time: %v, CPU time: %v\n", time.Since(wall).Round(time.Microsecond), (cpuTime() - cpu).Round(time.Microsecond))
	}
}

// cpuTime is the CPU time (user + system) used by the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
