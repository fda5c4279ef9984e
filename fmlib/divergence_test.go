package fmlib

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// diagonalField is u_i(x) = sin(x_i) + t·x_i, whose Jacobian is diagonal,
// with its exact J·v; it counts the JVP calls.
type diagonalField struct{ jvps int }

func (f *diagonalField) Velocity(t float64, x, out *mat.Dense) {
	r, c := x.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			out.Set(i, j, math.Sin(x.At(i, j))+t*x.At(i, j))
		}
	}
}

func (f *diagonalField) JVP(t float64, x, v, out *mat.Dense) {
	f.jvps++
	r, c := x.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			out.Set(i, j, (math.Cos(x.At(i, j))+t)*v.At(i, j))
		}
	}
}

// TestHutchinsonUsesExactJVP checks that Hutchinson's estimator takes J·v
// from a JacobianField: with a diagonal Jacobian every Rademacher probe
// gives εᵀJε = tr J exactly, so the log-likelihood must equal the
// finite-difference one to the differences' own error (1e-7 over the
// path: central differences with step 6e-6 are accurate to about 1e-10
// per evaluation), with one JVP per probe and stage instead of two
// velocity evaluations.
func TestHutchinsonUsesExactJVP(t *testing.T) {
	x := StandardNormal(50, 3, 4)
	solve := SolveOptions{Method: RK4, Steps: 20}
	f := &diagonalField{}
	hutch, err := LogLikelihood(f, x, LikelihoodOptions{Solve: solve, Divergence: DivergenceHutchinson, Probes: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	fd, err := LogLikelihood(FieldFunc(f.Velocity), x, LikelihoodOptions{Solve: solve, Divergence: DivergenceFiniteDifference})
	if err != nil {
		t.Fatal(err)
	}
	for i := range hutch.LogP {
		if d := math.Abs(hutch.LogP[i] - fd.LogP[i]); d > 1e-7 {
			t.Fatalf("point %d: Hutchinson with exact J·v %v, finite differences %v", i, hutch.LogP[i], fd.LogP[i])
		}
	}
	stages := 4 * solve.Steps
	if f.jvps != 2*stages {
		t.Errorf("%d JVP calls, want 2 probes × %d stages", f.jvps, stages)
	}
	if want := 3 * stages; hutch.NFE != want {
		t.Errorf("NFE = %d, want %d (a velocity and two JVPs per stage)", hutch.NFE, want)
	}
}
