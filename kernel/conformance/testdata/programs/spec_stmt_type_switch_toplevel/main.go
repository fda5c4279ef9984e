// Covers: type switches, `switch v := x.(type)` at main's top level with multi-type cases, nil case and default.
package main

import "fmt"

type Celsius float64

func main() {
	var x any = 42
	switch v := x.(type) {
	case int:
		fmt.Println("int plus one:", v+1)
	case string:
		fmt.Println("string:", v)
	default:
		fmt.Println("other")
	}

	x = Celsius(21.5)
	switch v := x.(type) {
	case float64:
		fmt.Println("float64", v)
	case Celsius:
		fmt.Printf("celsius %.1f (%T)\n", v, v)
	}

	x = []byte("ab")
	switch v := x.(type) {
	case int, int64:
		fmt.Printf("some int %v %T\n", v, v)
	case []byte, string:
		fmt.Printf("bytes-or-string %v %T\n", v, v)
	}

	x = nil
	switch v := x.(type) {
	case nil:
		fmt.Println("nil case, v is", v)
	default:
		fmt.Println("not nil")
	}

	x = fmt.Errorf("boom")
	switch x.(type) {
	case fmt.Stringer:
		fmt.Println("stringer")
	case error:
		fmt.Println("error:", x)
	}
}
