// Covers: errors, a custom Is method, errors.As into an interface the program declares, retries on a temporary error, recover into a named result, os.PathError, map elements assigned from a call.
package main

import (
	"errors"
	"fmt"
	"os"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

func (e *NotFound) Is(target error) bool {
	t, ok := target.(*NotFound)
	return ok && (t.Key == "" || t.Key == e.Key)
}

type Temporary interface{ Temporary() bool }

type netErr struct {
	msg  string
	temp bool
}

func (e netErr) Error() string   { return e.msg }
func (e netErr) Temporary() bool { return e.temp }

type Store struct{ data map[string]int }

func (s *Store) Get(k string) (int, error) {
	v, ok := s.data[k]
	if !ok {
		return 0, &NotFound{k}
	}
	return v, nil
}

func find(s *Store, k string) error {
	var nf *NotFound
	if _, err := s.Get(k); err != nil {
		errors.As(err, &nf)
	}
	if nf == nil {
		return nil
	}
	return nf
}

func retry(attempts int, f func(int) error) error {
	var err error
	for i := 0; i < attempts; i++ {
		err = f(i)
		if err == nil {
			return nil
		}
		var t Temporary
		if errors.As(err, &t) && t.Temporary() {
			fmt.Println("  retrying after", err)
			continue
		}
		return fmt.Errorf("attempt %d: %w", i, err)
	}
	return fmt.Errorf("gave up: %w", err)
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func main() {
	s := &Store{data: map[string]int{"a": 1}}
	_, err := s.Get("zz")
	fmt.Println(err, errors.Is(err, &NotFound{}), errors.Is(err, &NotFound{"zz"}), errors.Is(err, &NotFound{"q"}))
	fmt.Println(find(s, "a") == nil, find(s, "b"))
	err = retry(3, func(i int) error {
		if i < 2 {
			return netErr{fmt.Sprint("timeout ", i), true}
		}
		return netErr{"refused", false}
	})
	fmt.Println(err)
	var ne netErr
	fmt.Println(errors.As(err, &ne), ne.msg)
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(7, 0))
	_, err = os.Open("/definitely/not/here")
	var pe *os.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, errors.Is(err, os.ErrNotExist))
	errs := map[string]error{}
	for _, k := range []string{"x", "y"} {
		_, errs[k] = s.Get(k)
	}
	fmt.Println(errs["x"], errs["y"], errs["x"] == errs["y"])
}
