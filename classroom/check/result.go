package check

import (
	"errors"
	"fmt"
	"html"
	"strings"
	"sync"
)

// Result is the verdict of one check.
type Result struct {
	// Name says what was checked, e.g. "OT conditional target (eq. 35)".
	Name string
	// Passed is true when every trial matched the reference.
	Passed bool
	// Trials is the number of random inputs tried (up to the first failure).
	Trials int
	// Detail describes the failing input, the expected value and the value
	// returned; on success it summarises what was compared.
	Detail string
	// Hint suggests what to look at when the check failed.
	Hint string
}

// verdicts holds a copy of every Result this process produced, for gophlow
// grade: the grader reads the verdicts from here, not from what a cell shows,
// which a submission could fake.
var verdicts struct {
	sync.Mutex
	list []Result
}

// record keeps a copy of r in verdicts and returns r.
func record(r *Result) *Result {
	verdicts.Lock()
	defer verdicts.Unlock()
	verdicts.list = append(verdicts.list, *r)
	return r
}

// Verdicts returns copies of the Results of every check run in this process
// so far, in order, from the from-th on (0 for all).
func Verdicts(from int) []Result {
	verdicts.Lock()
	defer verdicts.Unlock()
	if from < 0 || from > len(verdicts.list) {
		from = len(verdicts.list)
	}
	return append([]Result(nil), verdicts.list[from:]...)
}

// pass returns a passed Result.
func pass(name string, trials int, detail string) *Result {
	return record(&Result{Name: name, Passed: true, Trials: trials, Detail: detail})
}

// fail returns a failed Result.
func fail(name string, trials int, detail, hint string) *Result {
	return record(&Result{Name: name, Trials: trials, Detail: detail, Hint: hint})
}

// String is the plain-text verdict, e.g. "PASS OT target (eq. 35): …".
func (r *Result) String() string {
	if r.Passed {
		return fmt.Sprintf("PASS %s: %s", r.Name, r.Detail)
	}
	s := fmt.Sprintf("FAIL %s: %s", r.Name, r.Detail)
	if r.Hint != "" {
		s += "\nHint: " + r.Hint
	}
	return s
}

// Err returns nil when the check passed and an error with the verdict
// otherwise, so a teacher notebook can assert `if err := r.Err(); err != nil { panic(err) }`.
func (r *Result) Err() error {
	if r.Passed {
		return nil
	}
	return errors.New(r.String())
}

// MIMEBundle shows the verdict in a notebook as a coloured box (HTML) with
// the plain-text form beside it.
func (r *Result) MIMEBundle() map[string]any {
	colour, border, word := "#e6f4ea", "#1e8e3e", "PASS"
	if !r.Passed {
		colour, border, word = "#fce8e6", "#d93025", "FAIL"
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<div style="background:%s;border-left:4px solid %s;padding:6px 10px;font-family:sans-serif">`, colour, border)
	fmt.Fprintf(&b, `<b style="color:%s">%s</b> %s<br><span style="white-space:pre-wrap">%s</span>`, border, word, html.EscapeString(r.Name), html.EscapeString(r.Detail))
	if !r.Passed && r.Hint != "" {
		fmt.Fprintf(&b, `<br><i>Hint:</i> %s`, html.EscapeString(r.Hint))
	}
	b.WriteString("</div>")
	return map[string]any{"text/html": b.String(), "text/plain": r.String()}
}
