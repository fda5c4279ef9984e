package hooks

// Task is one long computation reporting its progress.
type Task interface {
	// Update reports done steps of the total, with an optional note (the
	// current loss, say).
	Update(done int, note string)
	// Done reports the end, whether all steps ran or not.
	Done()
}

// Reporter starts tasks: the kernel's draws a progress bar in the cell.
type Reporter interface {
	Start(label string, total int) Task
}

var reporter slot[Reporter]

// SetReporter installs the reporter (nil: none).
func SetReporter(r Reporter) { reporter.set(r) }

// StartTask starts a task with the installed reporter; without one, the
// task reports nowhere.
func StartTask(label string, total int) Task {
	if r, ok := reporter.get(); ok {
		return r.Start(label, total)
	}
	return silent{}
}

type silent struct{}

func (silent) Update(int, string) {}
func (silent) Done()              {}
