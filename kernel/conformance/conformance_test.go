// Package conformance holds the differential test of the kernel against
// the Go compiler: every program under testdata/programs is built with
// `go build` and run (the ground truth), then run through the kernel with
// `gophlow run` in two modes, and the standard outputs are compared:
//
//	(A) the whole file in one cell, package clause included, then main();
//	(B) notebook style: the imports in one cell, each top-level
//	    declaration in a cell of its own (mutually recursive ones share
//	    one; each cell comes after what it uses), and main's body as the
//	    statements of the last cell.
//
// The programs that do not agree are listed in README.md under "Go that
// doesn't run in a cell yet"; the test fails when that list and the
// measured disagreements differ, either way.
package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gophlow/gophlow/kernel/cellcheck"
)

// A program is one corpus entry and what it printed where.
type program struct {
	name, src string
	want      string
	got       [2]string // modes A and B
	err       [2]string // the kernel's error, if a cell failed
}

func TestKernelAgreesWithGoBuild(t *testing.T) {
	if os.Getenv("GOPHLOW_CONFORMANCE") == "" {
		t.Skip("set GOPHLOW_CONFORMANCE=1 (make conformance) to build and run every corpus program through the kernel, or to a regexp to run the programs whose paths match")
	}
	dir := os.Getenv("GOPHLOW_CONFORMANCE_DIR") // keeps the notebooks for a look
	if dir == "" {
		dir = t.TempDir()
	}
	bin := os.Getenv("GOPHLOW_BIN")
	if bin == "" {
		bin = filepath.Join(dir, "gophlow")
		if out, err := exec.Command("go", "build", "-o", bin, "../").CombinedOutput(); err != nil {
			t.Fatalf("building the kernel: %v\n%s", err, out)
		}
	}
	bins := filepath.Join(dir, "bin") + string(filepath.Separator)
	if out, err := exec.Command("go", "build", "-o", bins, "./testdata/programs/...").CombinedOutput(); err != nil {
		t.Fatalf("go build of the corpus: %v\n%s", err, out)
	}
	names, err := filepath.Glob("testdata/programs/*/main.go")
	if err != nil || len(names) == 0 {
		t.Fatalf("no programs: %v", err)
	}
	only := os.Getenv("GOPHLOW_CONFORMANCE") // "1", or a regexp choosing programs
	if only != "1" {
		re := regexp.MustCompile(only)
		kept := names[:0]
		for _, n := range names {
			if re.MatchString(n) {
				kept = append(kept, n)
			}
		}
		names = kept
	}
	progs := make([]*program, len(names))
	var wg sync.WaitGroup
	work := make(chan *program)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				runProgram(t, p, bin, bins, dir)
			}
		}()
	}
	for k, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		progs[k] = &program{name: filepath.Base(filepath.Dir(n)), src: string(src)}
		work <- progs[k]
	}
	close(work)
	wg.Wait()

	known := knownFailures(t)
	failed := map[string]bool{}
	agree := [2]int{}
	for _, p := range progs {
		for m := range 2 {
			if p.got[m] == p.want {
				agree[m]++
				continue
			}
			failed[p.name] = true
			if _, listed := known[p.name]; !listed {
				t.Errorf("%s, mode %c: the kernel prints\n%s%s\nwhere the compiled program prints\n%s", p.name, "AB"[m], p.got[m], p.err[m], p.want)
			}
		}
	}
	var lines []string
	for _, p := range progs {
		if failed[p.name] {
			lines = append(lines, fmt.Sprintf("- `%s` — A: %s; B: %s", p.name, p.symptom(0), p.symptom(1)))
		}
	}
	t.Logf("README lines for the programs that disagree:\n%s", strings.Join(lines, "\n"))
	for n, always := range known {
		if always && !failed[n] && only == "1" {
			t.Errorf("%s is listed in README.md as not running in a cell, but it agrees in both modes: remove it from the list", n)
		}
	}
	t.Logf("conformance programs=%d agree_A=%d (%.1f%%) agree_B=%d (%.1f%%)", len(progs),
		agree[0], 100*float64(agree[0])/float64(len(progs)), agree[1], 100*float64(agree[1])/float64(len(progs)))
}

// symptom says in a few words what mode m of p showed.
func (p *program) symptom(m int) string {
	switch {
	case p.got[m] == p.want:
		return "agrees"
	case p.err[m] != "":
		msg := strings.Trim(strings.TrimSpace(p.err[m]), "()")
		if i := strings.IndexAny(msg, ";\n"); i > 0 {
			msg = msg[:i]
		}
		if len(msg) > 110 {
			msg = msg[:110] + "…"
		}
		return strings.ReplaceAll(msg, "`", "'")
	}
	return "prints differently"
}

// runProgram runs p compiled and through the kernel in both modes.
func runProgram(t *testing.T, p *program, bin, bins, dir string) {
	out, err := command(exec.Command(bins + p.name))
	if err != nil {
		t.Errorf("%s: the compiled program failed: %v", p.name, err)
	}
	p.want = out
	cellsB, err := notebookCells(p.src)
	if err != nil {
		t.Errorf("%s: %v", p.name, err)
		return
	}
	for m, cells := range [][]string{{p.src, "main()"}, cellsB} {
		nb := filepath.Join(dir, fmt.Sprintf("%s-%c.ipynb", p.name, "AB"[m]))
		if err := writeNotebook(nb, cells); err != nil {
			t.Fatal(err)
		}
		if _, err := command(exec.Command(bin, "run", "--timeout", "15s", nb)); errors.Is(err, context.DeadlineExceeded) || isKilled(err) {
			p.got[m], p.err[m] = "", "\n(the kernel did not finish within 20 s)"
			continue
		}
		p.got[m], p.err[m] = notebookStdout(nb)
	}
}

// isKilled reports whether err is that of a process ended by a signal.
func isKilled(err error) bool {
	var ee *exec.ExitError
	return errors.As(err, &ee) && ee.ProcessState.ExitCode() == -1
}

// command runs c in a fresh temporary directory with a time limit and
// returns its standard output.
func command(c *exec.Cmd) (string, error) {
	// A program takes well under a second compiled; a kernel that has not
	// finished it in this time hangs (the runner's cell timeout cannot stop
	// a hang inside yaegi's compiler).
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	wd, err := os.MkdirTemp("", "conformance")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(wd)
	cc := exec.CommandContext(ctx, c.Path, c.Args[1:]...)
	cc.Dir = wd
	var out bytes.Buffer
	cc.Stdout = &out
	err = cc.Run()
	return out.String(), err
}

// notebookCells splits a program into notebook-style cells (mode B).
func notebookCells(src string) ([]string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	text := func(n ast.Node) string { return src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset] }
	var imports []string
	var decls []ast.Decl
	var body string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Tok == token.IMPORT {
				imports = append(imports, text(d))
				continue
			}
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name == "main" {
				if n := len(d.Body.List); n > 0 {
					body = src[fset.Position(d.Body.List[0].Pos()).Offset:fset.Position(d.Body.List[n-1].End()).Offset]
				}
				continue
			}
		}
		decls = append(decls, d)
	}
	cells := []string{strings.Join(imports, "\n")}
	for _, group := range dependencyOrder(decls) {
		var texts []string
		for _, d := range group {
			texts = append(texts, text(d))
		}
		cells = append(cells, strings.Join(texts, "\n\n"))
	}
	return append(cells, body), nil
}

// dependencyOrder groups declarations into cells so that each cell comes
// after the declarations it uses: a declaration alone, or mutually
// recursive ones together (as a notebook user writes them), in source
// order where nothing orders them.
func dependencyOrder(decls []ast.Decl) [][]ast.Decl {
	owner := map[any]int{} // a declaration's spec or func node → its index
	for k, d := range decls {
		owner[d] = k
		if g, ok := d.(*ast.GenDecl); ok {
			for _, sp := range g.Specs {
				owner[sp] = k
				if vs, ok := sp.(*ast.ValueSpec); ok {
					for _, n := range vs.Names {
						owner[n] = k
					}
				}
			}
		}
	}
	uses := make([][]int, len(decls))
	typeDecl := map[string]int{} // type name → index
	for k, d := range decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
			for _, sp := range g.Specs {
				typeDecl[sp.(*ast.TypeSpec).Name.Name] = k
			}
		}
	}
	for k, d := range decls {
		// A type and its methods go in one cell, as a notebook user keeps
		// them (methods calling each other need it).
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil {
			if j, ok := typeDecl[cellcheck.ReceiverTypeName(fd.Recv.List[0].Type)]; ok {
				uses[k], uses[j] = append(uses[k], j), append(uses[j], k)
			}
		}
	}
	for k, d := range decls {
		ast.Inspect(d, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Obj != nil {
				if j, ok := owner[id.Obj.Decl]; ok && j != k {
					uses[k] = append(uses[k], j)
				}
			}
			return true
		})
	}
	// Tarjan's strongly connected components come out dependencies first.
	index, low, onStack := map[int]int{}, map[int]int{}, map[int]bool{}
	var stack []int
	var groups [][]ast.Decl
	var visit func(k int)
	visit = func(k int) {
		index[k], low[k] = len(index), len(index)
		stack, onStack[k] = append(stack, k), true
		for _, j := range uses[k] {
			if _, seen := index[j]; !seen {
				visit(j)
				low[k] = min(low[k], low[j])
			} else if onStack[j] {
				low[k] = min(low[k], index[j])
			}
		}
		if low[k] == index[k] {
			var group []int
			for {
				j := stack[len(stack)-1]
				stack, onStack[j] = stack[:len(stack)-1], false
				group = append(group, j)
				if j == k {
					break
				}
			}
			sort.Ints(group)
			var g []ast.Decl
			for _, j := range group {
				g = append(g, decls[j])
			}
			groups = append(groups, g)
		}
	}
	for k := range decls {
		if _, seen := index[k]; !seen {
			visit(k)
		}
	}
	return groups
}

// writeNotebook writes an nbformat 4 notebook of code cells.
func writeNotebook(path string, cells []string) error {
	var nbCells []map[string]any
	for _, c := range cells {
		nbCells = append(nbCells, map[string]any{"cell_type": "code", "metadata": map[string]any{}, "source": c, "outputs": []any{}, "execution_count": nil})
	}
	data, err := json.Marshal(map[string]any{"nbformat": 4, "nbformat_minor": 5, "metadata": map[string]any{}, "cells": nbCells})
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// notebookStdout returns the stdout streams of an executed notebook, and
// the error output of a failed cell.
func notebookStdout(path string) (stdout, failure string) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err.Error()
	}
	var nb struct {
		Cells []struct {
			Outputs []struct {
				OutputType string `json:"output_type"`
				Name       string `json:"name"`
				Text       any    `json:"text"`
				Ename      string `json:"ename"`
				Evalue     string `json:"evalue"`
			} `json:"outputs"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(data, &nb); err != nil {
		return "", err.Error()
	}
	var b strings.Builder
	for _, c := range nb.Cells {
		for _, o := range c.Outputs {
			switch {
			case o.OutputType == "stream" && o.Name == "stdout":
				b.WriteString(joinText(o.Text))
			case o.OutputType == "error":
				failure = fmt.Sprintf("\n(%s: %s)", o.Ename, o.Evalue)
			}
		}
	}
	return b.String(), failure
}

// joinText joins nbformat multiline text.
func joinText(t any) string {
	switch t := t.(type) {
	case string:
		return t
	case []any:
		var b strings.Builder
		for _, s := range t {
			b.WriteString(fmt.Sprint(s))
		}
		return b.String()
	}
	return ""
}

// knownFailures reads the programs README.md lists under "Go that doesn't
// run in a cell yet" (lines "- `name` …"), each true unless marked
// "(sometimes".
func knownFailures(t *testing.T) map[string]bool {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "## Go that doesn't run in a cell yet")
	if !ok {
		t.Fatal(`README.md has no section "## Go that doesn't run in a cell yet"`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	known := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^- `([a-z0-9_]+)`(.*)$").FindAllStringSubmatch(section, -1) {
		// "(sometimes…": a race in the interpreter, agreeing on some runs.
		known[m[1]] = !strings.Contains(m[2], "(sometimes")
	}
	return known
}
