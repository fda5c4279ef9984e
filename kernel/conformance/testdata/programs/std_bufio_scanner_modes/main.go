// Covers: bufio, Scanner over strings.NewReader with ScanLines/ScanWords/ScanRunes, custom split function, Buffer size limit and ErrTooLong.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

const input = "alpha beta\r\ngamma\n\n  delta   epsilon\nlast line no newline"

func main() {
	sc := bufio.NewScanner(strings.NewReader(input))
	n := 0
	for sc.Scan() {
		n++
		fmt.Printf("line %d: %q\n", n, sc.Text())
	}
	fmt.Println("err:", sc.Err())

	words := bufio.NewScanner(strings.NewReader(input))
	words.Split(bufio.ScanWords)
	var ws []string
	for words.Scan() {
		ws = append(ws, words.Text())
	}
	fmt.Println(len(ws), ws)

	runes := bufio.NewScanner(strings.NewReader("añ€"))
	runes.Split(bufio.ScanRunes)
	for runes.Scan() {
		fmt.Printf("%q(%d) ", runes.Text(), len(runes.Bytes()))
	}
	fmt.Println()

	commaSplit := func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, ','); i >= 0 {
			return i + 1, bytes.TrimSpace(data[:i]), nil
		}
		if atEOF && len(data) > 0 {
			return len(data), bytes.TrimSpace(data), nil
		}
		return 0, nil, nil
	}
	csv := bufio.NewScanner(strings.NewReader("red, green ,blue,, yellow"))
	csv.Split(commaSplit)
	for csv.Scan() {
		fmt.Printf("[%s]", csv.Text())
	}
	fmt.Println()

	long := bufio.NewScanner(strings.NewReader("short\n" + strings.Repeat("x", 100) + "\nafter"))
	long.Buffer(make([]byte, 16), 32)
	for long.Scan() {
		fmt.Println("got:", long.Text())
	}
	fmt.Println("err:", long.Err(), long.Err() == bufio.ErrTooLong)
}
