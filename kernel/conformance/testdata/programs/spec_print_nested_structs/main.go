// Covers: printing nested and embedded structs, slices of structs inside structs, interface-typed fields and maps of structs with %v/%+v/%#v.
package main

import "fmt"

type Address struct {
	Street string
	City   string
}

type contact struct {
	kind  string
	value string
}

type Base struct{ ID int }

type Customer struct {
	Base
	Name     string
	Home     Address
	Work     *Address
	Contacts []contact
	Extra    any
	Notes    map[string]int
}

func main() {
	c := Customer{
		Base:     Base{ID: 17},
		Name:     "Dana",
		Home:     Address{"1 Main St", "Springfield"},
		Contacts: []contact{{"email", "d@x.org"}, {"phone", "555"}},
		Extra:    contact{"fax", "none"},
		Notes:    map[string]int{"visits": 3, "complaints": 0},
	}
	fmt.Printf("%v\n", c)
	fmt.Printf("%+v\n", c)
	fmt.Printf("%#v\n", c)
	fmt.Printf("%T %T %T\n", c.Base, c.Contacts, c.Extra)

	c.Extra = 3.5
	fmt.Printf("%+v\n", c.Extra)
	c.Extra = []int{1}
	fmt.Printf("%#v\n", c.Extra)

	type tree struct {
		Val      int
		Children []tree
	}
	t := tree{1, []tree{{2, nil}, {3, []tree{{4, nil}}}}}
	fmt.Printf("%v\n%+v\n", t, t)

	byCity := map[string]Address{"s": c.Home}
	fmt.Printf("%v\n%+v\n", byCity, byCity)
}
