package interrupt

import (
	"context"
	"errors"
	"testing"

	"github.com/gophlow/gophlow/hooks"
)

func TestContextDefaultsToBackground(t *testing.T) {
	hooks.SetContext(nil)
	if Context() != context.Background() {
		t.Fatal("Context() without a kernel should be context.Background()")
	}
	if err := Check(nil); err != nil {
		t.Fatalf("Check(nil) = %v, want nil", err)
	}
}

func TestCheckAfterCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	hooks.SetContext(ctx)
	defer hooks.SetContext(nil)
	if err := Check(nil); err != nil {
		t.Fatalf("before cancel: %v", err)
	}
	cancel()
	err := Check(nil)
	if !errors.Is(err, ErrInterrupted) || !errors.Is(err, context.Canceled) {
		t.Fatalf("after cancel: %v, want ErrInterrupted and context.Canceled", err)
	}
}
