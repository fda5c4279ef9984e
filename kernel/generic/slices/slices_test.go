package slices

import (
	stdcmp "cmp"
	"fmt"
	"iter"
	"math"
	"math/rand/v2"
	stdslices "slices"
	"strings"
	"testing"

	"github.com/gophlow/gophlow/kernel/generic/cmp"
)

// point is a struct element type; byX orders points by X only, so that
// distinct points can compare equal (which shows stability and "first").
type point struct {
	X   int
	Tag string
}

func byX(a, b point) int { return stdcmp.Compare(a.X, b.X) }

var negZero = math.Copysign(0, -1)

// kind describes an element type for the differential tests.
type kind[E any] struct {
	name string
	gen  func(r *rand.Rand) E
	cmp  func(a, b E) int // a strict weak order
}

var (
	intKind = kind[int]{"int", func(r *rand.Rand) int { return r.IntN(7) - 3 }, stdcmp.Compare[int]}
	strKind = kind[string]{"string", func(r *rand.Rand) string {
		return []string{"", "a", "b", "ab", "ba", "é"}[r.IntN(6)]
	}, strings.Compare}
	floatKind = kind[float64]{"float64", func(r *rand.Rand) float64 {
		return []float64{math.NaN(), negZero, 0, 0, negZero, 1, -1, 2.5, -2.5, math.Inf(1), math.Inf(-1), 1}[r.IntN(12)]
	}, stdcmp.Compare[float64]}
	pointKind = kind[point]{"point", func(r *rand.Rand) point {
		return point{r.IntN(4), string(rune('a' + r.IntN(3)))}
	}, byX}
)

// show describes a slice: contents (with -0 and NaN visible), nil-ness,
// length and capacity.
func show[E any](s []E) string {
	return fmt.Sprintf("%#v len=%d cap=%d", s, len(s), cap(s))
}

// showAll describes the whole backing array of s up to its capacity.
func showAll[E any](s []E) string { return fmt.Sprintf("%#v", s[:cap(s)]) }

// shares reports whether a and b start at the same element of memory.
func shares[E any](a, b []E) bool {
	return cap(a) > 0 && cap(b) > 0 && &a[:1][0] == &b[:1][0]
}

// catch runs f and describes its panic, or returns "".
func catch(f func()) (p string) {
	defer func() {
		if r := recover(); r != nil {
			p = "panic: " + fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

// genSlice returns a random slice: nil, empty, short or (if long) up to
// 300 elements, with some spare capacity filled with random elements.
func genSlice[E any](r *rand.Rand, k kind[E], long bool) []E {
	switch r.IntN(10) {
	case 0:
		return nil
	case 1:
		return make([]E, 0, r.IntN(3))
	}
	n := r.IntN(12)
	if long && r.IntN(3) == 0 {
		n = r.IntN(300)
	}
	s := make([]E, n+r.IntN(4))
	for i := range s {
		s[i] = k.gen(r)
	}
	return s[:n]
}

// twin returns an independent copy of s with the same length, capacity,
// nil-ness and backing array contents.
func twin[E any](s []E) []E {
	if s == nil {
		return nil
	}
	t := make([]E, cap(s))
	copy(t, s[:cap(s)])
	return t[:len(s)]
}

type checker struct {
	t    *testing.T
	errs int
}

func (c *checker) eq(what, got, want string) {
	c.t.Helper()
	if got != want {
		c.errs++
		c.t.Errorf("%s:\n got  %s\n want %s", what, got, want)
	}
}

func (c *checker) done() bool { return c.errs > 20 }

// seqOf returns an iterator over s that records in log what it yields and
// fails if yield is called again after it returned false.
func seqOf[E any](t *testing.T, s []E) iter.Seq[E] {
	return func(yield func(E) bool) {
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}

// drain consumes seq, stopping after stop values (never if stop < 0), and
// describes what it saw; it fails if yield is called after returning false.
func drain[V any](t *testing.T, seq iter.Seq[V], stop int, desc func(V) string) string {
	var b strings.Builder
	n, stopped := 0, false
	seq(func(v V) bool {
		if stopped {
			t.Errorf("yield called after it returned false")
		}
		fmt.Fprintf(&b, "%s;", desc(v))
		n++
		stopped = n == stop
		return !stopped
	})
	return b.String()
}

func drain2[K, V any](t *testing.T, seq iter.Seq2[K, V], stop int) string {
	var b strings.Builder
	n, stopped := 0, false
	seq(func(k K, v V) bool {
		if stopped {
			t.Errorf("yield called after it returned false")
		}
		fmt.Fprintf(&b, "%#v:%#v;", k, v)
		n++
		stopped = n == stop
		return !stopped
	})
	return b.String()
}

func testAny[E any](t *testing.T, k kind[E]) {
	r := rand.New(rand.NewPCG(1, uint64(len(k.name))))
	c := &checker{t: t}
	cmp7 := func(a, b E) int { return 7 * k.cmp(a, b) }
	eq := func(a, b E) bool { return k.cmp(a, b) == 0 }
	for it := 0; it < 2000 && !c.done(); it++ {
		s := genSlice(r, k, it%5 == 0)
		s2 := genSlice(r, k, false)
		if r.IntN(3) == 0 {
			s2 = twin(s)
		}
		tag := fmt.Sprintf("%s #%d %s", k.name, it, show(s))
		stop := r.IntN(len(s)+2) - 1

		// Iterators, in full and stopped early.
		c.eq(tag+" All", drain2(t, All(s), stop), drain2(t, stdslices.All(s), stop))
		c.eq(tag+" Backward", drain2(t, Backward(s), stop), drain2(t, stdslices.Backward(s), stop))
		showE := func(v E) string { return fmt.Sprintf("%#v", v) }
		c.eq(tag+" Values", drain(t, Values(s), stop, showE), drain(t, stdslices.Values(s), stop, showE))
		for _, n := range []int{1, 2, 3, 5} {
			desc := func(ch []E) string {
				off := -1
				for i := range s {
					if shares(ch, s[i:]) {
						off = i
					}
				}
				return fmt.Sprintf("%s@%d", show(ch), off)
			}
			c.eq(fmt.Sprintf("%s Chunk(%d)", tag, n), drain(t, Chunk(s, n), stop, desc), drain(t, stdslices.Chunk(s, n), stop, desc))
		}
		a, b := twin(s2), twin(s2)
		ra, rb := AppendSeq(a, seqOf(t, s)), stdslices.AppendSeq(b, seqOf(t, s))
		c.eq(tag+" AppendSeq", show(ra)+fmt.Sprint(shares(ra, a)), show(rb)+fmt.Sprint(shares(rb, b)))
		c.eq(tag+" Collect", show(Collect(seqOf(t, s))), show(stdslices.Collect(seqOf(t, s))))
		c.eq(tag+" Collect(Values)", show(Collect(Values(s))), show(stdslices.Collect(stdslices.Values(s))))

		// Copies.
		c.eq(tag+" Clip", show(Clip(s))+fmt.Sprint(shares(Clip(s), s)), show(stdslices.Clip(s))+fmt.Sprint(shares(stdslices.Clip(s), s)))
		cl := Clone(s)
		c.eq(tag+" Clone", fmt.Sprintf("%#v %v", cl, shares(cl, s)), fmt.Sprintf("%#v %v", stdslices.Clone(s), false))
		parts := [][]E{s, s2, genSlice(r, k, false)}[:r.IntN(4)]
		c.eq(tag+" Concat", show(Concat(parts...)), show(stdslices.Concat(parts...)))
		count := r.IntN(5) - 1
		c.eq(fmt.Sprintf("%s Repeat(%d)", tag, count),
			catch(func() { c.eq(tag+" Repeat", show(Repeat(s, count)), show(stdslices.Repeat(s, count))) }),
			catch(func() { _ = stdslices.Repeat(s, count) }))
		n := r.IntN(12) - 1
		a, b = twin(s), twin(s)
		var ga, gb []E
		pa := catch(func() { ga = Grow(a, n) })
		pb := catch(func() { gb = stdslices.Grow(b, n) })
		c.eq(fmt.Sprintf("%s Grow(%d)", tag, n), pa+show(ga)+showAll(ga)+fmt.Sprint(shares(ga, a)), pb+show(gb)+showAll(gb)+fmt.Sprint(shares(gb, b)))

		// In-place modifications: compare the result, the input's backing
		// array (zeroed tails, shifted elements) and whether they share it.
		inPlace := func(what string, mine, std func([]E) []E) {
			a, b := twin(s), twin(s)
			var ra, rb []E
			pa := catch(func() { ra = mine(a) })
			pb := catch(func() { rb = std(b) })
			c.eq(tag+" "+what,
				fmt.Sprintf("%s %s in=%s shares=%v", pa, show(ra), showAll(a), shares(ra, a)),
				fmt.Sprintf("%s %s in=%s shares=%v", pb, show(rb), showAll(b), shares(rb, b)))
		}
		i, j := r.IntN(cap(s)+3)-1, r.IntN(cap(s)+3)-1
		if r.IntN(2) == 0 && len(s) > 0 {
			i = r.IntN(len(s) + 1)
			j = i + r.IntN(len(s)-i+1)
		}
		vs := genSlice(r, k, false)
		al, ah := 0, 0
		if cap(s) > 0 {
			al = r.IntN(cap(s) + 1)
			ah = al + r.IntN(cap(s)-al+1)
		}
		alias := r.IntN(2) == 0
		vals := func(x []E) []E {
			if alias {
				return x[al:ah]
			}
			return vs
		}
		vtag := fmt.Sprintf("(%d, %d, v=%s alias=%v [%d:%d])", i, j, show(vs), alias, al, ah)
		inPlace("Insert"+vtag, func(x []E) []E { return Insert(x, i, vals(x)...) }, func(x []E) []E { return stdslices.Insert(x, i, vals(x)...) })
		inPlace("Replace"+vtag, func(x []E) []E { return Replace(x, i, j, vals(x)...) }, func(x []E) []E { return stdslices.Replace(x, i, j, vals(x)...) })
		inPlace("Delete"+vtag, func(x []E) []E { return Delete(x, i, j) }, func(x []E) []E { return stdslices.Delete(x, i, j) })
		var pivot E
		if len(s) > 0 {
			pivot = s[r.IntN(len(s))]
		}
		var calls []string
		logged := func(f func(E) bool) func(E) bool {
			return func(v E) bool {
				calls = append(calls, fmt.Sprintf("%#v", v))
				return f(v)
			}
		}
		del := func(v E) bool { return k.cmp(v, pivot) < 0 }
		var callsA []string
		inPlace("DeleteFunc", func(x []E) []E {
			calls = nil
			x = DeleteFunc(x, logged(del))
			callsA = calls
			return x
		}, func(x []E) []E {
			calls = nil
			x = stdslices.DeleteFunc(x, logged(del))
			c.eq(tag+" DeleteFunc calls", fmt.Sprint(callsA), fmt.Sprint(calls))
			return x
		})
		loggedEq := func(a, b E) bool {
			calls = append(calls, fmt.Sprintf("%#v,%#v", a, b))
			return eq(a, b)
		}
		inPlace("CompactFunc", func(x []E) []E {
			calls = nil
			x = CompactFunc(x, loggedEq)
			callsA = calls
			return x
		}, func(x []E) []E {
			calls = nil
			x = stdslices.CompactFunc(x, loggedEq)
			c.eq(tag+" CompactFunc calls", fmt.Sprint(callsA), fmt.Sprint(calls))
			return x
		})
		inPlace("Reverse", func(x []E) []E { Reverse(x); return x }, func(x []E) []E { stdslices.Reverse(x); return x })
		inPlace("SortStableFunc", func(x []E) []E { SortStableFunc(x, k.cmp); return x }, func(x []E) []E { stdslices.SortStableFunc(x, k.cmp); return x })
		// SortFunc is stable, unlike the standard one: compare with the
		// standard stable sort exactly, and with the unstable one by cmp.
		inPlace("SortFunc", func(x []E) []E { SortFunc(x, k.cmp); return x }, func(x []E) []E { stdslices.SortStableFunc(x, k.cmp); return x })
		sa, sb := twin(s), twin(s)
		SortFunc(sa, k.cmp)
		stdslices.SortFunc(sb, k.cmp)
		c.eq(tag+" SortFunc vs unstable", fmt.Sprint(stdslices.CompareFunc(sa, sb, k.cmp)), "0")
		c.eq(tag+" SortedStableFunc", show(SortedStableFunc(seqOf(t, s), k.cmp)), show(stdslices.SortedStableFunc(seqOf(t, s), k.cmp)))
		c.eq(tag+" SortedFunc", show(SortedFunc(seqOf(t, s), k.cmp)), show(stdslices.SortedStableFunc(seqOf(t, s), k.cmp)))

		// Queries.
		c.eq(tag+" EqualFunc", fmt.Sprint(EqualFunc(s, s2, eq)), fmt.Sprint(stdslices.EqualFunc(s, s2, eq)))
		c.eq(tag+" CompareFunc", fmt.Sprint(CompareFunc(s, s2, cmp7)), fmt.Sprint(stdslices.CompareFunc(s, s2, cmp7)))
		c.eq(tag+" IndexFunc", fmt.Sprint(IndexFunc(s, del)), fmt.Sprint(stdslices.IndexFunc(s, del)))
		c.eq(tag+" ContainsFunc", fmt.Sprint(ContainsFunc(s, del)), fmt.Sprint(stdslices.ContainsFunc(s, del)))
		c.eq(tag+" IsSortedFunc", fmt.Sprint(IsSortedFunc(s, k.cmp)), fmt.Sprint(stdslices.IsSortedFunc(s, k.cmp)))
		c.eq(tag+" IsSortedFunc sorted", fmt.Sprint(IsSortedFunc(sb, k.cmp)), fmt.Sprint(stdslices.IsSortedFunc(sb, k.cmp)))
		var m1, m2 E
		c.eq(tag+" MinFunc", catch(func() { m1 = MinFunc(s, k.cmp) })+fmt.Sprintf("%#v", m1), catch(func() { m2 = stdslices.MinFunc(s, k.cmp) })+fmt.Sprintf("%#v", m2))
		c.eq(tag+" MaxFunc", catch(func() { m1 = MaxFunc(s, k.cmp) })+fmt.Sprintf("%#v", m1), catch(func() { m2 = stdslices.MaxFunc(s, k.cmp) })+fmt.Sprintf("%#v", m2))
		for _, x := range [][]E{s, sb} { // unsorted and sorted
			target := k.gen(r)
			i1, f1 := BinarySearchFunc(x, target, k.cmp)
			i2, f2 := stdslices.BinarySearchFunc(x, target, k.cmp)
			c.eq(fmt.Sprintf("%s BinarySearchFunc(%s, %#v)", tag, show(x), target), fmt.Sprint(i1, f1), fmt.Sprint(i2, f2))
		}

		// Order and arguments of the callbacks (except for sorting, whose
		// algorithm differs on purpose).
		var log []string
		lcmp := func(a, b E) int { log = append(log, fmt.Sprintf("c(%#v,%#v)", a, b)); return k.cmp(a, b) }
		leq := func(a, b E) bool { log = append(log, fmt.Sprintf("e(%#v,%#v)", a, b)); return eq(a, b) }
		lp := func(v E) bool { log = append(log, fmt.Sprintf("p(%#v)", v)); return del(v) }
		target := k.gen(r)
		traced := func(what string, f func(mine bool) any) {
			run := func(mine bool) string {
				log = nil
				var res any
				p := catch(func() { res = f(mine) })
				return fmt.Sprintf("%s %#v %v", p, res, log)
			}
			c.eq(tag+" "+what+" calls", run(true), run(false))
		}
		traced("EqualFunc", func(m bool) any {
			if m {
				return EqualFunc(s, s2, leq)
			}
			return stdslices.EqualFunc(s, s2, leq)
		})
		traced("CompareFunc", func(m bool) any {
			if m {
				return CompareFunc(s, s2, lcmp)
			}
			return stdslices.CompareFunc(s, s2, lcmp)
		})
		traced("IndexFunc", func(m bool) any {
			if m {
				return IndexFunc(s, lp)
			}
			return stdslices.IndexFunc(s, lp)
		})
		traced("ContainsFunc", func(m bool) any {
			if m {
				return ContainsFunc(s, lp)
			}
			return stdslices.ContainsFunc(s, lp)
		})
		for _, x := range [][]E{s, sb} {
			traced("IsSortedFunc", func(m bool) any {
				if m {
					return IsSortedFunc(x, lcmp)
				}
				return stdslices.IsSortedFunc(x, lcmp)
			})
			traced("BinarySearchFunc", func(m bool) any {
				if m {
					i, f := BinarySearchFunc(x, target, lcmp)
					return fmt.Sprint(i, f)
				}
				i, f := stdslices.BinarySearchFunc(x, target, lcmp)
				return fmt.Sprint(i, f)
			})
		}
		traced("MinFunc", func(m bool) any {
			if m {
				return MinFunc(s, lcmp)
			}
			return stdslices.MinFunc(s, lcmp)
		})
		traced("MaxFunc", func(m bool) any {
			if m {
				return MaxFunc(s, lcmp)
			}
			return stdslices.MaxFunc(s, lcmp)
		})
	}
	// Panics that the loop cannot reach.
	for _, n := range []int{0, -1, math.MinInt} {
		c.eq(fmt.Sprintf("Chunk(%d)", n), catch(func() { _ = Chunk([]E(nil), n) }), catch(func() { _ = stdslices.Chunk([]E(nil), n) }))
	}
	c.eq("Grow(MaxInt)", catch(func() { _ = Grow(make([]E, 3), math.MaxInt) }), catch(func() { _ = stdslices.Grow(make([]E, 3), math.MaxInt) }))
	c.eq("Repeat(MaxInt)", catch(func() { _ = Repeat(make([]E, 2), math.MaxInt/2) }), catch(func() { _ = stdslices.Repeat(make([]E, 2), math.MaxInt/2) }))
	c.eq("Repeat(MaxInt/2+1)", catch(func() { _ = Repeat(make([]E, 2), math.MaxInt/2+1) }), catch(func() { _ = stdslices.Repeat(make([]E, 2), math.MaxInt/2+1) }))
	c.eq("MinFunc(nil)", catch(func() { _ = MinFunc([]E(nil), k.cmp) }), catch(func() { _ = stdslices.MinFunc([]E(nil), k.cmp) }))
	c.eq("MaxFunc(empty)", catch(func() { _ = MaxFunc([]E{}, k.cmp) }), catch(func() { _ = stdslices.MaxFunc([]E{}, k.cmp) }))
}

func testComparable[E comparable](t *testing.T, k kind[E]) {
	r := rand.New(rand.NewPCG(2, uint64(len(k.name))))
	c := &checker{t: t}
	for it := 0; it < 2000 && !c.done(); it++ {
		s := genSlice(r, k, false)
		s2 := genSlice(r, k, false)
		if r.IntN(3) == 0 {
			s2 = twin(s)
		}
		tag := fmt.Sprintf("%s #%d %s", k.name, it, show(s))
		v := k.gen(r)
		if len(s) > 0 && r.IntN(2) == 0 {
			v = s[r.IntN(len(s))]
		}
		c.eq(tag+" Equal", fmt.Sprint(Equal(s, s2)), fmt.Sprint(stdslices.Equal(s, s2)))
		c.eq(tag+" Equal self", fmt.Sprint(Equal(s, s)), fmt.Sprint(stdslices.Equal(s, s)))
		c.eq(fmt.Sprintf("%s Index(%#v)", tag, v), fmt.Sprint(Index(s, v)), fmt.Sprint(stdslices.Index(s, v)))
		c.eq(fmt.Sprintf("%s Contains(%#v)", tag, v), fmt.Sprint(Contains(s, v)), fmt.Sprint(stdslices.Contains(s, v)))
		a, b := twin(s), twin(s)
		ra, rb := Compact(a), stdslices.Compact(b)
		c.eq(tag+" Compact", fmt.Sprintf("%s in=%s shares=%v", show(ra), showAll(a), shares(ra, a)),
			fmt.Sprintf("%s in=%s shares=%v", show(rb), showAll(b), shares(rb, b)))
	}
}

// hasNegZero reports whether s holds a float64 -0.
func hasNegZero[E any](s []E) bool {
	for _, v := range s {
		if f, ok := any(v).(float64); ok && f == 0 && math.Signbit(f) {
			return true
		}
	}
	return false
}

func testOrdered[E cmp.Ordered](t *testing.T, k kind[E]) {
	r := rand.New(rand.NewPCG(3, uint64(len(k.name))))
	c := &checker{t: t}
	for it := 0; it < 2000 && !c.done(); it++ {
		s := genSlice(r, k, it%5 == 0)
		s2 := genSlice(r, k, false)
		if r.IntN(3) == 0 {
			s2 = twin(s)
			if len(s2) > 0 && r.IntN(2) == 0 {
				s2 = s2[:r.IntN(len(s2))]
			}
		}
		tag := fmt.Sprintf("%s #%d %s", k.name, it, show(s))
		c.eq(tag+" Compare "+show(s2), fmt.Sprint(Compare(s, s2)), fmt.Sprint(stdslices.Compare(s, s2)))
		c.eq(tag+" Compare self", fmt.Sprint(Compare(s, s)), fmt.Sprint(stdslices.Compare(s, s)))
		c.eq(tag+" IsSorted", fmt.Sprint(IsSorted(s)), fmt.Sprint(stdslices.IsSorted(s)))
		var m1, m2 E
		c.eq(tag+" Max", catch(func() { m1 = Max(s) })+fmt.Sprintf("%#v", m1), catch(func() { m2 = stdslices.Max(s) })+fmt.Sprintf("%#v", m2))
		p1 := catch(func() { m1 = Min(s) })
		p2 := catch(func() { m2 = stdslices.Min(s) })
		var zero E
		if m1 == zero && m2 == zero && hasNegZero(s) {
			// Documented deviation: the sign of a minimal zero.
			c.eq(tag+" Min of zeros", fmt.Sprint(p1, m1 == m2), fmt.Sprint(p2, true))
		} else {
			c.eq(tag+" Min", p1+fmt.Sprintf("%#v", m1), p2+fmt.Sprintf("%#v", m2))
		}
		// Sort is stable: exactly like the standard stable sort by
		// cmp.Compare, and equal by cmp.Compare to the standard Sort.
		a, b, u := twin(s), twin(s), twin(s)
		Sort(a)
		stdslices.SortStableFunc(b, stdcmp.Compare[E])
		stdslices.Sort(u)
		c.eq(tag+" Sort", show(a), show(b))
		c.eq(tag+" Sort vs unstable", fmt.Sprint(stdslices.CompareFunc(a, u, stdcmp.Compare[E])), "0")
		c.eq(tag+" IsSorted sorted", fmt.Sprint(IsSorted(a)), fmt.Sprint(stdslices.IsSorted(u)))
		c.eq(tag+" Sorted", show(Sorted(seqOf(t, s))), show(stdslices.SortedStableFunc(seqOf(t, s), stdcmp.Compare[E])))
		for _, x := range [][]E{s, a} {
			target := k.gen(r)
			if len(x) > 0 && r.IntN(2) == 0 {
				target = x[r.IntN(len(x))]
			}
			i1, f1 := BinarySearch(x, target)
			i2, f2 := stdslices.BinarySearch(x, target)
			c.eq(fmt.Sprintf("%s BinarySearch(%s, %#v)", tag, show(x), target), fmt.Sprint(i1, f1), fmt.Sprint(i2, f2))
		}
	}
	c.eq("Min(nil)", catch(func() { _ = Min([]E(nil)) }), catch(func() { _ = stdslices.Min([]E(nil)) }))
	c.eq("Max(empty)", catch(func() { _ = Max([]E{}) }), catch(func() { _ = stdslices.Max([]E{}) }))
}

func TestAny(t *testing.T) {
	t.Run("int", func(t *testing.T) { testAny(t, intKind) })
	t.Run("string", func(t *testing.T) { testAny(t, strKind) })
	t.Run("float64", func(t *testing.T) { testAny(t, floatKind) })
	t.Run("point", func(t *testing.T) { testAny(t, pointKind) })
}

func TestComparable(t *testing.T) {
	t.Run("int", func(t *testing.T) { testComparable(t, intKind) })
	t.Run("string", func(t *testing.T) { testComparable(t, strKind) })
	t.Run("float64", func(t *testing.T) { testComparable(t, floatKind) })
	t.Run("point", func(t *testing.T) { testComparable(t, pointKind) })
}

func TestOrdered(t *testing.T) {
	t.Run("int", func(t *testing.T) { testOrdered(t, intKind) })
	t.Run("string", func(t *testing.T) { testOrdered(t, strKind) })
	t.Run("float64", func(t *testing.T) { testOrdered(t, floatKind) })
}

// TestZeroSize exercises the length overflow checks with zero-size elements,
// which need no memory.
func TestZeroSize(t *testing.T) {
	c := &checker{t: t}
	huge := make([]struct{}, math.MaxInt)
	one := make([]struct{}, 1)
	c.eq("Concat overflow", catch(func() { _ = Concat(huge, one) }), catch(func() { _ = stdslices.Concat(huge, one) }))
	lc := func(s []struct{}) string { return fmt.Sprint(len(s), cap(s)) }
	c.eq("Concat huge", lc(Concat(huge[:5], huge[:math.MaxInt-5])), lc(stdslices.Concat(huge[:5], huge[:math.MaxInt-5])))
	c.eq("Repeat overflow", catch(func() { _ = Repeat(one[:1], math.MaxInt/2+1) }), catch(func() { _ = stdslices.Repeat(one[:1], math.MaxInt/2+1) }))
	two := make([]struct{}, 2)
	c.eq("Repeat overflow 2", catch(func() { _ = Repeat(two, math.MaxInt/2+1) }), catch(func() { _ = stdslices.Repeat(two, math.MaxInt/2+1) }))
	c.eq("Repeat huge", lc(Repeat(one, math.MaxInt)), lc(stdslices.Repeat(one, math.MaxInt)))
}

// TestSignedZeros pins down Max (exactly like the standard library) and the
// documented deviation of Min: of several minimal zeros it returns the
// first, where the standard library returns -0 if any of them is -0.
func TestSignedZeros(t *testing.T) {
	sign := func(f float64) string { return fmt.Sprint(math.Signbit(f)) }
	for _, x := range [][]float64{{0, 0}, {0, negZero}, {negZero, 0}, {negZero, negZero}, {1, negZero, 0, 2}, {0, 1, negZero}} {
		if got, want := sign(Max(x)), sign(stdslices.Max(x)); got != want {
			t.Errorf("Max(%v): sign bit %s, want %s", x, got, want)
		}
		first := 0.0
		for _, v := range x {
			if v == 0 {
				first = v
				break
			}
		}
		if got, want := sign(Min(x)), sign(first); got != want {
			t.Errorf("Min(%v): sign bit %s, want that of the first zero, %s", x, got, want)
		}
		if Min(x) != stdslices.Min(x) {
			t.Errorf("Min(%v) = %v, want %v", x, Min(x), stdslices.Min(x))
		}
	}
}
