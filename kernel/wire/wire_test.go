package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
)

const testKey = "a0436f6c-1916-498b-8eb9-e81ab9368e84"

var knownParts = [][]byte{
	[]byte(`{"msg_id":"1","session":"s","username":"u","date":"2026-01-01T00:00:00Z","msg_type":"kernel_info_request","version":"5.3"}`),
	[]byte(`{}`), []byte(`{}`), []byte(`{}`),
}

// The digest was computed independently with Python's hmac module
// (hmac.new(key, digestmod=hashlib.sha256) over the four frames).
const knownDigest = "f31e15bdd975052c6669ad6b6cc0d26adc8e1aa0b6a311567c80589a9b4d1dc3"

func testSigner(t testing.TB) *Signer {
	s, err := NewSigner("hmac-sha256", testKey)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func knownFrames() [][]byte {
	f := [][]byte{[]byte("client-id"), []byte(Delimiter), []byte(knownDigest)}
	return append(f, knownParts...)
}

func TestSignKnownDigest(t *testing.T) {
	if got := testSigner(t).Sign(knownParts); got != knownDigest {
		t.Fatalf("Sign = %s, want %s", got, knownDigest)
	}
}

func TestDecodeKnownMessage(t *testing.T) {
	m, err := Decode(knownFrames(), testSigner(t))
	if err != nil {
		t.Fatal(err)
	}
	if m.Header.MsgType != "kernel_info_request" || m.Header.MsgID != "1" {
		t.Fatalf("header = %+v", m.Header)
	}
	if len(m.Identities) != 1 || string(m.Identities[0]) != "client-id" {
		t.Fatalf("identities = %q", m.Identities)
	}
}

func TestTamperedMessageFails(t *testing.T) {
	s := testSigner(t)
	cases := map[string]func(f [][]byte){
		"content changed": func(f [][]byte) { f[6] = []byte(`{"code":"x"}`) },
		"header changed":  func(f [][]byte) { f[3] = bytes.Replace(f[3], []byte(`"1"`), []byte(`"2"`), 1) },
		"signature empty": func(f [][]byte) { f[2] = nil },
		"signature junk":  func(f [][]byte) { f[2] = []byte("zz") },
	}
	for name, tamper := range cases {
		f := knownFrames()
		tamper(f)
		if _, err := Decode(f, s); !errors.Is(err, ErrSignature) {
			t.Errorf("%s: err = %v, want ErrSignature", name, err)
		}
	}
	other, _ := NewSigner("hmac-sha256", "another key")
	if _, err := Decode(knownFrames(), other); !errors.Is(err, ErrSignature) {
		t.Errorf("other key: err = %v, want ErrSignature", err)
	}
}

func TestUnsupportedScheme(t *testing.T) {
	if _, err := NewSigner("hmac-md5", "k"); err == nil {
		t.Fatal("hmac-md5 accepted")
	}
}

func TestMalformedFrames(t *testing.T) {
	s := testSigner(t)
	f := knownFrames()
	if _, err := Decode(f[:5], s); !errors.Is(err, ErrTruncated) {
		t.Errorf("truncated: %v", err)
	}
	if _, err := Decode(append([][]byte{f[0]}, f[2:]...), s); !errors.Is(err, ErrNoDelimiter) {
		t.Errorf("no delimiter: %v", err)
	}
	// Validly signed but not JSON objects: still refused.
	for i, bad := range [][]byte{[]byte(`[]`), []byte(`nul`), []byte(`"s"`)} {
		parts := [][]byte{knownParts[0], knownParts[1], knownParts[2], bad}
		frames := append([][]byte{[]byte(Delimiter), []byte(s.Sign(parts))}, parts...)
		if _, err := Decode(frames, s); err == nil {
			t.Errorf("bad content %d (%s) accepted", i, bad)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	s := testSigner(t)
	req, err := Decode(knownFrames(), s)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Reply(req, "sess", "kernel_info_reply", map[string]any{"status": "ok"})
	if err != nil {
		t.Fatal(err)
	}
	frames, err := Encode(rep, s)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(frames, s)
	if err != nil {
		t.Fatal(err)
	}
	var parent Header
	if err := json.Unmarshal(back.Parent, &parent); err != nil || parent.MsgID != "1" {
		t.Fatalf("parent = %s (%v)", back.Parent, err)
	}
	if back.Header.MsgType != "kernel_info_reply" || string(back.Identities[0]) != "client-id" {
		t.Fatalf("reply = %+v", back.Header)
	}
}

func TestEmptyKeyDisablesSigning(t *testing.T) {
	s, err := NewSigner("", "")
	if err != nil {
		t.Fatal(err)
	}
	if s.Sign(knownParts) != "" || !s.Verify(nil, knownParts) || s.Verify([]byte(knownDigest), knownParts) {
		t.Fatal("an empty key must sign with \"\" and verify only \"\"")
	}
}
