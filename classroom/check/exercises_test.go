package check

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// Each check fails a typical wrong answer with the hint that names the
// mistake. (The teacher notebooks in notebooks/exercises hold the right
// answers; CI runs them and wants every check to pass.)
func TestWrongAnswersFailWithTheirHint(t *testing.T) {
	zeros := func(n int) []float64 { return make([]float64, n) }
	cases := []struct {
		name string
		r    *Result
		hint string
	}{
		{"planar without the identity", PlanarLogDet(func(x, w, u []float64, b float64) float64 {
			a, wu := b, 0.0
			for j := range x {
				a += w[j] * x[j]
				wu += w[j] * u[j]
			}
			th := math.Tanh(a)
			return math.Log(math.Abs((1 - th*th) * wu))
		}), "the identity is missing"},
		{"one-sided differences", JacobianLogDet(func(phi func(x []float64) []float64, x []float64, h float64) float64 {
			d := len(x)
			jac := mat.NewDense(d, d, nil)
			f0 := phi(x)
			for j := 0; j < d; j++ {
				p := append([]float64(nil), x...)
				p[j] += h
				fp := phi(p)
				for i := 0; i < d; i++ {
					jac.Set(i, j, (fp[i]-f0[i])/h)
				}
			}
			return math.Log(math.Abs(mat.Det(jac)))
		}), "central"},
		{"flow without log-determinants", FlowLogDensity(func(layers []func(x []float64) ([]float64, float64), x0 []float64) ([]float64, float64) {
			logp := 0.0
			for _, v := range x0 {
				logp += -0.5*v*v - 0.5*math.Log(2*math.Pi)
			}
			x := x0
			for _, l := range layers {
				x, _ = l(x)
			}
			return x, logp
		}), "log-determinants are missing"},
		{"by hand", AffineDensityByHand(0.3), "invert first"},
		{"residual sign", ResidualInverse(func(u func(x []float64) []float64, delta float64, y []float64, iterations int) []float64 {
			x := append([]float64(nil), y...)
			for k := 0; k < iterations; k++ {
				ux := u(x)
				for j := range x {
					x[j] = y[j] + delta*ux[j]
				}
			}
			return x
		}), "wrong sign"},
		{"Frobenius", ResidualContraction(func(w1, w2 *mat.Dense, delta float64) float64 {
			return delta * mat.Norm(w1, 2) * mat.Norm(w2, 2)
		}), "Frobenius"},
		{"transport without the product", TransportResidual(func(p, u func(t, x float64) float64, t, x, h float64) float64 {
			return (p(t+h, x)-p(t-h, x))/(2*h) + p(t, x)*(u(t, x+h)-u(t, x-h))/(2*h)
		}), "product"},
		{"eq. 14 sign", LogDensityAlongPath(func(u func(t float64, x []float64) []float64, div func(t float64, x []float64) float64, x0 []float64, steps int) ([]float64, float64) {
			x := append([]float64(nil), x0...)
			logp := 0.0
			for _, v := range x0 {
				logp += -0.5*v*v - 0.5*math.Log(2*math.Pi)
			}
			dt := 1 / float64(steps)
			for k := 0; k < steps; k++ {
				tk := float64(k) * dt
				v := u(tk, x)
				logp += dt * div(tk, x)
				for j := range x {
					x[j] += dt * v[j]
				}
			}
			return x, logp
		}), "wrong sign"},
		{"mixture field zero", MixtureField(func(t float64, x, weights []float64, means [][]float64, stds []float64, sigmaMin float64) []float64 {
			return zeros(len(x))
		}), "E[x1|x,k]"},
		{"standard deviation for standard error", GradientEstimates(func(theta float64, n int, rng *rand.Rand) (float64, float64, float64, float64) {
			return 0, 2, 0, 2
		}), "standard deviation of one draw"},
		{"marginal by hand", MarginalFieldByHand(1), "σ_t = 1/2"},
		{"midpoint as Euler", MidpointSampler(func(field func(t float64, x, out *mat.Dense), x0 *mat.Dense, steps int) *mat.Dense {
			x := mat.DenseCopyOf(x0)
			r, c := x.Dims()
			u := mat.NewDense(r, c, nil)
			for k := 0; k < steps; k++ {
				field(float64(k)/float64(steps), x, u)
				u.Scale(1/float64(steps), u)
				x.Add(x, u)
			}
			return x
		}), "Euler's method"},
		{"batch drawn times first", TrainingBatch(func(x1 *mat.Dense, rng *rand.Rand) ([]float64, *mat.Dense, *mat.Dense) {
			n, d := x1.Dims()
			t := make([]float64, n)
			for i := range t {
				t[i] = rng.Float64()
			}
			xt, target := mat.NewDense(n, d, nil), mat.NewDense(n, d, nil)
			for i := 0; i < n; i++ {
				for j := 0; j < d; j++ {
					x0 := rng.NormFloat64()
					xt.Set(i, j, (1-t[i])*x0+t[i]*x1.At(i, j))
					target.Set(i, j, x1.At(i, j)-x0)
				}
			}
			return t, xt, target
		}), "another order"},
		{"loss floor of u = 0", LossFloor(func(s float64) float64 { return s*s + 1 }), "Var(x1 − x0)"},
		{"divergence by hand", DivergenceByHand(5), "off-diagonal"},
		{"divergence zero", DivergenceFD(func(u func(x []float64) []float64, x []float64, h float64) float64 { return 0 }), "diagonal"},
		{"every Jacobian entry", DivergenceFD(func(u func(x []float64) []float64, x []float64, h float64) float64 {
			total := 0.0
			for j := range x {
				p, m := append([]float64(nil), x...), append([]float64(nil), x...)
				p[j] += h
				m[j] -= h
				up, um := u(p), u(m)
				for i := range up {
					total += (up[i] - um[i]) / (2 * h)
				}
			}
			return total
		}), "every entry of the Jacobian"},
		{"linear flow at x1", LinearFlowLogDensity(func(a, x1 []float64) float64 {
			logp := 0.0
			for j := range x1 {
				logp += -0.5*x1[j]*x1[j] - 0.5*math.Log(2*math.Pi) - a[j]
			}
			return logp
		}), "where the path started"},
		{"VE by hand", VESigmaByHand(5), "square root"},
		{"VE derivative sign", VECoefficients(func(t, lo, hi float64) (float64, float64, float64, float64) {
			r := math.Log(hi / lo)
			s := lo * math.Exp(r*(1-t))
			return 1, 0, s, r * s
		}), "wrong sign"},
		{"VP stub", VPCoefficients(func(t, lo, hi float64) (float64, float64, float64, float64) {
			panic("exercise: write your solution here")
		}), "placeholder"},
		{"conditional field moving x", ConditionalField(func(x, x1 []float64, alpha, dAlpha, sigma, dSigma float64) []float64 {
			u := make([]float64, len(x))
			for j := range x {
				u[j] = dSigma/sigma*(x[j]-alpha*x1[j]) + dAlpha*x[j]
			}
			return u
		}), "multiplies x1"},
		{"endpoint underflow", EndpointLogDensity(func(x []float64, points [][]float64, sigmaMin float64) float64 {
			sum := 0.0
			for _, p := range points {
				d2 := 0.0
				for k := range x {
					d2 += (x[k] - p[k]) * (x[k] - p[k])
				}
				sum += math.Exp(-d2/(2*sigmaMin*sigmaMin)) / math.Pow(2*math.Pi*sigmaMin*sigmaMin, float64(len(x))/2)
			}
			return math.Log(sum / float64(len(points)))
		}), "log-sum-exp"},
		{"guidance swapped", GuidedVelocity(func(uncond, cond []float64, w float64) []float64 {
			out := make([]float64, len(cond))
			for j := range cond {
				out[j] = (1-w)*cond[j] + w*uncond[j]
			}
			return out
		}), "swapped"},
		{"class field zero", GaussianClassField(func(t float64, x, mean []float64, std float64) []float64 { return zeros(len(x)) }), "E[x1|x]"},
		{"dropout in place", ClassDropout(func(labels []int, p float64, null int, rng *rand.Rand) []int {
			for i := range labels {
				if rng.Float64() < p {
					labels[i] = null
				}
			}
			return labels
		}), "new slice"},
		{"costs transposed", SquaredCosts(func(x0, x1 *mat.Dense) *mat.Dense {
			c, _ := x1.Dims()
			r, _ := x0.Dims()
			return mat.NewDense(c, r, nil)
		}), "one row per noise point"},
		{"identity coupling", BestCoupling(func(cost *mat.Dense) []int {
			n, _ := cost.Dims()
			a := make([]int, n)
			for i := range a {
				a[i] = i
			}
			return a
		}), "independent coupling"},
		{"not a permutation", SortedCoupling(func(x0, x1 []float64) []int { return make([]int, len(x0)) }), "each index used exactly once"},
	}
	for _, c := range cases {
		if c.r.Passed {
			t.Errorf("%s: passed: %s", c.name, c.r)
			continue
		}
		if !strings.Contains(c.r.Hint, c.hint) {
			t.Errorf("%s: hint %q does not contain %q\n%s", c.name, c.r.Hint, c.hint, c.r)
		}
	}
}

// Right answers pass (a few here; the teacher notebooks hold all of them),
// and a nil function fails without a panic.
func TestRightAnswersPass(t *testing.T) {
	for _, r := range []*Result{
		AffineDensityByHand(0.5 * math.Exp(-0.125) / math.Sqrt(2*math.Pi)),
		DivergenceByHand(3),
		VESigmaByHand(0.01 * math.Sqrt(1000)),
		MarginalFieldByHand((1 - 3*math.Exp(-2)) / (1 + math.Exp(-2))),
		GuidedVelocity(func(uncond, cond []float64, w float64) []float64 {
			out := make([]float64, len(cond))
			for j := range cond {
				out[j] = uncond[j] + w*(cond[j]-uncond[j])
			}
			return out
		}),
		LossFloor(func(s float64) float64 {
			total := 0.0
			for k := 0; k < 1000; k++ {
				total += lossFloorIntegrand((float64(k)+0.5)/1000, s) / 1000
			}
			return total
		}),
	} {
		if !r.Passed {
			t.Errorf("a right answer failed: %s", r)
		}
	}
	if r := SortedCoupling(nil); r.Passed || !strings.Contains(r.Detail, "nil") {
		t.Errorf("nil function: %s", r)
	}
}

// The closed-form gradient of GradientEstimates agrees with a direct Monte
// Carlo estimate of the CFM gradient.
func TestExactGradient(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const n, theta = 400000, 0.7
	c := 1 - gradientSigmaMin
	sum := 0.0
	for i := 0; i < n; i++ {
		tt, x0, x1 := rng.Float64(), rng.NormFloat64(), float64(rng.IntN(2)*2-1)
		x := (1-c*tt)*x0 + tt*x1
		sum += 2 * (theta*x - (x1 - c*x0)) * x
	}
	if got, want := sum/n, exactGradient(theta); math.Abs(got-want) > 0.01 {
		t.Errorf("Monte Carlo gradient %.4f, closed form %.4f", got, want)
	}
}

// Every verdict is recorded, in order, for the grader.
func TestVerdictsAreRecorded(t *testing.T) {
	n := len(Verdicts(0))
	DivergenceByHand(3)
	DivergenceByHand(4)
	got := Verdicts(n)
	if len(got) != 2 || !got[0].Passed || got[1].Passed || got[0].Name != got[1].Name {
		t.Errorf("recorded %+v", got)
	}
	if len(Verdicts(n+5)) != 0 {
		t.Error("Verdicts past the end returned verdicts")
	}
}
