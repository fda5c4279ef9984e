package fmlib

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/gophlow/gophlow/interrupt"
	"gonum.org/v1/gonum/mat"
)

// rotationField is the linear field u_t(x) = a(t)·A x with
// A = [[−0.5, 2], [−2, −0.5]] and a(t) = 1 + t. Since A commutes with itself
// the solution is x(t) = exp(A·(τ(t) − τ(s))) x(s) with τ(t) = t + t²/2.
func rotationField(t float64, x, out *mat.Dense) {
	a := 1 + t
	r, _ := x.Dims()
	for i := 0; i < r; i++ {
		x0, x1 := x.At(i, 0), x.At(i, 1)
		out.Set(i, 0, a*(-0.5*x0+2*x1))
		out.Set(i, 1, a*(-2*x0-0.5*x1))
	}
}

// rotationExact returns the exact solution of rotationField from time s to t.
func rotationExact(x *mat.Dense, s, t float64) *mat.Dense {
	tau := (t + t*t/2) - (s + s*s/2)
	decay := math.Exp(-0.5 * tau)
	sin, cos := math.Sincos(2 * tau)
	r, _ := x.Dims()
	out := mat.NewDense(r, 2, nil)
	for i := 0; i < r; i++ {
		x0, x1 := x.At(i, 0), x.At(i, 1)
		out.Set(i, 0, decay*(cos*x0+sin*x1))
		out.Set(i, 1, decay*(-sin*x0+cos*x1))
	}
	return out
}

func maxAbsDiff(a, b *mat.Dense) float64 {
	var m mat.Dense
	m.Sub(a, b)
	return mat.Norm(&m, math.Inf(1))
}

var startPoints = mat.NewDense(3, 2, []float64{1, 0, -0.5, 2, 0.3, -1.2})

// TestFixedStepOrders fits the log-log slope of the global error at t = 1
// against the step count (10, 20, 40, 80): it must be within 0.2 of each
// method's order (the criterion), and the NFE must be steps × stages.
func TestFixedStepOrders(t *testing.T) {
	want := rotationExact(startPoints, 0, 1)
	for _, m := range []Method{Euler, Midpoint, Heun, RK4} {
		var xs, ys []float64
		for _, n := range []int{10, 20, 40, 80} {
			sol, err := SolveFunc(rotationField, startPoints, SolveOptions{Method: m, Steps: n})
			if err != nil {
				t.Fatal(err)
			}
			stages := map[Method]int{Euler: 1, Midpoint: 2, Heun: 2, RK4: 4}[m]
			if sol.NFE != n*stages || sol.Steps != n {
				t.Errorf("%v with %d steps: NFE %d, steps %d, want %d and %d", m, n, sol.NFE, sol.Steps, n*stages, n)
			}
			xs = append(xs, math.Log(1/float64(n)))
			ys = append(ys, math.Log(maxAbsDiff(sol.X, want)))
		}
		slope := lsqSlope(xs, ys)
		if math.Abs(slope-float64(m.Order())) > 0.2 {
			t.Errorf("%v: error slope %.3f, want %d ± 0.2", m, slope, m.Order())
		}
	}
}

// lsqSlope is the least-squares slope of y against x.
func lsqSlope(x, y []float64) float64 {
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(len(x))
	my /= float64(len(y))
	var sxy, sxx float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
	}
	return sxy / sxx
}

// TestDopri5MeetsTolerance checks that the global error of Dopri5 stays
// within 10·rtol of the solution's size (local error control does not bound
// the global error exactly; a factor 10 is the usual margin) for several
// tolerances, and that its NFE equals 2 + 6·(accepted + rejected): one
// evaluation at the start, one for the initial-step estimate, and six per
// attempted step thanks to first-same-as-last.
func TestDopri5MeetsTolerance(t *testing.T) {
	want := rotationExact(startPoints, 0, 1)
	for _, rtol := range []float64{1e-4, 1e-6, 1e-9} {
		sol, err := SolveFunc(rotationField, startPoints, SolveOptions{Method: Dopri5, RTol: rtol, ATol: rtol * 1e-3})
		if err != nil {
			t.Fatal(err)
		}
		if e := maxAbsDiff(sol.X, want); e > 10*rtol*mat.Norm(want, math.Inf(1)) {
			t.Errorf("rtol %g: error %g", rtol, e)
		}
		if sol.NFE != 2+6*(sol.Steps+sol.Rejected) {
			t.Errorf("rtol %g: NFE %d, steps %d, rejected %d", rtol, sol.NFE, sol.Steps, sol.Rejected)
		}
	}
}

// TestBackwardThenForward integrates 1 → 0 and back 0 → 1 with Dopri5 at
// rtol 1e-10: the round trip returns to the start within 1e-8 (two solves,
// each accurate to ~1e-9 on values of size ~2).
func TestBackwardThenForward(t *testing.T) {
	back, err := SolveFunc(rotationField, startPoints, SolveOptions{Method: Dopri5, From: 1, To: 0, RTol: 1e-10, ATol: 1e-12})
	if err != nil {
		t.Fatal(err)
	}
	if e := maxAbsDiff(back.X, rotationExact(startPoints, 1, 0)); e > 1e-8 {
		t.Errorf("backward solve error %g", e)
	}
	fwd, err := SolveFunc(rotationField, back.X, SolveOptions{Method: Dopri5, RTol: 1e-10, ATol: 1e-12})
	if err != nil {
		t.Fatal(err)
	}
	if e := maxAbsDiff(fwd.X, startPoints); e > 1e-8 {
		t.Errorf("round trip error %g", e)
	}
}

// TestFieldStaysInsideInterval records every time at which the field is
// evaluated, for each method, forwards and backwards, with a step size that
// does not divide the interval and requested record times: none may fall
// outside [From, To].
func TestFieldStaysInsideInterval(t *testing.T) {
	for _, m := range []Method{Euler, Midpoint, Heun, RK4, Dopri5} {
		for _, dir := range [][2]float64{{0.1, 0.9}, {1, 0}} {
			lo, hi := math.Min(dir[0], dir[1]), math.Max(dir[0], dir[1])
			var bad []float64
			f := FieldFunc(func(tt float64, x, out *mat.Dense) {
				if tt < lo || tt > hi {
					bad = append(bad, tt)
				}
				rotationField(tt, x, out)
			})
			opts := SolveOptions{Method: m, From: dir[0], To: dir[1], Times: []float64{dir[0] + 0.3*(dir[1]-dir[0])}}
			if m == Dopri5 {
				opts.RTol, opts.ATol = 1e-3, 1e-6
				opts.InitialStep = 0.7 // far too large: must be cut at the record time and at To
			} else {
				opts.StepSize = 0.07
			}
			sol, err := Solve(f, startPoints, opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(bad) > 0 {
				t.Errorf("%v from %v to %v evaluated the field at %v", m, dir[0], dir[1], bad)
			}
			if len(sol.States) != 1 || sol.Times[0] != opts.Times[0] {
				t.Fatalf("%v: recorded %v, want the state at %v", m, sol.Times, opts.Times)
			}
			// The recorded state is exactly what a solve that stops at that
			// time computes: both take the same steps up to it.
			stopped := opts
			stopped.To, stopped.Times = opts.Times[0], nil
			ref, err := Solve(f, startPoints, stopped)
			if err != nil {
				t.Fatal(err)
			}
			if e := maxAbsDiff(sol.States[0], ref.X); e > 1e-15 {
				t.Errorf("%v %v: recorded state differs by %g from a solve stopped there", m, dir, e)
			}
			// And it is the exact solution to the method's accuracy (loose
			// bounds measured for these steps, about 2× the observed error).
			tol := map[Method]float64{Euler: 1.2, Midpoint: 0.1, Heun: 0.1, RK4: 3e-4, Dopri5: 1e-2}[m]
			if e := maxAbsDiff(sol.States[0], rotationExact(startPoints, dir[0], opts.Times[0])); e > tol {
				t.Errorf("%v %v: recorded state off by %g", m, dir, e)
			}
		}
	}
}

// TestKeepSteps checks the trajectory: the start plus one state per step.
func TestKeepSteps(t *testing.T) {
	sol, err := SolveFunc(rotationField, startPoints, SolveOptions{Method: RK4, Steps: 8, KeepSteps: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(sol.States) != 9 || sol.Times[0] != 0 || sol.Times[8] != 1 || sol.T != 1 {
		t.Fatalf("KeepSteps gave times %v", sol.Times)
	}
	if !mat.Equal(sol.States[0], startPoints) || !mat.Equal(sol.States[8], sol.X) {
		t.Error("the trajectory does not start at x0 and end at X")
	}
}

// TestSolveMisuse checks the errors for bad options and inputs.
func TestSolveMisuse(t *testing.T) {
	nan := mat.NewDense(1, 2, []float64{0, math.NaN()})
	cases := []struct {
		opts SolveOptions
		x    *mat.Dense
		want string
	}{
		{SolveOptions{Method: RK4}, startPoints, "Steps > 0"},
		{SolveOptions{Method: Euler, Steps: -3}, startPoints, "Steps > 0"},
		{SolveOptions{Steps: 3}, startPoints, "Method is not set"},
		{SolveOptions{Method: RK4, Steps: 3, StepSize: 0.1}, startPoints, "only one"},
		{SolveOptions{Method: RK4, Steps: 3, From: 0, To: 1.5}, startPoints, "To = 1.5 is outside [0,1]"},
		{SolveOptions{Method: RK4, Steps: 3, From: 0.5, To: 0.5}, startPoints, "empty"},
		{SolveOptions{Method: Dopri5}, startPoints, "RTol"},
		{SolveOptions{Method: RK4, Steps: 3, Times: []float64{0.5, 0.2}}, startPoints, "out of integration order"},
		{SolveOptions{Method: RK4, Steps: 3}, nan, "x0[0][1] = NaN"},
	}
	for _, c := range cases {
		_, err := SolveFunc(rotationField, c.x, c.opts)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want one containing %q", c.opts, err, c.want)
		}
	}
	// A field that blows up is reported, not returned as NaN.
	blowUp := func(_ float64, x, out *mat.Dense) {
		out.Apply(func(_, _ int, _ float64) float64 { return math.Inf(1) }, x)
	}
	if _, err := SolveFunc(blowUp, startPoints, SolveOptions{Method: Euler, Steps: 2}); err == nil || !strings.Contains(err.Error(), "non-finite") {
		t.Errorf("infinite field: error %v", err)
	}
	// A cancelled context stops the solve with an error wrapping ErrInterrupted.
	// An interrupted solve keeps the state it reached: here the field
	// cancels the context during step 4, so the solve stops after it at t = 0.4.
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	cancelling := func(tt float64, x, out *mat.Dense) {
		calls++
		if calls == 4*4 {
			cancel()
		}
		rotationField(tt, x, out)
	}
	sol, err := SolveFunc(cancelling, startPoints, SolveOptions{Method: RK4, Steps: 10, Context: ctx})
	if !errors.Is(err, interrupt.ErrInterrupted) {
		t.Errorf("cancelled solve: error %v, want ErrInterrupted", err)
	}
	if sol == nil || sol.T != 0.4 || sol.Steps != 4 {
		t.Fatalf("interrupted solve kept %+v", sol)
	}
	if e := maxAbsDiff(sol.X, rotationExact(startPoints, 0, 0.4)); e > 1e-4 {
		t.Errorf("the partial state is not the solution at t = 0.4 (error %g)", e)
	}
}

// TestRecordTimesOnTheGrid checks that requested times which coincide with
// fixed-step grid points up to rounding (0.3 with 10 steps) add no step, and
// that the end points can be requested too.
func TestRecordTimesOnTheGrid(t *testing.T) {
	sol, err := SolveFunc(rotationField, startPoints, SolveOptions{Method: RK4, Steps: 10, Times: []float64{0, 0.3, 0.7, 1}})
	if err != nil {
		t.Fatal(err)
	}
	if sol.Steps != 10 || sol.NFE != 40 {
		t.Errorf("steps %d, NFE %d, want 10 and 40", sol.Steps, sol.NFE)
	}
	if len(sol.Times) != 4 || sol.Times[1] != 0.3 || !mat.Equal(sol.States[3], sol.X) || !mat.Equal(sol.States[0], startPoints) {
		t.Errorf("recorded times %v", sol.Times)
	}
}
