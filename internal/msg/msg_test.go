package msg

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// TestGuideListsEveryMessage holds the editors' guide to the catalog: the
// Swedish pattern of every key, with its verbs written as … (see Pattern),
// must occur in docs/redaktorsguide.md.
func TestGuideListsEveryMessage(t *testing.T) {
	data, err := os.ReadFile("../../docs/redaktorsguide.md")
	if err != nil {
		t.Fatal(err)
	}
	guide := guideText(string(data))
	for _, k := range All() {
		for _, form := range k.Forms(SV) {
			p := Pattern(form)
			if !strings.ContainsFunc(p, unicode.IsLetter) {
				continue // a pure combinator, like "%s: %v"
			}
			if !strings.Contains(guide, guideText(p)) {
				t.Errorf("docs/redaktorsguide.md does not list %s: add a row with\n\t%s", k.ID(), p)
			}
		}
	}
}

// guideText is s as the guide test compares it: without the backticks of
// code spans and with \| unescaped.
func guideText(s string) string {
	return strings.NewReplacer("`", "", `\|`, "|").Replace(s)
}

var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z]`)

// TestCatalog checks every key: an id of the form area.what, both
// languages written, and the same number of arguments in each.
func TestCatalog(t *testing.T) {
	idRE := regexp.MustCompile(`^[a-z0-9-]+(\.[a-z0-9-]+)*$`)
	for _, k := range All() {
		if !idRE.MatchString(k.ID()) {
			t.Errorf("id %q: write it like area.what, lowercase", k.ID())
		}
		for _, l := range []Lang{SV, EN} {
			for _, f := range k.Forms(l) {
				if strings.TrimSpace(f) == "" {
					t.Errorf("%s has no %s text", k.ID(), l)
				}
			}
		}
		sv, en := verbRE.FindAllString(k.Text(SV), -1), verbRE.FindAllString(k.Text(EN), -1)
		if len(sv) != len(en) {
			t.Errorf("%s: the Swedish takes %d arguments (%v), the English %d (%v)", k.ID(), len(sv), sv, len(en), en)
		}
	}
}

func TestIn(t *testing.T) {
	inner := DateFormat.With("12 sept")
	for _, tc := range []struct {
		m    Message
		l    Lang
		want string
	}{
		{Problems.With(1), SV, "1 problem"},
		{Problems.With(3), SV, "3 problem"},
		{Problems.With(1), EN, "1 problem"},
		{Problems.With(3), EN, "3 problems"},
		{YAMLValue.With("date", inner), SV, `date: "12 sept" är inte ett datum; skriv det som 2026-09-12 (år-månad-dag)`},
		{YAMLValue.With("date", inner), EN, `date: "12 sept" is not a date; write it like 2026-09-12 (year-month-day)`},
		// An error wrapping a Message is printed in the message's language.
		{YAMLValue.With("date", fmt.Errorf("wrapped: %w", inner)), EN, `date: "12 sept" is not a date; write it like 2026-09-12 (year-month-day)`},
		{YAMLValue.With("x", errors.New("plain")), EN, "x: plain"},
		{Message{}, SV, ""},
	} {
		if have := tc.m.In(tc.l); have != tc.want {
			t.Errorf("In(%s):\nhave %s\nwant %s", tc.l, have, tc.want)
		}
	}
	if have := inner.Error(); have != inner.In(SV) {
		t.Errorf("Error() = %q, want the Swedish text", have)
	}
}

func TestPattern(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"länken %s leder ingenstans", "länken … leder ingenstans"},
		{"okänd nyckel %q", `okänd nyckel "…"`},
		{"%[2]s och %[1]d, 90 %%", "… och …, 90 %"},
		{"%02d:%02d", "…:…"},
	} {
		if have := Pattern(tc.in); have != tc.want {
			t.Errorf("Pattern(%q) = %q, want %q", tc.in, have, tc.want)
		}
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"sv": SV, "en": EN, "EN": EN, "": SV} {
		if l, err := ParseLang(in); err != nil || l != want {
			t.Errorf("ParseLang(%q) = %v, %v", in, l, err)
		}
	}
	if _, err := ParseLang("de"); err == nil || err.Error() != `språket "de" finns inte; skriv -lang sv eller -lang en` {
		t.Errorf("ParseLang(de): %v", err)
	}
}
