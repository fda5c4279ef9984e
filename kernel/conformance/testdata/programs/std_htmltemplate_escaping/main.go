// Covers: html/template, contextual autoescaping in text, attributes, URLs and JS; template.HTML trusted content; range/if over user comments.
package main

import (
	"html/template"
	"os"
)

type Comment struct {
	Author  string
	Body    string
	Website string
	Score   int
}

const page = `<h1>{{.Title}}</h1>
{{range .Comments}}<div class="c" data-author="{{.Author}}">
  <a href="{{.Website}}">{{.Author}}</a>: {{.Body}}
  {{if ge .Score 10}}<b>top</b>{{end}}
</div>
{{end}}<p>{{.Footer}}</p>
<a href="/search?q={{.Query}}">search</a>
<script>var user = {{.Title}}; var n = {{.Count}};</script>
`

func main() {
	t := template.Must(template.New("page").Parse(page))
	data := map[string]any{
		"Title": `Tom & Jerry's "show"`,
		"Comments": []Comment{
			{"alice", "I <3 this!", "https://alice.example/?a=1&b=2", 12},
			{"<script>x</script>", "nice & tidy", "javascript:alert(1)", 3},
		},
		"Footer": template.HTML("<em>trusted</em> footer"),
		"Query":  "go templates & more",
		"Count":  2,
	}
	if err := t.Execute(os.Stdout, data); err != nil {
		panic(err)
	}
	os.Stdout.WriteString(template.HTMLEscapeString("<a href='x'>&</a>") + "\n")
	os.Stdout.WriteString(template.JSEscapeString(`it's "quoted" </script>`) + "\n")
	os.Stdout.WriteString(template.URLQueryEscaper("a b&c=d/é") + "\n")
}
