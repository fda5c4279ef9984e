package slot

import (
	"io"
	"strings"
	"testing"
)

func TestSetGetAndEmpty(t *testing.T) {
	var s Slot[io.Reader]
	if _, ok := s.Get(); ok {
		t.Fatal("a zero Slot holds something")
	}
	r := strings.NewReader("x")
	s.Set(r)
	if got, ok := s.Get(); !ok || got != r {
		t.Fatalf("Get = %v, %v", got, ok)
	}
	s.Set(nil)
	if _, ok := s.Get(); ok {
		t.Fatal("Set(nil) did not empty the slot")
	}
}
