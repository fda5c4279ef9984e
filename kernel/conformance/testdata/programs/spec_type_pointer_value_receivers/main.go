// Covers: method declarations, pointer vs value receivers, automatic address-taking, method sets for interface satisfaction.
package main

import "fmt"

type Account struct {
	Owner   string
	Balance int
}

func (a Account) Describe() string { return fmt.Sprintf("%s: %d", a.Owner, a.Balance) }

func (a Account) TryDepositValue(n int) { a.Balance += n }

func (a *Account) Deposit(n int) { a.Balance += n }

func (a *Account) Withdraw(n int) bool {
	if n > a.Balance {
		return false
	}
	a.Balance -= n
	return true
}

type Depositor interface{ Deposit(int) }

func main() {
	acct := Account{"ann", 100}
	acct.TryDepositValue(50)
	fmt.Println("after value-receiver deposit:", acct.Describe())
	acct.Deposit(50) // (&acct).Deposit
	fmt.Println("after pointer-receiver deposit:", acct.Describe())

	p := &acct
	fmt.Println("value method via pointer:", p.Describe())
	fmt.Println("withdraw 500:", p.Withdraw(500), "withdraw 30:", p.Withdraw(30))
	fmt.Println("balance:", acct.Balance)

	var d Depositor = &acct // Account (value) does not implement Depositor
	d.Deposit(1)
	fmt.Println("via interface:", acct.Balance)

	accounts := []Account{{"x", 1}, {"y", 2}}
	for _, a := range accounts {
		a.Deposit(100) // copy
	}
	fmt.Println("range copies:", accounts)
	for i := range accounts {
		accounts[i].Deposit(100)
	}
	fmt.Println("indexed:", accounts)

	byName := map[string]*Account{"z": {"z", 5}}
	byName["z"].Deposit(5)
	fmt.Println("map of pointers:", *byName["z"])

	vals := map[string]Account{"w": {"w", 5}}
	w := vals["w"]
	w.Deposit(10)
	fmt.Println("map of values unchanged:", vals["w"].Balance, "copy:", w.Balance)
}
