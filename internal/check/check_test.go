package check

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"hbtq/internal/diag"
	"hbtq/internal/site"
)

var update = flag.Bool("update", false, "rewrite the want files of testdata/*.txtar")

// now is the day every test build treats as today.
var now = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// repoRoot is the sample site at the top of the repository.
const repoRoot = "../.."

// siteFS returns the repository's settings, layouts and static files with
// the archive's files laid over them. Content comes from the archive, and
// the accessibility statement that the footer links to.
func siteFS(t *testing.T, files []txtar.File) fstest.MapFS {
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
	data, err := fs.ReadFile(root, "site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m["site.yaml"] = &fstest.MapFile{Data: data}
	m["content/tillganglighet.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Tillgänglighet\n---\n")}
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
	t.Cleanup(func() { r.Close() })
	return r
}

// TestRules checks each site under testdata: its problems must be exactly
// the lines of its "want" file (go test -update rewrites them).
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
			want, i := "", -1
			for j, f := range ar.Files {
				if f.Name == "want" {
					want, i = strings.TrimSpace(string(f.Data)), j
				}
			}
			if i < 0 {
				t.Fatal("the archive has no want file")
			}
			_, err = Run(context.Background(), inspect(t, siteFS(t, ar.Files)), Options{})
			have := ""
			if err != nil {
				have = diag.Errors(err).Error()
			}
			if *update {
				ar.Files[i].Data = []byte(have + "\n")
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if d := cmp.Diff(want, have); d != "" {
				t.Errorf("problems (-want +have):\n%s", d)
			}
		})
	}
}

// TestSample: the sample site at the top of the repository has no problems.
func TestSample(t *testing.T) {
	r := inspect(t, os.DirFS(repoRoot))
	sum, err := Run(context.Background(), r, Options{})
	if err != nil {
		var b bytes.Buffer
		diag.Format(&b, err, site.Source(os.DirFS(repoRoot)))
		t.Errorf("the sample site has problems:\n%s", b.String())
	}
	if sum.Pages < 10 || sum.Links < 100 {
		t.Errorf("checked only %s", sum)
	}
}

// TestLocked: the check leaves the published folder alone and removes
// its temporary folder.
func TestClose(t *testing.T) {
	r, err := site.Inspect(context.Background(), site.Options{Root: siteFS(t, []txtar.File{{Name: "content/_index.md", Data: []byte("---\ntitle: Start\n---\n")}}), Out: "must-not-be-used", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(r.Dir, "index.html")); err != nil {
		t.Errorf("the site was not built into %s: %v", r.Dir, err)
	}
	if _, err := os.Stat("must-not-be-used"); err == nil {
		os.RemoveAll("must-not-be-used")
		t.Error("Inspect wrote into opt.Out")
	}
	r.Close()
	if _, err := os.Stat(r.Dir); err == nil {
		t.Errorf("%s is left after Close", r.Dir)
	}
}

// TestExternal asks a local server: each address once, at most four at a
// time, HEAD then GET, and every kind of failure reported at its line.
func TestExternal(t *testing.T) {
	var (
		mu             sync.Mutex
		asked          = map[string]int{}
		inFlight, most atomic.Int32
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		mu.Lock()
		asked[r.Method+" "+r.URL.Path]++
		mu.Unlock()
		switch {
		case strings.HasPrefix(r.URL.Path, "/ok"):
			time.Sleep(20 * time.Millisecond)
		case r.URL.Path == "/bara-get" && r.Method == http.MethodHead:
			w.WriteHeader(http.StatusMethodNotAllowed)
		case r.URL.Path == "/bara-get":
		case r.URL.Path == "/trasig":
			w.WriteHeader(http.StatusInternalServerError)
		case r.URL.Path == "/seg":
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer srv.Close()
	// A port nobody listens on: connection refused.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/"
	l.Close()

	var page strings.Builder
	page.WriteString("---\ntitle: Start\n---\n")
	for i := range 8 {
		fmt.Fprintf(&page, "- [Sida %d](%s/ok%d)\n", i, srv.URL, i)
	}
	fmt.Fprintf(&page, "- [Samma sida igen](%s/ok0#del)\n", srv.URL)
	fmt.Fprintf(&page, "- [Bara GET](%s/bara-get)\n", srv.URL)
	fmt.Fprintf(&page, "- [Borta](%s/borta)\n", srv.URL)
	fmt.Fprintf(&page, "- [Trasig](%s/trasig)\n", srv.URL)
	fmt.Fprintf(&page, "- [Seg](%s/seg)\n", srv.URL)
	fmt.Fprintf(&page, "- [Stängd](%s)\n", closed)
	r := inspect(t, siteFS(t, []txtar.File{{Name: "content/_index.md", Data: []byte(page.String())}}))
	sum, err := Run(context.Background(), r, Options{External: true, Timeout: 500 * time.Millisecond})
	want := strings.Join([]string{
		"content/_index.md:14:3: the external link " + srv.URL + "/borta answers 404 Not Found (the page may have moved: find its new address, or remove the link)",
		"content/_index.md:15:3: the external link " + srv.URL + "/trasig answers 500 Internal Server Error",
		"content/_index.md:16:3: the external link " + srv.URL + "/seg does not work: no answer within 500ms (check the address in a browser; if the site has moved or closed, link to another)",
		"content/_index.md:17:3: the external link " + closed + " does not work: the server refuses the connection (check the address in a browser; if the site has moved or closed, link to another)",
	}, "\n")
	if err == nil {
		t.Fatal("no problems")
	}
	if d := cmp.Diff(want, diag.Errors(err).Error()); d != "" {
		t.Errorf("problems (-want +have):\n%s", d)
	}
	if sum.External != 13 {
		t.Errorf("asked %d addresses, want 13", sum.External)
	}
	for _, k := range []string{"HEAD /ok0", "HEAD /bara-get", "GET /bara-get", "HEAD /borta", "GET /borta"} {
		if asked[k] != 1 {
			t.Errorf("%s asked %d times, want once", k, asked[k])
		}
	}
	if asked["GET /ok0"] != 0 {
		t.Errorf("GET /ok0 asked after a good HEAD")
	}
	if m := most.Load(); m > 4 {
		t.Errorf("%d requests at once, want at most 4", m)
	}
}
