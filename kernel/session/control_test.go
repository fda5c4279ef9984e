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

// TestDeferredCallsTakeTheirValuesWhenTheDeferRuns checks deferargs.go's
// rewrite (package cellcheck): yaegi alone reads x, m and the loop
// variable when the function returns.
func TestDeferredCallsTakeTheirValuesWhenTheDeferRuns(t *testing.T) {
	f := newFixture(t)
	f.ok("type meter struct{ reading int }\nfunc (m meter) value() int { return m.reading }\nfunc (m *meter) pointer() int { return m.reading }")
	f.ok("var seen []int\nfunc note(v int) { seen = append(seen, v) }")
	f.ok("func (m meter) rec() { note(m.reading) }\nfunc (m *meter) recp() { note(m.reading) }")
	f.ok(`func run() {
	x := 1
	defer note(x)
	x = 2
	m := meter{10}
	defer func(v int) { note(v) }(m.value())
	mp := &m
	defer note(mp.pointer())
	defer m.rec()
	defer m.recp()
	m.reading = 99
	for i := 0; i < 2; i++ {
		defer note(i * 100)
	}
}`)
	// LIFO: the loop's, then m.recp (a pointer: 99), m.rec (a copy: 10)…
	f.expect("run()\nseen", "[100 0 99 10 10 10 1]")
}

// TestErrorChainsOfInterpretedErrors checks errorchains.go and the %w
// rewrite of package cellcheck: without them errors.As panics on an
// interpreted target type, errors.Is never finds an interpreted sentinel,
// and neither follows an interpreted Unwrap method.
func TestErrorChainsOfInterpretedErrors(t *testing.T) {
	f := newFixture(t)
	f.ok(`import ("errors"; "fmt")`)
	f.ok(`type notFound struct{ name string }
func (e *notFound) Error() string { return "not found: " + e.name }
type wrapped struct{ op string; err error }
func (w *wrapped) Error() string { return w.op + ": " + w.err.Error() }
func (w *wrapped) Unwrap() error { return w.err }
var errGone = &notFound{"gone"}`)
	f.expect(`chain := fmt.Errorf("ctx: %w", &wrapped{"op", fmt.Errorf("inner: %w", errGone)})
var nf *notFound
found := errors.As(chain, &nf)
[]bool{errors.Is(chain, errGone), found, nf == errGone, errors.Unwrap(&wrapped{"x", errGone}).Error() == "not found: gone"}`, "[true true true true]")
	f.expect(`direct := fmt.Errorf("lookup: %w", &notFound{"key"})
var target *notFound
errors.As(direct, &target) && target.name == "key"`, "true")
}

// TestClosuresHandedToCompiledCodeInALoop checks loopclosure.go: without
// it every closure sync.WaitGroup.Go runs sees the last iteration.
func TestClosuresHandedToCompiledCodeInALoop(t *testing.T) {
	f := newFixture(t)
	f.ok(`import "sync"`)
	f.expect(`lengths := make([]int, 3)
var wg sync.WaitGroup
for i, w := range []string{"go", "gopher", "gophlow"} {
	wg.Go(func() { lengths[i] = len(w) })
}
wg.Wait()
lengths`, "[2 6 7]")
}

// TestComplexConstants checks cellcheck's typedComplex: yaegi mistypes an
// untyped complex constant (sum := complex(0, 0); sum += w fails).
func TestComplexConstants(t *testing.T) {
	f := newFixture(t)
	f.expect("sum := complex(0, 0)\nfor k := 1; k <= 3; k++ { sum += complex(float64(k), 1) }\nreal(sum) + imag(sum)", "9")
}
