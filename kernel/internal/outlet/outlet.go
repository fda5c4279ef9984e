// Package outlet connects the notebook-facing display package to the
// kernel that publishes its output. The kernel installs a Sink for each
// cell; display calls it. Nothing here is visible to notebooks.
package outlet

import "github.com/gophlow/gophlow/internal/slot"

// Bundle is a MIME bundle: MIME type to data. Text types hold a string,
// binary types []byte (base64-encoded on the wire), JSON types any value
// that encodes as JSON.
type Bundle map[string]any

// Sink receives what the display package produces while a cell runs.
type Sink interface {
	// Display publishes display_data, or update_display_data when update
	// is true. displayID may be empty.
	Display(data Bundle, metadata map[string]any, displayID string, update bool)
	// Result publishes the cell's execute_result.
	Result(data Bundle, metadata map[string]any)
	// ClearOutput publishes clear_output.
	ClearOutput(wait bool)
}

var current slot.Slot[Sink]

// Set installs s as the sink; nil removes it.
func Set(s Sink) { current.Set(s) }

// Get returns the installed sink, or nil when display runs outside a kernel.
func Get() Sink {
	s, _ := current.Get()
	return s
}
