package plots

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// logTicks labels a logarithmic axis so that every view shows labels: whole
// decades when the axis spans more than one, otherwise the 1-2-5 steps
// inside it, and linear steps when those would give fewer than two labels.
// Unlabelled minor ticks mark 1…9 within each decade.
type logTicks struct{}

// Ticks implements plot.Ticker.
func (logTicks) Ticks(min, max float64) []plot.Tick {
	if !(min > 0) || !(max > min) {
		return nil
	}
	lo, hi := math.Floor(math.Log10(min)), math.Ceil(math.Log10(max))
	decades := math.Log10(max / min)
	step := math.Max(1, math.Ceil((hi-lo)/6)) // at most ~6 labelled decades
	var ticks []plot.Tick
	for e := lo; e <= hi; e++ {
		base := math.Pow(10, e)
		for i := 1; i <= 9; i++ {
			v := base * float64(i)
			if v < min*(1-1e-9) || v > max*(1+1e-9) {
				continue
			}
			t := plot.Tick{Value: v}
			switch {
			case i == 1 && math.Mod(e-lo, step) == 0:
				t.Label = formatTick(v)
			case decades <= 1.5 && (i == 2 || i == 5):
				t.Label = formatTick(v)
			}
			if step > 1 && i != 1 {
				continue // many decades: minor ticks would only add clutter
			}
			ticks = append(ticks, t)
		}
	}
	if labelled(ticks) < 2 {
		// A view inside one decade may hold one 1-2-5 value or none
		// (0.3…0.45). So narrow a log axis is nearly linear: linear
		// steps label it.
		return linearTicks{}.Ticks(min, max)
	}
	return ticks
}

func labelled(ticks []plot.Tick) int {
	n := 0
	for _, t := range ticks {
		if t.Label != "" {
			n++
		}
	}
	return n
}

// linearTicks places ticks like gonum's default ticker (labels at steps of
// 1, 2, 2.5 or 5 times a power of ten, minor ticks between) and writes each
// label with just the decimals its step needs: 1000 and 0.35 rather than
// 1000.00 and 0.350.
type linearTicks struct{}

// Ticks implements plot.Ticker.
func (linearTicks) Ticks(lo, hi float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(lo, hi)
	step := math.Inf(1)
	prev := math.NaN()
	for _, t := range ticks {
		if t.Label == "" {
			continue
		}
		if !math.IsNaN(prev) {
			step = math.Min(step, t.Value-prev)
		}
		prev = t.Value
	}
	if !(step > 0) || math.IsInf(step, 0) {
		return ticks
	}
	// The fewest decimals that write every labelled value exactly (a step
	// of 0.025 needs three).
	decimals := max(0, -int(math.Floor(math.Log10(step)+1e-9)))
	for ; decimals <= 6; decimals++ {
		if !ticksNeedMore(ticks, decimals, step) {
			break
		}
	}
	for i, t := range ticks {
		if t.Label == "" || decimals > 6 || math.Abs(t.Value) >= 1e6 {
			continue // unlabelled, or a magnitude for gonum's exponent form
		}
		// Rounding to those decimals and then writing the shortest form
		// gives "0.3", not "0.30000000000000004".
		ticks[i].Label = strconv.FormatFloat(roundTo(t.Value, decimals), 'f', -1, 64)
	}
	return ticks
}

// ticksNeedMore reports whether a labelled tick is not written exactly
// (to a millionth of the step) with the given decimals.
func ticksNeedMore(ticks []plot.Tick, decimals int, step float64) bool {
	for _, t := range ticks {
		if t.Label != "" && math.Abs(roundTo(t.Value, decimals)-t.Value) > 1e-6*step {
			return true
		}
	}
	return false
}

func roundTo(v float64, decimals int) float64 {
	scale := math.Pow(10, float64(decimals))
	return math.Round(v*scale) / scale
}

// formatTick writes v briefly: 0.001, 20, 1e+06.
func formatTick(v float64) string {
	a := math.Abs(v)
	if a != 0 && (a < 1e-3 || a >= 1e5) {
		return strconv.FormatFloat(v, 'g', 2, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}
