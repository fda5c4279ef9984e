// Covers: bytes, Buffer (Write/WriteString/WriteByte/WriteRune, ReadString, ReadByte, UnreadByte, Next, Truncate, Len, Cap growth, WriteTo).
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

func main() {
	var buf bytes.Buffer
	buf.WriteString("name,score\n")
	for i, name := range []string{"ann", "bob", "cy"} {
		buf.WriteString(name)
		buf.WriteByte(',')
		fmt.Fprintf(&buf, "%d", (i+1)*10)
		buf.WriteRune('\n')
	}
	fmt.Printf("len=%d\n%s", buf.Len(), buf.String())

	header, err := buf.ReadString('\n')
	fmt.Printf("header=%q err=%v remaining=%d\n", header, err, buf.Len())
	for {
		line, err := buf.ReadBytes('\n')
		if len(line) > 0 {
			fmt.Printf("row %q\n", bytes.TrimSuffix(line, []byte("\n")))
		}
		if err == io.EOF {
			break
		}
	}
	fmt.Println("empty now:", buf.Len() == 0)

	b2 := bytes.NewBufferString("XYZabcdef")
	c, _ := b2.ReadByte()
	fmt.Printf("%c\n", c)
	b2.UnreadByte()
	fmt.Printf("%q\n", b2.Next(3))
	fmt.Printf("%q\n", b2.Bytes())
	b2.Truncate(2)
	fmt.Printf("%q %d\n", b2.String(), b2.Len())
	b2.Reset()
	b2.Write([]byte("written to stdout\n"))
	n, err := b2.WriteTo(os.Stdout)
	fmt.Println(n, err)

	var rd bytes.Buffer
	rd.ReadFrom(bytes.NewReader([]byte("from a reader")))
	p := make([]byte, 4)
	k, _ := rd.Read(p)
	fmt.Printf("%d %q rest=%q\n", k, p[:k], rd.String())
}
