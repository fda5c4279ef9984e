package plots_test

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gophlow/gophlow/plots"
	"gonum.org/v1/gonum/mat"
)

// Figure 2 of the notes: conditional paths ψ_t(x_0|x_1) = (1-t)x_0 + t x_1
// (eq. 34, σ_min = 0) are straight and cross; the marginal field u_t of
// eq. 19, for data made of a few points, moves the same noise along curved
// paths that never cross.
func Example_figure2() {
	rng := rand.New(rand.NewPCG(1, 2))
	data := [][2]float64{{-3, 2}, {3, 2}, {0, -3}}
	const n, steps = 60, 100
	x0 := mat.NewDense(n, 2, nil)
	x1 := mat.NewDense(n, 2, nil)
	for i := range n {
		x0.Set(i, 0, rng.NormFloat64())
		x0.Set(i, 1, rng.NormFloat64())
		d := data[rng.IntN(len(data))]
		x1.Set(i, 0, d[0])
		x1.Set(i, 1, d[1])
	}
	times := make([]float64, steps+1)
	var straight, curved []*mat.Dense
	x := mat.DenseCopyOf(x0)
	for k := range times {
		t := 0.99 * float64(k) / steps // u_t is singular at t = 1 when σ_min = 0
		times[k] = t
		s := mat.NewDense(n, 2, nil)
		for i := range n {
			for j := range 2 {
				s.Set(i, j, (1-t)*x0.At(i, j)+t*x1.At(i, j))
			}
		}
		straight = append(straight, s)
		curved = append(curved, mat.DenseCopyOf(x))
		if k < steps { // one Euler step of the marginal field
			dt := 0.99 / steps
			for i := range n {
				u := marginal(t, x.At(i, 0), x.At(i, 1), data)
				x.Set(i, 0, x.At(i, 0)+dt*u[0])
				x.Set(i, 1, x.At(i, 1)+dt*u[1])
			}
		}
	}
	view := &plots.TrajectoryOptions{XMin: -4.5, XMax: 4.5, YMin: -4.5, YMax: 4.5}
	a, b := *view, *view
	a.Title, b.Title = "(a) conditional paths", "(b) marginal paths"
	fig := plots.Panels([]*plots.Figure{
		plots.Trajectories(straight, times, &a),
		plots.Trajectories(curved, times, &b),
	}, &plots.PanelOptions{Title: "Figure 2"})
	fmt.Println(fig)
	// In a notebook the figure shows itself; elsewhere save it:
	// fig.Save("figure2.svg")

	// Output:
	// 2 panels (Figure 2): trajectories of 60 of 60 samples over 101 times from t=0 to t=0.99 ((a) conditional paths) | trajectories of 60 of 60 samples over 101 times from t=0 to t=0.99 ((b) marginal paths)
}

// marginal is the marginal field of eq. 19 for the conditional OT path
// with σ_min = 0 and data points a_i: u_t(x) = Σ w_i (a_i - x)/(1-t),
// w_i ∝ N(x; t a_i, (1-t)² I).
func marginal(t, x, y float64, data [][2]float64) [2]float64 {
	s := 1 - t
	logw := make([]float64, len(data))
	top := math.Inf(-1)
	for i, a := range data {
		dx, dy := x-t*a[0], y-t*a[1]
		logw[i] = -(dx*dx + dy*dy) / (2 * s * s)
		top = math.Max(top, logw[i])
	}
	var u [2]float64
	var z float64
	for i, a := range data {
		w := math.Exp(logw[i] - top)
		z += w
		u[0] += w * (a[0] - x) / s
		u[1] += w * (a[1] - y) / s
	}
	return [2]float64{u[0] / z, u[1] / z}
}

// Samples of a two-class data set, coloured by class.
func ExampleScatter() {
	rng := rand.New(rand.NewPCG(3, 4))
	x := mat.NewDense(1000, 2, nil)
	labels := make([]int, 1000)
	for i := range 1000 {
		labels[i] = i % 2
		x.Set(i, 0, rng.NormFloat64()+4*float64(labels[i]))
		x.Set(i, 1, rng.NormFloat64())
	}
	fig := plots.Scatter(x, &plots.ScatterOptions{Labels: labels, ClassNames: []string{"left", "right"}})
	w, h := fig.Size()
	fmt.Println(w, h)
	// Output:
	// 440 440
}
