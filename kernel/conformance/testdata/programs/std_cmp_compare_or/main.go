// Covers: cmp, Compare/Less on ints, strings and floats (NaN ordering), cmp.Or for defaults and multi-key sorting, Ordered constraint in a helper.
package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

type Version struct{ Major, Minor, Patch int }

func (v Version) String() string { return fmt.Sprintf("v%d.%d.%d", v.Major, v.Minor, v.Patch) }

func compareVersions(a, b Version) int {
	return cmp.Or(
		cmp.Compare(a.Major, b.Major),
		cmp.Compare(a.Minor, b.Minor),
		cmp.Compare(a.Patch, b.Patch),
	)
}

func clamp[T cmp.Ordered](x, lo, hi T) T {
	return max(lo, min(x, hi))
}

func main() {
	fmt.Println(cmp.Compare(1, 2), cmp.Compare("b", "a"), cmp.Compare(2.5, 2.5))
	nan := math.NaN()
	fmt.Println(cmp.Compare(nan, 1.0), cmp.Compare(1.0, nan), cmp.Compare(nan, nan))
	fmt.Println(cmp.Less(nan, math.Inf(-1)), cmp.Less(-0.0, 0.0), cmp.Less("Z", "a"))

	floats := []float64{3, nan, -1, math.Inf(1), 0}
	slices.SortFunc(floats, cmp.Compare[float64])
	fmt.Println(floats)

	vs := []Version{{1, 10, 0}, {1, 2, 3}, {0, 9, 9}, {1, 2, 10}, {2, 0, 0}}
	slices.SortFunc(vs, compareVersions)
	fmt.Println(vs)
	fmt.Println("latest:", slices.MaxFunc(vs, compareVersions))

	userName, envName := "", "ops"
	fmt.Println(cmp.Or(userName, envName, "default"))
	fmt.Println(cmp.Or(0, 0, 42, 7), cmp.Or[string]())
	port := cmp.Or(0, 8080)
	fmt.Println("port", port)

	fmt.Println(clamp(15, 0, 10), clamp(-3, 0, 10), clamp("m", "a", "k"), clamp(0.5, 0.0, 1.0))
}
