// Covers: container/list, PushFront/PushBack/MoveToFront/Remove/Back/InsertBefore/InsertAfter, iteration both ways, an LRU cache.
package main

import (
	"container/list"
	"fmt"
	"strings"
)

type entry struct {
	key string
	val int
}

type LRU struct {
	cap   int
	order *list.List
	items map[string]*list.Element
}

func NewLRU(n int) *LRU { return &LRU{cap: n, order: list.New(), items: map[string]*list.Element{}} }

func (c *LRU) Get(k string) (int, bool) {
	if e, ok := c.items[k]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*entry).val, true
	}
	return 0, false
}

func (c *LRU) Put(k string, v int) {
	if e, ok := c.items[k]; ok {
		e.Value.(*entry).val = v
		c.order.MoveToFront(e)
		return
	}
	c.items[k] = c.order.PushFront(&entry{k, v})
	if c.order.Len() > c.cap {
		old := c.order.Back()
		c.order.Remove(old)
		delete(c.items, old.Value.(*entry).key)
		fmt.Println("  evicted", old.Value.(*entry).key)
	}
}

func (c *LRU) String() string {
	var parts []string
	for e := c.order.Front(); e != nil; e = e.Next() {
		en := e.Value.(*entry)
		parts = append(parts, fmt.Sprintf("%s=%d", en.key, en.val))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func main() {
	c := NewLRU(3)
	for i, k := range []string{"a", "b", "c"} {
		c.Put(k, i+1)
	}
	fmt.Println(c)
	v, ok := c.Get("a")
	fmt.Println("get a:", v, ok, c)
	c.Put("d", 4)
	fmt.Println(c)
	_, ok = c.Get("b")
	fmt.Println("get b:", ok)
	c.Put("c", 30)
	fmt.Println(c)

	l := list.New()
	mid := l.PushBack(2)
	l.PushFront(1)
	l.PushBack(4)
	l.InsertAfter(3, mid)
	l.InsertBefore(0, l.Front())
	for e := l.Back(); e != nil; e = e.Prev() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println("len", l.Len())
}
