package server

import (
	"github.com/gophlow/gophlow/kernel/engine"
	"github.com/gophlow/gophlow/kernel/kernelspec"
	"github.com/gophlow/gophlow/kernel/wire"
)

func (s *Server) complete(m *wire.Message) {
	var req struct {
		Code      string `json:"code"`
		CursorPos int    `json:"cursor_pos"`
	}
	if !s.decode(m, "complete_reply", &req) {
		return
	}
	c := s.engine.Assist().Complete(req.Code, req.CursorPos)
	matches := c.Matches
	if matches == nil {
		matches = []string{}
	}
	s.reply(s.shell, &s.shellMu, m, "complete_reply", map[string]any{
		"status":       "ok",
		"matches":      matches,
		"cursor_start": c.CursorStart,
		"cursor_end":   c.CursorEnd,
		"metadata":     map[string]any{"_jupyter_types_experimental": c.Types},
	})
}

func (s *Server) inspect(m *wire.Message) {
	var req struct {
		Code        string `json:"code"`
		CursorPos   int    `json:"cursor_pos"`
		DetailLevel int    `json:"detail_level"`
	}
	if !s.decode(m, "inspect_reply", &req) {
		return
	}
	text, found := s.engine.Assist().Inspect(req.Code, req.CursorPos, req.DetailLevel)
	data := map[string]any{}
	if found {
		data["text/plain"] = text
	}
	s.reply(s.shell, &s.shellMu, m, "inspect_reply", map[string]any{
		"status": "ok", "found": found, "data": data, "metadata": map[string]any{},
	})
}

func (s *Server) isComplete(m *wire.Message) {
	var req struct {
		Code string `json:"code"`
	}
	if !s.decode(m, "is_complete_reply", &req) {
		return
	}
	status, indent := engine.IsComplete(req.Code)
	content := map[string]any{"status": status}
	if status == "incomplete" {
		content["indent"] = indent
	}
	s.reply(s.shell, &s.shellMu, m, "is_complete_reply", content)
}

func (s *Server) kernelInfo() map[string]any {
	i := s.cfg.Info
	return map[string]any{
		"status":                 "ok",
		"protocol_version":       wire.ProtocolVersion,
		"implementation":         i.Implementation,
		"implementation_version": i.ImplementationVersion,
		"language_info":          kernelspec.LanguageInfo(),
		"banner":                 i.Banner,
		"help_links": []map[string]string{
			{"text": "Go standard library", "url": "https://pkg.go.dev/std"},
			{"text": "gonum", "url": "https://pkg.go.dev/gonum.org/v1/gonum"},
			{"text": "gonum/plot", "url": "https://pkg.go.dev/gonum.org/v1/plot"},
		},
	}
}
