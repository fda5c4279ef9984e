package fmlib

import (
	"math"
	"strings"
	"testing"

	"github.com/gophlow/gophlow/fmlib/nn"
	"gonum.org/v1/gonum/mat"
)

// Misuse from a notebook: each error names the argument the caller passed
// (x0, x1, t, class), not the name a callee gives it, and comes back as an
// error rather than a panic inside the field.

func newTestNetwork(t *testing.T, classes int) *nn.Network {
	t.Helper()
	net, err := nn.New(nn.Config{Dim: 2, Hidden: []int{8}, Classes: classes, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return net
}

// wantError fails unless err is non-nil and its message contains every one of want.
func wantError(t *testing.T, what string, err error, want ...string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error, want one containing %q", what, want)
		return
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("%s: error %q does not contain %q", what, err, w)
		}
	}
}

// noPanic runs f and turns a panic into a test failure.
func noPanic(t *testing.T, what string, f func() error) error {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s panicked: %v", what, r)
		}
	}()
	return f()
}

func TestBatchOfTheWrongWidthNamesTheCallersArgument(t *testing.T) {
	net := newTestNetwork(t, 0)
	x3 := mat.NewDense(4, 3, nil)
	euler := SolveOptions{Method: Euler, Steps: 4}
	err := noPanic(t, "Solve", func() error { _, err := Solve(net, x3, euler); return err })
	wantError(t, "Solve", err, "x0 has 3 columns", "dimension is 2")
	err = noPanic(t, "LogLikelihood", func() error {
		_, err := LogLikelihood(net, x3, LikelihoodOptions{Solve: euler})
		return err
	})
	wantError(t, "LogLikelihood", err, "x1 has 3 columns")
	err = noPanic(t, "SampleWithLogDensity", func() error {
		_, err := SampleWithLogDensity(net, x3, LikelihoodOptions{Solve: euler})
		return err
	})
	wantError(t, "SampleWithLogDensity", err, "x0 has 3 columns")
	err = noPanic(t, "CFMLoss", func() error {
		_, err := CFMLoss(net, OTPath(0), []float64{0.1, 0.2, 0.3, 0.4}, x3, x3)
		return err
	})
	wantError(t, "CFMLoss", err, "x0 has 3 columns")

	// Fields that know their dimension without being networks.
	mix, err := NewIsotropicMixture([]float64{1}, mat.NewDense(1, 2, []float64{0, 0}), []float64{1})
	if err != nil {
		t.Fatal(err)
	}
	marginal, err := mix.Marginal(OTPath(0.1))
	if err != nil {
		t.Fatal(err)
	}
	cnet := newTestNetwork(t, 3)
	guided, err := Guided(cnet, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	for name, field := range map[string]Field{"MixtureMarginal": marginal, "GuidedField": guided} {
		err := noPanic(t, name, func() error { _, err := Solve(field, x3, euler); return err })
		wantError(t, name, err, "x0 has 3 columns", "dimension is 2")
	}
	// A field that does not tell its dimension is called as before.
	calls := 0
	_, err = SolveFunc(func(t float64, x, out *mat.Dense) { calls++ }, x3, euler)
	if err != nil || calls != 4 {
		t.Errorf("SolveFunc on a 3-column batch: err %v after %d calls, want nil after 4", err, calls)
	}
}

func TestNonFiniteLikelihoodInputNamesTheCallersArgument(t *testing.T) {
	net := newTestNetwork(t, 0)
	x := mat.NewDense(2, 2, []float64{0, 1, math.NaN(), 0})
	opts := LikelihoodOptions{Solve: SolveOptions{Method: Euler, Steps: 2}}
	_, err := LogLikelihood(net, x, opts)
	wantError(t, "LogLikelihood", err, "x1[1][0] = NaN")
	_, err = LogDensityAt(net, 0.5, x, opts)
	wantError(t, "LogDensityAt", err, "x[1][0] = NaN")
	_, err = SampleWithLogDensity(net, x, opts)
	wantError(t, "SampleWithLogDensity", err, "x0[1][0] = NaN")
}

func TestScalarTimeAndClassAreNamedAsPassed(t *testing.T) {
	x := mat.NewDense(3, 2, nil)
	for _, tt := range []float64{-0.25, 1.5, math.NaN()} {
		_, _, err := OTPath(0).Sample(tt, x, x)
		wantError(t, "AffinePath.Sample", err, "t = ")
		_, _, err = IndependentCouplingPath().Sample(tt, x, x)
		wantError(t, "BridgePath.Sample", err, "t = ")
	}
	cnet := newTestNetwork(t, 3)
	for _, c := range []int{-1, 4} {
		_, err := Guided(cnet, c, 2)
		wantError(t, "Guided", err, "class = ", "want 0…3")
	}
	_, err := GuidedPerRow(cnet, []int{0, 7}, 2)
	wantError(t, "GuidedPerRow", err, "classes[1] = 7")
}
