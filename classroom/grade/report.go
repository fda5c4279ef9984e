package grade

import (
	"encoding/csv"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gophlow/gophlow/kernel/render"
)

// writeGradebook writes gradebook.csv (one row per student and exercise)
// and totals.csv (one row per student).
func writeGradebook(dir string, students []*Student) error {
	rows := [][]string{{"student", "exercise", "result", "points", "max_points", "reason"}}
	totals := [][]string{{"student", "points", "max_points"}}
	for _, s := range students {
		for _, g := range s.Grades {
			result := "fail"
			if g.Passed {
				result = "pass"
			}
			rows = append(rows, []string{s.Name, g.Exercise, result, number(g.Points), number(g.Max), g.Reason})
		}
		p, m := s.Total()
		totals = append(totals, []string{s.Name, number(p), number(m)})
	}
	if err := writeCSV(filepath.Join(dir, "gradebook.csv"), rows); err != nil {
		return err
	}
	return writeCSV(filepath.Join(dir, "totals.csv"), totals)
}

func number(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// ofPoints writes "2 of 3 points" ("0 of 1 point").
func ofPoints(p, max float64) string {
	unit := "points"
	if max == 1 {
		unit = "point"
	}
	return fmt.Sprintf("%s of %s %s", number(p), number(max), unit)
}

func writeCSV(path string, rows [][]string) error {
	var b strings.Builder
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// feedbackName is the file name of a student's feedback page: the name with
// anything but letters, digits, '-', '_' and '.' replaced by '_'.
func feedbackName(student string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, student) + ".html"
}

// writeFeedback writes the student's page: their total, then for each
// exercise its statement, their code, and the check's box (or why the check
// could not run), then the notebook's other errors. Markdown, maths and Go
// go through kernel/render, as in the pages of gophlow run --html.
func writeFeedback(dir, assignment string, a *Assignment, s *Student) error {
	name := a.Title
	if name == "" {
		name = filepath.Base(assignment)
	}
	var b strings.Builder
	p, m := s.Total()
	fmt.Fprintf(&b, "<h1>%s</h1>\n<p class=\"score\">%s — %s</p>\n", html.EscapeString(name), html.EscapeString(s.Name), ofPoints(p, m))
	statements := map[string]string{}
	for _, e := range a.Exercises {
		statements[e.ID] = e.Statement
	}
	for _, g := range s.Grades {
		class := "fail"
		if g.Passed {
			class = "pass"
		}
		fmt.Fprintf(&b, "<section class=\"exercise\">\n<p class=\"score %s\">Exercise %s · %s</p>\n", class, html.EscapeString(g.Exercise), ofPoints(g.Points, g.Max))
		if st := statements[g.Exercise]; strings.TrimSpace(st) != "" {
			b.WriteString(render.Markdown(st))
		}
		if strings.TrimSpace(g.Answer) != "" {
			fmt.Fprintf(&b, "<div class=\"prompt\">Your code:</div><pre><code class=\"language-go\">%s</code></pre>\n", render.HighlightGo(g.Answer))
		}
		if g.Verdict != nil {
			b.WriteString(g.Verdict.MIMEBundle()["text/html"].(string) + "\n")
		} else {
			fmt.Fprintf(&b, "<pre class=\"err wrap\">%s</pre>\n", html.EscapeString(g.Reason))
		}
		b.WriteString("</section>\n")
	}
	if len(s.Problems) > 0 {
		b.WriteString("<section class=\"exercise\">\n<h2>Errors in the notebook</h2>\n")
		for _, pr := range s.Problems {
			fmt.Fprintf(&b, "<pre class=\"err wrap\">%s</pre>\n", html.EscapeString(pr))
		}
		b.WriteString("</section>\n")
	}
	page := render.Page(fmt.Sprintf("%s — %s", s.Name, name), b.String())
	return os.WriteFile(filepath.Join(dir, "feedback", feedbackName(s.Name)), []byte(page), 0o644)
}
