package maps

import (
	"fmt"
	"iter"
	stdmaps "maps"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
)

type point struct {
	X   int
	Tag string
}

var (
	negZero = math.Copysign(0, -1)
	genInt  = func(r *rand.Rand) int { return r.IntN(9) - 4 }
	genStr  = func(r *rand.Rand) string { return []string{"", "a", "b", "ab", "é"}[r.IntN(5)] }
	genF    = func(r *rand.Rand) float64 {
		return []float64{math.NaN(), negZero, 0, 1, -1, 2.5, math.Inf(1)}[r.IntN(7)]
	}
	genPt = func(r *rand.Rand) point { return point{r.IntN(3), genStr(r)} }
)

// show describes a map: its entries in sorted order (so that several NaN
// keys print the same whatever the iteration order), length and nil-ness.
func show[K comparable, V any](m map[K]V) string {
	var es []string
	for k, v := range m {
		es = append(es, fmt.Sprintf("%#v:%#v", k, v))
	}
	sort.Strings(es)
	return fmt.Sprintf("{%s} len=%d nil=%v", strings.Join(es, ", "), len(m), m == nil)
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

type pair[K, V any] struct {
	k K
	v V
}

func seq2[K, V any](ps []pair[K, V]) iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		for _, p := range ps {
			if !yield(p.k, p.v) {
				return
			}
		}
	}
}

// genMap returns a random map: nil, empty or with up to 12 insertions.
func genMap[K comparable, V any](r *rand.Rand, gk func(*rand.Rand) K, gv func(*rand.Rand) V) map[K]V {
	switch r.IntN(8) {
	case 0:
		return nil
	case 1:
		return map[K]V{}
	}
	m := map[K]V{}
	for range r.IntN(13) {
		m[gk(r)] = gv(r)
	}
	return m
}

// twin copies m keeping its nil-ness (and NaN keys).
func twin[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return nil
	}
	t := make(map[K]V)
	for k, v := range m {
		t[k] = v
	}
	return t
}

// drain consumes seq, stopping after stop values (never if stop <= 0), and
// returns the sorted descriptions of what it saw, or how many values it saw
// if it stopped early; it fails if yield is called after returning false.
func drain[T any](t *testing.T, seq func(yield func(T) bool)) func(stop int) string {
	return func(stop int) string {
		var seen []string
		stopped := false
		seq(func(v T) bool {
			if stopped {
				t.Errorf("yield called after it returned false")
			}
			seen = append(seen, fmt.Sprintf("%#v", v))
			stopped = len(seen) == stop
			return !stopped
		})
		if stop > 0 && len(seen) > stop {
			t.Errorf("%d values yielded after stopping at %d", len(seen), stop)
		}
		sort.Strings(seen)
		if stop > 0 {
			return fmt.Sprint(len(seen)) // which ones is unspecified
		}
		return strings.Join(seen, ";")
	}
}

func pairsOf[K, V any](seq iter.Seq2[K, V]) func(yield func(pair[K, V]) bool) {
	return func(yield func(pair[K, V]) bool) {
		seq(func(k K, v V) bool { return yield(pair[K, V]{k, v}) })
	}
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

func testMaps[K, V comparable](t *testing.T, gk func(*rand.Rand) K, gv func(*rand.Rand) V) {
	r := rand.New(rand.NewPCG(4, 5))
	c := &checker{t: t}
	for it := 0; it < 2000 && c.errs < 20; it++ {
		m := genMap(r, gk, gv)
		m2 := genMap(r, gk, gv)
		switch r.IntN(4) {
		case 0:
			m2 = twin(m)
		case 1:
			m2 = twin(m)
			if len(m2) > 0 {
				m2[gk(r)] = gv(r)
			}
		}
		tag := fmt.Sprintf("#%d %s", it, show(m))
		stop := r.IntN(len(m)+2) - 1
		c.eq(fmt.Sprintf("%s All stop %d", tag, stop), drain(t, pairsOf(All(m)))(stop), drain(t, pairsOf(stdmaps.All(m)))(stop))
		c.eq(fmt.Sprintf("%s Keys stop %d", tag, stop), drain(t, Keys(m))(stop), drain(t, stdmaps.Keys(m))(stop))
		c.eq(fmt.Sprintf("%s Values stop %d", tag, stop), drain(t, Values(m))(stop), drain(t, stdmaps.Values(m))(stop))

		var ps []pair[K, V]
		for range r.IntN(6) {
			ps = append(ps, pair[K, V]{gk(r), gv(r)})
		}
		a, b := twin(m), twin(m)
		pa := catch(func() { Insert(a, seq2(ps)) })
		pb := catch(func() { stdmaps.Insert(b, seq2(ps)) })
		c.eq(fmt.Sprintf("%s Insert(%v)", tag, ps), pa+show(a), pb+show(b))
		c.eq(fmt.Sprintf("Collect(%v)", ps), show(Collect(seq2(ps))), show(stdmaps.Collect(seq2(ps))))
		c.eq(tag+" Collect(All)", show(Collect(All(m))), show(stdmaps.Collect(stdmaps.All(m))))
		cl := Clone(m)
		c.eq(tag+" Clone", show(cl), show(stdmaps.Clone(m)))
		if len(cl) > 0 {
			for k := range cl {
				delete(cl, k)
			}
			if len(m) == 0 {
				t.Errorf("%s: Clone shares the map", tag)
			}
		}
		a, b = twin(m2), twin(m2)
		pa = catch(func() { Copy(a, m) })
		pb = catch(func() { stdmaps.Copy(b, m) })
		c.eq(tag+" Copy into "+show(m2), pa+show(a), pb+show(b))
		pivot := gv(r)
		del := func(k K, v V) bool { return v == pivot || fmt.Sprint(k) < fmt.Sprint(pivot) }
		a, b = twin(m), twin(m)
		DeleteFunc(a, del)
		stdmaps.DeleteFunc(b, del)
		c.eq(fmt.Sprintf("%s DeleteFunc(%#v)", tag, pivot), show(a), show(b))
		c.eq(tag+" Equal "+show(m2), fmt.Sprint(Equal(m, m2)), fmt.Sprint(stdmaps.Equal(m, m2)))
		c.eq(tag+" Equal self", fmt.Sprint(Equal(m, m)), fmt.Sprint(stdmaps.Equal(m, m)))
		loose := func(x, y V) bool { return fmt.Sprint(x) == fmt.Sprint(y) }
		c.eq(tag+" EqualFunc "+show(m2), fmt.Sprint(EqualFunc(m, m2, loose)), fmt.Sprint(stdmaps.EqualFunc(m, m2, loose)))
		c.eq(tag+" EqualFunc self", fmt.Sprint(EqualFunc(m, m, loose)), fmt.Sprint(stdmaps.EqualFunc(m, m, loose)))
	}
}

func TestMaps(t *testing.T) {
	t.Run("int,string", func(t *testing.T) { testMaps(t, genInt, genStr) })
	t.Run("string,int", func(t *testing.T) { testMaps(t, genStr, genInt) })
	t.Run("float64,float64", func(t *testing.T) { testMaps(t, genF, genF) })
	t.Run("point,point", func(t *testing.T) { testMaps(t, genPt, genPt) })
}

// TestNaNKeys checks maps with several NaN keys, which can be neither looked
// up nor deleted.
func TestNaNKeys(t *testing.T) {
	c := &checker{t: t}
	m := map[float64]int{math.NaN(): 1, math.NaN(): 2, 0: 3}
	m[negZero] = 4 // overwrites the 0 entry's value
	c.eq("Clone", show(Clone(m)), show(stdmaps.Clone(m)))
	c.eq("Equal", fmt.Sprint(Equal(m, m)), fmt.Sprint(stdmaps.Equal(m, m)))
	a, b := twin(m), twin(m)
	DeleteFunc(a, func(k float64, v int) bool { return true })
	stdmaps.DeleteFunc(b, func(k float64, v int) bool { return true })
	c.eq("DeleteFunc", show(a), show(b))
	a, b = map[float64]int{}, map[float64]int{}
	Copy(a, m)
	stdmaps.Copy(b, m)
	c.eq("Copy", show(a), show(b))
	Insert(a, All(m))
	stdmaps.Insert(b, stdmaps.All(m))
	c.eq("Insert", show(a), show(b))
}

// TestNilDst checks that Copy and Insert into a nil map panic like the
// standard ones, and only when there is something to store.
func TestNilDst(t *testing.T) {
	c := &checker{t: t}
	src := map[string]int{"a": 1}
	c.eq("Copy", catch(func() { Copy(map[string]int(nil), src) }), catch(func() { stdmaps.Copy(map[string]int(nil), src) }))
	c.eq("Copy empty", catch(func() { Copy(map[string]int(nil), map[string]int{}) }), catch(func() { stdmaps.Copy(map[string]int(nil), map[string]int{}) }))
	c.eq("Insert", catch(func() { Insert(map[string]int(nil), All(src)) }), catch(func() { stdmaps.Insert(map[string]int(nil), stdmaps.All(src)) }))
	c.eq("Insert empty", catch(func() { Insert(map[string]int(nil), All(map[string]int(nil))) }), catch(func() { stdmaps.Insert(map[string]int(nil), stdmaps.All(map[string]int(nil))) }))
	type named map[string]int
	var n named = Clone(named(nil))
	c.eq("Clone named nil", fmt.Sprint(n == nil), fmt.Sprint(stdmaps.Clone(named(nil)) == nil))
}
