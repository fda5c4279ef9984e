package hooks

import (
	"context"
	"sync/atomic"
	"time"
)

var cellContext slot[context.Context]

// SetContext installs the running cell's context (nil: none). The kernel
// cancels it to interrupt the cell.
func SetContext(ctx context.Context) { cellContext.set(ctx) }

// Context returns the running cell's context, or context.Background()
// outside a cell.
func Context() context.Context {
	if ctx, ok := cellContext.get(); ok {
		return ctx
	}
	return context.Background()
}

// lastWatch is when compiled code last checked the cell's context (Unix
// nanoseconds).
var lastWatch atomic.Int64

// Watched records that compiled code is checking the cell's context, so
// it will return soon after an interrupt (interrupt.Check calls it).
func Watched() { lastWatch.Store(time.Now().UnixNano()) }

// WatchedSince reports whether compiled code checked the cell's context
// at or after t.
func WatchedSince(t time.Time) bool { return lastWatch.Load() >= t.UnixNano() }
