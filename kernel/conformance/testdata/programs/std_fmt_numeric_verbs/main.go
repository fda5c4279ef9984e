// Covers: fmt, numeric verbs %d %+d %08.3f %e %E %g %b %o %O %#x %U %#U %c and padding flags.
package main

import "fmt"

func main() {
	readings := []float64{3.14159, -2.5, 1234567.891, 0.000012345, 100}
	for _, r := range readings {
		fmt.Printf("[%08.3f] [%e] [%E] [%g] [%.3g] [%10.2f] [%-10.1f]\n", r, r, r, r, r, r, r)
	}

	n := 2024
	fmt.Printf("dec=%d plus=%+d pad=%6d zero=%06d left=%-6d|\n", n, n, n, n, n)
	fmt.Printf("bin=%b oct=%o Oct=%O hex=%x HEX=%X alt=%#x %#o\n", n, n, n, n, n, n, n)
	fmt.Printf("neg: %d %x %b\n", -n, -n, -5)
	fmt.Printf("space flag: [% d] [% d]\n", 5, -5)

	for _, r := range []rune{'A', 'é', '世', '😀'} {
		fmt.Printf("%c %U %#U %d %q\n", r, r, r, r, r)
	}

	var u8 uint8 = 200
	var i8 int8 = -100
	fmt.Printf("%d %d %08b %x\n", u8, i8, u8, u8)

	f32 := float32(0.1)
	fmt.Printf("%v %v %.10f\n", f32, float64(f32), f32)
	fmt.Printf("%v %v %v\n", 1e21, 1e20, 123456789.0)
	fmt.Printf("%g %g %g\n", 1e-5, 1e-4, 0.0)
	fmt.Printf("%b\n", 1.0)
	fmt.Printf("%x %X\n", 3.5, -1.25)
	c := complex(1.5, -2)
	fmt.Printf("%v %.2f %+.1e\n", c, c, c)
}
