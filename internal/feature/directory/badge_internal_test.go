package directory

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

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
func themeWords(t *testing.T) *settings.Words {
	t.Helper()
	w, errs := settings.LoadWords(os.DirFS("../../.."), nil)
	if w == nil || len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	return w
}
