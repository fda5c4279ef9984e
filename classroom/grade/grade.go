package grade

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gophlow/gophlow/classroom/check"
)

// Options configure a grading run.
type Options struct {
	// Assignment is the teacher notebook; Submissions a folder holding one
	// notebook per student (STUDENT.ipynb, or a folder STUDENT/ with the
	// notebook and any files it reads); Out the folder for the results.
	Assignment, Submissions, Out string
	// Timeout bounds each cell of a submission (0 means 30 s), and Total
	// the whole grading of one submission, restarts included (0 means 5
	// minutes).
	Timeout, Total time.Duration
	// Memory is the memory a cell may take (0 means 1 GiB); a worker whose
	// resident memory passes twice this plus 256 MiB is killed.
	Memory int64
	// Jobs is how many submissions run at once (0 means 2).
	Jobs int
	// Worker is the command line that runs Worker in a new process (the
	// gophlow binary's hidden grade-worker command), and WorkerEnv extra
	// environment for it.
	Worker    []string
	WorkerEnv []string
	// Log receives a line per graded student (nil: none).
	Log io.Writer
}

// Grade is one exercise's grade.
type Grade struct {
	Exercise string
	Passed   bool
	Points   float64
	Max      float64
	// Reason says why the exercise failed ("" when it passed).
	Reason string
	// Verdict is the check's verdict, when it ran.
	Verdict *check.Result
	// Answer is the student's code for the exercise: the submission's code
	// cells between the exercise's heading (or the previous check) and its
	// check cell.
	Answer string
}

// Student is one student's grades and the problems their notebook had.
type Student struct {
	Name   string
	Grades []Grade
	// Problems are the failures of cells that are not checks, and
	// notebook-wide failures (not a notebook, a worker that died).
	Problems []string
}

// Total returns the points earned and the points possible.
func (s *Student) Total() (points, max float64) {
	for _, g := range s.Grades {
		points += g.Points
		max += g.Max
	}
	return points, max
}

// maxRestarts is how many times a submission's worker is restarted after it
// died or was killed, each time without the cell it was running.
const maxRestarts = 4

// Run grades every submission and writes the gradebook and the feedback
// pages. It returns the students' grades, sorted by name. It fails only for
// problems of the assignment, the folders or the worker, never because of a
// submission.
func Run(opts Options) ([]*Student, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.Total <= 0 {
		opts.Total = 5 * time.Minute
	}
	if opts.Memory <= 0 {
		opts.Memory = 1 << 30
	}
	if opts.Jobs <= 0 {
		opts.Jobs = 2
	}
	if len(opts.Worker) == 0 {
		return nil, fmt.Errorf("grade: no worker command")
	}
	teacher, err := os.ReadFile(opts.Assignment)
	if err != nil {
		return nil, err
	}
	a, err := ParseAssignment(teacher)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opts.Assignment, err)
	}
	subs, err := readSubmissions(opts.Submissions, filepath.Base(opts.Assignment))
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(opts.Out, "feedback"), 0o755); err != nil {
		return nil, err
	}
	g := &grader{opts: opts, a: a}
	// The assignment itself, graded first, must earn every point; its
	// verdicts' names are the ones a submission's verdicts must carry.
	self := g.grade(submission{name: "the assignment", notebook: teacher, dir: filepath.Dir(opts.Assignment)}, true)
	for _, gr := range self.Grades {
		if !gr.Passed {
			return nil, fmt.Errorf("%s: the teacher version fails exercise %s: %s", opts.Assignment, gr.Exercise, gr.Reason)
		}
	}
	students := make([]*Student, len(subs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < opts.Jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				students[i] = g.grade(subs[i], false)
				if opts.Log != nil {
					p, m := students[i].Total()
					fmt.Fprintf(opts.Log, "graded %s: %g of %g points\n", students[i].Name, p, m)
				}
			}
		}()
	}
	for i := range subs {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := writeGradebook(opts.Out, students); err != nil {
		return nil, err
	}
	for _, s := range students {
		if err := writeFeedback(opts.Out, opts.Assignment, a, s); err != nil {
			return nil, err
		}
	}
	return students, nil
}

// submission is one student's notebook, read before any submission runs.
type submission struct {
	name     string
	notebook []byte
	readErr  error
	dir      string // the folder whose files the worker's directory gets ("" for none)
}

// readSubmissions reads every submission into memory: STUDENT.ipynb files
// and STUDENT/ folders (see findNotebook).
func readSubmissions(dir, assignmentName string) ([]submission, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var subs []submission
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		switch {
		case e.IsDir():
			s := submission{name: e.Name()}
			if nb := findNotebook(path, assignmentName); nb == "" {
				s.readErr = fmt.Errorf("no .ipynb file in %s", path)
			} else {
				s.dir = filepath.Dir(nb)
				s.notebook, s.readErr = os.ReadFile(nb)
			}
			subs = append(subs, s)
		case strings.HasSuffix(e.Name(), ".ipynb"):
			data, err := os.ReadFile(path)
			subs = append(subs, submission{name: strings.TrimSuffix(e.Name(), ".ipynb"), notebook: data, readErr: err})
		}
	}
	if len(subs) == 0 {
		return nil, fmt.Errorf("%s holds no submissions (STUDENT.ipynb files or STUDENT/ folders)", dir)
	}
	sort.Slice(subs, func(i, j int) bool { return subs[i].name < subs[j].name })
	return subs, nil
}

// grader grades submissions of one assignment.
type grader struct {
	opts Options
	a    *Assignment
}

// outcome is what one worker run reported.
type outcome struct {
	reports map[int]message // by cell index, the "cell" reports
	done    bool
	last    int    // the last cell started (-1: none)
	failure string // why the worker ended early
	overall bool   // the submission used up its total time
}

// grade runs one submission, restarting its worker without the cell it
// was running when it died, and grades its exercises. When learn is set
// (the assignment's own run), the verdicts' names are recorded as the
// names each exercise's check produces.
func (g *grader) grade(s submission, learn bool) *Student {
	st := &Student{Name: s.name}
	cells, err := g.a.assemble(s.notebook)
	if s.readErr != nil {
		err = s.readErr
	}
	if err != nil {
		st.Problems = append(st.Problems, "the submission could not be read: "+err.Error())
		for _, e := range g.a.Exercises {
			st.Grades = append(st.Grades, Grade{Exercise: e.ID, Max: e.Points, Reason: "not graded: " + err.Error()})
		}
		return st
	}
	skipped := map[int]string{}
	var out outcome
	deadline := time.Now().Add(g.opts.Total)
	for attempt := 0; ; attempt++ {
		run := append([]jobCell(nil), cells...)
		for i, why := range skipped {
			run[i].Source = "// left out: " + why
		}
		out = g.runWorker(s, run, deadline)
		if out.done || out.overall || attempt == maxRestarts || out.last < 0 {
			break
		}
		skipped[out.last] = out.failure
	}
	for i, c := range cells {
		where := fmt.Sprintf("cell %d", c.Cell)
		if c.Cell == 0 {
			where = "the check of exercise " + c.Exercise + " (missing from the notebook, run at the end)"
		}
		if why, ok := skipped[i]; ok {
			st.Problems = append(st.Problems, fmt.Sprintf("%s: %s; it was left out and the notebook run again", where, why))
		} else if m, ok := out.reports[i]; ok && m.Error != "" && c.Exercise == "" {
			st.Problems = append(st.Problems, where+": "+m.Error)
		}
	}
	if !out.done {
		st.Problems = append(st.Problems, "the grading of this notebook did not finish: "+out.failure)
	}
	answers := partsOf(s.notebook)
	for _, e := range g.a.Exercises {
		gr := Grade{Exercise: e.ID, Max: e.Points, Answer: answers[e.ID].answer}
		for i, c := range cells {
			if c.Exercise != e.ID {
				continue
			}
			m, ran := out.reports[i]
			why, wasSkipped := skipped[i]
			switch {
			case wasSkipped:
				gr.Reason = "the check cell " + why
			case !ran:
				gr.Reason = "the check did not run: " + out.failure
			default:
				if learn {
					e.names = map[string]bool{}
					for _, v := range m.Verdicts {
						e.names[v.Name] = true
					}
				}
				gr.Passed, gr.Reason, gr.Verdict = judge(e, m)
			}
		}
		if gr.Passed {
			gr.Points = e.Points
		}
		st.Grades = append(st.Grades, gr)
	}
	return st
}

// judge decides an exercise from its check cell's report: it passes when the
// cell ran without error and produced at least one verdict under the
// check's names, all of them passed.
func judge(e *Exercise, m message) (bool, string, *check.Result) {
	var mine []check.Result
	for _, v := range m.Verdicts {
		if e.names[v.Name] {
			mine = append(mine, v)
		}
	}
	for i := range mine {
		if !mine[i].Passed {
			reason := strings.ReplaceAll(mine[i].String(), "\n", " ")
			if m.Error != "" {
				reason = m.Error + "; " + reason
			}
			return false, reason, &mine[i]
		}
	}
	switch {
	case m.Error != "":
		return false, "the check cell failed: " + m.Error, nil
	case len(mine) == 0:
		return false, "the check did not run (was a name it uses redefined?)", nil
	}
	return true, "", &mine[len(mine)-1]
}

// runWorker runs the cells in a new worker process, in a fresh copy of the
// submission's folder, and collects its signed reports. It kills the worker
// (and what it started) when its memory passes the hard limit, a cell runs
// well past the time limit or the deadline of the submission passes.
func (g *grader) runWorker(s submission, cells []jobCell, deadline time.Time) outcome {
	out := outcome{reports: map[int]message{}, last: -1}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		out.failure = err.Error()
		return out
	}
	input, err := json.Marshal(job{Cells: cells, Timeout: g.opts.Timeout, Memory: g.opts.Memory, Key: key})
	if err != nil {
		out.failure = err.Error()
		return out
	}
	work, err := os.MkdirTemp("", "gophlow-grade-")
	if err != nil {
		out.failure = err.Error()
		return out
	}
	defer os.RemoveAll(work)
	if s.dir != "" {
		copyFiles(s.dir, work)
	}
	reportR, reportW, err := os.Pipe()
	if err != nil {
		out.failure = err.Error()
		return out
	}
	defer reportR.Close()
	cmd := exec.Command(g.opts.Worker[0], g.opts.Worker[1:]...)
	cmd.Dir = work
	cmd.Env = append(append(workerEnv(os.Environ()), g.opts.WorkerEnv...), "HOME="+work, "TMPDIR="+work)
	cmd.Stdin = bytes.NewReader(input)
	tail := &tailBuffer{max: 2048}
	cmd.Stdout, cmd.Stderr = io.Discard, tail
	cmd.ExtraFiles = []*os.File{reportW}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		reportW.Close()
		out.failure = "the worker did not start: " + err.Error()
		return out
	}
	reportW.Close()
	var mu sync.Mutex
	started := time.Now()
	lines := make(chan struct{})
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(reportR)
		sc.Buffer(make([]byte, 64<<10), 4<<20)
		for sc.Scan() {
			m, ok := verify(key, sc.Text())
			if !ok {
				continue
			}
			mu.Lock()
			switch m.Kind {
			case "start":
				out.last, started = m.Cell, time.Now()
			case "cell":
				out.reports[m.Cell] = m
			case "done":
				out.done = true
			}
			mu.Unlock()
		}
	}()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	hardMemory := 2*g.opts.Memory + 256<<20
	grace := g.opts.Timeout + 5*time.Second
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var waitErr error
	killed := ""
loop:
	for {
		select {
		case waitErr = <-exited:
			break loop
		case <-tick.C:
			mu.Lock()
			overdue := time.Since(started) > grace
			mu.Unlock()
			rss := residentBytes(cmd.Process.Pid)
			switch {
			case rss > hardMemory:
				killed = fmt.Sprintf("was killed when its process used %s of memory (the limit is %s per cell)", bytesText(rss), bytesText(g.opts.Memory))
			case overdue:
				killed = fmt.Sprintf("was killed after running more than %v (the time limit of a cell is %v)", grace, g.opts.Timeout)
			case time.Now().After(deadline):
				killed = fmt.Sprintf("was stopped when the notebook had been graded for %v, the limit of one submission", g.opts.Total)
				out.overall = true
			default:
				continue
			}
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		}
	}
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // what the submission started and left behind
	<-lines
	switch {
	case out.done:
	case killed != "":
		out.failure = killed
	default:
		out.failure = "ended the grading process"
		if waitErr != nil {
			out.failure += " (" + waitErr.Error() + ")"
		}
		if t := strings.TrimSpace(tail.String()); t != "" {
			out.failure += ": " + lastLine(t)
		}
	}
	return out
}

// findNotebook returns the submission in a student's folder: the notebook
// named like the assignment, else the first .ipynb by name, looked for in
// the folder and then one level down (nbgrader's STUDENT/ASSIGNMENT/); ""
// when there is none.
func findNotebook(dir, assignmentName string) string {
	for _, pattern := range []string{"", "*"} {
		found, _ := filepath.Glob(filepath.Join(dir, pattern, "*.ipynb"))
		for _, f := range found {
			if filepath.Base(f) == assignmentName && fileExists(f) {
				return f
			}
		}
		for _, f := range found {
			if fileExists(f) {
				return f
			}
		}
	}
	return ""
}

// fileExists reports whether path is a regular file.
func fileExists(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}

// workerEnv keeps of the grader's environment only what a worker needs
// (the locale, PATH and the Go runtime's, BLAS's and gophlow's settings),
// so that a submission cannot read the teacher's tokens and passwords.
func workerEnv(environ []string) []string {
	var kept []string
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case name == "PATH", name == "LANG", name == "TZ", strings.HasPrefix(name, "LC_"),
			name == "GOMAXPROCS", name == "GOGC", strings.HasPrefix(name, "OPENBLAS_"), strings.HasPrefix(name, "OMP_"),
			strings.HasPrefix(name, "GOPHLOW_"):
			kept = append(kept, kv)
		}
	}
	return kept
}

// lastLine returns the last line of s.
func lastLine(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// residentBytes returns a process's resident memory (0 if unknown).
func residentBytes(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// copyFiles copies the regular files of dir (not its subfolders) into dst.
func copyFiles(dir, dst string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if data, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
			os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644)
		}
	}
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.max {
		t.buf = append([]byte(nil), t.buf[len(t.buf)-t.max:]...)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}
