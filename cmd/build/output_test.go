package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputRefused: -out may not name the site root, a folder holding it,
// a folder of its sources or somebody else's files; the build refuses
// before it writes anything, and deletes nothing.
func TestOutputRefused(t *testing.T) {
	dir := tinySite(t, "---\ntitle: Start\n---\nHej\n")
	os.MkdirAll(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "HEAD"), []byte("ref: refs/heads/main\n"), 0o644)
	photos := filepath.Join(t.TempDir(), "foton")
	os.MkdirAll(photos, 0o755)
	os.WriteFile(filepath.Join(photos, "semester.jpg"), []byte("jpeg"), 0o644)
	t.Chdir(dir)
	for _, tc := range []struct {
		out, want string
	}{
		{".", "-out .: det är webbplatsens rotmapp"},
		{dir, "-out " + dir + ": det är webbplatsens rotmapp"},
		{"..", "-out ..: webbplatsens rotmapp ligger i den mappen"},
		{"content", "-out content: mappen ligger i content/"},
		{"layouts/ut", "-out layouts/ut: mappen ligger i layouts/"},
		{"static", "-out static: mappen ligger i static/"},
		{".git", "-out .git: mappen har filer i sig men är inte skriven av bygget"},
		{photos, "-out " + photos + ": mappen har filer i sig men är inte skriven av bygget"},
	} {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), []string{"-out", tc.out}, &stdout, &stderr)
		if err != errReported || !strings.HasPrefix(stderr.String(), tc.want) {
			t.Errorf("-out %s: %v, %q, want %q", tc.out, err, stderr.String(), tc.want)
		}
	}
	for _, p := range []string{"site.yaml", "content/_index.md", "layouts/base.html", ".git/HEAD", filepath.Join(photos, "semester.jpg")} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s is gone after the refused builds: %v", p, err)
		}
	}
	for _, d := range []string{dir, filepath.Dir(dir)} {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp-") || strings.Contains(e.Name(), ".old") || e.Name() == "public" {
				t.Errorf("a refused build left %s in %s", e.Name(), d)
			}
		}
	}
}

// TestOutputEmptyOrMissing: an empty or missing folder may be the output,
// and after that the build may replace it again.
func TestOutputEmptyOrMissing(t *testing.T) {
	dir := tinySite(t, "---\ntitle: Start\n---\nHej\n")
	empty := filepath.Join(t.TempDir(), "tom")
	os.Mkdir(empty, 0o755)
	for _, out := range []string{empty, filepath.Join(t.TempDir(), "ny", "ut")} {
		for range 2 {
			var stdout, stderr bytes.Buffer
			if err := run(context.Background(), []string{"-root", dir, "-out", out}, &stdout, &stderr); err != nil {
				t.Fatalf("-out %s: %v\n%s", out, err, stderr.String())
			}
			if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
				t.Error(err)
			}
		}
	}
}
