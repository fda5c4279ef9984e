package plots

import (
	"bytes"
	"context"
	"errors"
	"image/gif"
	"strings"
	"testing"

	"github.com/gophlow/gophlow/interrupt"
	"gonum.org/v1/gonum/mat"
)

// flow returns T states of n points moving from N(0, I) to a shifted
// cloud along straight lines (the conditional path of eq. 34, σ_min = 0).
func flow(n, T int) []*mat.Dense {
	x0, x1 := gaussianCloud(n, 0, 0, 51), gaussianCloud(n, 4, 2, 52)
	var states []*mat.Dense
	for k := range T {
		s := float64(k) / float64(T-1)
		var a, b mat.Dense
		a.Scale(1-s, x0)
		b.Scale(s, x1)
		a.Add(&a, &b)
		states = append(states, &a)
	}
	return states
}

// The GIF has one frame per state at the requested delay, the last held a
// second longer, at the requested size.
func TestAnimateFramesAndDelay(t *testing.T) {
	a, err := Animate(flow(300, 7), nil, &AnimationOptions{Delay: 5, Width: 160, Height: 160, Title: "x_t"})
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(bytes.NewReader(a.MIMEBundle()["image/gif"].([]byte)))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) != 7 || a.Frames() != 7 {
		t.Fatalf("GIF has %d frames (Frames() = %d), want 7", len(g.Image), a.Frames())
	}
	for k, d := range g.Delay {
		want := 5
		if k == 6 {
			want = 105
		}
		if d != want {
			t.Errorf("frame %d delay %d, want %d", k, d, want)
		}
	}
	if b := g.Image[0].Bounds(); b.Dx() != 160 || b.Dy() != 160 {
		t.Errorf("frame size %v, want 160×160", b.Size())
	}
	md := a.MIMEMetadata()["image/gif"].(map[string]any)
	if md["width"] != 160 || md["height"] != 160 {
		t.Errorf("metadata %v, want 160×160", md)
	}
	// The cloud moves right: the mean column of blue-ish pixels in the
	// last frame lies right of the first frame's.
	mean := func(k int) float64 {
		img := g.Image[k]
		sum, n := 0.0, 0
		for y := 0; y < 160; y++ {
			for x := 0; x < 160; x++ {
				if h, c := hue(img.At(x, y)); c > 0.25 && hueDistance(h, 202) < 20 {
					sum += float64(x)
					n++
				}
			}
		}
		return sum / float64(n)
	}
	if m0, m1 := mean(0), mean(6); m1 < m0+20 {
		t.Errorf("blue pixels' mean column %.1f → %.1f: the cloud should move right by ~4/10 of the view", m0, m1)
	}
	if !strings.Contains(a.String(), "7 frames") {
		t.Errorf("description %q", a)
	}
}

// A cancelled context stops the rendering with an interrupt error.
func TestAnimateInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Animate(flow(50, 5), nil, &AnimationOptions{Context: ctx, Width: 80, Height: 80})
	if !errors.Is(err, interrupt.ErrInterrupted) {
		t.Errorf("error %v, want one wrapping interrupt.ErrInterrupted", err)
	}
}

// The live view records cheaply and re-renders on demand, keeping its view
// fixed from the data.
func TestLiveView(t *testing.T) {
	data := gaussianCloud(500, 3, 3, 61)
	lv := NewLiveView(&LiveOptions{Data: data, MaxSamples: 100})
	if got := lv.String(); !strings.Contains(got, "no steps") {
		t.Errorf("empty view says %q", got)
	}
	for step := range 30 {
		lv.Add(step, 1/float64(step+1), gaussianCloud(1000, 0.1*float64(step), 0.1*float64(step), uint64(step)))
	}
	if lv.Len() != 30 || lv.samples.RawMatrix().Rows != 100 {
		t.Errorf("Len %d, kept %d samples; want 30 and 100", lv.Len(), lv.samples.RawMatrix().Rows)
	}
	f := lv.Figure()
	if len(f.panels) != 2 {
		t.Fatalf("live figure has %d panels, want loss and samples", len(f.panels))
	}
	if !strings.Contains(f.String(), "step 29") {
		t.Errorf("description %q", f)
	}
	img := render(t, f)
	if fr := drawnFraction(img); fr < 0.05 || fr > 0.6 {
		t.Errorf("drawn fraction %.3f", fr)
	}
	if lv.MIMEMetadata()["image/png"] == nil {
		t.Error("no PNG metadata")
	}
}
