package fmlib_test

import (
	"fmt"

	"github.com/gophlow/gophlow/fmlib"
	"github.com/gophlow/gophlow/fmlib/nn"
)

// Algorithm 1 and 2 of the notes with a network: train a small MLP on two
// moons with the straight path of eq. 37, then sample it with RK4 and score
// the samples with the exact log-likelihood of eq. 14.
func ExampleTrain() {
	net, err := nn.New(nn.Config{Dim: 2, Hidden: []int{32, 32}, Activation: nn.SiLU, Seed: 1})
	if err != nil {
		panic(err)
	}
	res, err := fmlib.Train(net, fmlib.TrainOptions{
		Data:      fmlib.MoonsSampler(0.05),
		BatchSize: 128,
		Steps:     300,
		Seed:      1,
	})
	if err != nil {
		panic(err)
	}
	mean := func(v []float64) (s float64) {
		for _, x := range v {
			s += x / float64(len(v))
		}
		return s
	}
	fmt.Println("steps:", net.Step(), "loss went down:", mean(res.Losses[250:]) < mean(res.Losses[:50]))

	sol, err := fmlib.Solve(net, fmlib.StandardNormal(1000, 2, 2), fmlib.SolveOptions{Method: fmlib.RK4, Steps: 20})
	if err != nil {
		panic(err)
	}
	lik, err := fmlib.LogLikelihood(net, sol.X, fmlib.LikelihoodOptions{
		Solve:      fmlib.SolveOptions{Method: fmlib.RK4, Steps: 20},
		Divergence: fmlib.DivergenceExact, // the network's own Jacobian trace
	})
	if err != nil {
		panic(err)
	}
	fmt.Println("samples:", sol.X.RawMatrix().Rows, "mean log-likelihood above N(0,I)'s:", mean(lik.LogP) > mean(fmlib.StandardNormalLogDensity(sol.X)))
	// Output:
	// steps: 300 loss went down: true
	// samples: 1000 mean log-likelihood above N(0,I)'s: true
}

// The default recipe for 2D data (issue 9) in four steps: choose the step
// budget, set the data, make the network, train; Sample then integrates
// the moving average of the weights with 40 field evaluations. A full run
// takes 20,000 steps, about a minute on two cores; this one takes 600.
func ExampleRecipe2D() {
	recipe := fmlib.Recipe2D(600, 1)
	recipe.Train.Data = fmlib.MoonsSampler(0.05)
	net, err := recipe.NewNetwork()
	if err != nil {
		panic(err)
	}
	if _, err := fmlib.Train(net, recipe.Train); err != nil {
		panic(err)
	}
	sol, err := recipe.Sample(net, 1000, 2)
	if err != nil {
		panic(err)
	}
	fmt.Println(net)
	fmt.Println("steps:", net.Step(), "EMA decay:", net.EMADecay(), "samples:", sol.X.RawMatrix().Rows, "field evaluations:", sol.NFE)
	// Output:
	// MLP 2→[64 64 64 64]→2 SiLU, t raw, float32, 12866 parameters
	// steps: 600 EMA decay: 0.995 samples: 1000 field evaluations: 40
}

// Classifier-free guidance (eq. 40): a class-conditional network with a
// null class Φ, trained with label dropout, sampled towards one class.
func ExampleGuided() {
	net, err := nn.New(nn.Config{Dim: 2, Hidden: []int{32, 32}, Classes: 2, Seed: 1})
	if err != nil {
		panic(err)
	}
	points := fmlib.Moons(400, 0.05, 1)
	labels := make([]int, 400)
	for i := range labels {
		if points.At(i, 1) < 0.25 { // the lower moon is class 1
			labels[i] = 1
		}
	}
	_, err = fmlib.Train(net, fmlib.TrainOptions{Points: points, Labels: labels, LabelDropout: 0.2, BatchSize: 128, Steps: 200, Seed: 1})
	if err != nil {
		panic(err)
	}
	guided, err := fmlib.Guided(net, 1, 3) // ũ = (1−3)·u(Φ) + 3·u(class 1)
	if err != nil {
		panic(err)
	}
	sol, err := fmlib.Solve(guided, fmlib.StandardNormal(5, 2, 3), fmlib.SolveOptions{Method: fmlib.Midpoint, Steps: 10})
	if err != nil {
		panic(err)
	}
	fmt.Println(sol.X.Dims())
	// Output: 5 2
}
