package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestCommandLine(t *testing.T) {
	cases := []struct {
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{[]string{"version"}, 0, "gophlow " + version, ""},
		{[]string{"help"}, 0, "gophlow install", ""},
		{nil, 2, "", "Usage:"},
		{[]string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{[]string{"install", "--bogus"}, 2, "", "Usage:"},
		{[]string{"install", "--user", "--sys-prefix"}, 2, "", "choose one of"},
		{[]string{"kernel"}, 2, "", "Usage:"},
		{[]string{"run"}, 2, "", "Usage:"},
		{[]string{"strip-solutions", "only-one"}, 2, "", "Usage:"},
		{[]string{"kernel", "/nonexistent/connection.json"}, 1, "", "reading connection file"},
	}
	for _, c := range cases {
		var out, errOut bytes.Buffer
		code := run(c.args, &out, &errOut)
		if code != c.code || !strings.Contains(out.String(), c.inStdout) || !strings.Contains(errOut.String(), c.inStderr) {
			t.Errorf("gophlow %q: exit %d, stdout %q, stderr %q; want exit %d with %q / %q",
				c.args, code, out.String(), errOut.String(), c.code, c.inStdout, c.inStderr)
		}
	}
}

func TestKernelRefusesAnEmptyKey(t *testing.T) {
	path := t.TempDir() + "/conn.json"
	conn := `{"transport":"tcp","ip":"127.0.0.1","shell_port":1,"control_port":2,"stdin_port":3,"iopub_port":4,"hb_port":5,"signature_scheme":"hmac-sha256","key":""}`
	if err := os.WriteFile(path, []byte(conn), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"kernel", path}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "--allow-unsigned") {
		t.Fatalf("exit %d, stderr %q; want 1 and a message naming --allow-unsigned", code, errOut.String())
	}
}
