package ical

import (
	"flag"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func cal() *Calendar {
	loc, _ := time.LoadLocation(TZID)
	return &Calendar{
		ProdID: "-//Region Mittland//Hbtq-diplomering//SV",
		Name:   "Seminarier, hbtq-diplomering",
		Stamp:  time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC),
		Events: []Event{
			{
				UID:   "20261024T1000-seminarier-individuell@hbtq.mittland.example.se",
				Start: time.Date(2026, 10, 24, 10, 0, 0, 0, loc), End: time.Date(2026, 10, 24, 12, 0, 0, 0, loc),
				Summary:     "Seminarium: individuell del; för nya medarbetare, catch up",
				Description: "Digitalt seminarium.\nLänk skickas efter anmälan. Åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö.",
				Location:    "Digitalt", URL: "https://hbtq.mittland.example.se/seminarier/individuell/",
			},
			{
				UID:   "20261026T1000-seminarier-individuell@hbtq.mittland.example.se",
				Start: time.Date(2026, 10, 26, 10, 0, 0, 0, loc), End: time.Date(2026, 10, 26, 12, 0, 0, 0, loc),
				Summary: "Seminarium", Location: "Exempelgatan 1, Umeå",
			},
		},
	}
}

func TestRules(t *testing.T) {
	out := string(cal().Bytes())
	if !strings.HasSuffix(out, "\r\n") {
		t.Error("the file does not end in CRLF")
	}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if strings.Contains(line, "\n") || strings.Contains(line, "\r") {
			t.Errorf("line %d has a bare LF or CR: %q", i+1, line)
		}
		if len(line) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, line)
		}
	}
	un := Unfold(out)
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", "PRODID:", "BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n", "END:VCALENDAR\r\n",
		"DTSTAMP:20261123T000000Z\r\n",
		"SUMMARY:Seminarium: individuell del\\; för nya medarbetare\\, catch up\r\n",
		"DESCRIPTION:Digitalt seminarium.\\nLänk skickas efter anmälan.",
	} {
		if !strings.Contains(un, want) {
			t.Errorf("the calendar lacks %q", want)
		}
	}
	if b, e := strings.Count(un, "BEGIN:VEVENT"), strings.Count(un, "END:VEVENT"); b != 2 || e != 2 {
		t.Errorf("%d BEGIN:VEVENT and %d END:VEVENT, want 2 each", b, e)
	}
	for _, ev := range strings.Split(un, "BEGIN:VEVENT")[1:] {
		for _, p := range []string{"UID:", "DTSTAMP:", "DTSTART;TZID=Europe/Stockholm:", "DTEND;TZID=Europe/Stockholm:"} {
			if !strings.Contains(ev, "\r\n"+p) {
				t.Errorf("an event lacks %s", p)
			}
		}
	}
}

// TestDaylightSaving: 24 and 26 October 2026 lie on either side of the
// change on 25 October. Both start at 10.00 local time, which is 08.00 and
// 09.00 UTC.
func TestDaylightSaving(t *testing.T) {
	c := cal()
	un := Unfold(string(c.Bytes()))
	for _, want := range []string{"DTSTART;TZID=Europe/Stockholm:20261024T100000", "DTSTART;TZID=Europe/Stockholm:20261026T100000"} {
		if !strings.Contains(un, want) {
			t.Errorf("lacks %s", want)
		}
	}
	if h := c.Events[0].Start.UTC().Hour(); h != 8 {
		t.Errorf("24 October 10.00 is %d.00 UTC, want 8.00 (summer time)", h)
	}
	if h := c.Events[1].Start.UTC().Hour(); h != 9 {
		t.Errorf("26 October 10.00 is %d.00 UTC, want 9.00 (winter time)", h)
	}
	if !strings.Contains(un, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU") || !strings.Contains(un, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU") {
		t.Error("the VTIMEZONE lacks the EU rule")
	}
}

func TestGolden(t *testing.T) {
	have := cal().Bytes()
	const golden = "testdata/seminar.ics"
	if *update {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile(golden, have, 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/ical -update)", err)
	}
	if string(want) != string(have) {
		t.Errorf("the calendar differs from %s:\n%s", golden, have)
	}
}

func FuzzFold(f *testing.F) {
	f.Add("DESCRIPTION:" + strings.Repeat("åäö", 60))
	f.Add("X")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\r\n") {
			return
		}
		out := Fold(s)
		for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(l) > 75 {
				t.Fatalf("line of %d octets", len(l))
			}
		}
		if Unfold(strings.TrimSuffix(out, "\r\n")) != s {
			t.Fatalf("unfolding does not give the input back")
		}
	})
}
