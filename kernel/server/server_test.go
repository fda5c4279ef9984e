package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/gophlow/gophlow/kernel/capture"
	"github.com/gophlow/gophlow/kernel/session"
	"github.com/gophlow/gophlow/kernel/wire"
)

const testKey = "test-key-0123456789"

// freePorts returns n distinct free TCP ports on the loopback interface.
func freePorts(t testing.TB, n int) []int {
	var ports []int
	var ls []net.Listener
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	for _, l := range ls {
		l.Close()
	}
	return ports
}

// client is a minimal Jupyter client: a DEALER on shell and control and a
// SUB on iopub.
type client struct {
	t              testing.TB
	shell, control zmq4.Socket
	iopub          zmq4.Socket
	signer         *wire.Signer
	session        string
	iopubMsgs      chan *wire.Message
	stopped        chan bool // receives Run's result when the server stops
}

// startKernel runs a server with a real session on loopback and returns a
// connected client.
func startKernel(t testing.TB) (*Server, *client) {
	p := freePorts(t, 5)
	conn := Connection{Transport: "tcp", IP: "127.0.0.1", ShellPort: p[0], ControlPort: p[1],
		StdinPort: p[2], IOPubPort: p[3], HBPort: p[4], SignatureScheme: "hmac-sha256", Key: testKey}
	sess, err := session.New(session.Options{Stdout: os.Stdout, Stderr: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{Conn: conn, Session: sess, Log: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	capt, err := capture.Start(20*time.Millisecond, 0, srv.EmitStream)
	if err != nil {
		t.Fatal(err)
	}
	srv.AttachCapture(capt)
	stopped := make(chan bool, 1)
	go func() { stopped <- srv.Run() }()
	t.Cleanup(srv.Close)
	t.Cleanup(capt.Stop)

	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	signer, _ := wire.NewSigner("hmac-sha256", testKey)
	c := &client{t: t, signer: signer, stopped: stopped, session: wire.NewID(), iopubMsgs: make(chan *wire.Message, 10000),
		shell:   zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity("test-shell"))),
		control: zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity("test-control"))),
		iopub:   zmq4.NewSub(ctx)}
	for _, d := range []struct {
		s    zmq4.Socket
		port int
	}{{c.shell, p[0]}, {c.control, p[1]}, {c.iopub, p[3]}} {
		if err := d.s.Dial(conn.endpoint(d.port)); err != nil {
			t.Fatal(err)
		}
	}
	c.iopub.SetOption(zmq4.OptionSubscribe, "")
	go func() {
		for {
			m, err := c.iopub.Recv()
			if err != nil {
				return
			}
			if dm, err := wire.Decode(m.Frames, signer); err == nil {
				c.iopubMsgs <- dm
			}
		}
	}()
	// Wait until iopub is connected (the slow-joiner problem of PUB/SUB):
	// ask for kernel_info until its status messages arrive.
	deadline := time.Now().Add(10 * time.Second)
	for {
		id := c.send(c.shell, "kernel_info_request", map[string]any{})
		c.recv(c.shell)
		if c.waitIdle(id, 200*time.Millisecond) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("iopub never delivered a status message")
		}
	}
	return srv, c
}

// signedFrames returns a new message of msgType and its signed frames.
func (c *client) signedFrames(msgType string, content any) (*wire.Message, [][]byte) {
	body, _ := json.Marshal(content)
	m := &wire.Message{Header: wire.Header{MsgID: wire.NewID(), Session: c.session, Username: "test",
		Date: wire.Now(), MsgType: msgType, Version: wire.ProtocolVersion}, Content: body}
	frames, err := wire.Encode(m, c.signer)
	if err != nil {
		c.t.Fatal(err)
	}
	return m, frames
}

func (c *client) send(sock zmq4.Socket, msgType string, content any) string {
	m, frames := c.signedFrames(msgType, content)
	if err := sock.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		c.t.Fatal(err)
	}
	return m.Header.MsgID
}

func (c *client) recv(sock zmq4.Socket) *wire.Message {
	type result struct {
		m   zmq4.Msg
		err error
	}
	ch := make(chan result, 1)
	go func() { m, err := sock.Recv(); ch <- result{m, err} }()
	select {
	case r := <-ch:
		if r.err != nil {
			c.t.Fatal(r.err)
		}
		m, err := wire.Decode(r.m.Frames, c.signer)
		if err != nil {
			c.t.Fatal(err)
		}
		return m
	case <-time.After(20 * time.Second):
		c.t.Fatal("no reply within 20 s")
	}
	return nil
}

func parentID(m *wire.Message) string {
	var h wire.Header
	json.Unmarshal(m.Parent, &h)
	return h.MsgID
}

// waitIdle collects iopub messages of request id until its idle status.
func (c *client) waitIdle(id string, timeout time.Duration) bool {
	_, ok := c.outputs(id, timeout)
	return ok
}

func (c *client) outputs(id string, timeout time.Duration) ([]*wire.Message, bool) {
	var outs []*wire.Message
	deadline := time.After(timeout)
	for {
		select {
		case m := <-c.iopubMsgs:
			if parentID(m) != id {
				continue
			}
			if m.Header.MsgType == "status" {
				var st struct {
					State string `json:"execution_state"`
				}
				json.Unmarshal(m.Content, &st)
				if st.State == "idle" {
					return outs, true
				}
				continue
			}
			outs = append(outs, m)
		case <-deadline:
			return outs, false
		}
	}
}

// execute runs code and returns the reply content and the cell's iopub output.
func (c *client) execute(code string) (map[string]any, []*wire.Message) {
	id := c.send(c.shell, "execute_request", map[string]any{"code": code, "silent": false,
		"store_history": true, "user_expressions": map[string]any{}, "allow_stdin": false, "stop_on_error": true})
	rep := c.recv(c.shell)
	if parentID(rep) != id {
		c.t.Fatalf("reply to %s, want %s", parentID(rep), id)
	}
	var content map[string]any
	json.Unmarshal(rep.Content, &content)
	outs, ok := c.outputs(id, 10*time.Second)
	if !ok {
		c.t.Fatalf("no idle status after %q", code)
	}
	return content, outs
}

func resultText(outs []*wire.Message) string {
	for _, m := range outs {
		if m.Header.MsgType == "execute_result" {
			var r struct {
				Data map[string]any `json:"data"`
			}
			json.Unmarshal(m.Content, &r)
			return fmt.Sprint(r.Data["text/plain"])
		}
	}
	return ""
}

func TestExecuteKeepsStateAndPublishesResult(t *testing.T) {
	_, c := startKernel(t)
	if rep, _ := c.execute("x := 20"); rep["status"] != "ok" {
		t.Fatalf("reply = %v", rep)
	}
	rep, outs := c.execute("x*2 + 2")
	if rep["status"] != "ok" || rep["execution_count"].(float64) != 2 {
		t.Fatalf("reply = %v", rep)
	}
	if got := resultText(outs); got != "42" {
		t.Fatalf("result = %q", got)
	}
}

func TestErrorThenStateSurvives(t *testing.T) {
	_, c := startKernel(t)
	c.execute("kept := 7")
	rep, outs := c.execute(`panic("boom")`)
	if rep["status"] != "error" || len(outs) < 2 || outs[len(outs)-1].Header.MsgType != "error" {
		t.Fatalf("reply = %v, outputs = %d", rep, len(outs))
	}
	if _, outs := c.execute("kept"); resultText(outs) != "7" {
		t.Fatalf("after the error kept = %q", resultText(outs))
	}
}

func TestForgedMessagesAreDropped(t *testing.T) {
	_, c := startKernel(t)
	target := filepath.Join(t.TempDir(), "forged")
	code := fmt.Sprintf("import \"os\"\nos.WriteFile(%q, []byte(\"x\"), 0o600)", target)
	real := c.signer
	for _, key := range []string{"another key", ""} {
		c.signer, _ = wire.NewSigner("hmac-sha256", key)
		if key == "" {
			c.signer = &wire.Signer{} // no signature at all
		}
		c.send(c.shell, "execute_request", map[string]any{"code": code})
	}
	c.signer = real
	if _, outs := c.execute("1 + 1"); resultText(outs) != "2" {
		t.Fatal("the real client was not served after forged messages")
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Fatal("a forged execute_request was executed")
	}
	if rep, _ := c.execute(code); rep["status"] != "ok" {
		t.Fatalf("signed version failed: %v", rep)
	}
	if _, err := os.Stat(target); err != nil {
		t.Fatal("the signed request did not run, so the check above proves nothing")
	}
}

func TestInterruptOnControlWhileCellRuns(t *testing.T) {
	_, c := startKernel(t)
	c.execute("n := 1")
	id := c.send(c.shell, "execute_request", map[string]any{"code": "for {}"})
	time.Sleep(300 * time.Millisecond)
	start := time.Now()
	c.send(c.control, "interrupt_request", map[string]any{})
	if rep := c.recv(c.control); rep.Header.MsgType != "interrupt_reply" {
		t.Fatalf("control reply = %s", rep.Header.MsgType)
	}
	rep := c.recv(c.shell)
	if parentID(rep) != id {
		t.Fatal("reply to another request")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("interrupt took %v", d)
	}
	c.waitIdle(id, 5*time.Second)
	if _, outs := c.execute("n + 1"); resultText(outs) != "2" {
		t.Fatalf("state lost after interrupt: %q", resultText(outs))
	}
}

func streamText(outs []*wire.Message) string {
	var b []byte
	for _, m := range outs {
		if m.Header.MsgType == "stream" {
			var s struct {
				Text string `json:"text"`
			}
			json.Unmarshal(m.Content, &s)
			b = append(b, s.Text...)
		}
	}
	return string(b)
}

func TestMagics(t *testing.T) {
	_, c := startKernel(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "cell.txt")
	if rep, _ := c.execute("%%writefile " + file + "\nline one\nline two"); rep["status"] != "ok" {
		t.Fatalf("%%%%writefile: %v", rep)
	}
	if data, err := os.ReadFile(file); err != nil || string(data) != "line one\nline two" {
		t.Fatalf("%%%%writefile wrote %q (%v)", data, err)
	}
	if _, outs := c.execute("!cat " + file); streamText(outs) != "line one\nline two" {
		t.Fatalf("!cat printed %q", streamText(outs))
	}
	if _, outs := c.execute("%env GOPHLOW_MAGIC_TEST=on\n%env GOPHLOW_MAGIC_TEST"); streamText(outs) != "on\n" {
		t.Fatalf("%%env printed %q", streamText(outs))
	}
	_, outs := c.execute("%time\nz := 3\nz * 3")
	if resultText(outs) != "9" || !strings.Contains(streamText(outs), "wall time:") {
		t.Fatalf("%%time: result %q, printed %q", resultText(outs), streamText(outs))
	}
	if _, outs := c.execute("%who"); !strings.Contains(streamText(outs), "z") || !strings.Contains(streamText(outs), "int") {
		t.Fatalf("%%who printed %q", streamText(outs))
	}
	rep, _ := c.execute("%nonsense")
	if rep["status"] != "error" || rep["ename"] != "MagicError" {
		t.Fatalf("unknown magic: %v", rep)
	}
	// Errors after magic lines point at the cell's own line.
	rep, _ = c.execute("%time\n\nundefinedName")
	if tb := fmt.Sprint(rep["traceback"]); !strings.Contains(tb, "line 3") {
		t.Fatalf("traceback does not name line 3: %s", tb)
	}
	c.execute("%reset")
	if rep, _ := c.execute("z"); rep["status"] != "error" {
		t.Fatal("%reset kept z")
	}
}

func TestCompletionSeesEarlierCellsValuesAndImports(t *testing.T) {
	_, c := startKernel(t)
	c.execute("import la \"gonum.org/v1/gonum/mat\"\nm := la.NewDense(2, 2, nil)")
	complete := func(code string) []string {
		c.send(c.shell, "complete_request", map[string]any{"code": code, "cursor_pos": len([]rune(code))})
		var r struct {
			Matches []string `json:"matches"`
		}
		json.Unmarshal(c.recv(c.shell).Content, &r)
		return r.Matches
	}
	has := func(list []string, want string) bool {
		for _, s := range list {
			if s == want {
				return true
			}
		}
		return false
	}
	if got := complete("m.Dim"); !has(got, "Dims") {
		t.Errorf("m.Dim → %q, want Dims (the value's methods)", got)
	}
	if got := complete("la.NewDen"); !has(got, "NewDense") {
		t.Errorf("la.NewDen → %q, want NewDense (an alias import of an earlier cell)", got)
	}
}

func TestShutdownRepliesOnControlAndStops(t *testing.T) {
	_, c := startKernel(t)
	c.send(c.control, "shutdown_request", map[string]any{"restart": true})
	rep := c.recv(c.control)
	var content map[string]any
	json.Unmarshal(rep.Content, &content)
	if rep.Header.MsgType != "shutdown_reply" || content["status"] != "ok" || content["restart"] != true {
		t.Fatalf("reply %s %v", rep.Header.MsgType, content)
	}
	select {
	case restart := <-c.stopped:
		if !restart {
			t.Error("Run did not report the restart request")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the server did not stop after shutdown_request")
	}
}

func TestUnknownCommTargetIsClosed(t *testing.T) {
	_, c := startKernel(t)
	id := c.send(c.shell, "comm_open", map[string]any{"comm_id": "c0ffee", "target_name": "jupyter.widget", "data": map[string]any{}})
	outs, ok := c.outputs(id, 5*time.Second)
	if !ok || len(outs) != 1 || outs[0].Header.MsgType != "comm_close" {
		t.Fatalf("iopub after comm_open: %d messages (idle %v), want one comm_close", len(outs), ok)
	}
	var content map[string]any
	json.Unmarshal(outs[0].Content, &content)
	if content["comm_id"] != "c0ffee" || content["data"] == nil {
		t.Errorf("comm_close content %v", content)
	}
}

func TestExitAsksTheFrontendToExit(t *testing.T) {
	_, c := startKernel(t)
	rep, outs := c.execute("exit")
	payload, _ := rep["payload"].([]any)
	if rep["status"] != "ok" || len(payload) != 1 || len(outs) != 1 { // execute_input alone
		t.Fatalf("reply %v, %d outputs", rep, len(outs))
	}
	if p := payload[0].(map[string]any); p["source"] != "ask_exit" || p["keepkernel"] != false {
		t.Errorf("payload %v, want ask_exit with keepkernel false", p)
	}
	c.execute("exit := 5")
	if rep, outs := c.execute("exit"); len(rep["payload"].([]any)) != 0 || resultText(outs) != "5" {
		t.Errorf("with a variable exit: reply %v, result %q", rep, resultText(outs))
	}
}

// BenchmarkExecuteRoundTrip times an execute_request of 1+1 from sending it
// to its reply and idle status, client and kernel in one process.
func BenchmarkExecuteRoundTrip(b *testing.B) {
	_, c := startKernel(b)
	for b.Loop() {
		if reply, _ := c.execute("1+1"); reply["status"] != "ok" {
			b.Fatalf("reply %v", reply)
		}
	}
}
