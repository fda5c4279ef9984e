// Covers: Go 1.26 new(expr), new applied to a value expression giving a pointer to a copy, new(T) still zeroes, optional-field structs.
package main

import "fmt"

type Config struct {
	Name    string
	Retries *int
	Verbose *bool
}

func describe(c Config) string {
	r, v := "default", "default"
	if c.Retries != nil {
		r = fmt.Sprint(*c.Retries)
	}
	if c.Verbose != nil {
		v = fmt.Sprint(*c.Verbose)
	}
	return fmt.Sprintf("%s retries=%s verbose=%s", c.Name, r, v)
}

func compute() int { return 6 * 7 }

func main() {
	p := new(42)
	fmt.Println("*new(42):", *p)
	fmt.Printf("%T\n", p)

	q := new(compute())
	*q += 1
	fmt.Println("*new(compute())+1:", *q)

	x := 10
	px := new(x) // copy of x, not &x
	*px = 99
	fmt.Println("x unchanged:", x, "copy:", *px)

	s := new("hello")
	f := new(2.5)
	b := new(true)
	fmt.Printf("%q %v %v %T %T\n", *s, *f, *b, f, b)

	arr := new([3]int{1, 2, 3})
	arr[0] = 100
	fmt.Println("pointer to array copy:", *arr)

	pt := new(struct{ X, Y int }{1, 2})
	pt.Y = 20
	fmt.Printf("%+v\n", *pt)

	z := new(int)
	fmt.Println("new(int) zero:", *z)

	cfgs := []Config{
		{Name: "a"},
		{Name: "b", Retries: new(3)},
		{Name: "c", Retries: new(0), Verbose: new(false)},
	}
	for _, c := range cfgs {
		fmt.Println(describe(c))
	}

	u := new(uint8(250))
	*u += 10
	fmt.Println("typed new wraps:", *u)
}
