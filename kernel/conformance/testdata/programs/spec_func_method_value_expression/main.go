// Covers: method values (bound receiver, evaluated at binding time) and method expressions `T.M` / `(*T).M`.
package main

import "fmt"

type Counter struct {
	name string
	n    int
}

func (c *Counter) Inc()            { c.n++ }
func (c Counter) Get() int         { return c.n }
func (c Counter) Label() string    { return fmt.Sprintf("%s=%d", c.name, c.n) }
func (c *Counter) Add(d int) int   { c.n += d; return c.n }
func (c Counter) Scaled(k int) int { return c.n * k }

func main() {
	c := Counter{name: "clicks"}
	inc := c.Inc // method value with pointer receiver: binds &c
	inc()
	inc()
	fmt.Println("after inc():", c.n)

	get := c.Get // value receiver: c copied now
	c.Inc()
	fmt.Println("bound get():", get(), "current:", c.Get())

	label := c.Label
	c.name = "renamed"
	fmt.Println("label uses copy:", label())

	add := (*Counter).Add // method expression
	fmt.Println("add via expression:", add(&c, 10))

	scaled := Counter.Scaled
	fmt.Println("scaled:", scaled(c, 3))

	getPtr := (*Counter).Get // value method through pointer type
	fmt.Println("get via (*Counter).Get:", getPtr(&c))

	counters := []*Counter{{name: "a"}, {name: "b", n: 5}}
	var actions []func()
	for _, ct := range counters {
		actions = append(actions, ct.Inc)
	}
	for _, act := range actions {
		act()
		act()
	}
	for _, ct := range counters {
		fmt.Println(ct.Label())
	}
	fmt.Printf("%T | %T\n", add, scaled)
}
