package iter_test

import (
	"errors"
	stditer "iter"
	"maps"
	"slices"
	"testing"

	"github.com/gophlow/gophlow/kernel/generic/iter"
)

// drain pulls n values from next, then stops and pulls once more.
func drain[V any](next func() (V, bool), stop func(), n int) (got []V, oks []bool) {
	for range n {
		v, ok := next()
		got, oks = append(got, v), append(oks, ok)
	}
	stop()
	v, ok := next()
	return append(got, v), append(oks, ok)
}

// TestPullAsTheStandardLibrary compares the template with iter.Pull on a
// sequence stopped before its start, early, and after its end, and checks
// a sequence of an interface type yielding nil.
func TestPullAsTheStandardLibrary(t *testing.T) {
	ints := slices.Values([]int{3, 1, 4})
	for _, n := range []int{0, 2, 5} {
		next, stop := iter.Pull(ints)
		got, gotOK := drain(next, stop, n)
		stdNext, stdStop := stditer.Pull(ints)
		want, wantOK := drain(stdNext, stdStop, n)
		if !slices.Equal(got, want) || !slices.Equal(gotOK, wantOK) {
			t.Errorf("%d pulls: got %v %v, want %v %v", n, got, gotOK, want, wantOK)
		}
	}
	next, stop := iter.Pull(slices.Values([]error{nil, errors.New("x")}))
	got, gotOK := drain(next, stop, 3)
	if got[0] != nil || got[1] == nil || got[1].Error() != "x" || got[2] != nil || !slices.Equal(gotOK, []bool{true, true, false, false}) {
		t.Errorf("errors: got %v %v", got, gotOK)
	}
}

// TestPull2AsTheStandardLibrary compares the template with iter.Pull2 on
// a map's sorted pairs, stopped early and read past the end.
func TestPull2AsTheStandardLibrary(t *testing.T) {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	pairs := func(yield func(string, int) bool) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !yield(k, m[k]) {
				return
			}
		}
	}
	for _, n := range []int{1, 4} {
		next, stop := iter.Pull2(pairs)
		stdNext, stdStop := stditer.Pull2(pairs)
		for k := 0; k <= n; k++ {
			if k == n {
				stop()
				stdStop()
			}
			gk, gv, gok := next()
			wk, wv, wok := stdNext()
			if gk != wk || gv != wv || gok != wok {
				t.Errorf("pull %d of %d: got %q %d %v, want %q %d %v", k, n, gk, gv, gok, wk, wv, wok)
			}
		}
	}
}
