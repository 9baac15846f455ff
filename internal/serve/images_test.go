package serve

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// jpegOf returns a JPEG of w × h pixels.
func jpegOf(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 7), uint8(y * 3), uint8(x ^ y), 0xff})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestLargePhotoShowsAtOnce is a photo added beside a news item, as the
// week of a communicator has it: the page shows at once with the original
// in place of the smaller copies, which follow in the background (then
// the page reloads). Used without alt text, the problem is that page's
// alone, and names the file the editor added and its Markdown line, not
// the copy that stands in for it (seminarium-foto.1600.jpg).
func TestLargePhotoShowsAtOnce(t *testing.T) {
	dir := sitetest.Parse(t, baseSite+"-- content/nyheter/_index.md --\n---\ntitle: Nyheter\n---\n-- content/nyheter/seminarium.md --\n---\ntitle: Seminarium\n---\nText.\n").Dir(t)
	made := make(chan error, 4)
	s, err := Start(Options{Dir: dir, Addr: "127.0.0.1:0", Site: site.Options{Features: all.Features(), Root: os.DirFS(dir), Now: sitetest.Today},
		ImagesMade: func(err error) { made <- err }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	events := subscribe(t, s)
	photo := jpegOf(t, 2400, 1800)
	if err := os.WriteFile(filepath.Join(dir, "content/nyheter/seminarium-foto.jpg"), photo, 0o644); err != nil {
		t.Fatal(err)
	}
	waitReload(t, events)
	writeFile(t, filepath.Join(dir, "content/nyheter/seminarium.md"), "---\ntitle: Seminarium\ndate: 2026-11-20\n---\nText.\n\n![](seminarium-foto.jpg)\n")
	waitReload(t, events)

	code, body := get(t, s.URL()+"nyheter/seminarium/")
	if code != 200 {
		t.Fatalf("the page with the photo: %d\n%s", code, body)
	}
	sitetest.CheckHTML(t, "the page with the photo", body,
		sitetest.In(".dev-problems__pos code", sitetest.HasText("content/nyheter/seminarium.md:7:1")),
		sitetest.In(".dev-problems__msg", sitetest.HasTextContaining("bilden seminarium-foto.jpg saknar alternativtext")),
		sitetest.In(".dev-problems ol > li", sitetest.HasTextContaining("![Två personer vid ett bord](seminarium-foto.jpg)")),
		sitetest.In(`main img[src="/nyheter/seminarium-foto.1600.jpg"]`),
		// No message names the copy instead of the file the editor added.
		sitetest.None(".dev-problems", sitetest.HasTextContaining("bilden /nyheter/seminarium-foto.1600.jpg")),
		sitetest.None(".dev-problems", sitetest.HasTextContaining("](/nyheter/seminarium-foto.1600.jpg)")))
	if code, _ := get(t, s.URL()); code != 200 {
		t.Errorf("the start page: %d, want 200", code)
	}

	select {
	case err := <-made:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the smaller copies were not made within 60 s")
	}
	waitReload(t, events)
	_, copy1600 := get(t, s.URL()+"nyheter/seminarium-foto.1600.jpg")
	cfg, _, err := image.DecodeConfig(strings.NewReader(copy1600))
	if err != nil || cfg.Width != 1600 {
		t.Errorf("after the copies are made, /nyheter/seminarium-foto.1600.jpg is %d px wide (%v), want 1600", cfg.Width, err)
	}
	// A save of the text keeps the copies: they are made once.
	writeFile(t, filepath.Join(dir, "content/nyheter/seminarium.md"), "---\ntitle: Seminarium\ndate: 2026-11-20\n---\nText.\n\n![Två personer vid ett bord](seminarium-foto.jpg)\n")
	waitReload(t, events)
	_, copy1600 = get(t, s.URL()+"nyheter/seminarium-foto.1600.jpg")
	if cfg, _, err := image.DecodeConfig(strings.NewReader(copy1600)); err != nil || cfg.Width != 1600 {
		t.Errorf("after a save of the text the copy is %d px wide (%v), want 1600 at once", cfg.Width, err)
	}
}
