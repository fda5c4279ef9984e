// Package server is the Jupyter side of the gophlow kernel: it binds the
// five ZeroMQ sockets of a connection file, verifies and decodes messages,
// and answers them — executing cells through a session, completing and
// inspecting through assist, and publishing output on iopub.
//
// Shell requests are served one at a time, in order, by one goroutine;
// control requests (interrupt, shutdown) by another that a running cell
// never blocks; the heartbeat by a third.
package server

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"os/signal"
	"reflect"
	"sync"

	"github.com/go-zeromq/zmq4"

	"github.com/gophlow/gophlow/kernel/capture"
	"github.com/gophlow/gophlow/kernel/engine"
	"github.com/gophlow/gophlow/kernel/session"
	"github.com/gophlow/gophlow/kernel/wire"
)

// Info describes the kernel for kernel_info_reply.
type Info struct {
	Implementation        string
	ImplementationVersion string
	Banner                string
}

// Config is what a Server needs.
type Config struct {
	Conn    Connection
	Info    Info
	Session *session.Session
	// Packages are the interpreter's symbol tables, for completion and
	// inspection; nil means the standard library's and the preloaded ones.
	Packages map[string]map[string]reflect.Value
	// MemoryLimit is the memory (heap and stacks) at which a running cell is stopped
	// (see MemoryLimit); 0 means none.
	MemoryLimit int64
	Log         *log.Logger
}

// Server is a running kernel.
type Server struct {
	cfg     Config
	engine  *engine.Engine
	signer  *wire.Signer
	id      string // this kernel's session id, in every header it sends
	log     *log.Logger
	ctx     context.Context
	stop    context.CancelFunc
	history history
	// digests are the signatures of the messages accepted lately: one
	// sent again verbatim (a replay) is dropped.
	digests *wire.DigestHistory

	shell, control, stdin, iopub, hb zmq4.Socket
	iopubMu, shellMu, controlMu      sync.Mutex

	// The running cell: its request (parent of its output), the cancel
	// function an interrupt calls, and the memory in use as it started
	// (see watchMemory).
	mu             sync.Mutex
	current        *wire.Message
	cancelCell     context.CancelCauseFunc
	memoryAtStart  int64
	executionCount int

	shutdown chan shutdownRequest
	capture  *capture.Capture
}

type shutdownRequest struct{ restart bool }

// New binds the sockets of cfg.Conn.
func New(cfg Config) (*Server, error) {
	signer, err := wire.NewSigner(cfg.Conn.SignatureScheme, cfg.Conn.Key)
	if err != nil {
		return nil, err
	}
	if cfg.Log == nil {
		cfg.Log = log.New(os.Stderr, "gophlow: ", log.LstdFlags)
	}
	ctx, stop := context.WithCancel(context.Background())
	s := &Server{cfg: cfg, engine: engine.New(engine.Config{Session: cfg.Session, Packages: cfg.Packages}), signer: signer, id: wire.NewID(), log: cfg.Log, ctx: ctx, stop: stop,
		digests: wire.NewDigestHistory(wire.DigestHistorySize), shutdown: make(chan shutdownRequest, 1)}
	s.shell = zmq4.NewRouter(ctx, zmq4.WithID(zmq4.SocketIdentity("shell")))
	s.control = zmq4.NewRouter(ctx, zmq4.WithID(zmq4.SocketIdentity("control")))
	s.stdin = zmq4.NewRouter(ctx, zmq4.WithID(zmq4.SocketIdentity("stdin")))
	s.iopub = zmq4.NewPub(ctx)
	s.hb = zmq4.NewRep(ctx)
	binds := []struct {
		sock zmq4.Socket
		port int
		name string
	}{
		{s.shell, cfg.Conn.ShellPort, "shell"}, {s.control, cfg.Conn.ControlPort, "control"},
		{s.stdin, cfg.Conn.StdinPort, "stdin"}, {s.iopub, cfg.Conn.IOPubPort, "iopub"},
		{s.hb, cfg.Conn.HBPort, "heartbeat"},
	}
	for _, b := range binds {
		if err := b.sock.Listen(cfg.Conn.endpoint(b.port)); err != nil {
			s.Close()
			return nil, fmt.Errorf("binding %s to %s: %w", b.name, cfg.Conn.endpoint(b.port), err)
		}
	}
	return s, nil
}

// Close closes the sockets.
func (s *Server) Close() {
	s.stop()
	for _, sock := range []zmq4.Socket{s.shell, s.control, s.stdin, s.iopub, s.hb} {
		if sock != nil {
			sock.Close()
		}
	}
}

// Run serves until a shutdown_request, and returns whether a restart was
// asked for.
func (s *Server) Run() (restart bool) {
	queue := make(chan *wire.Message, 1024)
	go s.receive(s.shell, "shell", queue)
	controlQueue := make(chan *wire.Message, 64)
	go s.receive(s.control, "control", controlQueue)
	go s.heartbeat()
	go s.serveControl(controlQueue)
	go s.serveShell(queue)
	go s.watchMemory(s.cfg.MemoryLimit)

	sigint := make(chan os.Signal, 1)
	signal.Notify(sigint, os.Interrupt)
	defer signal.Stop(sigint)

	s.publish(nil, "status", map[string]any{"execution_state": "starting"})
	for {
		select {
		case <-sigint:
			s.interrupt("SIGINT")
		case r := <-s.shutdown:
			return r.restart
		}
	}
}

// receive decodes messages from sock and queues them. Messages that do not
// decode, whose signature does not verify, or whose signature was seen
// before (a replay) are logged and dropped.
func (s *Server) receive(sock zmq4.Socket, name string, queue chan<- *wire.Message) {
	for {
		raw, err := sock.Recv()
		if err != nil {
			if s.ctx.Err() != nil {
				return
			}
			s.log.Printf("%s: receive: %v", name, err)
			continue
		}
		m, err := wire.Decode(raw.Frames, s.signer)
		if err != nil {
			s.log.Printf("%s: dropped a message: %v", name, err)
			continue
		}
		if !s.digests.Add(m.Signature) {
			s.log.Printf("%s: dropped a replayed message (%q, msg_id %q): its signature was seen before", name, m.Header.MsgType, m.Header.MsgID)
			continue
		}
		queue <- m
	}
}

func (s *Server) heartbeat() {
	for {
		m, err := s.hb.Recv()
		if err != nil {
			if s.ctx.Err() != nil {
				return
			}
			continue
		}
		if err := s.hb.Send(m); err != nil && s.ctx.Err() == nil {
			s.log.Printf("heartbeat: %v", err)
		}
	}
}

// send signs m and sends it on sock.
func (s *Server) send(sock zmq4.Socket, mu *sync.Mutex, m *wire.Message) {
	frames, err := wire.Encode(m, s.signer)
	if err != nil {
		s.log.Printf("encoding %s: %v", m.Header.MsgType, err)
		return
	}
	mu.Lock()
	defer mu.Unlock()
	if err := sock.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil && s.ctx.Err() == nil {
		s.log.Printf("sending %s: %v", m.Header.MsgType, err)
	}
}

// reply sends a reply to req on the socket it came from.
func (s *Server) reply(sock zmq4.Socket, mu *sync.Mutex, req *wire.Message, msgType string, content any) {
	m, err := wire.Reply(req, s.id, msgType, content)
	if err != nil {
		s.log.Print(err)
		return
	}
	s.send(sock, mu, m)
}

// publish sends an iopub message caused by parent (nil for none).
func (s *Server) publish(parent *wire.Message, msgType string, content any) {
	m, err := wire.Reply(parent, s.id, msgType, content)
	if err != nil {
		s.log.Print(err)
		return
	}
	m.Identities = [][]byte{[]byte("kernel." + s.id + "." + msgType)}
	s.send(s.iopub, &s.iopubMu, m)
}

func (s *Server) status(parent *wire.Message, state string) {
	s.publish(parent, "status", map[string]any{"execution_state": state})
}

// serveControl answers control requests as they come, even while a cell runs.
func (s *Server) serveControl(queue <-chan *wire.Message) {
	for m := range queue {
		s.status(m, "busy")
		switch m.Header.MsgType {
		case "interrupt_request":
			s.interrupt("interrupt_request")
			s.reply(s.control, &s.controlMu, m, "interrupt_reply", map[string]any{"status": "ok"})
		case "shutdown_request":
			s.handleShutdown(s.control, &s.controlMu, m)
		case "kernel_info_request":
			s.reply(s.control, &s.controlMu, m, "kernel_info_reply", s.kernelInfo())
		default:
			s.log.Printf("control: unknown message type %q", m.Header.MsgType)
		}
		s.status(m, "idle")
	}
}

// interrupt cancels the running cell, if any.
func (s *Server) interrupt(why string) {
	s.mu.Lock()
	cancel := s.cancelCell
	s.mu.Unlock()
	if cancel != nil {
		s.log.Printf("interrupting the running cell (%s)", why)
		cancel(nil)
	}
}

func (s *Server) handleShutdown(sock zmq4.Socket, mu *sync.Mutex, m *wire.Message) {
	var req struct {
		Restart bool `json:"restart"`
	}
	_ = json.Unmarshal(m.Content, &req)
	s.interrupt("shutdown")
	s.reply(sock, mu, m, "shutdown_reply", map[string]any{"status": "ok", "restart": req.Restart})
	select {
	case s.shutdown <- shutdownRequest{restart: req.Restart}:
	default:
	}
}

// serveShell answers shell requests one at a time.
func (s *Server) serveShell(queue chan *wire.Message) {
	for m := range queue {
		s.status(m, "busy")
		failed := s.handleShell(m)
		s.status(m, "idle")
		if failed {
			s.abortQueued(queue)
		}
	}
}

// handleShell answers one shell request and reports whether it was an
// execute_request that failed with stop_on_error set.
func (s *Server) handleShell(m *wire.Message) (stop bool) {
	switch m.Header.MsgType {
	case "kernel_info_request":
		s.reply(s.shell, &s.shellMu, m, "kernel_info_reply", s.kernelInfo())
	case "execute_request":
		return s.execute(m)
	case "complete_request":
		s.complete(m)
	case "inspect_request":
		s.inspect(m)
	case "is_complete_request":
		s.isComplete(m)
	case "history_request":
		var req historyRequest
		if !s.decode(m, "history_reply", &req) {
			return false
		}
		s.reply(s.shell, &s.shellMu, m, "history_reply", map[string]any{"status": "ok", "history": s.history.query(req)})
	case "comm_info_request":
		s.reply(s.shell, &s.shellMu, m, "comm_info_reply", map[string]any{"status": "ok", "comms": map[string]any{}})
	case "shutdown_request":
		s.handleShutdown(s.shell, &s.shellMu, m)
	case "comm_open":
		s.refuseComm(m)
	case "comm_msg", "comm_close":
		// No comm is ever open: ignored, as the protocol asks.
	default:
		s.log.Printf("shell: unknown message type %q", m.Header.MsgType)
	}
	return false
}

// refuseComm answers a comm_open: the kernel has no comm targets, so it
// closes the comm at once with a comm_close on iopub, as ipykernel does
// for a target it does not know, and logs the target's name.
func (s *Server) refuseComm(m *wire.Message) {
	var req struct {
		CommID     string `json:"comm_id"`
		TargetName string `json:"target_name"`
	}
	if err := json.Unmarshal(m.Content, &req); err != nil || req.CommID == "" {
		s.log.Printf("shell: dropped a malformed comm_open")
		return
	}
	s.log.Printf("shell: no comm target %q: comm %s closed", req.TargetName, req.CommID)
	s.publish(m, "comm_close", map[string]any{"comm_id": req.CommID, "data": map[string]any{}})
}

// abortQueued answers execute_requests already queued behind a failed cell
// with status "aborted", without running them; other requests are served.
func (s *Server) abortQueued(queue chan *wire.Message) {
	for {
		select {
		case m := <-queue:
			s.status(m, "busy")
			if m.Header.MsgType == "execute_request" {
				s.reply(s.shell, &s.shellMu, m, "execute_reply", map[string]any{
					"status": "aborted", "execution_count": s.count(),
				})
			} else {
				s.handleShell(m)
			}
			s.status(m, "idle")
		default:
			return
		}
	}
}

// decode unmarshals m's content into v; on failure it answers with an error
// reply of replyType and returns false.
func (s *Server) decode(m *wire.Message, replyType string, v any) bool {
	if err := json.Unmarshal(m.Content, v); err != nil {
		s.reply(s.shell, &s.shellMu, m, replyType, errorContent("BadRequest",
			fmt.Sprintf("malformed %s: %v", m.Header.MsgType, err), nil))
		return false
	}
	return true
}

func errorContent(name, value string, traceback []string) map[string]any {
	if traceback == nil {
		traceback = []string{name + ": " + value}
	}
	return map[string]any{"status": "error", "ename": name, "evalue": value, "traceback": traceback}
}

func (s *Server) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.executionCount
}

// AttachCapture makes the server publish c's output at the end of every
// cell; c should have been started with EmitStream as its Emit.
func (s *Server) AttachCapture(c *capture.Capture) { s.capture = c }

// EmitStream publishes captured output as a stream message of the running
// cell (or of the last one, for output of goroutines that outlive it).
func (s *Server) EmitStream(stream, text string) {
	s.mu.Lock()
	parent := s.current
	s.mu.Unlock()
	s.publish(parent, "stream", map[string]any{"name": stream, "text": text})
}

// flushOutput publishes every byte the cell wrote so far.
func (s *Server) flushOutput() {
	if s.capture != nil {
		s.capture.Flush()
	}
}
