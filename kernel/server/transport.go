package server

import (
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

// guardedConn enforces the two timeouts on one connection.
type guardedConn struct {
	net.Conn
	mu       sync.Mutex
	seen     []byte // the peer's first bytes, until its handshake is complete
	shaken   bool   // the handshake is complete: reads have no deadline
	writeErr error  // a write timed out: the connection is dead
}

func guard(c net.Conn) *guardedConn {
	_ = c.SetReadDeadline(time.Now().Add(handshakeTimeout))
	return &guardedConn{Conn: c}
}

// greetingSize is the length of a ZMTP 3 greeting.
const greetingSize = 64

func (c *guardedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
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

func (c *guardedConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	if c.writeErr != nil {
		err := c.writeErr
		c.mu.Unlock()
		return 0, err
	}
	c.mu.Unlock()
	_ = c.Conn.SetWriteDeadline(time.Now().Add(writeTimeout))
	n, err := c.Conn.Write(p)
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		c.mu.Lock()
		c.writeErr = err
		c.mu.Unlock()
		c.Conn.Close() // its reader sees the close and zmq4 drops the peer
	}
	return n, err
}
