package grade

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"time"

	"github.com/gophlow/gophlow/classroom/check"
	"github.com/gophlow/gophlow/hooks"
	"github.com/gophlow/gophlow/kernel/engine"
	"github.com/gophlow/gophlow/kernel/session"
)

// job is what the grader sends a worker on its standard input.
type job struct {
	Cells []jobCell `json:"cells"`
	// Timeout bounds each cell; Memory is the heap a cell may add.
	Timeout time.Duration `json:"timeout"`
	Memory  int64         `json:"memory"`
	// Key signs the reports, so that a submission cannot forge them.
	Key []byte `json:"key"`
}

// message is one report of a worker: a cell starts, a cell ended, or the run is done.
type message struct {
	Kind     string         `json:"kind"` // "start", "cell" or "done"
	Cell     int            `json:"cell"` // index into job.Cells
	Error    string         `json:"error,omitempty"`
	Verdicts []check.Result `json:"verdicts,omitempty"`
}

// Errors a cell is stopped with.
var (
	errTimeout = errors.New("time limit")
	errMemory  = errors.New("memory limit")
)

// sign returns the report line of m: its HMAC under key, a space, its JSON.
func sign(key []byte, m message) []byte {
	body, _ := json.Marshal(m)
	mac := hmac.New(sha256.New, key)
	mac.Write(body)
	return []byte(hex.EncodeToString(mac.Sum(nil)) + " " + string(body) + "\n")
}

// verify returns the message of a report line if its signature is right.
func verify(key []byte, line string) (message, bool) {
	sum, body, ok := strings.Cut(line, " ")
	var m message
	if !ok {
		return m, false
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(body))
	want := hex.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(sum), []byte(want)) || json.Unmarshal([]byte(body), &m) != nil {
		return m, false
	}
	return m, true
}

// sink keeps the error of the running cell; a graded cell's displays are
// not needed, since verdicts come from the checker.
type sink struct{ err *session.Error }

func (s *sink) Display(hooks.Bundle, map[string]any, string, bool) {}
func (s *sink) Result(hooks.Bundle, map[string]any)                {}
func (s *sink) ClearOutput(bool)                                   {}
func (s *sink) Page(string)                                        {}
func (s *sink) AskExit()                                           {}
func (s *sink) Error(e *session.Error)                             { s.err = e }

// Worker runs one submission for the grader: it reads the job from in (all
// of it, before any cell runs, so the key is never within a cell's reach),
// runs the cells in order in one session and writes signed reports to
// report. A failing cell does not stop the run.
func Worker(in io.Reader, report io.Writer) error {
	var j job
	if err := json.NewDecoder(in).Decode(&j); err != nil {
		return fmt.Errorf("grade worker: reading the job: %w", err)
	}
	if j.Memory > 0 {
		debug.SetMemoryLimit(j.Memory)
	}
	sess, err := session.New(session.Options{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		return err
	}
	eng := engine.New(engine.Config{Session: sess, Stdout: io.Discard, Stderr: io.Discard})
	watch := newMemoryWatch(j.Memory)
	defer watch.stop()
	for i, c := range j.Cells {
		if _, err := report.Write(sign(j.Key, message{Kind: "start", Cell: i})); err != nil {
			return err
		}
		from := len(check.Verdicts(0))
		m := message{Kind: "cell", Cell: i}
		if bad := forbiddenMagic(c.Source); bad != "" {
			m.Error = fmt.Sprintf("%q is not run when grading (shell commands and magics other than %%time and %%who)", bad)
		} else {
			ctx, cancel := context.WithCancelCause(context.Background())
			timer := time.AfterFunc(j.Timeout, func() { cancel(errTimeout) })
			watch.arm(cancel)
			s := &sink{}
			eng.Run(ctx, c.Source, s)
			watch.arm(nil)
			timer.Stop()
			m.Error = cellError(s.err, context.Cause(ctx), j)
			cancel(nil)
		}
		if c.Exercise != "" {
			m.Verdicts = check.Verdicts(from)
		}
		if _, err := report.Write(sign(j.Key, m)); err != nil {
			return err
		}
	}
	_, err = report.Write(sign(j.Key, message{Kind: "done"}))
	return err
}

// cellError describes how a cell failed, or returns "".
func cellError(e *session.Error, cause error, j job) string {
	switch {
	case errors.Is(cause, errTimeout):
		return fmt.Sprintf("the cell was stopped after %v (the time limit of a cell)", j.Timeout)
	case errors.Is(cause, errMemory):
		return fmt.Sprintf("the cell was stopped when it had taken more than %s of memory", bytesText(j.Memory))
	case e != nil:
		msg := e.Name + ": " + e.Value
		if e.Line > 0 {
			msg = fmt.Sprintf("line %d: %s", e.Line, msg)
		}
		return msg
	}
	return ""
}

// forbiddenMagic returns the first magic or shell line at the top of a cell
// that grading does not run, or "".
func forbiddenMagic(src string) string {
	for _, line := range strings.Split(src, "\n") {
		l := strings.TrimSpace(line)
		switch {
		case l == "" || strings.HasPrefix(l, "//"):
			continue
		case strings.HasPrefix(l, "!"), strings.HasPrefix(l, "%") && !strings.HasPrefix(l, "%time") && !strings.HasPrefix(l, "%who"):
			return l
		}
		return ""
	}
	return ""
}

// memoryWatch stops the running cell when the heap grows by more than the
// limit while it runs.
type memoryWatch struct {
	limit  int64
	mu     sync.Mutex
	cancel context.CancelCauseFunc
	base   int64
	done   chan struct{}
}

func newMemoryWatch(limit int64) *memoryWatch {
	w := &memoryWatch{limit: limit, done: make(chan struct{})}
	if limit > 0 {
		go w.loop()
	}
	return w
}

// arm watches the cell that cancel stops (nil: no cell runs).
func (w *memoryWatch) arm(cancel context.CancelCauseFunc) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.cancel, w.base = cancel, heapBytes()
}

func (w *memoryWatch) loop() {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-w.done:
			return
		case <-tick.C:
		}
		w.mu.Lock()
		if w.cancel != nil && heapBytes()-w.base > w.limit {
			w.cancel(errMemory)
		}
		w.mu.Unlock()
	}
}

func (w *memoryWatch) stop() { close(w.done) }

// heapBytes is the memory of live heap objects and goroutine stacks.
func heapBytes() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/stacks:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64() + s[1].Value.Uint64())
}

// bytesText writes a byte count in MiB or GiB.
func bytesText(n int64) string {
	if n >= 1<<30 {
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	}
	return fmt.Sprintf("%d MiB", n>>20)
}
