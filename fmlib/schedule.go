package fmlib

import (
	"fmt"
	"math"
)

// Schedule gives the coefficients of an affine Gaussian conditional path
// (eq. 25–26): the mean scale α_t in μ_t(x1) = α_t x1, the standard
// deviation σ_t, and their time derivatives. Conventions of the notes:
// t = 0 is noise (α_0 ≈ 0, σ_0 ≈ 1, eq. 17) and t = 1 is data
// (α_1 = 1, σ_1 = σ_min ≈ 0, eq. 18).
type Schedule interface {
	// Coefficients returns α_t, dα_t/dt, σ_t and dσ_t/dt.
	Coefficients(t float64) (alpha, dAlpha, sigma, dSigma float64)
	// String names the schedule and its parameters.
	String() string
}

// VarianceRateSchedule is a Schedule that also gives σ_t σ'_t = ½ dσ_t²/dt,
// which stays finite where σ'_t diverges because σ_t = 0 (VP and linear-VP
// at t = 1). The exact marginal field of a Gaussian mixture needs only this
// product, so it stays defined at t = 1 on those paths.
type VarianceRateSchedule interface {
	Schedule
	// SigmaDSigma returns σ_t σ'_t.
	SigmaDSigma(t float64) float64
}

// ScheduleFunc is a Schedule given by a plain Go func, so a notebook can try
// its own α_t and σ_t.
type ScheduleFunc func(t float64) (alpha, dAlpha, sigma, dSigma float64)

// Coefficients calls f(t).
func (f ScheduleFunc) Coefficients(t float64) (alpha, dAlpha, sigma, dSigma float64) { return f(t) }

// String returns "custom".
func (f ScheduleFunc) String() string { return "custom" }

// OTSchedule is the optimal-transport schedule of eq. 34: α_t = t,
// σ_t = 1 − (1 − σ_min) t. σ_min = 0 gives the straight paths of eq. 37.
type OTSchedule struct{ SigmaMin float64 }

// Coefficients implements Schedule.
func (s OTSchedule) Coefficients(t float64) (alpha, dAlpha, sigma, dSigma float64) {
	return t, 1, 1 - (1-s.SigmaMin)*t, -(1 - s.SigmaMin)
}

func (s OTSchedule) String() string { return fmt.Sprintf("OT(σ_min=%g)", s.SigmaMin) }

// VESchedule is the variance-exploding schedule of eq. 32: μ_t = x1 and
// σ_t = σ_{1−t} with the geometric noise scale σ_s = σ_min (σ_max/σ_min)^s of
// score-based diffusion. Its source is N(x1, σ_max² I), which approximates
// eq. 17 only when σ_max is large compared with the data.
type VESchedule struct{ SigmaMin, SigmaMax float64 }

// Coefficients implements Schedule.
func (s VESchedule) Coefficients(t float64) (alpha, dAlpha, sigma, dSigma float64) {
	logRatio := math.Log(s.SigmaMax / s.SigmaMin)
	sigma = s.SigmaMin * math.Exp(logRatio*(1-t))
	return 1, 0, sigma, -logRatio * sigma
}

func (s VESchedule) String() string {
	return fmt.Sprintf("VE(σ_min=%g, σ_max=%g)", s.SigmaMin, s.SigmaMax)
}

// VPSchedule is the variance-preserving schedule of eq. 33: μ_t = a_{1−t} x1
// and σ_t = √(1 − a_{1−t}²) with a_s = exp(−½∫_0^s β(r) dr) and the linear
// noise rate β(r) = β_min + r(β_max − β_min) of DDPM/score SDEs (usual values
// β_min = 0.1, β_max = 20). σ_1 = 0 exactly and α_0 = e^{−(β_min+β_max)/4}
// is small but not zero, so eq. 17 holds approximately.
type VPSchedule struct{ BetaMin, BetaMax float64 }

// Coefficients implements Schedule. dσ/dt diverges at t = 1.
func (s VPSchedule) Coefficients(t float64) (alpha, dAlpha, sigma, dSigma float64) {
	r := 1 - t
	integral := s.BetaMin*r + 0.5*r*r*(s.BetaMax-s.BetaMin)
	beta := s.BetaMin + r*(s.BetaMax-s.BetaMin)
	alpha = math.Exp(-0.5 * integral)
	dAlpha = 0.5 * beta * alpha        // d/dt of a_{1−t} = −a'(1−t) = ½β(1−t)a_{1−t}
	oneMinus := -math.Expm1(-integral) // 1 − α², accurate near t = 1
	sigma = math.Sqrt(oneMinus)
	if sigma == 0 {
		return alpha, dAlpha, 0, math.Inf(-1)
	}
	dSigma = -alpha * dAlpha / sigma
	return alpha, dAlpha, sigma, dSigma
}

// SigmaDSigma implements VarianceRateSchedule: σσ' = −αα' since σ² = 1 − α².
func (s VPSchedule) SigmaDSigma(t float64) float64 {
	alpha, dAlpha, _, _ := s.Coefficients(t)
	return -alpha * dAlpha
}

func (s VPSchedule) String() string {
	return fmt.Sprintf("VP(β_min=%g, β_max=%g)", s.BetaMin, s.BetaMax)
}

// CosineSchedule is α_t = sin(πt/2), σ_t = cos(πt/2).
type CosineSchedule struct{}

// Coefficients implements Schedule.
func (CosineSchedule) Coefficients(t float64) (alpha, dAlpha, sigma, dSigma float64) {
	s, c := math.Sincos(0.5 * math.Pi * t)
	return s, 0.5 * math.Pi * c, c, -0.5 * math.Pi * s
}

func (CosineSchedule) String() string { return "cosine" }

// PolynomialSchedule is α_t = tⁿ, σ_t = 1 − tⁿ (n = 1 is OT with σ_min = 0).
type PolynomialSchedule struct{ N float64 }

// Coefficients implements Schedule.
func (s PolynomialSchedule) Coefficients(t float64) (alpha, dAlpha, sigma, dSigma float64) {
	alpha = math.Pow(t, s.N)
	if t == 0 {
		dAlpha = 0
		if s.N == 1 {
			dAlpha = 1
		} else if s.N < 1 {
			dAlpha = math.Inf(1)
		}
	} else {
		dAlpha = s.N * math.Pow(t, s.N-1)
	}
	return alpha, dAlpha, 1 - alpha, -dAlpha
}

func (s PolynomialSchedule) String() string { return fmt.Sprintf("polynomial(n=%g)", s.N) }

// LinearVPSchedule is α_t = t, σ_t = √(1 − t²): variance preserving with a
// linear mean. dσ/dt diverges at t = 1.
type LinearVPSchedule struct{}

// Coefficients implements Schedule.
func (LinearVPSchedule) Coefficients(t float64) (alpha, dAlpha, sigma, dSigma float64) {
	sigma = math.Sqrt((1 - t) * (1 + t))
	if sigma == 0 {
		return t, 1, 0, math.Inf(-1)
	}
	return t, 1, sigma, -t / sigma
}

// SigmaDSigma implements VarianceRateSchedule: σσ' = −t since σ² = 1 − t².
func (LinearVPSchedule) SigmaDSigma(t float64) float64 { return -t }

func (LinearVPSchedule) String() string { return "linear-VP" }
