package fmlib

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// AffinePath is the affine Gaussian conditional path of eq. 25–26,
// p_t(x|x1) = N(α_t x1, σ_t² I), sampled by ψ_t(x0|x1) = σ_t x0 + α_t x1 with
// x0 ~ N(0, I). Its conditional field is eq. 31,
// u_t(x|x1) = (σ'_t/σ_t)(x − α_t x1) + α'_t x1, which along ψ_t equals
// σ'_t x0 + α'_t x1 (eq. 29).
type AffinePath struct {
	Schedule Schedule
}

// NewAffinePath returns the affine Gaussian path of a schedule.
func NewAffinePath(s Schedule) *AffinePath {
	panicUnless(s != nil, "NewAffinePath: schedule is nil")
	return &AffinePath{Schedule: s}
}

// OTPath is the optimal-transport path of eq. 34–35 with σ_1 = sigmaMin;
// sigmaMin = 0 gives x_t = (1−t)x0 + t x1 and target x1 − x0 (eq. 37).
func OTPath(sigmaMin float64) *AffinePath {
	panicUnless(sigmaMin >= 0 && sigmaMin < 1, "OTPath: sigmaMin = %v, want 0 ≤ sigmaMin < 1", sigmaMin)
	return &AffinePath{Schedule: OTSchedule{SigmaMin: sigmaMin}}
}

// VEPath is the variance-exploding path of eq. 32 with a geometric noise
// scale from sigmaMax (t = 0) down to sigmaMin (t = 1).
func VEPath(sigmaMin, sigmaMax float64) *AffinePath {
	panicUnless(sigmaMin > 0 && sigmaMax > sigmaMin, "VEPath: want 0 < sigmaMin < sigmaMax, got %v, %v", sigmaMin, sigmaMax)
	return &AffinePath{Schedule: VESchedule{SigmaMin: sigmaMin, SigmaMax: sigmaMax}}
}

// VPPath is the variance-preserving path of eq. 33 with the linear noise
// rate from betaMin to betaMax (usual values 0.1 and 20).
func VPPath(betaMin, betaMax float64) *AffinePath {
	panicUnless(betaMin > 0 && betaMax >= betaMin, "VPPath: want 0 < betaMin ≤ betaMax, got %v, %v", betaMin, betaMax)
	return &AffinePath{Schedule: VPSchedule{BetaMin: betaMin, BetaMax: betaMax}}
}

// CosinePath is the affine path with α_t = sin(πt/2), σ_t = cos(πt/2).
func CosinePath() *AffinePath { return &AffinePath{Schedule: CosineSchedule{}} }

// PolynomialPath is the affine path with α_t = tⁿ, σ_t = 1 − tⁿ.
func PolynomialPath(n float64) *AffinePath {
	panicUnless(n > 0, "PolynomialPath: n = %v, want n > 0", n)
	return &AffinePath{Schedule: PolynomialSchedule{N: n}}
}

// LinearVPPath is the affine path with α_t = t, σ_t = √(1 − t²).
func LinearVPPath() *AffinePath { return &AffinePath{Schedule: LinearVPSchedule{}} }

// String names the path and its schedule.
func (p *AffinePath) String() string { return "affine Gaussian path " + p.Schedule.String() }

// Coefficients returns α_t, α'_t, σ_t, σ'_t of the path's schedule.
func (p *AffinePath) Coefficients(t float64) (alpha, dAlpha, sigma, dSigma float64) {
	return p.Schedule.Coefficients(t)
}

// SampleInto implements Path: xt = σ_t x0 + α_t x1 (eq. 26) and
// ut = σ'_t x0 + α'_t x1 (eq. 29), with t[i] for row i.
func (p *AffinePath) SampleInto(t []float64, x0, x1, xt, ut *mat.Dense) error {
	if err := checkSampleArgs(t, x0, x1, xt, ut); err != nil {
		return err
	}
	d0, s0, rows, cols := rowsOf(x0)
	d1, s1, _, _ := rowsOf(x1)
	dx, sx, _, _ := rowsOf(xt)
	du, su, _, _ := rowsOf(ut)
	for i := 0; i < rows; i++ {
		a, da, s, ds := p.Schedule.Coefficients(t[i])
		if math.IsInf(ds, 0) || math.IsNaN(ds) || math.IsInf(da, 0) || math.IsNaN(da) {
			return fmt.Errorf("fmlib: %v: the conditional field is not finite at t[%d] = %v", p, i, t[i])
		}
		r0 := rowSlice(d0, s0, i, cols)
		r1 := rowSlice(d1, s1, i, cols)
		rx := rowSlice(dx, sx, i, cols)
		ru := rowSlice(du, su, i, cols)
		for j := range r0 {
			rx[j] = s*r0[j] + a*r1[j]
			ru[j] = ds*r0[j] + da*r1[j]
		}
	}
	return nil
}

// Sample implements Path with the same t for every row.
func (p *AffinePath) Sample(t float64, x0, x1 *mat.Dense) (xt, ut *mat.Dense, err error) {
	return sampleWith(p, t, x0, x1)
}

// ConditionalVelocity writes the conditional field of eq. 31,
// u_t(x|x1) = (σ'_t/σ_t)(x − α_t x1) + α'_t x1, for row i of x and x1 into
// out. It needs σ_t > 0.
func (p *AffinePath) ConditionalVelocity(t float64, x, x1, out *mat.Dense) error {
	if err := checkTime("t", t); err != nil {
		return err
	}
	if err := checkDense("x", x); err != nil {
		return err
	}
	r, c := x.Dims()
	if err := checkShape("x1", x1, r, c); err != nil {
		return err
	}
	if err := checkShape("out", out, r, c); err != nil {
		return err
	}
	a, da, s, ds := p.Schedule.Coefficients(t)
	if !(s > 0) {
		return fmt.Errorf("fmlib: %v: σ_t = %v at t = %v, eq. 31 needs σ_t > 0", p, s, t)
	}
	k := ds / s
	dx, sx, _, _ := rowsOf(x)
	d1, s1, _, _ := rowsOf(x1)
	do, so, _, _ := rowsOf(out)
	for i := 0; i < r; i++ {
		rx, r1, ro := rowSlice(dx, sx, i, c), rowSlice(d1, s1, i, c), rowSlice(do, so, i, c)
		for j := range rx {
			ro[j] = k*(rx[j]-a*r1[j]) + da*r1[j]
		}
	}
	return nil
}

// rowSlice returns row i of a raw row-major array with the given stride.
func rowSlice(data []float64, stride, i, cols int) []float64 {
	return data[i*stride : i*stride+cols]
}
