package grade

import (
	"encoding/csv"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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

// writeFeedback writes the student's page: the total, each exercise's check
// box (or why the check could not run) and the notebook's other errors.
func writeFeedback(dir, assignment string, s *Student) error {
	var b strings.Builder
	title := fmt.Sprintf("%s — %s", s.Name, filepath.Base(assignment))
	p, m := s.Total()
	fmt.Fprintf(&b, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title><style>
body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.45}
h2{font-size:1.1em;margin-top:1.5em} pre{background:#fff0f0;border-left:4px solid #d93025;padding:6px 10px;white-space:pre-wrap}
</style></head><body><h1>%s</h1><p><b>%s</b></p>
`, html.EscapeString(title), html.EscapeString(title), ofPoints(p, m))
	for _, g := range s.Grades {
		fmt.Fprintf(&b, "<h2>Exercise %s · %s</h2>\n", html.EscapeString(g.Exercise), ofPoints(g.Points, g.Max))
		if g.Verdict != nil {
			b.WriteString(g.Verdict.MIMEBundle()["text/html"].(string) + "\n")
		} else {
			fmt.Fprintf(&b, "<pre>%s</pre>\n", html.EscapeString(g.Reason))
		}
	}
	if len(s.Problems) > 0 {
		b.WriteString("<h2>Errors in the notebook</h2>\n")
		for _, pr := range s.Problems {
			fmt.Fprintf(&b, "<pre>%s</pre>\n", html.EscapeString(pr))
		}
	}
	b.WriteString("</body></html>\n")
	return os.WriteFile(filepath.Join(dir, "feedback", feedbackName(s.Name)), []byte(b.String()), 0o644)
}
