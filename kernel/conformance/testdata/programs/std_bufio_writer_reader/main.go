// Covers: bufio, Writer buffering (Buffered/Available/Flush) to os.Stdout, Reader ReadString/ReadLine/ReadRune/Peek/UnreadRune, ReadWriter.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	w := bufio.NewWriterSize(os.Stdout, 64)
	fmt.Fprintf(w, "buffered line 1\n")
	w.WriteString("buffered line 2\n")
	fmt.Println("(direct) buffered bytes:", w.Buffered(), "available:", w.Available())
	w.Flush()
	fmt.Println("(direct) after flush:", w.Buffered())

	r := bufio.NewReader(strings.NewReader("first line\nsécond\nthird without newline"))
	peek, _ := r.Peek(5)
	fmt.Printf("peek %q\n", peek)
	line, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	ch, size, _ := r.ReadRune()
	ch2, size2, _ := r.ReadRune()
	fmt.Printf("%c/%d %c/%d\n", ch, size, ch2, size2)
	r.UnreadRune()
	rest, prefix, err := r.ReadLine()
	fmt.Printf("%q prefix=%v %v\n", rest, prefix, err)
	tail, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", tail, err)
	_, err = r.ReadByte()
	fmt.Println(err == io.EOF)

	var sink bytes.Buffer
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("ping\n")), bufio.NewWriter(&sink))
	msg, _ := rw.ReadString('\n')
	rw.WriteString("pong to " + strings.TrimSpace(msg) + "\n")
	fmt.Printf("before flush %q\n", sink.String())
	rw.Flush()
	fmt.Printf("after flush %q\n", sink.String())

	small := bufio.NewWriterSize(&sink, 16)
	sink.Reset()
	for i := 0; i < 5; i++ {
		fmt.Fprintf(small, "item-%d;", i)
		fmt.Printf("wrote %d: sink=%d buffered=%d\n", i, sink.Len(), small.Buffered())
	}
	small.Flush()
	fmt.Println(sink.String())
}
