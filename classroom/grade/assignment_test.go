package grade

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const teacherNB = `{"nbformat": 4, "nbformat_minor": 4, "metadata": {}, "cells": [
 {"cell_type": "code", "metadata": {}, "source": "import \"fmt\""},
 {"cell_type": "code", "metadata": {}, "source": ["func f() int {\n", "\t// BEGIN SOLUTION\n", "\treturn 1\n", "\t// END SOLUTION\n", "}"]},
 {"cell_type": "code", "metadata": {"classroom": {"exercise": "1", "points": 2}}, "source": "r := check(f)\n// BEGIN TEACHER\nassert(r)\n// END TEACHER\nr"},
 {"cell_type": "code", "metadata": {"classroom": {"exercise": "2", "points": 1}}, "source": "check2()"}
]}`

func TestParseAssignment(t *testing.T) {
	a, err := ParseAssignment([]byte(teacherNB))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Exercises) != 2 || a.Exercises[0].ID != "1" || a.Exercises[0].Points != 2 || a.Exercises[1].Points != 1 {
		t.Fatalf("exercises %+v", a.Exercises)
	}
	if a.Exercises[0].check != "r := check(f)\nr" {
		t.Errorf("the check is not the student version's: %q", a.Exercises[0].check)
	}
	for _, bad := range []string{`{"nbformat": 4, "cells": []}`, `[1, 2]`, strings.Replace(teacherNB, `"exercise": "2"`, `"exercise": "1"`, 1)} {
		if _, err := ParseAssignment([]byte(bad)); err == nil {
			t.Errorf("accepted %.40q", bad)
		}
	}
}

// A submission's check cells get the teacher's source, a second cell
// claiming an exercise is dropped, odd metadata makes a cell ordinary, and a
// missing check runs at the end.
func TestAssemble(t *testing.T) {
	a, err := ParseAssignment([]byte(teacherNB))
	if err != nil {
		t.Fatal(err)
	}
	sub := `{"nbformat": 4, "cells": [
 {"cell_type": "code", "metadata": {}, "source": "import \"fmt\""},
 {"cell_type": "markdown", "metadata": {"classroom": {"exercise": "1", "points": 9}}, "source": "notes"},
 {"cell_type": "code", "metadata": {"classroom": {"exercise": "1", "points": 9}}, "source": "fmt.Println(\"PASS\")"},
 {"cell_type": "code", "metadata": {"classroom": {"exercise": "1"}}, "source": "again()"},
 {"cell_type": "code", "metadata": {"classroom": "odd"}, "source": "odd()"}
]}`
	cells, err := a.assemble([]byte(sub))
	if err != nil {
		t.Fatal(err)
	}
	want := []jobCell{{Source: "import \"fmt\"", Cell: 1}, {Source: "r := check(f)\nr", Exercise: "1", Cell: 3}, {Source: "odd()", Cell: 5}, {Source: "check2()", Exercise: "2"}}
	if len(cells) != len(want) {
		t.Fatalf("got %+v, want %+v", cells, want)
	}
	for i := range want {
		if cells[i] != want[i] {
			t.Errorf("cell %d: got %+v, want %+v", i, cells[i], want[i])
		}
	}
}

func TestForbiddenMagic(t *testing.T) {
	for src, want := range map[string]string{
		"%time f()":                 "",
		"// note\n!rm -rf .":        "!rm -rf .",
		"%cd /\nx := 1":             "%cd /",
		"x := 1\n!y":                "",
		"%%writefile a.go\npackage": "%%writefile a.go",
	} {
		if got := forbiddenMagic(src); got != want {
			t.Errorf("forbiddenMagic(%q) = %q, want %q", src, got, want)
		}
	}
}

func TestFindNotebook(t *testing.T) {
	dir := t.TempDir()
	touch := func(name string) {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := findNotebook(dir, "hw.ipynb"); got != "" {
		t.Errorf("empty folder: %q", got)
	}
	touch("hw1/hw.ipynb")
	if got := findNotebook(dir, "hw.ipynb"); got != filepath.Join(dir, "hw1", "hw.ipynb") {
		t.Errorf("nbgrader layout: %q", got)
	}
	touch("a.ipynb")
	if got := findNotebook(dir, "hw.ipynb"); got != filepath.Join(dir, "a.ipynb") {
		t.Errorf("a notebook in the folder itself comes first: %q", got)
	}
	touch("hw.ipynb")
	if got := findNotebook(dir, "hw.ipynb"); got != filepath.Join(dir, "hw.ipynb") {
		t.Errorf("the notebook named like the assignment: %q", got)
	}
}

func TestWorkerEnv(t *testing.T) {
	got := strings.Join(workerEnv([]string{"PATH=/bin", "JUPYTERHUB_API_TOKEN=secret", "LC_ALL=C", "AWS_SECRET_ACCESS_KEY=x", "GOPHLOW_COURSE_STEPS=5", "HOME=/root"}), " ")
	if got != "PATH=/bin LC_ALL=C GOPHLOW_COURSE_STEPS=5" {
		t.Errorf("worker environment %q", got)
	}
}

// An exercise's part runs from its heading (or the previous check) to its
// check: the notebook's introduction and imports are not the first
// exercise's, a paragraph between code cells is, and only a check's first
// cell counts.
func TestParts(t *testing.T) {
	nb := `{"nbformat": 4, "nbformat_minor": 4, "metadata": {}, "cells": [
 {"cell_type": "markdown", "metadata": {}, "source": "# Problem set\n\nIntro."},
 {"cell_type": "code", "metadata": {}, "source": "import \"fmt\""},
 {"cell_type": "markdown", "metadata": {}, "source": "## 1 · First\n\nCompute $x^2$."},
 {"cell_type": "code", "metadata": {}, "source": "a := 1"},
 {"cell_type": "markdown", "metadata": {}, "source": "Then **b**."},
 {"cell_type": "code", "metadata": {}, "source": "b := 2"},
 {"cell_type": "code", "metadata": {"classroom": {"exercise": "1", "points": 1}}, "source": "check1(a, b)"},
 {"cell_type": "code", "metadata": {}, "source": "c := 3"},
 {"cell_type": "code", "metadata": {"classroom": {"exercise": "2", "points": 1}}, "source": "check2(c)"},
 {"cell_type": "code", "metadata": {}, "source": "d := 4"},
 {"cell_type": "code", "metadata": {"classroom": {"exercise": "2", "points": 1}}, "source": "check2(d)"}
]}`
	got := partsOf([]byte(nb))
	want := map[string]part{
		"1": {statement: "## 1 · First\n\nCompute $x^2$.\n\nThen **b**.", answer: "a := 1\n\nb := 2"},
		"2": {answer: "c := 3"},
	}
	if len(got) != len(want) || got["1"] != want["1"] || got["2"] != want["2"] {
		t.Errorf("parts = %+v, want %+v", got, want)
	}
	if partsOf([]byte("not json")) != nil {
		t.Error("parts of a broken notebook")
	}
}
