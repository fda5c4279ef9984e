// Covers: if statements with init statements, else-if chains sharing init variables, at top level and in loops.
package main

import "fmt"

type account struct {
	owner   string
	balance int
}

func find(accts []account, name string) (*account, bool) {
	for i := range accts {
		if accts[i].owner == name {
			return &accts[i], true
		}
	}
	return nil, false
}

func main() {
	accts := []account{{"ann", 50}, {"bob", 5}}

	if a, ok := find(accts, "ann"); ok {
		a.balance += 25
		fmt.Println("ann now has", a.balance)
	}

	if a, ok := find(accts, "zed"); !ok {
		fmt.Println("zed not found, a is nil:", a == nil)
	}

	withdrawals := []struct {
		who string
		amt int
	}{{"bob", 10}, {"ann", 70}, {"bob", 5}}
	for _, w := range withdrawals {
		if a, ok := find(accts, w.who); !ok {
			fmt.Println("no account", w.who)
		} else if left := a.balance - w.amt; left < 0 {
			fmt.Printf("%s: insufficient (%d short)\n", w.who, -left)
		} else {
			a.balance = left
			fmt.Printf("%s: withdrew %d, left %d\n", w.who, w.amt, left)
		}
	}

	if n := len(accts); n > 1 {
		fmt.Println("accounts:", n)
	}
	fmt.Println(accts)
}
