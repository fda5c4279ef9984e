package session

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestRedefinedFunctionRebindsCallers(t *testing.T) {
	f := newFixture(t)
	f.ok("func f() int { return 1 }")
	f.ok("func g() int { return f() + 10 }")
	f.ok("func h() int { return g() * 2 }")
	f.expect("h()", "22")
	f.ok("func f() int { return 2 }")
	f.expect("g()", "12")
	f.expect("h()", "24")
	// Re-running the same cell changes nothing.
	f.ok("func f() int { return 2 }")
	f.expect("h()", "24")
}

func TestRedefinedVariablesAndConstants(t *testing.T) {
	f := newFixture(t)
	f.ok("x := 1\nconst scale = 10")
	f.ok("func get() int { return x * scale }")
	f.expect("get()", "10")
	f.ok("x := 2")
	f.expect("get()", "20")
	f.ok("var x = 3")
	f.expect("get()", "30")
	f.ok("const scale = 100")
	f.expect("get()", "300")
	// Assignment keeps the variable: nothing to re-evaluate.
	f.ok("x = 4")
	f.expect("get()", "400")
}

func TestRedefinedStructGetsNewField(t *testing.T) {
	f := newFixture(t)
	f.ok("type point struct{ X, Y float64 }\nfunc (p point) sum() float64 { return p.X + p.Y }")
	f.ok("func origin() point { return point{} }")
	f.expect("point{1, 2}.sum()", "3")
	f.ok("type point struct{ X, Y, Z float64 }")
	f.expect("p := point{X: 1, Y: 2, Z: 3}\np.Z", "3")
	// Methods and functions of the old type follow it to the new one.
	f.expect("p.sum()", "3")
	f.expect("origin().Z", "0")
	// Messages speak of the type by the name the user wrote.
	e := f.fail("q := point{W: 1}")
	if strings.Contains(e.Value, renameMark) || strings.Contains(strings.Join(e.Traceback, "\n"), renameMark) {
		t.Errorf("message shows an internal name: %q", e.Value)
	}
	// Redefining a method takes effect.
	f.ok("func (p point) sum() float64 { return p.X + p.Y + p.Z }")
	f.expect("point{1, 2, 3}.sum()", "6")
	// Values made before keep their type and its methods, as in Python.
	f.expect("p.sum()", "3")
	for _, n := range f.s.Names() {
		if strings.Contains(n.Name, renameMark) {
			t.Errorf("Names() lists internal name %q", n.Name)
		}
	}
}

func TestBrokenDependentIsAWarning(t *testing.T) {
	f := newFixture(t)
	f.ok("func f() int { return 1 }\nfunc g() int { return f() + 1 }")
	f.ok("func f() string { return \"s\" }")
	if !strings.Contains(f.errOut.String(), "warning: g") {
		t.Errorf("stderr %q does not warn that g no longer compiles", f.errOut.String())
	}
	f.expect("f()", `"s"`)
	e := f.fail("g()")
	if e.Name != "panic" || !strings.Contains(e.Value, "g no longer compiles") {
		t.Errorf("calling the broken g: %s %q", e.Name, e.Value)
	}
	f.ok("func g() string { return f() + \"!\" }")
	f.expect("g()", `"s!"`)
}

// dependentsCells returns a cell defining base and n functions that call
// it.
func dependentsCells(n int) (base string, users string) {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "func user%d() int { return base() + %d }\n", i, i)
	}
	return "func base() int { return 0 }", b.String()
}

func TestRedefinitionReachesManyDependents(t *testing.T) {
	f := newFixture(t)
	base, users := dependentsCells(20)
	f.ok(base)
	f.ok(users)
	f.ok("func base() int { return 1000 }")
	f.expect("user0() + user19()", "2019")
}

// BenchmarkRedefineWith20Dependents times re-running a cell that redefines
// a function 20 others call (make bench-kernel reports it).
func BenchmarkRedefineWith20Dependents(b *testing.B) {
	s, err := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	base, users := dependentsCells(20)
	for _, c := range []string{base, users} {
		if err := s.Execute(context.Background(), c); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Execute(context.Background(), fmt.Sprintf("func base() int { return %d }", i)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestChangedMethodInTypeCellReachesUsers(t *testing.T) {
	f := newFixture(t)
	f.ok("type box struct{ v int }\nfunc (b box) get() int { return b.v }")
	f.ok("func make3() box { return box{3} }")
	// Re-run the type's cell with the type unchanged and a method changed.
	f.ok("type box struct{ v int }\nfunc (b box) get() int { return b.v * 100 }")
	f.expect("make3().get()", "300")
}

func TestHelperRedefinitionKeepsValuesCompatible(t *testing.T) {
	f := newFixture(t)
	f.ok("func unit() int { return 1 }")
	f.ok("type counter struct{ n int }\nfunc (c *counter) step() { c.n += unit() }")
	f.ok("func total(c *counter) int { return c.n }")
	f.ok("c := &counter{}\nc.step()")
	f.ok("func unit() int { return 10 }")
	// c was made before: functions taking *counter still accept it.
	f.expect("c.step()\ntotal(c)", "2")
	if !strings.Contains(f.errOut.String(), "counter.step still call the previous definitions") {
		t.Errorf("no note about the stale method: %q", f.errOut.String())
	}
}

func TestFailedRedefinitionThenFixed(t *testing.T) {
	f := newFixture(t)
	f.ok("type rec struct{ a int }")
	// A redefinition that fails to compile leaves the old type in force…
	f.fail("type rec struct{ a, b int }\nfunc (r rec) sum() int { return r.a + r.b + oops }")
	f.expect("rec{a: 1}.a", "1")
	// …and the corrected one, with yet another field, works.
	f.ok("type rec struct{ a, b, c int }\nfunc (r rec) sum() int { return r.a + r.b + r.c }")
	f.expect("rec{1, 2, 3}.sum()", "6")
}

func TestEmbeddedRedefinedType(t *testing.T) {
	f := newFixture(t)
	f.ok("type base struct{ id int }")
	f.ok("type base struct{ id int; tag string }")
	f.ok("type item struct {\n\tbase\n\tprice float64\n}")
	f.expect(`it := item{base: base{id: 7, tag: "x"}, price: 2}
it.base.tag + it.tag`, `"xx"`)
	f.ok("type wrapper struct{ *base }")
	f.expect("wrapper{&it.base}.id", "7")
}

func TestTypeFixedAfterFailedFirstDefinition(t *testing.T) {
	f := newFixture(t)
	// fmt is not imported yet: the first definition fails.
	f.fail("type vec struct{ x, y float64 }\nfunc (v vec) String() string { return fmt.Sprintf(\"(%g, %g)\", v.x, v.y) }")
	f.ok("import \"fmt\"\ntype vec struct{ x, y float64 }\nfunc (v vec) String() string { return fmt.Sprintf(\"(%g, %g)\", v.x, v.y) }")
	f.expect("vec{1, 2}", "(1, 2)")
	f.expect("p := &vec{3, 4}\np.String()", `"(3, 4)"`)
}
