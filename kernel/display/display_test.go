package display

import (
	"image"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gophlow/gophlow/hooks"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
)

// fakeSink records what the display package publishes.
type fakeSink struct {
	mu       sync.Mutex
	displays []hooks.Bundle
	updates  []hooks.Bundle
	ids      []string
	results  []hooks.Bundle
	clears   int
}

func (f *fakeSink) Display(b hooks.Bundle, md map[string]any, id string, update bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if update {
		f.updates = append(f.updates, b)
	} else {
		f.displays = append(f.displays, b)
	}
	f.ids = append(f.ids, id)
}
func (f *fakeSink) Result(b hooks.Bundle, md map[string]any) { f.results = append(f.results, b) }
func (f *fakeSink) ClearOutput(bool)                         { f.clears++ }

func install(t *testing.T) *fakeSink {
	f := &fakeSink{}
	hooks.SetSink(f)
	t.Cleanup(func() { hooks.SetSink(nil) })
	return f
}

func TestDisplayFunctionsPublishTheirMIMEType(t *testing.T) {
	f := install(t)
	HTML("<b>x</b>")
	Markdown("*x*")
	LaTeX(`\alpha`)
	SVG("<svg/>")
	PNG([]byte{1})
	JPEG([]byte{2})
	JSON(map[string]int{"a": 1})
	Image(image.NewGray(image.Rect(0, 0, 2, 3)))
	want := []string{"text/html", "text/markdown", "text/latex", "image/svg+xml", "image/png", "image/jpeg", "application/json", "image/png"}
	if len(f.displays) != len(want) {
		t.Fatalf("%d displays, want %d", len(f.displays), len(want))
	}
	for i, mime := range want {
		if _, ok := f.displays[i][mime]; !ok {
			t.Errorf("display %d has %v, want %s", i, keys(f.displays[i]), mime)
		}
		if _, ok := f.displays[i]["text/plain"]; !ok {
			t.Errorf("display %d has no text/plain fallback", i)
		}
	}
	if got := f.displays[2]["text/latex"]; got != `$$\alpha$$` {
		t.Errorf("LaTeX without delimiters = %q, want it wrapped in $$", got)
	}
	ClearOutput(true)
	if f.clears != 1 {
		t.Error("ClearOutput did not publish")
	}
}

func keys(b hooks.Bundle) (k []string) {
	for m := range b {
		k = append(k, m)
	}
	return k
}

func TestRenderByType(t *testing.T) {
	b, _ := Render(mat.NewDense(2, 2, []float64{1, 2, 3, 4}))
	if s := b["text/plain"].(string); !strings.HasPrefix(s, "2×2") || !strings.Contains(s, "3") {
		t.Errorf("matrix = %q", s)
	}
	if b, _ := Render("hi"); b["text/plain"] != `"hi"` {
		t.Errorf("string = %q", b["text/plain"])
	}
	if b, _ := Render([]int{1, 2}); b["text/plain"] != "[1 2]" {
		t.Errorf("slice = %q", b["text/plain"])
	}
	var nilDense *mat.Dense
	if b, _ := Render(nilDense); b["text/plain"] != "<nil>" {
		t.Errorf("nil matrix = %q", b["text/plain"])
	}
	b, md := Render(plot.New())
	png, ok := b["image/png"].([]byte)
	if !ok || len(png) < 8 || string(png[1:4]) != "PNG" {
		t.Fatal("a *plot.Plot is not rendered as PNG")
	}
	// Drawn at 2× and shown at half size: the metadata must halve the pixels.
	if w := md["image/png"].(map[string]any)["width"]; w != 576 {
		t.Errorf("plot display width = %v, want 576 (6 in at 96 dpi)", w)
	}
}

func TestHandleUpdatesTheSameDisplay(t *testing.T) {
	f := install(t)
	h := New()
	h.Show("a")
	h.Update("b")
	h.Clear()
	if len(f.displays) != 1 || len(f.updates) != 2 {
		t.Fatalf("displays %d, updates %d", len(f.displays), len(f.updates))
	}
	for _, id := range f.ids {
		if id != h.ID() || id == "" {
			t.Fatalf("display ids %q, want all %q", f.ids, h.ID())
		}
	}
}

func TestProgressIsRateLimitedAndAccurate(t *testing.T) {
	f := install(t)
	now := time.Unix(0, 0)
	p := NewProgress("train", 100)
	p.now = func() time.Time { return now }
	p.start, p.lastDraw = now, now
	for i := 1; i <= 100; i++ {
		now = now.Add(10 * time.Millisecond) // 100 units in 1 s
		p.Update(i, "loss 0.5")
	}
	// One redraw per 100 ms of a 1 s run, plus the final one: at most 11.
	if n := len(f.updates); n < 5 || n > 11 {
		t.Errorf("%d redraws for 100 updates over 1 s, want about 10", n)
	}
	last := f.updates[len(f.updates)-1]
	text := last["text/plain"].(string)
	if !strings.Contains(text, "100/100") || !strings.Contains(text, "100%") || !strings.Contains(text, "loss 0.5") {
		t.Errorf("final text = %q", text)
	}
	if !strings.Contains(last["text/html"].(string), "width:100.0%") {
		t.Error("final HTML bar is not full")
	}
	p2 := NewProgress("", 10)
	p2.Set(5)
	p2.Finish()
	if text := f.displays[len(f.displays)-1]["text/plain"].(string); !strings.Contains(text, "stopped") || !strings.Contains(text, "5/10") {
		t.Errorf("stopped bar = %q", text)
	}
}

// A frontend that ignores update_display_data (jupyter console) sees the
// bar as first shown and the final one; a notebook sees the final bar once,
// the live display being emptied.
func TestProgressFinishShowsTheFinalBarOnce(t *testing.T) {
	f := install(t)
	p := Progress(3)
	p.Add(3)
	p.Finish()
	if len(f.displays) != 2 || len(f.ids) != 4 {
		t.Fatalf("displays %d (want the live bar and the final one), messages %d (want 4)", len(f.displays), len(f.ids))
	}
	live, final := f.ids[0], f.ids[3]
	if f.ids[1] != live || f.ids[2] != live || final == live {
		t.Errorf("display ids %q: want updates of the live bar, then a final display of its own", f.ids)
	}
	if text := f.updates[len(f.updates)-1]["text/plain"]; text != "" {
		t.Errorf("the live bar was left as %q, want it emptied", text)
	}
	if text := f.displays[1]["text/plain"].(string); !strings.Contains(text, "100% 3/3") {
		t.Errorf("final bar = %q", text)
	}
	p.Finish() // again: redraws the final bar, shows nothing new
	if len(f.displays) != 2 || f.ids[len(f.ids)-1] != final {
		t.Errorf("a second Finish showed a new display (ids %q)", f.ids)
	}
}

func TestReporterDrawsBarsForCompiledCode(t *testing.T) {
	f := install(t)
	hooks.SetReporter(Reporter{})
	defer hooks.SetReporter(nil)
	task := hooks.StartTask("training", 4)
	task.Update(4, "")
	task.Done()
	if len(f.displays) != 2 || len(f.updates) < 2 {
		t.Fatalf("displays %d, updates %d", len(f.displays), len(f.updates))
	}
	if s := f.displays[1]["text/plain"].(string); !strings.HasPrefix(s, "training [") || !strings.Contains(s, "4/4") {
		t.Errorf("bar = %q", s)
	}
}
