// Covers: string types, indexing yields bytes, slicing by byte offsets, range yields runes with byte offsets, invalid UTF-8 handling.
package main

import "fmt"

func main() {
	s := "añb€"
	fmt.Println("len:", len(s))
	for i := 0; i < len(s); i++ {
		fmt.Printf("s[%d]=%d(%T) ", i, s[i], s[i])
	}
	fmt.Println("end")

	for i, r := range s {
		fmt.Printf("at %d rune %c (%d bytes) %T\n", i, r, len(string(r)), r)
	}

	fmt.Printf("byte slice s[1:3]=%q, s[1:2]=%q\n", s[1:3], s[1:2])
	fmt.Println("s[3:] =", s[3:])

	bad := "a\xffb"
	for i, r := range bad {
		fmt.Printf("bad[%d] = %U\n", i, r)
	}

	// count vowels by rune vs bytes
	word := "ÉléphAnt"
	vowels := 0
	for _, r := range word {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'A', 'E', 'é', 'É':
			vowels++
		}
	}
	fmt.Println("vowels:", vowels, "bytes:", len(word), "runes:", len([]rune(word)))

	fmt.Println("compare:", "apple" < "banana", "Zebra" < "apple", "é" > "z")
	fmt.Println("concat:", s+"!", "equal:", s == "añb€")

	bs := []byte(s)
	bs[0] = 'A'
	fmt.Println("modified copy:", string(bs), "original:", s)
}
