// Covers: strconv, Atoi/ParseInt/ParseUint/ParseBool errors (*NumError, ErrSyntax, ErrRange), bases and bit sizes, Itoa.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	inputs := []string{"42", "-17", " 5", "3.0", "", "99999999999999999999", "0x1F", "+8"}
	sum := 0
	for _, in := range inputs {
		n, err := strconv.Atoi(in)
		if err != nil {
			var ne *strconv.NumError
			if errors.As(err, &ne) {
				fmt.Printf("%-22q func=%s num=%q range=%v syntax=%v\n", in, ne.Func, ne.Num,
					errors.Is(err, strconv.ErrRange), errors.Is(err, strconv.ErrSyntax))
			}
			fmt.Println("   ", err)
			continue
		}
		sum += n
		fmt.Printf("%-22q ok %d\n", in, n)
	}
	fmt.Println("sum of valid:", sum)

	for _, tc := range []struct {
		s    string
		base int
		bits int
	}{{"ff", 16, 64}, {"0x1F", 0, 64}, {"0b1011", 0, 8}, {"1_000", 0, 32}, {"777", 8, 16}, {"200", 10, 8}, {"-129", 10, 8}, {"z", 36, 64}} {
		v, err := strconv.ParseInt(tc.s, tc.base, tc.bits)
		fmt.Printf("ParseInt(%q, %d, %d) = %d, %v\n", tc.s, tc.base, tc.bits, v, err)
	}
	u, err := strconv.ParseUint("-1", 10, 64)
	fmt.Println(u, err)
	u, err = strconv.ParseUint("18446744073709551615", 10, 64)
	fmt.Println(u, err)

	for _, s := range []string{"true", "T", "0", "yes", "FALSE"} {
		b, err := strconv.ParseBool(s)
		fmt.Println(s, b, err)
	}
	fmt.Println(strconv.Itoa(-305) + "|" + strconv.Itoa(0))
}
