// Covers: io, Pipe with a producer goroutine, CloseWithError propagation, bufio.Scanner on the read end, io.Copy from a pipe, sync via channel.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

func main() {
	pr, pw := io.Pipe()
	go func() {
		defer pw.Close()
		for i := 1; i <= 5; i++ {
			fmt.Fprintf(pw, "record %d: %s\n", i, strings.Repeat("*", i))
		}
	}()
	sc := bufio.NewScanner(pr)
	lines := 0
	for sc.Scan() {
		lines++
		fmt.Println("consumer got:", sc.Text())
	}
	fmt.Println("lines:", lines, "err:", sc.Err())

	pr2, pw2 := io.Pipe()
	done := make(chan int64)
	go func() {
		var sb strings.Builder
		n, err := io.Copy(&sb, pr2)
		fmt.Printf("copied %d bytes, err=%v, text=%q\n", n, err, sb.String())
		done <- n
	}()
	pw2.Write([]byte("partial "))
	pw2.Write([]byte("upload"))
	pw2.CloseWithError(errors.New("connection reset"))
	fmt.Println("reader finished with", <-done, "bytes")

	pr3, pw3 := io.Pipe()
	pr3.Close()
	_, err := pw3.Write([]byte("x"))
	fmt.Println("write after reader closed:", err, errors.Is(err, io.ErrClosedPipe))

	pr4, pw4 := io.Pipe()
	go func() {
		pw4.Write([]byte("upper me"))
		pw4.Close()
	}()
	data, _ := io.ReadAll(pr4)
	fmt.Println(strings.ToUpper(string(data)))
}
