// Covers: text/template, range with $index, if/else if/else, with, printf, len/index/eq/gt builtins, whitespace trimming {{- -}}, method calls on data.
package main

import (
	"os"
	"text/template"
)

type Line struct {
	Item  string
	Qty   int
	Price float64
}

func (l Line) Total() float64 { return float64(l.Qty) * l.Price }

type Invoice struct {
	Number   int
	Customer string
	Lines    []Line
	Discount float64
	Note     *string
	Tags     map[string]string
}

const tmpl = `Invoice #{{.Number}} for {{.Customer}}
{{range $i, $l := .Lines -}}
{{$i}}. {{printf "%-8s" $l.Item}} x{{$l.Qty}} @ {{printf "%.2f" $l.Price}} = {{printf "%7.2f" $l.Total}}
{{else -}}
(no lines)
{{end -}}
{{if gt .Discount 0.0}}Discount: {{.Discount}}%{{else}}No discount{{end}}
{{with .Note}}Note: {{.}}{{else}}No note{{end}}
Lines: {{len .Lines}}{{if eq (len .Lines) 1}} (single){{else if gt (len .Lines) 2}} (many){{end}}
{{- range $k, $v := .Tags}}
tag {{$k}}={{$v}}
{{- end}}
First item: {{with index .Lines 0}}{{.Item}}{{end}}
`

func main() {
	t := template.Must(template.New("invoice").Parse(tmpl))
	note := "deliver after 5pm"
	invoices := []Invoice{
		{
			Number: 1042, Customer: "ACME Corp",
			Lines: []Line{
				{"widget", 10, 2.5}, {"gadget", 3, 19.99}, {"gizmo", 1, 100},
			},
			Discount: 5, Note: &note,
			Tags: map[string]string{"region": "EU", "priority": "high", "channel": "web"},
		},
		{Number: 1043, Customer: "Bob", Lines: []Line{{"bolt", 100, 0.05}}},
	}
	for _, inv := range invoices {
		if err := t.Execute(os.Stdout, inv); err != nil {
			panic(err)
		}
		os.Stdout.WriteString("----\n")
	}
}
