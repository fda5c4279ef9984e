package plots

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// logTicks labels a logarithmic axis so that every view shows labels: whole
// decades when the axis spans more than one, otherwise the 1-2-5 steps
// inside it. Unlabelled minor ticks mark 1…9 within each decade.
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
	return ticks
}

// formatTick writes v briefly: 0.001, 20, 1e+06.
func formatTick(v float64) string {
	a := math.Abs(v)
	if a != 0 && (a < 1e-3 || a >= 1e5) {
		return strconv.FormatFloat(v, 'g', 2, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}
