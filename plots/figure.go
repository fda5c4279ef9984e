package plots

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Figure is a drawing made of one or more panels laid out in a grid, with an
// optional overall title. A notebook shows it inline (MIMEBundle); Save
// writes it to a file. The zero value is not usable: figures come from the
// functions of this package. Drawing sets the axis limits of the panels,
// so one figure must not be drawn from two goroutines at once.
type Figure struct {
	width, height vg.Length
	title         string
	cols          int
	panels        []*panel
	desc          string
	showSVG       bool // MIMEBundle gives SVG instead of PNG
}

// panel is one gonum plot, with its colour bar (if any) drawn below it.
type panel struct {
	plot   *plot.Plot
	bar    *plot.Plot
	aspect aspect
	xs     span // data limits before the aspect adjustment
	ys     span
	// data and barData are where the data areas of the plot and of its
	// colour bar were drawn last, in canvas coordinates.
	data, barData vg.Rectangle
}

// newFigure returns a one-panel figure of the given size.
func newFigure(p *plot.Plot, w, h vg.Length, desc string) *Figure {
	return &Figure{width: w, height: h, cols: 1, desc: desc,
		panels: []*panel{{plot: p, xs: span{p.X.Min, p.X.Max}, ys: span{p.Y.Min, p.Y.Max}}}}
}

// aspect says how a panel keeps one data unit as long on both axes.
type aspect int

const (
	// aspectFree lets the axes scale independently (curves).
	aspectFree aspect = iota
	// aspectWiden widens the narrower axis range: limits chosen from the
	// data may grow, the panel fills its cell.
	aspectWiden
	// aspectBox shrinks the data area instead: limits chosen by the
	// reader (a region, a grid) stay exactly as given.
	aspectBox
)

// viewAspect is the aspect of 2D data: a view the reader fixed is kept
// exactly (aspectBox), one chosen from the data may widen (aspectWiden).
func viewAspect(fixed bool) aspect {
	if fixed {
		return aspectBox
	}
	return aspectWiden
}

// setLimits fixes the data limits of the figure's first panel.
func (f *Figure) setLimits(xs, ys span, a aspect) {
	pn := f.panels[0]
	pn.xs, pn.ys, pn.aspect = xs, ys, a
	pn.plot.X.Min, pn.plot.X.Max = xs.lo, xs.hi
	pn.plot.Y.Min, pn.plot.Y.Max = ys.lo, ys.hi
}

// String returns a one-line description of what the figure shows.
func (f *Figure) String() string { return f.desc }

// Plots returns the gonum plots of the figure's panels, for adjustments
// that have no option here (axis labels, extra plotters).
func (f *Figure) Plots() []*plot.Plot {
	ps := make([]*plot.Plot, len(f.panels))
	for i, pn := range f.panels {
		ps[i] = pn.plot
	}
	return ps
}

// Size returns the display size of the figure in CSS pixels (96 per inch).
func (f *Figure) Size() (width, height int) {
	return cssPixels(f.width), cssPixels(f.height)
}

// SetSize changes the display size to width×height CSS pixels (96 per
// inch) and returns the figure. It panics if a size is not positive.
func (f *Figure) SetSize(width, height int) *Figure {
	if width <= 0 || height <= 0 {
		panic(fmt.Sprintf("plots: SetSize(%d, %d): width and height must be positive", width, height))
	}
	f.width = vg.Length(width) * vg.Inch / cssDPI
	f.height = vg.Length(height) * vg.Inch / cssDPI
	return f
}

func cssPixels(l vg.Length) int { return int(math.Round(l.Points() / vg.Inch.Points() * cssDPI)) }

// MIMEBundle returns the figure as a PNG drawn at twice the display
// resolution (or as SVG after AsSVG), and a short text description. The
// kernel's display package calls it to show the figure inline.
func (f *Figure) MIMEBundle() map[string]any {
	if f.showSVG {
		svg, err := f.SVG()
		if err != nil {
			return map[string]any{"text/plain": "plots: cannot render figure: " + err.Error()}
		}
		return map[string]any{"image/svg+xml": svg, "text/plain": f.desc}
	}
	data, err := f.PNG()
	if err != nil {
		return map[string]any{"text/plain": "plots: cannot render figure: " + err.Error()}
	}
	return map[string]any{"image/png": data, "text/plain": f.desc}
}

// MIMEMetadata returns the display size of the PNG in CSS pixels, so that
// the 2× image is shown crisply at its intended size. (An SVG carries its
// own size.)
func (f *Figure) MIMEMetadata() map[string]any {
	if f.showSVG {
		return map[string]any{}
	}
	w, h := f.Size()
	return map[string]any{"image/png": map[string]any{"width": w, "height": h}}
}

// AsSVG makes the notebook show the figure as SVG (sharp at any zoom,
// selectable text) instead of PNG, and returns it. Clouds of more than
// VectorLimit points are embedded as images even then.
func (f *Figure) AsSVG() *Figure {
	f.showSVG = true
	return f
}

// Image renders the figure at dpi pixels per inch (96 is the display size,
// 192 the high-DPI PNG). It panics if dpi is not positive.
func (f *Figure) Image(dpi int) *image.RGBA {
	if dpi <= 0 {
		panic(fmt.Sprintf("plots: Image(%d): dpi must be positive", dpi))
	}
	c := vgimg.NewWith(vgimg.UseWH(f.width, f.height), vgimg.UseDPI(dpi))
	f.Draw(draw.New(c))
	if img, ok := c.Image().(*image.RGBA); ok {
		return img
	}
	b := c.Image().Bounds()
	img := image.NewRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			img.Set(x, y, c.Image().At(x, y))
		}
	}
	return img
}

// PNG returns the figure encoded as PNG at twice the display resolution.
func (f *Figure) PNG() ([]byte, error) {
	var buf bytes.Buffer
	err := encodePNG(&buf, f.Image(pngDPI))
	return buf.Bytes(), err
}

func encodePNG(w io.Writer, img image.Image) error {
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	return enc.Encode(w, img)
}

// SVG returns the figure as an SVG document. Large point clouds are
// embedded in it as a raster image (see ScatterOptions.VectorLimit).
func (f *Figure) SVG() (string, error) {
	var buf bytes.Buffer
	if err := f.Write(&buf, "svg"); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// Write encodes the figure in format "png", "svg" or "pdf" to w.
func (f *Figure) Write(w io.Writer, format string) error {
	switch strings.ToLower(format) {
	case "png":
		return encodePNG(w, f.Image(pngDPI))
	case "svg":
		c := vgsvg.New(f.width, f.height)
		f.Draw(draw.New(c))
		_, err := c.WriteTo(w)
		return err
	case "pdf":
		c := vgpdf.New(f.width, f.height)
		f.Draw(draw.New(c))
		_, err := c.WriteTo(w)
		return err
	}
	return fmt.Errorf("plots: unknown format %q: want png, svg or pdf", format)
}

// Save writes the figure to path, choosing PNG, SVG or PDF by the file's
// extension.
func (f *Figure) Save(path string) error {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	if ext != "png" && ext != "svg" && ext != "pdf" {
		return fmt.Errorf("plots: Save(%q): unknown extension %q: want .png, .svg or .pdf", path, filepath.Ext(path))
	}
	var buf bytes.Buffer
	if err := f.Write(&buf, ext); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// Draw draws the figure onto c: the title, then the panels in a grid, each
// with its colour bar below it.
func (f *Figure) Draw(c draw.Canvas) {
	c.SetColor(image.White.C)
	c.Fill(c.Rectangle.Path())
	if f.title != "" {
		sty := text.Style{Font: font.From(sans, titleFontSize+1), XAlign: draw.XCenter,
			YAlign: draw.YTop, Handler: plot.DefaultTextHandler}
		c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y - 2}, f.title)
		c.Max.Y -= sty.Rectangle(f.title).Size().Y + 6
	}
	cols := max(1, min(f.cols, len(f.panels)))
	rows := (len(f.panels) + cols - 1) / cols
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: vg.Points(8), PadY: vg.Points(8),
		PadTop: vg.Points(4), PadBottom: vg.Points(4), PadLeft: vg.Points(4), PadRight: vg.Points(10)}
	for i, pn := range f.panels {
		pn.draw(tiles.At(c, i%cols, i/cols))
	}
}

// draw draws the panel into cell.
func (pn *panel) draw(cell draw.Canvas) {
	p := pn.plot
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = pn.xs.lo, pn.xs.hi, pn.ys.lo, pn.ys.hi
	main := cell
	if pn.bar != nil {
		main.Min.Y += colorBarH
	}
	switch pn.aspect {
	case aspectWiden:
		pn.widen(main)
	case aspectBox:
		// Shrink the data area along the axis with more length per unit,
		// keeping the panel (and its colour bar) centred in the cell.
		dc := p.DataCanvas(main)
		w, h := dc.Max.X-dc.Min.X, dc.Max.Y-dc.Min.Y
		if w > 0 && h > 0 {
			ux, uy := (pn.xs.hi-pn.xs.lo)/float64(w), (pn.ys.hi-pn.ys.lo)/float64(h)
			if ux > uy {
				d := h - vg.Length((pn.ys.hi-pn.ys.lo)/ux)
				main.Min.Y += d / 2
				main.Max.Y -= d / 2
				cell.Min.Y += d / 2
			} else {
				d := w - vg.Length((pn.xs.hi-pn.xs.lo)/uy)
				main.Min.X += d / 2
				main.Max.X -= d / 2
			}
		}
	}
	p.Draw(main)
	dc := p.DataCanvas(main)
	pn.data = dc.Rectangle
	if pn.bar != nil {
		bar := cell
		bar.Max.Y = cell.Min.Y + colorBarH - 8
		bar.Min.X, bar.Max.X = dc.Min.X, dc.Max.X
		// The bar's own axis padding would shift its data area: widen its
		// canvas by that padding so that the bar lines up with the plot.
		inner := pn.bar.DataCanvas(bar)
		bar.Min.X -= inner.Min.X - dc.Min.X
		bar.Max.X += dc.Max.X - inner.Max.X
		pn.bar.Draw(bar)
		pn.barData = pn.bar.DataCanvas(bar).Rectangle
	}
}

// widen widens one of the panel's axis ranges so that a data unit has the
// same length on both axes in canvas c. Tick labels change the data area,
// so the adjustment is made twice.
func (pn *panel) widen(c draw.Canvas) {
	p := pn.plot
	for range 2 {
		dc := p.DataCanvas(c)
		w, h := float64(dc.Max.X-dc.Min.X), float64(dc.Max.Y-dc.Min.Y)
		xs, ys := pn.xs, pn.ys
		if w <= 0 || h <= 0 {
			return
		}
		ux, uy := (xs.hi-xs.lo)/w, (ys.hi-ys.lo)/h
		if ux > uy {
			mid, half := (ys.lo+ys.hi)/2, ux*h/2
			ys = span{mid - half, mid + half}
		} else {
			mid, half := (xs.lo+xs.hi)/2, uy*w/2
			xs = span{mid - half, mid + half}
		}
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = xs.lo, xs.hi, ys.lo, ys.hi
	}
}
