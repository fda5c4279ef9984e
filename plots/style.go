package plots

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Display geometry. Figures are laid out in typographic points (1/72 inch);
// a notebook shows them at 96 CSS pixels per inch, and PNGs are rendered at
// twice that so that they stay sharp on high-DPI screens.
const (
	cssDPI    = 96
	pngDPI    = 2 * cssDPI
	squareFig = vg.Length(330) // side of a default 2D figure: 440 CSS pixels
	wideFig   = vg.Length(432) // width of a default curve figure: 576 CSS pixels
	curveFigH = vg.Length(270) // height of a default curve figure: 360 CSS pixels
	colorBarH = vg.Length(54)  // height of a colour bar under a plot: 72 CSS pixels
)

// Font sizes readable at notebook size.
const (
	titleFontSize = 13
	labelFontSize = 12
	tickFontSize  = 11
)

// okabeIto is the Okabe–Ito colour-blind-safe palette, ordered so that the
// first colours are the most distinct: blue, orange, bluish green,
// vermillion, reddish purple, sky blue, yellow, black.
var okabeIto = []color.NRGBA{
	{0x00, 0x72, 0xB2, 0xff},
	{0xE6, 0x9F, 0x00, 0xff},
	{0x00, 0x9E, 0x73, 0xff},
	{0xD5, 0x5E, 0x00, 0xff},
	{0xCC, 0x79, 0xA7, 0xff},
	{0x56, 0xB4, 0xE9, 0xff},
	{0xF0, 0xE4, 0x42, 0xff},
	{0x00, 0x00, 0x00, 0xff},
}

// ClassColor returns the colour used for class (or run) k: the Okabe–Ito
// palette, repeating after eight classes.
func ClassColor(k int) color.Color {
	if k < 0 {
		k = -k
	}
	return okabeIto[k%len(okabeIto)]
}

var (
	gridGrey  = color.NRGBA{0xdd, 0xdd, 0xdd, 0xff}
	faintGrey = color.NRGBA{0x99, 0x99, 0x99, 0xff}
)

// sans is the typeface of all text: Liberation Sans, which gonum/plot
// embeds, so figures look the same everywhere.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// newPlot returns a gonum plot with the package's look: readable fonts,
// tick labels without needless decimals, and a title.
func newPlot(title, xlabel, ylabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = font.From(sans, titleFontSize)
	p.Title.Padding = 4
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sans, labelFontSize)
		a.Tick.Label.Font = font.From(sans, tickFontSize)
		a.Tick.Marker = linearTicks{}
		a.Padding = 2
	}
	p.Legend.TextStyle.Font = font.From(sans, tickFontSize)
	p.Legend.Top = true
	return p
}

// gridLines returns light grid lines at the major ticks.
func gridLines() *plotter.Grid {
	g := plotter.NewGrid()
	g.Vertical.Color, g.Horizontal.Color = gridGrey, gridGrey
	return g
}

// legendBackdrop is a plotter, added last, that lays a translucent white
// box where the legend (top right) will be drawn, so that legend text stays
// readable over dense data.
type legendBackdrop struct{}

// Plot implements plot.Plotter.
func (legendBackdrop) Plot(c draw.Canvas, p *plot.Plot) {
	l := p.Legend
	// Legend.Rectangle places a legend with Left set at the right edge
	// (the opposite of Legend.Draw), which is where ours is drawn.
	l.Left = true
	r := l.Rectangle(c)
	pad := vg.Points(3)
	r.Min.X, r.Min.Y, r.Max.X, r.Max.Y = r.Min.X-pad, r.Min.Y-pad, r.Max.X+pad, r.Max.Y+pad
	c.FillPolygon(color.NRGBA{0xff, 0xff, 0xff, 0xc0},
		[]vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}})
}
