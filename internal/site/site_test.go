package site

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"hbtq/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// now is the day every test build treats as today.
var now = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// repoRoot is the sample site at the top of the repository.
const repoRoot = "../.."

// siteFS returns the repository's settings, layouts and static files with
// the files of the archive laid over them. Content comes from the archive only.
func siteFS(t *testing.T, ar *txtar.Archive) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := os.DirFS(repoRoot)
	for _, dir := range []string{"layouts", "static"} {
		err := fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, p)
			m[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	data, err := fs.ReadFile(root, ConfigFile)
	if err != nil {
		t.Fatal(err)
	}
	m[ConfigFile] = &fstest.MapFile{Data: data}
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "content/") || strings.HasPrefix(f.Name, "layouts/") || strings.HasPrefix(f.Name, "static/") || f.Name == ConfigFile {
			m[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return m
}

func archiveFile(ar *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// TestErrors builds each site under testdata/errors, which must fail with
// exactly the problems in its "want" file and leave the output untouched.
func TestErrors(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.txtar")
	if len(files) == 0 {
		t.Fatal("no test cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, ok := archiveFile(ar, "want")
			if !ok {
				t.Fatal("the archive has no want file")
			}
			out := filepath.Join(t.TempDir(), "public")
			if err := os.MkdirAll(out, 0o755); err != nil {
				t.Fatal(err)
			}
			sentinel := filepath.Join(out, "index.html")
			if err := os.WriteFile(sentinel, []byte("the published site"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = Build(context.Background(), Options{Root: siteFS(t, ar), Out: out, Now: now})
			if err == nil {
				t.Fatal("the build succeeded; want it to fail")
			}
			have := diag.Errors(err).Error()
			// {{layouts}} stands for the names of the repository's layouts.
			names, _ := filepath.Glob(filepath.Join(repoRoot, "layouts", "*.html"))
			var list []string
			for _, n := range names {
				if b := strings.TrimSuffix(filepath.Base(n), ".html"); b != "base" {
					list = append(list, b)
				}
			}
			wantText := strings.ReplaceAll(strings.TrimSpace(string(want)), "{{layouts}}", strings.Join(list, ", "))
			if d := cmp.Diff(wantText, have); d != "" {
				t.Errorf("errors (-want +have):\n%s", d)
			}
			// The published site is untouched and nothing is left beside it.
			entries, _ := os.ReadDir(out)
			if len(entries) != 1 {
				t.Errorf("the output folder has %d entries after a failed build, want only the old index.html", len(entries))
			}
			if b, _ := os.ReadFile(sentinel); string(b) != "the published site" {
				t.Errorf("the published index.html was changed to %q", b)
			}
			siblings, _ := os.ReadDir(filepath.Dir(out))
			if len(siblings) != 1 {
				var names []string
				for _, s := range siblings {
					names = append(names, s.Name())
				}
				t.Errorf("left beside the output: %v", names)
			}
		})
	}
}

// TestOK builds each site under testdata/ok; every line of a file
// "contains/<path>" must occur in the output file <path>, and each line of
// "absent" names a file that must not exist.
func TestOK(t *testing.T) {
	files, _ := filepath.Glob("testdata/ok/*.txtar")
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "public")
			if _, err := Build(context.Background(), Options{Root: siteFS(t, ar), Out: out, Now: now}); err != nil {
				t.Fatalf("build failed:\n%v", err)
			}
			for _, f := range ar.Files {
				switch {
				case strings.HasPrefix(f.Name, "contains/"):
					p := strings.TrimPrefix(f.Name, "contains/")
					data, err := os.ReadFile(filepath.Join(out, p))
					if err != nil {
						t.Errorf("%s: %v", p, err)
						continue
					}
					for _, line := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
						if !bytes.Contains(data, []byte(line)) {
							t.Errorf("%s does not contain %q; it is:\n%s", p, line, data)
						}
					}
				case f.Name == "absent":
					for _, p := range strings.Fields(string(f.Data)) {
						if _, err := os.Stat(filepath.Join(out, p)); err == nil {
							t.Errorf("%s exists; want it left out", p)
						}
					}
				}
			}
		})
	}
}

// buildSample builds the repository's sample site into a new folder.
func buildSample(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Root: os.DirFS(repoRoot), Out: out, Now: now}); err != nil {
		t.Fatalf("the sample site does not build:\n%v", err)
	}
	return out
}

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestDeterministic builds the sample site twice: the trees must be identical.
func TestDeterministic(t *testing.T) {
	a, b := readTree(t, buildSample(t)), readTree(t, buildSample(t))
	if len(a) < 10 {
		t.Fatalf("the sample site has only %d files", len(a))
	}
	if d := cmp.Diff(a, b); d != "" {
		t.Errorf("two builds differ (-first +second):\n%s", d)
	}
}

// TestGolden compares representative pages of the sample site with
// testdata/golden. Run go test ./internal/site -update to rewrite them.
func TestGolden(t *testing.T) {
	out := buildSample(t)
	for _, p := range []string{"index.html", "om/index.html", "om/pris/index.html", "tillganglighet/index.html", "404.html", "sitemap.xml", "robots.txt", "_redirects"} {
		have, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Error(err)
			continue
		}
		golden := filepath.Join("testdata/golden", strings.ReplaceAll(p, "/", "_"))
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, have, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%v (run go test ./internal/site -update)", err)
			continue
		}
		if d := cmp.Diff(string(want), string(have)); d != "" {
			t.Errorf("%s differs from %s (-want +have):\n%s", p, golden, d)
		}
	}
}

// TestSwapReplaces checks that a second build replaces the first: a page
// removed from the content disappears from the output.
func TestSwapReplaces(t *testing.T) {
	m := siteFS(t, &txtar.Archive{Files: []txtar.File{
		{Name: "content/_index.md", Data: []byte("---\ntitle: Start\n---\n")},
		{Name: "content/gammal.md", Data: []byte("---\ntitle: Gammal\n---\n")},
	}})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Root: m, Out: out, Now: now}); err != nil {
		t.Fatal(err)
	}
	delete(m, "content/gammal.md")
	if _, err := Build(context.Background(), Options{Root: m, Out: out, Now: now}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "gammal/index.html")); err == nil {
		t.Error("a removed page is still published")
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
}

// TestFingerprint checks that the stylesheet is published under a name
// carrying its hash and that pages refer to that name.
func TestFingerprint(t *testing.T) {
	out := buildSample(t)
	css, _ := filepath.Glob(filepath.Join(out, "assets", "style.*.css"))
	if len(css) != 1 {
		t.Fatalf("found %v, want one fingerprinted style.*.css", css)
	}
	name := path.Base(filepath.ToSlash(css[0]))
	data, _ := os.ReadFile(css[0])
	if want := fingerprint("style.css", data); name != want {
		t.Errorf("published as %s, but its content hashes to %s", name, want)
	}
	home, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !bytes.Contains(home, []byte(`href="/assets/`+name+`"`)) {
		t.Errorf("the home page does not link %s", name)
	}
}
