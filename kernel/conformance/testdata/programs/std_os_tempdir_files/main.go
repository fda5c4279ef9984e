// Covers: os, MkdirTemp/RemoveAll, WriteFile/ReadFile, ReadDir sorted listing, Stat sizes and IsDir, Rename, Remove, MkdirAll, IsNotExist errors.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dir, err := os.MkdirTemp("", "notes-")
	if err != nil {
		panic(err)
	}

	files := map[string]string{
		"todo.txt":      "buy milk\nwrite tests\n",
		"ideas.md":      "# Ideas\n- kernel\n",
		"empty.log":     "",
		"data/nums.csv": "1,2,3\n4,5,6\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			fmt.Println("write failed:", name)
		}
	}

	list := func() {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			size := int64(0)
			if info, err := e.Info(); err == nil && !e.IsDir() {
				size = info.Size()
			}
			fmt.Printf("  %-10s dir=%-5v size=%d\n", e.Name(), e.IsDir(), size)
		}
	}
	fmt.Println("listing:")
	list()

	b, _ := os.ReadFile(filepath.Join(dir, "todo.txt"))
	fmt.Printf("todo has %d lines: %q\n", strings.Count(string(b), "\n"), b)

	os.Rename(filepath.Join(dir, "todo.txt"), filepath.Join(dir, "done.txt"))
	_, err = os.Stat(filepath.Join(dir, "todo.txt"))
	fmt.Println("old name exists:", !errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
	info, err := os.Stat(filepath.Join(dir, "done.txt"))
	fmt.Println("new name:", info.Name(), info.Size(), info.IsDir(), info.Mode().IsRegular(), err)

	os.Remove(filepath.Join(dir, "empty.log"))
	err = os.Remove(filepath.Join(dir, "data"))
	fmt.Println("remove non-empty dir fails:", err != nil)
	fmt.Println("after rename/remove:")
	list()

	_, err = os.ReadFile(filepath.Join(dir, "missing.txt"))
	var pe *fs.PathError
	if errors.As(err, &pe) {
		fmt.Println("op:", pe.Op, "file:", filepath.Base(pe.Path), "err:", pe.Err)
	}
	os.RemoveAll(dir)
	_, err = os.Stat(dir)
	fmt.Println("temp dir removed:", os.IsNotExist(err))
}
