package serve

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// syncBuffer is a bytes.Buffer the server's goroutines may write to while
// a test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// take returns what was written since the last take.
func (b *syncBuffer) take() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.buf.String()
	b.buf.Reset()
	return s
}

// pngOfSize returns a PNG of w × h pixels.
func pngOfSize(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, h/2, color.RGBA{200, 30, 90, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestTerminalListsEveryProblem: the terminal of serve lists every
// problem as path:line:col: message with its line, like check, not only how
// many pages have problems; a failed build lists its problems the same
// way; the notes name what they are about (here a large image), and are
// printed again only when they change. A note about what a page shows is
// in that page's panel too.
func TestTerminalListsEveryProblem(t *testing.T) {
	dir := newSite(t)
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nmenu: main\n---\nLäs om [priset](/pris/).\n\n![](stor.png)\n")
	if err := os.WriteFile(filepath.Join(dir, "content/stor.png"), pngOfSize(t, 3200, 20), 0o644); err != nil {
		t.Fatal(err)
	}
	var log syncBuffer
	s, err := Start(Options{Dir: dir, Addr: "127.0.0.1:0", Log: &log, Site: site.Options{Features: all.Features(), Root: os.DirFS(dir), Now: sitetest.Today}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.waitImages()
	out := log.take()
	for _, want := range []string{
		"content/om.md:5:8: länken /pris/ leder ingenstans",
		"  5 | Läs om [priset](/pris/).",
		"content/om.md:7:1: bilden stor.png saknar alternativtext",
		"2 problem ovan, på 1 sida: varje sida visar sina egna i en ruta överst",
		"bilden content/stor.png är stor (3200 × 20 pixlar)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the terminal lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "varje sida,") || strings.Contains(out, "överst på varje sida") {
		t.Errorf("the terminal reads as if every page had the problems:\n%s", out)
	}

	// The page's panel has the note too, under its problems.
	_, body := get(t, s.URL()+"om/")
	sitetest.CheckHTML(t, "/om/", body,
		sitetest.In(".dev-problems ol + h3", sitetest.HasText("Bra att veta om den här sidan (stoppar inte bygget)")),
		sitetest.In(".dev-problems h3 + ul .dev-problems__msg", sitetest.HasTextContaining("bilden content/stor.png är stor (3200 × 20 pixlar)")))
	_, home := get(t, s.URL())
	sitetest.CheckHTML(t, "the start page, which does not show the image", home, sitetest.None(".dev-problems"))

	events := subscribe(t, s)
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nweight: tre\n---\n![En bild](stor.png)\n")
	waitReload(t, events)
	out = log.take()
	for _, want := range []string{"content/om.md:3:9: weight måste vara ett heltal", "  3 | weight: tre", "bygget misslyckades: 1 problem"} {
		if !strings.Contains(out, want) {
			t.Errorf("after a failed build the terminal lacks %q:\n%s", want, out)
		}
	}
	writeFile(t, filepath.Join(dir, "content/om.md"), "---\ntitle: Om\nweight: 3\n---\n![En bild](stor.png)\n")
	waitReload(t, events)
	if out = log.take(); strings.Contains(out, "är stor") {
		t.Errorf("the same note is printed again:\n%s", out)
	}
	// Without problems the panel is the note alone.
	_, body = get(t, s.URL()+"om/")
	sitetest.CheckHTML(t, "the panel of a page with a note and no problem", body,
		sitetest.In(".dev-problems h2#dev-problems-rubrik", sitetest.HasText("Bra att veta om den här sidan (stoppar inte bygget)")),
		sitetest.None(".dev-problems ol"), sitetest.None(".dev-problems", sitetest.HasTextContaining("stoppar bygget (")))
}
