package plots

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// A straight path from (-2,-2) to (2,2) starts with a black dot, ends with
// a vermillion one and is coloured by time in between: at t=1/2 its colour
// is viridis at the middle of the time scale.
func TestTrajectoryColoursAndMarkers(t *testing.T) {
	const T = 9
	var states []*mat.Dense
	for k := range T {
		s := float64(k) / (T - 1)
		states = append(states, mat.NewDense(1, 2, []float64{-2 + 4*s, -2 + 4*s}))
	}
	f := Trajectories(states, nil, &TrajectoryOptions{XMin: -3, XMax: 3, YMin: -3, YMax: 3, Width: 300, Height: 350})
	img := render(t, f)
	h := img.Bounds().Dy()
	sx, sy := toPixel(f, 0, -2, -2, pngDPI, h)
	if c := img.At(int(sx), int(sy)); colorDistance(c, color.Black) > 30 {
		t.Errorf("start of the path is %v, want black", c)
	}
	ex, ey := toPixel(f, 0, 2, 2, pngDPI, h)
	if c := img.At(int(ex), int(ey)); colorDistance(c, okabeIto[3]) > 30 {
		t.Errorf("end of the path is %v, want vermillion %v", c, okabeIto[3])
	}
	// The piece covering t in [0.375, 0.5] has mid time 0.4375; the one
	// after it 0.5625. At (0.25, 0.25), t = 0.5625.
	mx, my := toPixel(f, 0, 0.25, 0.25, pngDPI, h)
	want := Viridis(0.5625 * timeTop)
	// The line is 0.9pt (2.4 px) wide and 80% opaque over white.
	blend := color.NRGBA{uint8(0.8*float64(want.R) + 0.2*255), uint8(0.8*float64(want.G) + 0.2*255),
		uint8(0.8*float64(want.B) + 0.2*255), 255}
	if c := img.At(int(mx), int(my)); colorDistance(c, blend) > 25 {
		t.Errorf("path colour at t=0.5625 is %v, want about %v", c, blend)
	}
	if !strings.Contains(f.String(), "1 of 1 samples over 9 times") {
		t.Errorf("description %q", f)
	}
}

// In SVG each path is cut into min(T-1, 24) coloured pieces, and MaxPaths
// limits the number of paths.
func TestTrajectorySVGStructure(t *testing.T) {
	const n, T = 50, 31
	var states []*mat.Dense
	x0 := gaussianCloud(n, 0, 0, 21)
	for k := range T {
		s := float64(k) / (T - 1)
		st := mat.NewDense(n, 2, nil)
		for i := range n {
			st.Set(i, 0, x0.At(i, 0)*(1-s)+3*s)
			st.Set(i, 1, x0.At(i, 1)*(1-s)+math.Sin(float64(i))*s)
		}
		states = append(states, st)
	}
	f := Trajectories(states, nil, &TrajectoryOptions{MaxPaths: 20})
	svg, err := f.SVG()
	if err != nil {
		t.Fatal(err)
	}
	// Path pieces are the only strokes 0.9pt wide.
	if got, want := strings.Count(svg, "stroke-width:0.9"), 20*24; got != want {
		t.Errorf("%d path pieces in SVG, want %d (20 paths × 24 pieces)", got, want)
	}
	if !strings.Contains(f.String(), "20 of 50 samples") {
		t.Errorf("description %q", f)
	}
}

func TestTrajectoryMisuse(t *testing.T) {
	a, b := mat.NewDense(3, 2, nil), mat.NewDense(4, 2, nil)
	for name, fn := range map[string]func(){
		"one state":  func() { Trajectories([]*mat.Dense{a}, nil, nil) },
		"shapes":     func() { Trajectories([]*mat.Dense{a, b}, nil, nil) },
		"times":      func() { Trajectories([]*mat.Dense{a, a}, []float64{0}, nil) },
		"decreasing": func() { Trajectories([]*mat.Dense{a, a}, []float64{1, 0}, nil) },
	} {
		if msg := panicMessage(fn); !strings.HasPrefix(msg, "plots.Trajectories") {
			t.Errorf("%s: panic %q", name, msg)
		}
	}
}
