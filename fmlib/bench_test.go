package fmlib

import (
	"fmt"
	"math"
	"os"
	"testing"
	"time"

	"gonum.org/v1/gonum/mat"
)

// benchMixture is the 4-component 2D mixture of the log-likelihood benchmark.
func benchMixture() (*GaussianMixture, error) {
	covs := []*mat.SymDense{
		mat.NewSymDense(2, []float64{0.30, 0.10, 0.10, 0.20}),
		mat.NewSymDense(2, []float64{0.15, -0.05, -0.05, 0.25}),
		mat.NewSymDense(2, []float64{0.20, 0, 0, 0.20}),
		mat.NewSymDense(2, []float64{0.40, 0.15, 0.15, 0.30}),
	}
	means := mat.NewDense(4, 2, []float64{-1.5, 1.5, 1.5, 1.5, 1.5, -1.5, -1.5, -1.5})
	return NewGaussianMixture([]float64{0.3, 0.2, 0.25, 0.25}, means, covs)
}

// grid returns the n×n grid over [lo, hi]² as n² rows.
func grid(n int, lo, hi float64) *mat.Dense {
	out := mat.NewDense(n*n, 2, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			out.Set(i*n+j, 0, lo+(hi-lo)*float64(i)/float64(n-1))
			out.Set(i*n+j, 1, lo+(hi-lo)*float64(j)/float64(n-1))
		}
	}
	return out
}

// TestBenchLoglikGMMExact is the `make bench` figure, not a test: the exact
// log-likelihood (eq. 14) of a 200×200 grid over [−4,4]² under the exact
// marginal field of a 4-component Gaussian mixture with the OT path, exact
// divergence, RK4 with 100 steps, timed, with the largest error against the
// mixture's closed-form density. It runs only with GOPHLOW_BENCH=1.
func TestBenchLoglikGMMExact(t *testing.T) {
	if os.Getenv("GOPHLOW_BENCH") != "1" {
		t.Skip("benchmark: set GOPHLOW_BENCH=1")
	}
	g, err := benchMixture()
	if err != nil {
		t.Fatal(err)
	}
	marg, err := g.Marginal(OTPath(0))
	if err != nil {
		t.Fatal(err)
	}
	x := grid(200, -4, 4)
	start := time.Now()
	res, err := LogLikelihood(marg, x, LikelihoodOptions{Solve: SolveOptions{Method: RK4, Steps: 100}, Divergence: DivergenceExact})
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	want, err := g.LogDensity(x)
	if err != nil {
		t.Fatal(err)
	}
	var maxErr float64
	for i := range want {
		maxErr = math.Max(maxErr, math.Abs(res.LogP[i]-want[i]))
	}
	fmt.Printf("bench loglik_gmm_exact fmlib_ms=%.1f max_abs_err=%.3g\n", float64(elapsed.Microseconds())/1000, maxErr)
}
