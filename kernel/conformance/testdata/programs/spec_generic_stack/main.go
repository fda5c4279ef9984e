// Covers: generic types, Stack[T] with pointer-receiver methods, zero value of T, instantiation with several types, balanced bracket checker.
package main

import "fmt"

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s *Stack[T]) Peek() (T, bool) {
	if len(s.items) == 0 {
		var zero T
		return zero, false
	}
	return s.items[len(s.items)-1], true
}

func (s Stack[T]) Len() int { return len(s.items) }

func balanced(src string) bool {
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	var st Stack[rune]
	for _, r := range src {
		switch r {
		case '(', '[', '{':
			st.Push(r)
		case ')', ']', '}':
			top, ok := st.Pop()
			if !ok || top != pairs[r] {
				return false
			}
		}
	}
	return st.Len() == 0
}

func main() {
	var ints Stack[int]
	for i := range 4 {
		ints.Push(i * i)
	}
	top, _ := ints.Peek()
	fmt.Println("len:", ints.Len(), "peek:", top)
	for {
		v, ok := ints.Pop()
		if !ok {
			break
		}
		fmt.Print(v, ",")
	}
	fmt.Println("empty")

	strs := &Stack[string]{}
	strs.Push("a")
	strs.Push("b")
	s, ok := strs.Pop()
	fmt.Println("popped:", s, ok)
	z, ok := (&Stack[*int]{}).Pop()
	fmt.Println("zero pointer:", z == nil, ok)

	for _, src := range []string{"([]{})", "([)]", "((", "f(a[1]) {x}"} {
		fmt.Printf("%-12q balanced=%v\n", src, balanced(src))
	}
	fmt.Printf("%T %+v\n", ints, *strs)
}
