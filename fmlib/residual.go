package fmlib

import (
	"fmt"
	"math"

	"github.com/gophlow/gophlow/interrupt"
	"gonum.org/v1/gonum/mat"
)

// ResidualLayer is the residual flow step of eq. 6, y = x + δ·u(x), with
// u(x) = W2·tanh(W1 x + b1) + b2. Since tanh is 1-Lipschitz,
// Lip(u) ≤ ‖W1‖₂‖W2‖₂, and the step is invertible when δ·Lip(u) < 1 (the
// notes' condition Lip(u) < 1/δ); the constructor refuses weights that break
// this bound. log|det J| = log|det(I + δ W2 diag(tanh'(W1 x + b1)) W1)| is
// computed exactly from the d×d Jacobian, and the inverse by the fixed-point
// iteration x ← y − δ u(x), a contraction with factor δ·Lip(u).
type ResidualLayer struct {
	W1, W2 *mat.Dense
	B1, B2 []float64
	Delta  float64
	// Contraction is the certified bound δ·‖W1‖₂·‖W2‖₂ < 1.
	Contraction float64
	// Tol is the fixed-point tolerance on max_j |x_{k+1} − x_k| relative to
	// max(1, ‖y‖∞) (0 means 1e-13); MaxIter bounds the iterations (0 means 10000).
	Tol     float64
	MaxIter int
}

// InverseStats reports a fixed-point inversion: the largest number of
// iterations over the rows and the largest residual ‖x + δu(x) − y‖∞.
type InverseStats struct {
	Iterations int
	Residual   float64
}

// SpectralNorm returns ‖w‖₂, the largest singular value of w (exact SVD).
func SpectralNorm(w *mat.Dense) float64 {
	var svd mat.SVD
	if !svd.Factorize(w, mat.SVDNone) {
		panic("fmlib: SpectralNorm: SVD did not converge")
	}
	return svd.Values(nil)[0]
}

// SpectralNormalize returns a copy of w scaled so that ‖w‖₂ ≤ target
// (unchanged if it already is): spectral normalisation.
func SpectralNormalize(w *mat.Dense, target float64) *mat.Dense {
	panicUnless(target > 0, "SpectralNormalize: target = %v, want > 0", target)
	out := mat.DenseCopyOf(w)
	if s := SpectralNorm(w); s > target {
		out.Scale(target/s, out)
	}
	return out
}

// NewResidualLayer returns the residual layer with weights W1 (hidden×d),
// b1 (hidden), W2 (d×hidden), b2 (d) and step δ, or an error when
// δ·‖W1‖₂·‖W2‖₂ ≥ 1, where invertibility is not guaranteed.
func NewResidualLayer(w1 *mat.Dense, b1 []float64, w2 *mat.Dense, b2 []float64, delta float64) (*ResidualLayer, error) {
	if err := checkDense("w1", w1); err != nil {
		return nil, err
	}
	h, d := w1.Dims()
	if err := checkShape("w2", w2, d, h); err != nil {
		return nil, err
	}
	if len(b1) != h || len(b2) != d {
		return nil, fmt.Errorf("fmlib: NewResidualLayer: b1 has %d entries (want %d), b2 has %d (want %d)", len(b1), h, len(b2), d)
	}
	if err := checkFinite("w1", w1); err != nil {
		return nil, err
	}
	if err := checkFinite("w2", w2); err != nil {
		return nil, err
	}
	if !(delta > 0) || math.IsInf(delta, 0) {
		return nil, fmt.Errorf("fmlib: NewResidualLayer: delta = %v, want a finite δ > 0", delta)
	}
	c := delta * SpectralNorm(w1) * SpectralNorm(w2)
	if !(c < 1) {
		return nil, fmt.Errorf("fmlib: NewResidualLayer: δ·‖W1‖₂·‖W2‖₂ = %v ≥ 1, so Lip(u) < 1/δ (eq. 6) is not guaranteed; spectrally normalise the weights (SpectralNormalize) or lower δ", c)
	}
	return &ResidualLayer{W1: mat.DenseCopyOf(w1), W2: mat.DenseCopyOf(w2), B1: append([]float64(nil), b1...), B2: append([]float64(nil), b2...), Delta: delta, Contraction: c}, nil
}

// NewRandomResidualLayer returns a residual layer with Gaussian random
// weights (seeded) spectrally normalised so that δ·Lip bound = contraction
// (0 < contraction < 1), split evenly between W1 and W2.
func NewRandomResidualLayer(dim, hidden int, delta, contraction float64, seed uint64) (*ResidualLayer, error) {
	if dim <= 0 || hidden <= 0 {
		return nil, fmt.Errorf("fmlib: NewRandomResidualLayer: dim = %d, hidden = %d, want both > 0", dim, hidden)
	}
	if !(contraction > 0 && contraction < 1) || !(delta > 0) {
		return nil, fmt.Errorf("fmlib: NewRandomResidualLayer: want δ > 0 and 0 < contraction < 1, got %v, %v", delta, contraction)
	}
	rng := NewRand(seed)
	fill := func(r, c int) *mat.Dense {
		m := mat.NewDense(r, c, nil)
		for i := range m.RawMatrix().Data {
			m.RawMatrix().Data[i] = rng.NormFloat64()
		}
		return m
	}
	each := math.Sqrt(contraction / delta)
	w1, w2 := fill(hidden, dim), fill(dim, hidden)
	w1.Scale(each/SpectralNorm(w1), w1)
	w2.Scale(each/SpectralNorm(w2), w2)
	b1, b2 := make([]float64, hidden), make([]float64, dim)
	for i := range b1 {
		b1[i] = 0.5 * rng.NormFloat64()
	}
	for i := range b2 {
		b2[i] = 0.5 * rng.NormFloat64()
	}
	// Rounding can push the product a hair over the target; shrink by 1e-12.
	w2.Scale(1-1e-12, w2)
	return NewResidualLayer(w1, b1, w2, b2, delta)
}

// Dim implements Layer.
func (l *ResidualLayer) Dim() int { _, d := l.W1.Dims(); return d }

// hidden writes tanh(W1 x + b1) for every row of x into act (n×hidden).
func (l *ResidualLayer) hidden(x, act *mat.Dense) {
	act.Mul(x, l.W1.T())
	ad, as, rows, h := rowsOf(act)
	for i := 0; i < rows; i++ {
		row := rowSlice(ad, as, i, h)
		for j := range row {
			row[j] = math.Tanh(row[j] + l.B1[j])
		}
	}
}

// velocity writes δ·u(x) into out using the activations act.
func (l *ResidualLayer) velocity(act, out *mat.Dense) {
	out.Mul(act, l.W2.T())
	od, os, rows, d := rowsOf(out)
	for i := 0; i < rows; i++ {
		row := rowSlice(od, os, i, d)
		for j := range row {
			row[j] = l.Delta * (row[j] + l.B2[j])
		}
	}
}

// logDetJacobian returns log|det(I + δ W2 diag(1 − a²) W1)| for one row of
// activations a.
func (l *ResidualLayer) logDetJacobian(a []float64, jac *mat.Dense) float64 {
	d := l.Dim()
	w1, w2 := l.W1.RawMatrix(), l.W2.RawMatrix()
	jd := jac.RawMatrix().Data
	for r := 0; r < d; r++ {
		for c := 0; c < d; c++ {
			var s float64
			for k, ak := range a {
				s += w2.Data[r*w2.Stride+k] * (1 - ak*ak) * w1.Data[k*w1.Stride+c]
			}
			v := l.Delta * s
			if r == c {
				v++
			}
			jd[r*d+c] = v
		}
	}
	switch d {
	case 1:
		return math.Log(math.Abs(jd[0]))
	case 2:
		return math.Log(math.Abs(jd[0]*jd[3] - jd[1]*jd[2]))
	}
	var lu mat.LU
	lu.Factorize(jac)
	logDet, _ := lu.LogDet()
	return logDet
}

// Forward implements Layer.
func (l *ResidualLayer) Forward(x, y *mat.Dense, logDet []float64) error {
	if err := checkLayerArgs(l.Dim(), x, y, logDet); err != nil {
		return err
	}
	rows, d := x.Dims()
	h, _ := l.W1.Dims()
	act, du := mat.NewDense(rows, h, nil), mat.NewDense(rows, d, nil)
	l.hidden(x, act)
	l.velocity(act, du)
	y.Add(x, du)
	jac := mat.NewDense(d, d, nil)
	for i := 0; i < rows; i++ {
		logDet[i] = l.logDetJacobian(act.RawRowView(i), jac)
	}
	return nil
}

// Inverse implements Layer by InverseWithStats.
func (l *ResidualLayer) Inverse(y, x *mat.Dense, logDet []float64) error {
	_, err := l.InverseWithStats(y, x, logDet)
	return err
}

// InverseWithStats inverts y = x + δu(x) by the fixed-point iteration
// x_{k+1} = y − δ u(x_k) from x_0 = y (Banach: the error after k steps is at
// most c^k/(1−c)·‖x_1 − x_0‖ with c = Contraction), and reports the
// iterations and the final residual. It returns an error if the iteration
// has not converged within MaxIter.
func (l *ResidualLayer) InverseWithStats(y, x *mat.Dense, logDet []float64) (InverseStats, error) {
	if err := checkLayerArgs(l.Dim(), y, x, logDet); err != nil {
		return InverseStats{}, err
	}
	tol, maxIter := l.Tol, l.MaxIter
	if tol == 0 {
		tol = 1e-13
	}
	if maxIter == 0 {
		maxIter = 10000
	}
	rows, d := y.Dims()
	h, _ := l.W1.Dims()
	act, du := mat.NewDense(rows, h, nil), mat.NewDense(rows, d, nil)
	scale := math.Max(1, mat.Norm(y, math.Inf(1)))
	x.Copy(y)
	var stats InverseStats
	for {
		l.hidden(x, act)
		l.velocity(act, du)
		var change float64
		xd := x.RawMatrix()
		yd, ys, _, _ := rowsOf(y)
		dd := du.RawMatrix().Data
		for i := 0; i < rows; i++ {
			xi, yi := rowSlice(xd.Data, xd.Stride, i, d), rowSlice(yd, ys, i, d)
			for j := range xi {
				next := yi[j] - dd[i*d+j]
				change = math.Max(change, math.Abs(next-xi[j]))
				xi[j] = next
			}
		}
		stats.Iterations++
		if change <= tol*scale {
			break
		}
		if err := interrupt.Check(nil); err != nil {
			return stats, fmt.Errorf("fmlib: ResidualLayer.Inverse interrupted after %d iterations: %w", stats.Iterations, err)
		}
		if stats.Iterations >= maxIter || math.IsNaN(change) {
			return stats, fmt.Errorf("fmlib: ResidualLayer.Inverse: no convergence after %d iterations (last change %v)", stats.Iterations, change)
		}
	}
	l.hidden(x, act)
	l.velocity(act, du)
	jac := mat.NewDense(d, d, nil)
	dd := du.RawMatrix().Data
	for i := 0; i < rows; i++ {
		for j := 0; j < d; j++ {
			stats.Residual = math.Max(stats.Residual, math.Abs(x.At(i, j)+dd[i*d+j]-y.At(i, j)))
		}
		logDet[i] = -l.logDetJacobian(act.RawRowView(i), jac)
	}
	return stats, nil
}
