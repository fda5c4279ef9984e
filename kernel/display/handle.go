package display

import (
	"crypto/rand"
	"encoding/hex"

	"github.com/gophlow/gophlow/hooks"
)

// Handle is one display that can be replaced in place: a live plot, a
// status line. Create it with New, show it with Show, then Update it.
type Handle struct {
	id string
}

// New returns a handle with a fresh display_id. Nothing is shown until
// Show is called.
func New() *Handle {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return &Handle{id: hex.EncodeToString(b[:])}
}

// ID returns the display_id the frontend knows this display by.
func (h *Handle) ID() string { return h.id }

// Show publishes v as a new display carrying this handle's id.
func (h *Handle) Show(v any) { h.send(v, false) }

// Update replaces every display carrying this handle's id with v.
func (h *Handle) Update(v any) { h.send(v, true) }

// Clear replaces the display with empty text.
func (h *Handle) Clear() { h.sendBundle(Bundle{"text/plain": ""}, nil, true) }

func (h *Handle) send(v any, update bool) {
	b, md := Render(v)
	h.sendBundle(b, md, update)
}

func (h *Handle) sendBundle(b Bundle, md map[string]any, update bool) {
	if s := hooks.CurrentSink(); s != nil {
		s.Display(hooks.Bundle(b), md, h.id, update)
	}
}
