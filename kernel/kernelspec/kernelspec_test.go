package kernelspec

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestInstallWritesSpecAndLogosAndReplaces(t *testing.T) {
	prefix := t.TempDir()
	w := Where{Prefix: prefix}
	dir, err := Install("/opt/bin/gophlow", w)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(prefix, "share", "jupyter", "kernels", "gophlow"); dir != want {
		t.Fatalf("dir = %s, want %s", dir, want)
	}
	os.WriteFile(filepath.Join(dir, "stale.txt"), []byte("x"), 0o644)
	if _, err := Install("/opt/bin/gophlow", w); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "stale.txt")); !os.IsNotExist(err) {
		t.Fatal("re-installing did not replace the old spec")
	}
	data, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec Spec
	if err := json.Unmarshal(data, &spec); err != nil {
		t.Fatal(err)
	}
	if spec.Argv[0] != "/opt/bin/gophlow" || spec.Argv[1] != "kernel" || spec.Argv[2] != "{connection_file}" {
		t.Errorf("argv = %q", spec.Argv)
	}
	if spec.DisplayName != "Go (gophlow)" || spec.Language != "go" || spec.InterruptMode != "message" {
		t.Errorf("spec = %+v", spec)
	}
	for _, size := range []int{32, 64} {
		name := filepath.Join(dir, "logo-"+itoa(size)+"x"+itoa(size)+".png")
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if r := img.Bounds(); r.Dx() != size || r.Dy() != size {
			t.Errorf("%s is %v", name, r)
		}
		info, _ := os.Stat(name)
		if info.Mode().Perm()&0o002 != 0 {
			t.Errorf("%s is world-writable", name)
		}
	}
	if _, err := Uninstall(w); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatal("uninstall left the folder")
	}
}

func itoa(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }

// Notebook 6 draws tabs as arrows unless kernel.css says otherwise; gofmt
// indents every line with tabs.
func TestInstallWritesKernelCSSHidingTabArrows(t *testing.T) {
	dir, err := Install("/opt/bin/gophlow", Where{Prefix: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	css, err := os.ReadFile(filepath.Join(dir, "kernel.css"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(css, []byte(".cm-s-ipython span.cm-tab {\n  background: none;")) {
		t.Errorf("kernel.css does not clear the tab arrow:\n%s", css)
	}
}
