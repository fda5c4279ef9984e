// Covers: path/filepath, WalkDir and Walk over a temp tree (relative paths via Rel), SkipDir, Glob, total sizes per extension.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	root, err := os.MkdirTemp("", "walk-")
	if err != nil {
		panic(err)
	}
	tree := []string{
		"src/main.go", "src/util/strings.go", "src/util/strings_test.go",
		"docs/readme.md", "docs/img/logo.png", ".git/config", "notes.txt",
	}
	for i, p := range tree {
		full := filepath.Join(root, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte(strings.Repeat("x", (i+1)*10)), 0o644)
	}

	sizeByExt := map[string]int64{}
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() && d.Name() == ".git" {
			fmt.Println("skip", filepath.ToSlash(rel))
			return filepath.SkipDir
		}
		depth := strings.Count(filepath.ToSlash(rel), "/")
		if rel == "." {
			depth = -1
		}
		if rel == "." {
			fmt.Println("<root>/")
			return nil
		}
		if d.IsDir() {
			fmt.Printf("%s%s/\n", strings.Repeat("  ", depth+1), d.Name())
			return nil
		}
		info, _ := d.Info()
		sizeByExt[filepath.Ext(path)] += info.Size()
		fmt.Printf("%s%s (%d)\n", strings.Repeat("  ", depth+1), d.Name(), info.Size())
		return nil
	})
	exts := make([]string, 0, len(sizeByExt))
	for e := range sizeByExt {
		exts = append(exts, e)
	}
	sort.Strings(exts)
	for _, e := range exts {
		fmt.Printf("%-5s %d bytes\n", e, sizeByExt[e])
	}

	var goFiles []string
	filepath.Walk(filepath.Join(root, "src"), func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			rel, _ := filepath.Rel(root, path)
			goFiles = append(goFiles, filepath.ToSlash(rel))
		}
		return nil
	})
	fmt.Println("non-test go files:", goFiles)
	matches, _ := filepath.Glob(filepath.Join(root, "src", "util", "*.go"))
	for _, m := range matches {
		fmt.Println("glob:", filepath.Base(m))
	}
	os.RemoveAll(root)
}
