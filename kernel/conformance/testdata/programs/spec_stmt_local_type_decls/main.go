// Covers: declarations inside function bodies: local types, constants, vars and recursive func literals declared in main's top level.
package main

import (
	"fmt"
	"sort"
)

func main() {
	type employee struct {
		name   string
		salary int
		dept   string
	}
	type byDept map[string][]employee

	const raisePct = 10
	var (
		staff = []employee{
			{"ann", 5000, "eng"},
			{"bob", 4000, "ops"},
			{"cat", 6000, "eng"},
		}
		groups = byDept{}
	)

	for i := range staff {
		staff[i].salary += staff[i].salary * raisePct / 100
		e := staff[i]
		groups[e.dept] = append(groups[e.dept], e)
	}

	depts := make([]string, 0, len(groups))
	for d := range groups {
		depts = append(depts, d)
	}
	sort.Strings(depts)
	for _, d := range depts {
		total := 0
		for _, e := range groups[d] {
			total += e.salary
		}
		fmt.Printf("%s: %d people, payroll %d\n", d, len(groups[d]), total)
	}
	fmt.Printf("%+v\n", staff[0])
	fmt.Printf("%T %T\n", staff[0], groups)

	var gcd func(a, b int) int
	gcd = func(a, b int) int {
		if b == 0 {
			return a
		}
		return gcd(b, a%b)
	}
	fmt.Println("gcd(84, 36):", gcd(84, 36))

	type celsius float64
	type reading struct {
		where string
		temp  celsius
	}
	rs := []reading{{"in", 21.5}, {"out", -3}}
	fmt.Printf("%v %+v %T\n", rs, rs[1], rs[1].temp)

	{
		type employee struct{ id int } // shadows the outer local type
		fmt.Printf("%+v %T\n", employee{7}, employee{7})
	}
}
