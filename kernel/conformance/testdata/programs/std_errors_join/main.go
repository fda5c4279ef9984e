// Covers: errors, Join (multi-line Error text, nil filtering), Is/As through joined errors, Unwrap() []error, collecting validation errors.
package main

import (
	"errors"
	"fmt"
	"strings"
)

var ErrRequired = errors.New("required")

type RangeError struct {
	Field    string
	Min, Max int
	Got      int
}

func (e RangeError) Error() string {
	return fmt.Sprintf("%s=%d out of range [%d,%d]", e.Field, e.Got, e.Min, e.Max)
}

type Form struct {
	User     string
	Email    string
	Age      int
	Quantity int
}

func (f Form) Validate() error {
	var errs []error
	if f.User == "" {
		errs = append(errs, fmt.Errorf("user: %w", ErrRequired))
	}
	if !strings.Contains(f.Email, "@") {
		errs = append(errs, fmt.Errorf("email %q: %w", f.Email, errors.New("missing @")))
	}
	if f.Age < 13 || f.Age > 120 {
		errs = append(errs, RangeError{"age", 13, 120, f.Age})
	}
	if f.Quantity < 1 || f.Quantity > 10 {
		errs = append(errs, RangeError{"quantity", 1, 10, f.Quantity})
	}
	return errors.Join(errs...)
}

func main() {
	forms := []Form{
		{"zed", "zed@example.com", 40, 2},
		{"", "nobody", 7, 0},
		{"amy", "amy@x", 30, 11},
	}
	for i, f := range forms {
		err := f.Validate()
		if err == nil {
			fmt.Printf("form %d ok\n", i)
			continue
		}
		fmt.Printf("form %d errors:\n%v\n", i, err)
		fmt.Println("  required missing:", errors.Is(err, ErrRequired))
		var re RangeError
		if errors.As(err, &re) {
			fmt.Println("  first range error field:", re.Field)
		}
		if u, ok := err.(interface{ Unwrap() []error }); ok {
			fmt.Println("  count:", len(u.Unwrap()))
		}
	}
	fmt.Println(errors.Join() == nil, errors.Join(nil, nil) == nil)
	j := errors.Join(errors.New("a"), nil, errors.New("b"))
	fmt.Printf("%q\n", j.Error())
	outer := fmt.Errorf("batch failed: %w", j)
	fmt.Println(strings.Count(outer.Error(), "\n"), errors.Unwrap(outer) == j)
}
