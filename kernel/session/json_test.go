package session

import (
	"strconv"
	"testing"
)

// TestJSONOfTheCellsTypesIsGos checks the JSON rewrite (cellcheck's
// json.go, package jsonshape) in a session: without it json sees the
// interpreter's types, so each of these prints what it does not in
// compiled Go (the unexported field as Xinternal, Audit nested instead of
// promoted, the level as 2, map keys of a TextMarshaler rejected, an error
// naming "Go struct field .id").
func TestJSONOfTheCellsTypesIsGos(t *testing.T) {
	f := newFixture(t)
	text := func(code, want string) {
		t.Helper()
		f.expect(code, strconv.Quote(want))
	}
	f.ok("import (\n\t\"bytes\"\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"strings\"\n)")
	f.ok(`type Level int

var levelNames = []string{"debug", "info", "warn"}

func (l Level) MarshalJSON() ([]byte, error) { return json.Marshal(levelNames[l]) }

func (l *Level) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	for i, n := range levelNames {
		if strings.EqualFold(n, s) {
			*l = Level(i)
			return nil
		}
	}
	return fmt.Errorf("unknown level %q", s)
}`)
	f.ok("type Point struct{ X, Y int }\nfunc (p Point) MarshalText() ([]byte, error) { return fmt.Appendf(nil, \"%d:%d\", p.X, p.Y), nil }")
	f.ok("type Audit struct {\n\tCreatedBy string `json:\"created_by\"`\n}")
	f.ok("type Account struct {\n\tID    int64    `json:\"id\"`\n\tLevel Level    `json:\"level\"`\n\tParent *Account `json:\"parent,omitempty\"`\n\tinternal string\n\tAudit\n}")

	// Statements at the top level of a cell.
	text("acc := Account{ID: 7, Level: 2, internal: \"hidden\", Audit: Audit{\"admin\"}}\nb, err := json.Marshal(acc)\nstring(b) + fmt.Sprint(err)",
		`{"id":7,"level":"warn","created_by":"admin"}<nil>`)
	text("b, _ = json.MarshalIndent(&Account{Parent: &Account{ID: 1}}, \"\", \" \")\nstring(b)",
		"{\n \"id\": 0,\n \"level\": \"debug\",\n \"parent\": {\n  \"id\": 1,\n  \"level\": \"debug\",\n  \"created_by\": \"\"\n },\n \"created_by\": \"\"\n}")
	text("grid, err := json.Marshal(map[Point]string{{1, 2}: \"tree\", {0, 0}: \"home\"})\nstring(grid) + fmt.Sprint(err)",
		`{"0:0":"home","1:2":"tree"}<nil>`)
	text("var back Account\nerr = json.Unmarshal([]byte(`{\"id\": 3, \"level\": \"INFO\", \"created_by\": \"x\", \"parent\": {\"id\": 4}}`), &back)\nfmt.Sprint(err, back.ID, back.Level, back.CreatedBy, back.Parent.ID)",
		"<nil> 3 1x4") // Sprint puts no space next to a string
	text("err = json.Unmarshal([]byte(`{\"id\": \"seven\", \"level\": \"warn\"}`), &back)\nfmt.Sprint(err, \" \", back.Level)",
		"json: cannot unmarshal string into Go struct field Account.id of type int64 2")
	text("fmt.Sprint(json.Unmarshal([]byte(`{\"level\": \"fatal\"}`), &back))", `unknown level "fatal"`)
	text("loop := &Account{}\nloop.Parent = loop\n_, err = json.Marshal(loop)\nerr.Error()", "json: unsupported value: encountered a cycle via *main.Account")

	// A value held in an interface, or in a literal of compiled types.
	f.ok("func dump(v any) string { b, err := json.Marshal(v); return string(b) + fmt.Sprint(err) }")
	text(`dump(&Account{ID: 1, internal: "x"}) + dump([]int{1})`, `{"id":1,"level":"debug","created_by":""}<nil>[1]<nil>`)
	text("b, _ = json.Marshal(map[string]any{\"a\": acc, \"n\": []any{Level(1)}})\nstring(b)",
		`{"a":{"id":7,"level":"warn","created_by":"admin"},"n":["info"]}`)

	// Inside a function, through an Encoder and a Decoder.
	f.ok(`func roundTrip(in string) string {
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	dec := json.NewDecoder(strings.NewReader(in))
	dec.DisallowUnknownFields()
	for {
		var a Account
		if err := dec.Decode(&a); err != nil {
			return out.String() + err.Error()
		}
		enc.Encode(a)
	}
}`)
	text("roundTrip(`{\"id\": 1, \"level\": \"info\"} {\"id\": 2, \"extra\": 0}`)",
		"{\"id\":1,\"level\":\"info\",\"created_by\":\"\"}\n"+`json: unknown field "extra"`)
}
