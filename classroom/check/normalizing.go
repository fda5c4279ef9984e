package check

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gophlow/gophlow/fmlib"
	"gonum.org/v1/gonum/mat"
)

// randomPlanar draws a planar layer y = x + u·tanh(wᵀx + b) in dimension dim
// with wᵀu > −1, so that it is invertible.
func randomPlanar(rng *rand.Rand, dim int) *fmlib.PlanarLayer {
	for {
		w, u := randomVector(rng, dim, 1), randomVector(rng, dim, 1)
		if layer, err := fmlib.NewPlanarLayer(w, u, 0.5*rng.NormFloat64()); err == nil {
			return layer
		}
	}
}

// forward applies a layer to one point and returns the image and log|det J|.
func forward(layer fmlib.Layer, x []float64) ([]float64, float64) {
	y := mat.NewDense(1, len(x), nil)
	logDet := make([]float64, 1)
	if err := layer.Forward(row(x), y, logDet); err != nil {
		panic(fmt.Sprintf("check: reference layer failed: %v", err))
	}
	return y.RawRowView(0), logDet[0]
}

// PlanarLogDet checks the student's log|det J| of the planar layer
// y = x + u·tanh(wᵀx + b) (a layer φ_k of eq. 4, whose log-determinants eq. 5
// adds up): by the matrix determinant lemma det(I + h'·u wᵀ) = 1 + h'·wᵀu with
// h' = 1 − tanh²(wᵀx + b). The reference is fmlib.PlanarLayer.
func PlanarLogDet(logDet func(x, w, u []float64, b float64) float64) *Result {
	s := spec{name: "log|det J| of a planar layer (eq. 4–5)", trials: 20, seed: 4,
		hint:    "J = I + h'(wᵀx + b)·u wᵀ with h' = 1 − tanh²; det(I + a bᵀ) = 1 + bᵀa; take log of the absolute value.",
		summary: "matches fmlib.PlanarLayer on 20 random layers and points in dimension 1 to 4"}
	if logDet == nil {
		return nilFunction(s.name, "check.PlanarLogDet(planarLogDet)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		layer := randomPlanar(rng, 1+rng.IntN(4))
		x := randomVector(rng, len(layer.W), 1.5)
		_, want := forward(layer, x)
		a, wu := layer.B, 0.0
		for j := range x {
			a += layer.W[j] * x[j]
			wu += layer.W[j] * layer.U[j]
		}
		th := math.Tanh(a)
		return trial{
			input: fmt.Sprintf("x = %s, w = %s, u = %s, b = %.4g", vec(x), vec(layer.W), vec(layer.U), layer.B),
			want:  one(want),
			call: func() []float64 {
				return one(logDet(clone(x), clone(layer.W), clone(layer.U), layer.B))
			},
			mistakes: []mistake{
				{one(math.Log(math.Abs(1 + th*wu))), "that uses tanh itself: the Jacobian holds its derivative, 1 − tanh²(wᵀx + b)."},
				{one(math.Log(math.Abs((1 - th*th) * wu))), "the identity is missing: y = x + …, so J = I + h'·u wᵀ and det J = 1 + h'·wᵀu."},
				{one(-want), "the sign is reversed: that is log|det| of the inverse map."},
			},
		}
	})
}

// JacobianLogDet checks the student's log|det J_φ(x)| computed from central
// finite differences, J_ij ≈ (φ_i(x + h e_j) − φ_i(x − h e_j)) / 2h, against
// the exact log-determinant of fmlib's planar and radial layers (eq. 2, 5).
// With h = 1e-5 the central difference is accurate to about 1e-9; a one-sided
// difference is not (its error is of order h) and fails.
func JacobianLogDet(logDet func(phi func(x []float64) []float64, x []float64, h float64) float64) *Result {
	s := spec{name: "log|det J| by finite differences (eq. 2, 5)", trials: 12, seed: 5, tol: 2e-7,
		hint:    "use central differences, accurate to order h²: column j of J is (φ(x + h e_j) − φ(x − h e_j)) / 2h; build the d×d matrix (mat.NewDense) and take log|mat.Det(J)|.",
		summary: "matches the exact log|det J| of fmlib's planar and radial layers on 12 random points (dimension 1 to 4)"}
	if logDet == nil {
		return nilFunction(s.name, "check.JacobianLogDet(jacobianLogDet)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		dim := 1 + rng.IntN(4)
		var layer fmlib.Layer = randomPlanar(rng, dim)
		kind := "planar"
		if n%2 == 0 {
			radial, err := fmlib.NewRadialLayer(randomVector(rng, dim, 1), 0.5+rng.Float64(), rng.Float64()*2-0.4)
			if err != nil {
				panic(fmt.Sprintf("check.JacobianLogDet: %v", err))
			}
			layer, kind = radial, "radial"
		}
		x := randomVector(rng, dim, 1.5)
		_, want := forward(layer, x)
		phi := func(p []float64) []float64 {
			y, _ := forward(layer, p)
			return y
		}
		return trial{
			input: fmt.Sprintf("a %s layer in dimension %d at x = %s, h = 1e-5", kind, dim, vec(x)),
			want:  one(want),
			call:  func() []float64 { return one(logDet(phi, clone(x), 1e-5)) },
		}
	})
}

// FlowLogDensity checks eq. 5 on a composition of layers: the student's
// function pushes x0 through the layers in order, each returning its output
// and its forward log|det J_φk|, and returns x1 with
// log p_1(x1) = log N(x0; 0, I) − Σ_k log|det J_φk|. The reference is
// fmlib.Flow.Forward of the same planar layers.
func FlowLogDensity(flow func(layers []func(x []float64) ([]float64, float64), x0 []float64) ([]float64, float64)) *Result {
	s := spec{name: "log-density through a composed flow (eq. 4–5)", trials: 12, seed: 45,
		hint:    "keep a running sum of the layers' log|det J|; at the end log p_1(x1) = −‖x0‖²/2 − (d/2)·log 2π − that sum.",
		summary: "matches fmlib.Flow.Forward on 12 random flows of 1 to 4 planar layers (x1 and log p_1)"}
	if flow == nil {
		return nilFunction(s.name, "check.FlowLogDensity(flowLogDensity)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		dim, k := 1+rng.IntN(3), 1+rng.IntN(4)
		layers := make([]fmlib.Layer, k)
		funcs := make([]func(x []float64) ([]float64, float64), k)
		for i := range layers {
			layer := randomPlanar(rng, dim)
			layers[i] = layer
			funcs[i] = func(x []float64) ([]float64, float64) { return forward(layer, x) }
		}
		f, err := fmlib.Compose(layers...)
		if err != nil {
			panic(fmt.Sprintf("check.FlowLogDensity: %v", err))
		}
		x0 := randomVector(rng, dim, 1)
		x1, logDet, err := f.Forward(row(x0))
		if err != nil {
			panic(fmt.Sprintf("check.FlowLogDensity: %v", err))
		}
		logp0 := fmlib.StandardNormalLogDensity(row(x0))[0]
		want := append(clone(x1.RawRowView(0)), logp0-logDet[0])
		return trial{
			input: fmt.Sprintf("%d planar layers in dimension %d, x0 = %s (the last number is log p_1)", k, dim, vec(x0)),
			want:  want,
			call: func() []float64 {
				y, logp := flow(funcs, clone(x0))
				return append(clone(y), logp)
			},
			mistakes: []mistake{
				{append(clone(x1.RawRowView(0)), logp0+logDet[0]), "the sum of log-determinants has the wrong sign: a layer that stretches (|det J| > 1) lowers the density."},
				{append(clone(x1.RawRowView(0)), logp0), "the log-determinants are missing: subtract the sum of the layers' log|det J|."},
			},
		}
	})
}

// AffineDensityByHand checks the value of p_1(2) for x1 = 2·x0 + 1 with
// x0 ~ N(0, 1), worked out by hand with the change of variables (eq. 2).
func AffineDensityByHand(p float64) *Result {
	want := math.Exp(-0.125) / math.Sqrt(2*math.Pi) / 2
	return byHand("p_1(2) for x1 = 2·x0 + 1 by hand (eq. 2)", p, want,
		"invert first: x0 = (2 − 1)/2; then p_1(2) = N(x0; 0, 1)·|dx0/dx1|, and dx0/dx1 = 1/2.")
}
