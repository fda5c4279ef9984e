// Covers: strconv, ParseFloat (special values, errors), FormatFloat formats/precisions, FormatInt/FormatUint bases, FormatBool.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"3.14", "1e3", "-0.5", "inf", "-Inf", "NaN", "1e400", "0x1p-2", "1_000.5", "abc"} {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			fmt.Printf("%-8s err: %v (value %v)\n", s, err, f)
			continue
		}
		fmt.Printf("%-8s -> %v\n", s, f)
	}
	f32, err := strconv.ParseFloat("0.1", 32)
	fmt.Println(f32, err, float32(f32))

	x := 1234.5678
	for _, fmtc := range []byte{'f', 'e', 'E', 'g', 'G', 'b', 'x'} {
		fmt.Printf("%c: %s | %s\n", fmtc, strconv.FormatFloat(x, fmtc, -1, 64), strconv.FormatFloat(x, fmtc, 2, 64))
	}
	fmt.Println(strconv.FormatFloat(0.1, 'f', -1, 32), strconv.FormatFloat(0.1, 'f', 20, 64))
	fmt.Println(strconv.FormatFloat(2.5, 'f', 0, 64), strconv.FormatFloat(3.5, 'f', 0, 64))

	n := int64(-255)
	for _, base := range []int{2, 8, 10, 16, 36} {
		fmt.Printf("base %2d: %s\n", base, strconv.FormatInt(n, base))
	}
	fmt.Println(strconv.FormatUint(1<<63, 16), strconv.FormatUint(35, 36))
	fmt.Println(strconv.FormatBool(true), strconv.FormatBool(false))

	prices := []string{"19.99", "5", "0.01", "100.10"}
	total := 0.0
	for _, p := range prices {
		v, _ := strconv.ParseFloat(p, 64)
		total += v
	}
	fmt.Println("total:", strconv.FormatFloat(total, 'f', 2, 64))
}
