// Covers: text/template, FuncMap custom functions, define/template nested templates, block, pipelines, Lookup/Templates, execution errors.
package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"text/template"
)

const src = `{{define "user"}}{{.Name | upper}} <{{.Email | lower}}>{{if .Admin}} [admin]{{end}}{{end -}}
{{define "list"}}{{range .}}- {{template "user" .}}
{{end}}{{end -}}
Team report ({{len .Users}} members, {{.Users | admins}} admins)
{{template "list" .Users -}}
{{block "footer" .}}Generated for {{.Org | repeat 2 | join ", "}}{{end}}
`

type User struct {
	Name  string
	Email string
	Admin bool
}

func main() {
	funcs := template.FuncMap{
		"upper": strings.ToUpper,
		"lower": strings.ToLower,
		"repeat": func(n int, s string) []string {
			out := make([]string, n)
			for i := range out {
				out[i] = s
			}
			return out
		},
		"join": func(sep string, xs []string) string { return strings.Join(xs, sep) },
		"admins": func(us []User) int {
			n := 0
			for _, u := range us {
				if u.Admin {
					n++
				}
			}
			return n
		},
	}
	t := template.Must(template.New("report").Funcs(funcs).Parse(src))
	data := map[string]any{
		"Org": "Gophers",
		"Users": []User{
			{"ada", "Ada@Example.COM", true},
			{"linus", "LT@kernel.ORG", false},
			{"grace", "grace@NAVY.mil", true},
		},
	}
	if err := t.Execute(os.Stdout, data); err != nil {
		fmt.Println("error:", err)
	}
	var names []string
	for _, tt := range t.Templates() {
		names = append(names, tt.Name())
	}
	sort.Strings(names)
	fmt.Println("templates:", names)
	u := User{"solo", "S@X.IO", false}
	t.Lookup("user").Execute(os.Stdout, u)
	fmt.Println()

	bad := template.Must(template.New("bad").Parse("value: {{.Missing.Field}}\n"))
	err := bad.Execute(os.Stdout, u)
	fmt.Println("\nerror:", err)
	_, err = template.New("syntax").Parse("{{if}}")
	fmt.Println("parse error:", err)
	strict := template.Must(template.New("strict").Option("missingkey=error").Parse("{{.nope}}"))
	fmt.Println(strict.Execute(os.Stdout, map[string]int{}))
}
