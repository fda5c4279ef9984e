// Covers: encoding/json, Decoder over a stream of objects (More/Decode), Token-level parsing of an array, DisallowUnknownFields, UseNumber, Encoder with SetIndent.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type Reading struct {
	Sensor string  `json:"sensor"`
	Value  float64 `json:"value"`
}

func main() {
	stream := `{"sensor":"t1","value":21.5}
{"sensor":"t2","value":19}
{"sensor":"t1","value":22.25}`
	dec := json.NewDecoder(strings.NewReader(stream))
	sums := map[string]float64{}
	count := 0
	for dec.More() {
		var r Reading
		if err := dec.Decode(&r); err != nil {
			fmt.Println("decode:", err)
			break
		}
		count++
		sums[r.Sensor] += r.Value
	}
	fmt.Println("readings:", count, "t1 total:", sums["t1"], "t2 total:", sums["t2"])

	arr := json.NewDecoder(strings.NewReader(`[{"sensor":"a","value":1},{"sensor":"b","value":2}]`))
	tok, _ := arr.Token()
	fmt.Printf("open: %T %v\n", tok, tok)
	for arr.More() {
		var r Reading
		arr.Decode(&r)
		fmt.Printf("  element %+v\n", r)
	}
	tok, _ = arr.Token()
	fmt.Printf("close: %v\n", tok)

	tokens := json.NewDecoder(strings.NewReader(`{"k": [1, "s", false, null]}`))
	for {
		t, err := tokens.Token()
		if err != nil {
			break
		}
		fmt.Printf("%T:%v ", t, t)
	}
	fmt.Println()

	strict := json.NewDecoder(strings.NewReader(`{"sensor":"x","value":1,"unit":"C"}`))
	strict.DisallowUnknownFields()
	var r Reading
	fmt.Println("strict:", strict.Decode(&r))

	num := json.NewDecoder(strings.NewReader(`{"big": 12345678901234567890, "f": 1.5}`))
	num.UseNumber()
	var m map[string]any
	num.Decode(&m)
	big := m["big"].(json.Number)
	_, ierr := big.Int64()
	fmt.Println(big.String(), ierr != nil, m["f"])

	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	enc.Encode([]Reading{{"t1", 1}, {"t2", 2.5}})
	enc.SetEscapeHTML(false)
	enc.Encode("<no escape> & done")
}
