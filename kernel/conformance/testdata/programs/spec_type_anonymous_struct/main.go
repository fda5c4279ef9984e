// Covers: struct types without names, anonymous struct literals for table-driven tests, config values and slices of anonymous structs.
package main

import "fmt"

func fizzbuzz(n int) string {
	switch {
	case n%15 == 0:
		return "FizzBuzz"
	case n%3 == 0:
		return "Fizz"
	case n%5 == 0:
		return "Buzz"
	}
	return fmt.Sprint(n)
}

func main() {
	tests := []struct {
		in   int
		want string
	}{
		{1, "1"},
		{3, "Fizz"},
		{10, "Buzz"},
		{30, "FizzBuzz"},
		{7, "Seven"},
	}
	passed := 0
	for _, tc := range tests {
		got := fizzbuzz(tc.in)
		if got == tc.want {
			passed++
		} else {
			fmt.Printf("FAIL fizzbuzz(%d) = %q, want %q\n", tc.in, got, tc.want)
		}
	}
	fmt.Printf("%d/%d passed\n", passed, len(tests))

	config := struct {
		Host    string
		Port    int
		Retries []int
	}{Host: "localhost", Port: 8080, Retries: []int{1, 2, 4}}
	fmt.Printf("%v\n%+v\n", config, config)

	point := struct{ X, Y float64 }{1.5, -2}
	fmt.Printf("%T\n", point)

	type named struct{ X, Y float64 }
	n := named(point) // identical underlying types convert
	fmt.Printf("%+v %T\n", n, n)

	var empty struct{}
	set := map[string]struct{}{"a": empty, "b": {}}
	_, hasA := set["a"]
	fmt.Println("set size:", len(set), "has a:", hasA, "empty struct:", empty)

	nested := struct {
		Name  string
		Inner struct{ Level int }
	}{Name: "outer"}
	nested.Inner.Level = 3
	fmt.Printf("%+v\n", nested)
}
