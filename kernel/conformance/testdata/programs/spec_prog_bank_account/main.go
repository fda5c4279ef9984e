// Covers: a multi-function program: package-level types, constructor, pointer methods, sentinel errors, and main driving a transaction log.
package main

import (
	"errors"
	"fmt"
)

var ErrInsufficient = errors.New("insufficient funds")
var ErrUnknown = errors.New("unknown account")

type Account struct {
	ID      string
	Balance int
	History []string
}

type Bank struct {
	accounts map[string]*Account
	order    []string
}

func NewBank() *Bank { return &Bank{accounts: map[string]*Account{}} }

func (b *Bank) Open(id string, initial int) *Account {
	a := &Account{ID: id, Balance: initial}
	b.accounts[id] = a
	b.order = append(b.order, id)
	a.History = append(a.History, fmt.Sprintf("open %d", initial))
	return a
}

func (b *Bank) get(id string) (*Account, error) {
	a, ok := b.accounts[id]
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrUnknown, id)
	}
	return a, nil
}

func (b *Bank) Transfer(from, to string, amt int) error {
	src, err := b.get(from)
	if err != nil {
		return err
	}
	dst, err := b.get(to)
	if err != nil {
		return err
	}
	if src.Balance < amt {
		return fmt.Errorf("transfer %s->%s of %d: %w", from, to, amt, ErrInsufficient)
	}
	src.Balance -= amt
	dst.Balance += amt
	src.History = append(src.History, fmt.Sprintf("sent %d to %s", amt, to))
	dst.History = append(dst.History, fmt.Sprintf("got %d from %s", amt, from))
	return nil
}

func main() {
	bank := NewBank()
	bank.Open("alice", 100)
	bank.Open("bob", 20)
	transfers := []struct {
		from, to string
		amt      int
	}{{"alice", "bob", 30}, {"bob", "alice", 80}, {"bob", "carol", 1}, {"bob", "alice", 50}}
	for _, t := range transfers {
		if err := bank.Transfer(t.from, t.to, t.amt); err != nil {
			fmt.Println("error:", err, "| insufficient:", errors.Is(err, ErrInsufficient))
		}
	}
	for _, id := range bank.order {
		a := bank.accounts[id]
		fmt.Printf("%s: %d %q\n", a.ID, a.Balance, a.History)
	}
}
