// Covers: encoding/hex (EncodeToString, DecodeString errors, Dump), encoding/base64 (Std, URL, Raw encodings, Decode errors), encoding/base32.
package main

import (
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

func main() {
	payload := []byte("Go \xff\xfe? token=a+b/c")
	h := hex.EncodeToString(payload)
	fmt.Println(h)
	back, err := hex.DecodeString(h)
	fmt.Printf("%q %v\n", back, err)
	_, err = hex.DecodeString("abc")
	fmt.Println(err)
	_, err = hex.DecodeString("zz")
	fmt.Println(err)
	fmt.Print(hex.Dump([]byte("hexdump of twenty bytes!")))
	dst := make([]byte, hex.EncodedLen(3))
	hex.Encode(dst, []byte{0xde, 0xad, 0x01})
	fmt.Println(string(dst), hex.EncodedLen(3), hex.DecodedLen(6))

	encs := []struct {
		name string
		enc  *base64.Encoding
	}{
		{"Std", base64.StdEncoding},
		{"URL", base64.URLEncoding},
		{"RawStd", base64.RawStdEncoding},
		{"RawURL", base64.RawURLEncoding},
	}
	for _, e := range encs {
		s := e.enc.EncodeToString(payload)
		dec, err := e.enc.DecodeString(s)
		fmt.Printf("%-7s %-32s ok=%v %v\n", e.name, s, string(dec) == string(payload), err)
	}
	for _, n := range []int{1, 2, 3, 4} {
		fmt.Printf("%q ", base64.StdEncoding.EncodeToString([]byte("abcd"[:n])))
	}
	fmt.Println()
	_, err = base64.StdEncoding.DecodeString("abc$")
	fmt.Println(err)
	_, err = base64.StdEncoding.DecodeString("YWJj=")
	fmt.Println(err)
	creds := base64.StdEncoding.EncodeToString([]byte("user:pa55"))
	fmt.Println("Authorization: Basic " + creds)
	fmt.Println(base32.StdEncoding.EncodeToString([]byte("hello")), base32.HexEncoding.WithPadding(base32.NoPadding).EncodeToString([]byte("hi")))
}
