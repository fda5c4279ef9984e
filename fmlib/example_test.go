package fmlib_test

import (
	"fmt"
	"math"

	"github.com/gophlow/gophlow/fmlib"
	"gonum.org/v1/gonum/mat"
)

// The OT path of eq. 37: x_t = (1−t)x0 + t x1 with target x1 − x0.
func ExampleOTPath() {
	p := fmlib.OTPath(0)
	x0 := mat.NewDense(1, 2, []float64{0, 0})
	x1 := mat.NewDense(1, 2, []float64{2, 4})
	xt, ut, err := p.Sample(0.5, x0, x1)
	if err != nil {
		panic(err)
	}
	fmt.Println(xt.RawRowView(0), ut.RawRowView(0))
	// Output: [1 2] [2 4]
}

// A vector field typed as a func literal, solved with RK4.
func ExampleSolveFunc() {
	decay := func(t float64, x, out *mat.Dense) { out.Scale(-1, x) } // dx/dt = −x
	x0 := mat.NewDense(1, 1, []float64{1})
	sol, err := fmlib.SolveFunc(decay, x0, fmlib.SolveOptions{Method: fmlib.RK4, Steps: 20})
	if err != nil {
		panic(err)
	}
	fmt.Printf("x(1) = %.6f (e⁻¹ = %.6f), %d field evaluations\n", sol.X.At(0, 0), math.Exp(-1), sol.NFE)
	// Output: x(1) = 0.367879 (e⁻¹ = 0.367879), 80 field evaluations
}

// Eq. 14 on Gaussian data: the likelihood of the exact marginal field
// reproduces the data density.
func ExampleLogLikelihood() {
	data, err := fmlib.NewIsotropicMixture([]float64{1}, mat.NewDense(1, 2, []float64{1, -1}), []float64{0.5})
	if err != nil {
		panic(err)
	}
	field, err := data.Marginal(fmlib.OTPath(0))
	if err != nil {
		panic(err)
	}
	x1 := mat.NewDense(1, 2, []float64{1.2, -0.7})
	res, err := fmlib.LogLikelihood(field, x1, fmlib.LikelihoodOptions{
		Solve: fmlib.SolveOptions{Method: fmlib.Dopri5, RTol: 1e-9, ATol: 1e-9},
	})
	if err != nil {
		panic(err)
	}
	exact, _ := data.LogDensity(x1)
	fmt.Printf("eq. 14: %.6f, closed form: %.6f (%v divergence)\n", res.LogP[0], exact[0], res.Divergence)
	// Output: eq. 14: -0.711583, closed form: -0.711583 (exact divergence)
}

// Exact minibatch OT: match each point of a to one of b at least total
// squared distance.
func ExampleAssignment() {
	a := mat.NewDense(3, 1, []float64{0, 1, 2})
	b := mat.NewDense(3, 1, []float64{2.1, -0.1, 0.9})
	cost, _ := fmlib.SquaredDistances(a, b)
	assign, total, _ := fmlib.Assignment(cost)
	fmt.Printf("%v %.2f\n", assign, total)
	// Output: [1 2 0] 0.03
}

// The exact marginal flow of a 2-point data set (Figure 2b): every noise
// sample is carried onto one of the points.
func ExampleNewEmpirical() {
	points := mat.NewDense(2, 2, []float64{-1, 0, 1, 0})
	field, err := fmlib.NewEmpirical(points, fmlib.OTPath(1e-3))
	if err != nil {
		panic(err)
	}
	x0 := mat.NewDense(2, 2, []float64{-0.3, 1.2, 0.4, -0.8})
	sol, err := fmlib.Solve(field, x0, fmlib.SolveOptions{Method: fmlib.Dopri5, RTol: 1e-8, ATol: 1e-8})
	if err != nil {
		panic(err)
	}
	round := func(v float64) float64 { return math.Round(v*100)/100 + 0 } // +0 turns −0 into 0
	for i := 0; i < 2; i++ {
		fmt.Printf("(%.2f, %.2f)\n", round(sol.X.At(i, 0)), round(sol.X.At(i, 1)))
	}
	// Output:
	// (-1.00, 0.00)
	// (1.00, 0.00)
}

// A discrete normalizing flow (eq. 4–5): a composition of layers with an
// exact density.
func ExampleCompose() {
	scale, _ := fmlib.NewAffineLayer([]float64{math.Log(2)}, []float64{1})
	flow, err := fmlib.Compose(scale)
	if err != nil {
		panic(err)
	}
	// x1 = 2·x0 + 1 with x0 ~ N(0,1) is N(1, 4): log p(1) = −log(2√(2π)).
	logp, _ := flow.LogDensity(mat.NewDense(1, 1, []float64{1}))
	fmt.Printf("%.6f %.6f\n", logp[0], -math.Log(2*math.Sqrt(2*math.Pi)))
	// Output: -1.612086 -1.612086
}
