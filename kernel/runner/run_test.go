package runner

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeNotebook(t *testing.T, cells ...map[string]any) string {
	t.Helper()
	doc := map[string]any{"nbformat": 4, "nbformat_minor": 5, "metadata": map[string]any{"custom": "kept"}, "cells": cells}
	data, _ := json.Marshal(doc)
	path := filepath.Join(t.TempDir(), "nb.ipynb")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func code(src string) map[string]any {
	return map[string]any{"cell_type": "code", "source": src, "metadata": map[string]any{}, "outputs": []any{}, "execution_count": nil}
}

func markdown(src string) map[string]any {
	return map[string]any{"cell_type": "markdown", "source": []any{"# Title\n", src}, "metadata": map[string]any{}}
}

func outputs(t *testing.T, path string) ([][]map[string]any, map[string]any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Metadata map[string]any `json:"metadata"`
		Cells    []struct {
			Outputs []map[string]any `json:"outputs"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var outs [][]map[string]any
	for _, c := range doc.Cells {
		outs = append(outs, c.Outputs)
	}
	return outs, doc.Metadata
}

func TestRunWritesOutputsInOrder(t *testing.T) {
	path := writeNotebook(t,
		markdown("some *text*"),
		code("import \"fmt\"\nfmt.Println(\"a\")\nfmt.Println(\"b\")\nx := 40"),
		code("h := display.New()\nh.Show(\"first\")\nh.Update(\"second\")\nx + 2"),
	)
	html := filepath.Join(filepath.Dir(path), "nb.html")
	if err := Run(path, Options{HTML: html}); err != nil {
		t.Fatal(err)
	}
	outs, md := outputs(t, path)
	if md["custom"] != "kept" {
		t.Error("notebook metadata was not kept")
	}
	if len(outs[0]) != 0 {
		t.Errorf("markdown cell got outputs %v", outs[0])
	}
	if len(outs[1]) != 1 || outs[1][0]["text"] != "a\nb\n" {
		t.Errorf("cell 2 outputs = %v, want one merged stream", outs[1])
	}
	if len(outs[2]) != 2 {
		t.Fatalf("cell 3 outputs = %v", outs[2])
	}
	if d := outs[2][0]["data"].(map[string]any); d["text/plain"] != `"second"` {
		t.Errorf("the display was not updated in place: %v", d)
	}
	if d := outs[2][1]["data"].(map[string]any); outs[2][1]["output_type"] != "execute_result" || d["text/plain"] != "42" {
		t.Errorf("result = %v", outs[2][1])
	}
	page, err := os.ReadFile(html)
	if err != nil || !strings.Contains(string(page), "<h1>Title</h1>") || !strings.Contains(string(page), "a\nb\n") {
		t.Errorf("HTML page lacks the title or output (%v)", err)
	}
}

func TestRunStopsAtTheFirstError(t *testing.T) {
	path := writeNotebook(t, code("y := 1"), code("y +\n  undefinedName"), code("never := 1"))
	err := Run(path, Options{})
	var cellErr *CellError
	if !errors.As(err, &cellErr) || cellErr.Cell != 2 {
		t.Fatalf("err = %v, want a CellError in cell 2", err)
	}
	if !strings.Contains(err.Error(), "line 2") {
		t.Errorf("error does not name line 2: %v", err)
	}
	outs, _ := outputs(t, path)
	if len(outs[1]) != 1 || outs[1][0]["output_type"] != "error" || len(outs[2]) != 0 {
		t.Errorf("outputs = %v", outs)
	}
}

func TestRunMagicsHelpAndExitAsTheKernelDoes(t *testing.T) {
	path := writeNotebook(t,
		code("%time\nimport \"fmt\"\nfmt.Println(\"timed\")"),
		code("%time x := 2\n!echo hi"),
		code("math.Sqrt?"),
		code("exit"),
		code("fmt.Println(\"before\")\ndisplay.Text(\"shown\")\nx"),
	)
	if err := Run(path, Options{}); err != nil {
		t.Fatal(err)
	}
	outs, _ := outputs(t, path)
	if len(outs[0]) != 1 || !strings.HasPrefix(outs[0][0]["text"].(string), "timed\nwall time: ") {
		t.Errorf("%%time cell: %v", outs[0])
	}
	if len(outs[1]) != 1 || !strings.HasPrefix(outs[1][0]["text"].(string), "wall time: ") || !strings.HasSuffix(outs[1][0]["text"].(string), "\nhi\n") {
		t.Errorf("%%time x := 2 and !echo: %v", outs[1])
	}
	if len(outs[2]) != 1 || outs[2][0]["output_type"] != "display_data" ||
		!strings.Contains(outs[2][0]["data"].(map[string]any)["text/plain"].(string), "func Sqrt(x float64) float64") {
		t.Errorf("math.Sqrt? (a page, recorded as JupyterLab shows it): %v", outs[2])
	}
	if len(outs[3]) != 0 {
		t.Errorf("exit: %v, want no output", outs[3])
	}
	var kinds []string
	for _, o := range outs[4] {
		kinds = append(kinds, o["output_type"].(string))
	}
	if strings.Join(kinds, " ") != "stream display_data execute_result" {
		t.Errorf("outputs %q: the print before the display must come first", kinds)
	}
}
