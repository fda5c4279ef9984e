package assist

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// roots records where the sources of modules live: registered directories,
// the kernel's own module, and the module versions the binary was built with.
var roots struct {
	sync.Mutex
	once     sync.Once
	dirs     map[string]string // module path → directory
	versions map[string]string // module path → version in the module cache
	goroot   string
	modcache string
}

// RegisterSource tells Inspect that the packages under the import path
// prefix modulePath have their sources in dir (dir/sub for modulePath/sub).
// It overrides every other way of finding them; the kernel may use it for
// a module whose sources are neither in GOROOT nor in the module cache.
func RegisterSource(modulePath, dir string) {
	initRoots()
	roots.Lock()
	defer roots.Unlock()
	roots.dirs[modulePath] = dir
	forgetDocs(modulePath)
}

func initRoots() {
	roots.once.Do(func() {
		roots.dirs = map[string]string{}
		roots.versions = map[string]string{}
		roots.goroot = findGOROOT()
		roots.modcache = findModCache()
		if info, ok := debug.ReadBuildInfo(); ok {
			for _, m := range info.Deps {
				if r := m.Replace; r != nil {
					if r.Version == "" {
						roots.dirs[m.Path] = r.Path
					} else {
						roots.versions[m.Path] = r.Path + "@" + r.Version
					}
					continue
				}
				roots.versions[m.Path] = m.Path + "@" + m.Version
			}
		}
		// The module around the working directory (a notebook in a
		// checkout), then this package's own module when its sources are
		// where it was built; the latter wins.
		if wd, err := os.Getwd(); err == nil {
			for dir := wd; ; dir = filepath.Dir(dir) {
				if mod := modulePathOf(filepath.Join(dir, "go.mod")); mod != "" {
					roots.dirs[mod] = dir
					break
				}
				if filepath.Dir(dir) == dir {
					break
				}
			}
		}
		if _, file, _, ok := runtime.Caller(0); ok {
			root := filepath.Dir(filepath.Dir(filepath.Dir(file)))
			if mod := modulePathOf(filepath.Join(root, "go.mod")); mod != "" {
				roots.dirs[mod] = root
			}
		}
	})
}

// sourceDir returns the directory of the Go files of importPath, or "".
func sourceDir(importPath string) string {
	initRoots()
	roots.Lock()
	defer roots.Unlock()
	for prefix := importPath; prefix != "."; prefix = parentPath(prefix) {
		if dir, ok := roots.dirs[prefix]; ok {
			return existingDir(filepath.Join(dir, strings.TrimPrefix(importPath, prefix)))
		}
	}
	if first, _, _ := strings.Cut(importPath, "/"); !strings.Contains(first, ".") {
		if roots.goroot == "" {
			return ""
		}
		return existingDir(filepath.Join(roots.goroot, "src", importPath))
	}
	if roots.modcache == "" {
		return ""
	}
	for prefix := importPath; prefix != "."; prefix = parentPath(prefix) {
		if at, ok := roots.versions[prefix]; ok {
			if dir := existingDir(filepath.Join(roots.modcache, escapeModulePath(at), strings.TrimPrefix(importPath, prefix))); dir != "" {
				return dir
			}
		}
	}
	// Not a dependency of this binary: the newest version in the cache.
	for prefix := importPath; prefix != "."; prefix = parentPath(prefix) {
		matches, _ := filepath.Glob(filepath.Join(roots.modcache, escapeModulePath(prefix)) + "@*")
		best := ""
		for _, m := range matches {
			if best == "" || versionLess(best[strings.LastIndexByte(best, '@')+1:], m[strings.LastIndexByte(m, '@')+1:]) {
				best = m
			}
		}
		if best != "" {
			if dir := existingDir(filepath.Join(best, strings.TrimPrefix(importPath, prefix))); dir != "" {
				return dir
			}
		}
	}
	return ""
}

func parentPath(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return "."
}

func existingDir(dir string) string {
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		return dir
	}
	return ""
}

// modulePathOf reads the module path from a go.mod file.
func modulePathOf(gomod string) string {
	f, err := os.Open(gomod)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`)
		}
	}
	return ""
}

// escapeModulePath applies the module cache's case encoding: each upper-case
// letter becomes "!" and its lower-case form.
func escapeModulePath(p string) string {
	var b strings.Builder
	for _, r := range p {
		if unicode.IsUpper(r) {
			b.WriteByte('!')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// versionLess orders module versions "vMAJOR.MINOR.PATCH[-pre]": by the
// numbers, then a release after its pre-releases, then lexically.
func versionLess(a, b string) bool {
	na, pa, _ := strings.Cut(strings.TrimPrefix(a, "v"), "-")
	nb, pb, _ := strings.Cut(strings.TrimPrefix(b, "v"), "-")
	xa, xb := strings.Split(na, "."), strings.Split(nb, ".")
	for i := 0; i < len(xa) && i < len(xb); i++ {
		ia, ea := strconv.Atoi(xa[i])
		ib, eb := strconv.Atoi(xb[i])
		if ea == nil && eb == nil && ia != ib {
			return ia < ib
		}
	}
	if (pa == "") != (pb == "") {
		return pa != ""
	}
	return a < b
}

func findGOROOT() string {
	if dir := existingDir(filepath.Join(os.Getenv("GOROOT"), "src")); dir != "" && os.Getenv("GOROOT") != "" {
		return os.Getenv("GOROOT")
	}
	//lint:ignore SA1019 the build-time GOROOT is the best guess without a go command.
	if g := runtime.GOROOT(); g != "" && existingDir(filepath.Join(g, "src")) != "" {
		return g
	}
	return goEnv("GOROOT")
}

func findModCache() string {
	if d := os.Getenv("GOMODCACHE"); d != "" {
		return d
	}
	if gp := os.Getenv("GOPATH"); gp != "" {
		return filepath.Join(filepath.SplitList(gp)[0], "pkg", "mod")
	}
	if home, err := os.UserHomeDir(); err == nil {
		if d := existingDir(filepath.Join(home, "go", "pkg", "mod")); d != "" {
			return d
		}
	}
	return goEnv("GOMODCACHE")
}

// goEnv asks the go command, when there is one, for an environment value.
func goEnv(name string) string {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
