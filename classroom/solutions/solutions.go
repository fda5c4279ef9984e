// Package solutions turns a teacher notebook into the student version of a
// classroom exercise: it removes the marked solution regions and clears every
// output, so that what the students receive runs but does not give the
// answers away. `gophlow strip-solutions IN.ipynb OUT.ipynb` calls Strip.
//
// # Markers
//
// Markers are whole lines (leading spaces and tabs allowed, nothing else on
// the line). In code cells:
//
//	// BEGIN SOLUTION
//	return x1 - x0          (the teacher's code, removed)
//	// STUB: return nil     (optional: becomes "return nil" for the student)
//	// END SOLUTION
//
// The lines between BEGIN SOLUTION and END SOLUTION are removed. If the region
// holds "// STUB: code" lines, the student gets those lines with the prefix
// cut off ("// STUB:" alone gives an empty line); otherwise the student gets
//
//	panic("exercise: write your solution here")
//
// at the indentation of the BEGIN line. A panic is a terminating statement in
// Go, so a function with results still compiles with it as its whole body, and
// a check that calls the function reports the panic as a failed check.
//
//	// BEGIN TEACHER
//	if !result.Passed { panic(result) }
//	// END TEACHER
//
// removes the lines between the markers with no replacement: assertions that
// only hold with the solution in place (the teacher version is executed in CI
// and must fail loudly; the student version must not).
//
// In Markdown cells, <!-- BEGIN SOLUTION --> and <!-- END SOLUTION --> mark a
// model answer, replaced by "*Your answer here.*".
//
// nbgrader's spellings work too, so a teacher's habit carries over:
// "### BEGIN SOLUTION" and "### END SOLUTION" (written "// ### BEGIN SOLUTION"
// in a teacher version that must run, since a bare ### line is not Go) mark a
// SOLUTION region, and "### BEGIN HIDDEN TESTS" and "### END HIDDEN TESTS" a
// TEACHER region.
//
// Regions cannot nest, every BEGIN needs its END in the same cell, and a
// marker of the wrong cell type is an error, reported with the cell number
// and line.
//
// # Outputs
//
// Every code cell of the student version has its outputs removed and its
// execution count reset, because the teacher's outputs show the solution's
// results. Everything else — metadata, cell ids, attachments, the cells
// without markers — is kept as it was.
package solutions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// The marker lines, compared after trimming spaces and tabs.
const (
	beginSolution     = "// BEGIN SOLUTION"
	endSolution       = "// END SOLUTION"
	beginTeacher      = "// BEGIN TEACHER"
	endTeacher        = "// END TEACHER"
	stubPrefix        = "// STUB:"
	beginSolutionMD   = "<!-- BEGIN SOLUTION -->"
	endSolutionMD     = "<!-- END SOLUTION -->"
	defaultStub       = `panic("exercise: write your solution here")`
	markdownStub      = "*Your answer here.*"
	cellTypeCode      = "code"
	cellTypeMarkdown  = "markdown"
	notebookCellsName = "cells"
)

// Strip returns the student version of the teacher notebook in (nbformat 4
// JSON): solution regions replaced as the package documentation describes,
// teacher-only regions removed, and all outputs and execution counts cleared.
// It returns an error naming the cell and line of an unbalanced, nested or
// misplaced marker, or saying why in is not a notebook.
func Strip(in []byte) ([]byte, error) {
	var nb map[string]any
	if err := json.Unmarshal(in, &nb); err != nil {
		return nil, fmt.Errorf("solutions: the input is not a notebook (JSON): %v", err)
	}
	rawCells, ok := nb[notebookCellsName]
	if !ok {
		return nil, fmt.Errorf("solutions: the input has no %q list: not an nbformat 4 notebook", notebookCellsName)
	}
	cells, ok := rawCells.([]any)
	if !ok {
		return nil, fmt.Errorf("solutions: %q is not a list", notebookCellsName)
	}
	for i, raw := range cells {
		cell, ok := raw.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("solutions: cell %d is not an object", i+1)
		}
		if err := stripCell(cell); err != nil {
			return nil, fmt.Errorf("solutions: cell %d: %w", i+1, err)
		}
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(nb); err != nil {
		return nil, fmt.Errorf("solutions: encoding the student notebook: %v", err)
	}
	return out.Bytes(), nil
}

// stripCell rewrites one cell in place.
func stripCell(cell map[string]any) error {
	src, err := cellSource(cell)
	if err != nil {
		return err
	}
	kind, _ := cell["cell_type"].(string)
	var stripped string
	switch kind {
	case cellTypeCode:
		stripped, err = stripCode(src)
		cell["outputs"] = []any{}
		cell["execution_count"] = nil
	case cellTypeMarkdown:
		stripped, err = stripMarkdown(src)
	default:
		stripped, err = src, rejectMarkers(src, "a "+kind+" cell")
	}
	if err != nil {
		return err
	}
	if stripped != src {
		cell["source"] = sourceLines(stripped)
	}
	return nil
}

// cellSource returns a cell's source, which nbformat allows as one string or
// as a list of strings to be concatenated.
func cellSource(cell map[string]any) (string, error) {
	switch s := cell["source"].(type) {
	case nil:
		return "", nil
	case string:
		return s, nil
	case []any:
		var b strings.Builder
		for _, part := range s {
			str, ok := part.(string)
			if !ok {
				return "", fmt.Errorf("the source list holds a %T, want strings", part)
			}
			b.WriteString(str)
		}
		return b.String(), nil
	default:
		return "", fmt.Errorf("the source is a %T, want a string or a list of strings", s)
	}
}

// sourceLines splits text into lines that keep their "\n", as Jupyter writes them.
func sourceLines(text string) []any {
	lines := []any{}
	for text != "" {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			lines = append(lines, text)
			break
		}
		lines = append(lines, text[:i+1])
		text = text[i+1:]
	}
	return lines
}

// region is an open marker region while scanning a cell.
type region struct {
	kind    string // beginSolution or beginTeacher
	line    int    // 1-based line of the BEGIN marker
	indent  string // leading whitespace of the BEGIN marker
	stubs   []string
	stubbed bool // at least one STUB line was seen
}

// stripCode replaces the SOLUTION regions and removes the TEACHER regions of
// a code cell's source.
func stripCode(src string) (string, error) {
	if err := rejectLines(src, "a code cell", beginSolutionMD, endSolutionMD); err != nil {
		return "", err
	}
	lines := strings.SplitAfter(src, "\n")
	var out strings.Builder
	var open *region
	for n, line := range lines {
		body := strings.TrimRight(line, "\r\n")
		marker := canonical(strings.Trim(body, " \t"))
		indent := body[:len(body)-len(strings.TrimLeft(body, " \t"))]
		switch {
		case marker == beginSolution || marker == beginTeacher:
			if open != nil {
				return "", fmt.Errorf("line %d: %q inside the region opened by %q on line %d (regions cannot nest)", n+1, marker, open.kind, open.line)
			}
			open = &region{kind: marker, line: n + 1, indent: indent}
		case marker == endSolution || marker == endTeacher:
			want := endSolution
			if open != nil && open.kind == beginTeacher {
				want = endTeacher
			}
			if open == nil || marker != want {
				return "", fmt.Errorf("line %d: %q without a matching %q before it", n+1, marker, strings.Replace(marker, "END", "BEGIN", 1))
			}
			if open.kind == beginSolution {
				writeReplacement(&out, open, strings.HasSuffix(line, "\n"))
			}
			open = nil
		case open != nil && strings.HasPrefix(marker, stubPrefix):
			if open.kind != beginSolution {
				return "", fmt.Errorf("line %d: a %q line belongs in a SOLUTION region, not a TEACHER one", n+1, stubPrefix)
			}
			open.stubbed = true
			code := strings.TrimPrefix(marker, stubPrefix)
			code = strings.TrimPrefix(code, " ")
			if code == "" {
				open.stubs = append(open.stubs, "")
			} else {
				open.stubs = append(open.stubs, indent+code)
			}
		case open != nil:
			// teacher code: dropped
		default:
			out.WriteString(line)
		}
	}
	if open != nil {
		return "", fmt.Errorf("line %d: %q is never closed", open.line, open.kind)
	}
	return out.String(), nil
}

// nbgraderMarkers maps nbgrader's marker lines to ours.
var nbgraderMarkers = map[string]string{
	"### BEGIN SOLUTION":     beginSolution,
	"### END SOLUTION":       endSolution,
	"### BEGIN HIDDEN TESTS": beginTeacher,
	"### END HIDDEN TESTS":   endTeacher,
}

// canonical returns the marker a trimmed code line spells in nbgrader's way
// ("### BEGIN SOLUTION", optionally after "//"), or the line unchanged.
func canonical(line string) string {
	if m, ok := nbgraderMarkers[line]; ok {
		return m
	}
	if rest, ok := strings.CutPrefix(line, "//"); ok {
		if m, ok := nbgraderMarkers[strings.TrimLeft(rest, " \t")]; ok {
			return m
		}
	}
	return line
}

// writeReplacement writes what the student sees in place of a SOLUTION region.
func writeReplacement(out *strings.Builder, r *region, newline bool) {
	lines := r.stubs
	if !r.stubbed {
		lines = []string{r.indent + defaultStub}
	}
	for i, l := range lines {
		out.WriteString(l)
		if i < len(lines)-1 || newline {
			out.WriteString("\n")
		}
	}
}

// stripMarkdown replaces the model answers of a Markdown cell.
func stripMarkdown(src string) (string, error) {
	if err := rejectLines(src, "a Markdown cell", beginSolution, endSolution, beginTeacher, endTeacher); err != nil {
		return "", err
	}
	lines := strings.SplitAfter(src, "\n")
	var out strings.Builder
	openLine := 0
	for n, line := range lines {
		marker := strings.Trim(strings.TrimRight(line, "\r\n"), " \t")
		switch {
		case marker == beginSolutionMD:
			if openLine != 0 {
				return "", fmt.Errorf("line %d: %q inside the answer opened on line %d (regions cannot nest)", n+1, marker, openLine)
			}
			openLine = n + 1
		case marker == endSolutionMD:
			if openLine == 0 {
				return "", fmt.Errorf("line %d: %q without a matching %q before it", n+1, marker, beginSolutionMD)
			}
			out.WriteString(markdownStub)
			if strings.HasSuffix(line, "\n") {
				out.WriteString("\n")
			}
			openLine = 0
		case openLine != 0:
		default:
			out.WriteString(line)
		}
	}
	if openLine != 0 {
		return "", fmt.Errorf("line %d: %q is never closed", openLine, beginSolutionMD)
	}
	return out.String(), nil
}

// rejectMarkers refuses every marker in a cell that cannot hold them.
func rejectMarkers(src, where string) error {
	return rejectLines(src, where, beginSolution, endSolution, beginTeacher, endTeacher, beginSolutionMD, endSolutionMD)
}

// rejectLines returns an error if a line of src is one of markers.
func rejectLines(src, where string, markers ...string) error {
	for n, line := range strings.Split(src, "\n") {
		trimmed := strings.Trim(strings.TrimRight(line, "\r"), " \t")
		for _, m := range markers {
			if canonical(trimmed) == m {
				return fmt.Errorf("line %d: %q does not belong in %s", n+1, trimmed, where)
			}
		}
	}
	return nil
}
