package maps_test

import (
	"testing"

	"github.com/gophlow/gophlow/kernel/generic/internal/rules"
)

// TestRules checks the body rules and the API against the standard maps.
func TestRules(t *testing.T) {
	p, err := rules.Load(".", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range rules.Check(p) {
		t.Error(v)
	}
	diff, err := rules.API(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diff {
		t.Error(d)
	}
}
