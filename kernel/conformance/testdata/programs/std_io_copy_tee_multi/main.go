// Covers: io, Copy/CopyN/ReadAll/ReadFull, TeeReader, MultiWriter, MultiReader, LimitReader, SectionReader, Discard, custom Writer counting bytes.
package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"strings"
)

type countingWriter struct{ n, calls int }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	c.calls++
	return len(p), nil
}

type upperWriter struct{ w io.Writer }

func (u upperWriter) Write(p []byte) (int, error) {
	return u.w.Write(bytes.ToUpper(p))
}

func main() {
	src := strings.NewReader("hello io package\n")
	var copyBuf bytes.Buffer
	cw := &countingWriter{}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(&copyBuf, cw, h, upperWriter{os.Stdout}), src)
	fmt.Println(n, err, cw.n, copyBuf.String() == "hello io package\n")
	fmt.Printf("sha256 %x\n", h.Sum(nil)[:8])

	var teeOut bytes.Buffer
	tee := io.TeeReader(strings.NewReader("data flowing through tee"), &teeOut)
	first := make([]byte, 4)
	io.ReadFull(tee, first)
	rest, _ := io.ReadAll(tee)
	fmt.Printf("%q %q tee=%q\n", first, rest, teeOut.String())

	limited := io.LimitReader(strings.NewReader("0123456789"), 4)
	lb, _ := io.ReadAll(limited)
	fmt.Printf("limit: %q\n", lb)

	mr := io.MultiReader(strings.NewReader("one "), strings.NewReader("two "), strings.NewReader("three"))
	var out strings.Builder
	copied, _ := io.CopyN(&out, mr, 9)
	fmt.Printf("copyN %d %q\n", copied, out.String())
	remaining, _ := io.ReadAll(mr)
	fmt.Printf("remaining %q\n", remaining)

	buf := make([]byte, 8)
	k, err := io.ReadFull(strings.NewReader("abc"), buf)
	fmt.Println(k, err, err == io.ErrUnexpectedEOF)
	k, err = io.ReadAtLeast(strings.NewReader("abcdef"), buf, 2)
	fmt.Println(k, err)

	sec := io.NewSectionReader(strings.NewReader("header|BODY|footer"), 7, 4)
	sb, _ := io.ReadAll(sec)
	fmt.Printf("section %q size %d\n", sb, sec.Size())
	dn, _ := io.Copy(io.Discard, strings.NewReader(strings.Repeat("z", 1000)))
	fmt.Println("discarded", dn)
	ws, _ := io.WriteString(cw, "xyz")
	fmt.Println(ws, cw.n)
}
