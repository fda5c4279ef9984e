// Covers: errors of value and pointer types sent on a channel by goroutines in a loop, errors.As into both, fmt.Stringer values on a channel, sorting errors, a map of errors.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

type JobError struct {
	ID   int
	Err  error
	Temp bool
}

func (e JobError) Error() string { return fmt.Sprintf("job %d: %v", e.ID, e.Err) }
func (e JobError) Unwrap() error { return e.Err }

var ErrBusy = errors.New("busy")

type Result struct {
	ID  int
	Out string
}

func (r Result) String() string { return fmt.Sprintf("#%d=%s", r.ID, r.Out) }

func work(id int) (Result, error) {
	switch {
	case id%3 == 0:
		return Result{}, JobError{ID: id, Err: ErrBusy, Temp: true}
	case id%5 == 0:
		return Result{}, &JobError{ID: id, Err: fmt.Errorf("bad input %d", id)}
	}
	return Result{id, strings.Repeat("x", id%4)}, nil
}

func main() {
	errc := make(chan error, 20)
	resc := make(chan fmt.Stringer, 20)
	var wg sync.WaitGroup
	for i := 1; i <= 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := work(i)
			if err != nil {
				errc <- err
				return
			}
			resc <- r
		}()
	}
	wg.Wait()
	close(errc)
	close(resc)
	var errs []error
	for e := range errc {
		errs = append(errs, e)
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	for _, e := range errs {
		var je JobError
		var pje *JobError
		switch {
		case errors.As(e, &je):
			fmt.Println("value", je.ID, je.Temp, errors.Is(e, ErrBusy))
		case errors.As(e, &pje):
			fmt.Println("pointer", pje.ID, pje.Err)
		}
	}
	var res []fmt.Stringer
	for r := range resc {
		res = append(res, r)
	}
	sort.Slice(res, func(i, j int) bool { return res[i].String() < res[j].String() })
	fmt.Println(res)
	var firstTemp error
	for _, e := range errs {
		if je, ok := e.(JobError); ok && je.Temp {
			firstTemp = je
			break
		}
	}
	fmt.Printf("%v %T\n", firstTemp, firstTemp)
	m := map[string]error{}
	for _, e := range errs {
		m[fmt.Sprint(len(e.Error()))] = e
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys, len(m))
}
