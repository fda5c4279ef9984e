// Command qualityplot draws the time-to-quality figure: in_support (the
// fraction of checkerboard samples inside the squares) against seconds of
// training, for fmlib and PyTorch, from the points of one benchmark
// invocation recorded in bench/quality_results.txt (section 15a, as printed
// by `make bench-quality`). Runs repeated with other seeds (recipe names
// ending in #1, #2, …) are drawn as one line through the medians of their
// seconds and of their in_support at each mark. The targets — 0.90 within
// 60 s (issue 9) and 0.95 within 60 s (issue 15) — are drawn as dashed lines.
//
// From the repository's root:
//
//	go run ./bench/qualityplot            # writes docs/time-to-quality.png
//	go run ./bench/qualityplot -in FILE -section 1b -out FILE.png
package main

//go:generate go run . -in ../quality_results.txt -section 15d -out ../../docs/time-to-quality.png

import (
	"bufio"
	"flag"
	"fmt"
	"image/color"
	"io"
	"log"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/gophlow/gophlow/plots"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// point is one evaluation during training.
type point struct{ seconds, inSupport float64 }

// series is the evaluations of one training run, in file order.
type series struct {
	who    string // "torch" or "gophlow"
	recipe string // the recipe's name
	points []point
	runs   int // how many seeds' runs the points are the medians of
}

// pointLine matches a result line: `torch step=… train_s=… in_support=…`
// or `gophlow RECIPE step=… train_s=… in_support=…`.
var pointLine = regexp.MustCompile(`^(torch|gophlow)(?: (\S+))? step=\d+ train_s=([0-9.]+) in_support=([0-9.]+)`)

// sectionHeader matches a section's first line, "## 1b. Title"; further
// "##" lines continue the title.
var sectionHeader = regexp.MustCompile(`^## (\w+)\. `)

// parseSection reads the result lines of the section whose header starts
// with "## <name>. " and returns its runs in order of first appearance.
func parseSection(r io.Reader, name string) ([]series, error) {
	sc := bufio.NewScanner(r)
	in, found := false, false
	var out []series
	index := map[string]int{}
	for sc.Scan() {
		line := sc.Text()
		if h := sectionHeader.FindStringSubmatch(line); h != nil {
			in = h[1] == name
			found = found || in
			continue
		}
		if !in {
			continue
		}
		m := pointLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		s, _ := strconv.ParseFloat(m[3], 64)
		q, _ := strconv.ParseFloat(m[4], 64)
		key := m[1] + " " + m[2]
		k, ok := index[key]
		if !ok {
			k = len(out)
			index[key] = k
			out = append(out, series{who: m[1], recipe: m[2]})
		}
		out[k].points = append(out[k].points, point{s, q})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if !found {
		return nil, fmt.Errorf("no section %q (a line starting with \"## %s.\")", name, name)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("section %q has no torch or gophlow result lines", name)
	}
	return out, nil
}

// recipeSteps reads the step budget of the benchmark's Recipe2D runs from
// their name (w64_3e-3cos20k_ema or Recipe2D-20k: 20,000 steps).
var recipeSteps = regexp.MustCompile(`^(?:w64_3e-3cos|Recipe2D-)(\d+)k(?:_ema)?$`)

// label names a run in the legend.
func label(s series) string {
	who := "fmlib"
	if s.who == "torch" {
		who = "PyTorch 1.13"
	}
	seeds := ""
	if s.runs > 1 {
		seeds = fmt.Sprintf(", median of %d seeds", s.runs)
	}
	switch m := recipeSteps.FindStringSubmatch(s.recipe); {
	case m != nil:
		return fmt.Sprintf("%s: Recipe2D, %s,000 steps%s", who, m[1], seeds)
	case s.recipe == "" || s.recipe == "ref256" || s.recipe == "ref4x256-4k":
		return fmt.Sprintf("%s: 4×256, batch 1024, Adam 1e-3%s", who, seeds)
	}
	return who + " " + s.recipe + seeds
}

// medianRuns merges the runs of one recipe repeated with other seeds
// (names RECIPE#1, RECIPE#2, …, in file order) into one series whose
// points are the medians of the runs' seconds and in_support at each mark.
func medianRuns(runs []series) []series {
	var out []series
	index := map[string]int{}
	groups := map[string][]series{}
	for _, s := range runs {
		base, _, _ := strings.Cut(s.recipe, "#")
		key := s.who + " " + base
		if _, ok := index[key]; !ok {
			index[key] = len(out)
			out = append(out, series{who: s.who, recipe: base})
		}
		groups[key] = append(groups[key], s)
	}
	for key, k := range index {
		g := groups[key]
		n := len(g[0].points)
		for _, s := range g {
			n = min(n, len(s.points))
		}
		for i := range n {
			var secs, qs []float64
			for _, s := range g {
				secs, qs = append(secs, s.points[i].seconds), append(qs, s.points[i].inSupport)
			}
			out[k].points = append(out[k].points, point{median(secs), median(qs)})
		}
		out[k].runs = len(g)
	}
	return out
}

// median is the middle value of v (the mean of the middle two for an even
// count); v is sorted in place.
func median(v []float64) float64 {
	sort.Float64s(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

// firstAtLeast is the first point of s with in_support ≥ level.
func firstAtLeast(s series, level float64) (point, bool) {
	for _, p := range s.points {
		if p.inSupport >= level {
			return p, true
		}
	}
	return point{}, false
}

// sans is the typeface of all text, as in package plots.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// figure draws the runs with the targets.
func figure(runs []series, title string) (*plot.Plot, error) {
	plot.DefaultFont, plotter.DefaultFont = sans, sans
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = 13
	p.X.Label.Text = "training seconds (two CPU cores)"
	p.Y.Label.Text = "in_support (fraction of samples in the squares)"
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font.Size = 12
		a.Tick.Label.Font.Size = 11
	}
	p.Legend.Top, p.Legend.Left = false, false
	p.Legend.XOffs, p.Legend.YOffs = -vg.Points(60), vg.Points(48)
	p.Legend.TextStyle.Font.Size = 11
	grid := plotter.NewGrid()
	grid.Vertical.Color, grid.Horizontal.Color = color.Gray{0xe0}, color.Gray{0xe0}
	p.Add(grid)

	xMax, yMin := 65.0, 1.0
	for _, s := range runs {
		for _, pt := range s.points {
			xMax, yMin = math.Max(xMax, 1.2*pt.seconds), math.Min(yMin, pt.inSupport)
		}
	}
	yMin = math.Floor(yMin*20-0.5) / 20
	p.X.Min, p.X.Max = 0, xMax
	p.Y.Min, p.Y.Max = yMin, 1

	// The targets: in_support 0.90 within 60 s (issue 9), 0.95 within 60 s (issue 15).
	grey := color.Gray{0x60}
	var ns notes
	drawn := map[float64]bool{}
	for _, t := range []struct{ level, seconds float64 }{{0.90, 60}, {0.95, 60}} {
		h, err := plotter.NewLine(plotter.XYs{{X: 0, Y: t.level}, {X: xMax, Y: t.level}})
		if err != nil {
			return nil, err
		}
		lines := []*plotter.Line{h}
		ns.list = append(ns.list, note{x: xMax, y: t.level, color: grey, fixed: true,
			text: fmt.Sprintf("target: %.2f within %.0f s", t.level, t.seconds)})
		if !drawn[t.seconds] {
			drawn[t.seconds] = true
			v, err := plotter.NewLine(plotter.XYs{{X: t.seconds, Y: yMin}, {X: t.seconds, Y: 1}})
			if err != nil {
				return nil, err
			}
			lines = append(lines, v)
			ns.list = append(ns.list, note{x: t.seconds, y: 1, color: grey, fixed: true, text: fmt.Sprintf("%.0f s", t.seconds)})
		}
		for _, l := range lines {
			l.Color, l.Width, l.Dashes = grey, vg.Points(1), []vg.Length{vg.Points(5), vg.Points(3)}
			p.Add(l)
		}
	}

	// The runs, with where each first reaches 0.90 and each run's last point.
	var marks []plotter.XY
	firstOf := map[int]float64{}
	for k, s := range runs {
		if pt, ok := firstAtLeast(s, 0.90); ok {
			firstOf[k] = pt.seconds
		}
	}
	for k, s := range runs {
		col := plots.ClassColor(k)
		xys := make(plotter.XYs, len(s.points))
		for i, pt := range s.points {
			xys[i] = plotter.XY{X: pt.seconds, Y: pt.inSupport}
		}
		marks = append(marks, xys...)
		line, dots, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, err
		}
		line.Color, line.Width = col, vg.Points(1.8)
		dots.Color, dots.Shape, dots.Radius = col, draw.CircleGlyph{}, vg.Points(3)
		p.Add(line, dots)
		p.Legend.Add(label(s), line, dots)
		for i, pt := range s.points {
			first := pt.inSupport >= 0.90 && firstOf[k] == pt.seconds
			if first || i == len(s.points)-1 {
				ns.list = append(ns.list, note{x: pt.seconds, y: pt.inSupport, color: col,
					text: fmt.Sprintf("%.3f at %.0f s", pt.inSupport, pt.seconds)})
			}
		}
	}
	ns.avoid = marks
	p.Add(ns)
	return p, nil
}

// note is a text placed beside a point of the plot on a white box; fixed
// notes (the targets) sit below their point, to its left.
type note struct {
	x, y  float64
	text  string
	color color.Color
	fixed bool
}

// notes is a plotter of notes that places each one below-right, above-left
// or above-right of its point: the first of these that stays on the canvas
// and covers none of the avoid points and no note placed before it.
type notes struct {
	list  []note
	avoid []plotter.XY
}

// Plot implements plot.Plotter.
func (ns notes) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	gap := vg.Points(5)
	var placed []vg.Rectangle
	for _, n := range ns.list {
		sty := text.Style{Color: n.color, Font: font.From(sans, 10), Handler: plot.DefaultTextHandler}
		at := vg.Point{X: trX(n.x), Y: trY(n.y)}
		type place struct {
			dx, dy vg.Length
			xa     text.XAlignment
			ya     text.YAlignment
		}
		places := []place{{gap, -gap, draw.XLeft, draw.YTop}, {-gap, gap, draw.XRight, draw.YBottom}, {gap, gap, draw.XLeft, draw.YBottom}}
		if n.fixed {
			places = []place{{-gap, -vg.Points(2), draw.XRight, draw.YTop}}
		}
		var box vg.Rectangle
		var anchor vg.Point
		for _, pl := range places {
			sty.XAlign, sty.YAlign = pl.xa, pl.ya
			anchor = vg.Point{X: at.X + pl.dx, Y: at.Y + pl.dy}
			box = sty.Rectangle(n.text).Add(anchor)
			inside := box.Min.X >= c.Min.X && box.Max.X <= c.Max.X
			if inside && !covers(box, ns.avoid, trX, trY, vg.Points(4)) && !overlaps(box, placed) {
				break
			}
		}
		placed = append(placed, box)
		pad := vg.Points(1.5)
		c.FillPolygon(color.NRGBA{0xff, 0xff, 0xff, 0xe0}, []vg.Point{
			{X: box.Min.X - pad, Y: box.Min.Y - pad}, {X: box.Max.X + pad, Y: box.Min.Y - pad},
			{X: box.Max.X + pad, Y: box.Max.Y + pad}, {X: box.Min.X - pad, Y: box.Max.Y + pad}})
		c.FillText(sty, anchor, n.text)
	}
}

// overlaps reports whether box intersects one of the others.
func overlaps(box vg.Rectangle, others []vg.Rectangle) bool {
	for _, o := range others {
		if box.Min.X < o.Max.X && o.Min.X < box.Max.X && box.Min.Y < o.Max.Y && o.Min.Y < box.Max.Y {
			return true
		}
	}
	return false
}

// covers reports whether box, grown by margin, contains one of the points.
func covers(box vg.Rectangle, pts []plotter.XY, trX, trY func(float64) vg.Length, margin vg.Length) bool {
	for _, p := range pts {
		x, y := trX(p.X), trY(p.Y)
		if x >= box.Min.X-margin && x <= box.Max.X+margin && y >= box.Min.Y-margin && y <= box.Max.Y+margin {
			return true
		}
	}
	return false
}

// savePNG writes the plot as an 8×5-inch PNG at 192 dots per inch (sharp
// on high-DPI screens; the README shows it at half size).
func savePNG(p *plot.Plot, path string) error {
	c := vgimg.NewWith(vgimg.UseWH(8*vg.Inch, 5*vg.Inch), vgimg.UseDPI(192))
	p.Draw(draw.New(c))
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func main() {
	in := flag.String("in", "bench/quality_results.txt", "the results file")
	section := flag.String("section", "15a", "the section of the results file to draw (its header starts with \"## <section>.\")")
	out := flag.String("out", "docs/time-to-quality.png", "the PNG to write")
	flag.Parse()
	f, err := os.Open(*in)
	if err != nil {
		log.Fatal(err)
	}
	runs, err := parseSection(f, *section)
	f.Close()
	if err != nil {
		log.Fatalf("%s: %v", *in, err)
	}
	runs = medianRuns(runs)
	p, err := figure(runs, "Time to quality on the 2D checkerboard, the same recipes on both sides")
	if err != nil {
		log.Fatal(err)
	}
	if err := savePNG(p, *out); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %s: %d runs from section %s of %s\n", *out, len(runs), *section, *in)
}
