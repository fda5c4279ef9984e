package plots

import (
	"math"
	"sort"
)

// span is a closed interval [lo, hi] of data values.
type span struct{ lo, hi float64 }

// robustSpan returns view limits for the finite values vs: the range of the
// data, except that values lying far beyond the rest are left out. "Far"
// means more than a quarter of the central range (between the 0.5% and
// 99.5% quantiles) beyond those quantiles. A margin of 5% is added on each
// side. ok is false when vs has no finite value.
func robustSpan(vs []float64) (s span, ok bool) {
	fin := make([]float64, 0, len(vs))
	for _, v := range vs {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			fin = append(fin, v)
		}
	}
	if len(fin) == 0 {
		return span{}, false
	}
	sort.Float64s(fin)
	n := len(fin)
	qlo, qhi := fin[n*5/1000], fin[n-1-n*5/1000]
	reach := (qhi - qlo) / 4
	lo := fin[sort.SearchFloat64s(fin, qlo-reach)]
	hi := fin[sort.Search(n, func(i int) bool { return fin[i] > qhi+reach })-1]
	return padSpan(span{lo, hi}, 0.05), true
}

// padSpan widens s by frac of its width on each side; a degenerate span
// becomes one unit wide (or 10% of its value) around its centre.
func padSpan(s span, frac float64) span {
	w := s.hi - s.lo
	if w <= 0 {
		d := math.Max(math.Abs(s.lo)*0.1, 0.5)
		return span{s.lo - d, s.hi + d}
	}
	return span{s.lo - frac*w, s.hi + frac*w}
}

// union returns the smallest span containing a and b.
func (a span) union(b span) span { return span{math.Min(a.lo, b.lo), math.Max(a.hi, b.hi)} }

// contains reports whether v lies in s.
func (a span) contains(v float64) bool { return v >= a.lo && v <= a.hi }
