// Covers: errors, New/Is/As/Unwrap with sentinel errors and a custom error type, errors.As into interface targets, io/fs sentinels.
package main

import (
	"errors"
	"fmt"
	"io/fs"
)

var (
	ErrEmpty    = errors.New("empty input")
	ErrTooLarge = errors.New("too large")
)

type ValidationError struct {
	Field string
	Limit int
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("field %s exceeds %d", e.Field, e.Limit)
}

func (e *ValidationError) Unwrap() error { return ErrTooLarge }

func validate(name string, age int) error {
	if name == "" {
		return fmt.Errorf("validate: %w", ErrEmpty)
	}
	if age > 150 {
		return fmt.Errorf("validate %q: %w", name, &ValidationError{"age", 150})
	}
	return nil
}

type temporary interface{ Temporary() bool }

func main() {
	cases := []struct {
		name string
		age  int
	}{{"ann", 30}, {"", 5}, {"methuselah", 969}}
	for _, c := range cases {
		err := validate(c.name, c.age)
		fmt.Printf("%q/%d: %v\n", c.name, c.age, err)
		if err == nil {
			continue
		}
		fmt.Println("  Is ErrEmpty:", errors.Is(err, ErrEmpty), " Is ErrTooLarge:", errors.Is(err, ErrTooLarge))
		var ve *ValidationError
		if errors.As(err, &ve) {
			fmt.Println("  As ValidationError: field", ve.Field, "limit", ve.Limit)
		}
		var tmp temporary
		fmt.Println("  As temporary:", errors.As(err, &tmp))
		inner := errors.Unwrap(err)
		fmt.Printf("  Unwrap: %v (%T)\n", inner, inner)
	}

	wrapped := fmt.Errorf("open config: %w", fs.ErrNotExist)
	fmt.Println(errors.Is(wrapped, fs.ErrNotExist), errors.Is(wrapped, fs.ErrExist))
	fmt.Println(errors.New("x") == errors.New("x"), errors.Is(nil, ErrEmpty), errors.Unwrap(ErrEmpty) == nil)
	pe := &fs.PathError{Op: "open", Path: "settings.toml", Err: fs.ErrPermission}
	err := fmt.Errorf("startup: %w", pe)
	var target *fs.PathError
	if errors.As(err, &target) {
		fmt.Println(target.Op, target.Path, target.Err, errors.Is(err, fs.ErrPermission))
	}
	fmt.Println(err)
}
