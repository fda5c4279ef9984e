package plots

import (
	"fmt"
	"strings"

	"gonum.org/v1/plot/vg"
)

// PanelOptions adjusts Panels. The zero value (or nil) gives one row of
// panels, each keeping its own axes.
type PanelOptions struct {
	// Title is drawn above all panels.
	Title string
	// Cols is the number of panels per row; zero puts all in one row.
	Cols int
	// ShareAxes gives every panel the same x and y limits (the union of
	// theirs), so that panels can be compared by eye.
	ShareAxes bool
	// Width and Height are the display size in CSS pixels; zero: the
	// panels' own sizes, shrunk to at most 1100 pixels wide.
	Width, Height int
}

// maxPanelsWidth is the widest default panel figure, in CSS pixels: about
// the width of a notebook cell on a laptop screen.
const maxPanelsWidth = 1100

// Panels lays out the panels of figs in a grid, e.g. p_t at t = 0, 0.25,
// 0.5, 0.75, 1. Each figure's title stays above its panel. The figures are
// taken over, not copied: change them no further. It panics if figs is
// empty or holds a nil figure.
func Panels(figs []*Figure, o *PanelOptions) *Figure {
	if len(figs) == 0 {
		panic("plots.Panels: figs is empty")
	}
	var opt PanelOptions
	if o != nil {
		opt = *o
	}
	f := &Figure{title: opt.Title}
	var pw, ph vg.Length
	var descs []string
	for k, g := range figs {
		if g == nil {
			panic(fmt.Sprintf("plots.Panels: figs[%d] is nil", k))
		}
		f.panels = append(f.panels, g.panels...)
		// A figure that is itself a grid contributes its panel size.
		gc := max(1, min(g.cols, len(g.panels)))
		gr := (len(g.panels) + gc - 1) / gc
		pw, ph = max(pw, g.width/vg.Length(gc)), max(ph, g.height/vg.Length(gr))
		descs = append(descs, g.desc)
	}
	n := len(f.panels)
	f.cols = opt.Cols
	if f.cols <= 0 || f.cols > n {
		f.cols = n
	}
	rows := (n + f.cols - 1) / f.cols
	f.width, f.height = pw*vg.Length(f.cols), ph*vg.Length(rows)
	if opt.Title != "" {
		f.height += vg.Points(titleFontSize + 10)
	}
	if w := vg.Length(maxPanelsWidth) * vg.Inch / cssDPI; f.width > w {
		f.height *= w / f.width
		f.width = w
	}
	if opt.Width > 0 && opt.Height > 0 {
		f.SetSize(opt.Width, opt.Height)
	}
	if opt.ShareAxes {
		xs, ys := f.panels[0].xs, f.panels[0].ys
		for _, pn := range f.panels[1:] {
			xs, ys = xs.union(pn.xs), ys.union(pn.ys)
		}
		for _, pn := range f.panels {
			pn.xs, pn.ys = xs, ys
			pn.plot.X.Min, pn.plot.X.Max, pn.plot.Y.Min, pn.plot.Y.Max = xs.lo, xs.hi, ys.lo, ys.hi
		}
	}
	head := fmt.Sprintf("%d panels", n)
	if opt.Title != "" {
		head += " (" + opt.Title + ")"
	}
	f.desc = head + ": " + strings.Join(descs, " | ")
	return f
}
