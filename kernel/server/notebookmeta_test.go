package server

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/gophlow/gophlow/kernel/kernelspec"
)

// Jupyter Notebook replaces a notebook's metadata.language_info with the
// kernel's on every kernel start and marks the notebook "(unsaved changes)"
// (so autosave rewrites it) when they differ; likewise for the kernelspec
// entry. Every course notebook must therefore store exactly what the
// kernel reports, or a student's first open changes the file.
func TestCourseNotebooksCarryTheKernelsMetadata(t *testing.T) {
	info := (&Server{}).kernelInfo()["language_info"]
	want := map[string]any{
		"language_info": jsonRoundTrip(t, info),
		"kernelspec":    jsonRoundTrip(t, kernelspec.NotebookKernelspec()),
	}
	var paths []string
	for _, pattern := range []string{"../../notebooks/*.ipynb", "../../notebooks/exercises/*.ipynb"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	if len(paths) < 10 {
		t.Fatalf("found only %d course notebooks", len(paths))
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var nb struct {
			Metadata map[string]any `json:"metadata"`
		}
		if err := json.Unmarshal(data, &nb); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for key, w := range want {
			if got := nb.Metadata[key]; !reflect.DeepEqual(got, w) {
				t.Errorf("%s: metadata.%s is %v, the kernel reports %v (run scripts/notebook-metadata.py on it)", filepath.Base(p), key, got, w)
			}
		}
	}
}

// The kernelspec entry Jupyter writes into a notebook comes from kernel.json.
func TestNotebookKernelspecMatchesKernelJSON(t *testing.T) {
	dir, err := kernelspec.Install(os.Args[0], kernelspec.Where{Prefix: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec kernelspec.Spec
	if err := json.Unmarshal(data, &spec); err != nil {
		t.Fatal(err)
	}
	got := map[string]any{"name": filepath.Base(dir), "display_name": spec.DisplayName, "language": spec.Language}
	if want := kernelspec.NotebookKernelspec(); !reflect.DeepEqual(got, want) {
		t.Errorf("kernel.json gives %v, notebooks store %v", got, want)
	}
}

// jsonRoundTrip returns v as it reads back from JSON (what the notebooks hold).
func jsonRoundTrip(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
