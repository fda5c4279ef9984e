package kernelspec

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// LanguageVersion names the Go release whose standard library the kernel
// offers: the one kernel/stdsyms was generated with. Regenerating the
// tables for a new release fails here until LanguageVersion follows (and
// scripts/notebook-metadata.py has rewritten the notebooks' metadata).
func TestLanguageVersionIsTheStdlibTablesRelease(t *testing.T) {
	src, err := os.ReadFile("../stdsyms/generated_test.go")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`generatedWith = "go(\d+)\.(\d+)`).FindSubmatch(src)
	if m == nil {
		t.Fatal("no generatedWith in kernel/stdsyms/generated_test.go")
	}
	if want := string(m[1]) + "." + string(m[2]); LanguageVersion != want {
		t.Errorf("LanguageVersion = %q, the standard-library tables are go%s", LanguageVersion, want)
	}
	info := LanguageInfo()
	if info["version"] != LanguageVersion || info["codemirror_mode"] != "go" || info["pygments_lexer"] != "go" {
		t.Errorf("LanguageInfo() = %v", info)
	}
	if strings.HasPrefix(LanguageVersion, "go") {
		t.Error("language_info.version is a version number, without the go prefix")
	}
}
