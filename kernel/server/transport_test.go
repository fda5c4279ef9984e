package server

import (
	"bytes"
	"encoding/binary"
	"net"
	"testing"
)

// frame returns a ZMTP 3 frame as zmq4 writes it: header, then body.
func frame(flags byte, body []byte) (hdr []byte) {
	if len(body) > 255 {
		hdr = make([]byte, 9)
		hdr[0] = flags | flagLong
		binary.BigEndian.PutUint64(hdr[1:], uint64(len(body)))
		return hdr
	}
	return []byte{flags, byte(len(body))}
}

func TestFrameScannerFindsMessageEnds(t *testing.T) {
	f := frameScanner{greeting: greetingSize}
	if f.scan(make([]byte, 40)) || !f.scan(make([]byte, 24)) {
		t.Fatal("the greeting must end at its 64th byte, not before")
	}
	long := bytes.Repeat([]byte("x"), 300)
	pieces := [][]byte{
		frame(flagMore, []byte("id")), []byte("id"),
		frame(flagMore, long), long,
		frame(0, []byte("content")), []byte("conte"), []byte("nt"),
	}
	for i, p := range pieces {
		if got, last := f.scan(p), i == len(pieces)-1; got != last {
			t.Fatalf("piece %d (%q…): ended = %v, want %v", i, p[:min(len(p), 8)], got, last)
		}
	}
	// A command stands alone; an empty last frame ends its message with
	// its header.
	if !f.scan(append(frame(flagCommand, []byte("READY")), "READY"...)) {
		t.Error("a command is a message of its own")
	}
	if f.scan(frame(flagMore, nil)) || !f.scan(frame(0, nil)) {
		t.Error("an empty last frame ends the message")
	}
	// Bytes that are not ZMTP are never held back.
	if !f.scan([]byte{0xf0, 1, 2}) || !f.scan(frame(flagMore, []byte("a"))) {
		t.Error("after bytes that are not ZMTP every write must be sent")
	}
}

// recordingConn records the writes that reach the network.
type recordingConn struct {
	net.Conn
	writes [][]byte
}

func (r *recordingConn) Write(p []byte) (int, error) {
	r.writes = append(r.writes, append([]byte{}, p...))
	return len(p), nil
}

func TestGuardedConnSendsWholeMessages(t *testing.T) {
	a, b := net.Pipe()
	defer a.Close()
	defer b.Close()
	rec := &recordingConn{Conn: a}
	c := guard(rec)
	if _, err := c.Write(make([]byte, greetingSize)); err != nil || len(rec.writes) != 1 {
		t.Fatalf("the greeting must go out at once: %d writes, %v", len(rec.writes), err)
	}
	rec.writes = nil
	var want []byte
	for i, body := range [][]byte{[]byte("<IDS|MSG>"), []byte("signature"), []byte("{}")} {
		flags := byte(flagMore)
		if i == 2 {
			flags = 0
		}
		for _, p := range [][]byte{frame(flags, body), body} {
			if len(rec.writes) != 0 {
				t.Fatalf("part of a message was sent before the message was complete: %q", rec.writes)
			}
			want = append(want, p...)
			if _, err := c.Write(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got := bytes.Join(rec.writes, nil); !bytes.Equal(got, want) {
		t.Fatalf("sent %q, want %q", got, want)
	}

	// A message longer than maxPending is sent as it is written.
	rec.writes = nil
	big := make([]byte, maxPending+1)
	c.Write(frame(flagMore, big))
	c.Write(big)
	if sent := len(bytes.Join(rec.writes, nil)); sent != 9+len(big) {
		t.Fatalf("%d bytes sent of a long frame's %d before its message ended", sent, 9+len(big))
	}
}
