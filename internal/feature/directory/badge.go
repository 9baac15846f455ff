package directory

// # Badges
//
// Every unit of the region's own registries that has a page gets a badge
// (diplommärke) for its own website, at its address:
//
//	/verksamheter/<id>/diplom.svg   the badge as SVG (BadgeWidth×BadgeHeight, wider for long words)
//	/verksamheter/<id>/diplom.png   the same badge as PNG, at twice the size (for sharp screens)
//
// A valid unit's badge names the programme in the region's word
// ("Hbtq-diplomerad"), the region (site.yaml's organisation:) and the year
// the certificate is valid to ("Giltig till 2029"; "Sedan 2023" when the
// rules set no validity). An expired unit's badge, for as long as its
// honest page exists (expired_page_months), says "Diplomet har gått ut"
// and the last day it was valid; after that neither is published. A
// former id (former_ids:) gets a copy of the badge, so that a snippet
// copied before the id changed keeps working (a redirect would send an
// HTML page where an image is expected).
//
// The SVG is accessible on its own: role="img", aria-labelledby its
// <title>, which says the whole in a sentence (unit, programme, region,
// validity), and real <text>. Its colours have a contrast of at least 4.5
// (white on the brand colour when that is dark enough, otherwise on a dark
// purple; dark on light grey for an expired badge). The PNG is drawn in
// pure Go with the Go fonts (golang.org/x/image), so the same input gives
// the same bytes; a build keeps them in .cache/diplom under the site root
// for the next build by the same program (see badgecache.go).
//
// The unit's page shows the badge, says in words what it means and gives
// the snippet to copy (Unit.Badge): the badge in a link to the unit's
// page, with absolute addresses from base_url. Without base_url there is
// no snippet (an address without the site's would not work elsewhere).
// The badges are files, not pages: they are in no sitemap, list or search
// index.

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"image"
	"image/color"
	"image/draw"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/hbtq-diplomering/webbplats/internal/feature/directory/deflate"
	"github.com/hbtq-diplomering/webbplats/internal/programme"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// The badge's file names in a unit's folder.
const (
	BadgeSVG = "diplom.svg"
	BadgePNG = "diplom.png"
)

// BadgeHeight is the height of the badge (SVG user units, CSS pixels);
// BadgeWidth its least width. The PNG is PNGScale times as large.
const (
	BadgeWidth  = 200
	BadgeHeight = 76
	PNGScale    = 2
)

// Badge is what a unit's page shows of its badge.
type Badge struct {
	SVG, PNG string // addresses on the site: /verksamheter/<id>/diplom.svg
	Alt      string // the badge's text alternative, its SVG <title>: a sentence with the unit's name
	// Shown is the badge's own words, for its image on the unit's page,
	// where the unit's name is the heading.
	Shown  string
	Word   string // the programme's word, "hbtq-diplomerad"
	Region string // who certifies: site.yaml's organisation:
	// Snippet is the HTML a unit copies to its website: the badge in a
	// link to its page, with absolute addresses; "" without base_url.
	Snippet       string
	Width, Height int // the SVG's size
}

// badge is one badge to draw.
type badge struct {
	title   string // the sentence: <title> and alt
	word    string // the programme's word
	region  string
	lines   []string // bold first line, then the regular ones
	expired bool
	bg, fg  programme.Color
	border  bool
}

var (
	defaultBadgeBg = programme.Color{R: 0x3d, G: 0x1e, B: 0x63}
	badgeWhite     = programme.Color{R: 255, G: 255, B: 255}
	expiredBg      = programme.Color{R: 0xf0, G: 0xf0, B: 0xf2}
	expiredFg      = programme.Color{R: 0x1b, G: 0x1b, B: 0x1f}
	expiredBorder  = programme.Color{R: 0x4a, G: 0x4a, B: 0x55}
	// prideStripe is the decorative stripe at a valid badge's left edge.
	prideStripe = []programme.Color{
		{R: 0xe4, G: 0x03, B: 0x03}, {R: 0xff, G: 0x8c, B: 0x00}, {R: 0xff, G: 0xed, B: 0x00},
		{R: 0x00, G: 0x80, B: 0x26}, {R: 0x24, G: 0x40, B: 0x8e}, {R: 0x73, G: 0x29, B: 0x82},
	}
)

// The badge's geometry, in SVG units.
const (
	stripeW   = 8
	textX     = stripeW + 12
	padRight  = 16
	corner    = 6
	boldSize  = 16
	textSize  = 13
	lineFirst = 26
	lineGap   = 19
)

// validBadge is the badge of a unit that is certified: until is its
// certificate's last day, zero when the rules set no validity. Its words
// are the site's (w: badge_valid_to, badge_since, badge_title_*).
func validBadge(cfg *settings.Site, w *settings.Words, name string, certified, until time.Time) *badge {
	word := cfg.Programme.Diplomerad()
	b := &badge{bg: defaultBadgeBg, fg: badgeWhite, word: word, region: cfg.Organisation}
	if cfg.Palette != nil && programme.Contrast(cfg.Palette.Brand, badgeWhite) >= programme.MinContrast {
		b.bg = cfg.Palette.Brand
	}
	b.lines = []string{swedish.UpperFirst(word), cfg.Organisation}
	fill := []string{"verksamhet", name, "diplomerad", word, "region", cfg.Organisation}
	if until.IsZero() {
		fill = append(fill, "år", strconv.Itoa(certified.Year()))
		b.title = settings.Fill(w.BadgeTitleSince, fill...)
		b.lines = append(b.lines, settings.Fill(w.BadgeSince, fill...))
	} else {
		fill = append(fill, "år", strconv.Itoa(until.Year()))
		b.title = settings.Fill(w.BadgeTitleValid, fill...)
		b.lines = append(b.lines, settings.Fill(w.BadgeValidTo, fill...))
	}
	return b
}

// expiredBadge is the badge of a unit whose certificate ran out after
// until, in the site's words w (badge_expired, badge_expired_to,
// badge_title_expired).
func expiredBadge(cfg *settings.Site, w *settings.Words, name string, until time.Time) *badge {
	fill := []string{"verksamhet", name, "diplomerad", cfg.Programme.Diplomerad(), "region", cfg.Organisation, "datum", swedish.Date(until)}
	return &badge{
		title: settings.Fill(w.BadgeTitleExpired, fill...),
		lines: []string{settings.Fill(w.BadgeExpired, fill...), cfg.Organisation, settings.Fill(w.BadgeExpiredTo, fill...)},
		word:  cfg.Programme.Diplomerad(), region: cfg.Organisation,
		expired: true, bg: expiredBg, fg: expiredFg, border: true,
	}
}

// faces are the Go fonts at a size, parsed once.
var (
	fontsOnce       sync.Once
	fontBold, fontR *opentype.Font
	fontErr         error
)

func fonts() (bold, regular *opentype.Font, err error) {
	fontsOnce.Do(func() {
		fontBold, fontErr = opentype.Parse(gobold.TTF)
		if fontErr == nil {
			fontR, fontErr = opentype.Parse(goregular.TTF)
		}
	})
	return fontBold, fontR, fontErr
}

func face(f *opentype.Font, size float64) (font.Face, error) {
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
}

// size returns the badge's width and height in SVG units: wide enough for
// its longest line in the Go fonts (the PNG's), which are wider than the
// usual sans-serif fonts a browser draws the SVG with.
func (b *badge) size() (int, int, error) {
	w := 0.0
	for i, l := range b.lines {
		lw, err := lineWidth(i == 0, l)
		if err != nil {
			return 0, 0, err
		}
		w = math.Max(w, lw)
	}
	return max(BadgeWidth, int(math.Ceil(textX+w+padRight))), BadgeHeight, nil
}

// widths are the lines' widths measured so far, by "b" or "r" (bold or
// regular) and the line: most badges share most of their lines.
var widths sync.Map

// lineWidth returns the width of line l in SVG units, in bold or regular.
func lineWidth(bold bool, l string) (float64, error) {
	key := "r" + l
	if bold {
		key = "b" + l
	}
	if w, ok := widths.Load(key); ok {
		return w.(float64), nil
	}
	fb, fr, err := fonts()
	if err != nil {
		return 0, err
	}
	f, s := fr, float64(textSize)
	if bold {
		f, s = fb, boldSize
	}
	fc, err := face(f, s)
	if err != nil {
		return 0, err
	}
	defer fc.Close()
	w := float64(font.MeasureString(fc, l)) / 64
	widths.Store(key, w)
	return w, nil
}

// svg returns the badge as an SVG document. It is written with appends,
// not fmt (a build writes one for each of thousands of units, whose names
// are in their titles); TestBadgeSVG holds it to the fmt version.
func (b *badge) svg() ([]byte, error) {
	w, h, err := b.size()
	if err != nil {
		return nil, err
	}
	e := template.HTMLEscapeString
	s := make([]byte, 0, 1024)
	s = append(s, `<svg xmlns="http://www.w3.org/2000/svg" width="`...)
	s = strconv.AppendInt(s, int64(w), 10)
	s = append(s, `" height="`...)
	s = strconv.AppendInt(s, int64(h), 10)
	s = append(s, `" viewBox="0 0 `...)
	s = strconv.AppendInt(s, int64(w), 10)
	s = append(s, ' ')
	s = strconv.AppendInt(s, int64(h), 10)
	s = append(s, `" role="img" aria-labelledby="t" lang="sv"><title id="t">`...)
	s = append(s, e(b.title)...)
	s = append(s, `</title><clipPath id="c"><rect width="`...)
	s = strconv.AppendInt(s, int64(w), 10)
	s = append(s, `" height="`...)
	s = strconv.AppendInt(s, int64(h), 10)
	s = append(s, `" rx="`...)
	s = strconv.AppendInt(s, corner, 10)
	s = append(s, `"/></clipPath><g clip-path="url(#c)"><rect width="`...)
	s = strconv.AppendInt(s, int64(w), 10)
	s = append(s, `" height="`...)
	s = strconv.AppendInt(s, int64(h), 10)
	s = append(s, `" fill="`...)
	s = appendColor(s, b.bg)
	s = append(s, `"/>`...)
	if !b.expired {
		for i, c := range prideStripe {
			y0, y1 := stripeY(i, h)
			s = append(s, `<rect y="`...)
			s = appendNum(s, y0)
			s = append(s, `" width="`...)
			s = strconv.AppendInt(s, stripeW, 10)
			s = append(s, `" height="`...)
			s = appendNum(s, y1-y0)
			s = append(s, `" fill="`...)
			s = appendColor(s, c)
			s = append(s, `"/>`...)
		}
	}
	s = append(s, `</g>`...)
	if b.border {
		s = append(s, `<rect x="0.75" y="0.75" width="`...)
		s = appendNum(s, float64(w)-1.5)
		s = append(s, `" height="`...)
		s = appendNum(s, float64(h)-1.5)
		s = append(s, `" rx="`...)
		s = strconv.AppendInt(s, corner, 10)
		s = append(s, `" fill="none" stroke="`...)
		s = appendColor(s, expiredBorder)
		s = append(s, `" stroke-width="1.5"/>`...)
	}
	s = append(s, `<g fill="`...)
	s = appendColor(s, b.fg)
	s = append(s, `" font-family="'Go', 'Helvetica Neue', Arial, sans-serif">`...)
	for i, l := range b.lines {
		weight, size := "", textSize
		if i == 0 {
			weight, size = ` font-weight="700"`, boldSize
		}
		s = append(s, `<text x="`...)
		s = strconv.AppendInt(s, textX, 10)
		s = append(s, `" y="`...)
		s = strconv.AppendInt(s, int64(lineFirst+i*lineGap), 10)
		s = append(s, `" font-size="`...)
		s = strconv.AppendInt(s, int64(size), 10)
		s = append(s, '"')
		s = append(s, weight...)
		s = append(s, '>')
		s = append(s, e(l)...)
		s = append(s, `</text>`...)
	}
	s = append(s, "</g></svg>\n"...)
	// Of its size: a build keeps every unit's SVG until it writes them,
	// and the buffer, grown by doubling, is up to twice as large.
	return bytes.Clone(s), nil
}

// appendColor appends c as Color.String writes it: #rrggbb.
func appendColor(s []byte, c programme.Color) []byte {
	const hex = "0123456789abcdef"
	return append(s, '#', hex[c.R>>4], hex[c.R&15], hex[c.G>>4], hex[c.G&15], hex[c.B>>4], hex[c.B&15])
}

// stripeY returns where band i of the pride stripe starts and ends.
func stripeY(i, h int) (float64, float64) {
	n := float64(len(prideStripe))
	return float64(h) * float64(i) / n, float64(h) * float64(i+1) / n
}

// num writes f with at most two decimals.
func num(f float64) string { return string(appendNum(nil, f)) }

// appendNum appends f as num writes it.
func appendNum(s []byte, f float64) []byte {
	return strconv.AppendFloat(s, math.Round(f*100)/100, 'f', -1, 64)
}

// base returns the badge drawn at PNGScale times its SVG size without its
// last line: the background, stripe, border and every other line, which
// badges of one look share (an expired badge's last line has the unit's
// date). onBase draws the last line on a copy, which gives the same pixels
// as drawing the whole at once: the same steps in the same order.
func (b *badge) base() (*image.NRGBA, error) {
	w, h, err := b.size()
	if err != nil {
		return nil, err
	}
	const k = PNGScale
	W, H := w*k, h*k
	img := image.NewNRGBA(image.Rect(0, 0, W, H))
	shape := roundRect(W, H, 0, corner*k)
	drawGlyph(img, img.Bounds(), opaque(b.bg), shape, image.Point{})
	if !b.expired {
		for i, c := range prideStripe {
			y0, y1 := stripeY(i, h)
			r := image.Rect(0, int(math.Round(y0*k)), stripeW*k, int(math.Round(y1*k)))
			drawGlyph(img, r, opaque(c), shape, r.Min)
		}
	}
	if b.border {
		// The border: the outer shape less the inner one.
		inner := roundRect(W, H, 1.5*k, corner*k-1.5*k)
		ring := image.NewAlpha(shape.Bounds())
		for i := range ring.Pix {
			ring.Pix[i] = uint8(max(0, int(shape.Pix[i])-int(inner.Pix[i])))
		}
		drawGlyph(img, img.Bounds(), opaque(expiredBorder), ring, image.Point{})
	}
	for i := range len(b.lines) - 1 {
		if err := b.drawLine(img, i); err != nil {
			return nil, err
		}
	}
	return img, nil
}

// baseKey is what base depends on: badges with the same key share it.
func (b *badge) baseKey() (string, error) {
	w, h, err := b.size()
	return fmt.Sprintf("%d×%d|%q|%v|%v|%v|%v", w, h, b.lines[:len(b.lines)-1], b.expired, b.bg, b.fg, b.border), err
}

// onBase returns a copy of base with the badge's last line drawn on it,
// in pix when it is large enough.
func (b *badge) onBase(base *image.NRGBA, pix []byte) (*image.NRGBA, error) {
	img := &image.NRGBA{Pix: append(pix[:0], base.Pix...), Stride: base.Stride, Rect: base.Rect}
	return img, b.drawLine(img, len(b.lines)-1)
}

// drawLine draws line i of the badge's words on img: the first in bold.
// It draws as font.Drawer's DrawString does, glyph by glyph with kerning,
// with the glyphs' masks and the kerning kept (see glyphs).
func (b *badge) drawLine(img *image.NRGBA, i int) error {
	const k = PNGScale
	bold := i == 0
	fg := color.NRGBA{b.fg.R, b.fg.G, b.fg.B, 255}
	dot := fixed.P(textX*k, (lineFirst+i*lineGap)*k)
	var fc font.Face // made when a glyph or kerning is not kept
	defer func() {
		if fc != nil {
			fc.Close()
		}
	}()
	faceOf := func() (font.Face, error) {
		if fc == nil {
			fb, fr, err := fonts()
			if err != nil {
				return nil, err
			}
			f, s := fr, float64(textSize)
			if bold {
				f, s = fb, boldSize
			}
			if fc, err = face(f, s*k); err != nil {
				return nil, err
			}
		}
		return fc, nil
	}
	prev := rune(-1)
	for _, c := range b.lines[i] {
		if prev >= 0 {
			kk := kernKey{bold, prev, c}
			kern, ok := kerns.Load(kk)
			if !ok {
				f, err := faceOf()
				if err != nil {
					return err
				}
				kern, _ = kerns.LoadOrStore(kk, f.Kern(prev, c))
			}
			dot.X += kern.(fixed.Int26_6)
		}
		gk := glyphKey{bold, c, dot.X & 63, dot.Y & 63}
		v, ok := glyphs.Load(gk)
		if !ok {
			f, err := faceOf()
			if err != nil {
				return err
			}
			dr, mask, maskp, advance, _ := f.Glyph(dot, c)
			g := &glyph{dr: dr.Sub(image.Pt(dot.X.Floor(), dot.Y.Floor())), maskp: maskp, advance: advance}
			switch m := mask.(type) {
			case *image.Alpha: // the face's, which the next glyph draws over
				g.mask = &image.Alpha{Pix: bytes.Clone(m.Pix), Stride: m.Stride, Rect: m.Rect}
			case nil:
			default:
				g.mask = image.NewAlpha(m.Bounds())
				draw.Draw(g.mask, g.mask.Rect, m, m.Bounds().Min, draw.Src)
			}
			v, _ = glyphs.LoadOrStore(gk, g)
		}
		g := v.(*glyph)
		if dr := g.dr.Add(image.Pt(dot.X.Floor(), dot.Y.Floor())); !dr.Empty() {
			drawGlyph(img, dr, fg, g.mask, g.maskp)
		}
		dot.X += g.advance
		prev = c
	}
	return nil
}

// drawGlyph is draw.DrawMask(dst, r, image.NewUniform(c), image.Point{},
// mask, mp, draw.Over) for an opaque c, with the same steps per pixel
// (Go 1.26's, for an image that is not an *image.RGBA: RGBA64At, the
// blend, SetRGBA64) without its calls through interfaces. It draws the
// badge's shapes too (see base): the background on a transparent image,
// the stripes and the border on the background. TestDrawGlyph compares
// the two.
func drawGlyph(dst *image.NRGBA, r image.Rectangle, c color.NRGBA, mask *image.Alpha, mp image.Point) {
	if mask == nil {
		draw.DrawMask(dst, r, image.NewUniform(c), image.Point{}, mask, mp, draw.Over)
		return
	}
	// draw's clip.
	orig := r.Min
	r = r.Intersect(dst.Bounds()).Intersect(mask.Bounds().Add(orig.Sub(mp)))
	mp = mp.Add(r.Min.Sub(orig))
	const m = 1<<16 - 1
	sr, sg, sb, sa := c.RGBA()
	blend := func(d color.RGBA64, ma uint32) color.RGBA64 {
		a := m - (sa * ma / m)
		return color.RGBA64{
			R: uint16((uint32(d.R)*a + sr*ma) / m),
			G: uint16((uint32(d.G)*a + sg*ma) / m),
			B: uint16((uint32(d.B)*a + sb*ma) / m),
			A: uint16((uint32(d.A)*a + sa*ma) / m),
		}
	}
	// Most pixels under a glyph are the badge's background (under the
	// background, transparent): their results by coverage are kept
	// (overs), computed by the same steps.
	var bg [4]uint8
	var over *[256][4]uint8
	for y := r.Min.Y; y < r.Max.Y; y++ {
		// The mask's row under r's (r is within the mask's bounds).
		mrow := mask.Pix[mask.PixOffset(mp.X, mp.Y+y-r.Min.Y):][:r.Dx()]
		for x := r.Min.X; x < r.Max.X; x++ {
			ma := mrow[x-r.Min.X]
			if ma == 0 {
				continue
			}
			i := dst.PixOffset(x, y)
			px := (*[4]uint8)(dst.Pix[i : i+4])
			if over == nil || *px != bg {
				if px[3] != 255 && *px != ([4]uint8{}) {
					dst.SetRGBA64(x, y, blend(dst.RGBA64At(x, y), uint32(ma)*0x101))
					continue
				}
				bg, over = *px, oversOf(c, *px, blend)
			}
			*px = over[ma]
		}
	}
}

// overs are the results of drawGlyph on an opaque colour, by coverage
// (*[256][4]uint8 by the glyph's colour and the colour under it).
var overs sync.Map

// oversOf returns the results of blend on the colour under (opaque, or
// transparent black), by coverage, as SetRGBA64 stores them.
func oversOf(c color.NRGBA, under [4]uint8, blend func(color.RGBA64, uint32) color.RGBA64) *[256][4]uint8 {
	key := [8]uint8{c.R, c.G, c.B, c.A, under[0], under[1], under[2], under[3]}
	if v, ok := overs.Load(key); ok {
		return v.(*[256][4]uint8)
	}
	var o [256][4]uint8
	px := image.NewNRGBA(image.Rect(0, 0, 1, 1))
	for ma := range 256 {
		copy(px.Pix, under[:])
		if ma > 0 {
			px.SetRGBA64(0, 0, blend(px.RGBA64At(0, 0), uint32(ma)*0x101))
		}
		o[ma] = [4]uint8(px.Pix)
	}
	v, _ := overs.LoadOrStore(key, &o)
	return v.(*[256][4]uint8)
}

// glyphs are the glyphs drawn so far (*glyph by glyphKey), and kerns the
// kerning between two runes (fixed.Int26_6 by kernKey): a glyph's mask
// depends on where the dot is within a pixel, not on the pixel, and most
// badges share most of their letters.
var glyphs, kerns sync.Map

// glyphKey is a glyph: the font (bold or regular, at its size), the rune
// and the dot's place within a pixel.
type glyphKey struct {
	bold   bool
	r      rune
	fx, fy fixed.Int26_6
}

// kernKey is two runes in a font.
type kernKey struct {
	bold bool
	a, b rune
}

// glyph is what font.Face.Glyph gives, with dr from the dot's pixel.
type glyph struct {
	dr      image.Rectangle
	mask    *image.Alpha
	maskp   image.Point
	advance fixed.Int26_6
}

// opaque is the colour c, opaque.
func opaque(c programme.Color) color.NRGBA {
	return color.NRGBA{c.R, c.G, c.B, 255}
}

// roundRect returns the coverage of a rectangle of w×h inset by in, with
// corners of radius r, antialiased.
func roundRect(w, h int, in, r float64) *image.Alpha {
	z := vector.NewRasterizer(w, h)
	x0, y0, x1, y1 := float32(in), float32(in), float32(float64(w)-in), float32(float64(h)-in)
	rr := float32(r)
	z.MoveTo(x0+rr, y0)
	z.LineTo(x1-rr, y0)
	z.QuadTo(x1, y0, x1, y0+rr)
	z.LineTo(x1, y1-rr)
	z.QuadTo(x1, y1, x1-rr, y1)
	z.LineTo(x0+rr, y1)
	z.QuadTo(x0, y1, x0, y1-rr)
	z.LineTo(x0, y0+rr)
	z.QuadTo(x0, y0, x0+rr, y0)
	z.ClosePath()
	a := image.NewAlpha(image.Rect(0, 0, w, h))
	z.Draw(a, a.Bounds(), image.Opaque, image.Point{})
	return a
}

// badgeFiles are a badge's files, drawn once per build.
type badgeFiles struct {
	dirs   []string // the unit's folders: verksamheter/<id>, then its former ids'
	svg    []byte
	png    *drawing
	source string
}

// drawing is one PNG, drawn in the background (see drawings).
type drawing struct {
	data []byte
	err  error
}

// drawings draws a build's badge PNGs on every core but one (on the
// only one when there is one), beside the load of the features, which runs on one
// goroutine and waits for none of them: on two cores, drawing on both
// took the core of the build's own goroutine too, whose load is most of
// a small site's wall time. Each distinct one is drawn once (the
// PNG's pixels depend on its words and colours, not on the unit, so most
// units of a region share theirs), and the shared part of each look once
// (see base). writeBadges waits for them.
type drawings struct {
	mu    sync.Mutex
	byKey map[string]*drawing // by words and colours
	bases map[string]*shared  // by look (baseKey)
	wg    sync.WaitGroup
	slots chan struct{} // one per core but one
	pws   sync.Pool     // of *pngWriter
	// last are the dev server's last build's drawings (see keep), taken
	// again for the badges of this one: a PNG's bytes depend on its key
	// alone.
	last map[string]*drawing
	// svgs are this build's SVGs, and lastSVGs the dev server's last
	// build's, by svgKey: an SVG's bytes and size depend on that key
	// alone. Only load's goroutine uses them.
	svgs, lastSVGs map[string]*svgFile
	// cache is the PNGs kept on disk between builds (see badgecache.go);
	// nil for none.
	cache *badgeCache
}

// svgFile is a badge's SVG and its size.
type svgFile struct {
	data []byte
	w, h int
}

// svgKey is what b.svg and b.size depend on.
func (b *badge) svgKey() string {
	return string(b.appendDrawKey(append(strconv.AppendQuote(make([]byte, 0, 256), b.title), '|')))
}

// drawKey is what a badge's PNG depends on: its words and colours.
func (b *badge) drawKey() string {
	return string(b.appendDrawKey(make([]byte, 0, 128)))
}

// appendDrawKey appends the draw key, as fmt.Sprintf("%q|%v|%v|%v|%v",
// b.lines, b.expired, b.bg, b.fg, b.border) writes it (the badge cache
// names its entries by it), without fmt: a build makes one per unit, and
// svgKey one more. TestBadgeKeys holds the two keys to fmt's.
func (b *badge) appendDrawKey(s []byte) []byte {
	s = append(s, '[')
	for i, l := range b.lines {
		if i > 0 {
			s = append(s, ' ')
		}
		s = strconv.AppendQuote(s, l)
	}
	s = append(s, "]|"...)
	s = strconv.AppendBool(s, b.expired)
	s = append(s, '|')
	s = appendColor(s, b.bg)
	s = append(s, '|')
	s = appendColor(s, b.fg)
	s = append(s, '|')
	return strconv.AppendBool(s, b.border)
}

// svg returns b's SVG and its size, the last build's when it had the same
// badge.
func (ds *drawings) svg(b *badge) (*svgFile, error) {
	key := b.svgKey()
	if f, ok := ds.svgs[key]; ok {
		return f, nil
	}
	f, ok := ds.lastSVGs[key]
	if !ok {
		data, err := b.svg()
		if err != nil {
			return nil, err
		}
		w, h, _ := b.size()
		f = &svgFile{data, w, h}
	}
	if ds.svgs == nil {
		ds.svgs = map[string]*svgFile{}
	}
	ds.svgs[key] = f
	return f, nil
}

// keep, in the dev server's builds (k, see keptOf), gives this build's
// drawings the last build's, and keeps this build's for the next: after
// an edit only the badges that changed are drawn again.
func (ds *drawings) keep(k *kept) {
	if k == nil {
		return
	}
	if k.drawings != nil {
		k.drawings.wait() // a failed build stops before writing, not drawing
		ds.last, ds.lastSVGs = k.drawings.byKey, k.drawings.svgs
	}
	k.drawings = ds
}

// shared is a base drawn once for every badge of its look, its rows as
// the PNG filters them, and their compression up to where the badges'
// last lines begin (see badgepng.go).
type shared struct {
	once sync.Once
	img  *image.NRGBA
	rows []byte
	err  error

	mu    sync.Mutex
	marks map[int]*deflate.Mark // by where the rows begin to differ
	refs  []*ref
}

// reference returns the ref for img, a badge on the base whose last line
// is line: the ref whose line differs least from it, built (see
// ref.build); or nil, with img kept as a ref for the badges after it,
// when that differs by more than a few letters and the base has fewer
// than maxRefs (see ref).
func (sh *shared) reference(img *image.NRGBA, line string) *ref {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	var best *ref
	d := 0
	for _, r := range sh.refs {
		if x := lineDiff(line, r.line); best == nil || x < d {
			best, d = r, x
		}
	}
	if best == nil || d > 2 && len(sh.refs) < maxRefs {
		r := newRef(img, sh.img)
		r.line = line
		sh.refs = append(sh.refs, r)
		return nil
	}
	best.build()
	return best
}

// maxRefs is the most refs a base has: each is about 700 KB, for the
// drawing (see drawings.asked); a year of expiry days makes about 24.
const maxRefs = 32

// lineDiff is how many letters of a and b differ: those between their
// common start and, when they are as long, their common end.
func lineDiff(a, b string) int {
	x, y := []rune(a), []rune(b)
	p := 0
	for p < min(len(x), len(y)) && x[p] == y[p] {
		p++
	}
	if len(x) != len(y) {
		return max(len(x), len(y)) - p
	}
	s := 0
	for s < len(x)-p && x[len(x)-1-s] == y[len(y)-1-s] {
		s++
	}
	return len(x) - p - s
}

// mark returns the compression of the base's rows up to at, done once
// for all the badges whose rows begin to differ there, with e (the
// drawing's, whose buffers are half a megabyte: a Mark keeps none of
// them).
func (sh *shared) mark(at int, e *deflate.Encoder) *deflate.Mark {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	m := sh.marks[at]
	if m == nil {
		m = e.Mark(sh.rows, at)
		if sh.marks == nil {
			sh.marks = map[int]*deflate.Mark{}
		}
		sh.marks[at] = m
	}
	return m
}

// draw returns b's PNG, which is being drawn; wait for it before reading.
func (ds *drawings) draw(b *badge) *drawing {
	key := b.drawKey()
	ds.mu.Lock()
	defer ds.mu.Unlock()
	if d, ok := ds.byKey[key]; ok {
		return d
	}
	if ds.byKey == nil {
		ds.byKey = map[string]*drawing{}
		ds.slots = make(chan struct{}, max(1, runtime.GOMAXPROCS(0)-1))
	}
	if d, ok := ds.last[key]; ok && d.err == nil {
		ds.byKey[key] = d
		return d
	}
	d := &drawing{}
	ds.byKey[key] = d
	bk, err := b.baseKey()
	if err != nil {
		d.err = err
		return d
	}
	if w, h, _ := b.size(); ds.cache != nil {
		if d.data = ds.cache.get(key, w*PNGScale, h*PNGScale); d.data != nil {
			return d
		}
	}
	sh := ds.bases[bk]
	if sh == nil {
		sh = &shared{}
		if ds.bases == nil {
			ds.bases = map[string]*shared{}
		}
		ds.bases[bk] = sh
	}
	ds.wg.Add(1)
	go func() {
		defer ds.wg.Done()
		ds.slots <- struct{}{}
		defer func() { <-ds.slots }()
		sh.once.Do(func() {
			if sh.img, sh.err = b.base(); sh.err == nil {
				sh.rows = filterRows(sh.img)
			}
		})
		if d.err = sh.err; d.err != nil {
			return
		}
		pw, _ := ds.pws.Get().(*pngWriter)
		if pw == nil {
			pw = &pngWriter{}
		}
		defer ds.pws.Put(pw)
		if d.data, d.err = pw.draw(b, sh); d.err == nil {
			ds.cache.put(key, d.data)
		}
	}()
	return d
}

// asked says that every badge of the build has been asked for: the
// looks' bases, with their refs and marks (a few megabytes), go when the
// last is drawn.
func (ds *drawings) asked() {
	go func() {
		ds.wg.Wait()
		ds.mu.Lock()
		ds.bases = nil
		ds.mu.Unlock()
		ds.cache.done()
	}()
}

// wait waits until every PNG is drawn.
func (ds *drawings) wait() { ds.wg.Wait() }

// addBadge draws b for the unit at id (and its former ids) and returns
// what its page shows; name is the unit's, for the snippet's alt.
func (d *directory) addBadge(baseURL, id string, former []string, b *badge, source string) (*Badge, error) {
	sf, err := d.drawings.svg(b)
	if err != nil {
		return nil, err
	}
	f := badgeFiles{svg: sf.data, png: d.drawings.draw(b), source: source}
	for _, x := range append([]string{id}, former...) {
		f.dirs = append(f.dirs, strings.TrimPrefix(URL, "/")+x)
	}
	d.badges = append(d.badges, f)
	w, h := sf.w, sf.h
	v := &Badge{SVG: URL + id + "/" + BadgeSVG, PNG: URL + id + "/" + BadgePNG, Alt: b.title, Shown: strings.Join(b.lines, ", "), Word: b.word, Region: b.region, Width: w, Height: h}
	if baseURL != "" {
		e := template.HTMLEscapeString
		v.Snippet = fmt.Sprintf(`<a href="%s"><img src="%s" alt="%s" width="%d" height="%d"></a>`,
			e(baseURL+URL+id+"/"), e(baseURL+v.SVG), e(b.title), w, h)
	}
	return v, nil
}

// writeBadges writes every badge's files, on two goroutines: two files a
// unit (10 000 at 5 000 units) were the last of the features' writes,
// with the other core idle. The first problem in the badges' order is
// the one returned.
func (d *directory) writeBadges(out interface {
	WriteRaw(p, src string, data []byte) error
}) error {
	d.drawings.wait()
	type unitBadge struct {
		f   *badgeFiles
		dir string
	}
	var all []unitBadge
	for i := range d.badges {
		f := &d.badges[i]
		if f.png.err != nil {
			return f.png.err
		}
		for _, dir := range f.dirs {
			all = append(all, unitBadge{f, dir})
		}
	}
	write := func(part []unitBadge) error {
		for _, u := range part {
			if err := out.WriteRaw(u.dir+"/"+BadgeSVG, u.f.source, u.f.svg); err != nil {
				return err
			}
			if err := out.WriteRaw(u.dir+"/"+BadgePNG, u.f.source, u.f.png.data); err != nil {
				return err
			}
		}
		return nil
	}
	half := len(all) / 2
	var second error
	var wg sync.WaitGroup
	wg.Go(func() { second = write(all[half:]) })
	first := write(all[:half])
	wg.Wait()
	return cmp.Or(first, second)
}
