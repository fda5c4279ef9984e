// Package progress lets long-running compiled code (fmlib's training,
// solving, likelihood) report how far it got, without depending on the
// kernel. The gophlow kernel installs a Reporter that draws a live progress
// bar in the notebook; elsewhere Start returns a task that does nothing.
package progress

import "sync/atomic"

// Task is one long-running piece of work.
type Task interface {
	// Update reports that done of total units are finished; note is a short
	// status such as "loss 0.4213".
	Update(done int, note string)
	// Done reports that the work ended (finished, failed or interrupted).
	Done()
}

// Reporter starts tasks; the kernel installs one.
type Reporter interface {
	Start(label string, total int) Task
}

type holder struct{ r Reporter }

var current atomic.Pointer[holder]

// SetReporter installs r; nil removes it.
func SetReporter(r Reporter) {
	if r == nil {
		current.Store(nil)
		return
	}
	current.Store(&holder{r: r})
}

// Start begins a task of total units with the installed reporter, or a
// task that does nothing when there is none.
func Start(label string, total int) Task {
	if h := current.Load(); h != nil {
		return h.r.Start(label, total)
	}
	return silent{}
}

type silent struct{}

func (silent) Update(int, string) {}
func (silent) Done()              {}
