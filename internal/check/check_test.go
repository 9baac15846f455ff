package check

import (
	"context"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"hbtq/internal/diag"
	"hbtq/internal/site"
)

var now = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// siteFS is the repository's settings and layouts with the archive's files.
func siteFS(t *testing.T, files []txtar.File) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := os.DirFS("../..")
	fs.WalkDir(root, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(root, p)
			m[p] = &fstest.MapFile{Data: b}
		}
		return nil
	})
	b, _ := fs.ReadFile(root, "site.yaml")
	m["site.yaml"] = &fstest.MapFile{Data: b}
	for _, f := range files {
		if f.Name != "want" {
			m[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return m
}

func inspect(t *testing.T, fsys fs.FS) *site.Report {
	t.Helper()
	r, err := site.Inspect(context.Background(), site.Options{Root: fsys, Now: now})
	if err != nil {
		t.Fatalf("the site does not build:\n%v", err)
	}
	t.Cleanup(func() { os.RemoveAll(filepath.Dir(r.Out)) })
	return r
}

func TestRules(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var want string
			for _, f := range ar.Files {
				if f.Name == "want" {
					want = strings.TrimSpace(string(f.Data))
				}
			}
			_, err = Run(context.Background(), inspect(t, siteFS(t, ar.Files)), Options{})
			have := ""
			if err != nil {
				have = diag.Errors(err).Error()
			}
			if d := cmp.Diff(want, have); d != "" {
				t.Errorf("problems (-want +have):\n%s", d)
			}
		})
	}
}

func TestExternal(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/finns":
			w.WriteHeader(200)
		case "/bara-get":
			if r.Method == http.MethodHead {
				w.WriteHeader(http.StatusMethodNotAllowed)
				return
			}
			w.WriteHeader(200)
		default:
			w.WriteHeader(404)
		}
	}))
	defer srv.Close()
	page := "---\ntitle: Start\n---\n[Finns](" + srv.URL + "/finns) [Bara GET](" + srv.URL + "/bara-get) [Borta](" + srv.URL + "/borta)\n"
	r := inspect(t, siteFS(t, []txtar.File{{Name: "content/_index.md", Data: []byte(page)}}))
	sum, err := Run(context.Background(), r, Options{External: true})
	want := "content/_index.md:4:" + itoa(len("[Finns]("+srv.URL+"/finns) [Bara GET]("+srv.URL+"/bara-get) ")+1) + ": the external link " + srv.URL + "/borta answers 404 Not Found"
	if err == nil || diag.Errors(err).Error() != want {
		t.Errorf("have %v\nwant %s", err, want)
	}
	if sum.External != 3 {
		t.Errorf("asked %d addresses, want 3", sum.External)
	}
}

func itoa(n int) string { return fmtInt(n) }

func fmtInt(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

// TestSample: the sample site has no problems.
func TestSample(t *testing.T) {
	r := inspect(t, os.DirFS("../.."))
	if _, err := Run(context.Background(), r, Options{}); err != nil {
		t.Errorf("the sample site has problems:\n%v", err)
	}
}
