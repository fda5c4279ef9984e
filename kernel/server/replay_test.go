package server

import (
	"bytes"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"
)

// A correctly signed message sent again verbatim (a replay) is dropped, on
// the socket it came from or another, whatever the case of its hex
// signature; the counter the message increments proves it ran once.
func TestReplayedMessagesAreDropped(t *testing.T) {
	_, c := startKernel(t)
	if rep, _ := c.execute("runs := 0"); rep["status"] != "ok" {
		t.Fatalf("reply = %v", rep)
	}
	m, frames := c.signedFrames("execute_request", map[string]any{"code": "runs++", "silent": false})
	send := func(sock zmq4.Socket, frames [][]byte) {
		if err := sock.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
			t.Fatal(err)
		}
	}
	send(c.shell, frames)
	if rep := c.recv(c.shell); parentID(rep) != m.Header.MsgID {
		t.Fatalf("reply to %s, want %s", parentID(rep), m.Header.MsgID)
	}
	c.waitIdle(m.Header.MsgID, 10*time.Second)
	// The replays, once the original has run (whichever copy arrives first
	// is the one that runs, and the sockets are read concurrently).
	upper := append([][]byte(nil), frames...)
	upper[1] = bytes.ToUpper(frames[1]) // frames: delimiter, signature, header, …
	send(c.shell, frames)
	send(c.shell, upper)
	// The next reply on shell is the query's (execute fails on any other).
	rep, outs := c.execute("runs")
	if rep["status"] != "ok" || resultText(outs) != "1" {
		t.Fatalf("runs = %q (reply %v), want 1: a replayed message ran", resultText(outs), rep)
	}

	// On control: a kernel_info_request is answered once, not when replayed.
	info, infoFrames := c.signedFrames("kernel_info_request", map[string]any{})
	send(c.control, infoFrames)
	if rep := c.recv(c.control); parentID(rep) != info.Header.MsgID {
		t.Fatalf("control reply to %s, want %s", parentID(rep), info.Header.MsgID)
	}
	send(c.control, infoFrames)
	got := make(chan zmq4.Msg, 1)
	go func() {
		if r, err := c.control.Recv(); err == nil {
			got <- r
		}
	}()
	select {
	case <-got:
		t.Fatal("a replayed kernel_info_request was answered on control")
	case <-time.After(300 * time.Millisecond):
	}
}
