package grade

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gophlow/gophlow/classroom/solutions"
)

// TestMain makes the test binary a grading worker when the grader starts it
// so, as gophlow's grade-worker command is in production.
func TestMain(m *testing.M) {
	if os.Getenv("GOPHLOW_GRADE_TEST_WORKER") == "1" {
		if err := Worker(os.Stdin, os.NewFile(3, "report")); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

const assignment = "../../notebooks/exercises/01-normalizing-flows-exercises.ipynb"

// nbCells decodes a notebook into generic cells, to fabricate submissions.
func nbCells(t *testing.T, data []byte) (map[string]any, []any) {
	t.Helper()
	var nb map[string]any
	if err := json.Unmarshal(data, &nb); err != nil {
		t.Fatal(err)
	}
	return nb, nb["cells"].([]any)
}

func code(src string) map[string]any {
	return map[string]any{"cell_type": "code", "metadata": map[string]any{}, "outputs": []any{}, "execution_count": nil, "source": src}
}

func src(c any) string {
	var b strings.Builder
	switch s := c.(map[string]any)["source"].(type) {
	case string:
		return s
	case []any:
		for _, p := range s {
			b.WriteString(p.(string))
		}
	}
	return b.String()
}

// edit returns the notebook data with its cells changed by f.
func edit(t *testing.T, data []byte, f func(cells []any) []any) []byte {
	t.Helper()
	nb, cells := nbCells(t, data)
	nb["cells"] = f(cells)
	out, err := json.Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// insert puts extra code cells after the imports cell (cell 2).
func insert(extra ...string) func([]any) []any {
	return func(cells []any) []any {
		out := append([]any(nil), cells[:2]...)
		for _, e := range extra {
			out = append(out, code(e))
		}
		return append(out, cells[2:]...)
	}
}

// A class of fabricated submissions — right, partly right, empty and
// hostile — is graded into the expected gradebook, in under a minute.
func TestGradeAClass(t *testing.T) {
	teacher, err := os.ReadFile(assignment)
	if err != nil {
		t.Fatal(err)
	}
	student, err := solutions.Strip(teacher)
	if err != nil {
		t.Fatal(err)
	}
	subs := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(subs, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("alice.ipynb", teacher)
	// bob solves 01.1 and 01.3 only.
	write("bob.ipynb", edit(t, student, func(cells []any) []any {
		for _, c := range cells {
			m := c.(map[string]any)
			s := src(c)
			if strings.Contains(s, "p1At2 := 0.0") {
				m["source"] = "p1At2 := 0.5 * math.Exp(-0.125) / math.Sqrt(2*math.Pi)"
			}
			if strings.HasPrefix(s, "// planarLogDet") {
				m["source"] = "func planarLogDet(x, w, u []float64, b float64) float64 {\n\ta, wu := b, 0.0\n\tfor j := range x {\n\t\ta += w[j] * x[j]\n\t\twu += w[j] * u[j]\n\t}\n\tth := math.Tanh(a)\n\treturn math.Log(math.Abs(1 + (1-th*th)*wu))\n}"
			}
		}
		return cells
	}))
	write("carol.ipynb", student)
	write("dave.ipynb", edit(t, teacher, insert("for {\n}")))
	// dan's planarLogDet never returns: the check calls it from compiled code.
	write("dan.ipynb", edit(t, teacher, func(cells []any) []any {
		for _, c := range cells {
			if strings.HasPrefix(src(c), "// planarLogDet") {
				c.(map[string]any)["source"] = "func planarLogDet(x, w, u []float64, b float64) float64 {\n\tn := 0.0\n\tfor {\n\t\tn++\n\t}\n\treturn n\n}"
			}
		}
		return cells
	}))
	write("erin.ipynb", edit(t, teacher, insert(`panic("boom")`, "import \"os\"\n\nos.Exit(3)")))
	write("frank.ipynb", edit(t, teacher, insert("big := make([]byte, 10<<30)\nbig[0] = 1", "var hog [][]byte\nfor {\n\thog = append(hog, make([]byte, 64<<20))\n\thog[len(hog)-1][0] = 1\n}")))
	// grace submits a folder (the notebook named like the assignment beside another and a data file); her
	// cell deletes every file in its working directory.
	if err := os.Mkdir(filepath.Join(subs, "grace"), 0o755); err != nil {
		t.Fatal(err)
	}
	write("grace/data.txt", []byte("keep me"))
	write("grace/00-draft.ipynb", []byte("{}"))
	write("grace/01-normalizing-flows-exercises.ipynb", edit(t, teacher, insert("import \"os\"\n\nentries, _ := os.ReadDir(\".\")\nfor _, e := range entries {\n\tos.RemoveAll(e.Name())\n}\nfmt.Println(len(entries))")))
	write("heidi.ipynb", []byte("this is not a notebook"))
	// kim's five endless loops, each stopped at the limit of a cell, use up the time of a submission.
	write("kim.ipynb", edit(t, teacher, insert("for {\n}", "for {\n}", "for {\n}", "for {\n}", "for {\n}")))
	// judy's cell kills the worker process outright: the worker is restarted without that cell.
	write("judy.ipynb", edit(t, teacher, insert("import \"syscall\"\n\nsyscall.Kill(syscall.Getpid(), syscall.SIGKILL)")))
	// ivan's check cell of 01.1 checks the right answer instead of his, two print PASS, 01.4's loses its
	// metadata and checks a right answer outside a check cell, and 01.5's is deleted.
	write("ivan.ipynb", edit(t, student, func(cells []any) []any {
		var out []any
		for _, c := range cells {
			m := c.(map[string]any)
			meta, _ := m["metadata"].(map[string]any)
			cl, _ := meta["classroom"].(map[string]any)
			switch id, _ := cl["exercise"].(string); id {
			case "01.1":
				m["source"] = "r := check.AffineDensityByHand(0.5 * math.Exp(-0.125) / math.Sqrt(2*math.Pi))\nr"
			case "01.2", "01.3":
				m["source"] = `fmt.Println("PASS")`
			case "01.4":
				m["source"], m["metadata"] = "fmt.Println(\"PASS\")\ncheck.AffineDensityByHand(0.5 * math.Exp(-0.125) / math.Sqrt(2*math.Pi))", map[string]any{}
			case "01.5":
				continue
			}
			out = append(out, m)
		}
		return out
	}))

	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	start := time.Now()
	students, err := Run(Options{Assignment: assignment, Submissions: subs, Out: out, Timeout: 2 * time.Second, Total: 7 * time.Second, Memory: 512 << 20,
		Worker: []string{self}, WorkerEnv: []string{"GOPHLOW_GRADE_TEST_WORKER=1"}})
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	t.Logf("graded %d students in %v", len(students), elapsed)
	if testing.Verbose() {
		gb, _ := os.ReadFile(filepath.Join(out, "gradebook.csv"))
		t.Logf("%s", gb)
		for _, s := range students {
			t.Logf("%s: %q", s.Name, s.Problems)
		}
	}
	if elapsed > time.Minute {
		t.Errorf("grading took %v, more than a minute", elapsed)
	}

	all := "pass pass pass pass pass"
	want := map[string]string{
		"alice": all, "bob": "pass fail pass fail fail", "carol": "fail fail fail fail fail",
		"dave": all, "dan": "pass pass fail pass pass", "erin": all, "frank": all, "grace": all,
		"heidi": "fail fail fail fail fail", "ivan": "fail fail fail fail fail", "judy": all, "kim": "fail fail fail fail fail",
	}
	points := map[string]string{"alice": "11", "bob": "3", "carol": "0", "dave": "11", "dan": "9", "erin": "11", "frank": "11", "grace": "11", "heidi": "0", "ivan": "0", "judy": "11", "kim": "0"}
	f, err := os.Open(filepath.Join(out, "gradebook.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	got, reasons := map[string][]string{}, map[string]string{}
	for _, r := range rows[1:] {
		got[r[0]] = append(got[r[0]], r[2])
		reasons[r[0]] += r[5] + "\n"
	}
	if len(students) != len(want) {
		t.Errorf("graded %d students, want %d", len(students), len(want))
	}
	for name, w := range want {
		if g := strings.Join(got[name], " "); g != w {
			t.Errorf("%s: got %s, want %s\nreasons:\n%s", name, g, w, reasons[name])
		}
	}
	totals, err := os.ReadFile(filepath.Join(out, "totals.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for name, p := range points {
		if !strings.Contains(string(totals), "\n"+name+","+p+",11\n") {
			t.Errorf("totals.csv has no row %s,%s,11:\n%s", name, p, totals)
		}
	}
	for name, part := range map[string]string{
		"carol": "placeholder panic",
		"dan":   "stopped after 2s",
		"heidi": "not a notebook",
		"ivan":  "placeholder panic",
		"kim":   "the limit of one submission",
	} {
		if !strings.Contains(reasons[name], part) {
			t.Errorf("%s: no reason mentions %q:\n%s", name, part, reasons[name])
		}
	}
	problems := map[string]string{}
	for _, s := range students {
		problems[s.Name] = strings.Join(s.Problems, "\n")
	}
	for name, part := range map[string]string{
		"dave":  "stopped after 2s",
		"erin":  "boom",
		"frank": "memory",
		"dan":   "cell",
		"judy":  "cell 3: ended the grading process (signal: killed); it was left out and the notebook run again",
	} {
		if !strings.Contains(problems[name], part) {
			t.Errorf("%s: no problem mentions %q:\n%s", name, part, problems[name])
		}
	}
	if strings.Contains(problems["alice"]+problems["grace"], "cell") {
		t.Errorf("unexpected problems: alice %q, grace %q", problems["alice"], problems["grace"])
	}
	if _, err := os.Stat(filepath.Join(subs, "grace", "data.txt")); err != nil {
		t.Errorf("grace's cell deleted her submitted file, not a copy: %v", err)
	}
	page, err := os.ReadFile(filepath.Join(out, "feedback", "bob.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "3 of 11 points") || !strings.Contains(string(page), ">PASS</b>") || !strings.Contains(string(page), ">FAIL</b>") {
		t.Errorf("bob's feedback page lacks his total or check boxes:\n%s", page)
	}
	// His own code, highlighted, under the exercise's statement with its maths.
	for _, want := range []string{`<span class="kw">func</span> planarLogDet`, "<math", "<title>bob — "} {
		if !strings.Contains(string(page), want) {
			t.Errorf("bob's feedback page lacks %s", want)
		}
	}
}

// Every problem set of the course, graded against itself: the teacher
// version earns every point and the student version none, and neither has a
// cell that fails outside its checks. Every chapter after 00 has one.
func TestEveryProblemSet(t *testing.T) {
	paths, err := filepath.Glob("../../notebooks/exercises/*.ipynb")
	if err != nil || len(paths) < 9 {
		t.Fatalf("found %d problem sets (%v), want at least 9", len(paths), err)
	}
	chapters, err := filepath.Glob("../../notebooks/[0-9][0-9]-*.ipynb")
	if err != nil || len(chapters) < 10 {
		t.Fatalf("found %d chapters (%v), want at least 10", len(chapters), err)
	}
	for _, c := range chapters {
		name := strings.TrimSuffix(filepath.Base(c), ".ipynb")
		if strings.HasPrefix(name, "00-") {
			continue
		}
		if !slices.Contains(paths, filepath.Join("../../notebooks/exercises", name+"-exercises.ipynb")) {
			t.Errorf("chapter %s has no problem set notebooks/exercises/%s-exercises.ipynb", name, name)
		}
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	exercises := 0
	for _, path := range paths {
		teacher, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		student, err := solutions.Strip(teacher)
		if err != nil {
			t.Fatal(err)
		}
		subs := t.TempDir()
		os.WriteFile(filepath.Join(subs, "teacher.ipynb"), teacher, 0o644)
		os.WriteFile(filepath.Join(subs, "student.ipynb"), student, 0o644)
		students, err := Run(Options{Assignment: path, Submissions: subs, Out: t.TempDir(), Timeout: 20 * time.Second,
			Worker: []string{self}, WorkerEnv: []string{"GOPHLOW_GRADE_TEST_WORKER=1"}})
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		exercises += len(students[0].Grades)
		for _, s := range students {
			p, max := s.Total()
			if want := map[string]float64{"teacher": max, "student": 0}[s.Name]; p != want || max == 0 {
				t.Errorf("%s, %s version: %g of %g points, want %g", filepath.Base(path), s.Name, p, max, want)
			}
			if len(s.Problems) > 0 {
				t.Errorf("%s, %s version: %q", filepath.Base(path), s.Name, s.Problems)
			}
		}
	}
	if exercises < 30 {
		t.Errorf("%d exercises in all, want at least 30", exercises)
	}
}
