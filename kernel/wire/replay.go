package wire

import (
	"strings"
	"sync"
)

// DigestHistorySize is how many signatures a kernel remembers, as
// jupyter_client's Session.digest_history_size (2^16). At 32 bytes of MAC
// each, the history holds at most a few megabytes.
const DigestHistorySize = 1 << 16

// DigestHistory remembers the signatures of the last messages accepted, so
// that a message sent a second time verbatim — a replay, which carries a
// valid signature — is recognised and dropped, as jupyter_client does
// ("Duplicate Signature"). Real clients never repeat a signature: every
// header has a fresh msg_id and date.
//
// The history is a ring of the last size signatures with a set over it: the
// oldest is forgotten when a new one comes, so memory stays bounded and the
// most recent messages are always remembered. Both grow as messages come
// (allocating room for 2^16 up front cost every kernel start-up 10–20 ms).
// It is safe for concurrent use (the shell and control sockets share one).
type DigestHistory struct {
	mu   sync.Mutex
	size int
	ring []string
	next int // the ring slot the next signature takes, once the ring is full
	seen map[string]struct{}
}

// NewDigestHistory returns a history of the last size signatures (size > 0).
func NewDigestHistory(size int) *DigestHistory {
	if size <= 0 {
		panic("wire: NewDigestHistory: size must be positive")
	}
	return &DigestHistory{size: size, seen: map[string]struct{}{}}
}

// Add records the hex signature sig and reports whether it is new: false
// means a message with this signature was accepted before, among the last
// size. Hex digits are compared without regard to case (a MAC written in
// capitals verifies too). The empty signature of an unkeyed kernel is
// never recorded and always new.
func (h *DigestHistory) Add(sig []byte) bool {
	if len(sig) == 0 {
		return true
	}
	key := strings.ToLower(string(sig))
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, dup := h.seen[key]; dup {
		return false
	}
	if len(h.ring) < h.size {
		h.ring = append(h.ring, key)
	} else {
		delete(h.seen, h.ring[h.next])
		h.ring[h.next] = key
		h.next = (h.next + 1) % h.size
	}
	h.seen[key] = struct{}{}
	return true
}

// Len is the number of signatures remembered.
func (h *DigestHistory) Len() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.seen)
}
