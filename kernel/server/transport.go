package server

import (
	"bufio"
	"context"
	"encoding/binary"
	"net"
	"sync"
	"time"

	"github.com/go-zeromq/zmq4"
	"github.com/go-zeromq/zmq4/transport"
)

// guardedScheme names zmq4's TCP transport wrapped with two guards that a
// kernel listening on a shared machine needs, against peers that need no key
// to do harm:
//   - a connection must finish its ZMTP handshake (greeting and first
//     command) within handshakeTimeout: zmq4 runs the handshake in its
//     accept loop, so one silent connection would keep every later client
//     out;
//   - a write that cannot finish within writeTimeout closes its connection:
//     zmq4's PUB socket writes to its subscribers one after another, so one
//     subscriber that stops reading would starve all the others.
//
// The wrapper also batches the connection's traffic: zmq4 writes each
// frame's header and body separately and reads the same way, so a Jupyter
// message of seven frames would cost fourteen write system calls (and
// fourteen TCP segments to wake the peer) and about twenty reads. Reads go
// through a buffer, and writes are held until a whole message (or command)
// is written, then sent at once.
const guardedScheme = "gophlow-tcp"

const (
	handshakeTimeout = 5 * time.Second
	writeTimeout     = 5 * time.Second
)

func init() {
	if err := zmq4.RegisterTransport(guardedScheme, guardedTransport{transport.New("tcp")}); err != nil {
		panic(err)
	}
}

type guardedTransport struct{ tcp transport.Transport }

func (t guardedTransport) Dial(ctx context.Context, d transport.Dialer, addr string) (net.Conn, error) {
	c, err := t.tcp.Dial(ctx, d, addr)
	if err != nil {
		return nil, err
	}
	return guard(c), nil
}

func (t guardedTransport) Listen(ctx context.Context, addr string) (net.Listener, error) {
	l, err := t.tcp.Listen(ctx, addr)
	if err != nil {
		return nil, err
	}
	return guardedListener{l}, nil
}

func (t guardedTransport) Addr(ep string) (string, error) { return t.tcp.Addr(ep) }

type guardedListener struct{ net.Listener }

func (l guardedListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return guard(c), nil
}

// guardedConn enforces the two timeouts on one connection and batches its
// reads and writes.
type guardedConn struct {
	net.Conn
	r *bufio.Reader

	mu     sync.Mutex
	seen   []byte // the peer's first bytes, until its handshake is complete
	shaken bool   // the handshake is complete: reads have no deadline

	wmu      sync.Mutex
	out      frameScanner // where the bytes written so far end in the ZMTP stream
	pending  []byte       // written but not yet sent: the start of a message
	writeErr error        // a write timed out: the connection is dead
}

func guard(c net.Conn) *guardedConn {
	_ = c.SetReadDeadline(time.Now().Add(handshakeTimeout))
	return &guardedConn{Conn: c, r: bufio.NewReaderSize(c, readBuffer), out: frameScanner{greeting: greetingSize}}
}

const (
	// readBuffer is the size of a connection's read buffer.
	readBuffer = 64 << 10
	// maxPending is how much of a message is held back at most: a longer
	// message is sent as it is written.
	maxPending = 64 << 10
)

// greetingSize is the length of a ZMTP 3 greeting.
const greetingSize = 64

func (c *guardedConn) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.mu.Lock()
	if !c.shaken && n > 0 {
		c.seen = append(c.seen, p[:n]...)
		if handshakeDone(c.seen) {
			c.shaken, c.seen = true, nil
			_ = c.Conn.SetReadDeadline(time.Time{})
		}
	}
	c.mu.Unlock()
	return n, err
}

// handshakeDone reports whether b holds a whole greeting followed by a
// whole command frame (READY, for the NULL mechanism Jupyter uses).
func handshakeDone(b []byte) bool {
	if len(b) < greetingSize+2 {
		return false
	}
	flags := b[greetingSize]
	if flags&0x02 != 0 { // long frame: 8-byte size
		if len(b) < greetingSize+9 {
			return false
		}
		size := binary.BigEndian.Uint64(b[greetingSize+1:])
		return size <= uint64(len(b)) && uint64(len(b)) >= greetingSize+9+size
	}
	return len(b) >= greetingSize+2+int(b[greetingSize+1])
}

// Write holds p back until a message is complete, then sends what was held
// with one system call.
func (c *guardedConn) Write(p []byte) (int, error) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if c.writeErr != nil {
		return 0, c.writeErr
	}
	complete := c.out.scan(p)
	if !complete && len(c.pending)+len(p) <= maxPending {
		c.pending = append(c.pending, p...)
		return len(p), nil
	}
	_ = c.Conn.SetWriteDeadline(time.Now().Add(writeTimeout))
	var err error
	if len(c.pending) == 0 {
		_, err = c.Conn.Write(p)
	} else {
		bufs := net.Buffers{c.pending, p}
		_, err = bufs.WriteTo(c.Conn)
		c.pending = c.pending[:0]
	}
	if err != nil {
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			c.writeErr = err
			c.Conn.Close() // its reader sees the close and zmq4 drops the peer
		}
		return 0, err
	}
	return len(p), nil
}

// frameScanner follows an outgoing ZMTP 3 stream — the greeting, then
// frames of a flags byte, a size (one byte, or eight when the flags say
// long) and a body — to tell where messages end.
type frameScanner struct {
	greeting int     // greeting bytes still to come
	hdr      [9]byte // the frame header read so far
	hdrLen   int
	body     uint64 // body bytes of the current frame still to come
	more     bool   // the current frame is followed by another of its message
	lost     bool   // bytes that are not ZMTP: every write is sent at once
}

// ZMTP 3 frame flags.
const (
	flagMore    = 0x01
	flagLong    = 0x02
	flagCommand = 0x04
)

// scan follows p and reports whether a message, a command or the greeting
// ended in it (the caller then sends what it held back). It also reports
// true for every write once the stream stops looking like ZMTP, so that
// nothing is ever held back for good.
func (f *frameScanner) scan(p []byte) (ended bool) {
	for len(p) > 0 && !f.lost {
		switch {
		case f.greeting > 0:
			k := min(len(p), f.greeting)
			f.greeting -= k
			p = p[k:]
			ended = ended || f.greeting == 0
		case f.body > 0:
			k := min(uint64(len(p)), f.body)
			f.body -= k
			p = p[k:]
			ended = ended || f.body == 0 && !f.more
		default:
			f.hdr[f.hdrLen] = p[0]
			f.hdrLen++
			p = p[1:]
			flags := f.hdr[0]
			if flags&^(flagMore|flagLong|flagCommand) != 0 {
				f.lost = true
				break
			}
			size := 2
			if flags&flagLong != 0 {
				size = 9
			}
			if f.hdrLen < size {
				continue
			}
			if size == 2 {
				f.body = uint64(f.hdr[1])
			} else {
				f.body = binary.BigEndian.Uint64(f.hdr[1:])
			}
			f.hdrLen = 0
			f.more = flags&flagMore != 0 && flags&flagCommand == 0
			ended = ended || f.body == 0 && !f.more
		}
	}
	return ended || f.lost
}
