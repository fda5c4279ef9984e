package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestByteCount(t *testing.T) {
	for in, want := range map[string]int64{"1048576": 1 << 20, "512M": 512 << 20, "2g": 2 << 30, "64K": 64 << 10} {
		if got, err := byteCount(in); err != nil || got != want {
			t.Errorf("byteCount(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"M", "-1", "1.5G", "lots"} {
		if _, err := byteCount(bad); err == nil {
			t.Errorf("byteCount(%q) accepted", bad)
		}
	}
}

// grade needs its three paths; a bad assignment is an error naming it, not a crash.
func TestGradeCommandLine(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"grade", "a.ipynb", "subs"}, &out, &errOut); code != 2 {
		t.Errorf("two paths: exit status %d, want 2", code)
	}
	if code := run([]string{"grade", "a.ipynb", "subs", "out", "--memory", "lots"}, &out, &errOut); code != 2 {
		t.Errorf("bad --memory: exit status %d, want 2", code)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "a.ipynb")
	if err := os.WriteFile(bad, []byte(`{"nbformat": 4, "cells": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	errOut.Reset()
	if code := run([]string{"grade", bad, dir, filepath.Join(dir, "out")}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "no check cells") {
		t.Errorf("an assignment without checks: exit status %d, stderr %q", code, errOut.String())
	}
}
