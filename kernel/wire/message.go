// Package wire implements the Jupyter messaging protocol's wire format
// (protocol version 5.3): the multipart framing of a message, its HMAC
// signature and the JSON header.
//
// A message on a ROUTER socket is
//
//	[identities…, "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers…]
//
// where the signature is the hex HMAC of the four JSON frames that follow it.
package wire

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ProtocolVersion is the messaging protocol version this kernel speaks.
const ProtocolVersion = "5.3"

// Delimiter separates the routing identities from the message proper.
const Delimiter = "<IDS|MSG>"

// Header is a message header.
type Header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// Message is one decoded Jupyter message.
type Message struct {
	Identities [][]byte
	Header     Header
	// Parent is the raw parent header: replies copy it verbatim from the
	// request's header, so nothing the client sent is lost.
	Parent   json.RawMessage
	Metadata map[string]any
	Content  json.RawMessage
	Buffers  [][]byte
	// Signature is the hex signature a decoded message arrived with (it
	// verified); Encode ignores it and signs afresh.
	Signature []byte
}

// NewID returns a fresh random message or session id.
func NewID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Now returns the current time in the ISO 8601 form used in headers.
func Now() string { return time.Now().UTC().Format("2006-01-02T15:04:05.000000Z07:00") }

// Reply builds a message of msgType in reply to (or caused by) parent,
// routed to parent's identities, with content marshalled to JSON.
func Reply(parent *Message, session, msgType string, content any) (*Message, error) {
	body, err := json.Marshal(content)
	if err != nil {
		return nil, fmt.Errorf("wire: encoding %s content: %w", msgType, err)
	}
	m := &Message{
		Header: Header{
			MsgID:    NewID(),
			Session:  session,
			Username: "gophlow",
			Date:     Now(),
			MsgType:  msgType,
			Version:  ProtocolVersion,
		},
		Parent:   json.RawMessage("{}"),
		Metadata: map[string]any{},
		Content:  body,
	}
	if parent != nil {
		m.Identities = parent.Identities
		if hdr, err := json.Marshal(parent.Header); err == nil {
			m.Parent = hdr
		}
	}
	return m, nil
}

// Errors returned by Decode.
var (
	ErrNoDelimiter = errors.New("wire: no <IDS|MSG> delimiter")
	ErrTruncated   = errors.New("wire: fewer than 5 frames after the delimiter")
	ErrSignature   = errors.New("wire: signature does not verify")
)

// Decode parses the frames of one message and verifies its signature with
// s. A message whose signature does not verify is never returned.
func Decode(frames [][]byte, s *Signer) (*Message, error) {
	at := -1
	for i, f := range frames {
		if string(f) == Delimiter {
			at = i
			break
		}
	}
	if at < 0 {
		return nil, ErrNoDelimiter
	}
	rest := frames[at+1:]
	if len(rest) < 5 {
		return nil, ErrTruncated
	}
	if !s.Verify(rest[0], rest[1:5]) {
		return nil, ErrSignature
	}
	m := &Message{Identities: frames[:at], Parent: json.RawMessage(rest[2]), Content: json.RawMessage(rest[4]), Signature: rest[0]}
	if err := json.Unmarshal(rest[1], &m.Header); err != nil {
		return nil, fmt.Errorf("wire: header: %w", err)
	}
	if m.Header.MsgType == "" {
		return nil, errors.New("wire: header has no msg_type")
	}
	if err := json.Unmarshal(rest[3], &m.Metadata); err != nil {
		return nil, fmt.Errorf("wire: metadata: %w", err)
	}
	if !isJSONObject(m.Parent) {
		return nil, errors.New("wire: parent_header is not a JSON object")
	}
	if !isJSONObject(m.Content) {
		return nil, errors.New("wire: content is not a JSON object")
	}
	m.Buffers = rest[5:]
	return m, nil
}

// Encode returns the signed frames of m.
func Encode(m *Message, s *Signer) ([][]byte, error) {
	hdr, err := json.Marshal(m.Header)
	if err != nil {
		return nil, err
	}
	md := m.Metadata
	if md == nil {
		md = map[string]any{}
	}
	meta, err := json.Marshal(md)
	if err != nil {
		return nil, err
	}
	parent := m.Parent
	if len(parent) == 0 {
		parent = json.RawMessage("{}")
	}
	content := m.Content
	if len(content) == 0 {
		content = json.RawMessage("{}")
	}
	parts := [][]byte{hdr, parent, meta, content}
	frames := make([][]byte, 0, len(m.Identities)+6+len(m.Buffers))
	frames = append(frames, m.Identities...)
	frames = append(frames, []byte(Delimiter), []byte(s.Sign(parts)))
	frames = append(frames, parts...)
	frames = append(frames, m.Buffers...)
	return frames, nil
}

func isJSONObject(raw []byte) bool {
	var v map[string]json.RawMessage
	return json.Unmarshal(raw, &v) == nil && v != nil
}
