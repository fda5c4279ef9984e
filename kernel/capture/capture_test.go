package capture

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

type sink struct {
	mu  sync.Mutex
	out map[string]*strings.Builder
	n   int
}

func (s *sink) emit(stream, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.out[stream] == nil {
		s.out[stream] = &strings.Builder{}
	}
	s.out[stream].WriteString(text)
	s.n++
}

func (s *sink) get(stream string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.out[stream] == nil {
		return ""
	}
	return s.out[stream].String()
}

func start(t *testing.T, limit int64) (*Capture, *sink) {
	s := &sink{out: map[string]*strings.Builder{}}
	c, err := Start(20*time.Millisecond, limit, s.emit)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Stop)
	return c, s
}

func TestCapturesGoAndRawWritesInOrder(t *testing.T) {
	c, s := start(t, 0)
	fmt.Println("one")
	syscall.Write(1, []byte("two\n")) // as C code would write
	fmt.Fprintln(os.Stderr, "err ü")
	os.Stdout.WriteString("three\n")
	c.Flush()
	c.Stop()
	if got := s.get("stdout"); got != "one\ntwo\nthree\n" {
		t.Errorf("stdout = %q", got)
	}
	if got := s.get("stderr"); got != "err ü\n" {
		t.Errorf("stderr = %q", got)
	}
}

func TestMillionLinesBatchedAndComplete(t *testing.T) {
	c, s := start(t, 0)
	const n = 1_000_000
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%d\n", i)
	}
	want := b.String()
	for i := range n { // one write per line, as a naive cell would
		fmt.Printf("%d\n", i)
	}
	c.Flush()
	c.Stop()
	if got := s.get("stdout"); got != want {
		t.Fatalf("got %d bytes, want %d", len(got), len(want))
	}
	// Batching: a million writes must reach the frontend in far fewer
	// messages; 2000 would be one batch per 20 ms tick for 40 s.
	if s.n > 2000 {
		t.Errorf("%d emits for %d lines: not batched", s.n, n)
	}
}

func TestLimitTruncatesWithNotice(t *testing.T) {
	c, s := start(t, 1000)
	fmt.Print(strings.Repeat("x", 5000))
	c.Flush()
	got := s.get("stdout")
	if !strings.HasPrefix(got, strings.Repeat("x", 1000)+"\n[gophlow: stdout truncated after 1000 bytes") {
		t.Fatalf("got %q", got[:min(len(got), 1100)])
	}
	c.Reset()
	before := len(got)
	fmt.Print("after reset")
	c.Flush()
	c.Stop()
	if got := s.get("stdout"); got[before:] != "after reset" {
		t.Fatalf("after Reset: %q", got[before:])
	}
}

func TestSafeCutKeepsPartialRune(t *testing.T) {
	if n := safeCut([]byte("ab\xc3")); n != 2 {
		t.Errorf("partial rune: cut %d, want 2", n)
	}
	if n := safeCut([]byte("ab\xe2\x82")); n != 2 {
		t.Errorf("partial rune of three bytes: cut %d, want 2", n)
	}
	if n := safeCut([]byte("abü")); n != 4 {
		t.Errorf("full rune: cut %d, want 4", n)
	}
}

func TestTickEmitsWithoutFlush(t *testing.T) {
	c, s := start(t, 0)
	fmt.Print("tick ")
	syscall.Write(1, []byte("raw"))
	deadline := time.Now().Add(5 * time.Second)
	for s.get("stdout") != "tick raw" {
		if time.Now().After(deadline) {
			t.Fatalf("stdout = %q after 5 s of 20 ms ticks", s.get("stdout"))
		}
		time.Sleep(time.Millisecond)
	}
	c.Stop()
}

func TestFlushReturnsWhileAWriterKeepsWriting(t *testing.T) {
	c, s := start(t, 0)
	stop := make(chan struct{})
	done := make(chan struct{})
	line := strings.Repeat("y", 1023) + "\n"
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
				fmt.Print(line)
			}
		}
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Fprint(os.Stderr, "marked")
	finished := make(chan struct{})
	go func() { c.Flush(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(10 * time.Second):
		t.Fatal("Flush did not return while a goroutine kept writing")
	}
	if s.get("stderr") != "marked" {
		t.Errorf("stderr = %q, want what was written before Flush", s.get("stderr"))
	}
	close(stop)
	<-done
	c.Flush()
	c.Stop()
	if out := s.get("stdout"); len(out)%len(line) != 0 || strings.Trim(out, line) != "" {
		t.Errorf("stdout lost or mixed bytes: %d bytes", len(out))
	}
}

func TestFlushDoesNotWaitForTheTick(t *testing.T) {
	s := &sink{out: map[string]*strings.Builder{}}
	c, err := Start(10*time.Second, 0, s.emit) // a tick that never comes during the test
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	fmt.Print("quick")
	start := time.Now()
	c.Flush()
	elapsed := time.Since(start)
	c.Stop()
	if s.get("stdout") != "quick" {
		t.Fatalf("stdout = %q", s.get("stdout"))
	}
	// A flush is on the path of every execute_reply; 1 s is generous for a
	// loaded machine and far below the 10 s tick it must not wait for.
	if elapsed > time.Second {
		t.Fatalf("Flush took %v", elapsed)
	}
}
