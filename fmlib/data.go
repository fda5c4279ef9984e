package fmlib

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// DataSampler draws n points (one per row) of a data distribution from rng.
// Training loops keep one rng and call the sampler for every batch.
type DataSampler func(n int, rng *rand.Rand) *mat.Dense

// NewRand returns a random source seeded with seed, for DataSampler and
// every other function that takes a *rand.Rand.
func NewRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x676f70686c6f77)) }

// newPoints allocates an n×2 batch, panicking with a clear message if n ≤ 0.
func newPoints(who string, n int) *mat.Dense {
	panicUnless(n > 0, "%s: n = %d, want n > 0", who, n)
	return mat.NewDense(n, 2, nil)
}

// MoonsSampler is the two interleaving half circles of scikit-learn's
// make_moons: the upper arc (cos θ, sin θ) and the lower arc
// (1 − cos θ, ½ − sin θ) with θ ~ U[0, π] and each arc drawn with
// probability ½, plus N(0, noise² I).
func MoonsSampler(noise float64) DataSampler {
	panicUnless(noise >= 0, "MoonsSampler: noise = %v, want ≥ 0", noise)
	return func(n int, rng *rand.Rand) *mat.Dense {
		out := newPoints("MoonsSampler", n)
		for i := 0; i < n; i++ {
			s, c := math.Sincos(math.Pi * rng.Float64())
			x, y := c, s
			if rng.Uint64()&1 == 1 {
				x, y = 1-c, 0.5-s
			}
			out.Set(i, 0, x+noise*rng.NormFloat64())
			out.Set(i, 1, y+noise*rng.NormFloat64())
		}
		return out
	}
}

// EightGaussiansSampler is an equal mixture of 8 Gaussians N(c_k, std² I)
// with centres c_k = radius·(cos kπ/4, sin kπ/4).
func EightGaussiansSampler(radius, std float64) DataSampler {
	panicUnless(radius > 0 && std >= 0, "EightGaussiansSampler: want radius > 0 and std ≥ 0, got %v, %v", radius, std)
	return func(n int, rng *rand.Rand) *mat.Dense {
		out := newPoints("EightGaussiansSampler", n)
		for i := 0; i < n; i++ {
			s, c := math.Sincos(float64(rng.IntN(8)) * math.Pi / 4)
			out.Set(i, 0, radius*c+std*rng.NormFloat64())
			out.Set(i, 1, radius*s+std*rng.NormFloat64())
		}
		return out
	}
}

// CheckerboardSampler is the checkerboard of Meta's 2D flow-matching
// example: x1 ~ U[−2, 2); x2 uniform on the unit squares of [−2, 2) whose
// column parity ⌊x1⌋ mod 2 matches their row parity (8 squares, alternating),
// both coordinates then divided by 0.45. The density is 0.45²/8 on the
// squares and 0 elsewhere.
func CheckerboardSampler() DataSampler {
	return func(n int, rng *rand.Rand) *mat.Dense {
		out := newPoints("CheckerboardSampler", n)
		data := out.RawMatrix().Data // n×2, contiguous
		for i := 0; i < n; i++ {
			x1 := 4*rng.Float64() - 2
			x2 := rng.Float64() - 2*float64(rng.IntN(2))
			parity := float64(int(math.Floor(x1)) & 1) // ⌊x1⌋ mod 2, also for ⌊x1⌋ < 0 (two's complement)
			data[2*i], data[2*i+1] = x1/0.45, (x2+parity)/0.45
		}
		return out
	}
}

// CirclesSampler is scikit-learn's make_circles: with probability ½ a point
// on the unit circle, otherwise on the circle of radius factor (0 < factor <
// 1), at a uniform angle, plus N(0, noise² I).
func CirclesSampler(factor, noise float64) DataSampler {
	panicUnless(factor > 0 && factor < 1 && noise >= 0, "CirclesSampler: want 0 < factor < 1 and noise ≥ 0, got %v, %v", factor, noise)
	return func(n int, rng *rand.Rand) *mat.Dense {
		out := newPoints("CirclesSampler", n)
		for i := 0; i < n; i++ {
			r := 1.0
			if rng.Uint64()&1 == 1 {
				r = factor
			}
			s, c := math.Sincos(2 * math.Pi * rng.Float64())
			out.Set(i, 0, r*c+noise*rng.NormFloat64())
			out.Set(i, 1, r*s+noise*rng.NormFloat64())
		}
		return out
	}
}

// SpiralsSampler is two interleaved Archimedean spirals: θ = 3π√u with
// u ~ U[0,1), the point ±(θ cos θ, θ sin θ)/π (sign per arm), plus
// N(0, noise² I). Points lie within radius 3 (+ noise).
func SpiralsSampler(noise float64) DataSampler {
	panicUnless(noise >= 0, "SpiralsSampler: noise = %v, want ≥ 0", noise)
	return func(n int, rng *rand.Rand) *mat.Dense {
		out := newPoints("SpiralsSampler", n)
		for i := 0; i < n; i++ {
			theta := 3 * math.Pi * math.Sqrt(rng.Float64())
			s, c := math.Sincos(theta)
			sign := 1.0
			if rng.Uint64()&1 == 1 {
				sign = -1
			}
			out.Set(i, 0, sign*theta*c/math.Pi+noise*rng.NormFloat64())
			out.Set(i, 1, sign*theta*s/math.Pi+noise*rng.NormFloat64())
		}
		return out
	}
}

// PointsSampler resamples the rows of points uniformly with replacement (an
// empirical data distribution; points is copied).
func PointsSampler(points *mat.Dense) (DataSampler, error) {
	if err := checkDense("points", points); err != nil {
		return nil, err
	}
	if err := checkFinite("points", points); err != nil {
		return nil, err
	}
	pts := mat.DenseCopyOf(points)
	rows, cols := pts.Dims()
	return func(n int, rng *rand.Rand) *mat.Dense {
		panicUnless(n > 0, "PointsSampler: n = %d, want n > 0", n)
		out := mat.NewDense(n, cols, nil)
		for i := 0; i < n; i++ {
			out.SetRow(i, pts.RawRowView(rng.IntN(rows)))
		}
		return out
	}, nil
}

// Moons draws n points of MoonsSampler(noise) with the given seed.
func Moons(n int, noise float64, seed uint64) *mat.Dense {
	return MoonsSampler(noise)(n, NewRand(seed))
}

// EightGaussians draws n points of EightGaussiansSampler(radius, std) with the given seed.
func EightGaussians(n int, radius, std float64, seed uint64) *mat.Dense {
	return EightGaussiansSampler(radius, std)(n, NewRand(seed))
}

// Checkerboard draws n points of CheckerboardSampler with the given seed.
func Checkerboard(n int, seed uint64) *mat.Dense { return CheckerboardSampler()(n, NewRand(seed)) }

// Circles draws n points of CirclesSampler(factor, noise) with the given seed.
func Circles(n int, factor, noise float64, seed uint64) *mat.Dense {
	return CirclesSampler(factor, noise)(n, NewRand(seed))
}

// Spirals draws n points of SpiralsSampler(noise) with the given seed.
func Spirals(n int, noise float64, seed uint64) *mat.Dense {
	return SpiralsSampler(noise)(n, NewRand(seed))
}

// StandardNormal draws n points of N(0, I) in dimension dim (the source p_0).
func StandardNormal(n, dim int, seed uint64) *mat.Dense {
	panicUnless(n > 0 && dim > 0, "StandardNormal: want n > 0 and dim > 0, got %d, %d", n, dim)
	rng := NewRand(seed)
	out := mat.NewDense(n, dim, nil)
	for i := range out.RawMatrix().Data {
		out.RawMatrix().Data[i] = rng.NormFloat64()
	}
	return out
}

// FromRows turns a slice of points (each a slice of equal length) into a
// batch, e.g. data typed in a notebook.
func FromRows(rows [][]float64) (*mat.Dense, error) {
	if len(rows) == 0 || len(rows[0]) == 0 {
		return nil, fmt.Errorf("fmlib: FromRows: no points")
	}
	d := len(rows[0])
	out := mat.NewDense(len(rows), d, nil)
	for i, r := range rows {
		if len(r) != d {
			return nil, fmt.Errorf("fmlib: FromRows: rows[%d] has %d coordinates, rows[0] has %d", i, len(r), d)
		}
		out.SetRow(i, r)
	}
	if err := checkFinite("rows", out); err != nil {
		return nil, err
	}
	return out, nil
}
