// Package capture collects what the process writes to standard output and
// error, so that output of interpreted and compiled code alike reaches the
// notebook. Data read from the pipes is handed on in batches at a fixed
// interval, so a cell printing a million lines neither floods the frontend
// nor loses lines.
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
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sync"
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
	kick     chan struct{} // a flush marker arrived: drain now, not at the next tick
	stopOnce sync.Once
	// Stderr is the process's original standard error (fd 2), for the
	// kernel's own log.
	Stderr *os.File
}

type stream struct {
	name    string
	fd      int // the redirected descriptor, or -1
	saved   int // its original, dup'ed, or -1
	r, w    *os.File
	marker  []byte
	mu      sync.Mutex
	pending []byte
	emitted int64 // bytes emitted since the last Reset
	dropped bool  // the limit was reached and the notice was emitted
	waiters map[string]chan struct{}
}

// Start redirects fd 1 and os.Stderr into pipes and calls emit every
// interval with what was written since. limit caps the bytes passed on per stream between
// two Resets (0 means no limit); past it output is dropped with one notice.
func Start(interval time.Duration, limit int64, emit Emit) (*Capture, error) {
	c := &Capture{emit: emit, limit: limit, done: make(chan struct{}), kick: make(chan struct{}, 1)}
	var mk [8]byte
	_, _ = rand.Read(mk[:])
	marker := []byte("\x00gophlow-flush-" + hex.EncodeToString(mk[:]) + "-")
	out, err := redirect("stdout", 1, marker)
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
	c.streams[1] = newStream("stderr", -1, -1, r, w, marker)
	for _, s := range c.streams {
		go s.read(c.kick)
	}
	go c.loop(interval)
	return c, nil
}

func redirect(name string, fd int, marker []byte) (*stream, error) {
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
	return newStream(name, fd, saved, r, w, marker), nil
}

// newStream returns a stream read from r; fd and saved are the redirected
// descriptor and its saved original, or -1 for a Go-level redirection.
func newStream(name string, fd, saved int, r, w *os.File, marker []byte) *stream {
	return &stream{name: name, fd: fd, saved: saved, r: r, w: w, marker: marker, waiters: map[string]chan struct{}{}}
}

// read moves bytes from the pipe into pending until the pipe closes, and
// kicks the drain loop when a flush marker completes, so that Flush does
// not wait for the next tick.
func (s *stream) read(kick chan<- struct{}) {
	buf := make([]byte, 64<<10)
	for {
		n, err := s.r.Read(buf)
		if n > 0 {
			s.mu.Lock()
			from := max(0, len(s.pending)-len(s.marker))
			s.pending = append(s.pending, buf[:n]...)
			marked := bytes.Contains(s.pending[from:], s.marker) || len(s.waiters) > 0 && bytes.IndexByte(buf[:n], 0) >= 0
			s.mu.Unlock()
			if marked {
				select {
				case kick <- struct{}{}:
				default:
				}
			}
		}
		if err != nil {
			return
		}
	}
}

func (c *Capture) loop(interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-c.done:
			return
		case <-t.C:
		case <-c.kick:
		}
		for _, s := range c.streams {
			c.drain(s)
		}
	}
}

// drain emits what is pending on s up to the first flush marker (or up to a
// possibly incomplete marker or UTF-8 sequence at the end), and wakes the
// flushers whose markers it consumed.
func (c *Capture) drain(s *stream) {
	for {
		s.mu.Lock()
		data := s.pending
		var token string
		cut := len(data)
		if i := bytes.Index(data, s.marker); i >= 0 {
			end := bytes.IndexByte(data[i+len(s.marker):], 0)
			if end >= 0 {
				cut = i
				token = string(data[i+len(s.marker) : i+len(s.marker)+end])
				s.pending = data[i+len(s.marker)+end+1:]
			}
		}
		if token == "" {
			cut = safeCut(data, s.marker)
			s.pending = data[cut:]
		}
		text := c.admit(s, data[:cut])
		var wake chan struct{}
		if token != "" {
			wake = s.waiters[token]
			delete(s.waiters, token)
		}
		s.mu.Unlock()
		if text != "" {
			c.emit(s.name, text)
		}
		if wake != nil {
			close(wake)
			continue // more may follow the marker
		}
		return
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
// trailing partial flush marker or an incomplete UTF-8 sequence.
func safeCut(data, marker []byte) int {
	n := len(data)
	for k := min(len(marker)-1, n); k > 0; k-- {
		if bytes.HasPrefix(marker, data[n-k:]) {
			return n - k
		}
	}
	// Tokens after a complete marker are hex digits ended by NUL; a marker
	// whose token is not complete yet stays pending as well.
	if i := bytes.Index(data, marker); i >= 0 {
		return i
	}
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

// Flush blocks until everything written to fds 1 and 2 before the call has
// been passed to emit, or timeout passes.
func (c *Capture) Flush(timeout time.Duration) {
	deadline := time.After(timeout)
	var waits []chan struct{}
	for _, s := range c.streams {
		var tok [8]byte
		_, _ = rand.Read(tok[:])
		token := hex.EncodeToString(tok[:])
		ch := make(chan struct{})
		s.mu.Lock()
		s.waiters[token] = ch
		s.mu.Unlock()
		msg := append(append(append([]byte{}, s.marker...), token...), 0)
		if _, err := s.w.Write(msg); err != nil {
			continue
		}
		waits = append(waits, ch)
	}
	for _, ch := range waits {
		select {
		case <-ch:
		case <-deadline:
			return
		}
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
