package hooks

import (
	"context"
	"io"
	"strings"
	"testing"
)

func TestSlotSetGetAndEmpty(t *testing.T) {
	var s slot[io.Reader]
	if _, ok := s.get(); ok {
		t.Fatal("a zero slot holds something")
	}
	r := strings.NewReader("x")
	s.set(r)
	if got, ok := s.get(); !ok || got != r {
		t.Fatalf("get = %v, %v", got, ok)
	}
	s.set(nil)
	if _, ok := s.get(); ok {
		t.Fatal("set(nil) did not empty the slot")
	}
}

// TestDefaultsOutsideAKernel checks what compiled code sees when no
// kernel filled the hooks: a live background context, no sink, a task
// that reports nowhere.
func TestDefaultsOutsideAKernel(t *testing.T) {
	if Context() != context.Background() || CurrentSink() != nil {
		t.Fatal("hooks set outside a kernel")
	}
	task := StartTask("x", 3)
	task.Update(1, "")
	task.Done()
	ctx, cancel := context.WithCancel(context.Background())
	SetContext(ctx)
	cancel()
	if Context().Err() == nil {
		t.Error("Context does not return the installed context")
	}
	SetContext(nil)
	if Context() != context.Background() {
		t.Error("SetContext(nil) did not remove it")
	}
}
