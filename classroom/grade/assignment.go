package grade

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/gophlow/gophlow/classroom/solutions"
	"github.com/gophlow/gophlow/kernel/render"
)

// Exercise is one graded exercise of an assignment.
type Exercise struct {
	// ID is the exercise's number, e.g. "03.5".
	ID string
	// Points is what a passing check earns.
	Points float64
	// Statement is the exercise's text, Markdown as the student version
	// has it (see parts).
	Statement string
	// check is the check cell's source as the student version has it.
	check string
	// names are the names of the verdicts the teacher's run of the check
	// produced; a submission's verdicts count only under these names.
	names map[string]bool
}

// Assignment is the teacher notebook's exercises, in order.
type Assignment struct {
	// Title is the notebook's first level-1 heading, as plain text ("" if
	// it has none).
	Title     string
	Exercises []*Exercise
}

// checkMeta is a check cell's metadata: "classroom": {"exercise": ID, "points": N}.
type checkMeta struct {
	Exercise string  `json:"exercise"`
	Points   float64 `json:"points"`
}

// rawCell is a notebook cell as the grader reads it. Its metadata is decoded
// only when needed, so that metadata of an unexpected shape makes a cell
// ordinary rather than the notebook unreadable.
type rawCell struct {
	Type     string          `json:"cell_type"`
	Source   json.RawMessage `json:"source"`
	Metadata json.RawMessage `json:"metadata"`
}

// check returns the cell's check metadata, or nil for a cell that is not a check.
func (c rawCell) check() *checkMeta {
	var meta struct {
		Classroom *checkMeta `json:"classroom"`
	}
	if c.Type != "code" || json.Unmarshal(c.Metadata, &meta) != nil || meta.Classroom == nil || meta.Classroom.Exercise == "" {
		return nil
	}
	return meta.Classroom
}

// cells decodes a notebook's cells.
func cells(data []byte) ([]rawCell, error) {
	var nb struct {
		Cells    []rawCell `json:"cells"`
		NBFormat int       `json:"nbformat"`
	}
	if err := json.Unmarshal(data, &nb); err != nil {
		return nil, fmt.Errorf("not a notebook (JSON): %v", err)
	}
	if nb.NBFormat != 4 {
		return nil, fmt.Errorf("not an nbformat 4 notebook (nbformat %d)", nb.NBFormat)
	}
	return nb.Cells, nil
}

// source returns a cell's source, a string or a list of strings.
func (c rawCell) source() string {
	var s string
	if json.Unmarshal(c.Source, &s) == nil {
		return s
	}
	var parts []string
	if json.Unmarshal(c.Source, &parts) == nil {
		return strings.Join(parts, "")
	}
	return ""
}

// exercise returns the cell's exercise ID, or "" for a cell that is not a check.
func (c rawCell) exercise() string {
	if m := c.check(); m != nil {
		return m.Exercise
	}
	return ""
}

// ParseAssignment reads the exercises of a teacher notebook: each code cell
// with classroom metadata is the check of one exercise.
func ParseAssignment(teacher []byte) (*Assignment, error) {
	student, err := solutions.Strip(teacher)
	if err != nil {
		return nil, err
	}
	cs, err := cells(student)
	if err != nil {
		return nil, err
	}
	var markdown []string
	for _, c := range cs {
		if c.Type == "markdown" {
			markdown = append(markdown, c.source())
		}
	}
	a := &Assignment{Title: render.Title(markdown...)}
	statements := parts(cs)
	seen := map[string]bool{}
	for i, c := range cs {
		m := c.check()
		if m == nil {
			continue
		}
		if seen[m.Exercise] {
			return nil, fmt.Errorf("cell %d: exercise %q has a second check cell", i+1, m.Exercise)
		}
		if m.Points < 0 {
			return nil, fmt.Errorf("cell %d: exercise %q has negative points", i+1, m.Exercise)
		}
		seen[m.Exercise] = true
		a.Exercises = append(a.Exercises, &Exercise{ID: m.Exercise, Points: m.Points, Statement: statements[m.Exercise].statement, check: c.source()})
	}
	if len(a.Exercises) == 0 {
		return nil, fmt.Errorf(`no check cells: mark each with "metadata": {"classroom": {"exercise": ID, "points": N}}`)
	}
	return a, nil
}

// part is what a notebook holds for one exercise.
type part struct {
	statement string // its Markdown cells, joined by blank lines
	answer    string // its code cells, joined by blank lines
}

// parts splits a notebook at its check cells: an exercise's part is what
// lies between the previous check cell (or the notebook's start) and its
// own, from the last Markdown cell there that opens with a heading (an
// exercise's title, "## 03.1 · …"; the notebook's introduction and imports
// before it are not the exercise's). Only a check's first cell counts.
func parts(cs []rawCell) map[string]part {
	out := map[string]part{}
	var markdown, code []string
	for _, c := range cs {
		src := c.source()
		switch {
		case c.Type == "markdown" && strings.HasPrefix(strings.TrimSpace(src), "#"):
			markdown, code = []string{src}, nil
		case c.Type == "markdown":
			markdown = append(markdown, src)
		case c.Type != "code":
		case c.exercise() != "":
			if id := c.exercise(); out[id] == (part{}) {
				out[id] = part{statement: strings.Join(markdown, "\n\n"), answer: strings.Join(code, "\n\n")}
			}
			markdown, code = nil, nil
		case strings.TrimSpace(src) != "":
			code = append(code, src)
		}
	}
	return out
}

// partsOf returns the parts of a notebook's data (none when it is not a
// notebook).
func partsOf(notebook []byte) map[string]part {
	cs, err := cells(notebook)
	if err != nil {
		return nil
	}
	return parts(cs)
}

// jobCell is one code cell a worker runs.
type jobCell struct {
	Source string `json:"source"`
	// Exercise is the ID of the check this cell runs, or "".
	Exercise string `json:"exercise,omitempty"`
	// Cell is the cell's 1-based number in the submission (0: a check the
	// submission lacked, run at the end).
	Cell int `json:"cell"`
}

// assemble returns the code cells to run for a submission: its own cells,
// with every check cell's source replaced by the teacher's; a second cell
// claiming an exercise is dropped, and checks the submission lacks are
// appended.
func (a *Assignment) assemble(submission []byte) ([]jobCell, error) {
	cs, err := cells(submission)
	if err != nil {
		return nil, err
	}
	byID := map[string]*Exercise{}
	for _, e := range a.Exercises {
		byID[e.ID] = e
	}
	placed := map[string]bool{}
	var out []jobCell
	for i, c := range cs {
		if c.Type != "code" {
			continue
		}
		id := c.exercise()
		switch e := byID[id]; {
		case id == "":
			out = append(out, jobCell{Source: c.source(), Cell: i + 1})
		case e != nil && !placed[id]:
			placed[id] = true
			out = append(out, jobCell{Source: e.check, Exercise: id, Cell: i + 1})
		}
	}
	for _, e := range a.Exercises {
		if !placed[e.ID] {
			out = append(out, jobCell{Source: e.check, Exercise: e.ID})
		}
	}
	return out, nil
}
