// Covers: encoding/json, MarshalIndent, Unmarshal into map[string]any / []any (float64 numbers), sorted map keys in output, HTML escaping, Indent/Compact/Valid.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
)

func main() {
	doc := map[string]any{
		"name":    "gophlow",
		"stars":   1234,
		"ratio":   0.75,
		"tags":    []string{"go", "jupyter"},
		"owner":   map[string]any{"login": "gopher", "id": 1},
		"nothing": nil,
		"html":    "<b>&</b>",
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	fmt.Println(string(out), err)

	var generic map[string]any
	json.Unmarshal(out, &generic)
	for _, k := range slices.Sorted(maps.Keys(generic)) {
		fmt.Printf("%-8s %-24T %v\n", k, generic[k], generic[k])
	}
	stars := generic["stars"].(float64)
	fmt.Println("stars+1 =", stars+1)
	owner := generic["owner"].(map[string]any)
	fmt.Println("owner login:", owner["login"])

	var list []any
	json.Unmarshal([]byte(`[1, "two", true, null, {"x": [3]}, 1e3, 12345678901234567890]`), &list)
	for i, v := range list {
		fmt.Printf("%d: %T %v\n", i, v, v)
	}

	var compact bytes.Buffer
	json.Compact(&compact, []byte("{ \"a\" : [ 1, 2 ],\n \"b\": {} }"))
	fmt.Println(compact.String())
	var pretty bytes.Buffer
	json.Indent(&pretty, compact.Bytes(), ">", "\t")
	fmt.Println(pretty.String())
	fmt.Println(json.Valid([]byte(`{"ok": true}`)), json.Valid([]byte(`{ok: true}`)))
	b, _ := json.Marshal([]float64{1, 1.5, 1e21, 0.000001, 1e-7})
	fmt.Println(string(b))
	b, _ = json.Marshal(map[int]string{10: "ten", 2: "two"})
	fmt.Println(string(b))
}
