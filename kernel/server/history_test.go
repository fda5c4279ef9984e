package server

import (
	"reflect"
	"testing"
)

func TestGlobMatch(t *testing.T) {
	cases := []struct {
		pattern, s string
		want       bool
	}{
		{"1 + *", "1 + 2", true},
		{"1 + *", "1 - 2", false},
		{"*", "", true},
		{"a?c", "abc", true},
		{"a?c", "ac", false},
		{"*x*", "for {\n\tx++\n}", true}, // * crosses newlines
		{"a*b*c", "a__b__c", true},
		{"a*b*c", "a__c__b", false},
		{"é?", "éü", true}, // ? is one character, not one byte
	}
	for _, c := range cases {
		if got := globMatch(c.pattern, c.s); got != c.want {
			t.Errorf("globMatch(%q, %q) = %v, want %v", c.pattern, c.s, got, c.want)
		}
	}
}

func TestHistoryQueries(t *testing.T) {
	var h history
	for i, code := range []string{"1 + 2", "x := 1", "1 + 2", "x"} {
		h.add(i+1, code)
	}
	h.setOutput(4, "1")
	inputs := func(rows []any) (out []string) {
		for _, r := range rows {
			out = append(out, r.([]any)[2].(string))
		}
		return out
	}
	if got := inputs(h.query(historyRequest{HistAccessType: "tail", N: 2})); !reflect.DeepEqual(got, []string{"1 + 2", "x"}) {
		t.Errorf("tail 2 = %q", got)
	}
	rows := h.query(historyRequest{HistAccessType: "range", Session: historySession, Start: 2, Stop: 3})
	if len(rows) != 1 || rows[0].([]any)[1] != 2 {
		t.Errorf("range [2,3) = %v", rows)
	}
	if got := inputs(h.query(historyRequest{HistAccessType: "search", Pattern: "1 + *"})); len(got) != 2 {
		t.Errorf("search = %q, want both 1 + 2", got)
	}
	if got := inputs(h.query(historyRequest{HistAccessType: "search", Pattern: "1 + *", Unique: true})); len(got) != 1 {
		t.Errorf("unique search = %q", got)
	}
	rows = h.query(historyRequest{HistAccessType: "tail", N: 1, Output: true})
	pair := rows[0].([]any)[2].([]any)
	if pair[0] != "x" || *(pair[1].(*string)) != "1" {
		t.Errorf("tail with output = %v", pair)
	}
}
