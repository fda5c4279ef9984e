package fmlib

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Layer is one invertible map φ of a discrete normalizing flow (eq. 1–4),
// acting on each row of a batch.
type Layer interface {
	// Forward writes y = φ(x) and log|det J_φ(x)| of each row into logDet.
	Forward(x, y *mat.Dense, logDet []float64) error
	// Inverse writes x = φ⁻¹(y) and log|det J_{φ⁻¹}(y)| = −log|det J_φ(x)|.
	Inverse(y, x *mat.Dense, logDet []float64) error
	// Dim is the dimension the layer acts on.
	Dim() int
}

// Flow is the composition ψ = φ_K ∘ … ∘ φ_1 of layers (eq. 4), mapping base
// noise x0 ~ N(0, I) to data x1 = ψ(x0) (eq. 1).
type Flow struct {
	Layers []Layer
}

// Compose returns the flow applying layers in order (layers[0] first). All
// layers must act on the same dimension.
func Compose(layers ...Layer) (*Flow, error) {
	if len(layers) == 0 {
		return nil, fmt.Errorf("fmlib: Compose: no layers")
	}
	for i, l := range layers {
		if l == nil {
			return nil, fmt.Errorf("fmlib: Compose: layers[%d] is nil", i)
		}
		if l.Dim() != layers[0].Dim() {
			return nil, fmt.Errorf("fmlib: Compose: layers[%d] acts on dimension %d, layers[0] on %d", i, l.Dim(), layers[0].Dim())
		}
	}
	return &Flow{Layers: layers}, nil
}

// Dim is the flow's dimension.
func (f *Flow) Dim() int { return f.Layers[0].Dim() }

// checkLayerArgs validates the arguments of a Layer method.
func checkLayerArgs(dim int, in, out *mat.Dense, logDet []float64) error {
	if err := checkDense("input", in); err != nil {
		return err
	}
	r, c := in.Dims()
	if c != dim {
		return fmt.Errorf("fmlib: the input has %d columns, the layer acts on dimension %d", c, dim)
	}
	if err := checkShape("output", out, r, c); err != nil {
		return err
	}
	if len(logDet) != r {
		return fmt.Errorf("fmlib: logDet has %d entries, want one per row (%d)", len(logDet), r)
	}
	return checkFinite("input", in)
}

// Forward maps x0 through every layer: x1 = ψ(x0), and returns
// log|det J_ψ(x0)| = Σ_k log|det J_φk| per row.
func (f *Flow) Forward(x0 *mat.Dense) (x1 *mat.Dense, logDet []float64, err error) {
	if err := checkDense("x0", x0); err != nil {
		return nil, nil, err
	}
	r, c := x0.Dims()
	cur, next := mat.DenseCopyOf(x0), mat.NewDense(r, c, nil)
	logDet, step := make([]float64, r), make([]float64, r)
	for k, l := range f.Layers {
		if err := l.Forward(cur, next, step); err != nil {
			return nil, nil, fmt.Errorf("fmlib: layer %d: %w", k, err)
		}
		for i := range logDet {
			logDet[i] += step[i]
		}
		cur, next = next, cur
	}
	return cur, logDet, nil
}

// Inverse maps data back to noise, x0 = ψ⁻¹(x1), and returns
// log|det J_{ψ⁻¹}(x1)| = Σ_k log|det J_{φk⁻¹}| per row.
func (f *Flow) Inverse(x1 *mat.Dense) (x0 *mat.Dense, logDet []float64, err error) {
	if err := checkDense("x1", x1); err != nil {
		return nil, nil, err
	}
	r, c := x1.Dims()
	cur, next := mat.DenseCopyOf(x1), mat.NewDense(r, c, nil)
	logDet, step := make([]float64, r), make([]float64, r)
	for k := len(f.Layers) - 1; k >= 0; k-- {
		if err := f.Layers[k].Inverse(cur, next, step); err != nil {
			return nil, nil, fmt.Errorf("fmlib: layer %d: %w", k, err)
		}
		for i := range logDet {
			logDet[i] += step[i]
		}
		cur, next = next, cur
	}
	return cur, logDet, nil
}

// LogDensity returns log p_1(x1) by the change of variables of eq. 3 and 5:
// log p_0(ψ⁻¹(x1)) + Σ_k log|det J_{φk⁻¹}|, with p_0 = N(0, I).
func (f *Flow) LogDensity(x1 *mat.Dense) ([]float64, error) {
	x0, logDet, err := f.Inverse(x1)
	if err != nil {
		return nil, err
	}
	logp := StandardNormalLogDensity(x0)
	for i := range logp {
		logp[i] += logDet[i]
	}
	return logp, nil
}

// Sample draws n points of the flow's distribution: x0 ~ N(0, I) seeded
// with seed, pushed through Forward.
func (f *Flow) Sample(n int, seed uint64) (*mat.Dense, error) {
	x1, _, err := f.Forward(StandardNormal(n, f.Dim(), seed))
	return x1, err
}

// AffineLayer is the elementwise affine map y = exp(s) ⊙ x + b with
// log|det J| = Σ_j s_j.
type AffineLayer struct {
	LogScale, Shift []float64
}

// NewAffineLayer returns the elementwise affine layer with the given
// log-scales s and shifts b (equal lengths).
func NewAffineLayer(logScale, shift []float64) (*AffineLayer, error) {
	if len(logScale) == 0 || len(logScale) != len(shift) {
		return nil, fmt.Errorf("fmlib: NewAffineLayer: %d log-scales and %d shifts, want equal non-zero lengths", len(logScale), len(shift))
	}
	for j := range logScale {
		if math.IsNaN(logScale[j]) || math.IsInf(logScale[j], 0) || math.IsNaN(shift[j]) || math.IsInf(shift[j], 0) {
			return nil, fmt.Errorf("fmlib: NewAffineLayer: parameter %d is not finite", j)
		}
	}
	return &AffineLayer{LogScale: append([]float64(nil), logScale...), Shift: append([]float64(nil), shift...)}, nil
}

// Dim implements Layer.
func (a *AffineLayer) Dim() int { return len(a.LogScale) }

// Forward implements Layer.
func (a *AffineLayer) Forward(x, y *mat.Dense, logDet []float64) error {
	return a.apply(x, y, logDet, false)
}

// Inverse implements Layer: x = exp(−s) ⊙ (y − b).
func (a *AffineLayer) Inverse(y, x *mat.Dense, logDet []float64) error {
	return a.apply(y, x, logDet, true)
}

func (a *AffineLayer) apply(in, out *mat.Dense, logDet []float64, inverse bool) error {
	if err := checkLayerArgs(a.Dim(), in, out, logDet); err != nil {
		return err
	}
	var sum float64
	for _, s := range a.LogScale {
		sum += s
	}
	id, is, rows, d := rowsOf(in)
	od, ost, _, _ := rowsOf(out)
	for i := 0; i < rows; i++ {
		ri, ro := rowSlice(id, is, i, d), rowSlice(od, ost, i, d)
		for j := range ri {
			if inverse {
				ro[j] = math.Exp(-a.LogScale[j]) * (ri[j] - a.Shift[j])
			} else {
				ro[j] = math.Exp(a.LogScale[j])*ri[j] + a.Shift[j]
			}
		}
		logDet[i] = sum
		if inverse {
			logDet[i] = -sum
		}
	}
	return nil
}
