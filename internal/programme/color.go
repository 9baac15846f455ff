package programme

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

var hexRE = regexp.MustCompile(`^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$`)

// ParseColor reads "#3d1e63" or "#3d6".
func ParseColor(s string) (Color, bool) {
	m := hexRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Color{}, false
	}
	h := m[1]
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	v, _ := strconv.ParseUint(h, 16, 32)
	return Color{uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}

// String returns the colour as "#3d1e63".
func (c Color) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// luminance is the relative luminance of WCAG 2.2.
func (c Color) luminance() float64 {
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}

// Contrast returns the contrast ratio of a and b, from 1 to 21.
func Contrast(a, b Color) float64 {
	la, lb := a.luminance(), b.luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Mix returns a mixed with b, w parts of b (0–1).
func Mix(a, b Color, w float64) Color {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-w) + float64(y)*w)) }
	return Color{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B)}
}

var (
	white = Color{255, 255, 255}
	black = Color{0, 0, 0}
)

// MinContrast is the least contrast text may have (WCAG 2.2, 1.4.3 AA).
const MinContrast = 4.5

// Base are the colours of the stylesheet that do not follow the brand
// colour: body text, muted text and the page background. [BaseFromCSS]
// reads them from the stylesheet's custom properties.
type Base struct {
	Text, Muted, Bg Color
}

// DefaultBase are the colours of the sample stylesheet.
var DefaultBase = Base{Text: Color{0x1b, 0x1b, 0x1f}, Muted: Color{0x4a, 0x4a, 0x55}, Bg: white}

var propRE = regexp.MustCompile(`--(text|muted|bg)\s*:\s*(#[0-9a-fA-F]{3,6})\s*;`)

// BaseFromCSS reads --text, --muted and --bg from a stylesheet; a property
// that is missing keeps its value from DefaultBase.
func BaseFromCSS(css []byte) Base {
	b := DefaultBase
	for _, m := range propRE.FindAllSubmatch(css, -1) {
		c, ok := ParseColor(string(m[2]))
		if !ok {
			continue
		}
		switch string(m[1]) {
		case "text":
			b.Text = c
		case "muted":
			b.Muted = c
		case "bg":
			b.Bg = c
		}
	}
	return b
}

// Palette is what the stylesheet derives from the brand colour.
type Palette struct {
	Brand      Color // header and button background, borders
	Link       Color // links
	BrandLight Color // the light background of the footer, boxes and forms
	BrandDark  Color // buttons under the pointer, button borders
}

// PaletteOf derives the palette from the brand colour c.
func PaletteOf(c Color) Palette {
	return Palette{Brand: c, Link: c, BrandLight: Mix(c, white, 0.93), BrandDark: Mix(c, black, 0.3)}
}

// CSS returns the stylesheet that sets the palette's custom properties.
func (p Palette) CSS() []byte {
	return fmt.Appendf(nil, ":root{--brand:%s;--link:%s;--link-visited:%s;--brand-light:%s;--brand-dark:%s}\n",
		p.Brand, p.Link, p.Link, p.BrandLight, p.BrandDark)
}

// pair is a foreground on a background that must reach MinContrast.
type pair struct {
	what   *msg.Key
	fg, bg Color
}

func (p Palette) pairs(b Base) []pair {
	return []pair{
		{ProgPairLinks, p.Link, b.Bg},
		{ProgPairHeader, white, p.Brand},
		{ProgPairHover, white, p.BrandDark},
		{ProgPairFooterLinks, p.Link, p.BrandLight},
		{ProgPairFooterText, b.Text, p.BrandLight},
		{ProgPairMuted, b.Muted, p.BrandLight},
	}
}

// fails returns the pair with the lowest contrast below MinContrast.
func (p Palette) fails(b Base) (pair, float64, bool) {
	var worst pair
	low := math.Inf(1)
	for _, q := range p.pairs(b) {
		if c := Contrast(q.fg, q.bg); c < low {
			worst, low = q, c
		}
	}
	return worst, low, low < MinContrast
}

// CheckColor parses the brand colour s written at `at` and checks its
// palette against the stylesheet's base colours. It returns the palette
// and whether s could be used.
func CheckColor(s string, at yamldoc.Pos, base Base, errs *diag.List) (Palette, bool) {
	c, ok := ParseColor(s)
	if !ok {
		errs.At(File, at.Line, at.Col, ProgColor.With(s)).
			Tip(HintProgColor.With())
		return Palette{}, false
	}
	p := PaletteOf(c)
	q, ratio, bad := p.fails(base)
	if !bad {
		return p, true
	}
	e := errs.At(File, at.Line, at.Col, ProgContrast.With(c, q.what.With(), ratioString(ratio)))
	if d, ok := passing(c, base); ok {
		e.Tip(HintProgDarker.With(d))
	} else {
		e.Tip(HintProgDarkerAny.With())
	}
	return p, false
}

// passing returns the first colour on the way from c to black whose
// palette passes.
func passing(c Color, base Base) (Color, bool) {
	for w := 0.02; w <= 1; w += 0.02 {
		d := Mix(c, black, w)
		if _, _, bad := PaletteOf(d).fails(base); !bad {
			return d, true
		}
	}
	return Color{}, false
}

// ratioString writes a contrast ratio the Swedish way, rounded down to
// two decimals so that a failing ratio never prints as 4,5: "4,49".
func ratioString(r float64) string {
	return strings.Replace(strconv.FormatFloat(math.Floor(r*100)/100, 'f', 2, 64), ".", ",", 1)
}
