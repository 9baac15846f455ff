package ical

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func local(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, stockholm)
}

const host = "hbtq.mittland.example.se"

// cal has sessions on both sides of the change to winter time on 25
// October 2026, one on that day and one on the day of the change to
// summer time, 29 March 2026.
func cal() *Calendar {
	page := "/seminarier/individuell/"
	ev := func(start, end time.Time) Event {
		return Event{UID: UID(start.Format("20060102T150405"), page, host), Start: start, End: end, Summary: "Seminarium", URL: "https://" + host + page}
	}
	first := ev(local(2026, 10, 24, 10, 0), local(2026, 10, 24, 12, 0))
	first.Summary = "Seminarium: individuell del; för nya medarbetare, catch up"
	first.Description = "Digitalt seminarium.\nLänk skickas efter anmälan. Åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö."
	first.Location = "Digitalt"
	second := ev(local(2026, 10, 26, 10, 0), local(2026, 10, 26, 12, 0))
	second.Location = "Exempelgatan 1, Umeå"
	return &Calendar{
		ProdID: "-//Region Mittland//Hbtq-diplomering//SV",
		Name:   "Seminarier, hbtq-diplomering",
		Stamp:  time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC),
		Events: []Event{
			first, second,
			ev(local(2026, 10, 25, 10, 0), local(2026, 10, 25, 12, 0)),
			ev(local(2026, 3, 29, 10, 0), local(2026, 3, 29, 12, 0)),
		},
	}
}

func TestRules(t *testing.T) {
	out := string(cal().Bytes())
	if err := Check([]byte(out)); err != nil {
		t.Errorf("Check: %v", err)
	}
	if !strings.HasSuffix(out, "\r\n") {
		t.Error("the file does not end in CRLF")
	}
	depth := 0
	for i, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d has a bare LF or CR: %q", i+1, line)
		}
		if len(line) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, line)
		}
		switch {
		case strings.HasPrefix(line, "BEGIN:"):
			depth++
		case strings.HasPrefix(line, "END:"):
			depth--
		}
		if depth < 0 {
			t.Fatalf("line %d: END without BEGIN", i+1)
		}
	}
	if depth != 0 {
		t.Errorf("%d BEGIN without END", depth)
	}
	un := Unfold(out)
	for _, want := range []string{
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Region Mittland//Hbtq-diplomering//SV\r\n",
		"BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n",
		"X-WR-CALNAME:Seminarier\\, hbtq-diplomering\r\n",
		"DTSTAMP:20261123T000000Z\r\n",
		"SUMMARY:Seminarium: individuell del\\; för nya medarbetare\\, catch up\r\n",
		"DESCRIPTION:Digitalt seminarium.\\nLänk skickas efter anmälan. Åäö",
		"LOCATION:Exempelgatan 1\\, Umeå\r\n",
		"UID:20261024T100000-seminarier-individuell@hbtq.mittland.example.se\r\n",
		"END:VCALENDAR\r\n",
	} {
		if !strings.Contains(un, want) {
			t.Errorf("the calendar lacks %q", want)
		}
	}
	if b, e := strings.Count(un, "BEGIN:VEVENT\r\n"), strings.Count(un, "END:VEVENT\r\n"); b != 4 || e != 4 {
		t.Errorf("%d BEGIN:VEVENT and %d END:VEVENT, want 4 each", b, e)
	}
	for i, ev := range strings.Split(un, "BEGIN:VEVENT")[1:] {
		for _, p := range []string{"UID:", "DTSTAMP:", "DTSTART;TZID=Europe/Stockholm:", "DTEND;TZID=Europe/Stockholm:", "SUMMARY:"} {
			if n := strings.Count(ev, "\r\n"+p); n != 1 {
				t.Errorf("event %d has %d %s, want one", i+1, n, p)
			}
		}
	}
	if !bytes.Equal(cal().Bytes(), []byte(out)) {
		t.Error("the same calendar gives a different file the second time")
	}
}

// TestDaylightSaving: summer time ends on 25 October 2026 at 03.00 and
// begins on 29 March 2026 at 02.00. A session at 10.00 is written as 10.00
// local time on every side of a change, and the VTIMEZONE says when the
// changes are; in UTC the sessions before and after 25 October are an hour
// apart.
func TestDaylightSaving(t *testing.T) {
	c := cal()
	un := Unfold(string(c.Bytes()))
	for _, want := range []string{
		"DTSTART;TZID=Europe/Stockholm:20261024T100000\r\nDTEND;TZID=Europe/Stockholm:20261024T120000\r\n",
		"DTSTART;TZID=Europe/Stockholm:20261025T100000\r\nDTEND;TZID=Europe/Stockholm:20261025T120000\r\n",
		"DTSTART;TZID=Europe/Stockholm:20261026T100000\r\nDTEND;TZID=Europe/Stockholm:20261026T120000\r\n",
		"DTSTART;TZID=Europe/Stockholm:20260329T100000\r\nDTEND;TZID=Europe/Stockholm:20260329T120000\r\n",
		"BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n",
		"BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n",
	} {
		if !strings.Contains(un, want) {
			t.Errorf("lacks %q", want)
		}
	}
	for _, tc := range []struct {
		ev   int
		utc  int
		when string
	}{{0, 8, "24 October (summer time)"}, {2, 9, "25 October (winter time from 03.00)"}, {1, 9, "26 October (winter time)"}, {3, 8, "29 March (summer time from 02.00)"}} {
		if h := c.Events[tc.ev].Start.UTC().Hour(); h != tc.utc {
			t.Errorf("%s: 10.00 is %02d.00 UTC, want %02d.00", tc.when, h, tc.utc)
		}
	}
	if d := c.Events[1].Start.Sub(c.Events[0].Start); d != 49*time.Hour {
		t.Errorf("10.00 on 24 October to 10.00 on 26 October is %v, want 49h (the night of the change has 25 hours)", d)
	}
	// A time given in UTC is written in Stockholm time.
	one := Calendar{ProdID: "-//x//y//SV", Stamp: c.Stamp, Events: []Event{{UID: "a@b", Start: time.Date(2026, 10, 26, 9, 0, 0, 0, time.UTC)}}}
	if un := Unfold(string(one.Bytes())); !strings.Contains(un, "DTSTART;TZID=Europe/Stockholm:20261026T100000\r\n") || strings.Contains(un, "DTEND") {
		t.Errorf("09.00 UTC on 26 October, no end:\n%s", un)
	}
}

func TestUID(t *testing.T) {
	for _, tc := range []struct {
		id, page, want string
	}{
		{"traff-1", "/seminarier/individuell/", "traff-1-seminarier-individuell@hbtq.example.se"},
		{"20260831T1000", "/seminarier/individuell/", "20260831T1000-seminarier-individuell@hbtq.example.se"},
		{"traff-1", "/", "traff-1@hbtq.example.se"},
		{"traff-1", "/seminarier/träffar på plats/", "traff-1-seminarier-tr-ffar-p-plats@hbtq.example.se"},
		{"a\r\nb", "/s/", "ab-s@hbtq.example.se"},
	} {
		if have := UID(tc.id, tc.page, "hbtq.example.se"); have != tc.want {
			t.Errorf("UID(%q, %q): have %q, want %q", tc.id, tc.page, have, tc.want)
		}
	}
}

// TestSequence: an event has SEQUENCE when it is more than 0, and the checker
// refuses one that is not a whole number.
func TestSequence(t *testing.T) {
	c := Calendar{ProdID: "-//x//y//SV", Stamp: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), Events: []Event{
		{UID: "a@b", Start: local(2026, 9, 1, 10, 0)},
		{UID: "b@b", Start: local(2026, 9, 2, 10, 0), Sequence: 9822},
	}}
	out := string(c.Bytes())
	if strings.Contains(out, "SEQUENCE:0") || !strings.Contains(out, "UID:b@b\r\nDTSTAMP:20261123T000000Z\r\nSEQUENCE:9822\r\n") {
		t.Errorf("want no SEQUENCE:0 and SEQUENCE:9822 after DTSTAMP:\n%s", out)
	}
	if err := Check([]byte(strings.Replace(out, "SEQUENCE:9822", "SEQUENCE:-1", 1))); err == nil {
		t.Error("the checker accepts SEQUENCE:-1")
	}
}

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Umeå, Exempelgatan 1", `Umeå\, Exempelgatan 1`},
		{"a;b", `a\;b`},
		{`C:\temp`, `C:\\temp`},
		{"rad ett\nrad två", `rad ett\nrad två`},
		{"rad ett\r\nrad två\rrad tre", `rad ett\nrad två\nrad tre`},
		{"tab\tkvar, bell\a borta", "tab\tkvar\\, bell borta"},
		{"kolon: ok", "kolon: ok"},
		{"bad \xff utf-8", "bad \uFFFD utf-8"},
	} {
		if have := Escape(tc.in); have != tc.want {
			t.Errorf("Escape(%q): have %q, want %q", tc.in, have, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	a := func(n int) string { return strings.Repeat("a", n) }
	for _, tc := range []struct {
		name, in string
		want     []string // the physical lines
	}{
		{"short", "SUMMARY:Hej", []string{"SUMMARY:Hej"}},
		{"exactly 75", a(75), []string{a(75)}},
		{"76", a(76), []string{a(75), " a"}},
		{"continuation lines hold 74", a(75 + 74 + 1), []string{a(75), " " + a(74), " a"}},
		// "DESCRIPTION:" and 62 a's are 74 octets; ö is octets 75 and 76,
		// so the fold comes before it and the first line has 74 octets.
		{"ö across the boundary", "DESCRIPTION:" + a(62) + "öäå", []string{"DESCRIPTION:" + a(62), " öäå"}},
		{"ö just fits", "DESCRIPTION:" + a(61) + "öäå", []string{"DESCRIPTION:" + a(61) + "ö", " äå"}},
		{"a four-octet character", a(73) + "🏳️‍🌈", []string{a(73), " 🏳️‍🌈"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := Fold(tc.in)
			if !strings.HasSuffix(out, "\r\n") {
				t.Fatalf("%q does not end in CRLF", out)
			}
			have := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
			if d := cmp.Diff(tc.want, have); d != "" {
				t.Errorf("(-want +have):\n%s", d)
			}
			if Unfold(out) != tc.in+"\r\n" {
				t.Errorf("Unfold(Fold(s)) != s")
			}
		})
	}
	// Not UTF-8: still short lines, and no endless loop.
	if out := Fold(strings.Repeat("\x80", 200)); strings.Count(out, "\r\n") != 3 {
		t.Errorf("200 continuation bytes: %q", out)
	}
}

func TestCheck(t *testing.T) {
	good := string(cal().Bytes())
	for _, tc := range []struct {
		name string
		file string
		want string
	}{
		{"good", good, ""},
		{"LF", strings.ReplaceAll(good, "\r\n", "\n"), "line 1: the line ends in LF, not CRLF, and so do 59 more"},
		{"no line end", strings.TrimSuffix(good, "\r\n"), "line 60: the file does not end in CRLF"},
		{"bare CR", strings.Replace(good, "Digitalt\r\n", "Digi\rtalt\r\n", 1), "line 32: a CR that does not end the line"},
		{"long line", strings.Replace(good, "SUMMARY:Seminarium\r\n", "SUMMARY:"+strings.Repeat("x", 70)+"\r\n", 1),
			"line 40: the line has 78 octets, more than 75"},
		{"split character", strings.Replace(good, "Åäö åä\r\n ö", "Åäö å\xc3\r\n \xa4ö", 1),
			"line 30: the line is not UTF-8, or splits a character\nline 31: the line is not UTF-8, or splits a character"},
		{"no UID", strings.Replace(good, "UID:20261026T100000-seminarier-individuell@hbtq.mittland.example.se\r\n", "", 1),
			"line 35: VEVENT has 0 UID, want one"},
		{"two PRODID", strings.Replace(good, "METHOD:PUBLISH\r\n", "PRODID:x\r\n", 1), "line 1: VCALENDAR has 2 PRODID, want one"},
		{"not closed", strings.Replace(good, "END:VEVENT\r\nEND:VCALENDAR\r\n", "END:VCALENDAR\r\n", 1),
			"line 52: BEGIN:VEVENT is never closed; END:VCALENDAR on line 59 comes first"},
		{"END without BEGIN", good + "END:VEVENT\r\n", "line 61: END:VEVENT without BEGIN:VEVENT"},
		{"two calendars", good + good, "line 1: the file has 2 calendars, want one"},
		{"version", strings.Replace(good, "VERSION:2.0", "VERSION:1.0", 1), `line 2: VERSION is "1.0", want 2.0`},
		{"local DTSTAMP", strings.Replace(good, "DTSTAMP:20261123T000000Z", "DTSTAMP:20261123T000000", 1), "line 26: DTSTAMP must be in UTC (end in Z)"},
		{"bad time", strings.Replace(good, "20261024T100000\r\n", "2026-10-24 10:00\r\n", 1), `line 27: DTSTART "2026-10-24 10:00" is not a date and time like 20260831T100000`},
		{"TZID and UTC", strings.Replace(good, "20261024T100000\r\n", "20261024T080000Z\r\n", 1), `line 27: DTSTART has a TZID and a UTC time`},
		{"no VTIMEZONE", strings.Replace(good, "TZID:Europe/Stockholm\r\n", "TZID:Europe/Oslo\r\n", 1), "line 27: TZID Europe/Stockholm has no VTIMEZONE"},
		{"not a content line", strings.Replace(good, "CALSCALE:GREGORIAN", "CALSCALE GREGORIAN", 1), `line 4: "CALSCALE GREGORIAN" is not a content line (NAME:value)`},
		{"not a calendar", "BEGIN:VEVENT\r\nEND:VEVENT\r\n", "line 1: the file must begin with BEGIN:VCALENDAR\nline 1: VEVENT has 0 UID, want one\nline 1: VEVENT has 0 DTSTAMP, want one\nline 1: VEVENT has 0 DTSTART, want one\nline 1: the file has 0 calendars, want one"},
		{"empty", "", "the file is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			have := ""
			if err := Check([]byte(tc.file)); err != nil {
				have = err.Error()
			}
			if have != tc.want {
				t.Errorf("have\n%s\nwant\n%s", have, tc.want)
			}
		})
	}
}

func TestGolden(t *testing.T) {
	have := cal().Bytes()
	const golden = "testdata/seminar.ics"
	if *update {
		if err := os.WriteFile(golden, have, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/ical -update)", err)
	}
	if d := cmp.Diff(string(want), string(have)); d != "" {
		t.Errorf("the calendar differs from %s (-want +have):\n%s", golden, d)
	}
}

func FuzzFold(f *testing.F) {
	f.Add("DESCRIPTION:" + strings.Repeat("åäö", 60))
	f.Add("DESCRIPTION:" + strings.Repeat("a", 62) + "öäå")
	f.Add("X")
	f.Add(strings.Repeat("\x80", 100))
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\r\n") {
			return // a content line has no line breaks: values are escaped
		}
		out := Fold(s)
		lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
		for i, l := range lines {
			if len(l) > 75 {
				t.Fatalf("line %d has %d octets", i+1, len(l))
			}
			if i > 0 && (l == " " || l[0] != ' ') {
				t.Fatalf("continuation line %d is %q", i+1, l)
			}
			if utf8.ValidString(s) && !utf8.ValidString(l) {
				t.Fatalf("line %d splits a character: %q", i+1, l)
			}
		}
		if Unfold(out) != s+"\r\n" {
			t.Fatalf("unfolding does not give the input back")
		}
	})
}

// FuzzCalendar: whatever the texts, the file keeps the rules.
func FuzzCalendar(f *testing.F) {
	f.Add("Seminarium; del 1, digitalt", "Rad ett\nRad två\r\nåäö \\ slut", "Umeå", "/seminarier/a/", "https://x.se/a?b=c")
	f.Fuzz(func(t *testing.T, summary, desc, loc, page, u string) {
		c := Calendar{ProdID: "-//x//y//SV", Name: summary, Stamp: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Events: []Event{{
			UID: UID(summary, page, host), Start: local(2026, 3, 29, 10, 0), End: local(2026, 3, 29, 12, 0),
			Summary: summary, Description: desc, Location: loc, URL: u,
		}}}
		if err := Check(c.Bytes()); err != nil {
			t.Fatalf("%v\n%s", err, c.Bytes())
		}
	})
}
