// Covers: slices, Index/IndexFunc/Contains/ContainsFunc, BinarySearch/BinarySearchFunc for lookups and insertion points.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Event struct {
	Day  int
	Name string
}

func main() {
	guests := []string{"ana", "ben", "cleo", "dev", "ben"}
	fmt.Println(slices.Index(guests, "ben"), slices.Index(guests, "zed"))
	fmt.Println(slices.Contains(guests, "cleo"), slices.Contains(guests, "Cleo"))
	long := slices.IndexFunc(guests, func(s string) bool { return len(s) > 3 })
	fmt.Println("first long name at", long, guests[long])
	fmt.Println(slices.ContainsFunc(guests, func(s string) bool { return strings.HasPrefix(s, "d") }))

	primes := []int{2, 3, 5, 7, 11, 13, 17, 19, 23}
	for _, x := range []int{11, 12, 1, 30} {
		i, found := slices.BinarySearch(primes, x)
		fmt.Printf("BinarySearch(%d) = %d, %v\n", x, i, found)
	}

	calendar := []Event{{1, "kickoff"}, {4, "review"}, {9, "launch"}, {15, "retro"}}
	add := []Event{{7, "demo"}, {4, "standup"}, {20, "party"}, {0, "prep"}}
	for _, e := range add {
		i, found := slices.BinarySearchFunc(calendar, e.Day, func(ev Event, day int) int {
			return cmp.Compare(ev.Day, day)
		})
		if found {
			fmt.Printf("day %d taken by %q, skipping %q\n", e.Day, calendar[i].Name, e.Name)
			continue
		}
		calendar = slices.Insert(calendar, i, e)
	}
	for _, e := range calendar {
		fmt.Printf("day %2d: %s\n", e.Day, e.Name)
	}
	fmt.Println(slices.IndexFunc(calendar, func(e Event) bool { return e.Day > 10 }))
}
