package check

import (
	"fmt"
	"math/rand/v2"

	"github.com/gophlow/gophlow/fmlib"
	"gonum.org/v1/gonum/mat"
)

// GuidedVelocity checks the student's classifier-free guidance (eq. 40):
// ũ = (1 − w)·u(t, x, Φ) + w·u(t, x, p), from the unconditional and the
// conditional velocity at the same point.
func GuidedVelocity(guided func(uncond, cond []float64, w float64) []float64) *Result {
	s := spec{name: "classifier-free guidance (eq. 40)", trials: 12, seed: 40,
		hint:    "ũ = (1 − w)·u_Φ + w·u_p, coordinate by coordinate; for w > 1 it moves past u_p, away from u_Φ.",
		summary: "matches eq. 40 on 12 random velocity pairs and scales w from 0 to 5"}
	if guided == nil {
		return nilFunction(s.name, "check.GuidedVelocity(guidedVelocity)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		dim, w := 1+rng.IntN(4), 5*rng.Float64()
		uncond, cond := randomVector(rng, dim, 1), randomVector(rng, dim, 1)
		want, swapped := make([]float64, dim), make([]float64, dim)
		for j := range want {
			want[j] = (1-w)*uncond[j] + w*cond[j]
			swapped[j] = (1-w)*cond[j] + w*uncond[j]
		}
		return trial{
			input:    fmt.Sprintf("u_Φ = %s, u_p = %s, w = %.4g", vec(uncond), vec(cond), w),
			want:     want,
			call:     func() []float64 { return guided(clone(uncond), clone(cond), w) },
			mistakes: []mistake{{swapped, "the roles are swapped: w multiplies the conditional velocity u_p."}},
		}
	})
}

// GaussianClassField checks the student's exact field of the OT path with
// σ_min = 0 towards one class whose data is N(m, s² I) (eq. 19 for one
// Gaussian): x_t ~ N(t m, v_t I) with v_t = (1 − t)² + t² s²,
// E[x1|x_t] = m + t s² (x − t m)/v_t and u_t(x) = (E[x1|x_t] − x)/(1 − t).
// The reference is fmlib's exact mixture marginal with one component.
func GaussianClassField(field func(t float64, x, mean []float64, std float64) []float64) *Result {
	s := spec{name: "the exact field towards one Gaussian class (eq. 19)", trials: 12, seed: 38,
		hint:    "x_t = (1 − t)x0 + t x1, so x0 = (x − t x1)/(1 − t) and u = E[x1 − x0 | x] = (E[x1|x] − x)/(1 − t) with E[x1|x] = m + t s²(x − t m)/((1 − t)² + t² s²).",
		summary: "matches fmlib's exact Gaussian marginal on 12 random classes, points and times"}
	if field == nil {
		return nilFunction(s.name, "check.GaussianClassField(gaussianClassField)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		dim, t, std := 1+rng.IntN(3), 0.05+0.9*rng.Float64(), 0.1+rng.Float64()
		mean, x := randomVector(rng, dim, 2), randomVector(rng, dim, 1.5)
		mix, err := fmlib.NewIsotropicMixture([]float64{1}, row(mean), []float64{std})
		if err != nil {
			panic(fmt.Sprintf("check.GaussianClassField: %v", err))
		}
		marginal, err := mix.Marginal(fmlib.OTPath(0))
		if err != nil {
			panic(fmt.Sprintf("check.GaussianClassField: %v", err))
		}
		out := mat.NewDense(1, dim, nil)
		marginal.Velocity(t, row(x), out)
		return trial{
			input: fmt.Sprintf("t = %.4g, x = %s, m = %s, s = %.4g", t, vec(x), vec(mean), std),
			want:  out.RawRowView(0),
			call:  func() []float64 { return field(t, clone(x), clone(mean), std) },
		}
	})
}

// ClassDropout checks the student's label dropout for classifier-free
// training (eq. 38 with Φ): for each label in order, draw rng.Float64() and
// replace the label by the null class when the draw is below pDrop. The
// labels passed in must not change.
func ClassDropout(dropout func(labels []int, pDrop float64, null int, rng *rand.Rand) []int) *Result {
	s := spec{name: "label dropout for classifier-free guidance (eq. 38–40)", trials: 6, seed: 39,
		hint:    "one draw per label, in order: if rng.Float64() < pDrop the label becomes null; return a new slice.",
		summary: "matches the draws of 6 random label batches (p from 0.1 to 0.5)"}
	if dropout == nil {
		return nilFunction(s.name, "check.ClassDropout(classDropout)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		count, classes, p := 5+rng.IntN(20), 2+rng.IntN(5), 0.1+0.4*rng.Float64()
		labels := make([]int, count)
		for i := range labels {
			labels[i] = rng.IntN(classes)
		}
		seed := rng.Uint64()
		want := make([]float64, count)
		r := rand.New(rand.NewPCG(seed, seed))
		for i, l := range labels {
			want[i] = float64(l)
			if r.Float64() < p {
				want[i] = float64(classes)
			}
		}
		return trial{
			input: fmt.Sprintf("labels %v, p = %.3g, null class %d", labels, p, classes),
			want:  want,
			call: func() []float64 {
				in := append([]int(nil), labels...)
				got := dropout(in, p, classes, rand.New(rand.NewPCG(seed, seed)))
				for i := range in {
					if in[i] != labels[i] {
						panic(complaint{"your function changed the labels passed in", "make a new slice (make([]int, len(labels))) and leave labels as they are: the training batch still needs them."})
					}
				}
				out := make([]float64, len(got))
				for i, l := range got {
					out[i] = float64(l)
				}
				return out
			},
		}
	})
}
