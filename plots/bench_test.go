package plots

import (
	"fmt"
	"os"
	"testing"
	"time"
)

// TestBench prints the benchmark lines of `make bench`. It runs only with
// GOPHLOW_BENCH=1: go test -run TestBench -v ./plots (with the variable set).
func TestBench(t *testing.T) {
	if os.Getenv("GOPHLOW_BENCH") != "1" {
		t.Skip("set GOPHLOW_BENCH=1 to run the plots benchmarks")
	}
	x := gaussianCloud(100000, 0, 0, 71)
	best := time.Duration(1 << 62)
	for range 3 {
		start := time.Now()
		if _, err := Scatter(x, nil).PNG(); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
	}
	fmt.Printf("bench plot_scatter_100k ms=%.1f\n", float64(best.Microseconds())/1000)

	states := flow(10000, 50)
	start := time.Now()
	if _, err := Animate(states, nil, nil); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("bench plot_gif_50frames_10k ms=%.1f\n", float64(time.Since(start).Microseconds())/1000)
}
