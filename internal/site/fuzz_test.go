package site_test

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/publish"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// FuzzBuild builds random small sites: a txtar archive of pages,
// registries, front matter, static files and file names, laid over the
// theme. Whatever the site says, the build does not panic, its problems
// print, and a failed build leaves the published output exactly as it was
// with nothing beside it. The seeds are every fixture of the package's
// testdata/; crashers the fuzzer finds are kept in testdata/fuzz/FuzzBuild.
//
//	go test -run XXX -fuzz FuzzBuild -fuzztime 10m ./internal/site/
func FuzzBuild(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	more, _ := filepath.Glob("testdata/*/*.txtar")
	for _, file := range append(files, more...) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, archive string) {
		s := sitetest.Parse(t, archive)
		sane(s)
		out := filepath.Join(t.TempDir(), "public")
		published := map[string]string{"index.html": "den publicerade webbplatsen"}
		for name, text := range published {
			if err := os.MkdirAll(out, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := publish.WriteMarker(out); err != nil {
			t.Fatal(err)
		}
		marker, _ := os.ReadFile(filepath.Join(out, publish.Marker))
		published[publish.Marker] = string(marker)
		_, err := site.Build(context.Background(), s.Options(out))
		beside, _ := os.ReadDir(filepath.Dir(out))
		if len(beside) != 1 {
			t.Errorf("the build left %d entries beside the output", len(beside)-1)
		}
		if err == nil {
			for _, name := range []string{publish.Marker, "404.html", "sitemap.xml", "_headers"} {
				if _, err := os.Stat(filepath.Join(out, name)); err != nil {
					t.Errorf("a successful build wrote no %s: %v", name, err)
				}
			}
			return
		}
		diag.Format(io.Discard, err, site.Source(s.Files))
		have := map[string]string{}
		filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(out, p)
				have[filepath.ToSlash(rel)] = string(b)
			}
			return nil
		})
		if len(have) != len(published) {
			t.Errorf("a failed build changed the output: it holds %d files, want %d", len(have), len(published))
		}
		for name, text := range published {
			if have[name] != text {
				t.Errorf("a failed build changed %s to %q", name, have[name])
			}
		}
	})
}

// sane removes the files a folder on disk cannot hold: invalid paths, and
// files whose path is also a folder of another file.
func sane(s *sitetest.Site) {
	for name := range s.Files {
		if !fs.ValidPath(name) || name == "." {
			delete(s.Files, name)
		}
	}
	for name := range s.Files {
		for dir := name; strings.Contains(dir, "/"); {
			dir = dir[:strings.LastIndex(dir, "/")]
			delete(s.Files, dir)
		}
	}
}
