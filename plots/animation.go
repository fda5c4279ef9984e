package plots

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/gophlow/gophlow/interrupt"
	"gonum.org/v1/gonum/mat"
)

// AnimationOptions adjusts Animate. The zero value (or nil) gives the
// defaults.
type AnimationOptions struct {
	// Title is shown in every frame before the time, e.g. "samples".
	Title string
	// Labels colour the points by class, as in Scatter.
	Labels []int
	// Background points (e.g. the data) are drawn faintly in every frame.
	Background *mat.Dense
	// XMin, XMax, YMin, YMax fix the view; all zero: robust limits of all
	// frames together with equal aspect, so that the axes stay still.
	XMin, XMax, YMin, YMax float64
	// Delay between frames in hundredths of a second; zero: 8 (12.5
	// frames per second). The last frame is held for a second more.
	Delay int
	// Width and Height are the frame size in CSS pixels; zero: 400×400.
	Width, Height int
	// HiDPI renders frames at twice the resolution (four times the bytes).
	HiDPI bool
	// Workers is the number of frames rendered at once; zero: GOMAXPROCS.
	Workers int
	// Context stops the rendering when cancelled; nil: the running
	// notebook cell's context (interrupt.Context).
	Context context.Context
}

// Animation is an animated GIF that a notebook shows inline.
type Animation struct {
	data          []byte
	width, height int // display size, CSS pixels
	frames        int
	delay         int
	desc          string
}

// Animate renders an animated GIF of samples flowing from t=0 to t=1: frame
// k is a scatter of states[k] at times[k] (times nil: evenly spaced in
// [0, 1]), with the time in its title. Frames are rendered in parallel. It
// returns an error wrapping interrupt.ErrInterrupted if stopped, or the
// message of a frame that failed. It panics on misuse, like Trajectories.
func Animate(states []*mat.Dense, times []float64, o *AnimationOptions) (*Animation, error) {
	var opt AnimationOptions
	if o != nil {
		opt = *o
	}
	if len(states) == 0 {
		panic("plots.Animate: states is empty")
	}
	times = checkTimes("Animate", states, times)
	if n, _ := states[0].Dims(); opt.Labels != nil && len(opt.Labels) != n {
		panic(fmt.Sprintf("plots.Animate: Labels has %d entries, the states have %d rows", len(opt.Labels), n))
	}
	if opt.Delay == 0 {
		opt.Delay = 8
	}
	if opt.Delay < 0 {
		panic(fmt.Sprintf("plots.Animate: Delay is %d, want positive", opt.Delay))
	}
	if opt.Width == 0 || opt.Height == 0 {
		opt.Width, opt.Height = 400, 400
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx := opt.Context
	if ctx == nil {
		ctx = interrupt.Context()
	}

	cols := make([][2][]float64, len(states))
	var allX, allY []float64
	for k, s := range states {
		xs, ys := columns("Animate", fmt.Sprintf("states[%d]", k), s, 0, 1)
		cols[k] = [2][]float64{xs, ys}
		allX, allY = append(allX, xs...), append(allY, ys...)
	}
	sopt := ScatterOptions{Labels: opt.Labels, Background: opt.Background,
		XMin: opt.XMin, XMax: opt.XMax, YMin: opt.YMin, YMax: opt.YMax, Width: opt.Width, Height: opt.Height}
	vx, vy := viewOf(sopt, allX, allY)
	dpi := cssDPI
	if opt.HiDPI {
		dpi = pngDPI
	}
	pal := gifPalette(opt.Labels)

	frames := make([]*image.Paletted, len(states))
	errs := make([]error, len(states))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(states)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				errs[k] = renderFrame(ctx, k, cols[k], times[k], vx, vy, sopt, opt.Title, dpi, pal, frames)
			}
		}()
	}
	for k := range states {
		jobs <- k
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}

	delays := make([]int, len(frames))
	for k := range delays {
		delays[k] = opt.Delay
	}
	delays[len(delays)-1] += 100
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, &gif.GIF{Image: frames, Delay: delays}); err != nil {
		return nil, fmt.Errorf("plots.Animate: encoding GIF: %w", err)
	}
	n, _ := states[0].Dims()
	desc := fmt.Sprintf("animation of %d points over %d frames from t=%.3g to t=%.3g, %d ms per frame",
		n, len(frames), times[0], times[len(times)-1], opt.Delay*10)
	if opt.Title != "" {
		desc += " (" + opt.Title + ")"
	}
	return &Animation{data: buf.Bytes(), width: opt.Width, height: opt.Height, frames: len(frames),
		delay: opt.Delay, desc: desc}, nil
}

// renderFrame draws frame k into frames[k], turning a panic (a bug, or a
// misuse detected late) into an error: a panic in this goroutine would
// otherwise take the whole kernel down.
func renderFrame(ctx context.Context, k int, xy [2][]float64, t float64, vx, vy span, sopt ScatterOptions,
	title string, dpi int, pal color.Palette, frames []*image.Paletted) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("plots.Animate: frame %d: %v", k, r)
		}
	}()
	if err := interrupt.Check(ctx); err != nil {
		return fmt.Errorf("plots.Animate: stopped before frame %d: %w", k, err)
	}
	sopt.Title = fmt.Sprintf("t = %.2f", t)
	if title != "" {
		sopt.Title = title + ", " + sopt.Title
	}
	f := scatterFigure("Animate", xy[0], xy[1], vx, vy, sopt)
	frames[k] = quantize(f.Image(dpi), pal)
	return nil
}

// gifPalette returns the colours a frame can use: white, then ramps from
// white to black (text, axes), to grey (background points) and to each
// point colour, so that translucent points and anti-aliased text keep
// their shades.
func gifPalette(labels []int) color.Palette {
	inks := []color.NRGBA{{0, 0, 0, 0xff}, {0xaa, 0xaa, 0xaa, 0xff}}
	if labels == nil {
		inks = append(inks, okabeIto[0])
	} else {
		seen := map[int]bool{}
		for _, l := range labels {
			k := ((l % 8) + 8) % 8
			if !seen[k] {
				seen[k] = true
				inks = append(inks, okabeIto[k])
			}
		}
	}
	levels := 255 / len(inks)
	pal := color.Palette{color.White}
	for _, ink := range inks {
		for i := 1; i <= levels; i++ {
			a := float64(i) / float64(levels)
			mix := func(c uint8) uint8 { return uint8(255*(1-a) + float64(c)*a + 0.5) }
			pal = append(pal, color.NRGBA{mix(ink.R), mix(ink.G), mix(ink.B), 0xff})
		}
	}
	return pal
}

// quantize maps every pixel of img to its nearest palette colour,
// remembering the answer for each distinct colour (frames have few).
func quantize(img *image.RGBA, pal color.Palette) *image.Paletted {
	out := image.NewPaletted(img.Bounds(), pal)
	cache := map[uint32]uint8{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			i := img.PixOffset(x, y)
			r, g, bl := img.Pix[i], img.Pix[i+1], img.Pix[i+2]
			key := uint32(r)<<16 | uint32(g)<<8 | uint32(bl)
			idx, ok := cache[key]
			if !ok {
				idx = uint8(pal.Index(color.RGBA{r, g, bl, 0xff}))
				cache[key] = idx
			}
			out.Pix[out.PixOffset(x, y)] = idx
		}
	}
	return out
}

// MIMEBundle returns the animation as an inline GIF and a text description.
func (a *Animation) MIMEBundle() map[string]any {
	return map[string]any{"image/gif": a.data, "text/plain": a.desc}
}

// MIMEMetadata returns the display size of the GIF in CSS pixels.
func (a *Animation) MIMEMetadata() map[string]any {
	return map[string]any{"image/gif": map[string]any{"width": a.width, "height": a.height}}
}

// GIF returns the encoded animated GIF.
func (a *Animation) GIF() []byte { return a.data }

// Frames returns the number of frames.
func (a *Animation) Frames() int { return a.frames }

// String returns a one-line description of the animation.
func (a *Animation) String() string { return a.desc }

// Save writes the GIF to path, which must end in .gif.
func (a *Animation) Save(path string) error {
	if ext := strings.ToLower(filepath.Ext(path)); ext != ".gif" {
		return fmt.Errorf("plots: Animation.Save(%q): extension %q, want .gif", path, ext)
	}
	return os.WriteFile(path, a.data, 0o644)
}
