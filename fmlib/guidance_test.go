package fmlib

import (
	"math"
	"testing"

	"github.com/gophlow/gophlow/fmlib/nn"
	"gonum.org/v1/gonum/mat"
)

// TestGuidedFieldCombination checks eq. 40 on a class-conditional network
// in float64: w = 1 gives the conditional field u(p), w = 0 the
// unconditional u(Φ), and any w the combination (1 − w)u(Φ) + w·u(p) for
// both the velocity and the divergence (to 1e-12, a few roundings), with
// per-row prompts too.
func TestGuidedFieldCombination(t *testing.T) {
	net, err := nn.New(nn.Config{Dim: 2, Hidden: []int{16, 16}, Classes: 3, Float64: true, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	x := StandardNormal(5, 2, 1)
	cond, null := mat.NewDense(5, 2, nil), mat.NewDense(5, 2, nil)
	divCond, divNull := make([]float64, 5), make([]float64, 5)
	net.ForClass(2).VelocityDivergence(0.4, x, cond, divCond)
	net.ForClass(net.NullClass()).VelocityDivergence(0.4, x, null, divNull)
	for _, w := range []float64{0, 1, 3} {
		g, err := Guided(net, 2, w)
		if err != nil {
			t.Fatal(err)
		}
		out, div := mat.NewDense(5, 2, nil), make([]float64, 5)
		g.VelocityDivergence(0.4, x, out, div)
		plain := mat.NewDense(5, 2, nil)
		g.Velocity(0.4, x, plain)
		for i := 0; i < 5; i++ {
			for j := 0; j < 2; j++ {
				want := (1-w)*null.At(i, j) + w*cond.At(i, j)
				if math.Abs(out.At(i, j)-want) > 1e-12 || math.Abs(plain.At(i, j)-want) > 1e-12 {
					t.Errorf("w = %v: row %d: guided %v (%v without divergence), want %v", w, i, out.At(i, j), plain.At(i, j), want)
				}
			}
			if want := (1-w)*divNull[i] + w*divCond[i]; math.Abs(div[i]-want) > 1e-12 {
				t.Errorf("w = %v: row %d: guided divergence %v, want %v", w, i, div[i], want)
			}
		}
	}
	perRow, err := GuidedPerRow(net, []int{2, 2, 2, 2, 2}, 3)
	if err != nil {
		t.Fatal(err)
	}
	single, _ := Guided(net, 2, 3)
	a, b := mat.NewDense(5, 2, nil), mat.NewDense(5, 2, nil)
	perRow.Velocity(0.4, x, a)
	single.Velocity(0.4, x, b)
	if !mat.EqualApprox(a, b, 1e-15) {
		t.Error("GuidedPerRow with equal prompts differs from Guided")
	}
	if _, err := Guided(net, 4, 3); err == nil {
		t.Error("a class beyond Φ accepted")
	}
	if _, err := Guided(net, 1, math.NaN()); err == nil {
		t.Error("w = NaN accepted")
	}
	uncond, _ := nn.New(nn.Config{Dim: 2, Hidden: []int{4}})
	if _, err := Guided(uncond, 0, 2); err == nil {
		t.Error("guidance of an unconditional network accepted")
	}
}
