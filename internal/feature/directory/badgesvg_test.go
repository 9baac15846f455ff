package directory

import (
	"bytes"
	"fmt"
	"html/template"
	"image"
	"image/png"
	"testing"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/programme"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
)

// svgFmt is badge.svg as it was written with fmt, for TestBadgeSVG.
func (b *badge) svgFmt() ([]byte, error) {
	w, h, err := b.size()
	if err != nil {
		return nil, err
	}
	e := template.HTMLEscapeString
	var s bytes.Buffer
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="t" lang="sv">`, w, h, w, h)
	fmt.Fprintf(&s, `<title id="t">%s</title>`, e(b.title))
	fmt.Fprintf(&s, `<clipPath id="c"><rect width="%d" height="%d" rx="%d"/></clipPath>`, w, h, corner)
	s.WriteString(`<g clip-path="url(#c)">`)
	fmt.Fprintf(&s, `<rect width="%d" height="%d" fill="%s"/>`, w, h, b.bg)
	if !b.expired {
		for i, c := range prideStripe {
			y0, y1 := stripeY(i, h)
			fmt.Fprintf(&s, `<rect y="%s" width="%d" height="%s" fill="%s"/>`, num(y0), stripeW, num(y1-y0), c)
		}
	}
	s.WriteString(`</g>`)
	if b.border {
		fmt.Fprintf(&s, `<rect x="0.75" y="0.75" width="%s" height="%s" rx="%d" fill="none" stroke="%s" stroke-width="1.5"/>`, num(float64(w)-1.5), num(float64(h)-1.5), corner, expiredBorder)
	}
	fmt.Fprintf(&s, `<g fill="%s" font-family="'Go', 'Helvetica Neue', Arial, sans-serif">`, b.fg)
	for i, l := range b.lines {
		weight, size := "", textSize
		if i == 0 {
			weight, size = ` font-weight="700"`, boldSize
		}
		fmt.Fprintf(&s, `<text x="%d" y="%d" font-size="%d"%s>%s</text>`, textX, lineFirst+i*lineGap, size, weight, e(l))
	}
	s.WriteString("</g></svg>\n")
	return s.Bytes(), nil
}

// TestBadgeSVG: the SVG written with appends has the bytes of the one
// written with fmt, for valid and expired badges, in the default colour
// and brand colours, with names and an organisation that need escaping
// and lines long enough to widen the badge.
func TestBadgeSVG(t *testing.T) {
	w := themeWords(t)
	dark := programme.PaletteOf(programme.Color{R: 0x00, G: 0x3b, B: 0x6f})
	light := programme.PaletteOf(programme.Color{R: 0xff, G: 0xd7, B: 0x0a})
	day := time.Date(2029, 2, 10, 0, 0, 0, 0, time.UTC)
	var bs []*badge
	for _, org := range []string{"Region Test", `Region "Öst" & <Väst> 'Nord'`, "Västra Götalandsregionen med en mycket lång förvaltning i namnet"} {
		for _, pal := range []*programme.Palette{nil, &dark, &light} {
			cfg := &settings.Site{Organisation: org, Programme: "hbtqi", Palette: pal}
			for _, name := range []string{"A", "Vårdcentral <Åsen> & \"Söder\""} {
				bs = append(bs, validBadge(cfg, w, name, day, day), validBadge(cfg, w, name, day, time.Time{}),
					expiredBadge(cfg, w, name, day.AddDate(-5, 3, 7)))
			}
		}
	}
	for _, b := range bs {
		have, err := b.svg()
		if err != nil {
			t.Fatal(err)
		}
		want, _ := b.svgFmt()
		if !bytes.Equal(have, want) {
			t.Errorf("%q:\nhave %s\nwant %s", b.title, have, want)
		}
	}
}

// BenchmarkBadgeSVG writes 64 expired badges' SVGs with appends (svg)
// and with fmt (svgFmt).
func BenchmarkBadgeSVG(b *testing.B) {
	bs := expiredBadges(b, 64)
	for _, f := range []struct {
		name string
		svg  func(*badge) ([]byte, error)
	}{{"appends", (*badge).svg}, {"fmt", (*badge).svgFmt}} {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, x := range bs {
					f.svg(x)
				}
			}
		})
	}
}

// TestDrawReuses: one pngWriter drawing badges of three looks in turn
// (valid, expired, expired wider) gives each the bytes of the badge
// drawn alone and encoded by image/png, with the pixels drawn, and holds
// the pixels of the last base it drew on after each.
func TestDrawReuses(t *testing.T) {
	cfg := &settings.Site{Organisation: "Region Test", Programme: "hbtq"}
	w := themeWords(t)
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var bs []*badge
	for i := range 12 {
		d := day.AddDate(0, 0, 9*i)
		bs = append(bs, expiredBadge(cfg, w, "A", d), validBadge(cfg, w, "B", d, d.AddDate(i%3, 0, 0)),
			expiredBadge(&settings.Site{Organisation: "Region Test med ett mycket längre namn än de andra", Programme: "hbtq"}, w, "C", d))
	}
	bases := map[string]*shared{}
	var pw pngWriter
	for i, b := range bs {
		k, err := b.baseKey()
		if err != nil {
			t.Fatal(err)
		}
		sh := bases[k]
		if sh == nil {
			sh = &shared{}
			if sh.img, err = b.base(); err != nil {
				t.Fatal(err)
			}
			sh.rows = filterRows(sh.img)
			bases[k] = sh
		}
		got, err := pw.draw(b, sh)
		if err != nil {
			t.Fatal(err)
		}
		want, err := b.png()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("badge %d %q: the PNG differs from the badge drawn alone", i, b.lines)
		}
		drawn, _ := b.onBase(sh.img, nil)
		img, err := png.Decode(bytes.NewReader(got))
		if n, ok := img.(*image.NRGBA); err != nil || !ok || !bytes.Equal(n.Pix, drawn.Pix) {
			t.Errorf("badge %d %q: the PNG's pixels are not the drawing's (%v)", i, b.lines, err)
		}
		if pw.pixOn != sh || !bytes.Equal(pw.pix, sh.img.Pix) || pw.rowsOn != sh || !bytes.Equal(pw.rows, sh.rows) {
			t.Errorf("badge %d: the writer does not hold its base's pixels and rows after it", i)
		}
	}
	if len(bases) < 3 {
		t.Errorf("%d looks, want 3", len(bases))
	}
}

// TestBadgeKeys: a badge's keys written with appends are fmt's (the
// badge cache names its entries by the draw key): for valid, since and
// expired badges, three palettes, and words that need quoting.
func TestBadgeKeys(t *testing.T) {
	w := themeWords(t)
	dark := programme.PaletteOf(programme.Color{R: 0x00, G: 0x3b, B: 0x6f})
	day := time.Date(2029, 2, 10, 0, 0, 0, 0, time.UTC)
	for _, org := range []string{"Region Test", "Region \"Öst\" & <Väst>\t'Nord'\x00"} {
		for _, pal := range []*programme.Palette{nil, &dark} {
			cfg := &settings.Site{Organisation: org, Programme: "hbtqi", Palette: pal}
			for _, b := range []*badge{validBadge(cfg, w, "A\n", day, day), validBadge(cfg, w, "B", day, time.Time{}), expiredBadge(cfg, w, "C", day)} {
				if have, want := b.drawKey(), fmt.Sprintf("%q|%v|%v|%v|%v", b.lines, b.expired, b.bg, b.fg, b.border); have != want {
					t.Errorf("draw key\nhave %s\nwant %s", have, want)
				}
				if have, want := b.svgKey(), fmt.Sprintf("%q|%q|%v|%v|%v|%v", b.title, b.lines, b.expired, b.bg, b.fg, b.border); have != want {
					t.Errorf("svg key\nhave %s\nwant %s", have, want)
				}
			}
		}
	}
}
