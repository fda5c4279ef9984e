// Covers: os, Create/OpenFile with O_APPEND, File.Write/WriteString/Seek/ReadAt/Truncate/Sync/Close, bufio over *os.File, Chmod and Mode bits in a temp dir.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	dir, err := os.MkdirTemp("", "journal-")
	if err != nil {
		panic(err)
	}
	name := filepath.Join(dir, "journal.log")

	f, err := os.Create(name)
	if err != nil {
		panic(err)
	}
	n1, _ := f.WriteString("day 1: started\n")
	n2, _ := f.Write([]byte("day 2: progress\n"))
	f.Sync()
	f.Close()
	fmt.Println("wrote", n1, n2)

	af, _ := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0o644)
	w := bufio.NewWriter(af)
	for d := 3; d <= 5; d++ {
		fmt.Fprintf(w, "day %d: entry\n", d)
	}
	w.Flush()
	af.Close()

	rf, _ := os.Open(name)
	sc := bufio.NewScanner(rf)
	for i := 1; sc.Scan(); i++ {
		fmt.Printf("%d| %s\n", i, sc.Text())
	}
	pos, _ := rf.Seek(7, io.SeekStart)
	buf := make([]byte, 7)
	rf.Read(buf)
	fmt.Printf("at %d: %q\n", pos, buf)
	rf.ReadAt(buf[:5], 15)
	fmt.Printf("ReadAt 15: %q\n", buf[:5])
	end, _ := rf.Seek(0, io.SeekEnd)
	fmt.Println("size via seek:", end)
	rf.Close()
	_, err = rf.Read(buf)
	fmt.Println("read after close fails:", err != nil)

	os.Truncate(name, 15)
	data, _ := os.ReadFile(name)
	fmt.Printf("after truncate: %q\n", data)

	os.Chmod(name, 0o600)
	info, _ := os.Stat(name)
	fmt.Println("mode:", info.Mode(), info.Mode().Perm(), "size:", info.Size())
	_, err = os.OpenFile(filepath.Join(dir, "journal.log"), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	fmt.Println("exclusive create of existing file fails:", os.IsExist(err))
	os.RemoveAll(dir)
}
