package sitetest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestBuild builds a fixture over the theme with the kit's settings.
func TestBuild(t *testing.T) {
	s := Load(t, "testdata/small.txtar")
	if _, ok := s.Files["content/om/pris.md"]; !ok {
		t.Fatal("the archive's page is not in the site")
	}
	if _, ok := s.Files["want"]; ok {
		t.Error("the test's want file is in the site")
	}
	if want, ok := s.Extra("want"); !ok || strings.TrimSpace(want) != "Pris" {
		t.Errorf("Extra(want) = %q, %v", want, ok)
	}
	o := s.Build(t)
	o.Contains("om/pris/index.html", "Region Test", "! Region Mittland")
	o.Check("om/pris/index.html", In("main h1", HasText("Pris")), In("main p:not(.lead)", HasText("Det kostar 100 kronor.")))
	if !o.Has("index.html") || o.Has("content/om/pris.md") {
		t.Error("the output is not the built site")
	}
	if o.Stats.Pages < 3 {
		t.Errorf("built %d pages", o.Stats.Pages)
	}
	if files := o.Files(); files["om/index.html"] != o.Read("om/index.html") {
		t.Error("Files and Read disagree")
	}
	// Nothing of the repository's content is in the site.
	for name := range s.Files {
		if strings.HasPrefix(name, "content/") && name != "content/_index.md" && !strings.HasPrefix(name, "content/om/") {
			t.Errorf("%s comes from the repository's content", name)
		}
		if strings.HasPrefix(name, "static/dokument/") {
			t.Errorf("%s comes from the repository's documents", name)
		}
	}
}

// TestEdits: Write, Edit and Remove change the next build.
func TestEdits(t *testing.T) {
	s := Load(t, "testdata/small.txtar")
	s.Edit(t, "content/om/pris.md", "100 kronor", "200 kronor")
	s.Write("content/ny.md", "---\ntitle: Ny sida\n---\n")
	s.Remove("content/om/pris.md")
	o := s.Build(t)
	o.Check("ny/index.html", In("main h1", HasText("Ny sida")))
	if o.Has("om/pris/index.html") {
		t.Error("a removed page was built")
	}
	dir := s.Dir(t)
	if data, err := os.ReadFile(filepath.Join(dir, "content", "ny.md")); err != nil || !strings.Contains(string(data), "Ny sida") {
		t.Errorf("Dir did not write the site: %v", err)
	}
}

// TestBuildErr returns the problems of a site that must fail.
func TestBuildErr(t *testing.T) {
	s := Parse(t, "-- content/_index.md --\n---\ntitel: Start\n---\n")
	if _, err := s.BuildErr(t); err == nil || !strings.Contains(err.Error(), "content/_index.md:2:1") {
		t.Errorf("BuildErr: %v", err)
	}
}

// TestUpdateCommand names the package and the test.
func TestUpdateCommand(t *testing.T) {
	if have, want := UpdateCommand(t), "go test ./internal/sitetest -run TestUpdateCommand -update"; have != want {
		t.Errorf("have %q, want %q", have, want)
	}
	t.Run("a case (x)", func(t *testing.T) {
		if have, want := UpdateCommand(t), `go test ./internal/sitetest -run 'TestUpdateCommand/a_case_\(x\)' -update`; have != want {
			t.Errorf("have %q, want %q", have, want)
		}
	})
}

// TestGoldenMessage: a mismatch names the command that updates the file.
func TestGoldenMessage(t *testing.T) {
	if *Update {
		t.Skip("the test checks the message of a mismatch")
	}
	rec := &recorder{TB: t}
	Golden(rec, "testdata/small.txtar", []byte("something else"))
	if !strings.Contains(rec.msg, "If the change is right, run: go test ./internal/sitetest -run TestGoldenMessage -update") {
		t.Errorf("the message is:\n%s", rec.msg)
	}
	rec = &recorder{TB: t}
	Load(t, "testdata/small.txtar").Golden(rec, "want", "Pris")
	if rec.msg != "" {
		t.Errorf("an equal want file is reported: %s", rec.msg)
	}
	Load(t, "testdata/small.txtar").Golden(rec, "want", "Priser")
	if !strings.Contains(rec.msg, `"Pris"`) || !strings.Contains(rec.msg, `"Priser"`) || !strings.Contains(rec.msg, "-update") {
		t.Errorf("the message is:\n%s", rec.msg)
	}
}

// recorder keeps a test's error messages instead of failing it.
type recorder struct {
	testing.TB
	msg string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	r.msg += fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// TestDuplicateFile: an archive with two files of one name fails, since
// the second would hide the first (two select/ sections of one page would
// check only one).
func TestDuplicateFile(t *testing.T) {
	rec := &recorder{TB: t}
	done := make(chan bool)
	go func() {
		defer close(done)
		Parse(rec, "-- select/index.html --\nmain h1 => A\n-- content/_index.md --\n-- select/index.html --\nmain h1 => B\n")
	}()
	<-done
	if want := "the archive has two files select/index.html: the second would hide the first"; rec.msg != want {
		t.Errorf("the message is %q, want %q", rec.msg, want)
	}
}
func (r *recorder) Errorf(format string, args ...any) {
	r.msg += fmt.Sprintf(format, args...)
}
