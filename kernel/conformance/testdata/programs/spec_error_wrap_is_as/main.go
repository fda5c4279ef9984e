// Covers: error values, fmt.Errorf %w wrapping, errors.Is through wrap chains, errors.As to a custom type, errors.Join.
package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")
var ErrPermission = errors.New("permission denied")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return "query " + e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func lookup(user string) error {
	switch user {
	case "ghost":
		return &QueryError{Query: "SELECT " + user, Err: ErrNotFound}
	case "guest":
		return fmt.Errorf("lookup %s: %w", user, ErrPermission)
	}
	return nil
}

func handler(user string) error {
	if err := lookup(user); err != nil {
		return fmt.Errorf("handler: %w", err)
	}
	return nil
}

func main() {
	for _, u := range []string{"alice", "ghost", "guest"} {
		err := handler(u)
		fmt.Printf("%s: %v\n", u, err)
		fmt.Println("  is NotFound:", errors.Is(err, ErrNotFound), "is Permission:", errors.Is(err, ErrPermission))
		var qe *QueryError
		if errors.As(err, &qe) {
			fmt.Println("  QueryError with query:", qe.Query)
		}
	}

	err := handler("ghost")
	fmt.Println("unwrap once:", errors.Unwrap(err))
	fmt.Println("unwrap twice:", errors.Unwrap(errors.Unwrap(err)))

	joined := errors.Join(ErrNotFound, fmt.Errorf("ctx: %w", ErrPermission))
	fmt.Println("joined:", joined)
	fmt.Println("joined is both:", errors.Is(joined, ErrNotFound), errors.Is(joined, ErrPermission))

	multi := fmt.Errorf("a=%w b=%w", ErrNotFound, ErrPermission)
	fmt.Println(multi, errors.Is(multi, ErrPermission))

	plain := fmt.Errorf("no wrap: %v", ErrNotFound)
	fmt.Println("verb v does not wrap:", errors.Is(plain, ErrNotFound))
}
