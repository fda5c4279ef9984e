package kernelspec

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
)

// Logo draws the gophlow logo at size×size pixels as PNG: flow lines of
// particles bending from a noise cloud on the left into two streams on the
// right, in the colours of the Go gopher, on a rounded dark tile.
func Logo(size int) ([]byte, error) {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	bg := color.NRGBA{0x1e, 0x2a, 0x38, 0xff}
	line := color.NRGBA{0x00, 0xad, 0xd8, 0xff} // Go's gopher blue
	r := float64(size) * 0.18                   // corner radius
	s := float64(size)
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			if insideRounded(float64(x)+0.5, float64(y)+0.5, s, r) {
				img.SetNRGBA(x, y, bg)
			}
		}
	}
	// Five streamlines: y(u) = y0 + (target - y0)·smoothstep(u).
	for i := 0; i < 5; i++ {
		y0 := 0.2 + 0.15*float64(i)
		target := 0.32
		if i >= 2 {
			target = 0.68
		}
		for k := 0; k <= 4*size; k++ {
			u := float64(k) / float64(4*size)
			sm := u * u * (3 - 2*u)
			x := (0.12 + 0.76*u) * s
			y := (y0 + (target-y0)*sm) * s
			w := 0.03*s + 0.5
			stamp(img, x, y, w, line)
		}
	}
	var buf bytes.Buffer
	err := png.Encode(&buf, img)
	return buf.Bytes(), err
}

func insideRounded(x, y, s, r float64) bool {
	cx := math.Min(math.Max(x, r), s-r)
	cy := math.Min(math.Max(y, r), s-r)
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
}

// stamp draws a filled disc of radius w at (x, y).
func stamp(img *image.NRGBA, x, y, w float64, c color.NRGBA) {
	for py := int(y - w); py <= int(y+w); py++ {
		for px := int(x - w); px <= int(x+w); px++ {
			dx, dy := float64(px)+0.5-x, float64(py)+0.5-y
			if dx*dx+dy*dy <= w*w && image.Pt(px, py).In(img.Rect) {
				img.SetNRGBA(px, py, c)
			}
		}
	}
}
