// Package capture collects what the process writes to standard output and
// error, so that output of interpreted and compiled code alike reaches the
// notebook. Data read from the pipes is handed on in batches at a fixed
// interval, so a cell printing a million lines neither floods the frontend
// nor loses lines; Flush hands on at once what was written before it,
// reading the pipes itself, so that the end of a cell waits for no other
// goroutine.
//
// Standard output is redirected at the file-descriptor level (fd 1), which
// also catches C libraries. Standard error is redirected at the Go level
// (os.Stderr) and fd 2 is left alone: the runtime writes the report of a
// fatal error (out of memory, a panic on a goroutine nobody recovers) to fd
// 2 while every goroutine, this package's reader too, is frozen, so a pipe
// there would lose the report or block the dying process for ever. Kept on
// fd 2, the report reaches the kernel's log.
package capture

import (
	"fmt"
	"io"
	"os"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"
)

// Emit receives a batch of output of one stream ("stdout" or "stderr").
type Emit func(stream string, text string)

// Capture owns the redirected descriptors 1 and 2.
type Capture struct {
	emit     Emit
	limit    int64
	streams  [2]*stream // stdout, stderr
	done     chan struct{}
	stopOnce sync.Once
	// Stderr is the process's original standard error (fd 2), for the
	// kernel's own log.
	Stderr *os.File
}

type stream struct {
	name  string
	fd    int // the redirected descriptor, or -1
	saved int // its original, dup'ed, or -1
	r, w  *os.File
	raw   syscall.RawConn // r's descriptor, read without blocking
	// mu guards pending and every read of r, so that a byte is always
	// either in the pipe or in pending.
	mu      sync.Mutex
	buf     []byte
	pending []byte
	emitted int64 // bytes emitted since the last Reset
	dropped bool  // the limit was reached and the notice was emitted
	// emitMu is held from taking text out of pending until it is emitted,
	// so that batches reach emit in order.
	emitMu sync.Mutex
}

// Start redirects fd 1 and os.Stderr into pipes and calls emit every
// interval with what was written since. limit caps the bytes passed on per stream between
// two Resets (0 means no limit); past it output is dropped with one notice.
func Start(interval time.Duration, limit int64, emit Emit) (*Capture, error) {
	c := &Capture{emit: emit, limit: limit, done: make(chan struct{})}
	out, err := redirect("stdout", 1)
	if err != nil {
		return nil, err
	}
	c.streams[0] = out
	r, w, err := os.Pipe()
	if err != nil {
		c.Stop()
		return nil, fmt.Errorf("capture: pipe for stderr: %w", err)
	}
	c.Stderr = os.Stderr
	os.Stderr = w
	if c.streams[1], err = newStream("stderr", -1, -1, r, w); err != nil {
		c.Stop()
		return nil, err
	}
	for _, s := range c.streams {
		go s.read()
	}
	go c.loop(interval)
	return c, nil
}

func redirect(name string, fd int) (*stream, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("capture: pipe for %s: %w", name, err)
	}
	saved, err := dup(fd)
	if err != nil {
		return nil, fmt.Errorf("capture: saving fd %d: %w", fd, err)
	}
	if err := dup2(int(w.Fd()), fd); err != nil {
		return nil, fmt.Errorf("capture: redirecting fd %d: %w", fd, err)
	}
	return newStream(name, fd, saved, r, w)
}

// newStream returns a stream read from r; fd and saved are the redirected
// descriptor and its saved original, or -1 for a Go-level redirection.
func newStream(name string, fd, saved int, r, w *os.File) (*stream, error) {
	raw, err := r.SyscallConn()
	if err != nil {
		return nil, fmt.Errorf("capture: pipe for %s: %w", name, err)
	}
	return &stream{name: name, fd: fd, saved: saved, r: r, w: w, raw: raw, buf: make([]byte, 64<<10)}, nil
}

// read moves bytes from the pipe into pending as they arrive, until the
// pipe closes.
func (s *stream) read() {
	for {
		var n int
		var rerr error
		err := s.raw.Read(func(fd uintptr) bool {
			s.mu.Lock()
			defer s.mu.Unlock()
			n, rerr = s.readOnce(fd)
			return rerr != syscall.EAGAIN // false: wait until the pipe is readable
		})
		if err != nil || rerr != nil || n == 0 { // closed, failed, or every writer gone
			return
		}
	}
}

// readOnce reads from the pipe, without blocking, into pending; s.mu is
// held.
func (s *stream) readOnce(fd uintptr) (int, error) {
	for {
		n, err := syscall.Read(int(fd), s.buf)
		if err == syscall.EINTR {
			continue
		}
		if n > 0 {
			s.pending = append(s.pending, s.buf[:n]...)
		}
		return n, err
	}
}

// flushReadLimit bounds what Flush reads from a pipe that a goroutine keeps
// filling: more than a pipe holds (64 KiB unless resized), so everything
// written before the Flush is read.
const flushReadLimit = 1 << 20

// readAvailable moves what the pipe holds into pending, without waiting.
func (s *stream) readAvailable() {
	s.mu.Lock()
	defer s.mu.Unlock()
	_ = s.raw.Control(func(fd uintptr) {
		for total := 0; total < flushReadLimit; {
			n, err := s.readOnce(fd)
			total += n
			if err != nil || n < len(s.buf) { // empty, closed or drained
				return
			}
		}
	})
}

func (c *Capture) loop(interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-c.done:
			return
		case <-t.C:
		}
		for _, s := range c.streams {
			c.drain(s, false)
		}
	}
}

// drain emits what is pending on s: all of it, or without a possibly
// incomplete UTF-8 sequence at its end, which waits for its other bytes.
func (c *Capture) drain(s *stream, all bool) {
	s.emitMu.Lock()
	defer s.emitMu.Unlock()
	s.mu.Lock()
	cut := len(s.pending)
	if !all {
		cut = safeCut(s.pending)
	}
	text := c.admit(s, s.pending[:cut])
	s.pending = s.pending[cut:]
	s.mu.Unlock()
	if text != "" {
		c.emit(s.name, text)
	}
}

// admit applies the output limit to data and returns the text to emit.
func (c *Capture) admit(s *stream, data []byte) string {
	if len(data) == 0 || s.dropped {
		return ""
	}
	if c.limit > 0 && s.emitted+int64(len(data)) > c.limit {
		keep := c.limit - s.emitted
		s.dropped = true
		s.emitted = c.limit
		return string(data[:keep]) + fmt.Sprintf("\n[gophlow: %s truncated after %d bytes; the rest of this cell's %s is dropped (set GOPHLOW_OUTPUT_LIMIT to change the limit)]\n", s.name, c.limit, s.name)
	}
	s.emitted += int64(len(data))
	return string(data)
}

// safeCut returns how much of data can be emitted now: everything except a
// trailing incomplete UTF-8 sequence.
func safeCut(data []byte) int {
	n := len(data)
	for k := 1; k <= utf8.UTFMax && k <= n; k++ {
		b := data[n-k]
		if b < utf8.RuneSelf {
			break
		}
		if utf8.RuneStart(b) {
			if !utf8.FullRune(data[n-k:]) {
				return n - k
			}
			break
		}
	}
	return n
}

// Flush passes everything written to fd 1 and os.Stderr before the call
// to emit before it returns.
func (c *Capture) Flush() {
	for _, s := range c.streams {
		s.readAvailable()
		c.drain(s, true)
	}
}

// Reset starts a new output budget (at the start of each cell).
func (c *Capture) Reset() {
	for _, s := range c.streams {
		s.mu.Lock()
		s.emitted, s.dropped = 0, false
		s.mu.Unlock()
	}
}

// CurrentStderr writes to whatever os.Stderr is at the time of each write:
// give it to code that keeps a writer from before Start (the interpreter).
var CurrentStderr io.Writer = currentStderr{}

type currentStderr struct{}

func (currentStderr) Write(p []byte) (int, error) { return os.Stderr.Write(p) }

// Stop restores the original descriptors and os.Stderr, and closes the pipes.
func (c *Capture) Stop() {
	c.stopOnce.Do(func() {
		close(c.done)
		if c.Stderr != nil {
			os.Stderr = c.Stderr
		}
		for _, s := range c.streams {
			if s == nil {
				continue
			}
			if s.fd >= 0 {
				_ = dup2(s.saved, s.fd)
			}
			s.w.Close()
		}
	})
}
