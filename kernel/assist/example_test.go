package assist_test

import (
	"fmt"
	"strings"

	"github.com/traefik/yaegi/stdlib"

	"github.com/gophlow/gophlow/kernel/assist"
)

func ExampleComplete() {
	code := "x := 2.0\nfmt.Pr"
	c := assist.Complete(code, len([]rune(code)), nil, stdlib.Symbols)
	fmt.Println(c.Matches, c.CursorStart, c.CursorEnd, c.Types[0].Type)
	// Output: [Print Printf Println] 13 15 function
}

func ExampleEnv_Complete() {
	// Members of a value whose type the cell tells.
	env := assist.Env{Packages: stdlib.Symbols}
	code := "var sb strings.Builder\nsb.Wr"
	fmt.Println(env.Complete(code, len([]rune(code))).Matches)
	// Output: [Write WriteByte WriteRune WriteString]
}

func ExampleInspect() {
	code := "y := math.Sqrt(2)"
	text, found := assist.Inspect(code, len("y := math.Sq"), 0, nil, stdlib.Symbols)
	lines := strings.Split(text, "\n")
	fmt.Println(found)
	fmt.Println(lines[0])
	fmt.Println(strings.TrimSpace(lines[2]))
	// Output:
	// true
	// func Sqrt(x float64) float64
	// Sqrt returns the square root of x.
}

func ExampleIsComplete() {
	for _, code := range []string{"x := 1", "for i := 0; i < 3; i++ {", "y := x +", "f(1))"} {
		status, indent := assist.IsComplete(code)
		fmt.Printf("%-8s %-10s %q\n", code[:min(len(code), 8)], status, indent)
	}
	// Output:
	// x := 1   complete   ""
	// for i := incomplete "    "
	// y := x + incomplete "    "
	// f(1))    invalid    ""
}
