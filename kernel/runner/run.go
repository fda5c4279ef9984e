package runner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/gophlow/gophlow/hooks"
	"github.com/gophlow/gophlow/kernel/capture"
	"github.com/gophlow/gophlow/kernel/engine"
	"github.com/gophlow/gophlow/kernel/kernelspec"
	"github.com/gophlow/gophlow/kernel/session"
)

// Options control a headless run.
type Options struct {
	// Output is where the executed notebook is written; "" means in place.
	Output string
	// HTML, when set, is where a self-contained HTML page is written.
	HTML string
	// Timeout bounds each cell; 0 means no bound.
	Timeout time.Duration
	// Log receives progress and the first error (the kernel's stderr).
	Log io.Writer
}

// CellError is returned when a cell fails: which cell, and the error.
type CellError struct {
	Cell int // 1-based index among all cells
	Err  *session.Error
}

func (e *CellError) Error() string {
	return fmt.Sprintf("cell %d: %s: %s\n%s", e.Cell, e.Err.Name, e.Err.Value, strings.Join(e.Err.Traceback, "\n"))
}

// Run executes the code cells of the notebook at path in order, in one
// session, and writes the notebook with their outputs. It stops at the
// first failing cell (after writing what ran) and returns a *CellError.
func Run(path string, opts Options) error {
	nb, err := readNotebook(path)
	if err != nil {
		return err
	}
	if opts.Output == "" {
		opts.Output = path
	}
	if opts.Log == nil {
		opts.Log = os.Stderr
	}
	rec := &recorder{displays: map[string][]outputRef{}}
	capt, err := capture.Start(50*time.Millisecond, 0, rec.stream)
	if err != nil {
		return err
	}
	rec.flush = capt.Flush
	sess, err := session.New(session.Options{Stdout: os.Stdout, Stderr: os.Stderr})
	if err != nil {
		capt.Stop()
		return err
	}
	runErr := runCells(nb, engine.New(engine.Config{Session: sess}), capt, rec, opts.Timeout)
	capt.Stop()
	nb.setKernelMetadata()
	if err := nb.write(opts.Output); err != nil {
		return fmt.Errorf("writing %s: %w", opts.Output, err)
	}
	if opts.HTML != "" {
		if err := writeHTML(nb, path, opts.HTML); err != nil {
			return fmt.Errorf("writing %s: %w", opts.HTML, err)
		}
	}
	return runErr
}

// setKernelMetadata records the kernel the notebook ran on as Jupyter
// does: the kernelspec entry and the kernel's language_info. They are
// exactly what the kernel reports, so that Jupyter Notebook, opening the
// written notebook, finds nothing to change and does not mark it unsaved.
func (nb *notebook) setKernelMetadata() {
	md, _ := nb.doc["metadata"].(map[string]any)
	if md == nil {
		md = map[string]any{}
		nb.doc["metadata"] = md
	}
	md["kernelspec"] = kernelspec.NotebookKernelspec()
	md["language_info"] = kernelspec.LanguageInfo()
}

func runCells(nb *notebook, eng *engine.Engine, capt *capture.Capture, rec *recorder, timeout time.Duration) error {
	count := 0
	for i, cell := range nb.cells {
		if cell["cell_type"] != "code" {
			continue
		}
		count++
		rec.start(cell, count)
		ctx, cancel := context.Background(), context.CancelFunc(func() {})
		if timeout > 0 {
			ctx, cancel = context.WithTimeout(ctx, timeout)
		}
		err := eng.Run(ctx, source(cell), rec)
		cancel()
		capt.Flush()
		cell["execution_count"] = count
		var e *session.Error
		if errors.As(err, &e) {
			return &CellError{Cell: i + 1, Err: e}
		}
	}
	return nil
}

// outputRef locates one output of one cell.
type outputRef struct {
	cell  map[string]any
	count int // the cell's execution count
	index int
}

// recorder turns a cell's streams, displays, result, help and error into
// nbformat outputs. It is the engine's sink of the run. As the kernel
// does, it waits for the text the cell printed before each output, so that
// the outputs keep the order in which the cell made them.
type recorder struct {
	flush    func() // waits until the capture has emitted what was written
	mu       sync.Mutex
	cell     map[string]any
	count    int
	displays map[string][]outputRef // display_id → outputs showing it
}

func (r *recorder) start(cell map[string]any, count int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cell, r.count = cell, count
	cell["outputs"] = []any{}
}

// add appends an output to the running cell and returns its index.
func (r *recorder) add(out map[string]any) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.addLocked(out)
}

func (r *recorder) addLocked(out map[string]any) int {
	if r.cell == nil {
		return -1
	}
	outs, _ := r.cell["outputs"].([]any)
	r.cell["outputs"] = append(outs, out)
	return len(outs)
}

// stream is the capture's Emit: consecutive text of one stream is merged
// into one output, as Jupyter does.
func (r *recorder) stream(name, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cell == nil {
		return
	}
	outs, _ := r.cell["outputs"].([]any)
	if n := len(outs); n > 0 {
		if last, ok := outs[n-1].(map[string]any); ok && last["output_type"] == "stream" && last["name"] == name {
			last["text"] = last["text"].(string) + text
			return
		}
	}
	r.addLocked(map[string]any{"output_type": "stream", "name": name, "text": text})
}

func (r *recorder) Display(data hooks.Bundle, md map[string]any, id string, update bool) {
	r.flush()
	r.mu.Lock()
	defer r.mu.Unlock()
	if update {
		for _, ref := range r.displays[id] {
			outs, _ := ref.cell["outputs"].([]any)
			out := outs[ref.index].(map[string]any)
			out["data"], out["metadata"] = map[string]any(data), orEmpty(md)
		}
		return
	}
	i := r.addLocked(map[string]any{"output_type": "display_data", "data": map[string]any(data), "metadata": orEmpty(md)})
	if id != "" && i >= 0 {
		r.displays[id] = append(r.displays[id], outputRef{cell: r.cell, count: r.count, index: i})
	}
}

func (r *recorder) Result(data hooks.Bundle, md map[string]any) {
	r.flush()
	r.add(map[string]any{"output_type": "execute_result", "execution_count": r.count, "data": map[string]any(data), "metadata": orEmpty(md)})
}

// ClearOutput clears the running cell's outputs (wait is immaterial
// headless: nothing flickers). Later updates of the displays it cleared are
// dropped, as nbclient drops them.
func (r *recorder) ClearOutput(wait bool) {
	r.flush()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cell == nil {
		return
	}
	r.cell["outputs"] = []any{}
	for id, refs := range r.displays {
		kept := refs[:0]
		for _, ref := range refs {
			if ref.count != r.count {
				kept = append(kept, ref)
			}
		}
		r.displays[id] = kept
	}
}

// Page records help text as a display of the cell, as JupyterLab shows a
// page payload (Jupyter Notebook opens its pager instead, and nbclient drops
// it).
func (r *recorder) Page(text string) {
	r.flush()
	r.add(map[string]any{"output_type": "display_data", "data": map[string]any{"text/plain": text}, "metadata": map[string]any{}})
}

// AskExit is ignored: a notebook has no session to end, and nbclient and
// the notebook frontends ignore the request too; the run goes on.
func (r *recorder) AskExit() {}

// Error records the cell's error output; the run stops after the cell.
func (r *recorder) Error(e *session.Error) {
	r.flush()
	r.add(map[string]any{"output_type": "error", "ename": e.Name, "evalue": e.Value, "traceback": e.Traceback})
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
