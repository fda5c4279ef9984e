// Covers: type switches nested in for loops, if blocks and other switches, evaluating a tiny JSON-like tree.
package main

import (
	"fmt"
	"sort"
)

func main() {
	doc := map[string]any{
		"name":  "widget",
		"count": 3,
		"price": 2.5,
		"tags":  []any{"a", "b", 7},
		"meta":  map[string]any{"ok": true},
	}
	keys := make([]string, 0, len(doc))
	for k := range doc {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	total := 0.0
	for _, k := range keys {
		switch v := doc[k].(type) {
		case string:
			fmt.Printf("%s: string %q\n", k, v)
		case int:
			total += float64(v)
			fmt.Printf("%s: int %d\n", k, v)
		case float64:
			total += v
			fmt.Printf("%s: float %.2f\n", k, v)
		case []any:
			for i, item := range v {
				switch t := item.(type) {
				case string:
					fmt.Printf("%s[%d]: tag %s\n", k, i, t)
				default:
					fmt.Printf("%s[%d]: other %v (%T)\n", k, i, t, t)
				}
			}
		case map[string]any:
			if b, ok := v["ok"]; ok {
				switch bv := b.(type) {
				case bool:
					fmt.Println(k, "ok flag:", bv)
				}
			}
		}
	}
	fmt.Println("numeric total:", total)
}
