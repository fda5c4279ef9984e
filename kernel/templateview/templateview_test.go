package templateview

import (
	"bytes"
	htmltemplate "html/template"
	"strings"
	"testing"
	"text/template"
)

// line stands for a cell's struct type: a struct without methods, whose
// methods the registry holds.
type line struct {
	Item  string
	Qty   int
	Price float64
}

type invoice struct {
	Lines []line
	First *line
	ByTag map[string]line
	Any   any
}

// registry registers line's Total (a value method) and Label (a pointer
// method), counting Total's calls.
func registry(calls *int) *Registry {
	r := &Registry{}
	r.Register(line{}, "Total", func(x any) any {
		*calls++
		l := x.(line)
		return float64(l.Qty) * l.Price
	})
	r.Register(&line{}, "Label", func(x any) any { return "<" + x.(*line).Item + ">" })
	return r
}

// TestTemplatesCallTheRegisteredMethods checks the view: methods the
// template names become fields, through slices, pointers, maps and
// interfaces, in text and html templates; methods it does not name are not
// called; the data's fields are unchanged.
func TestTemplatesCallTheRegisteredMethods(t *testing.T) {
	calls := 0
	r := registry(&calls)
	w := line{"widget", 10, 2.5}
	inv := invoice{Lines: []line{w, {"gadget", 3, 20}}, First: &w, ByTag: map[string]line{"x": w}, Any: w}
	text := template.Must(template.New("t").Parse(
		`{{range .Lines}}{{.Item}}={{printf "%.1f" .Total}} {{end}}{{.First.Label}} {{(index .ByTag "x").Total}} {{.Any.Total}} {{len .Lines}}`))
	var b bytes.Buffer
	if err := r.Execute(text, &b, inv); err != nil {
		t.Fatal(err)
	}
	if want := "widget=25.0 gadget=60.0 <widget> 25 25 2"; b.String() != want {
		t.Errorf("text template wrote %q, want %q", b.String(), want)
	}
	if calls != 5 { // two lines, First, ByTag's and Any's
		t.Errorf("Total ran %d times, want 5", calls)
	}
	calls = 0
	html := htmltemplate.Must(htmltemplate.New("h").Parse(`<b>{{.Label}}</b>`))
	b.Reset()
	if err := r.Execute(html, &b, &w); err != nil {
		t.Fatal(err)
	}
	if want := "<b>&lt;widget&gt;</b>"; b.String() != want || calls != 0 {
		t.Errorf("html template wrote %q with %d calls of Total, want %q and none", b.String(), calls, want)
	}
	if inv.Lines[0].Item != "widget" || len(inv.Lines) != 2 {
		t.Errorf("the data changed: %+v", inv)
	}
}

// TestViewsPrintAsTheirValues checks Printed: {{.}} of a view prints the
// value it shows, not the view's fields.
func TestViewsPrintAsTheirValues(t *testing.T) {
	calls := 0
	r := registry(&calls)
	tmpl := template.Must(template.New("t").Parse(`{{.}} {{.Total}}`))
	var b bytes.Buffer
	if err := r.ExecuteTemplate(tmpl, &b, "t", line{"fig", 2, 1.5}); err != nil {
		t.Fatal(err)
	}
	if want := "{fig 2 1.5} 3"; b.String() != want {
		t.Errorf("wrote %q, want %q", b.String(), want)
	}
}

// TestNamesCoverTheTemplatesNodes checks collectNames on fields, chains,
// variables and the pipelines of if, range, with and template.
func TestNamesCoverTheTemplatesNodes(t *testing.T) {
	tmpl := template.Must(template.New("t").Parse(
		`{{define "x"}}{{.A}}{{end}}{{if .B}}{{range $i, $v := .C}}{{$v.D}}{{end}}{{else}}{{with .E}}{{(.F).G}}{{end}}{{end}}{{template "x" .H}}`))
	_, names, err := parsed(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range strings.Fields("A B C D E F G H") {
		if !names[n] {
			got = append(got, n)
		}
	}
	if len(got) > 0 || len(names) != 8 {
		t.Errorf("names %v, missing %v", names, got)
	}
}
