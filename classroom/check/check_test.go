package check

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// The correct implementations a student would write.

func goodSample(t float64, x0, x1 []float64, sigmaMin float64) []float64 {
	out := make([]float64, len(x0))
	for i := range x0 {
		out[i] = (1-(1-sigmaMin)*t)*x0[i] + t*x1[i]
	}
	return out
}

func goodTarget(x0, x1 []float64, sigmaMin float64) []float64 {
	out := make([]float64, len(x0))
	for i := range x0 {
		out[i] = x1[i] - (1-sigmaMin)*x0[i]
	}
	return out
}

func goodMarginal(t float64, x []float64, points [][]float64, sigmaMin float64) []float64 {
	sigma := 1 - (1-sigmaMin)*t
	logw := make([]float64, len(points))
	best := -1e300
	for j, p := range points {
		d2 := 0.0
		for k := range x {
			d := x[k] - t*p[k]
			d2 += d * d
		}
		logw[j] = -d2 / (2 * sigma * sigma)
		if logw[j] > best {
			best = logw[j]
		}
	}
	out := make([]float64, len(x))
	total := 0.0
	for j, p := range points {
		w := math.Exp(logw[j] - best)
		total += w
		for k := range x {
			out[k] += w * (p[k] - (1-sigmaMin)*x[k]) / sigma
		}
	}
	for k := range out {
		out[k] /= total
	}
	return out
}

func goodLoss(field func(t float64, x, out *mat.Dense), t []float64, x0, x1 *mat.Dense) float64 {
	n, d := x0.Dims()
	total := 0.0
	xt, v := mat.NewDense(1, d, nil), mat.NewDense(1, d, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			xt.Set(0, j, (1-t[i])*x0.At(i, j)+t[i]*x1.At(i, j))
		}
		field(t[i], xt, v)
		for j := 0; j < d; j++ {
			r := v.At(0, j) - (x1.At(i, j) - x0.At(i, j))
			total += r * r
		}
	}
	return total / float64(n)
}

func goodEuler(field func(t float64, x, out *mat.Dense), x0 *mat.Dense, steps int) *mat.Dense {
	x := mat.DenseCopyOf(x0)
	r, c := x.Dims()
	u := mat.NewDense(r, c, nil)
	dt := 1 / float64(steps)
	for k := 0; k < steps; k++ {
		field(float64(k)*dt, x, u)
		u.Scale(dt, u)
		x.Add(x, u)
	}
	return x
}

func rademacherEstimate(matVec func(v []float64) []float64, dim, probes int, rng *rand.Rand) float64 {
	total := 0.0
	for k := 0; k < probes; k++ {
		eps := make([]float64, dim)
		for i := range eps {
			eps[i] = float64(rng.IntN(2)*2 - 1)
		}
		jv := matVec(eps)
		for i := range eps {
			total += eps[i] * jv[i]
		}
	}
	return total / float64(probes)
}

func gaussianEstimate(matVec func(v []float64) []float64, dim, probes int, rng *rand.Rand) float64 {
	total := 0.0
	for k := 0; k < probes; k++ {
		eps := make([]float64, dim)
		for i := range eps {
			eps[i] = rng.NormFloat64()
		}
		jv := matVec(eps)
		for i := range eps {
			total += eps[i] * jv[i]
		}
	}
	return total / float64(probes)
}

func stub() { panic("exercise: write your solution here") }

// expectPass fails the test unless r passed.
func expectPass(t *testing.T, r *Result) {
	t.Helper()
	if !r.Passed || r.Err() != nil {
		t.Fatalf("a correct implementation failed: %s", r)
	}
	if !strings.HasPrefix(r.String(), "PASS ") {
		t.Errorf("String() = %q", r.String())
	}
}

// expectFail fails the test unless r failed with a hint containing hint.
func expectFail(t *testing.T, r *Result, hint string) {
	t.Helper()
	if r.Passed || r.Err() == nil {
		t.Fatalf("a wrong implementation passed: %s", r)
	}
	if !strings.Contains(r.Hint, hint) {
		t.Errorf("hint %q, want one containing %q (detail: %s)", r.Hint, hint, r.Detail)
	}
	html, _ := r.MIMEBundle()["text/html"].(string)
	if !strings.Contains(html, "FAIL") || !strings.Contains(r.String(), "Hint: ") {
		t.Errorf("the failure is not rendered: %q / %q", html, r.String())
	}
}

func TestOTSample(t *testing.T) {
	expectPass(t, OTSample(goodSample))
	expectFail(t, OTSample(func(t float64, x0, x1 []float64, s float64) []float64 { return goodSample(t, x0, x1, 0) }), "σ_t = 1 − (1 − σ_min) t, so x0")
	expectFail(t, OTSample(func(t float64, x0, x1 []float64, s float64) []float64 { return goodSample(t, x1, x0, 0) }), "time runs from noise")
	expectFail(t, OTSample(func(t float64, x0, x1 []float64, s float64) []float64 {
		for i := range x0 {
			x0[i] = (1-(1-s)*t)*x0[i] + t*x1[i]
		}
		return x0
	}), "allocate a new slice")
	expectFail(t, OTSample(func(float64, []float64, []float64, float64) []float64 { stub(); return nil }), "placeholder panic")
	expectFail(t, OTSample(nil), "pass the function")
}

func TestOTTarget(t *testing.T) {
	expectPass(t, OTTarget(goodTarget))
	expectFail(t, OTTarget(func(x0, x1 []float64, s float64) []float64 { return goodTarget(x0, x1, 0) }), "σ_min = 0 target")
	expectFail(t, OTTarget(func(x0, x1 []float64, s float64) []float64 {
		v := goodTarget(x0, x1, s)
		for i := range v {
			v[i] = -v[i]
		}
		return v
	}), "sign is reversed")
	expectFail(t, OTTarget(func(x0, x1 []float64, s float64) []float64 { return []float64{0} }), "")
}

func TestMarginalField(t *testing.T) {
	expectPass(t, MarginalField(goodMarginal))
	expectFail(t, MarginalField(func(tt float64, x []float64, points [][]float64, s float64) []float64 {
		sigma := 1 - (1-s)*tt
		out := make([]float64, len(x))
		for _, p := range points {
			for k := range x {
				out[k] += (p[k] - (1-s)*x[k]) / sigma / float64(len(points))
			}
		}
		return out
	}), "plain average")
	// Weights without the log-sum-exp shift underflow at t = 0.8 for far points.
	expectFail(t, MarginalField(func(tt float64, x []float64, points [][]float64, s float64) []float64 {
		sigma := 1 - (1-s)*tt
		out := make([]float64, len(x))
		total := 0.0
		for _, p := range points {
			d2 := 0.0
			for k := range x {
				d := x[k] - tt*p[k]
				d2 += d * d
			}
			w := math.Exp(-d2/(2*sigma*sigma) - 800)
			total += w
			for k := range x {
				out[k] += w * (p[k] - (1-s)*x[k]) / sigma
			}
		}
		for k := range out {
			out[k] /= total
		}
		return out
	}), "log-sum-exp")
}

func TestCFMLoss(t *testing.T) {
	expectPass(t, CFMLoss(goodLoss))
	expectFail(t, CFMLoss(func(f func(float64, *mat.Dense, *mat.Dense), tt []float64, x0, x1 *mat.Dense) float64 {
		_, d := x0.Dims()
		return goodLoss(f, tt, x0, x1) / float64(d)
	}), "averaged over the coordinates")
	expectFail(t, CFMLoss(func(f func(float64, *mat.Dense, *mat.Dense), tt []float64, x0, x1 *mat.Dense) float64 {
		same := make([]float64, len(tt))
		for i := range same {
			same[i] = tt[0]
		}
		// Evaluate every row at t[0] but build x_t with the right times.
		n, d := x0.Dims()
		total := 0.0
		xt, v := mat.NewDense(1, d, nil), mat.NewDense(1, d, nil)
		for i := 0; i < n; i++ {
			for j := 0; j < d; j++ {
				xt.Set(0, j, (1-tt[i])*x0.At(i, j)+tt[i]*x1.At(i, j))
			}
			f(same[i], xt, v)
			for j := 0; j < d; j++ {
				r := v.At(0, j) - (x1.At(i, j) - x0.At(i, j))
				total += r * r
			}
		}
		return total / float64(n)
	}), "own time")
	expectFail(t, CFMLoss(func(f func(float64, *mat.Dense, *mat.Dense), tt []float64, x0, x1 *mat.Dense) float64 {
		return goodLoss(f, tt, x1, x0) // swaps noise and data: wrong points and target
	}), "")
}

func TestEulerSampler(t *testing.T) {
	expectPass(t, EulerSampler(goodEuler))
	expectFail(t, EulerSampler(func(f func(float64, *mat.Dense, *mat.Dense), x0 *mat.Dense, steps int) *mat.Dense {
		x := mat.DenseCopyOf(x0)
		r, c := x.Dims()
		u := mat.NewDense(r, c, nil)
		for k := 0; k <= steps; k++ { // one evaluation too many, at t = 1
			f(float64(k)/float64(steps), x, u)
			if k < steps {
				u.Scale(1/float64(steps), u)
				x.Add(x, u)
			}
		}
		return x
	}), "one evaluation too many")
	expectFail(t, EulerSampler(func(f func(float64, *mat.Dense, *mat.Dense), x0 *mat.Dense, steps int) *mat.Dense {
		x := mat.DenseCopyOf(x0)
		r, c := x.Dims()
		u := mat.NewDense(r, c, nil)
		for k := 0; k < steps; k++ {
			f(float64(k)/float64(steps), x, u)
			x.Add(x, u) // forgot δ
		}
		return x
	}), "δ = 1/steps")
	expectFail(t, EulerSampler(func(func(float64, *mat.Dense, *mat.Dense), *mat.Dense, int) *mat.Dense { stub(); return nil }), "placeholder")
}

func TestHutchinson(t *testing.T) {
	expectPass(t, Hutchinson(rademacherEstimate))
	r := Hutchinson(gaussianEstimate)
	expectPass(t, r)
	if !strings.Contains(r.Detail, "Gaussian") {
		t.Errorf("Gaussian probes not recognised: %s", r.Detail)
	}
	expectFail(t, Hutchinson(func(mv func([]float64) []float64, dim, probes int, rng *rand.Rand) float64 {
		total := 0.0
		for i := 0; i < dim; i++ { // exact trace by unit vectors: dim products
			e := make([]float64, dim)
			e[i] = 1
			total += mv(e)[i]
		}
		return total
	}), "")
	expectFail(t, Hutchinson(func(mv func([]float64) []float64, dim, probes int, rng *rand.Rand) float64 {
		return rademacherEstimate(mv, dim, probes, rng) * float64(probes) // sums instead of averaging
	}), "")
	expectFail(t, Hutchinson(func(mv func([]float64) []float64, dim, probes int, rng *rand.Rand) float64 {
		total := 0.0
		for k := 0; k < probes; k++ {
			eps := make([]float64, dim)
			for i := range eps {
				eps[i] = rng.Float64() // uniform on [0,1): mean 1/2, biased
			}
			jv := mv(eps)
			for i := range eps {
				total += eps[i] * jv[i]
			}
		}
		return total / float64(probes)
	}), "E[εεᵀ] = I")
	expectFail(t, Hutchinson(func(mv func([]float64) []float64, dim, probes int, rng *rand.Rand) float64 { stub(); return 0 }), "placeholder")
}

func goodAffine(x1, s, b []float64) float64 {
	total := 0.0
	for j := range x1 {
		z := (x1[j] - b[j]) * math.Exp(-s[j])
		total += -0.5*z*z - 0.5*math.Log(2*math.Pi) - s[j]
	}
	return total
}

func TestAffineLogDensity(t *testing.T) {
	expectPass(t, AffineLogDensity(goodAffine))
	expectFail(t, AffineLogDensity(func(x1, s, b []float64) float64 {
		v := goodAffine(x1, s, b)
		for _, sj := range s {
			v += sj
		}
		return v
	}), "Jacobian term is missing")
	expectFail(t, AffineLogDensity(func(x1, s, b []float64) float64 {
		v := goodAffine(x1, s, b)
		for _, sj := range s {
			v += 2 * sj
		}
		return v
	}), "wrong sign")
	expectFail(t, AffineLogDensity(func(x1, s, b []float64) float64 {
		return goodAffine(x1, s, b) + 0.5*float64(len(x1))*math.Log(2*math.Pi)
	}), "normalising constant")
	expectFail(t, AffineLogDensity(func(x1, s, b []float64) float64 { stub(); return 0 }), "placeholder")
}
