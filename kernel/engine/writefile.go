package engine

import (
	"fmt"
	"os"
	"strings"
)

// isCellMagic reports whether code starts with a cell magic (%%name),
// which takes the whole cell.
func isCellMagic(code string) bool { return strings.HasPrefix(code, "%%") }

// cellMagic runs a cell magic. The only one is %%writefile FILE, which
// writes the lines after it to FILE.
func (e *Engine) cellMagic(code string) error {
	header, body, _ := strings.Cut(code, "\n")
	name, file, _ := strings.Cut(strings.TrimPrefix(header, "%%"), " ")
	file = strings.TrimSpace(file)
	switch {
	case name != "writefile":
		return magicError("unknown cell magic %%%%%s (%%help lists them)", name)
	case file == "":
		return magicError("%%%%writefile needs a file name")
	}
	if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
		return magicError("%%%%writefile: %v", err)
	}
	fmt.Fprintf(e.stdout(), "wrote %d bytes to %s\n", len(body), file)
	return nil
}
