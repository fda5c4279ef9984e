package server

import (
	"testing"

	"github.com/gophlow/gophlow/kernel/wire"
)

// The watchdog's judgement, look by look (MiB; limit 100, ceiling 400).
func TestMemoryWatchStopsOnlyTheCellThatTookTheMemory(t *testing.T) {
	const mib = 1 << 20
	w := &memoryWatch{limit: 100 * mib, ceiling: 400 * mib, armed: true}
	a, b, c, d := &wire.Message{}, &wire.Message{}, &wire.Message{}, &wire.Message{}
	looks := []struct {
		what          string
		heap, stacks  int64
		cell          *wire.Message
		atStart, want int64 // want: 0 go on, 1 memory, 2 stacks
	}{
		{"a grows below the limit", 60, 1, a, 10, 0},
		{"a passes the limit", 99, 2, a, 10, 1},
		{"a's leftovers above the limit while nothing runs", 150, 1, nil, 0, 0},
		{"b starts above the limit and does not grow", 150, 1, b, 150, 0},
		{"b: the leftovers still grow in the background", 300, 1, b, 150, 0},
		{"b passes the ceiling", 390, 20, b, 150, 1},
		{"c starts below the limit", 50, 1, c, 50, 0},
		{"c passes the limit: stopped", 120, 1, c, 50, 1},
		{"c is stopped once only while memory stays above", 130, 1, c, 50, 0},
		{"memory back below the limit re-arms", 80, 1, c, 50, 0},
		{"and c over it again is stopped again", 110, 1, c, 50, 1},
		{"d recursing without end: stacks past maxStacks", 10, maxStacks / mib, d, 10, 2},
	}
	for _, l := range looks {
		got := w.verdict(l.heap*mib, l.stacks*mib, l.cell, l.atStart*mib)
		want := []error{nil, errMemory, errStacks}[l.want]
		if got != want {
			t.Errorf("%s: verdict %v, want %v", l.what, got, want)
		}
	}
}

func TestMemoryCeilingIsAboveTheLimit(t *testing.T) {
	for _, limit := range []int64{1 << 20, 256 << 20, 1 << 40} {
		if c := memoryCeiling(limit); c <= limit {
			t.Errorf("memoryCeiling(%d) = %d, not above the limit", limit, c)
		}
	}
}
