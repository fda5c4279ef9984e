// Covers: embedding an interface type in a struct (decorator pattern), overriding one method, promoted interface methods, nil embedded interface.
package main

import (
	"fmt"
	"sort"
)

type Store interface {
	Get(key string) (string, bool)
	Set(key, val string)
	Keys() []string
}

type mapStore struct{ m map[string]string }

func (s *mapStore) Get(k string) (string, bool) { v, ok := s.m[k]; return v, ok }
func (s *mapStore) Set(k, v string)             { s.m[k] = v }
func (s *mapStore) Keys() []string {
	ks := make([]string, 0, len(s.m))
	for k := range s.m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// countingStore overrides Get and inherits Set/Keys from the embedded Store.
type countingStore struct {
	Store
	hits, misses int
}

func (c *countingStore) Get(k string) (string, bool) {
	v, ok := c.Store.Get(k)
	if ok {
		c.hits++
	} else {
		c.misses++
	}
	return v, ok
}

func main() {
	cs := &countingStore{Store: &mapStore{m: map[string]string{}}}
	var s Store = cs
	s.Set("lang", "go")
	s.Set("kernel", "jupyter")
	for _, k := range []string{"lang", "missing", "kernel", "lang"} {
		v, ok := s.Get(k)
		fmt.Printf("get %-8s -> %q %v\n", k, v, ok)
	}
	fmt.Println("hits:", cs.hits, "misses:", cs.misses)
	fmt.Println("keys via promoted method:", s.Keys())
	fmt.Printf("%T %T\n", s, cs.Store)

	empty := countingStore{}
	defer func() {
		fmt.Println("calling through nil embedded interface panics:", recover() != nil)
	}()
	empty.Set("x", "y")
}
