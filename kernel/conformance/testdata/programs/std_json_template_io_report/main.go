// Covers: encoding/json to and from a file in a temp dir, text/template calling methods of the data, text/tabwriter, an io.Writer of the program's own, errors.Join of wrapped sentinels, json.Encoder into a strings.Builder.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"text/template"
)

type Metric struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit,omitempty"`
}

func (m Metric) Label() string { return m.Name + " [" + m.Unit + "]" }

type Report struct {
	Title   string
	Metrics []Metric
}

func (r Report) Count() int { return len(r.Metrics) }

type limitedWriter struct {
	w     io.Writer
	left  int
	trunc bool
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if len(p) > l.left {
		p = p[:l.left]
		l.trunc = true
	}
	l.left -= len(p)
	return l.w.Write(p)
}

var errTooSmall = errors.New("value too small")

func validate(ms []Metric) error {
	var errs []error
	for _, m := range ms {
		if m.Value < 1 {
			errs = append(errs, fmt.Errorf("%s: %w", m.Name, errTooSmall))
		}
	}
	return errors.Join(errs...)
}

func main() {
	dir, _ := os.MkdirTemp("", "probe")
	defer os.RemoveAll(dir)
	r := Report{"run 7", []Metric{{"loss", 0.42, ""}, {"steps", 3000, "it"}, {"time", 12.5, "s"}}}
	b, _ := json.MarshalIndent(r, "", "  ")
	path := filepath.Join(dir, "report.json")
	os.WriteFile(path, b, 0o644)
	raw, _ := os.ReadFile(path)
	var back Report
	if err := json.Unmarshal(raw, &back); err != nil {
		fmt.Println("unmarshal:", err)
	}
	fmt.Println(back.Title, len(back.Metrics), back.Metrics[1])
	t := template.Must(template.New("r").Parse("{{.Title}} ({{.Count}} metrics)\n{{range .Metrics}}- {{.Label}} = {{.Value}}\n{{end}}"))
	var buf bytes.Buffer
	if err := t.Execute(&buf, back); err != nil {
		fmt.Println("template:", err)
	}
	fmt.Print(buf.String())
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 1, ' ', 0)
	for _, m := range back.Metrics {
		fmt.Fprintf(tw, "%s\t%g\t%s\n", m.Name, m.Value, m.Unit)
	}
	tw.Flush()
	lw := &limitedWriter{w: os.Stdout, left: 20}
	fmt.Fprintln(lw, strings.Repeat("abcdef", 5))
	fmt.Println()
	fmt.Println("truncated:", lw.trunc)
	err := validate(back.Metrics)
	fmt.Println(err, errors.Is(err, errTooSmall))
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.Encode(map[string]any{"best": back.Metrics[0], "n": 3})
	fmt.Print(sb.String())
}
