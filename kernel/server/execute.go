package server

import (
	"context"
	"errors"
	"fmt"

	"github.com/gophlow/gophlow/hooks"
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

	out := &cellSink{s: s, ctx: ctx, parent: m, count: count, silent: req.Silent, payload: []any{}}
	failed := s.engine.Run(ctx, req.Code, out) != nil // the session hands ctx to compiled code (package interrupt)
	s.flushOutput()
	if storeHistory && out.resultText != nil {
		s.history.setOutput(count, *out.resultText)
	}

	if failed {
		e := out.err
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
		"payload":          out.payload,
		"user_expressions": s.userExpressions(ctx, req.UserExpressions),
	})
	return false
}

// userExpressions evaluates each expression and returns its rendered value
// (or its error) keyed by name, as execute_reply's user_expressions.
func (s *Server) userExpressions(ctx context.Context, exprs map[string]string) map[string]any {
	out := map[string]any{}
	for name, expr := range exprs {
		sink := &captureSink{}
		var e *session.Error
		switch err := s.engine.Evaluate(ctx, expr, sink); {
		case errors.As(err, &e):
			out[name] = errorContent(e.Name, e.Value, e.Traceback)
		case sink.data == nil:
			out[name] = errorContent("ValueError", "expression has no value: "+expr, nil)
		default:
			out[name] = map[string]any{"status": "ok", "data": sink.data, "metadata": orEmpty(sink.metadata)}
		}
	}
	return out
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

// cellSink publishes what a running cell produces: displays, its result
// and its error on iopub, help and exit requests as payloads of its
// execute_reply.
type cellSink struct {
	s          *Server
	ctx        context.Context // the cell's: its cause tells a memory stop
	parent     *wire.Message
	count      int
	silent     bool
	resultText *string
	payload    []any
	err        *session.Error // the error published, nil when none
}

func (c *cellSink) Display(data hooks.Bundle, md map[string]any, id string, update bool) {
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

func (c *cellSink) Result(data hooks.Bundle, md map[string]any) {
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

func (c *cellSink) Page(text string) {
	c.payload = append(c.payload, map[string]any{"source": "page", "data": map[string]any{"text/plain": text}, "start": 0})
}

func (c *cellSink) AskExit() {
	c.payload = append(c.payload, map[string]any{"source": "ask_exit", "keepkernel": false})
}

// Error publishes the cell's error, saying why when the memory watchdog
// stopped it.
func (c *cellSink) Error(e *session.Error) {
	if cause := context.Cause(c.ctx); errors.Is(cause, errMemory) || errors.Is(cause, errStacks) {
		e = memoryError(e, cause)
	}
	c.err = e
	c.s.flushOutput()
	c.s.publish(c.parent, "error", map[string]any{"ename": e.Name, "evalue": e.Value, "traceback": e.Traceback})
}

// captureSink keeps a result instead of publishing it (user_expressions).
type captureSink struct {
	data     hooks.Bundle
	metadata map[string]any
}

func (c *captureSink) Display(hooks.Bundle, map[string]any, string, bool) {}
func (c *captureSink) Result(data hooks.Bundle, md map[string]any)        { c.data, c.metadata = data, md }
func (c *captureSink) ClearOutput(bool)                                   {}
