package site_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/rootfs"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// pngOf returns a PNG of w × h pixels.
func pngOf(t *testing.T, w, h int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, h/2, color.RGBA{200, 30, 90, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

const imagesSite = `-- content/_index.md --
---
title: Start
image: start.png
image_alt: En regnbåge över ett sjukhus
---
-- content/om/_index.md --
---
title: Om
---
-- content/om/pris.md --
---
title: Pris
image: liten.png
image_alt: En prislapp
---
![Två personer vid ett bord](bred.png "Illustratör: Kim Exempelsson")

Text med en liten bild ![En prick](liten.png) i raden.
-- content/om/bilder/index.md --
---
title: Bilder
---
![Ett stort foto](foto.png)
`

// TestImages: images beside a page and in a page folder are published with
// width and height; a wide PNG gets copies and srcset; a title becomes a
// caption; front-matter images show on cards and the start page; a very
// large original gets a note; a second build takes the copies from the cache.
func TestImages(t *testing.T) {
	s := sitetest.Parse(t, imagesSite)
	s.Write("content/start.png", pngOf(t, 600, 300))
	s.Write("content/om/liten.png", pngOf(t, 40, 30))
	s.Write("content/om/bred.png", pngOf(t, 1000, 500))
	s.Write("content/om/bilder/foto.png", pngOf(t, 3200, 100))
	cache := t.TempDir()
	opt := s.Options(filepath.Join(t.TempDir(), "public"))
	opt.ImageCache = cache
	o := buildWith(t, opt)
	o.Check("om/pris/index.html",
		sitetest.In(`main figure > img:first-child[src="/om/bred.png"]`,
			sitetest.HasAttr("alt", "Två personer vid ett bord"), sitetest.HasAttr("width", "1000"), sitetest.HasAttr("height", "500"),
			sitetest.HasAttr("srcset", "/om/bred.480.png 480w, /om/bred.800.png 800w, /om/bred.png 1000w"),
			sitetest.HasAttr("sizes", "(min-width: 44rem) 42rem, 100vw"), sitetest.HasAttr("loading", "lazy")),
		sitetest.In(`main figure > img[src="/om/bred.png"] + figcaption:last-child`, sitetest.HasText("Illustratör: Kim Exempelsson")),
		sitetest.In(`main img[src="/om/liten.png"]`,
			sitetest.HasAttr("alt", "En prick"), sitetest.HasAttr("width", "40"), sitetest.HasAttr("height", "30"), sitetest.HasAttr("loading", "lazy")),
		sitetest.None(`main img[src="/om/liten.png"][srcset]`))
	o.Check("om/bilder/index.html", sitetest.In(`main img[alt="Ett stort foto"]`,
		sitetest.HasAttr("src", "/om/bilder/foto.1600.png"), sitetest.HasAttr("width", "1600"), sitetest.HasAttr("height", "50"),
		sitetest.HasAttr("srcset", "/om/bilder/foto.480.png 480w, /om/bilder/foto.800.png 800w, /om/bilder/foto.1200.png 1200w, /om/bilder/foto.1600.png 1600w")))
	o.Check("om/index.html", sitetest.In("img.card__image",
		sitetest.HasAttr("src", "/om/liten.png"), sitetest.HasAttr("alt", "En prislapp"),
		sitetest.HasAttr("width", "40"), sitetest.HasAttr("height", "30"), sitetest.HasAttr("loading", "lazy")))
	o.Check("index.html", sitetest.In("img.hero__image",
		sitetest.HasAttr("src", "/start.png"), sitetest.HasAttr("alt", "En regnbåge över ett sjukhus"),
		sitetest.HasAttr("width", "600"), sitetest.HasAttr("height", "300"), sitetest.HasAttr("srcset", "/start.480.png 480w, /start.png 600w")))
	for _, f := range []string{"om/bred.png", "om/bred.480.png", "om/bred.800.png", "om/liten.png", "om/bilder/foto.png", "om/bilder/foto.1600.png"} {
		if !o.Has(f) {
			t.Errorf("%s is not published", f)
		}
	}
	if o.Has("om/bred.1200.png") {
		t.Error("a copy wider than the original is published")
	}
	cfg, _, err := image.DecodeConfig(strings.NewReader(o.Read("om/bred.800.png")))
	if err != nil || cfg.Width != 800 || cfg.Height != 400 {
		t.Errorf("om/bred.800.png is %d × %d (%v), want 800 × 400", cfg.Width, cfg.Height, err)
	}
	if want := "bilden content/om/bilder/foto.png är stor (3200 × 100 pixlar)"; !strings.Contains(fmt.Sprint(o.Stats.Notes), want) {
		t.Errorf("notes %q do not say %q", o.Stats.Notes, want)
	}
	// The copies are in the cache, each with the SHA-256 of its bytes.
	entries, _ := filepath.Glob(filepath.Join(cache, "*.png"))
	sums, _ := filepath.Glob(filepath.Join(cache, "*.png.sha256"))
	if len(entries) != 7 || len(sums) != 7 {
		t.Errorf("%d copies and %d sums in the cache, want 7 of each", len(entries), len(sums))
	}
	// A poisoned cache: every entry replaced by text. Nothing of it is
	// published; the copies are made again from the originals.
	for _, e := range entries {
		os.WriteFile(e, []byte("<html>från cachen"), 0o644)
	}
	opt.Out = filepath.Join(t.TempDir(), "public")
	o2 := buildWith(t, opt)
	if o2.Read("om/bred.800.png") != o.Read("om/bred.800.png") {
		t.Error("the second build published the poisoned entry instead of making the copy again")
	}
	// An entry that is what the build stored (its sum matches, its format
	// and size are right) is used as it is, without scaling again.
	stand := pngOf(t, 800, 400)
	for _, e := range entries {
		if strings.Contains(e, "-800.png") {
			os.WriteFile(e, []byte(stand), 0o644)
			sum := sha256.Sum256([]byte(stand))
			os.WriteFile(e+".sha256", []byte(hex.EncodeToString(sum[:])), 0o644)
		}
	}
	opt.Out = filepath.Join(t.TempDir(), "public")
	o3 := buildWith(t, opt)
	if o3.Read("om/bred.800.png") != stand {
		t.Error("the third build did not take the verified copy from the cache")
	}
}

// buildWith builds a site with options of the test's own.
func buildWith(t *testing.T, opt site.Options) *sitetest.Output {
	t.Helper()
	st, err := site.Build(context.Background(), opt)
	if err != nil {
		t.Fatalf("the site does not build:\n%v", err)
	}
	o := sitetest.Open(t, opt.Out)
	o.Stats = st
	return o
}

// TestImageErrors: an image that does not exist or cannot be read is an
// error at its line, and so is a card image without alt text.
func TestImageErrors(t *testing.T) {
	s := sitetest.Parse(t, `-- content/_index.md --
---
title: Start
image: saknas.png
---
![En bild som saknas](saknas.png)

![En trasig bild](trasig.png)
-- content/om.md --
---
title: Om
image: bild.png
---
-- content/bild.png --
-- content/trasig.png --
inte en bild
`)
	s.Write("content/bild.png", pngOf(t, 10, 10))
	_, err := s.BuildErr(t)
	if err == nil {
		t.Fatal("the build succeeded")
	}
	want := strings.Join([]string{
		"content/_index.md:3:8: bilden saknas.png finns inte (lägg bilden bredvid sidans Markdown-fil och skriv dess namn)",
		"content/_index.md:5:1: bilden saknas.png finns inte (lägg bilden bredvid sidans Markdown-fil, eller i static/, och skriv dess namn)",
		"content/_index.md:7:1: bilden trasig.png går inte att läsa som PNG (lägg bilden bredvid sidans Markdown-fil, eller i static/, och skriv dess namn)",
		"content/om.md:3:8: bilden bild.png saknar image_alt (beskriv bilden i image_alt:, som image_alt: Två personer vid ett bord)",
	}, "\n")
	if have := diag.Errors(err).Error(); have != want {
		t.Errorf("errors:\n%s\nwant:\n%s", have, want)
	}
}

// TestKindSynonyms: a kind's synonyms in site.yaml reach the directory's
// search index, so "högskolehälsa" finds the units of studenthälsa.
func TestKindSynonyms(t *testing.T) {
	s := sitetest.Parse(t, `-- site.yaml --
title: Hbtqi-diplomering
organisation: Region Exempel
kinds:
  - name: studenthälsa
    synonyms: [högskolehälsa]
-- content/_index.md --
---
title: Start
---
-- content/verksamheter/a.yaml --
organisation: Region Exempel
units:
  - {id: sh, name: Studenthälsan, kommun: Umeå, kind: studenthälsa, certified: 2025-01-02}
`)
	o := s.Build(t)
	found := false
	for name, data := range o.Files() {
		if strings.HasPrefix(name, "assets/verksamheter.") && strings.HasSuffix(name, ".json") {
			found = strings.Contains(data, "hogskolehalsa")
		}
	}
	if !found {
		t.Error("the search index does not hold the kind's synonym högskolehälsa")
	}
}

// headerPNG returns a PNG that is only a header declaring w × h pixels.
func headerPNG(w, h int) string {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	binary.Write(&b, binary.BigEndian, uint32(13))
	b.WriteString("IHDR")
	b.Write(ihdr)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte("IHDR"), ihdr...)))
	return b.String()
}

// TestImageLimits: a decompression bomb (a PNG declaring 30000 × 30000
// pixels), a truncated JPEG and a WebP whose header lies are errors at the
// lines of the page that shows them, naming the file and what to do; the
// bomb is refused at once and leaves nothing beside the output. A lower
// limit in site.yaml refuses a smaller image.
func TestImageLimits(t *testing.T) {
	s := sitetest.Parse(t, `-- site.yaml --
title: Hbtq-diplomering
organisation: Region Exempel
images:
  max_megapixels: 1
-- content/_index.md --
---
title: Start
image: bomb.png
image_alt: En bomb
---
![Ett trasigt foto](trasig.jpg)

![En WebP som ljuger](ljuger.webp)

![Ett stort foto](stor.png)
`)
	s.Write("content/bomb.png", headerPNG(30000, 30000))
	var jb bytes.Buffer
	jpeg.Encode(&jb, image.NewGray(image.Rect(0, 0, 300, 200)), nil)
	s.Write("content/trasig.jpg", jb.String()[:jb.Len()*2/3])
	s.Write("content/ljuger.webp", "RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00\x63\x00\x00\x63\x00\x00")
	s.Write("content/stor.png", pngOf(t, 1200, 900))
	parent := t.TempDir()
	opt := s.Options(filepath.Join(parent, "public"))
	start := time.Now()
	_, err := site.Build(context.Background(), opt)
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("the build took %v", took)
	}
	if err == nil {
		t.Fatal("the build succeeded")
	}
	want := strings.Join([]string{
		"content/_index.md:3:8: bilden bomb.png är 30000 × 30000 pixlar, mer än bygget läser (högst 1 megapixlar) (gör bilden mindre i ett bildprogram, till exempel 2000 pixlar bred, och lägg in den igen; images: max_megapixels: i site.yaml höjer gränsen)",
		"content/_index.md:6:1: bilden trasig.jpg är trasig: den går inte att läsa hel som JPEG (filen kan vara avbruten eller felaktig) (öppna bilden i ett bildprogram, spara den på nytt som JPEG eller PNG och lägg in den igen)",
		"content/_index.md:8:1: bilden ljuger.webp är trasig: den går inte att läsa hel som WebP (filen kan vara avbruten eller felaktig) (öppna bilden i ett bildprogram, spara den på nytt som JPEG eller PNG och lägg in den igen)",
		"content/_index.md:10:1: bilden stor.png är 1200 × 900 pixlar, mer än bygget läser (högst 1 megapixlar) (gör bilden mindre i ett bildprogram, till exempel 2000 pixlar bred, och lägg in den igen; images: max_megapixels: i site.yaml höjer gränsen)",
	}, "\n")
	if have := diag.Errors(err).Error(); have != want {
		t.Errorf("errors:\n%s\nwant:\n%s", have, want)
	}
	if left, _ := os.ReadDir(parent); len(left) != 0 {
		t.Errorf("the failed build left %v beside the output", left)
	}
}

// TestImageCacheLink: a .cache/bilder that is a symbolic link is refused
// with a message, and the build writes nothing where it points.
func TestImageCacheLink(t *testing.T) {
	s := sitetest.Parse(t, imagesSite)
	s.Write("content/start.png", pngOf(t, 600, 300))
	s.Write("content/om/liten.png", pngOf(t, 40, 30))
	s.Write("content/om/bred.png", pngOf(t, 1000, 500))
	s.Write("content/om/bilder/foto.png", pngOf(t, 600, 100))
	root := s.Dir(t)
	outside := t.TempDir()
	os.MkdirAll(filepath.Join(root, ".cache"), 0o755)
	if err := os.Symlink(outside, filepath.Join(root, ".cache", "bilder")); err != nil {
		t.Skip(err)
	}
	opt := site.Options{Root: rootfs.New(root), Out: filepath.Join(t.TempDir(), "public"), Now: sitetest.Today,
		ImageCache: filepath.Join(root, ".cache", "bilder")}
	_, err := site.Build(context.Background(), opt)
	if err == nil || !strings.Contains(err.Error(), "är en symbolisk länk, och bygget skriver inte genom länkar") {
		t.Errorf("build: %v, want the cache refused", err)
	}
	if left, _ := os.ReadDir(outside); len(left) != 0 {
		t.Errorf("the build wrote %d files outside the root", len(left))
	}
}
