// Package progress lets long-running compiled code (fmlib's training,
// solving, likelihood) report how far it got, without depending on the
// kernel. The gophlow kernel installs a Reporter that draws a live progress
// bar in the notebook; elsewhere Start returns a task that does nothing.
package progress

import "github.com/gophlow/gophlow/internal/slot"

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

var current slot.Slot[Reporter]

// SetReporter installs r; nil removes it.
func SetReporter(r Reporter) { current.Set(r) }

// Start begins a task of total units with the installed reporter, or a
// task that does nothing when there is none.
func Start(label string, total int) Task {
	if r, ok := current.Get(); ok {
		return r.Start(label, total)
	}
	return silent{}
}

type silent struct{}

func (silent) Update(int, string) {}
func (silent) Done()              {}
