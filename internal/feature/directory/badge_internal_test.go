package directory

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"github.com/hbtq-diplomering/webbplats/internal/programme"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
)

// TestBadgeDeterministic: the same input gives the same bytes, in two
// drawings.
func TestBadgeDeterministic(t *testing.T) {
	cfg := &settings.Site{Organisation: "Region Test", Programme: "hbtqi"}
	day := time.Date(2029, 2, 10, 0, 0, 0, 0, time.UTC)
	for _, b := range []*badge{validBadge(cfg, themeWords(t), "A", day, day), expiredBadge(cfg, themeWords(t), "A", day)} {
		p1, err := b.png()
		if err != nil {
			t.Fatal(err)
		}
		p2, _ := b.png()
		s1, _ := b.svg()
		s2, _ := b.svg()
		if !bytes.Equal(p1, p2) || !bytes.Equal(s1, s2) {
			t.Errorf("%q: two drawings differ", b.lines[0])
		}
	}
}

// TestBadgeWords: the programme's word follows the settings (hbtqi), a
// unit without validity says since when, and the colours have contrast
// enough whatever the brand colour.
func TestBadgeWords(t *testing.T) {
	since := time.Date(2023, 5, 4, 0, 0, 0, 0, time.UTC)
	light := programme.PaletteOf(programme.Color{R: 0xff, G: 0xd7, B: 0x00})
	dark := programme.PaletteOf(programme.Color{R: 0x00, G: 0x3b, B: 0x6f})
	for _, tc := range []struct {
		cfg   *settings.Site
		b     *badge
		title string
		lines string
		bg    programme.Color
	}{
		{&settings.Site{Organisation: "Region Y", Programme: "hbtqi", Palette: &light}, nil,
			"X är hbtqi-diplomerad av Region Y sedan 2023", "Hbtqi-diplomerad|Region Y|Sedan 2023", defaultBadgeBg},
		{&settings.Site{Organisation: "Region Y", Programme: "hbtq", Palette: &dark}, nil,
			"X är hbtq-diplomerad av Region Y sedan 2023", "Hbtq-diplomerad|Region Y|Sedan 2023", dark.Brand},
	} {
		b := validBadge(tc.cfg, themeWords(t), "X", since, time.Time{})
		if b.title != tc.title || strings.Join(b.lines, "|") != tc.lines || b.bg != tc.bg {
			t.Errorf("have %q %q %v, want %q %q %v", b.title, b.lines, b.bg, tc.title, tc.lines, tc.bg)
		}
		if c := programme.Contrast(b.bg, b.fg); c < programme.MinContrast {
			t.Errorf("%q: contrast %.2f", b.title, c)
		}
	}
	e := expiredBadge(&settings.Site{Organisation: "Region Y"}, themeWords(t), "X", since)
	if c := programme.Contrast(e.bg, e.fg); c < programme.MinContrast {
		t.Errorf("expired: contrast %.2f", c)
	}
}

// themeWords returns the theme's words (layouts/words.yaml).
func themeWords(t testing.TB) *settings.Words {
	t.Helper()
	w, errs := settings.LoadWords(os.DirFS("../../.."), nil)
	if w == nil || len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	return w
}

// expiredBadges are n expired badges of one look, each with its own day,
// a week apart.
func expiredBadges(t testing.TB, n int) []*badge { return expiredDays(t, n, 7) }

// expiredDays are n expired badges of one look, each with its own day,
// step days apart.
func expiredDays(t testing.TB, n, step int) []*badge {
	cfg := &settings.Site{Organisation: "Region Test", Programme: "hbtq"}
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	w := themeWords(t)
	bs := make([]*badge, n)
	for i := range bs {
		bs[i] = expiredBadge(cfg, w, "A", day.AddDate(0, 0, step*i))
	}
	return bs
}

// TestBadgeShared: a badge drawn in a build, on the base it shares with
// the badges of its look (in the background), has the bytes of the badge
// drawn alone, and one drawing serves the units whose badges are alike.
func TestBadgeShared(t *testing.T) {
	cfg := &settings.Site{Organisation: "Region Test", Programme: "hbtq"}
	day := time.Date(2029, 2, 10, 0, 0, 0, 0, time.UTC)
	w := themeWords(t)
	bs := append(expiredBadges(t, 40), validBadge(cfg, w, "A", day, day), validBadge(cfg, w, "B", day, day),
		validBadge(cfg, w, "C", day, day.AddDate(1, 0, 0)), validBadge(cfg, w, "D", day, time.Time{}))
	var ds drawings
	got := make([]*drawing, len(bs))
	for i, b := range bs {
		got[i] = ds.draw(b)
	}
	ds.wait()
	for i, b := range bs {
		want, err := b.png()
		if err != nil {
			t.Fatal(err)
		}
		if got[i].err != nil || !bytes.Equal(got[i].data, want) {
			t.Errorf("%q: the shared drawing differs from the badge drawn alone (err %v)", b.lines, got[i].err)
		}
		// The pixels are the drawing's, whatever the compression.
		base, _ := b.base()
		drawn, _ := b.onBase(base, nil)
		img, err := png.Decode(bytes.NewReader(got[i].data))
		if n, ok := img.(*image.NRGBA); err != nil || !ok || !bytes.Equal(n.Pix, drawn.Pix) || n.Rect != drawn.Rect {
			t.Errorf("%q: the PNG's pixels are not the drawing's (%T, %v)", b.lines, img, err)
		}
	}
	if got[len(bs)-4] != got[len(bs)-3] {
		t.Errorf("two units with the same badge got two drawings")
	}
	// The expired badges' widths differ with their day's length, a few.
	if n := len(ds.bases); n > 8 {
		t.Errorf("have %d bases for %d drawings, want the looks to share them", n, len(ds.byKey))
	}
}

// BenchmarkBadgePNG draws the PNGs of 64 expired badges of one look, each
// with its own day: alone draws each from nothing and encodes it with
// image/png, one after the other (as before issue 22, but at pngLevel);
// build draws them as a build does (drawings): on every core, on a
// shared base, filtering only the rows that differ from it; encode
// encodes the expired badges of a year's days, one after the other, once
// their look's base is drawn (what each of a build's hundreds of expired
// badges costs).
func BenchmarkBadgePNG(b *testing.B) {
	bs := expiredBadges(b, 64)
	b.Run("alone", func(b *testing.B) {
		for b.Loop() {
			for _, x := range bs {
				if _, err := x.png(); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(bs)), "ns/badge")
	})
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			var ds drawings
			for _, x := range bs {
				ds.draw(x)
			}
			ds.wait()
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(bs)), "ns/badge")
	})
	b.Run("encode", func(b *testing.B) {
		bs := expiredDays(b, 365, 1) // a year's
		var sh shared
		imgs := make([]*image.NRGBA, len(bs))
		var lines []string
		k0, _ := bs[0].baseKey()
		for i, x := range bs {
			if k, _ := x.baseKey(); k != k0 {
				continue // another width: another look
			}
			if sh.img == nil {
				base, err := x.base()
				if err != nil {
					b.Fatal(err)
				}
				sh.img, sh.rows = base, filterRows(base)
			}
			var err error
			if imgs[i], err = x.onBase(sh.img, nil); err != nil {
				b.Fatal(err)
			}
			lines = append(lines, x.lines[len(x.lines)-1])
		}
		imgs = slices.DeleteFunc(imgs, func(img *image.NRGBA) bool { return img == nil })
		var pw pngWriter
		for b.Loop() {
			for i, img := range imgs {
				if _, err := pw.encode(img, &sh, lines[i]); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(imgs)), "ns/badge")
	})
}

// png returns the badge drawn alone, from nothing, and encoded by
// image/png at pngLevel: what a build's drawings must give.
func (b *badge) png() ([]byte, error) {
	base, err := b.base()
	if err != nil {
		return nil, err
	}
	img, err := b.onBase(base, nil)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: pngLevel}
	err = enc.Encode(&out, img)
	return out.Bytes(), err
}

// TestBadgeKept: the dev server's next build takes the drawings of the
// badges it had (their bytes depend on their key alone) and draws the
// new ones; it keeps its own for the build after.
func TestBadgeKept(t *testing.T) {
	bs := expiredBadges(t, 3)
	kept := map[string]any{}
	var first drawings
	first.keep(keptOf(kept))
	a := first.draw(bs[0])
	first.draw(bs[1])
	first.wait()
	var next drawings
	next.keep(keptOf(kept))
	if next.draw(bs[0]) != a {
		t.Error("a badge of the last build was drawn again")
	}
	c := next.draw(bs[2])
	next.wait()
	if c.err != nil || len(c.data) == 0 || c == a {
		t.Errorf("a new badge was not drawn (err %v)", c.err)
	}
	if keptOf(kept).drawings != &next {
		t.Error("the build did not keep its drawings for the next")
	}
	var none drawings
	none.keep(keptOf(nil)) // a build of its own keeps nothing
	if none.last != nil {
		t.Error("a build without Kept took drawings")
	}
}

// TestEncodeOnBase: images that differ from a base in patches (of rows,
// of columns, at the first pixel, in several of the compressor's blocks)
// encode to image/png's bytes, the first one (the ref) and the ones
// after, whose patches differ from its.
func TestEncodeOnBase(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const w, h = 64, 700 // 700 rows of 257 bytes: three blocks
	base := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.NRGBA{uint8(y / 50 * 20), 40, uint8(x / 10 * 30), 255}
			if y%97 == 3 {
				c.G = uint8(r.IntN(256)) // a noisy row
			}
			base.SetNRGBA(x, y, c)
		}
	}
	base.SetNRGBA(w-1, 0, color.NRGBA{}) // transparent: colour type 6
	sh := &shared{img: base, rows: filterRows(base)}
	var pw pngWriter
	// The first images' patches, x0, y0, x1, y1: the ref's, then one
	// that begins below where the ref's ends, one at the first pixel.
	fixed := [][4]int{{10, 100, 20, 120}, {30, 120, 40, 140}, {0, 90, 5, 105}}
	for i := range 60 {
		img := &image.NRGBA{Pix: bytes.Clone(base.Pix), Stride: base.Stride, Rect: base.Rect}
		for range 1 + r.IntN(3) {
			x0, y0 := r.IntN(w), r.IntN(h)
			if r.IntN(5) == 0 {
				x0 = 0
			}
			x1, y1 := min(w, x0+1+r.IntN(w/2)), min(h, y0+1+r.IntN(40))
			if i < len(fixed) {
				x0, y0, x1, y1 = fixed[i][0], fixed[i][1], fixed[i][2], fixed[i][3]
			}
			c := color.NRGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), 9, uint8(r.IntN(256))}
			for y := y0; y < y1; y++ {
				for x := x0; x < x1; x++ {
					img.SetNRGBA(x, y, c)
				}
			}
		}
		// Four lines, far apart: four refs; the fixed patches the first's.
		line := strings.Repeat(string(rune('a'+i%4)), 5)
		if i < len(fixed) {
			line = "aaaaa"
		}
		got, err := pw.encode(img, sh, line)
		var want bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: pngLevel}).Encode(&want, img); err != nil {
			t.Fatal(err)
		}
		if err != nil || !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("image %d: the PNG differs from image/png's (err %v)", i, err)
		}
	}
}

// TestDrawLine: a badge's lines drawn with the glyphs kept have the
// pixels of font.Drawer's DrawString, the first time and the next.
func TestDrawLine(t *testing.T) {
	cfg := &settings.Site{Organisation: "Region Åäö Test", Programme: "hbtq"}
	day := time.Date(2029, 2, 10, 0, 0, 0, 0, time.UTC)
	bs := append(expiredBadges(t, 5), validBadge(cfg, themeWords(t), "A", day, day))
	for _, b := range bs {
		for i := range b.lines {
			for range 2 {
				got := image.NewNRGBA(image.Rect(0, 0, 700, BadgeHeight*PNGScale))
				if err := b.drawLine(got, i); err != nil {
					t.Fatal(err)
				}
				want := image.NewNRGBA(got.Rect)
				fb, fr, _ := fonts()
				f, s := fr, float64(textSize)
				if i == 0 {
					f, s = fb, boldSize
				}
				fc, err := face(f, s*PNGScale)
				if err != nil {
					t.Fatal(err)
				}
				d := font.Drawer{Dst: want, Src: image.NewUniform(opaque(b.fg)), Face: fc,
					Dot: fixed.P(textX*PNGScale, (lineFirst+i*lineGap)*PNGScale)}
				d.DrawString(b.lines[i])
				if !bytes.Equal(got.Pix, want.Pix) {
					t.Errorf("%q: the pixels differ from DrawString's", b.lines[i])
				}
			}
		}
	}
}

// TestDrawGlyph: drawGlyph gives draw.DrawMask's pixels, over any colour
// (and over opaque ones, which it keeps the results for), at every
// coverage, clipped at the image's edges.
func TestDrawGlyph(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 200 {
		dst := image.NewNRGBA(image.Rect(0, 0, 23, 17))
		for i := range dst.Pix {
			dst.Pix[i] = uint8(r.IntN(256))
			if r.IntN(8) == 0 {
				dst.Pix[i] = 0
			}
		}
		if r.IntN(2) == 0 {
			// Opaque, mostly a background and a colour drawn before.
			bg := [2][4]uint8{{uint8(r.IntN(256)), 30, 99, 255}, {200, uint8(r.IntN(256)), 5, 255}}
			for i := 0; i < len(dst.Pix); i += 4 {
				if c := r.IntN(6); c < 2 {
					copy(dst.Pix[i:], bg[c][:])
				}
				dst.Pix[i+3] = 255
			}
		}
		if r.IntN(4) == 0 {
			// Transparent, as under the badge's background.
			clear(dst.Pix)
		}
		mask := image.NewAlpha(image.Rect(0, 0, 9, 11))
		for i := range mask.Pix {
			mask.Pix[i] = uint8(r.IntN(256))
			if r.IntN(5) == 0 {
				mask.Pix[i] = 255 * uint8(r.IntN(2))
			}
		}
		c := color.NRGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), 255}
		dr := image.Rect(r.IntN(30)-5, r.IntN(25)-5, 0, 0)
		dr.Max = dr.Min.Add(image.Pt(1+r.IntN(9), 1+r.IntN(11)))
		mp := image.Pt(r.IntN(3), r.IntN(3))
		want := &image.NRGBA{Pix: bytes.Clone(dst.Pix), Stride: dst.Stride, Rect: dst.Rect}
		draw.DrawMask(want, dr, image.NewUniform(c), image.Point{}, mask, mp, draw.Over)
		drawGlyph(dst, dr, c, mask, mp)
		if !bytes.Equal(dst.Pix, want.Pix) {
			t.Fatalf("drawGlyph at %v from %v differs from draw.DrawMask", dr, mp)
		}
	}
}
