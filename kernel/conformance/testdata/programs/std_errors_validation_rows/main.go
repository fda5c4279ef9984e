// Covers: errors, a value-receiver error type with Unwrap collected in a loop, sentinels, errors.Is/As through %w and Join, == on errors, %T of unwrapped errors.
package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

var ErrEmpty = errors.New("empty input")

type FieldError struct {
	Field string
	Value string
	Err   error
}

func (e FieldError) Error() string {
	return fmt.Sprintf("field %s=%q: %v", e.Field, e.Value, e.Err)
}

func (e FieldError) Unwrap() error { return e.Err }

type Record struct {
	Name string
	Age  int
}

func parse(line string) (Record, error) {
	if strings.TrimSpace(line) == "" {
		return Record{}, ErrEmpty
	}
	parts := strings.Split(line, ",")
	if len(parts) != 2 {
		return Record{}, fmt.Errorf("line %q: want 2 fields, got %d", line, len(parts))
	}
	age, err := strconv.Atoi(strings.TrimSpace(parts[1]))
	if err != nil {
		return Record{}, FieldError{Field: "age", Value: parts[1], Err: err}
	}
	return Record{Name: strings.TrimSpace(parts[0]), Age: age}, nil
}

func main() {
	lines := []string{"ann, 31", "", "bob,x", "cy", "dee, 40", "eve, -"}
	var recs []Record
	var errs []error
	for i, l := range lines {
		r, err := parse(l)
		if err != nil {
			errs = append(errs, fmt.Errorf("row %d: %w", i+1, err))
			continue
		}
		recs = append(recs, r)
	}
	fmt.Println(recs)
	for _, e := range errs {
		var fe FieldError
		switch {
		case errors.Is(e, ErrEmpty):
			fmt.Println("empty:", e)
		case errors.As(e, &fe):
			var ne *strconv.NumError
			fmt.Println("field:", fe.Field, fe.Value, errors.As(e, &ne), ne.Func)
		default:
			fmt.Println("other:", e)
		}
	}
	all := errors.Join(errs...)
	fmt.Println(strings.Count(all.Error(), "\n")+1, errors.Is(all, ErrEmpty))
	first := errs[0]
	fmt.Println(first == errs[0], errors.Unwrap(errs[1]) == ErrEmpty)
	fmt.Printf("%T %T\n", errors.Unwrap(errs[0]), errors.Unwrap(errs[1]))
}
