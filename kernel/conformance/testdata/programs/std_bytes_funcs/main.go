// Covers: bytes, Equal/Compare/Contains/Index/Fields/Split/Join/ToUpper/Title-free casing/TrimSpace/HasPrefix/Replace/EqualFold/Cut, bytes.Reader.
package main

import (
	"bytes"
	"fmt"
	"io"
)

func main() {
	data := []byte("  GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
	lines := bytes.Split(bytes.TrimSpace(data), []byte("\r\n"))
	fmt.Println("lines:", len(lines))
	for _, l := range lines {
		fmt.Printf("%q fields=%q\n", l, bytes.Fields(l))
	}
	if k, v, ok := bytes.Cut(lines[1], []byte(": ")); ok {
		fmt.Printf("header %s -> %s\n", k, v)
	}

	a, b := []byte("apple"), []byte("apricot")
	fmt.Println(bytes.Equal(a, b), bytes.Compare(a, b), bytes.Compare(b, a), bytes.Equal(nil, []byte{}))
	fmt.Println(bytes.HasPrefix(b, []byte("apr")), bytes.Contains(a, []byte("pl")), bytes.Index(b, []byte("cot")))
	fmt.Println(bytes.EqualFold([]byte("GoLang"), []byte("golang")), bytes.Count(a, []byte("p")))
	fmt.Printf("%s\n", bytes.ToUpper(a))
	fmt.Printf("%s\n", bytes.Join([][]byte{a, b, []byte("cherry")}, []byte(" | ")))
	fmt.Printf("%s\n", bytes.ReplaceAll([]byte("a-b-c"), []byte("-"), []byte("+")))
	fmt.Printf("%s\n", bytes.Repeat([]byte("=-"), 5))
	fmt.Printf("%q\n", bytes.TrimLeft([]byte("000120"), "0"))
	fmt.Println(bytes.IndexByte(a, 'l'), bytes.LastIndex(b, []byte("r")), bytes.ContainsRune(a, 'e'))

	r := bytes.NewReader([]byte("0123456789"))
	fmt.Println("size", r.Size(), "len", r.Len())
	chunk := make([]byte, 3)
	r.Read(chunk)
	fmt.Printf("%s len=%d\n", chunk, r.Len())
	r.Seek(-2, io.SeekEnd)
	rest, _ := io.ReadAll(r)
	fmt.Printf("%s\n", rest)
	r.ReadAt(chunk, 4)
	fmt.Printf("%s\n", chunk)

	clone := bytes.Clone(a)
	clone[0] = 'A'
	fmt.Printf("%s %s\n", a, clone)
}
