package plots

import (
	"fmt"
	"sync"

	"gonum.org/v1/gonum/mat"
)

// LiveOptions adjusts a LiveView. The zero value (or nil) gives the
// defaults.
type LiveOptions struct {
	// Title is drawn above both panels.
	Title string
	// Data, if set, is drawn faintly under the current samples, so that
	// a reader sees the model's samples approach the data.
	Data *mat.Dense
	// MaxSamples is the largest number of current samples kept; zero:
	// 2000.
	MaxSamples int
	// Smooth is the moving-average width of the loss; zero: len/50.
	Smooth int
	// XMin, XMax, YMin, YMax fix the samples' view; all zero: robust
	// limits of Data (or of the first samples), kept for the whole run so
	// that the picture does not jump.
	XMin, XMax, YMin, YMax float64
}

// LiveView is a training dashboard — the loss so far beside the current
// samples — that a notebook shows once and then updates in place after each
// training callback:
//
//	lv := plots.NewLiveView(nil)
//	h := display.New()
//	h.Show(lv)
//	// in the training callback:
//	lv.Add(step, loss, samples)
//	h.Update(lv)
//
// Add only records numbers (and copies at most MaxSamples rows), so it is
// cheap; the figure is drawn when the notebook asks for it (MIMEBundle).
// A LiveView is safe to use from several goroutines.
type LiveView struct {
	mu      sync.Mutex
	opt     LiveOptions
	steps   []float64
	losses  []float64
	samples *mat.Dense
	step    int
	view    [2]span
	hasView bool
}

// NewLiveView returns an empty live view.
func NewLiveView(o *LiveOptions) *LiveView {
	lv := &LiveView{}
	if o != nil {
		lv.opt = *o
	}
	if lv.opt.MaxSamples == 0 {
		lv.opt.MaxSamples = 2000
	}
	if lv.opt.MaxSamples < 0 {
		panic(fmt.Sprintf("plots.NewLiveView: MaxSamples is %d, want positive", lv.opt.MaxSamples))
	}
	so := ScatterOptions{XMin: lv.opt.XMin, XMax: lv.opt.XMax, YMin: lv.opt.YMin, YMax: lv.opt.YMax}
	if so.fixedView() {
		lv.view, lv.hasView = [2]span{{so.XMin, so.XMax}, {so.YMin, so.YMax}}, true
	} else if lv.opt.Data != nil {
		xs, ys := columns("NewLiveView", "Data", lv.opt.Data, 0, 1)
		vx, vy := viewOf(so, xs, ys)
		lv.view, lv.hasView = [2]span{vx, vy}, true
	}
	return lv
}

// Add records the loss at a training step and, when samples is not nil,
// replaces the current samples with a copy of (at most MaxSamples of) its
// rows.
func (lv *LiveView) Add(step int, loss float64, samples *mat.Dense) {
	var keep *mat.Dense
	if samples != nil {
		r, c := samples.Dims()
		if c < 2 {
			panic(fmt.Sprintf("plots.LiveView.Add: samples has %d columns, want at least 2", c))
		}
		rows := evenRows(r, lv.opt.MaxSamples)
		keep = mat.NewDense(len(rows), 2, nil)
		for i, k := range rows {
			keep.Set(i, 0, samples.At(k, 0))
			keep.Set(i, 1, samples.At(k, 1))
		}
	}
	lv.mu.Lock()
	defer lv.mu.Unlock()
	lv.steps = append(lv.steps, float64(step))
	lv.losses = append(lv.losses, loss)
	lv.step = step
	if keep != nil {
		lv.samples = keep
		if !lv.hasView {
			xs, ys := columns("LiveView.Add", "samples", keep, 0, 1)
			vx, vy := viewOf(ScatterOptions{}, xs, ys)
			lv.view, lv.hasView = [2]span{vx, vy}, true
		}
	}
}

// Len returns the number of losses recorded.
func (lv *LiveView) Len() int {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	return len(lv.losses)
}

// Figure draws the view as it is now: the loss (log y when positive) and
// the current samples.
func (lv *LiveView) Figure() *Figure {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	var figs []*Figure
	if len(lv.losses) > 0 {
		figs = append(figs, Curves([]Curve{{X: lv.steps, Y: lv.losses}}, &CurveOptions{Smooth: smoothOr(lv.opt.Smooth, len(lv.losses)),
			YScale: logIfPositive(lv.losses), XLabel: "step", YLabel: "loss", Width: 440, Height: 440,
			Title: fmt.Sprintf("loss at step %d: %.4g", lv.step, lv.losses[len(lv.losses)-1])}))
	}
	if lv.samples != nil {
		xs, ys := columns("LiveView", "samples", lv.samples, 0, 1)
		figs = append(figs, scatterFigure("LiveView", xs, ys, lv.view[0], lv.view[1],
			ScatterOptions{Title: "samples", Background: lv.opt.Data}))
	}
	if len(figs) == 0 {
		f := Curves([]Curve{{X: []float64{0}, Y: []float64{0}}}, &CurveOptions{Title: "waiting for the first step"})
		f.desc = "live view: no steps recorded yet"
		return f
	}
	f := Panels(figs, &PanelOptions{Title: lv.opt.Title})
	f.desc = fmt.Sprintf("live view at step %d: %d losses recorded, last %.4g", lv.step, len(lv.losses), lv.losses[len(lv.losses)-1])
	return f
}

func smoothOr(s, n int) int {
	if s != 0 {
		return s
	}
	return n / 50
}

func logIfPositive(vs []float64) Scale {
	if allPositive([][]float64{vs}) {
		return ScaleLog
	}
	return ScaleLinear
}

// MIMEBundle draws the current state as a PNG (see Figure.MIMEBundle).
func (lv *LiveView) MIMEBundle() map[string]any { return lv.Figure().MIMEBundle() }

// MIMEMetadata gives the display size of the PNG.
func (lv *LiveView) MIMEMetadata() map[string]any { return lv.Figure().MIMEMetadata() }

// String describes the current state in one line.
func (lv *LiveView) String() string { return lv.Figure().String() }
