// Covers: interface embedding, combined interfaces, assigning to a narrower interface, overlapping embedded methods.
package main

import (
	"fmt"
	"strings"
)

type Reader interface{ Read() (string, bool) }
type Writer interface{ Write(s string) }
type Closer interface{ Close() string }

type ReadWriter interface {
	Reader
	Writer
}

type ReadWriteCloser interface {
	ReadWriter
	Closer
	Writer // overlapping method sets are allowed
}

type queue struct {
	items  []string
	closed bool
}

func (q *queue) Write(s string) { q.items = append(q.items, s) }
func (q *queue) Read() (string, bool) {
	if len(q.items) == 0 {
		return "", false
	}
	s := q.items[0]
	q.items = q.items[1:]
	return s, true
}
func (q *queue) Close() string {
	q.closed = true
	return fmt.Sprintf("closed with %d pending", len(q.items))
}

func pump(r Reader, w Writer) int {
	n := 0
	for s, ok := r.Read(); ok; s, ok = r.Read() {
		w.Write(strings.ToUpper(s))
		n++
	}
	return n
}

func main() {
	var rwc ReadWriteCloser = &queue{}
	rwc.Write("alpha")
	rwc.Write("beta")
	rwc.Write("gamma")

	var rw ReadWriter = rwc
	var r Reader = rw
	first, _ := r.Read()
	fmt.Println("first read:", first)

	out := &queue{}
	fmt.Println("pumped:", pump(rw, out))
	fmt.Println("output queue:", out.items)

	var c Closer = out
	fmt.Println(c.Close())
	if back, ok := c.(ReadWriteCloser); ok {
		back.Write("late")
		fmt.Println("asserted back to ReadWriteCloser, items:", out.items, "closed:", out.closed)
	}
	fmt.Printf("%T %T\n", rw, c)
}
