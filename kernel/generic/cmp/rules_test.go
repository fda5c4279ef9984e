package cmp_test

import (
	"testing"

	"github.com/gophlow/gophlow/kernel/generic/internal/rules"
)

// TestRules checks the body rules and the API against the standard cmp.
func TestRules(t *testing.T) { rules.Test(t, ".") }
