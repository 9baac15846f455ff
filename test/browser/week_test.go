package browser

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/publish"
	devserver "github.com/hbtq-diplomering/webbplats/internal/serve"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// week is the site root a scripted week edits, and its dev server.
type week struct {
	t   *testing.T
	dir string
	srv *devserver.Server

	mu   sync.Mutex
	last time.Time // when the dev server last built or made images
}

func (w *week) event() {
	w.mu.Lock()
	w.last = time.Now()
	w.mu.Unlock()
}

// quiet waits until the dev server has not built for a moment, so that no
// reload interrupts the page the browser is about to open.
func (w *week) quiet() {
	for {
		w.mu.Lock()
		since := time.Since(w.last)
		w.mu.Unlock()
		if since > 400*time.Millisecond {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (w *week) write(rel, text string) {
	w.t.Helper()
	p := filepath.Join(w.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		w.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		w.t.Fatal(err)
	}
}

func (w *week) replace(rel, old, new string) {
	w.t.Helper()
	data, err := os.ReadFile(filepath.Join(w.dir, filepath.FromSlash(rel)))
	if err != nil {
		w.t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		w.t.Fatalf("%s does not contain %q", rel, old)
	}
	w.write(rel, strings.Replace(string(data), old, new, 1))
}

func (w *week) remove(rel string) {
	w.t.Helper()
	if err := os.Remove(filepath.Join(w.dir, filepath.FromSlash(rel))); err != nil {
		w.t.Fatal(err)
	}
}

// fresh builds the files on disk anew, as go run ./cmd/build does, into
// a new folder: its path, or the build's problems.
func (w *week) fresh() (string, error) {
	out := filepath.Join(w.t.TempDir(), "public")
	_, err := site.Build(context.Background(), site.Options{Features: all.Features(), Root: os.DirFS(w.dir), Out: out, Now: sitetest.Today})
	return out, err
}

const reloadTag = `<script type="module" src="/_dev/reload.js"></script>`

// differs returns how what the dev server serves differs from the built
// folder out, file by file and byte for byte (the reload script the dev
// server adds to each page aside), or "" when it does not.
func (w *week) differs(out string) string {
	var diffs []string
	fs.WalkDir(os.DirFS(out), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == "_headers" || p == "_redirects" || p == publish.Marker || p == "404.html" {
			return nil
		}
		addr := "/" + p
		if strings.HasSuffix(p, "index.html") {
			addr = "/" + strings.TrimSuffix(p, "index.html")
		}
		want, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		resp, err := http.Get(strings.TrimSuffix(w.srv.URL(), "/") + (&url.URL{Path: addr}).EscapedPath())
		if err != nil {
			diffs = append(diffs, fmt.Sprintf("%s: %v", addr, err))
			return nil
		}
		have, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		have = bytes.Replace(have, []byte(reloadTag), nil, 1)
		if resp.StatusCode != 200 || !bytes.Equal(have, want) {
			diffs = append(diffs, fmt.Sprintf("%s: %d, %d bytes, want 200, %d bytes like the build", addr, resp.StatusCode, len(have), len(want)))
		}
		return nil
	})
	if len(diffs) > 5 {
		diffs = append(diffs[:5], fmt.Sprintf("and %d more", len(diffs)-5))
	}
	return strings.Join(diffs, "\n")
}

// pageText is what a reader sees of the page at u: its title and the text
// of its main part.
func pageText(t *testing.T, ctx context.Context, u string) string {
	t.Helper()
	open(t, ctx, u)
	return eval[string](t, ctx, `document.title + "\n" + (document.querySelector("main") || document.body).innerText`)
}

// weekPNG is a photo-like image beside a page, wide enough for copies.
func weekPNG(t *testing.T) string {
	img := image.NewRGBA(image.Rect(0, 0, 900, 600))
	for x := range 900 {
		for y := range 600 {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 0x80, 0xff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestWeekThroughServe is a communicator's week in the dev server, in
// Chromium: a new page, a news item, an image beside a page, a new unit,
// a moved and a cancelled seminar session, a deleted page, each first
// with a mistake and then with its fix, by real edits on disk. After each
// mistake the browser shows it at its place (file:line:col) where it
// belongs: in the panel of the page it concerns, while the rest of the
// site works, or on the error page when it stops the whole site; each
// problem a fresh build reports is shown. After each fix every file the
// dev server serves is, byte for byte, what a fresh build writes, and the
// page reads the same in the browser as the build served as on Netlify.
func TestWeekThroughServe(t *testing.T) {
	need(t)
	dir := sitetest.Load(t, "testdata/week.txtar").Dir(t)
	w := &week{t: t, dir: dir}
	srv, err := devserver.Start(devserver.Options{Dir: dir, Addr: "127.0.0.1:0",
		Site:       site.Options{Features: all.Features(), Root: os.DirFS(dir), Now: sitetest.Today},
		Built:      func(site.Stats, error) { w.event() },
		ImagesMade: func(error) { w.event() },
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	w.srv = srv
	ctx := browser(t, 375)
	png := weekPNG(t)

	steps := []struct {
		name     string
		edit     func()
		page     string // the address the step is about
		siteWide bool   // a mistake that stops the whole site
		mistake  bool
		sees     string // for a fix: what the page then says
	}{
		{"a new page with a dead link", func() {
			w.write("content/om/ny-sida.md", "---\ntitle: En ny sida\n---\nLäs om [priset](/pris-och-villkor/).\n")
		}, "/om/ny-sida/", false, true, ""},
		{"the new page's link fixed", func() {
			w.replace("content/om/ny-sida.md", "/pris-och-villkor/", "/om/pris/")
		}, "/om/ny-sida/", false, false, "Läs om priset"},
		{"a news item without a date", func() {
			w.write("content/nyheter/seminariet.md", "---\ntitle: Seminariet hölls\n---\nTack till alla som kom.\n")
		}, "/nyheter/seminariet/", false, true, ""},
		{"the news item dated", func() {
			w.replace("content/nyheter/seminariet.md", "title: Seminariet hölls\n", "title: Seminariet hölls\ndate: 2026-11-20\n")
		}, "/nyheter/seminariet/", false, false, "Tack till alla som kom."},
		{"an image beside a page, without alt text", func() {
			w.write("content/om/bild.png", png)
			w.replace("content/om/pris.md", "## Pris\n", "![](bild.png)\n\n## Pris\n")
		}, "/om/pris/", false, true, ""},
		{"the image described", func() {
			w.replace("content/om/pris.md", "![](bild.png)", "![Två personer vid ett bord](bild.png)")
		}, "/om/pris/", false, false, "Pris"},
		{"a new unit with a date that does not exist", func() {
			w.replace("content/verksamheter/region-test.yaml", "units:\n", "units:\n  - id: mottagningen-ny\n    name: Mottagningen Ny\n    kommun: Jönköping\n    kind: vårdcentral\n    certified: 2026-13-02\n")
		}, "/verksamheter/", true, true, ""},
		{"the unit's date fixed", func() {
			w.replace("content/verksamheter/region-test.yaml", "certified: 2026-13-02", "certified: 2026-11-02")
		}, "/verksamheter/mottagningen-ny/", false, false, "Mottagningen Ny"},
		{"a session moved to a day that does not exist", func() {
			w.replace("content/seminarier/digitalt.md", "date: 2027-03-16", "date: 2027-02-30")
		}, "/seminarier/digitalt/", true, true, ""},
		{"the session moved to a real day", func() {
			w.replace("content/seminarier/digitalt.md", "date: 2027-02-30", "date: 2027-03-23")
		}, "/seminarier/digitalt/", false, false, "Digitalt seminarium"},
		{"a session cancelled and full at once", func() {
			w.replace("content/seminarier/digitalt.md", `end: "15:00", online: true}`, `end: "15:00", online: true, full: true, cancelled: true}`)
		}, "/seminarier/digitalt/", true, true, ""},
		{"the session only cancelled", func() {
			w.replace("content/seminarier/digitalt.md", "full: true, cancelled: true", "cancelled: true")
		}, "/seminarier/digitalt/", false, false, "Digitalt seminarium"},
		{"a page deleted that another links to", func() {
			w.remove("content/om/sa-gar-det-till.md")
		}, "/om/pris/", false, true, ""},
		{"the link to the deleted page removed", func() {
			w.replace("content/om/pris.md", "Läs mer om [hur det går till](sa-gar-det-till.md).", "Hör av dig om du undrar hur det går till.")
		}, "/om/pris/", false, false, "Hör av dig om du undrar"},
	}
	for _, st := range steps {
		st.edit()
		out, err := w.fresh()
		if st.mistake {
			if err == nil {
				t.Fatalf("%s: a fresh build does not fail; the step tests nothing", st.name)
			}
			w.seesMistake(ctx, st.name, st.page, st.siteWide, diag.Errors(err))
			continue
		}
		if err != nil {
			t.Fatalf("%s: a fresh build fails:\n%v", st.name, err)
		}
		w.seesBuild(ctx, st.name, st.page, out, st.sees)
	}
}

// seesMistake waits until the dev server shows the problems errs of a
// fresh build on the page at addr (or, when siteWide, on the error page),
// and checks that the browser shows each at its place.
func (w *week) seesMistake(ctx context.Context, step, addr string, siteWide bool, errs diag.List) {
	t := w.t
	t.Helper()
	u := strings.TrimSuffix(w.srv.URL(), "/") + addr
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		want := 200
		if siteWide {
			want = 500
		}
		shown := resp.StatusCode == want
		for _, e := range errs {
			shown = shown && bytes.Contains(body, []byte(e.Pos()))
		}
		if shown {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: after 30 s %s answers %d, want %d with the problems\n%s\nit says:\n%s", step, addr, resp.StatusCode, want, errs, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
	w.quiet()
	open(t, ctx, u)
	sel := "section.dev-problems"
	if siteWide {
		sel = "main"
	}
	text := eval[string](t, ctx, `(document.querySelector(`+mustJSON(sel)+`) || document.body).innerText`)
	for _, e := range errs {
		if !strings.Contains(text, e.Pos()) || !strings.Contains(text, e.Msg.String()) {
			t.Errorf("%s: the browser does not show %s: %s on %s; it shows:\n%s", step, e.Pos(), e.Msg, addr, text)
		}
	}
	if !siteWide {
		// The rest of the site works, without the page's problems.
		resp, err := http.Get(w.srv.URL())
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: the start page answers %d, want 200 without a panel", step, resp.StatusCode)
		}
		sitetest.CheckHTML(t, step+": the start page", string(body), sitetest.None(".dev-problems"))
	}
}

// seesBuild waits until the dev server serves exactly the files of the
// fresh build out, and checks that the page at addr reads the same in the
// browser as the build served as on Netlify, and says sees.
func (w *week) seesBuild(ctx context.Context, step, addr, out, sees string) {
	t := w.t
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		d := w.differs(out)
		if d == "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: after 60 s the dev server does not serve what a fresh build writes:\n%s", step, d)
		}
		time.Sleep(200 * time.Millisecond)
	}
	built, err := serve(out)
	if err != nil {
		t.Fatal(err)
	}
	w.quiet()
	have := pageText(t, ctx, strings.TrimSuffix(w.srv.URL(), "/")+addr)
	want := pageText(t, ctx, built.url+addr)
	if have != want {
		t.Errorf("%s: %s reads in the dev server\n%s\nand in the build\n%s", step, addr, have, want)
	}
	if !strings.Contains(have, sees) {
		t.Errorf("%s: %s does not say %q:\n%s", step, addr, sees, have)
	}
}
