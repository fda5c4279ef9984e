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
	if got := label(runs[1]); got != "gophlow: fmlib.Recipe2D, 20,000 steps" {
		t.Errorf("label %q", got)
	}
	if other, err := parseSection(strings.NewReader(results), "1b"); err != nil || len(other) != 1 || other[0].points[0].seconds != 20.4 {
		t.Errorf("section 1b: %+v, %v", other, err)
	}
	if _, err := parseSection(strings.NewReader(results), "2"); err == nil {
		t.Error("a missing section was accepted")
	}
}
