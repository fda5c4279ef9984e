// Covers: html/template, define/template/block layouts, Clone to override a block, FuncMap helpers, ExecuteTemplate, escaping inside nested templates.
package main

import (
	"fmt"
	"html/template"
	"os"
	"strings"
)

const base = `{{define "layout"}}<html><title>{{block "title" .}}Default{{end}}</title>
<body>{{template "nav" .}}
{{block "content" .}}<p>nothing here</p>{{end}}
</body></html>
{{end}}{{define "nav"}}<nav>{{range $i, $p := .Pages}}{{if $i}} | {{end}}<a href="/{{$p | slug}}">{{$p}}</a>{{end}}</nav>{{end}}`

const article = `{{define "title"}}{{.Heading}} - Blog{{end}}{{define "content"}}<article>
<h2>{{.Heading}}</h2>
{{range .Paragraphs}}<p>{{.}}</p>
{{end}}</article>{{end}}`

func main() {
	funcs := template.FuncMap{
		"slug": func(s string) string { return strings.ToLower(strings.ReplaceAll(s, " ", "-")) },
	}
	layout := template.Must(template.New("base").Funcs(funcs).Parse(base))
	articleTmpl := template.Must(template.Must(layout.Clone()).Parse(article))

	data := map[string]any{
		"Pages":      []string{"Home", "About Us", "R&D"},
		"Heading":    "Templates <3",
		"Paragraphs": []string{"First & foremost.", "Use <b>care</b>."},
	}
	if err := layout.ExecuteTemplate(os.Stdout, "layout", data); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println("=====")

	if err := articleTmpl.ExecuteTemplate(os.Stdout, "layout", data); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println("=====")
	var sb strings.Builder
	err := layout.ExecuteTemplate(&sb, "nav", map[string]any{"Pages": []string{"A B"}})
	fmt.Println(sb.String(), err)
	fmt.Println(layout.ExecuteTemplate(&sb, "missing", nil))
	_, err = layout.Clone()
	fmt.Println("clone after execute:", err)
}
