package sync_test

import (
	stdsync "sync"
	"testing"

	"github.com/gophlow/gophlow/kernel/generic/sync"
)

// TestOnceValueAsTheStandardLibrary compares the templates with the
// standard library's: f runs once however many goroutines call, every call
// gets its values, and a panic of f is every call's panic.
func TestOnceValueAsTheStandardLibrary(t *testing.T) {
	for _, impl := range []struct {
		name string
		one  func(func() int) func() int
		two  func(func() (int, string)) func() (int, string)
	}{
		{"std", stdsync.OnceValue[int], stdsync.OnceValues[int, string]},
		{"ours", sync.OnceValue[int], sync.OnceValues[int, string]},
	} {
		calls := 0
		get := impl.one(func() int { calls++; return 42 })
		var wg stdsync.WaitGroup
		results := make([]int, 8)
		for i := range results {
			wg.Add(1)
			go func() { defer wg.Done(); results[i] = get() }()
		}
		wg.Wait()
		for _, r := range results {
			if r != 42 {
				t.Errorf("%s: a call got %d, want 42", impl.name, r)
			}
		}
		if calls != 1 {
			t.Errorf("%s: f ran %d times, want once", impl.name, calls)
		}
		n, s := impl.two(func() (int, string) { return 7, "seven" })()
		if n != 7 || s != "seven" {
			t.Errorf("%s: OnceValues gave %d %q", impl.name, n, s)
		}
		runs := 0
		bad := impl.one(func() int { runs++; panic("boom") })
		for range 2 {
			func() {
				defer func() {
					if r := recover(); r != "boom" {
						t.Errorf("%s: recovered %v, want boom", impl.name, r)
					}
				}()
				bad()
			}()
		}
		if runs != 1 {
			t.Errorf("%s: the panicking f ran %d times, want once", impl.name, runs)
		}
	}
}
