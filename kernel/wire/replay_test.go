package wire

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"testing"
)

func TestDigestHistoryRecognisesRepeats(t *testing.T) {
	h := NewDigestHistory(8)
	sig := []byte(knownDigest)
	if !h.Add(sig) {
		t.Fatal("a first signature was taken for a repeat")
	}
	if h.Add(sig) {
		t.Fatal("the same signature again was taken for new")
	}
	// hex.Decode accepts capitals, so Verify does: a replay in capitals is the same MAC.
	upper := bytes.ToUpper([]byte(knownDigest))
	if !testSigner(t).Verify(upper, knownParts) {
		t.Fatal("the capitalised signature does not verify, so this case proves nothing")
	}
	if h.Add(upper) {
		t.Fatal("the signature in capitals was taken for new")
	}
	// An unkeyed kernel's empty signatures are never a replay.
	for range 3 {
		if !h.Add(nil) {
			t.Fatal("an empty signature was taken for a repeat")
		}
	}
	if h.Len() != 1 {
		t.Fatalf("Len = %d, want 1", h.Len())
	}
}

func TestDigestHistoryForgetsTheOldestBeyondItsSize(t *testing.T) {
	const size = 4
	h := NewDigestHistory(size)
	sig := func(i int) []byte { return []byte(fmt.Sprintf("%064x", i)) }
	for i := range 3 * size {
		if !h.Add(sig(i)) {
			t.Fatalf("signature %d taken for a repeat", i)
		}
		if h.Len() > size {
			t.Fatalf("after %d signatures Len = %d, more than the size %d", i+1, h.Len(), size)
		}
	}
	// The last size signatures are remembered (Add of a known one changes nothing)…
	for i := 2 * size; i < 3*size; i++ {
		if h.Add(sig(i)) {
			t.Fatalf("recent signature %d was forgotten", i)
		}
	}
	// …and the older ones are forgotten.
	if !h.Add(sig(2*size - 1)) {
		t.Fatal("a signature older than the history's size is still remembered")
	}
	if h.Len() != size {
		t.Fatalf("Len = %d, want %d", h.Len(), size)
	}
}

func TestDigestHistoryConcurrentAddsAcceptEachSignatureOnce(t *testing.T) {
	h := NewDigestHistory(1024)
	var mu sync.Mutex
	accepted := map[int]int{}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 500 {
				if h.Add([]byte(fmt.Sprintf("%064x", i))) {
					mu.Lock()
					accepted[i]++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	for i := range 500 {
		if accepted[i] != 1 {
			t.Fatalf("signature %d accepted %d times by 4 goroutines, want once", i, accepted[i])
		}
	}
}

func TestDecodeKeepsTheSignature(t *testing.T) {
	m, err := Decode(knownFrames(), testSigner(t))
	if err != nil {
		t.Fatal(err)
	}
	if string(m.Signature) != knownDigest {
		t.Fatalf("Signature = %q, want %q", m.Signature, knownDigest)
	}
}

func TestDigestHistoryStartsSmall(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	h := NewDigestHistory(DigestHistorySize)
	runtime.ReadMemStats(&after)
	// Room for 2^16 signatures is megabytes, paid at every kernel start-up.
	if n := after.TotalAlloc - before.TotalAlloc; n > 4096 {
		t.Errorf("NewDigestHistory allocated %d bytes before any message", n)
	}
	h.Add([]byte(knownDigest))
	if h.Add([]byte(knownDigest)) || h.Len() != 1 {
		t.Error("a history that starts small must still remember")
	}
}
