// Covers: errors, AsType generic helper (Go 1.26) with pointer and value error types, compared with errors.As, through Join and %w chains.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
)

type HTTPError struct {
	Code int
	URL  string
}

func (e HTTPError) Error() string { return fmt.Sprintf("HTTP %d for %s", e.Code, e.URL) }

type RetryError struct {
	Attempts int
	Err      error
}

func (e *RetryError) Error() string {
	return fmt.Sprintf("gave up after %d attempts: %v", e.Attempts, e.Err)
}
func (e *RetryError) Unwrap() error { return e.Err }

func fetch(url string, attempts int) error {
	return &RetryError{Attempts: attempts, Err: HTTPError{503, url}}
}

func main() {
	err := fmt.Errorf("sync job: %w", fetch("/api/items", 3))
	fmt.Println(err)

	if he, ok := errors.AsType[HTTPError](err); ok {
		fmt.Println("status code:", he.Code, "url:", he.URL)
	}
	if re, ok := errors.AsType[*RetryError](err); ok {
		fmt.Println("attempts:", re.Attempts)
	}
	pe, ok := errors.AsType[*fs.PathError](err)
	fmt.Println("path error?", ok, pe == nil)

	var he2 HTTPError
	fmt.Println("errors.As agrees:", errors.As(err, &he2), he2.Code)

	_, convErr := strconv.Atoi("12x")
	joined := errors.Join(convErr, &fs.PathError{Op: "stat", Path: "data.csv", Err: fs.ErrNotExist})
	if ne, ok := errors.AsType[*strconv.NumError](joined); ok {
		fmt.Printf("num error: func=%s input=%q err=%v\n", ne.Func, ne.Num, ne.Err)
	}
	if p, ok := errors.AsType[*fs.PathError](joined); ok {
		fmt.Println("path error:", p.Op, p.Path, errors.Is(p, fs.ErrNotExist))
	}
	_, ok = errors.AsType[HTTPError](nil)
	fmt.Println("nil error matches:", ok)
	if e, ok := errors.AsType[error](joined); ok {
		fmt.Println("any error:", e == joined)
	}
}
