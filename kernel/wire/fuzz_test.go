package wire

import (
	"bytes"
	"testing"
)

// FuzzDecode feeds arbitrary frames (split on a separator byte) to Decode,
// signed correctly half of the time, and checks that Decode never panics and
// that whatever it accepts re-encodes and decodes to the same header.
func FuzzDecode(f *testing.F) {
	f.Add(bytes.Join(knownFrames(), []byte{0}), false)
	f.Add([]byte("<IDS|MSG>\x00\x00{}\x00{}\x00{}\x00{}"), true)
	f.Add([]byte("<IDS|MSG>\x00\x00{\"msg_type\":\"execute_request\"}\x00{}\x00{}\x00{\"code\":1}"), true)
	f.Fuzz(func(t *testing.T, data []byte, sign bool) {
		s := testSigner(t)
		frames := bytes.Split(data, []byte{0})
		if sign {
			for i, fr := range frames {
				if string(fr) == Delimiter && len(frames) >= i+6 {
					frames[i+1] = []byte(s.Sign(frames[i+2 : i+6]))
					break
				}
			}
		}
		m, err := Decode(frames, s)
		if err != nil {
			return
		}
		out, err := Encode(m, s)
		if err != nil {
			t.Fatalf("accepted message does not re-encode: %v", err)
		}
		back, err := Decode(out, s)
		if err != nil {
			t.Fatalf("re-encoded message does not decode: %v", err)
		}
		if back.Header != m.Header {
			t.Fatalf("header changed: %+v vs %+v", back.Header, m.Header)
		}
	})
}
