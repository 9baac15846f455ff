package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestSymlinks: the build follows no symbolic link. A link in static/ to
// a file outside the root or to a registry, and one in content/ to a page
// outside, are each an error that names the link; nothing of theirs is
// published and the output stays as it was.
func TestSymlinks(t *testing.T) {
	dir := sitetest.Load(t, "../../internal/site/testdata/site.txtar").Dir(t)
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "hemlig.md"), []byte("---\ntitle: Hemlig\n---\nHEMLIGT\n"), 0o644)
	os.WriteFile(filepath.Join(outside, "hemlig.txt"), []byte("HEMLIGT"), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-root", dir, "-out", out, "-now", "2026-11-23"}, &stdout, &stderr); err != nil {
		t.Fatalf("the fixture does not build: %v\n%s", err, stderr.String())
	}
	links := map[string]string{
		"static/passwd":               "/etc/passwd",
		"static/hemlig.txt":           filepath.Join(outside, "hemlig.txt"),
		"static/register.yaml":        "../content/verksamheter/region-test.yaml",
		"static/ut":                   outside,
		"content/hemlig.md":           filepath.Join(outside, "hemlig.md"),
		"content/om/kopia.md":         "pris.md",
		"content/.#pris.md":           "redaktor@dator.1234", // an editor's lock file: ignored
		"layouts/partials/extra.html": filepath.Join(outside, "hemlig.txt"),
	}
	for link, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	before, _ := os.ReadFile(filepath.Join(out, "index.html"))
	stdout.Reset()
	stderr.Reset()
	err := run(context.Background(), []string{"-root", dir, "-out", out, "-now", "2026-11-23"}, &stdout, &stderr)
	if err == nil {
		t.Fatal("the build succeeded with symbolic links in the root")
	}
	for link := range links {
		msg := link + ": är en symbolisk länk"
		if strings.HasPrefix(link, "content/.#") {
			if strings.Contains(stderr.String(), link) {
				t.Errorf("the editor's lock file %s is reported", link)
			}
			continue
		}
		if !strings.Contains(stderr.String(), msg) {
			t.Errorf("no error %q in:\n%s", msg, stderr.String())
		}
	}
	if strings.Contains(stderr.String(), "HEMLIGT") {
		t.Error("an error shows the text of a file outside the root")
	}
	after, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !bytes.Equal(before, after) {
		t.Error("the output changed")
	}
	for _, p := range []string{"passwd", "hemlig.txt", "register.yaml", "ut", "hemlig", "om/kopia"} {
		if _, err := os.Stat(filepath.Join(out, p)); err == nil {
			t.Errorf("%s is published", p)
		}
	}
}
