package plots

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Save picks the format from the extension, and each file starts with its
// format's signature.
func TestSaveByExtension(t *testing.T) {
	f := Scatter(gaussianCloud(100, 0, 0, 31), &ScatterOptions{Width: 200, Height: 200})
	dir := t.TempDir()
	for ext, magic := range map[string]string{
		".png": "\x89PNG\r\n\x1a\n",
		".svg": "<?xml",
		".pdf": "%PDF-",
		".PNG": "\x89PNG\r\n\x1a\n",
	} {
		path := filepath.Join(dir, "fig"+ext)
		if err := f.Save(path); err != nil {
			t.Fatalf("Save(%s): %v", path, err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte(magic)) {
			t.Errorf("%s starts with %q, want %q", ext, data[:min(8, len(data))], magic)
		}
	}
	// Raster parts (heatmap, colour bar, a large point cloud) embed in
	// vector files too.
	for _, g := range []*Figure{
		Density(func(x, y float64) float64 { return x * x }, &DensityOptions{Resolution: 10}),
		Scatter(gaussianCloud(300, 0, 0, 33), &ScatterOptions{VectorLimit: 10}),
	} {
		for _, ext := range []string{".pdf", ".svg"} {
			if err := g.Save(filepath.Join(dir, "raster"+ext)); err != nil {
				t.Errorf("Save(%s) of %q: %v", ext, g, err)
			}
		}
	}
	err := f.Save(filepath.Join(dir, "fig.jpg"))
	if err == nil || !strings.Contains(err.Error(), ".jpg") {
		t.Errorf("Save(.jpg) error %v, want one naming the extension", err)
	}
}

// The PNG is twice the display size (render checks it); the metadata
// carries the display size; SetSize changes both.
func TestHighDPIMetadata(t *testing.T) {
	f := Scatter(gaussianCloud(10, 0, 0, 32), nil).SetSize(250, 200)
	if w, h := f.Size(); w != 250 || h != 200 {
		t.Errorf("Size() = %d×%d, want 250×200", w, h)
	}
	img := render(t, f)
	if img.Bounds().Dx() != 500 || img.Bounds().Dy() != 400 {
		t.Errorf("PNG is %v, want 500×400", img.Bounds().Size())
	}
	if got := f.MIMEBundle()["text/plain"].(string); !strings.HasPrefix(got, "scatter of 10 points") {
		t.Errorf("text/plain %q", got)
	}
}

// Panels lay figures out in a grid; ShareAxes gives all the same limits.
func TestPanelsGridAndSharedAxes(t *testing.T) {
	var figs []*Figure
	for k := range 5 {
		figs = append(figs, Scatter(gaussianCloud(200, float64(k), 0, uint64(40+k)),
			&ScatterOptions{Title: "t", Width: 200, Height: 200}))
	}
	f := Panels(figs, &PanelOptions{Cols: 3, ShareAxes: true, Title: "p_t"})
	if w, h := f.Size(); w != 600 || h < 400 || h > 440 {
		t.Errorf("3×2 grid of 200-pixel panels is %d×%d, want 600×(400 + title)", w, h)
	}
	for k, pn := range f.panels {
		if pn.xs != f.panels[0].xs || pn.ys != f.panels[0].ys {
			t.Errorf("panel %d has view %v×%v, panel 0 %v×%v", k, pn.xs, pn.ys, f.panels[0].xs, f.panels[0].ys)
		}
	}
	if f.panels[0].xs.lo > -2 || f.panels[0].xs.hi < 6 {
		t.Errorf("shared x view %v does not cover clouds centred at 0…4", f.panels[0].xs)
	}
	img := render(t, f)
	// Five panels drawn, the sixth cell empty: its area stays white.
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	empty := 0
	for y := h/2 + 20; y < h-10; y++ {
		for x := 2*w/3 + 20; x < w-10; x++ {
			if !isWhite(img.At(x, y)) {
				empty++
			}
		}
	}
	if empty != 0 {
		t.Errorf("%d drawn pixels in the empty sixth cell", empty)
	}
	if fr := drawnFraction(img); fr < 0.05 {
		t.Errorf("drawn fraction %.3f: the panels look empty", fr)
	}
	// A wide row is shrunk to the notebook's width.
	var wide []*Figure
	for range 5 {
		wide = append(wide, Scatter(gaussianCloud(10, 0, 0, 49), &ScatterOptions{Width: 300, Height: 300}))
	}
	row := Panels(wide, nil)
	if w, _ := row.Size(); w != maxPanelsWidth {
		t.Errorf("a row of five panels is %d pixels wide, want %d", w, maxPanelsWidth)
	}
}

// AsSVG switches the inline form to SVG of the same size.
func TestAsSVG(t *testing.T) {
	f := Scatter(gaussianCloud(20, 0, 0, 34), &ScatterOptions{Width: 300, Height: 300}).AsSVG()
	b := f.MIMEBundle()
	svg, ok := b["image/svg+xml"].(string)
	if !ok || b["image/png"] != nil {
		t.Fatalf("bundle has keys %v, want image/svg+xml only (and text)", keys(b))
	}
	// 300 CSS pixels are 225 points.
	if !strings.HasPrefix(svg, "<?xml") || !strings.Contains(svg, `width="225pt" height="225pt"`) {
		t.Errorf("SVG header %.200q, want a 225pt square", svg)
	}
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
