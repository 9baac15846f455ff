package directory

import (
	"bytes"
	"fmt"
	"html/template"
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
