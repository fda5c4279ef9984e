package plots

import (
	"fmt"
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// QuiverOptions adjusts Quiver. The zero value (or nil) gives the
// defaults.
type QuiverOptions struct {
	// Title is drawn above the plot; default "u_t at t=…".
	Title string
	// XMin, XMax, YMin, YMax are the region drawn; all zero: [-4, 4]².
	XMin, XMax, YMin, YMax float64
	// Arrows is the number of arrows per side; zero: 21.
	Arrows int
	// Streamlines draws curves everywhere tangent to the field frozen at
	// time t (not trajectories: those follow u_s as s changes).
	Streamlines bool
	// Samples are drawn faintly under the arrows (e.g. x_t at this t).
	Samples *mat.Dense
	// Width and Height are the display size in CSS pixels; zero: 440×512.
	Width, Height int
}

// Quiver draws the vector field u at time t as arrows on a grid. Arrow
// length is proportional to |u_t(x)| (the 95th percentile of lengths fills
// most of a grid cell; the few longer arrows are cut at 1.5 cells) and the
// colour gives |u_t(x)| on the colour bar, so no magnitude is hidden. The
// field is evaluated in one batch. It panics if u is nil, and reports in
// its text how many grid points gave NaN.
func Quiver(u Field, t float64, o *QuiverOptions) *Figure {
	if u == nil {
		panic("plots.Quiver: u is nil")
	}
	var opt QuiverOptions
	if o != nil {
		opt = *o
	}
	if opt.XMin == 0 && opt.XMax == 0 && opt.YMin == 0 && opt.YMax == 0 {
		opt.XMin, opt.XMax, opt.YMin, opt.YMax = -4, 4, -4, 4
	}
	if !(opt.XMax > opt.XMin) || !(opt.YMax > opt.YMin) {
		panic(fmt.Sprintf("plots.Quiver: the region [%g, %g]×[%g, %g] is empty", opt.XMin, opt.XMax, opt.YMin, opt.YMax))
	}
	if opt.Arrows == 0 {
		opt.Arrows = 21
	}
	if opt.Arrows < 2 {
		panic(fmt.Sprintf("plots.Quiver: Arrows is %d, want at least 2", opt.Arrows))
	}
	if opt.Title == "" {
		opt.Title = fmt.Sprintf("u_t(x) at t = %.3g", t)
	}
	vx, vy := span{opt.XMin, opt.XMax}, span{opt.YMin, opt.YMax}
	n := opt.Arrows
	g := &grid{nx: n, ny: n, xs: vx, ys: vy}
	x := mat.NewDense(n*n, 2, nil)
	for j := range n {
		for i := range n {
			x.Set(j*n+i, 0, g.cellX(i))
			x.Set(j*n+i, 1, g.cellY(j))
		}
	}
	v := mat.NewDense(n*n, 2, nil)
	u.Velocity(t, x, v)

	a := arrows{}
	var mags []float64
	nan := 0
	for k := range n * n {
		ux, uy := v.At(k, 0), v.At(k, 1)
		m := math.Hypot(ux, uy)
		if math.IsNaN(m) || math.IsInf(m, 0) {
			nan++
			continue
		}
		a.x0, a.y0 = append(a.x0, x.At(k, 0)), append(a.y0, x.At(k, 1))
		a.ux, a.uy = append(a.ux, ux), append(a.uy, uy)
		mags = append(mags, m)
	}
	cell := math.Min((vx.hi-vx.lo)/float64(n), (vy.hi-vy.lo)/float64(n))
	ref := quantile(mags, 0.95)
	scale, err := newColorScale(mags, false, 0, 0, 0)
	if err != nil {
		scale = colorScale{min: 0, max: 1}
	}
	scale.min, scale.top = 0, timeTop
	if ref > 0 {
		for k := range a.ux {
			f := 0.9 * cell / ref
			if l := mags[k] * f; l > 1.5*cell {
				f *= 1.5 * cell / l
			}
			a.ux[k] *= f
			a.uy[k] *= f
			col, _ := scale.color(mags[k])
			a.cols = append(a.cols, col)
		}
	} else {
		for range a.ux {
			a.cols = append(a.cols, Viridis(0))
		}
	}

	p := newPlot(opt.Title, "", "")
	if opt.Samples != nil {
		sx, sy := columns("Quiver", "Samples", opt.Samples, 0, 1)
		r, al := pointStyle(len(sx))
		p.Add(&points{xs: sx, ys: sy, col: color.NRGBA{0xaa, 0xaa, 0xaa, 0xff}, radius: vg.Points(r),
			alpha: al * 0.6, vectorLimit: 5000})
	}
	var nstream int
	if opt.Streamlines {
		sl := streamlines(u, t, vx, vy, 9)
		nstream = len(sl)
		p.Add(sl)
	}
	p.Add(a)
	w, h := opt.Width, opt.Height
	if w == 0 || h == 0 {
		w, h = cssPixels(squareFig), cssPixels(squareFig+colorBarH)
	}
	f := newFigure(p, 1, 1, "")
	f.SetSize(w, h)
	f.setLimits(vx, vy, aspectBox)
	f.panels[0].bar = colorBarPlot(scale, "|u_t(x)|")
	f.desc = fmt.Sprintf("quiver of u_t at t=%.3g: %d×%d arrows over [%g, %g]×[%g, %g], |u| up to %.4g",
		t, n, n, vx.lo, vx.hi, vy.lo, vy.hi, scale.max)
	if nstream > 0 {
		f.desc += fmt.Sprintf(", %d streamlines", nstream)
	}
	if nan > 0 {
		f.desc += fmt.Sprintf("; the field is NaN or infinite at %d grid points (not drawn)", nan)
	}
	return f
}

// QuiverFunc is Quiver for a plain func, e.g. a func literal in a notebook.
func QuiverFunc(u func(t float64, x, out *mat.Dense), t float64, o *QuiverOptions) *Figure {
	if u == nil {
		panic("plots.QuiverFunc: u is nil")
	}
	return Quiver(FieldFunc(u), t, o)
}

// quantile returns the q-quantile of vs (0 for none).
func quantile(vs []float64, q float64) float64 {
	if len(vs) == 0 {
		return 0
	}
	s := append([]float64(nil), vs...)
	sort.Float64s(s)
	return s[int(q*float64(len(s)-1))]
}

// arrows draws one arrow per start point (x0, y0) with offset (ux, uy) in
// data units, in the given colours: a shaft and a filled head.
type arrows struct {
	x0, y0, ux, uy []float64
	cols           []color.NRGBA
}

// Plot implements plot.Plotter.
func (a arrows) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for k := range a.x0 {
		s := vg.Point{X: trX(a.x0[k]), Y: trY(a.y0[k])}
		e := vg.Point{X: trX(a.x0[k] + a.ux[k]), Y: trY(a.y0[k] + a.uy[k])}
		d := e.Sub(s)
		l := vg.Length(math.Hypot(float64(d.X), float64(d.Y)))
		if l < vg.Points(0.5) || !c.Contains(s) {
			continue
		}
		head := min(0.4*l, vg.Points(5))
		dir := d.Scale(1 / l)
		norm := vg.Point{X: -dir.Y, Y: dir.X}
		base := e.Sub(dir.Scale(head))
		sty := draw.LineStyle{Color: a.cols[k], Width: vg.Points(1.1)}
		c.StrokeLines(sty, c.ClipLinesXY([]vg.Point{s, base})...)
		tri := []vg.Point{e, base.Add(norm.Scale(head * 0.45)), base.Sub(norm.Scale(head * 0.45))}
		if poly := c.ClipPolygonXY(tri); len(poly) > 2 {
			c.FillPolygon(a.cols[k], poly)
		}
	}
}

// streamlines traces curves tangent to u_t (t fixed) from an m×m grid of
// seeds, both forwards and backwards, with midpoint steps of fixed length
// along the normalised field; all seeds advance together, one batched
// field evaluation per half step.
func streamlines(u Field, t float64, vx, vy span, m int) lines {
	const steps = 30
	ds := math.Max(vx.hi-vx.lo, vy.hi-vy.lo) / 120
	var out lines
	sty := draw.LineStyle{Color: color.NRGBA{0x70, 0x70, 0x70, 0xb0}, Width: vg.Points(0.6)}
	for _, sign := range []float64{1, -1} {
		x := mat.NewDense(m*m, 2, nil)
		for j := range m {
			for i := range m {
				x.Set(j*m+i, 0, vx.lo+(float64(i)+0.5)*(vx.hi-vx.lo)/float64(m))
				x.Set(j*m+i, 1, vy.lo+(float64(j)+0.5)*(vy.hi-vy.lo)/float64(m))
			}
		}
		pathX := make([][]float64, m*m)
		pathY := make([][]float64, m*m)
		alive := make([]bool, m*m)
		for k := range alive {
			alive[k] = true
			pathX[k], pathY[k] = []float64{x.At(k, 0)}, []float64{x.At(k, 1)}
		}
		v := mat.NewDense(m*m, 2, nil)
		mid := mat.NewDense(m*m, 2, nil)
		// step moves each row of from by h along the unit field at at.
		step := func(dst, from, at *mat.Dense, h float64) {
			u.Velocity(t, at, v)
			for k := range m * m {
				vxk, vyk := v.At(k, 0), v.At(k, 1)
				l := math.Hypot(vxk, vyk)
				if !(l > 1e-12) || math.IsInf(l, 0) {
					alive[k] = false
					l, vxk, vyk = 1, 0, 0
				}
				dst.Set(k, 0, from.At(k, 0)+sign*h*vxk/l)
				dst.Set(k, 1, from.At(k, 1)+sign*h*vyk/l)
			}
		}
		for range steps {
			step(mid, x, x, ds/2)
			step(x, x, mid, ds)
			for k := range m * m {
				if !alive[k] {
					continue
				}
				px, py := x.At(k, 0), x.At(k, 1)
				pathX[k], pathY[k] = append(pathX[k], px), append(pathY[k], py)
				if !vx.contains(px) || !vy.contains(py) {
					alive[k] = false
				}
			}
		}
		for k := range pathX {
			if len(pathX[k]) > 1 {
				out = append(out, polyline{xs: pathX[k], ys: pathY[k], sty: sty})
			}
		}
	}
	return out
}
