// Covers: generic types with recursive references (List[T] of *node[T]), methods, iteration via callback and iter.Seq, generic Map over lists.
package main

import (
	"fmt"
	"iter"
)

type node[T any] struct {
	val  T
	next *node[T]
}

type List[T any] struct {
	head, tail *node[T]
	size       int
}

func (l *List[T]) PushBack(v T) {
	n := &node[T]{val: v}
	if l.tail == nil {
		l.head, l.tail = n, n
	} else {
		l.tail.next = n
		l.tail = n
	}
	l.size++
}

func (l *List[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for n := l.head; n != nil; n = n.next {
			if !yield(n.val) {
				return
			}
		}
	}
}

func (l *List[T]) Reverse() {
	var prev *node[T]
	l.tail = l.head
	for cur := l.head; cur != nil; {
		next := cur.next
		cur.next = prev
		prev, cur = cur, next
	}
	l.head = prev
}

func MapList[T, U any](l *List[T], f func(T) U) *List[U] {
	out := &List[U]{}
	for v := range l.All() {
		out.PushBack(f(v))
	}
	return out
}

func main() {
	var l List[int]
	for i := 1; i <= 4; i++ {
		l.PushBack(i * 10)
	}
	l.PushBack(5)
	fmt.Println("size:", l.size)
	var seen []int
	for v := range l.All() {
		seen = append(seen, v)
	}
	fmt.Println("forward:", seen)
	l.Reverse()
	strs := MapList(&l, func(n int) string { return fmt.Sprintf("<%d>", n) })
	for s := range strs.All() {
		fmt.Print(s)
	}
	fmt.Println()
	fmt.Printf("%T tail=%v\n", strs, strs.tail.val)
}
