// Covers: strings, Cut/CutPrefix/CutSuffix for parsing key=value config, EqualFold, Compare, ContainsFunc.
package main

import (
	"fmt"
	"sort"
	"strings"
)

const config = `# server settings
Host = example.org
PORT=8080
debug = TRUE
timeout=30s
malformed line
export PATH=/usr/bin
`

func main() {
	settings := map[string]string{}
	for _, line := range strings.Split(config, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "export "); ok {
			line = rest
		}
		key, val, found := strings.Cut(line, "=")
		if !found {
			fmt.Printf("ignored: %q\n", line)
			continue
		}
		settings[strings.ToLower(strings.TrimSpace(key))] = strings.TrimSpace(val)
	}
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%-8s = %q\n", k, settings[k])
	}

	debug := strings.EqualFold(settings["debug"], "true")
	fmt.Println("debug enabled:", debug)
	if num, ok := strings.CutSuffix(settings["timeout"], "s"); ok {
		fmt.Println("timeout seconds:", num)
	}
	before, after, found := strings.Cut("no-separator", ":")
	fmt.Printf("%q %q %v\n", before, after, found)

	fmt.Println(strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("Gopher", "GOPHER"), strings.EqualFold("σ", "Σ"))
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	fmt.Println(strings.ContainsFunc("abc1", func(r rune) bool { return r >= '0' && r <= '9' }))
}
