// Covers: errors, custom error types with Unwrap, Is method override for category matching, layered wrapping in a file-processing task.
package main

import (
	"errors"
	"fmt"
)

type Kind int

const (
	KindNotFound Kind = iota + 1
	KindInvalid
)

func (k Kind) String() string {
	return map[Kind]string{KindNotFound: "not found", KindInvalid: "invalid"}[k]
}

type OpError struct {
	Op   string
	Kind Kind
	Err  error
}

func (e *OpError) Error() string {
	if e.Err == nil {
		return e.Op + ": " + e.Kind.String()
	}
	return e.Op + ": " + e.Kind.String() + ": " + e.Err.Error()
}

func (e *OpError) Unwrap() error { return e.Err }

func (e *OpError) Is(target error) bool {
	t, ok := target.(*OpError)
	return ok && t.Op == "" && t.Kind == e.Kind
}

var (
	NotFound = &OpError{Kind: KindNotFound}
	Invalid  = &OpError{Kind: KindInvalid}
)

func parseRecord(line int, s string) error {
	switch {
	case s == "":
		return &OpError{Op: fmt.Sprintf("line %d", line), Kind: KindInvalid, Err: errors.New("blank record")}
	case s[0] == '?':
		return &OpError{Op: fmt.Sprintf("line %d", line), Kind: KindNotFound}
	}
	return nil
}

func main() {
	records := []string{"alice", "", "?bob", "carol"}
	for i, r := range records {
		err := parseRecord(i+1, r)
		if err != nil {
			err = fmt.Errorf("import users.csv: %w", err)
		}
		switch {
		case err == nil:
			fmt.Printf("record %d ok: %s\n", i+1, r)
		case errors.Is(err, NotFound):
			fmt.Printf("record %d missing -> %v\n", i+1, err)
		case errors.Is(err, Invalid):
			var op *OpError
			errors.As(err, &op)
			fmt.Printf("record %d invalid -> %v (op=%q, inner=%v)\n", i+1, err, op.Op, op.Err)
		}
	}
	fmt.Println(errors.Is(&OpError{Op: "x", Kind: KindInvalid}, Invalid), errors.Is(Invalid, NotFound))
}
