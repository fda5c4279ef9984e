// Package runner executes a Jupyter notebook's Go cells headless — in one
// gophlow session, without Jupyter or Python — and writes the notebook
// back with every output, optionally also as a self-contained HTML page.
package runner

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// notebook is an nbformat-4 document kept as generic JSON, so that fields
// this package does not know survive a round trip unchanged.
type notebook struct {
	doc   map[string]any
	cells []map[string]any
}

func readNotebook(path string) (*notebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s is not a notebook: %w", path, err)
	}
	if v, _ := doc["nbformat"].(float64); v != 4 {
		return nil, fmt.Errorf("%s: nbformat %v is not supported (want 4)", path, doc["nbformat"])
	}
	raw, ok := doc["cells"].([]any)
	if !ok {
		return nil, fmt.Errorf("%s: no cells", path)
	}
	nb := &notebook{doc: doc}
	for i, c := range raw {
		cell, ok := c.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: cell %d is not an object", path, i+1)
		}
		nb.cells = append(nb.cells, cell)
	}
	return nb, nil
}

// source returns a cell's source as one string (nbformat allows a string
// or a list of lines).
func source(cell map[string]any) string {
	switch s := cell["source"].(type) {
	case string:
		return s
	case []any:
		var b strings.Builder
		for _, line := range s {
			if l, ok := line.(string); ok {
				b.WriteString(l)
			}
		}
		return b.String()
	}
	return ""
}

// write saves the notebook atomically (temporary file and rename).
func (nb *notebook) write(path string) error {
	cells := make([]any, len(nb.cells))
	for i, c := range nb.cells {
		cells[i] = c
	}
	nb.doc["cells"] = cells
	data, err := json.MarshalIndent(nb.doc, "", " ")
	if err != nil {
		return err
	}
	return writeAtomic(path, append(data, '\n'))
}

func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gophlow-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
