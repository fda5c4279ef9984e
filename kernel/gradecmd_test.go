package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets the test binary stand in for gophlow when gophlow grade
// starts its workers (os.Executable() grade-worker).
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "grade-worker" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

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

// gophlow grade end to end: a teacher and a student version graded through
// the grade-worker command, with the summary per exercise.
func TestGradeCommand(t *testing.T) {
	const assignment = "../notebooks/exercises/05-likelihood-exercises.ipynb"
	subs, out := t.TempDir(), t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"strip-solutions", assignment, filepath.Join(subs, "student.ipynb")}, &stdout, &stderr); code != 0 {
		t.Fatalf("strip-solutions: %s", stderr.String())
	}
	teacher, err := os.ReadFile(assignment)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(subs, "teacher.ipynb"), teacher, 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	if code := run([]string{"grade", assignment, subs, out, "--timeout", "20s", "--memory", "512M"}, &stdout, &stderr); code != 0 {
		t.Fatalf("grade: exit status %d: %s", code, stderr.String())
	}
	for _, want := range []string{"graded 2 submissions", "exercise 05.1: 1 of 2 passed", "exercise 05.4: 1 of 2 passed"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout.String())
		}
	}
	totals, err := os.ReadFile(filepath.Join(out, "totals.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "student,points,max_points\nstudent,0,9\nteacher,9,9\n"; string(totals) != want {
		t.Errorf("totals.csv:\n%s\nwant\n%s", totals, want)
	}
}
