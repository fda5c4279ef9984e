package grade

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gophlow/gophlow/classroom/check"
	"github.com/gophlow/gophlow/kernel/render"
)

// A feedback page shows each exercise's statement (Markdown and maths),
// the student's code (Go, highlighted) and the check's box, all through
// kernel/render, the renderer of gophlow run --html.
func TestFeedbackPageRendersLikeRunHTML(t *testing.T) {
	teacher := `{"nbformat": 4, "nbformat_minor": 4, "metadata": {}, "cells": [
 {"cell_type": "markdown", "metadata": {}, "source": "# Problem set 7 · *guidance*\n\nIntro that is no exercise's."},
 {"cell_type": "markdown", "metadata": {}, "source": "## 7.1 · The guided field\n\nImplement eq. 40, $\\tilde u_t = (1-w)\\,u_t(x) + w\\,u_t(x\\mid y)$, with **weight** $w$:\n\n| w | meaning |\n|---|---|\n| 0 | unconditional |\n\n$$\\sigma_{min} = 10^{-4}$$"},
 {"cell_type": "code", "metadata": {}, "source": "func guided(w float64) float64 {\n\t// BEGIN SOLUTION\n\treturn w\n\t// END SOLUTION\n}"},
 {"cell_type": "code", "metadata": {"classroom": {"exercise": "7.1", "points": 2}}, "source": "check.Guided(guided)"},
 {"cell_type": "markdown", "metadata": {}, "source": "## 7.2 · By hand\n\nWhat is ` + "`u`" + ` at $t = 1$?"},
 {"cell_type": "code", "metadata": {"classroom": {"exercise": "7.2", "points": 1}}, "source": "check.ByHand(u)"}
]}`
	a, err := ParseAssignment([]byte(teacher))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Problem set 7 · guidance" {
		t.Errorf("title %q", a.Title)
	}
	if a.Exercises[0].Statement == "" || strings.Contains(a.Exercises[0].Statement, "Intro") {
		t.Errorf("statement of 7.1: %q", a.Exercises[0].Statement)
	}
	answer := "// guided mixes the fields (eq. 40).\nfunc guided(w float64) float64 {\n\treturn 2 * w\n}"
	s := &Student{Name: "zoë <script>", Grades: []Grade{
		{Exercise: "7.1", Max: 2, Answer: answer, Reason: "FAIL guided",
			Verdict: &check.Result{Name: "guided field (eq. 40)", Detail: "at w = 0.5: got 1, want 0.5", Hint: "mix, do not scale"}},
		{Exercise: "7.2", Max: 1, Reason: "the check cell failed: undefined: u"},
	}, Problems: []string{"cell 9: panic: <boom>"}}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "feedback"), 0o755)
	if err := writeFeedback(dir, "/x/07-guidance-exercises.ipynb", a, s); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "feedback", feedbackName(s.Name)))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, want := range []string{
		"<title>zoë &lt;script&gt; — Problem set 7 · guidance</title>",
		render.Style,
		// the same renderer as gophlow run --html, to the byte
		render.Markdown(a.Exercises[0].Statement),
		render.Markdown(a.Exercises[1].Statement),
		render.HighlightGo(answer),
		// what that renderer makes of them
		"<strong>weight</strong>", "<table>", `<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">`, "<mi>σ</mi>",
		"<code>u</code>", `<span class="kw">func</span>`, `<span class="com">// guided mixes the fields (eq. 40).</span>`,
		// scores, the check's box, reasons and problems
		"0 of 3 points", `<p class="score fail">Exercise 7.1 · 0 of 2 points</p>`, ">FAIL</b> guided field (eq. 40)", "mix, do not scale",
		`<pre class="err wrap">the check cell failed: undefined: u</pre>`, "cell 9: panic: &lt;boom&gt;",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, unwanted := range []string{"Intro that is no exercise", "BEGIN SOLUTION", "<script>", "$\\sigma"} {
		if strings.Contains(page, unwanted) {
			t.Errorf("the page shows %q", unwanted)
		}
	}
}
