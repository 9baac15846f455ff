package msg

import (
	"errors"
	"fmt"
	"testing"
)

// dateFormat is a key of the test's own, with the pattern of yamldoc's
// DateFormat, to nest in YAMLValue.
var dateFormat = def("msgtest.date-format",
	"%q är inte ett datum; skriv det som 2026-09-12 (år-månad-dag)",
	"%q is not a date; write it like 2026-09-12 (year-month-day)")

func TestIn(t *testing.T) {
	inner := dateFormat.With("12 sept")
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
