// Covers: io, implementing io.Reader/io.Writer/io.ByteReader-free types (rot13 reader, line-numbering writer), composing with io.Copy, bufio and strings.NewReader.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

type rot13Reader struct{ r io.Reader }

func (rr rot13Reader) Read(p []byte) (int, error) {
	n, err := rr.r.Read(p)
	for i := 0; i < n; i++ {
		c := p[i]
		switch {
		case c >= 'a' && c <= 'z':
			p[i] = 'a' + (c-'a'+13)%26
		case c >= 'A' && c <= 'Z':
			p[i] = 'A' + (c-'A'+13)%26
		}
	}
	return n, err
}

type lineNumberWriter struct {
	w       io.Writer
	line    int
	atStart bool
}

func (l *lineNumberWriter) Write(p []byte) (int, error) {
	for _, b := range p {
		if l.atStart {
			l.line++
			fmt.Fprintf(l.w, "%3d  ", l.line)
		}
		l.w.Write([]byte{b})
		l.atStart = b == '\n'
	}
	return len(p), nil
}

type slowReader struct{ data []byte }

func (s *slowReader) Read(p []byte) (int, error) {
	if len(s.data) == 0 {
		return 0, io.EOF
	}
	p[0] = s.data[0]
	s.data = s.data[1:]
	return 1, nil
}

func main() {
	secret := "Lbh penpxrq gur pbqr!\nTbcuref ner sevraqyl."
	lw := &lineNumberWriter{w: os.Stdout, atStart: true}
	n, err := io.Copy(lw, rot13Reader{strings.NewReader(secret)})
	fmt.Println()
	fmt.Println("copied", n, err, "lines", lw.line)

	var buf bytes.Buffer
	io.Copy(&buf, rot13Reader{rot13Reader{strings.NewReader("double rot13 is identity")}})
	fmt.Println(buf.String())

	sc := bufio.NewScanner(&slowReader{data: []byte("one byte\nat a time\n")})
	for sc.Scan() {
		fmt.Printf("scanned %q\n", sc.Text())
	}
	all, _ := io.ReadAll(&slowReader{data: []byte("xyz")})
	fmt.Printf("%s %d\n", all, len(all))
	var _ io.Reader = rot13Reader{}
	var _ io.Writer = (*lineNumberWriter)(nil)
}
