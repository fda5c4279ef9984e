// Covers: path/filepath and path, Join/Clean/Base/Dir/Ext/Split/Rel/Match/IsAbs/SplitList/VolumeName, path.Join for URLs, changing an extension.
package main

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

func withExt(p, ext string) string {
	return strings.TrimSuffix(p, filepath.Ext(p)) + ext
}

func main() {
	paths := []string{
		"/home/user/docs/report.final.pdf",
		"relative/dir/",
		"archive.tar.gz",
		"/",
		"",
		"./a/../b//c/.hidden",
	}
	for _, p := range paths {
		dir, file := filepath.Split(p)
		fmt.Printf("%-34q base=%-14q dir=%-22q ext=%-7q clean=%q split=(%q,%q)\n",
			p, filepath.Base(p), filepath.Dir(p), filepath.Ext(p), filepath.Clean(p), dir, file)
	}
	fmt.Println(filepath.Join("a", "b/../c", "/d", ""), filepath.Join("", ""), filepath.Join("/", "x"))
	fmt.Println(withExt("photos/cat.jpeg", ".png"), withExt("Makefile", ".bak"))

	for _, target := range []string{"/srv/app/static/css/site.css", "/srv/app", "/srv/other/x", "/etc"} {
		rel, err := filepath.Rel("/srv/app", target)
		fmt.Printf("Rel(/srv/app, %s) = %q %v\n", target, rel, err)
	}
	_, err := filepath.Rel("/abs", "rel")
	fmt.Println(err)

	for _, pat := range []string{"*.go", "main_*.go", "[a-m]*", "?ain.go", "[^m]*"} {
		ok, _ := filepath.Match(pat, "main.go")
		fmt.Printf("%s:%v ", pat, ok)
	}
	fmt.Println()
	_, err = filepath.Match("[", "x")
	fmt.Println(err)

	fmt.Println(filepath.IsAbs("/x"), filepath.IsAbs("x/y"), filepath.SplitList("/bin:/usr/bin::/opt"), filepath.VolumeName("/x"))
	fmt.Println(path.Join("https:/", "api", "v1/", "../v2", "users"), path.Base("/a/b/"), path.Ext("x.y.z"), path.Clean("a//b/./c/.."))
	fmt.Println(string(filepath.Separator), string(filepath.ListSeparator), filepath.ToSlash("a/b"), filepath.FromSlash("a/b"))
}
