package plots

import (
	"fmt"
	"image/color"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// TrajectoryOptions adjusts Trajectories. The zero value (or nil) gives
// the defaults.
type TrajectoryOptions struct {
	// Title is drawn above the plot.
	Title string
	// MaxPaths is the largest number of paths drawn; samples are taken
	// evenly through the rows. Zero: 300.
	MaxPaths int
	// Background points (e.g. data samples x_1) are drawn faintly under
	// the paths. Nil: none.
	Background *mat.Dense
	// XMin, XMax, YMin, YMax fix the view; all zero: robust limits of the
	// drawn paths with equal aspect.
	XMin, XMax, YMin, YMax float64
	// Dims are the two columns to draw; zero value: 0 and 1.
	Dims [2]int
	// Width and Height are the display size in CSS pixels; zero: 440×512.
	Width, Height int
}

// timeTop is the highest position of viridis used for time: its last,
// pale yellow tenth would vanish against the white background.
const timeTop = 0.9

// Trajectories draws the paths t ↦ x_t of a subset of samples, coloured by
// time, with a black dot where each starts and a vermillion dot where it
// ends: Figure 2 of the notes. states[k] holds the samples at times[k] (one
// sample per row, the same rows in every state); times nil means evenly
// spaced in [0, 1]. It panics if states has fewer than two entries, the states differ in
// shape, or times does not match states.
func Trajectories(states []*mat.Dense, times []float64, o *TrajectoryOptions) *Figure {
	var opt TrajectoryOptions
	if o != nil {
		opt = *o
	}
	if len(states) < 2 {
		panic(fmt.Sprintf("plots.Trajectories: states has %d entries, want at least 2 (t=0 and t=1)", len(states)))
	}
	if opt.MaxPaths == 0 {
		opt.MaxPaths = 300
	}
	if opt.MaxPaths < 0 {
		panic(fmt.Sprintf("plots.Trajectories: MaxPaths is %d, want positive", opt.MaxPaths))
	}
	times = checkTimes("Trajectories", states, times)
	ci, cj := 0, 1
	if opt.Dims != [2]int{} {
		ci, cj = opt.Dims[0], opt.Dims[1]
	}
	n, _ := states[0].Dims()
	rows := evenRows(n, opt.MaxPaths)
	T := len(states)
	// paths[k] holds the x and y of path k at every time.
	px := make([][]float64, len(rows))
	py := make([][]float64, len(rows))
	var allX, allY []float64
	for k := range rows {
		px[k], py[k] = make([]float64, T), make([]float64, T)
	}
	for s, st := range states {
		xs, ys := columns("Trajectories", fmt.Sprintf("states[%d]", s), st, ci, cj)
		for k, r := range rows {
			px[k][s], py[k][s] = xs[r], ys[r]
		}
	}
	for k := range rows {
		allX, allY = append(allX, px[k]...), append(allY, py[k]...)
	}

	p := newPlot(opt.Title, "", "")
	p.Add(gridLines())
	t0, t1 := times[0], times[T-1]
	if opt.Background != nil {
		bx, by := columns("Trajectories", "Background", opt.Background, ci, cj)
		r, a := pointStyle(len(bx))
		p.Add(&points{xs: bx, ys: by, col: color.NRGBA{0xaa, 0xaa, 0xaa, 0xff}, radius: vg.Points(r),
			alpha: a * 0.6, vectorLimit: 5000})
		allX, allY = append(allX, bx...), append(allY, by...)
	}
	// Each path is split into up to 24 pieces, each in the colour of its
	// mid time: smooth enough to read, few enough elements for SVG.
	pieces := min(T-1, 24)
	var ls lines
	for k := range rows {
		for b := range pieces {
			a, e := b*(T-1)/pieces, (b+1)*(T-1)/pieces
			u := ((times[a]+times[e])/2 - t0) / (t1 - t0)
			ls = append(ls, polyline{xs: px[k][a : e+1], ys: py[k][a : e+1],
				sty: draw.LineStyle{Color: withAlpha(Viridis(u*timeTop), 0.8), Width: vg.Points(0.9)}})
		}
	}
	p.Add(ls)
	startX, startY := make([]float64, len(rows)), make([]float64, len(rows))
	endX, endY := make([]float64, len(rows)), make([]float64, len(rows))
	for k := range rows {
		startX[k], startY[k] = px[k][0], py[k][0]
		endX[k], endY[k] = px[k][T-1], py[k][T-1]
	}
	start := draw.GlyphStyle{Color: color.Black, Radius: vg.Points(1.6), Shape: draw.CircleGlyph{}}
	end := draw.GlyphStyle{Color: okabeIto[3], Radius: vg.Points(1.8), Shape: draw.CircleGlyph{}}
	p.Add(markers{xs: startX, ys: startY, sty: start}, markers{xs: endX, ys: endY, sty: end})
	p.Add(legendBackdrop{})
	p.Legend.Add(fmt.Sprintf("start (t=%.3g)", t0), dotThumb{color.Black})
	p.Legend.Add(fmt.Sprintf("end (t=%.3g)", t1), dotThumb{okabeIto[3]})

	sopt := ScatterOptions{XMin: opt.XMin, XMax: opt.XMax, YMin: opt.YMin, YMax: opt.YMax}
	vx, vy := viewOf(sopt, allX, allY)
	w, h := opt.Width, opt.Height
	if w == 0 || h == 0 {
		w, h = cssPixels(squareFig), cssPixels(squareFig+colorBarH)
	}
	f := newFigure(p, 1, 1, "")
	f.SetSize(w, h)
	f.setLimits(vx, vy, viewAspect(sopt.fixedView()))
	scale := colorScale{min: t0, max: t1, top: timeTop}
	f.panels[0].bar = colorBarPlot(scale, "t")
	f.desc = fmt.Sprintf("trajectories of %d of %d samples over %d times from t=%.3g to t=%.3g", len(rows), n, T, t0, t1)
	if opt.Title != "" {
		f.desc += " (" + opt.Title + ")"
	}
	if outside, invalid := countOutside(endX, endY, vx, vy); outside+invalid > 0 {
		f.desc += fmt.Sprintf("; %d paths end outside the view", outside+invalid)
	}
	return f
}

// checkTimes checks that states share one shape and times matches them;
// it returns times, or evenly spaced times in [0, 1] when times is nil.
func checkTimes(fn string, states []*mat.Dense, times []float64) []float64 {
	for k, s := range states {
		if s == nil {
			panic(fmt.Sprintf("plots.%s: states[%d] is nil", fn, k))
		}
		r, c := s.Dims()
		r0, c0 := states[0].Dims()
		if r != r0 || c != c0 {
			panic(fmt.Sprintf("plots.%s: states[%d] is %d×%d but states[0] is %d×%d", fn, k, r, c, r0, c0))
		}
	}
	if times == nil {
		times = make([]float64, len(states))
		for k := range times {
			if len(states) > 1 {
				times[k] = float64(k) / float64(len(states)-1)
			}
		}
		return times
	}
	if len(times) != len(states) {
		panic(fmt.Sprintf("plots.%s: times has %d entries, states has %d", fn, len(times), len(states)))
	}
	for k := 1; k < len(times); k++ {
		if !(times[k] > times[k-1]) {
			panic(fmt.Sprintf("plots.%s: times must increase, but times[%d]=%g follows %g", fn, k, times[k], times[k-1]))
		}
	}
	return times
}

// evenRows picks at most m row indices evenly spread over n rows.
func evenRows(n, m int) []int {
	k := min(n, m)
	rows := make([]int, k)
	for i := range rows {
		rows[i] = i * n / k
	}
	return rows
}
