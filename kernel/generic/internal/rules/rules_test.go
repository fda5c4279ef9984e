package rules

import (
	"strings"
	"testing"
)

// TestCheckCatches makes sure every rule can fail.
func TestCheckCatches(t *testing.T) {
	src := `package slices

import (
	"iter"
	"math"

	"github.com/gophlow/gophlow/kernel/generic/cmp"
)

type Pair[T any] struct{ a, b T }

// First returns the first.
func First[S ~[]E, E any](s S) E { return s[0] }

// Bad does bad things.
func Bad[S ~[]E, E cmp.Ordered, P ~struct{ x int }](s S, seq iter.Seq[E], a any) S {
	_ = S{}
	_ = P{}
	_ = []P{{}}
	_ = First(s)
	_ = First[S](s)
	_ = First[S, E](s)
	_ = cmp.Compare(s[0], s[1])
	_ = cmp.Compare[E](s[0], s[1])
	f := cmp.Less[E]
	var g func(E, E) bool = cmp.Less
	_, _ = f, g
	_ = min(s[0], s[1])
	clear(s)
	for x := range seq {
		_ = x
	}
	_ = a.(int)
	_ = math.Pi
	return s
}

func undocumented() {}
`
	p, err := Load("../../slices", map[string]string{"bad.go": src})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(Check(p), "\n")
	for _, want := range []string{
		"import of math",
		"generic type Pair",
		"composite literal of type parameter type S",
		"composite literal of type parameter type P",
		"bad.go:20:6: use of First without explicit",
		"bad.go:21:6: First instantiated with 1 of its type arguments",
		"bad.go:23:10: use of Compare without explicit",
		"bad.go:26:30: use of Less without explicit",
		"use of builtin min",
		"use of builtin clear",
		"range over function",
		"type assertion",
		"undocumented lacks a doc comment",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("violation %q not reported", want)
		}
	}
	for _, line := range []string{":22:", ":24:", ":25:"} {
		if strings.Contains(got, line) {
			t.Errorf("correct line %s reported:\n%s", line, got)
		}
	}
	if t.Failed() {
		t.Log(got)
	}
}

// TestAPICatches makes sure API reports a wrong signature.
func TestAPICatches(t *testing.T) {
	src := `package cmp

// Ordered is ordered.
type Ordered interface{ ~int | ~string }

// Compare compares.
func Compare[T Ordered](x, y T) int { return 0 }

// Less is less.
func Less[T Ordered](x T, y T) bool { return false }

// Extra is not in the standard library.
func Extra() {}
`
	p, err := Load("../../cmp", map[string]string{"bad.go": src})
	if err != nil {
		t.Fatal(err)
	}
	diff, err := API(p)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(diff, "\n")
	for _, want := range []string{"Ordered: have type", "missing func cmp.Or", "extra func cmp.Extra"} {
		if !strings.Contains(got, want) {
			t.Errorf("difference %q not reported in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Less") || strings.Contains(got, "Compare") {
		t.Errorf("equal signatures reported:\n%s", got)
	}
}
