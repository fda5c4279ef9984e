package fmlib

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// checkPair validates two sample sets of the same dimension (and, when
// sameSize, the same number of points).
func checkPair(who string, a, b *mat.Dense, sameSize bool) error {
	for _, m := range []struct {
		name string
		m    *mat.Dense
	}{{"a", a}, {"b", b}} {
		if err := checkDense(m.name, m.m); err != nil {
			return fmt.Errorf("%s: %w", who, err)
		}
		if err := checkFinite(m.name, m.m); err != nil {
			return fmt.Errorf("%s: %w", who, err)
		}
	}
	ra, ca := a.Dims()
	rb, cb := b.Dims()
	if ca != cb {
		return fmt.Errorf("fmlib: %s: a has dimension %d, b has %d", who, ca, cb)
	}
	if sameSize && ra != rb {
		return fmt.Errorf("fmlib: %s: a has %d points, b has %d; equal sizes are needed", who, ra, rb)
	}
	return nil
}

// W2 returns the exact Wasserstein-2 distance between the empirical
// distributions of two equal-size sample sets (rows):
// W2² = min_π (1/n) Σ_i ‖a_i − b_π(i)‖² over permutations π, solved by
// Assignment. Cost O(n³): a few seconds at n = 2000.
func W2(a, b *mat.Dense) (float64, error) {
	if err := checkPair("W2", a, b, true); err != nil {
		return 0, err
	}
	cost, err := SquaredDistances(a, b)
	if err != nil {
		return 0, err
	}
	_, total, err := Assignment(cost)
	if err != nil {
		return 0, err
	}
	n, _ := a.Dims()
	return math.Sqrt(math.Max(0, total) / float64(n)), nil
}

// meanPairwise returns the mean of f(‖x_i − y_j‖²) over all pairs.
func meanPairwise(x, y *mat.Dense, f func(sq float64) float64) float64 {
	sq, _ := SquaredDistances(x, y)
	var s float64
	for _, v := range sq.RawMatrix().Data {
		s += f(v)
	}
	r, c := sq.Dims()
	return s / float64(r*c)
}

// EnergyDistance returns the energy distance between two sample sets,
// 2 E‖A − B‖ − E‖A − A'‖ − E‖B − B'‖, with every expectation the mean over
// all pairs (V-statistics, so it is ≥ 0 and exactly 0 for identical sets).
// It is zero in the limit only when the distributions are equal.
func EnergyDistance(a, b *mat.Dense) (float64, error) {
	if err := checkPair("EnergyDistance", a, b, false); err != nil {
		return 0, err
	}
	dist := math.Sqrt
	e := 2*meanPairwise(a, b, dist) - meanPairwise(a, a, dist) - meanPairwise(b, b, dist)
	return math.Max(0, e), nil
}

// MMD2 returns the squared maximum mean discrepancy between two sample sets
// with the Gaussian kernel k(x, y) = exp(−‖x − y‖²/(2 bandwidth²)):
// E k(A, A') + E k(B, B') − 2 E k(A, B) over all pairs (the biased
// V-statistic, ≥ 0).
func MMD2(a, b *mat.Dense, bandwidth float64) (float64, error) {
	if err := checkPair("MMD2", a, b, false); err != nil {
		return 0, err
	}
	if !(bandwidth > 0) || math.IsInf(bandwidth, 0) {
		return 0, fmt.Errorf("fmlib: MMD2: bandwidth = %v, want a finite positive value", bandwidth)
	}
	k := func(sq float64) float64 { return math.Exp(-sq / (2 * bandwidth * bandwidth)) }
	m := meanPairwise(a, a, k) + meanPairwise(b, b, k) - 2*meanPairwise(a, b, k)
	return math.Max(0, m), nil
}

// PathEnergy returns the mean over trajectories of the kinetic energy
// ∫ ‖dx/dt‖² dt, estimated from states recorded at increasing or decreasing
// times (e.g. Solution.Times and Solution.States) as
// Σ_k ‖x_{k+1} − x_k‖² / |t_{k+1} − t_k|. Straight constant-speed paths over
// [0,1] give E‖x_1 − x_0‖², the least possible for their end points.
func PathEnergy(times []float64, states []*mat.Dense) (float64, error) {
	if len(times) != len(states) || len(times) < 2 {
		return 0, fmt.Errorf("fmlib: PathEnergy: %d times and %d states, want at least 2 of each, equally many", len(times), len(states))
	}
	if err := checkDense("states[0]", states[0]); err != nil {
		return 0, err
	}
	r, c := states[0].Dims()
	var total float64
	for k := 0; k+1 < len(states); k++ {
		if err := checkShape(fmt.Sprintf("states[%d]", k+1), states[k+1], r, c); err != nil {
			return 0, err
		}
		dt := math.Abs(times[k+1] - times[k])
		if !(dt > 0) {
			return 0, fmt.Errorf("fmlib: PathEnergy: times[%d] and times[%d] are equal (%v)", k, k+1, times[k])
		}
		a, sa, _, _ := rowsOf(states[k])
		b, sb, _, _ := rowsOf(states[k+1])
		var sum float64
		for i := 0; i < r; i++ {
			ra, rb := rowSlice(a, sa, i, c), rowSlice(b, sb, i, c)
			for j := range ra {
				d := rb[j] - ra[j]
				sum += d * d
			}
		}
		total += sum / dt
	}
	if math.IsNaN(total) || math.IsInf(total, 0) {
		return 0, fmt.Errorf("fmlib: PathEnergy: the states are not finite")
	}
	return total / float64(r), nil
}

// NormalizedPathEnergy returns |PE − W2²| / W2², where PE is the PathEnergy
// of the trajectories and W2² the squared Wasserstein-2 distance between
// their first and last states (by exact assignment). It is 0 for
// trajectories that transport optimally along straight lines at constant
// speed over a unit time, and grows as paths curve or cross (the measure of
// the minibatch-OT paper of Tong et al.).
func NormalizedPathEnergy(times []float64, states []*mat.Dense) (float64, error) {
	pe, err := PathEnergy(times, states)
	if err != nil {
		return 0, err
	}
	w, err := W2(states[0], states[len(states)-1])
	if err != nil {
		return 0, err
	}
	span := math.Abs(times[len(times)-1] - times[0])
	w2 := w * w / span // the least energy over this time span
	if w2 == 0 {
		return 0, fmt.Errorf("fmlib: NormalizedPathEnergy: the first and last states coincide (W2 = 0)")
	}
	return math.Abs(pe-w2) / w2, nil
}
