// Covers: maps, Clone, Equal, EqualFunc, DeleteFunc, Copy, built-in clear, snapshot/diff of a settings map.
package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

func diff(old, cur map[string]string) []string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(old)) {
		if v, ok := cur[k]; !ok {
			out = append(out, "- "+k)
		} else if v != old[k] {
			out = append(out, fmt.Sprintf("~ %s: %s -> %s", k, old[k], v))
		}
	}
	for _, k := range slices.Sorted(maps.Keys(cur)) {
		if _, ok := old[k]; !ok {
			out = append(out, "+ "+k+"="+cur[k])
		}
	}
	return out
}

func main() {
	settings := map[string]string{"theme": "dark", "lang": "en", "font": "mono", "tmp_cache": "1", "tmp_lock": "0"}
	snapshot := maps.Clone(settings)
	fmt.Println("equal after clone:", maps.Equal(settings, snapshot))

	settings["lang"] = "fr"
	settings["zoom"] = "125%"
	maps.DeleteFunc(settings, func(k, v string) bool { return strings.HasPrefix(k, "tmp_") })
	fmt.Println("equal after edits:", maps.Equal(settings, snapshot))
	for _, line := range diff(snapshot, settings) {
		fmt.Println(line)
	}

	a := map[string]string{"x": "Yes", "y": "NO"}
	b := map[string]string{"x": "yes", "y": "no"}
	fmt.Println(maps.Equal(a, b), maps.EqualFunc(a, b, strings.EqualFold))

	var nilMap map[string]string
	fmt.Println(maps.Clone(nilMap) == nil, maps.Equal(nilMap, map[string]string{}))

	counts := map[int]int{1: 10, 2: 0, 3: 5, 4: 0}
	maps.DeleteFunc(counts, func(_, v int) bool { return v == 0 })
	fmt.Println(counts, len(counts))
	merged := map[int]int{9: 9}
	maps.Copy(merged, counts)
	fmt.Println(merged)
	clear(merged)
	fmt.Println(merged, len(merged))
}
