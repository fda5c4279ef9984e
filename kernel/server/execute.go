package server

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/gophlow/gophlow/kernel/internal/outlet"
	"github.com/gophlow/gophlow/kernel/session"
	"github.com/gophlow/gophlow/kernel/wire"
)

type executeRequest struct {
	Code            string            `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    *bool             `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions"`
	AllowStdin      bool              `json:"allow_stdin"`
	StopOnError     *bool             `json:"stop_on_error"`
}

// execute runs one cell and reports whether it failed with stop_on_error.
func (s *Server) execute(m *wire.Message) (stop bool) {
	var req executeRequest
	if !s.decode(m, "execute_reply", &req) {
		return false
	}
	storeHistory := !req.Silent && (req.StoreHistory == nil || *req.StoreHistory)
	stopOnError := req.StopOnError == nil || *req.StopOnError

	ctx, cancel := context.WithCancelCause(s.ctx)
	defer cancel(nil)
	heap, stacks := memoryInUse()
	s.mu.Lock()
	if storeHistory {
		s.executionCount++
	}
	count := s.executionCount
	s.current, s.cancelCell, s.memoryAtStart = m, cancel, heap+stacks
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.cancelCell = nil
		s.mu.Unlock()
	}()

	if !req.Silent {
		s.publish(m, "execute_input", map[string]any{"code": req.Code, "execution_count": count})
	}
	if storeHistory {
		s.history.add(count, req.Code)
	}
	if s.capture != nil {
		s.capture.Reset()
	}

	out := &cellSink{s: s, parent: m, count: count, silent: req.Silent}
	outlet.Set(out)
	payload, err := s.run(ctx, req.Code) // the session hands ctx to compiled code (package interrupt)
	outlet.Set(nil)
	s.flushOutput()
	if storeHistory && out.resultText != nil {
		s.history.setOutput(count, *out.resultText)
	}

	if err != nil {
		e := asError(err)
		if cause := context.Cause(ctx); errors.Is(cause, errMemory) || errors.Is(cause, errStacks) {
			e = memoryError(e, cause)
		}
		s.publish(m, "error", map[string]any{"ename": e.Name, "evalue": e.Value, "traceback": e.Traceback})
		content := errorContent(e.Name, e.Value, e.Traceback)
		content["execution_count"] = count
		content["user_expressions"] = map[string]any{}
		content["payload"] = []any{}
		s.reply(s.shell, &s.shellMu, m, "execute_reply", content)
		return stopOnError
	}
	s.reply(s.shell, &s.shellMu, m, "execute_reply", map[string]any{
		"status":           "ok",
		"execution_count":  count,
		"payload":          payload,
		"user_expressions": s.userExpressions(ctx, req.UserExpressions),
	})
	return false
}

// run evaluates a cell: a help request (name? or ?name, %help) answered
// with a pager payload, or magic lines followed by Go code.
func (s *Server) run(ctx context.Context, code string) (payload []any, err error) {
	if text, ok := s.help(code); ok {
		return []any{map[string]any{"source": "page", "data": map[string]any{"text/plain": text}, "start": 0}}, nil
	}
	rest, after, err := s.runMagics(ctx, code)
	if err != nil {
		return []any{}, err
	}
	if strings.TrimSpace(rest) != "" {
		err = s.evaluate(ctx, rest)
	}
	if after != nil {
		after()
	}
	return []any{}, err
}

// evaluate runs code in the session; a panic escaping the session (a bug in
// the interpreter) is turned into an error so the kernel survives it.
func (s *Server) evaluate(ctx context.Context, code string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &session.Error{Name: "InternalError", Value: fmt.Sprint(r),
				Traceback: []string{fmt.Sprintf("InternalError: the interpreter failed on this cell: %v", r)}}
		}
	}()
	return s.cfg.Session.Execute(ctx, code)
}

// userExpressions evaluates each expression and returns its rendered value
// (or its error) keyed by name, as execute_reply's user_expressions.
func (s *Server) userExpressions(ctx context.Context, exprs map[string]string) map[string]any {
	out := map[string]any{}
	for name, expr := range exprs {
		sink := &captureSink{}
		outlet.Set(sink)
		err := s.evaluate(ctx, expr)
		outlet.Set(nil)
		switch {
		case err != nil:
			e := asError(err)
			out[name] = errorContent(e.Name, e.Value, e.Traceback)
		case sink.data == nil:
			out[name] = errorContent("ValueError", "expression has no value: "+expr, nil)
		default:
			out[name] = map[string]any{"status": "ok", "data": sink.data, "metadata": orEmpty(sink.metadata)}
		}
	}
	return out
}

func asError(err error) *session.Error {
	var e *session.Error
	if errors.As(err, &e) {
		return e
	}
	return &session.Error{Name: "Error", Value: err.Error(), Traceback: []string{err.Error()}}
}

// memoryError replaces the interrupt error of a cell stopped by the memory
// watchdog with one that says why.
func memoryError(e *session.Error, cause error) *session.Error {
	var msg string
	if errors.Is(cause, errStacks) {
		msg = fmt.Sprintf("the cell was stopped because its goroutine stacks passed %s (an endless recursion?); variables defined before it are kept", bytesText(maxStacks))
	} else {
		limit, _ := MemoryLimit()
		msg = fmt.Sprintf("the cell was stopped because the kernel's memory passed %s (GOPHLOW_MEMORY_LIMIT); variables defined before it are kept", bytesText(limit))
	}
	return &session.Error{Name: "MemoryError", Value: msg, Traceback: append([]string{"MemoryError: " + msg}, e.Traceback...)}
}

// bytesText writes a byte count in MiB or GiB.
func bytesText(n int64) string {
	if n < 1<<30 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

// cellSink publishes the display package's output of a running cell.
type cellSink struct {
	s          *Server
	parent     *wire.Message
	count      int
	silent     bool
	resultText *string
}

func (c *cellSink) Display(data outlet.Bundle, md map[string]any, id string, update bool) {
	content := map[string]any{"data": data, "metadata": orEmpty(md), "transient": map[string]any{}}
	if id != "" {
		content["transient"] = map[string]any{"display_id": id}
	}
	msgType := "display_data"
	if update {
		msgType = "update_display_data"
	}
	c.s.flushOutput() // keep prints made before the display above it
	c.s.publish(c.parent, msgType, content)
}

func (c *cellSink) Result(data outlet.Bundle, md map[string]any) {
	if text, ok := data["text/plain"].(string); ok {
		c.resultText = &text
	}
	if c.silent {
		return
	}
	c.s.flushOutput()
	c.s.publish(c.parent, "execute_result", map[string]any{
		"execution_count": c.count, "data": data, "metadata": orEmpty(md),
	})
}

func (c *cellSink) ClearOutput(wait bool) {
	c.s.flushOutput()
	c.s.publish(c.parent, "clear_output", map[string]any{"wait": wait})
}

// captureSink keeps a result instead of publishing it (user_expressions).
type captureSink struct {
	data     outlet.Bundle
	metadata map[string]any
}

func (c *captureSink) Display(outlet.Bundle, map[string]any, string, bool) {}
func (c *captureSink) Result(data outlet.Bundle, md map[string]any)        { c.data, c.metadata = data, md }
func (c *captureSink) ClearOutput(bool)                                    {}

// helpText is the answer to %help.
const helpText = `gophlow — a Go kernel with flow matching built in

Cells are Go: imports, declarations and statements in any order. State
lives on between cells. A trailing expression is shown as the cell's result
(images and plots as pictures).

Preloaded packages: fmlib (flow matching), plots (figures), display (rich
output), gonum (mat, stat, floats, distuv, optimize, integrate, fd) and
gonum/plot, plus the standard library.

Help:
  name?        the signature and documentation of name (e.g. math.Sqrt?)
  ?name        the same
  Tab          completion; Shift-Tab: inspection

Interrupt (the stop button) stops a running cell and keeps all state.

` + magicHelp

// help answers %help and name? / ?name cells.
func (s *Server) help(code string) (string, bool) {
	c := strings.TrimSpace(code)
	if c == "%help" {
		return helpText, true
	}
	var name string
	switch {
	case strings.HasPrefix(c, "?") && !strings.ContainsAny(c, "\n "):
		name = strings.TrimPrefix(c, "?")
	case strings.HasSuffix(c, "?") && !strings.ContainsAny(c, "\n "):
		name = strings.TrimSuffix(c, "?")
	default:
		return "", false
	}
	text, found := s.inspectText(name, len([]rune(name)), 0)
	if !found {
		return fmt.Sprintf("%s: nothing known by this name", name), true
	}
	return text, true
}
