package main

import (
	"strings"
	"testing"
)

// TestParseSection reads the result lines of one section only, groups them
// by run in order of appearance, and skips other lines, including the
// "##" lines that continue a section's title.
func TestParseSection(t *testing.T) {
	const results = `# header
## 1. Headline run
##    10:00–10:10 UTC, continued title
bench load_before="1.25"
torch step=1000 train_s=22.6 in_support=0.7774 balance=1.665 loss=3.513
gophlow w64_3e-3cos20k_ema step=5650 train_s=15.0 in_support=0.9071 balance=1.054 loss=3.844
torch step=3000 train_s=67.9 in_support=0.8882 balance=1.430 loss=3.835
gophlow w64_3e-3cos90k_ema step=23500 train_s=60.0 in_support=0.9379 balance=1.044 loss=3.859
bench checkerboard_quality torch_s_to_0.90=92.3
## 1b. Earlier run
torch step=1000 train_s=20.4 in_support=0.7816 balance=1.546 loss=3.513
`
	runs, err := parseSection(strings.NewReader(results), "1")
	if err != nil {
		t.Fatal(err)
	}
	want := []series{
		{who: "torch", points: []point{{22.6, 0.7774}, {67.9, 0.8882}}},
		{who: "gophlow", recipe: "w64_3e-3cos20k_ema", points: []point{{15.0, 0.9071}}},
		{who: "gophlow", recipe: "w64_3e-3cos90k_ema", points: []point{{60.0, 0.9379}}},
	}
	if len(runs) != len(want) {
		t.Fatalf("%d runs, want %d: %+v", len(runs), len(want), runs)
	}
	for i := range want {
		g, w := runs[i], want[i]
		if g.who != w.who || g.recipe != w.recipe || len(g.points) != len(w.points) {
			t.Fatalf("run %d: %+v, want %+v", i, g, w)
		}
		for j := range w.points {
			if g.points[j] != w.points[j] {
				t.Errorf("run %d point %d: %+v, want %+v", i, j, g.points[j], w.points[j])
			}
		}
	}
	if got := label(runs[1]); got != "fmlib: Recipe2D, 20,000 steps" {
		t.Errorf("label %q", got)
	}
	if other, err := parseSection(strings.NewReader(results), "1b"); err != nil || len(other) != 1 || other[0].points[0].seconds != 20.4 {
		t.Errorf("section 1b: %+v, %v", other, err)
	}
	if _, err := parseSection(strings.NewReader(results), "2"); err == nil {
		t.Error("a missing section was accepted")
	}
}

// TestMedianRuns merges the seeds of one recipe into the medians of their
// points and keeps the other runs apart, in order of first appearance.
func TestMedianRuns(t *testing.T) {
	const results = `## 1. Same recipe
gophlow Recipe2D-20k#1 step=1000 train_s=1.0 in_support=0.70 balance=1.1 loss=3.7
gophlow Recipe2D-20k#1 step=2000 train_s=2.0 in_support=0.80 balance=1.1 loss=3.7
torch Recipe2D-20k#1 step=1000 train_s=3.0 in_support=0.71 balance=1.1 loss=3.7
torch Recipe2D-20k#1 step=2000 train_s=6.0 in_support=0.81 balance=1.1 loss=3.7
torch Recipe2D-20k#2 step=1000 train_s=5.0 in_support=0.73 balance=1.1 loss=3.7
torch Recipe2D-20k#2 step=2000 train_s=8.0 in_support=0.79 balance=1.1 loss=3.7
gophlow Recipe2D-20k#2 step=1000 train_s=1.2 in_support=0.74 balance=1.1 loss=3.7
gophlow Recipe2D-20k#2 step=2000 train_s=2.2 in_support=0.82 balance=1.1 loss=3.7
gophlow Recipe2D-20k#3 step=1000 train_s=1.1 in_support=0.72 balance=1.1 loss=3.7
gophlow Recipe2D-20k#3 step=2000 train_s=2.4 in_support=0.84 balance=1.1 loss=3.7
`
	runs, err := parseSection(strings.NewReader(results), "1")
	if err != nil {
		t.Fatal(err)
	}
	merged := medianRuns(runs)
	if len(merged) != 2 || merged[0].who != "gophlow" || merged[1].who != "torch" {
		t.Fatalf("merged %+v", merged)
	}
	want := []point{{1.1, 0.72}, {2.2, 0.82}}
	for i, p := range merged[0].points {
		if p != want[i] {
			t.Errorf("fmlib point %d: %+v, want %+v", i, p, want[i])
		}
	}
	if merged[0].runs != 3 || merged[1].runs != 2 || merged[1].points[1] != (point{7.0, 0.80}) {
		t.Errorf("torch %+v", merged[1])
	}
	if got := label(merged[1]); got != "PyTorch 1.13: Recipe2D, 20,000 steps, median of 2 seeds" {
		t.Errorf("label %q", got)
	}
}
