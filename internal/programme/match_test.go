package programme

import (
	"regexp"
	"strings"
	"testing"
)

// The expressions IsEmail and IsPhone replace.
var (
	emailRE = regexp.MustCompile(`^[^\s@<>()\[\],;:"]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$`)
	e164RE  = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)
)

// matchCases are addresses and numbers near the edges of both.
var matchCases = []string{
	"", "@", "a@b.se", "a@b.s", "a@.se", "a@b..se", "a@b.se.", "@b.se", "a b@c.se", "a\v@b.se", "a\t@b.se",
	"å@ä.ö", "a@b-c.d-e.se", "a@b.c1", "a@1.se", "a@b.se@c.se", "a@b@c.se", "a<@b.se", "a\"@b.se",
	"namn.efternamn+x@region.example.se", "a@xn--bcher-kva.example", "a@ex\xffample.se", "\xff@b.se",
	"a@b.\xff\xff", "a@b.ǅǅ", "a@b.Ⅻse", "a@b.s١", "a@١٢.se", "a@b.se\n", "a\n@b.se",
	"+46701234567", "+4670123", "+467012", "+0701234567", "+461234567890123", "+4612345678901234",
	"+46 70", "46701234567", "+४६७०१२३४५६७", "+46701234567\n",
}

// TestMatchAsExpressions: IsEmail and IsPhone give what the expressions
// give, on cases near their edges; some of each are true.
func TestMatchAsExpressions(t *testing.T) {
	emails, phones := 0, 0
	for _, s := range matchCases {
		if got, want := IsEmail(s), emailRE.MatchString(s); got != want {
			t.Errorf("IsEmail(%q) = %v, want %v", s, got, want)
		} else if got {
			emails++
		}
		if got, want := IsPhone(s), e164RE.MatchString(s); got != want {
			t.Errorf("IsPhone(%q) = %v, want %v", s, got, want)
		} else if got {
			phones++
		}
	}
	if emails < 5 || phones < 2 {
		t.Errorf("%d addresses and %d numbers matched: the cases would not see a function say no", emails, phones)
	}
}

// FuzzIsEmail: IsEmail is the expression, for any string.
func FuzzIsEmail(f *testing.F) {
	for _, s := range matchCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := IsEmail(s), emailRE.MatchString(s); got != want {
			t.Errorf("IsEmail(%q) = %v, want %v", s, got, want)
		}
		// Most strings are far from an address: one made of s too.
		a := strings.ReplaceAll(s, " ", "") + "@" + s + ".se"
		if got, want := IsEmail(a), emailRE.MatchString(a); got != want {
			t.Errorf("IsEmail(%q) = %v, want %v", a, got, want)
		}
	})
}

// FuzzIsPhone: IsPhone is the expression, for any string.
func FuzzIsPhone(f *testing.F) {
	for _, s := range matchCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := IsPhone(s), e164RE.MatchString(s); got != want {
			t.Errorf("IsPhone(%q) = %v, want %v", s, got, want)
		}
		if p := "+4" + s; IsPhone(p) != e164RE.MatchString(p) {
			t.Errorf("IsPhone(%q) = %v", p, IsPhone(p))
		}
	})
}
