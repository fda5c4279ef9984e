// Covers: sort, sort.Interface implemented by custom types (Len/Less/Swap), sort.Sort, sort.Stable, sort.IsSorted, embedding to override Less.
package main

import (
	"fmt"
	"sort"
)

type File struct {
	Name string
	Size int64
	Dir  bool
}

type BySize []File

func (s BySize) Len() int           { return len(s) }
func (s BySize) Less(i, j int) bool { return s[i].Size < s[j].Size }
func (s BySize) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

type DirsFirst struct{ BySize }

func (d DirsFirst) Less(i, j int) bool {
	a, b := d.BySize[i], d.BySize[j]
	if a.Dir != b.Dir {
		return a.Dir
	}
	return a.Name < b.Name
}

func show(title string, fs []File) {
	fmt.Println(title)
	for _, f := range fs {
		kind := "file"
		if f.Dir {
			kind = "dir"
		}
		fmt.Printf("  %-4s %-10s %6d\n", kind, f.Name, f.Size)
	}
}

func main() {
	files := []File{
		{"main.go", 2048, false},
		{"vendor", 4096, true},
		{"README", 512, false},
		{"go.sum", 512, false},
		{"cmd", 4096, true},
		{"LICENSE", 1080, false},
	}
	fmt.Println("sorted?", sort.IsSorted(BySize(files)))
	sort.Stable(BySize(files))
	show("stable by size:", files)
	fmt.Println("sorted?", sort.IsSorted(BySize(files)))

	sort.Sort(DirsFirst{files})
	show("dirs first, then by name:", files)

	var total int64
	for _, f := range files {
		total += f.Size
	}
	fmt.Println("total bytes:", total)
}
