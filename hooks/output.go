package hooks

// Bundle is a MIME bundle: MIME type to data. Text types hold a string,
// binary types []byte (base64-encoded on the wire), JSON types any value
// that encodes as JSON.
type Bundle map[string]any

// Sink receives the rich output of a running cell.
type Sink interface {
	// Display publishes display_data, or update_display_data when update
	// is true. displayID may be empty.
	Display(data Bundle, metadata map[string]any, displayID string, update bool)
	// Result publishes the cell's execute_result.
	Result(data Bundle, metadata map[string]any)
	// ClearOutput publishes clear_output.
	ClearOutput(wait bool)
}

var sink slot[Sink]

// SetSink installs the running cell's sink (nil: none).
func SetSink(s Sink) { sink.set(s) }

// CurrentSink returns the installed sink, or nil outside a kernel.
func CurrentSink() Sink {
	s, _ := sink.get()
	return s
}
