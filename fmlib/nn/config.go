package nn

import (
	"fmt"
)

// TimeEncoding is how the time t enters the network's input.
type TimeEncoding int

const (
	// TimeRaw appends t itself as one input column, as in flow_matching's and
	// TorchCFM's 2D examples.
	TimeRaw TimeEncoding = iota
	// TimeFourier appends 2F sinusoidal features sin(2πkt), cos(2πkt) for
	// k = 1…F (F = Config.Frequencies).
	TimeFourier
)

// String names the encoding.
func (e TimeEncoding) String() string {
	switch e {
	case TimeRaw:
		return "raw"
	case TimeFourier:
		return "Fourier"
	}
	return fmt.Sprintf("TimeEncoding(%d)", int(e))
}

// Config is the architecture of an MLP vector field u_θ(t, x[, c]): the
// input [x, time features, class embedding] goes through len(Hidden) dense
// layers with the activation, and a last dense layer gives the Dim outputs.
type Config struct {
	// Dim is the data dimension d (inputs x and outputs u).
	Dim int
	// Hidden lists the widths of the hidden layers, e.g. {64, 64, 64}.
	Hidden []int
	// Activation follows every hidden layer (SiLU by default).
	Activation Activation
	// Time is the encoding of t; Frequencies is F for TimeFourier.
	Time        TimeEncoding
	Frequencies int
	// Classes > 0 makes the network class-conditional (eq. 38): class c in
	// [0, Classes) or the null class Φ = Classes (eq. 40) selects a learned
	// embedding of width EmbedDim (16 when 0), appended to the input.
	Classes  int
	EmbedDim int
	// Float64 computes in double precision (for exact finite-difference
	// checks); the default is float32 with float64 at the API.
	Float64 bool
	// Seed seeds the initialisation (PyTorch's nn.Linear and nn.Embedding rules).
	Seed uint64
}

// timeFeatures is the number of input columns used by the time encoding.
func (c *Config) timeFeatures() int {
	if c.Time == TimeFourier {
		return 2 * c.Frequencies
	}
	return 1
}

// inputs is the width of the first layer's input.
func (c *Config) inputs() int { return c.Dim + c.timeFeatures() + c.EmbedDim }

// validate checks the configuration and fills the defaults.
func (c *Config) validate() error {
	if c.Dim <= 0 {
		return fmt.Errorf("nn: Config.Dim = %d, want > 0", c.Dim)
	}
	if len(c.Hidden) == 0 {
		return fmt.Errorf("nn: Config.Hidden is empty, want at least one hidden width")
	}
	for i, h := range c.Hidden {
		if h <= 0 {
			return fmt.Errorf("nn: Config.Hidden[%d] = %d, want > 0", i, h)
		}
	}
	if !c.Activation.valid() {
		return fmt.Errorf("nn: Config.Activation = %v is not one of the defined activations", c.Activation)
	}
	switch c.Time {
	case TimeRaw:
		if c.Frequencies != 0 {
			return fmt.Errorf("nn: Config.Frequencies = %d is only used with TimeFourier", c.Frequencies)
		}
	case TimeFourier:
		if c.Frequencies <= 0 {
			return fmt.Errorf("nn: Config.Frequencies = %d, TimeFourier needs > 0", c.Frequencies)
		}
	default:
		return fmt.Errorf("nn: Config.Time = %v is not a defined time encoding", c.Time)
	}
	if c.Classes < 0 {
		return fmt.Errorf("nn: Config.Classes = %d, want ≥ 0", c.Classes)
	}
	if c.Classes == 0 && c.EmbedDim != 0 {
		return fmt.Errorf("nn: Config.EmbedDim = %d without classes (Config.Classes = 0)", c.EmbedDim)
	}
	if c.EmbedDim < 0 {
		return fmt.Errorf("nn: Config.EmbedDim = %d, want ≥ 0", c.EmbedDim)
	}
	if c.Classes > 0 && c.EmbedDim == 0 {
		c.EmbedDim = 16
	}
	c.Hidden = append([]int(nil), c.Hidden...)
	return nil
}
