package nn

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// trainedNetwork returns a small network after a few Adam steps with an EMA,
// so weights, moments, step and average are all non-trivial.
func trainedNetwork(t *testing.T, cfg Config) *Network {
	t.Helper()
	net, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := net.SetEMA(0.9); err != nil {
		t.Fatal(err)
	}
	x, ts := randomBatch(16, cfg.Dim, 2)
	y, _ := randomBatch(16, cfg.Dim, 3)
	var class []int
	if cfg.Classes > 0 {
		class = make([]int, 16)
		for i := range class {
			class[i] = i % (cfg.Classes + 1)
		}
	}
	for s := 0; s < 5; s++ {
		if _, err := net.TrainStep(ts, x, y, class); err != nil {
			t.Fatal(err)
		}
	}
	return net
}

// TestSaveLoadRoundTrip checks that a saved and reloaded network gives
// bit-identical outputs, and continues training bit-identically (optimizer
// moments, step and EMA restored), in both precisions.
func TestSaveLoadRoundTrip(t *testing.T) {
	for _, cfg := range []Config{
		{Dim: 2, Hidden: []int{16, 16}, Activation: SELU, Seed: 1},
		{Dim: 3, Hidden: []int{8}, Activation: GELU, Time: TimeFourier, Frequencies: 2, Classes: 2, Float64: true, Seed: 2},
	} {
		net := trainedNetwork(t, cfg)
		path := filepath.Join(t.TempDir(), "model.gfn")
		if err := net.Save(path); err != nil {
			t.Fatal(err)
		}
		back, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		if back.Step() != net.Step() || back.EMADecay() != net.EMADecay() || back.String() != net.String() {
			t.Fatalf("reloaded %v at step %d, saved %v at step %d", back, back.Step(), net, net.Step())
		}
		x, ts := randomBatch(20, cfg.Dim, 7)
		o1, o2 := mat.NewDense(20, cfg.Dim, nil), mat.NewDense(20, cfg.Dim, nil)
		net.Velocity(0.3, x, o1)
		back.Velocity(0.3, x, o2)
		if !mat.Equal(o1, o2) {
			t.Fatalf("%v: outputs differ after a round trip", net)
		}
		// One more step on both: identical only if the moments came back.
		y, _ := randomBatch(20, cfg.Dim, 8)
		var class []int
		if cfg.Classes > 0 {
			class = make([]int, 20)
		}
		net.TrainStep(ts, x, y, class)
		back.TrainStep(ts, x, y, class)
		e1, _ := net.EMA()
		e2, _ := back.EMA()
		e1.Velocity(0.3, x, o1)
		e2.Velocity(0.3, x, o2)
		if !mat.Equal(o1, o2) {
			t.Fatalf("%v: EMA outputs differ after a step following the round trip", net)
		}
	}
}

// TestLoadRefusesDamage checks that truncation, a flipped byte and a wrong
// file are refused with errors that say so, and that Save leaves no
// temporary file behind.
func TestLoadRefusesDamage(t *testing.T) {
	net := trainedNetwork(t, Config{Dim: 2, Hidden: []int{8}, Seed: 4})
	dir := t.TempDir()
	path := filepath.Join(dir, "m.gfn")
	if err := net.Save(path); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("Save left %d files in its folder, want 1", len(entries))
	}
	data, _ := os.ReadFile(path)
	for name, bad := range map[string][]byte{
		"truncated": data[:len(data)-37],
		"flipped":   append(append(append([]byte{}, data[:len(data)/2]...), data[len(data)/2]^0x40), data[len(data)/2+1:]...),
		"foreign":   []byte("PK\x03\x04 this is a zip file, not a model"),
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, bad, 0o644)
		_, err := Load(p)
		if err == nil {
			t.Errorf("%s file accepted", name)
			continue
		}
		if !strings.Contains(err.Error(), "checksum") && !strings.Contains(err.Error(), "not a gophlow model") {
			t.Errorf("%s file: unclear error %q", name, err)
		}
	}
}

// TestClone checks that a clone continues training exactly like the
// original (weights, moments, step and EMA copied) and is independent of it.
func TestClone(t *testing.T) {
	net := trainedNetwork(t, Config{Dim: 2, Hidden: []int{8, 8}, Seed: 5})
	c := net.Clone()
	x, ts := randomBatch(10, 2, 3)
	y, _ := randomBatch(10, 2, 4)
	net.TrainStep(ts, x, y, nil)
	c.TrainStep(ts, x, y, nil)
	o1, o2 := mat.NewDense(10, 2, nil), mat.NewDense(10, 2, nil)
	net.Velocity(0.5, x, o1)
	c.Velocity(0.5, x, o2)
	if !mat.Equal(o1, o2) || c.Step() != net.Step() {
		t.Fatal("the clone trains differently from the original")
	}
	c.TrainStep(ts, x, y, nil)
	net.Velocity(0.5, x, o1)
	c.Velocity(0.5, x, o2)
	if mat.Equal(o1, o2) {
		t.Fatal("training the clone changed the original")
	}
}
