package nn_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/gophlow/gophlow/fmlib/nn"
	"gonum.org/v1/gonum/mat"
)

// A vector field u_θ(t, x), its exact divergence, one optimizer step and a
// save/load round trip.
func Example() {
	net, err := nn.New(nn.Config{Dim: 2, Hidden: []int{64, 64, 64}, Activation: nn.SELU, Seed: 1})
	if err != nil {
		panic(err)
	}
	fmt.Println(net)

	x := mat.NewDense(2, 2, []float64{0, 0, 1, -1})
	u, div := mat.NewDense(2, 2, nil), make([]float64, 2)
	net.VelocityDivergence(0.5, x, u, div) // u_θ(0.5, x) and ∇·u_θ, eq. 13–14

	// One step of Adam on the regression of eq. 37 at times t (one per row).
	if err := net.SetOptimizer(nn.Adam(1e-3)); err != nil {
		panic(err)
	}
	target := mat.NewDense(2, 2, []float64{1, 0, 0, 1})
	if _, err := net.TrainStep([]float64{0.2, 0.7}, x, target, nil); err != nil {
		panic(err)
	}

	path := filepath.Join(os.TempDir(), "gophlow-example.gfn")
	defer os.Remove(path)
	if err := net.Save(path); err != nil {
		panic(err)
	}
	back, err := nn.Load(path)
	if err != nil {
		panic(err)
	}
	a, b := mat.NewDense(2, 2, nil), mat.NewDense(2, 2, nil)
	net.Velocity(0.5, x, a)
	back.Velocity(0.5, x, b)
	fmt.Println("step", back.Step(), "identical after reload:", mat.Equal(a, b))
	// Output:
	// MLP 2→[64 64 64]→2 SELU, t raw, float32, 8706 parameters
	// step 1 identical after reload: true
}
