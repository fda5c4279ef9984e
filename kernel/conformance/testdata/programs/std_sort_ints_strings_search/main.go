// Covers: sort, Ints/Strings/Float64s, IntsAreSorted, SearchInts/SearchStrings, Search for insertion points, sort.Reverse with IntSlice.
package main

import (
	"fmt"
	"sort"
)

func main() {
	scores := []int{72, 95, 58, 88, 95, 61, 100, 47}
	fmt.Println("sorted before:", sort.IntsAreSorted(scores))
	sort.Ints(scores)
	fmt.Println(scores, sort.IntsAreSorted(scores))

	for _, q := range []int{88, 95, 50, 101, 0} {
		i := sort.SearchInts(scores, q)
		found := i < len(scores) && scores[i] == q
		fmt.Printf("search %3d -> index %d found=%v\n", q, i, found)
	}

	firstPass := sort.Search(len(scores), func(i int) bool { return scores[i] >= 60 })
	fmt.Println("failing:", scores[:firstPass], "passing:", scores[firstPass:])

	names := []string{"mallory", "Bob", "alice", "Carol", "dave", "bob"}
	sort.Strings(names)
	fmt.Printf("%q\n", names)
	fmt.Println(sort.SearchStrings(names, "carol"), sort.StringsAreSorted(names))

	temps := []float64{21.5, -3, 0, 18.25, -10.5}
	sort.Float64s(temps)
	fmt.Println(temps)

	sort.Sort(sort.Reverse(sort.IntSlice(scores)))
	fmt.Println("desc:", scores)
	sort.Sort(sort.Reverse(sort.StringSlice(names)))
	fmt.Printf("%q\n", names)

	guess := 0
	target := 37
	steps := 0
	sort.Search(100, func(i int) bool {
		steps++
		guess = i
		return i >= target
	})
	fmt.Println("binary search probes:", steps, "last probe:", guess)
	idx, found := sort.Find(len(names), func(i int) int {
		if "bob" < names[i] {
			return 1
		} else if "bob" == names[i] {
			return 0
		}
		return -1
	})
	fmt.Println(idx, found)
}
