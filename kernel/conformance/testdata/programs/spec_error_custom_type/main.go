// Covers: the error interface, custom error types with value and pointer receivers, typed-nil-in-interface pitfall, type switch on errors.
package main

import (
	"fmt"
	"strconv"
)

type ParseError struct {
	Line int
	Msg  string
}

func (e ParseError) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Msg }

type LimitError struct{ Max int }

func (e *LimitError) Error() string { return fmt.Sprintf("over limit %d", e.Max) }

func parseLines(lines []string) (int, error) {
	sum := 0
	for i, l := range lines {
		n, err := strconv.Atoi(l)
		if err != nil {
			return 0, ParseError{Line: i + 1, Msg: "not a number: " + l}
		}
		sum += n
		if sum > 100 {
			return sum, &LimitError{Max: 100}
		}
	}
	return sum, nil
}

func mayFail(fail bool) error {
	var le *LimitError
	if fail {
		le = &LimitError{Max: 1}
	}
	return le // typed nil when !fail
}

func main() {
	inputs := [][]string{{"1", "2", "3"}, {"4", "x", "6"}, {"60", "50", "1"}}
	for _, in := range inputs {
		sum, err := parseLines(in)
		switch e := err.(type) {
		case nil:
			fmt.Println("sum:", sum)
		case ParseError:
			fmt.Println("parse error on line", e.Line, "->", e)
		case *LimitError:
			fmt.Println("limit", e.Max, "exceeded with", sum, "->", err)
		}
	}

	err := mayFail(false)
	fmt.Println("typed nil error == nil?", err == nil)
	fmt.Printf("dynamic type %T\n", err)
	var plain error
	fmt.Println("plain nil error == nil?", plain == nil)

	var e1 error = ParseError{1, "x"}
	var e2 error = ParseError{1, "x"}
	fmt.Println("value errors comparable:", e1 == e2)
	fmt.Println("distinct pointer errors equal:", error(&LimitError{1}) == error(&LimitError{1}))
}
