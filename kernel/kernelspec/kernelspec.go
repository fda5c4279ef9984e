// Package kernelspec installs and removes the gophlow kernelspec: the
// folder Jupyter looks in to learn how to start a kernel (kernel.json and
// two logos).
package kernelspec

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// Name is the kernelspec's name: the folder name and what `--kernel` takes.
const Name = "gophlow"

// DisplayName is what Jupyter shows in its kernel menu.
const DisplayName = "Go (gophlow)"

// Where says where to install: exactly one of User, Prefix or SysPrefix.
type Where struct {
	User      bool
	Prefix    string
	SysPrefix bool
}

// Dir returns the kernelspec folder for w.
func Dir(w Where) (string, error) {
	switch {
	case w.Prefix != "":
		abs, err := filepath.Abs(w.Prefix)
		if err != nil {
			return "", err
		}
		return filepath.Join(abs, "share", "jupyter", "kernels", Name), nil
	case w.SysPrefix:
		prefix, err := pythonPrefix()
		if err != nil {
			return "", err
		}
		return filepath.Join(prefix, "share", "jupyter", "kernels", Name), nil
	default:
		data, err := userDataDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(data, "kernels", Name), nil
	}
}

// userDataDir is Jupyter's per-user data folder.
func userDataDir() (string, error) {
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("finding the home folder: %w", err)
	}
	if runtime.GOOS == "darwin" {
		return filepath.Join(home, "Library", "Jupyter"), nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "jupyter"), nil
	}
	return filepath.Join(home, ".local", "share", "jupyter"), nil
}

// pythonPrefix is sys.prefix of the Python that runs Jupyter: Debian's
// /usr/bin/python3 when present, else the python3 on PATH.
func pythonPrefix() (string, error) {
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		py = "python3"
	}
	out, err := exec.Command(py, "-c", "import sys; print(sys.prefix)").Output()
	if err != nil {
		return "", fmt.Errorf("--sys-prefix: asking %s for sys.prefix: %w", py, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// Spec is the content of kernel.json.
type Spec struct {
	Argv          []string       `json:"argv"`
	DisplayName   string         `json:"display_name"`
	Language      string         `json:"language"`
	InterruptMode string         `json:"interrupt_mode"`
	Env           map[string]any `json:"env"`
	Metadata      map[string]any `json:"metadata"`
}

// Install writes the kernelspec for the binary at exe into the folder of
// w, replacing an earlier one, and returns the folder.
func Install(exe string, w Where) (string, error) {
	exe, err := filepath.Abs(exe)
	if err != nil {
		return "", err
	}
	dir, err := Dir(w)
	if err != nil {
		return "", err
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", fmt.Errorf("removing the old kernelspec: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("creating %s: %w", dir, err)
	}
	spec := Spec{
		Argv:          []string{exe, "kernel", "{connection_file}"},
		DisplayName:   DisplayName,
		Language:      "go",
		InterruptMode: "message",
		Env:           map[string]any{},
		Metadata:      map[string]any{"debugger": false},
	}
	data, err := json.MarshalIndent(spec, "", "  ")
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "kernel.json"), append(data, '\n'), 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "kernel.css"), []byte(KernelCSS), 0o644); err != nil {
		return "", err
	}
	for _, size := range []int{32, 64} {
		png, err := Logo(size)
		if err != nil {
			return "", err
		}
		name := filepath.Join(dir, fmt.Sprintf("logo-%dx%d.png", size, size))
		if err := os.WriteFile(name, png, 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// KernelCSS is the kernelspec's kernel.css, which Jupyter Notebook 6 loads
// into every page whose kernel is gophlow. Its CodeMirror theme draws each
// tab character as an arrow (.cm-s-ipython span.cm-tab), and gofmt indents
// every line with tabs, so Go cells would show arrows on every indented
// line; here tabs are plain indentation, as in any Go editor.
const KernelCSS = `/* gophlow: gofmt indents with tabs; show them as indentation, not arrows. */
.cm-s-ipython span.cm-tab {
  background: none;
}
`

// Uninstall removes the kernelspec of w and returns its folder; removing a
// kernelspec that is not there is not an error.
func Uninstall(w Where) (string, error) {
	dir, err := Dir(w)
	if err != nil {
		return "", err
	}
	return dir, os.RemoveAll(dir)
}
