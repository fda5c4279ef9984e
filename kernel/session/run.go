package session

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"reflect"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/gophlow/gophlow/hooks"
	"github.com/traefik/yaegi/interp"
)

// Running code. Every chunk is compiled, then executed with the cell's
// context. yaegi's ExecuteWithContext returns as soon as the context is
// cancelled, but the goroutine running the code stops only when the code
// next checks (at once in an interpreted loop; when it returns, in a call
// into compiled code). Top-level statements run in the interpreter's global
// frame, and starting any new evaluation makes that frame runnable again,
// so an interrupted loop that has not stopped yet would resume. The session
// therefore waits for the interrupted goroutine to end before running
// anything else.

// An interrupt also has a lasting effect in yaegi: it stops code by
// advancing the interpreter's run id, and every closure keeps the run id of
// the frame it was created in. A function value made before the interrupt
// would from then on return at once with zero values (upper("q") == ""
// after interrupting any cell). Once the interrupted code has stopped, the
// session therefore puts the run id back (runID, setRunID): yaegi offers
// no API for it, so the field is reached through reflect.

// runIDField returns yaegi's run id counter of in, or nil if its layout is
// not the one this was written for (yaegi v0.16.1).
func runIDField(in *interp.Interpreter) *uint64 {
	f := reflect.ValueOf(in).Elem().FieldByName("id")
	if !f.IsValid() || f.Kind() != reflect.Uint64 {
		return nil
	}
	return (*uint64)(f.Addr().UnsafePointer())
}

// runID returns the interpreter's run id (0 if unknown).
func runID(in *interp.Interpreter) uint64 {
	if p := runIDField(in); p != nil {
		return atomic.LoadUint64(p)
	}
	return 0
}

// setRunID restores the interpreter's run id to id.
func setRunID(in *interp.Interpreter, id uint64) {
	if p := runIDField(in); p != nil {
		atomic.StoreUint64(p, id)
	}
}

// interruptGrace is how long an interrupted cell waits for its code to
// stop before reporting the interrupt anyway.
const interruptGrace = time.Second

// compile compiles src, turning a panic of yaegi's compiler into an error.
// yaegi raises some of those panics with log.Panic, which would also print
// them on the standard logger: the session reports them itself, so the
// standard logger is silenced for the (short) compilation.
func (s *Session) compile(src string) (prog *interp.Program, err error, crash any) {
	w := log.Writer()
	log.SetOutput(io.Discard)
	defer func() {
		log.SetOutput(w)
		if r := recover(); r != nil {
			prog, err, crash = nil, nil, r
		}
	}()
	prog, err = s.interp.Compile(src)
	return prog, err, nil
}

// execute runs prog until it ends or ctx is cancelled. It returns the
// value of the last expression, a run error (interp.Panic for a panic), or
// ctx's error.
func (s *Session) execute(ctx context.Context, prog *interp.Program) (res reflect.Value, err error) {
	if err := ctx.Err(); err != nil {
		return reflect.Value{}, err
	}
	s.trap.take()
	defer func() {
		if r := recover(); r != nil {
			err = interp.Panic{Value: r}
		}
	}()
	id := runID(s.interp)
	// After an interrupt the interpreter runs on while compiled code
	// watches the interrupt (fmlib's training checks it every step), so
	// that the call returns and the statement that made it completes
	// (res, err := fmlib.Train(…) assigns res) instead of being cut off.
	ictx, stopInterpreter := context.WithCancel(context.WithoutCancel(ctx))
	defer stopInterpreter()
	release := context.AfterFunc(ctx, func() { stopWhenUnwatched(ictx, stopInterpreter) })
	defer release()
	res, err = s.interp.ExecuteWithContext(ictx, prog)
	if ictx.Err() != nil && (err == nil || errors.Is(err, ictx.Err())) {
		s.staleID = id
		s.stale = !s.waitRunning(context.Background(), interruptGrace)
		if !s.stale {
			setRunID(s.interp, id)
		}
		return reflect.Value{}, ctx.Err()
	}
	if ctx.Err() != nil && err == nil {
		return reflect.Value{}, ctx.Err() // interrupted, ended within the grace
	}
	return res, err
}

// compiledGrace is how long an interrupted cell's code runs on when no
// compiled code is watching the interrupt; maxGrace bounds it when some is.
const (
	compiledGrace = 200 * time.Millisecond
	maxGrace      = 5 * time.Second
)

// stopWhenUnwatched calls stop once compiled code has not checked the
// interrupt for compiledGrace, or maxGrace after the interrupt, unless ctx
// ends first (the cell's code returned).
func stopWhenUnwatched(ctx context.Context, stop func()) {
	start := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(compiledGrace):
		}
		if !hooks.WatchedSince(time.Now().Add(-compiledGrace)) || time.Since(start) > maxGrace {
			stop()
			return
		}
	}
}

// staleWait bounds how long a cell waits for the compiled call of an
// interrupted cell to return.
const staleWait = time.Second

// waitStale waits, at most staleWait, until the code of an interrupted cell
// has stopped. A call into compiled code that ignores interrupts
// (time.Sleep, a long gonum routine) may outlast that: the cell then runs
// anyway, and standard error says that when the call returns, the rest of
// the interrupted cell's top-level statements may still run (they share
// the interpreter's global frame with the new cell). It returns false when
// ctx is cancelled while waiting.
func (s *Session) waitStale(ctx context.Context) bool {
	if !s.stale {
		return true
	}
	wait, cancel := context.WithTimeout(ctx, staleWait)
	defer cancel()
	stopped := s.waitRunning(wait, 0)
	if !stopped && ctx.Err() != nil {
		return false
	}
	if !stopped {
		fmt.Fprintln(s.opts.Stderr, "warning: the interrupted cell is still inside a call into compiled code that does not watch for interrupts; this cell runs anyway, and when that call returns the rest of the interrupted cell may still run (%reset drops it)")
	}
	s.stale = false
	setRunID(s.interp, s.staleID)
	return true
}

// waitRunning polls until no goroutine is executing a program for the
// session's interpreter any more, for at most grace (0: until ctx is
// done). It reports whether the code stopped. yaegi does not say when the
// goroutine of an interrupted ExecuteWithContext ends, so the goroutines'
// stacks are searched for it (its frames name the interpreter).
func (s *Session) waitRunning(ctx context.Context, grace time.Duration) bool {
	var deadline time.Time
	if grace > 0 {
		deadline = time.Now().Add(grace)
	}
	mine := []byte(fmt.Sprintf("(*Interpreter).Execute(%p", s.interp))
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		for n == len(buf) { // truncated: take a bigger buffer
			buf = make([]byte, 2*len(buf))
			n = runtime.Stack(buf, true)
		}
		running := false
		for _, g := range bytes.Split(buf[:n], []byte("\n\n")) {
			if bytes.Contains(g, []byte("ExecuteWithContext.func1(")) && bytes.Contains(g, mine) {
				running = true
			}
		}
		if !running {
			return true
		}
		if ctx.Err() != nil || (!deadline.IsZero() && time.Now().After(deadline)) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
}
