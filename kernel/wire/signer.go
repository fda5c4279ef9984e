package wire

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
)

// Signer signs and verifies messages with the connection file's key.
// An empty key disables signing (every signature is "" and only "" verifies).
type Signer struct {
	key []byte
	new func() hash.Hash
}

// NewSigner returns a signer for scheme (only "hmac-sha256" is supported,
// or "" when key is empty).
func NewSigner(scheme, key string) (*Signer, error) {
	if key == "" {
		return &Signer{}, nil
	}
	if scheme != "hmac-sha256" {
		return nil, fmt.Errorf("wire: unsupported signature_scheme %q (want hmac-sha256)", scheme)
	}
	return &Signer{key: []byte(key), new: sha256.New}, nil
}

// Sign returns the hex signature of the four JSON frames
// (header, parent_header, metadata, content).
func (s *Signer) Sign(parts [][]byte) string {
	if s.new == nil {
		return ""
	}
	return hex.EncodeToString(s.mac(parts))
}

// Verify reports whether sig is the signature of parts, in constant time.
func (s *Signer) Verify(sig []byte, parts [][]byte) bool {
	if s.new == nil {
		return len(sig) == 0
	}
	want := make([]byte, hex.DecodedLen(len(sig)))
	if _, err := hex.Decode(want, sig); err != nil {
		return false
	}
	return hmac.Equal(want, s.mac(parts))
}

func (s *Signer) mac(parts [][]byte) []byte {
	h := hmac.New(s.new, s.key)
	for _, p := range parts {
		h.Write(p)
	}
	return h.Sum(nil)
}
