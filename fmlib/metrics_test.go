package fmlib

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestW2 checks W2 of a set with itself (shuffled) is 0, that W2 between
// samples of N(0, I) and N(μ, I) approaches the closed form ‖μ‖ as n grows
// (the finite-sample bias shrinks; at n = 400 it is below 5% here), and a
// hand-computed 1D case: the sorted matching {0,1,2}→{2.5,0.5,1.5} moves
// every point by ½.
func TestW2(t *testing.T) {
	a := StandardNormal(100, 2, 1)
	perm := mat.NewDense(100, 2, nil)
	for i := 0; i < 100; i++ {
		perm.SetRow(i, a.RawRowView((i*37)%100))
	}
	if w, err := W2(a, perm); err != nil || w > 1e-12 {
		t.Errorf("W2(a, shuffled a) = %v (err %v), want 0", w, err)
	}
	shift := []float64{2, -1}
	norm := math.Hypot(shift[0], shift[1])
	var errs []float64
	for _, n := range []int{25, 400} {
		b := StandardNormal(n, 2, 3)
		b.Apply(func(_, j int, v float64) float64 { return v + shift[j] }, b)
		w, err := W2(StandardNormal(n, 2, 2), b)
		if err != nil {
			t.Fatal(err)
		}
		errs = append(errs, math.Abs(w-norm))
	}
	if errs[1] >= errs[0] || errs[1] > 0.05*norm {
		t.Errorf("|W2 − ‖μ‖| = %v at n=25 and %v at n=400, want shrinking below %v", errs[0], errs[1], 0.05*norm)
	}
	x := mat.NewDense(3, 1, []float64{0, 1, 2})
	y := mat.NewDense(3, 1, []float64{2.5, 0.5, 1.5})
	if w, _ := W2(x, y); math.Abs(w-0.5) > 1e-15 {
		t.Errorf("1D W2 = %v, want 0.5", w)
	}
	if _, err := W2(x, mat.NewDense(2, 1, nil)); err == nil {
		t.Error("W2 of unequal sizes accepted")
	}
}

// TestEnergyAndMMD checks both discrepancies are 0 for identical sets, match
// a hand computation for two one-point sets (energy: 2‖a−b‖; MMD²:
// 2 − 2 exp(−‖a−b‖²/2h²)) and grow with a shift.
func TestEnergyAndMMD(t *testing.T) {
	a := StandardNormal(200, 2, 4)
	if e, _ := EnergyDistance(a, a); e > 1e-12 {
		t.Errorf("energy distance of a set with itself %v", e)
	}
	if m, _ := MMD2(a, a, 1); m > 1e-12 {
		t.Errorf("MMD² of a set with itself %v", m)
	}
	p, q := mat.NewDense(1, 2, []float64{0, 0}), mat.NewDense(1, 2, []float64{3, 4})
	if e, _ := EnergyDistance(p, q); math.Abs(e-10) > 1e-12 {
		t.Errorf("energy distance of two points %v, want 10", e)
	}
	if m, _ := MMD2(p, q, 5); math.Abs(m-(2-2*math.Exp(-0.5))) > 1e-12 {
		t.Errorf("MMD² of two points %v", m)
	}
	b1, b2 := StandardNormal(200, 2, 5), StandardNormal(200, 2, 5)
	b2.Apply(func(_, _ int, v float64) float64 { return v + 1 }, b2)
	near, _ := EnergyDistance(a, b1)
	far, _ := EnergyDistance(a, b2)
	if !(far > 5*near) {
		t.Errorf("energy distance: same law %v, shifted %v", near, far)
	}
	if _, err := MMD2(a, b1, 0); err == nil {
		t.Error("zero bandwidth accepted")
	}
}

// TestPathEnergy checks the straight constant-speed paths of a constant
// field: PE = ‖c‖² exactly and the normalised path energy is 0 (the
// constant shift is the optimal matching); a path that goes out and back
// doubles the distance travelled and the energy is four times larger.
func TestPathEnergy(t *testing.T) {
	c := []float64{0.6, -0.8}
	shift := func(_ float64, x, out *mat.Dense) {
		r, _ := x.Dims()
		for i := 0; i < r; i++ {
			out.SetRow(i, c)
		}
	}
	x0 := StandardNormal(30, 2, 6)
	sol, err := SolveFunc(shift, x0, SolveOptions{Method: Euler, Steps: 10, KeepSteps: true})
	if err != nil {
		t.Fatal(err)
	}
	pe, err := PathEnergy(sol.Times, sol.States)
	if err != nil || math.Abs(pe-1) > 1e-12 {
		t.Errorf("path energy %v (err %v), want ‖c‖² = 1", pe, err)
	}
	npe, err := NormalizedPathEnergy(sol.Times, sol.States)
	if err != nil || npe > 1e-12 {
		t.Errorf("normalised path energy %v (err %v), want 0", npe, err)
	}
	back := []*mat.Dense{x0, sol.X, x0}
	pe2, _ := PathEnergy([]float64{0, 0.5, 1}, back)
	if math.Abs(pe2-4) > 1e-12 {
		t.Errorf("out-and-back energy %v, want 4", pe2)
	}
	if _, err := PathEnergy([]float64{0}, back[:1]); err == nil {
		t.Error("single state accepted")
	}
}
