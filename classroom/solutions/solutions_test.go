package solutions

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// notebook builds an nbformat 4 notebook from cells given as (type, source)
// pairs; code cells carry an output and an execution count to be cleared.
func notebook(t *testing.T, cells ...[2]string) []byte {
	t.Helper()
	var list []any
	for _, c := range cells {
		cell := map[string]any{"cell_type": c[0], "metadata": map[string]any{"tags": []any{"keep"}}, "source": sourceLines(c[1])}
		if c[0] == "code" {
			cell["execution_count"] = 3
			cell["outputs"] = []any{map[string]any{"output_type": "stream", "name": "stdout", "text": []any{"42\n"}}}
		}
		list = append(list, cell)
	}
	data, err := json.Marshal(map[string]any{"cells": list, "metadata": map[string]any{"kernelspec": map[string]any{"name": "gophlow"}}, "nbformat": 4, "nbformat_minor": 5})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// cellsOf decodes a stripped notebook's cells.
func cellsOf(t *testing.T, data []byte) []map[string]any {
	t.Helper()
	var nb struct {
		Cells []map[string]any `json:"cells"`
	}
	if err := json.Unmarshal(data, &nb); err != nil {
		t.Fatalf("Strip produced invalid JSON: %v\n%s", err, data)
	}
	return nb.Cells
}

func sourceOf(t *testing.T, cell map[string]any) string {
	t.Helper()
	s, err := cellSource(cell)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSolutionRegionBecomesPanicAtItsIndentation(t *testing.T) {
	in := notebook(t, [2]string{"code", "func target(x0, x1 float64) float64 {\n\t// BEGIN SOLUTION\n\treturn x1 - x0\n\t// END SOLUTION\n}\n\nfmt.Println(1)"})
	out, err := Strip(in)
	if err != nil {
		t.Fatal(err)
	}
	cell := cellsOf(t, out)[0]
	want := "func target(x0, x1 float64) float64 {\n\tpanic(\"exercise: write your solution here\")\n}\n\nfmt.Println(1)"
	if got := sourceOf(t, cell); got != want {
		t.Errorf("student source:\n%s\nwant:\n%s", got, want)
	}
	if outs := cell["outputs"].([]any); len(outs) != 0 {
		t.Errorf("outputs kept: %v", outs)
	}
	if cell["execution_count"] != nil {
		t.Errorf("execution_count = %v, want null", cell["execution_count"])
	}
	if tags := cell["metadata"].(map[string]any)["tags"]; len(tags.([]any)) != 1 {
		t.Errorf("metadata lost: %v", cell["metadata"])
	}
}

func TestStubLinesReplaceTheSolution(t *testing.T) {
	in := notebook(t, [2]string{"code", "func f() []float64 {\n    // BEGIN SOLUTION\n    v := compute()\n    return v\n    // STUB: // compute the vector here\n    // STUB: return nil\n    // END SOLUTION\n}\n"})
	out, err := Strip(in)
	if err != nil {
		t.Fatal(err)
	}
	want := "func f() []float64 {\n    // compute the vector here\n    return nil\n}\n"
	if got := sourceOf(t, cellsOf(t, out)[0]); got != want {
		t.Errorf("student source:\n%q\nwant:\n%q", got, want)
	}
}

func TestTeacherRegionIsRemovedWithoutReplacement(t *testing.T) {
	in := notebook(t, [2]string{"code", "r := check.Run()\n// BEGIN TEACHER\nif !r.Passed {\n\tpanic(r)\n}\n// END TEACHER\nr"})
	out, err := Strip(in)
	if err != nil {
		t.Fatal(err)
	}
	if got := sourceOf(t, cellsOf(t, out)[0]); got != "r := check.Run()\nr" {
		t.Errorf("student source: %q", got)
	}
}

func TestMarkdownAnswerIsReplaced(t *testing.T) {
	in := notebook(t, [2]string{"markdown", "**Question.** Why?\n\n<!-- BEGIN SOLUTION -->\nBecause the field is unique.\n<!-- END SOLUTION -->\n"})
	out, err := Strip(in)
	if err != nil {
		t.Fatal(err)
	}
	cell := cellsOf(t, out)[0]
	if got := sourceOf(t, cell); got != "**Question.** Why?\n\n*Your answer here.*\n" {
		t.Errorf("student markdown: %q", got)
	}
	if _, ok := cell["outputs"]; ok {
		t.Error("a Markdown cell gained an outputs field")
	}
}

func TestCellsWithoutMarkersKeepTheirSource(t *testing.T) {
	src := "x := 1\n// a comment mentioning BEGIN SOLUTION inline is not a marker\nx"
	in := notebook(t, [2]string{"code", src}, [2]string{"markdown", "# Title"})
	out, err := Strip(in)
	if err != nil {
		t.Fatal(err)
	}
	cells := cellsOf(t, out)
	if got := sourceOf(t, cells[0]); got != src {
		t.Errorf("code changed: %q", got)
	}
	if got := sourceOf(t, cells[1]); got != "# Title" {
		t.Errorf("markdown changed: %q", got)
	}
}

func TestStripIsIdempotent(t *testing.T) {
	in := notebook(t, [2]string{"code", "func f() int {\n\t// BEGIN SOLUTION\n\treturn 1\n\t// END SOLUTION\n}"}, [2]string{"markdown", "<!-- BEGIN SOLUTION -->\nx\n<!-- END SOLUTION -->"})
	once, err := Strip(in)
	if err != nil {
		t.Fatal(err)
	}
	twice, err := Strip(once)
	if err != nil {
		t.Fatal(err)
	}
	if string(once) != string(twice) {
		t.Errorf("stripping twice changed the notebook:\n%s\n---\n%s", once, twice)
	}
}

func TestMisplacedMarkersAreErrorsNamingCellAndLine(t *testing.T) {
	for _, tc := range []struct {
		name, kind, src, want string
	}{
		{"unclosed", "code", "a\n// BEGIN SOLUTION\nb", "cell 1: line 2: \"// BEGIN SOLUTION\" is never closed"},
		{"end without begin", "code", "// END SOLUTION", "cell 1: line 1: \"// END SOLUTION\" without a matching \"// BEGIN SOLUTION\""},
		{"nested", "code", "// BEGIN SOLUTION\n// BEGIN TEACHER\n// END TEACHER\n// END SOLUTION", "line 2: \"// BEGIN TEACHER\" inside the region opened by \"// BEGIN SOLUTION\" on line 1"},
		{"crossed ends", "code", "// BEGIN TEACHER\nx\n// END SOLUTION", "line 3: \"// END SOLUTION\" without a matching"},
		{"stub in teacher region", "code", "// BEGIN TEACHER\n// STUB: x\n// END TEACHER", "line 2: a \"// STUB:\" line belongs in a SOLUTION region"},
		{"code marker in markdown", "markdown", "text\n// BEGIN SOLUTION", "line 2: \"// BEGIN SOLUTION\" does not belong in a Markdown cell"},
		{"markdown marker in code", "code", "<!-- BEGIN SOLUTION -->", "line 1: \"<!-- BEGIN SOLUTION -->\" does not belong in a code cell"},
		{"marker in raw cell", "raw", "// BEGIN SOLUTION", "does not belong in a raw cell"},
		{"unclosed answer", "markdown", "<!-- BEGIN SOLUTION -->\nx", "line 1: \"<!-- BEGIN SOLUTION -->\" is never closed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Strip(notebook(t, [2]string{tc.kind, tc.src}))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestNotANotebook(t *testing.T) {
	for _, in := range []string{"not json", `{"nbformat": 4}`, `{"cells": 3}`, `{"cells": [1]}`, `{"cells": [{"cell_type": "code", "source": 7}]}`} {
		if _, err := Strip([]byte(in)); err == nil {
			t.Errorf("Strip(%s) succeeded, want an error", in)
		}
	}
}

// TestCourseExercisesStrip strips every teacher notebook under
// notebooks/exercises: each must have at least one solution region, strip
// without error, and keep no solution code.
func TestCourseExercisesStrip(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "notebooks", "exercises", "*.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Skip("no exercise notebooks yet")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), beginSolution) {
			t.Errorf("%s has no %q region", p, beginSolution)
		}
		out, err := Strip(data)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		for _, m := range []string{beginSolution, endSolution, beginTeacher, stubPrefix} {
			if strings.Contains(string(out), m) {
				t.Errorf("%s: the student version still contains %q", p, m)
			}
		}
	}
}

func TestNbgraderMarkers(t *testing.T) {
	in := notebook(t, [2]string{"code", "func f() int {\n\t// ### BEGIN SOLUTION\n\treturn 1\n\t// ### END SOLUTION\n}\n### BEGIN SOLUTION\nx := 2\n### END SOLUTION\nr := check()\n//### BEGIN HIDDEN TESTS\nassert(r)\n### END HIDDEN TESTS\nr"})
	out, err := Strip(in)
	if err != nil {
		t.Fatal(err)
	}
	want := "func f() int {\n\tpanic(\"exercise: write your solution here\")\n}\npanic(\"exercise: write your solution here\")\nr := check()\nr"
	if got := sourceOf(t, cellsOf(t, out)[0]); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	_, err = Strip(notebook(t, [2]string{"code", "// ### BEGIN SOLUTION\nx := 1\n// END SOLUTION"}, [2]string{"markdown", "### END SOLUTION"}))
	if err == nil || !strings.Contains(err.Error(), `cell 2: line 1: "### END SOLUTION" does not belong in a Markdown cell`) {
		t.Errorf("a nbgrader marker in Markdown: got %v", err)
	}
}
