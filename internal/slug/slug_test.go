package slug

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestMake(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Västerbotten", "vasterbotten"},
		{"Ödeshög", "odeshog"},
		{"Umeå", "umea"},
		{"Malmö", "malmo"},
		{"Åre", "are"},
		{"Pris & villkor (2026)", "pris-villkor-2026"},
		{"  --Hej--  ", "hej"},
		{"Café Noël", "cafe-noel"},
		{"Ærø Straße", "aero-strasse"},
		{"Vårdcentral Östra, Umeå", "vardcentral-ostra-umea"},
		{"!!!", ""},
		{"", ""},
		{"ÅÄÖ åäö", "aao-aao"},
		{"Zürich", "zurich"},
		{"日本", ""},
	} {
		if have := Make(tc.in); have != tc.want {
			t.Errorf("Make(%q) = %q, want %q", tc.in, have, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	if have, want := Fold("Umeå C, Ålidhem"), "umea c alidhem"; have != want {
		t.Errorf("Fold = %q, want %q", have, want)
	}
}

func TestIDs(t *testing.T) {
	var ids IDs
	for _, tc := range []struct{ in, want string }{
		{"Priser", "priser"},
		{"Priser", "priser-1"},
		{"priser", "priser-2"},
		{"???", "avsnitt"},
		{"", "avsnitt-1"},
	} {
		if have := ids.Unique(tc.in); have != tc.want {
			t.Errorf("Unique(%q) = %q, want %q", tc.in, have, tc.want)
		}
	}
}

func FuzzMake(f *testing.F) {
	f.Add("Västerbotten")
	f.Add("a--b")
	f.Add("Ödeshög Æbeltoft e\u0301\u0327 ŁÓDŹ ß Ω 한국 İstanbul")
	f.Add("Pris & villkor (2026)")
	f.Fuzz(func(t *testing.T, s string) {
		out := Make(s)
		for i, r := range out {
			ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' && i > 0 && i < len(out)-1
			if !ok {
				t.Fatalf("Make(%q) = %q: bad character %q at %d", s, out, r, i)
			}
		}
		// On invalid UTF-8 the decomposition of the whole string may swallow
		// the bytes after a bad one; Make treats a bad byte as a separator.
		if want := reference(s); utf8.ValidString(s) && out != want {
			t.Fatalf("Make(%q) = %q, but the rule applied to the whole decomposed string gives %q", s, out, want)
		}
		if f, want := Fold(s), strings.ReplaceAll(out, "-", " "); f != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, f, want)
		}
		if Make(out) != out {
			t.Fatalf("Make is not idempotent on %q: %q then %q", s, out, Make(out))
		}
	})
}

// reference is the package rule as first written: the whole string
// decomposed, then each character taken in turn. Make must agree with it.
func reference(s string) string {
	var b strings.Builder
	hyphen := false
	emit := func(r rune) {
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteRune(r)
	}
	for _, r := range norm.NFD.String(s) {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			emit(r)
		case unicode.Is(unicode.Mn, r):
		case spelled[r] != "":
			for _, c := range spelled[r] {
				emit(c)
			}
		default:
			hyphen = true
		}
	}
	return b.String()
}

func BenchmarkMake(b *testing.B) {
	for _, s := range []string{"Vårdcentralen Ålidhem, Umeå", "Barnmorskemottagningen i Skellefteå kommun"} {
		b.Run(s[:5], func(b *testing.B) {
			for b.Loop() {
				Make(s)
			}
		})
		b.Run("reference-"+s[:5], func(b *testing.B) {
			for b.Loop() {
				reference(s)
			}
		})
	}
}

func TestEscapePath(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"/dokument/Rapport 2021?.pdf", "/dokument/Rapport%202021%3F.pdf"},
		{"/dokument/a#b%c.pdf", "/dokument/a%23b%25c.pdf"},
		{"/bilder/Åre ö.jpg", "/bilder/%C3%85re%20%C3%B6.jpg"},
		{"/om/", "/om/"},
	} {
		if have := EscapePath(tc.in); have != tc.want {
			t.Errorf("EscapePath(%q) = %q, want %q", tc.in, have, tc.want)
		}
	}
}
