package session

import "testing"

// TestConstsSwitchesAndSelectsRunAsGo checks the rewrites of consts.go,
// switchinit.go and selectcontinue.go against what Go prints; each case
// gives a different answer without its rewrite.
func TestConstsSwitchesAndSelectsRunAsGo(t *testing.T) {
	f := newFixture(t)
	// iota counts lines, not names, and _, _ repeats the line above.
	f.ok("const (\n\ta, b = iota, iota * 10\n\tc, d\n\t_, _\n\te, g\n)")
	f.expect("[]int{a, b, c, d, e, g}", "[0 0 1 10 3 30]")
	f.ok("type level uint8\nconst (\n\tlow level = 1 << iota\n\tmid\n\thigh\n)")
	f.expect("[]level{low, mid, high}", "[1 2 4]")
	// A switch with an init statement in a loop.
	f.ok("import \"strings\"")
	f.expect(`acc := 0
for _, c := range []string{"ADD 3", "mul 4"} {
	switch parts := strings.Fields(strings.ToLower(c)); parts[0] {
	case "add":
		acc += 3
	case "mul":
		acc *= 4
	default:
		acc = -1
	}
}
acc`, "12")
	// continue in a select's case, in a loop with statements after it.
	f.expect(`jobs := make(chan int, 3)
jobs <- 1
jobs <- 2
got := []int{}
for {
	select {
	case j := <-jobs:
		got = append(got, j)
		continue
	default:
		got = append(got, 0)
	}
	break
}
got`, "[1 2 0]")
}
