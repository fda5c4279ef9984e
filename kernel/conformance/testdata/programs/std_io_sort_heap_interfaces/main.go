// Covers: io.Writer and io.Reader implemented by the program's types, io.Copy, bufio.Scanner, container/heap and sort.Interface on named slices, []fmt.Stringer filled in a loop.
package main

import (
	"bufio"
	"container/heap"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

type countingWriter struct {
	w     io.Writer
	bytes int
	lines int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.bytes += len(p)
	c.lines += strings.Count(string(p), "\n")
	return c.w.Write(p)
}

type upper struct{ r io.Reader }

func (u upper) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	copy(p, strings.ToUpper(string(p[:n])))
	return n, err
}

type item struct {
	name string
	prio int
}

type pq []*item

func (q pq) Len() int           { return len(q) }
func (q pq) Less(i, j int) bool { return q[i].prio > q[j].prio }
func (q pq) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *pq) Push(x any)        { *q = append(*q, x.(*item)) }
func (q *pq) Pop() any          { old := *q; n := len(old); it := old[n-1]; *q = old[:n-1]; return it }
func (q pq) String() string     { return fmt.Sprint(len(q), " items") }

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	cw := &countingWriter{w: os.Stdout}
	fmt.Fprintf(cw, "hello %s\n", "world")
	fmt.Fprintln(cw, "second line")
	var w io.Writer = cw
	io.WriteString(w, "third\n")
	fmt.Println(cw.bytes, cw.lines)

	n, _ := io.Copy(os.Stdout, upper{strings.NewReader("shout this\n")})
	fmt.Println(n)
	sc := bufio.NewScanner(upper{strings.NewReader("a b\nc d\n")})
	for sc.Scan() {
		fmt.Println("line:", sc.Text())
	}

	q := &pq{}
	heap.Init(q)
	for i, name := range []string{"low", "high", "mid"} {
		heap.Push(q, &item{name, []int{1, 9, 5}[i]})
	}
	fmt.Println(q)
	for q.Len() > 0 {
		it := heap.Pop(q).(*item)
		fmt.Print(it.name, " ")
	}
	fmt.Println()

	words := []string{"banana", "kiwi", "fig", "cherry"}
	sort.Sort(byLen(words))
	fmt.Println(words, sort.IsSorted(byLen(words)))
	var stringers []fmt.Stringer
	for i := 0; i < 3; i++ {
		p := make(pq, i)
		stringers = append(stringers, p)
	}
	fmt.Println(stringers)
}
