package session

import "testing"

// Functions with unnamed parameters called by compiled code: yaegi once
// copied the arguments over the functions' local variables.
func TestUnnamedParametersOfCallbacks(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "sort"
xs := []int{3, 1, 2}
n := 0`)
	f.expect("sort.Slice(xs, func(int, int) bool { k := []int{1}; n += len(k); return false })\nn > 0", "true")
	f.expect("func never(int, int) bool { k := []int{1}; return len(k) == 0 }\nsort.Slice(xs, never)\nxs", "[3 1 2]")
	f.expect("type byValue []int\nfunc (byValue) Len() int { k := []int{3}; return k[0] }\nfunc (v byValue) Less(i, j int) bool { return v[i] < v[j] }\n"+
		"func (v byValue) Swap(i, j int) { v[i], v[j] = v[j], v[i] }\nsort.Sort(byValue(xs))\nxs", "[1 2 3]")
	f.expect("sort.Slice(xs, func(i, _ int) bool { k := []int{i}; return k[0] < 0 })\nxs", "[1 2 3]")
	f.expect("variadic := func(...int) int { k := []int{4}; return k[0] }\nvariadic(1, 2)", "4")
}
