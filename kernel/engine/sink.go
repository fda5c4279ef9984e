package engine

import (
	"github.com/gophlow/gophlow/hooks"
	"github.com/gophlow/gophlow/kernel/session"
)

// Sink receives what a cell produces besides the text it writes to
// standard output and error (which kernel/capture collects from the file
// descriptors). The Jupyter server turns each call into an iopub message
// or a payload of execute_reply; the headless runner into an nbformat
// output.
//
// The embedded hooks.Sink receives displays, updates of displays, the
// cell's result and clear_output, from the display package while the cell
// runs.
type Sink interface {
	hooks.Sink
	// Page shows help text in the frontend's pager (execute_reply's "page"
	// payload).
	Page(text string)
	// AskExit asks the frontend to end its session and shut the kernel
	// down (execute_reply's "ask_exit" payload, keepkernel false).
	AskExit()
	// Error reports the error that ended the cell; it is the last call of
	// a failed cell.
	Error(e *session.Error)
}
