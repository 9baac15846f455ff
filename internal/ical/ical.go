// Package ical writes calendar files (RFC 5545) for seminar sessions, so a
// visitor can add a session to their calendar ("Lägg till i kalender").
//
// # Output
//
// [Calendar.Bytes] writes one VCALENDAR with VERSION:2.0, PRODID,
// CALSCALE:GREGORIAN, METHOD:PUBLISH, the calendar's name (X-WR-CALNAME),
// the VTIMEZONE of Europe/Stockholm and one VEVENT per [Event]:
//
//	BEGIN:VEVENT
//	UID:20260831T100000-seminarier-individuell@hbtq.example.se
//	DTSTAMP:20261123T000000Z
//	DTSTART;TZID=Europe/Stockholm:20260831T100000
//	DTEND;TZID=Europe/Stockholm:20260831T120000
//	SUMMARY:Seminarium för den individuella delen
//	DESCRIPTION:…
//	LOCATION:Digitalt
//	URL:https://hbtq.example.se/seminarier/individuell/
//	END:VEVENT
//
// The output follows the RFC's rules:
//
//   - Every line ends in CRLF.
//   - A line longer than 75 octets is folded: CRLF and one space, never
//     inside a UTF-8 character ([Fold], [Unfold]).
//   - TEXT values (SUMMARY, DESCRIPTION, LOCATION, X-WR-CALNAME) escape
//     backslash, semicolon and comma with a backslash and write a newline as
//     \n ([Escape]); other control characters are dropped. Other values lose
//     their control characters, so no value can break a line.
//   - Every event has UID, DTSTAMP and DTSTART; DTEND when the event has an
//     end.
//
// # Times
//
// Start and end are written as local times in Europe/Stockholm (TZID), and
// the calendar carries the VTIMEZONE that defines that zone with the EU's
// daylight saving rule: summer time from the last Sunday of March at 02.00
// to the last Sunday of October at 03.00. A session at 10.00 is 10.00 on
// both sides of a change, in every calendar program. DTSTAMP is
// [Calendar.Stamp] in UTC: the build's -now, so the same input gives the
// same file.
//
// # UIDs
//
// A UID must stay the same from build to build, or calendar programs show a
// session twice after an update. [UID] makes one from the session's start,
// the page's address and the site's host:
// "20260831T100000-seminarier-individuell@hbtq.example.se".
//
// # Checking
//
// [Check] checks any calendar file against the rules above, for tests of
// this package and of the site's output.
package ical

import (
	"bytes"
	"errors"
	"fmt"
	"hbtq/internal/swedish"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Event is one calendar event.
type Event struct {
	UID         string    // stable across builds; see UID
	Start, End  time.Time // any location; written in Europe/Stockholm. A zero End leaves DTEND out
	Summary     string    // the title
	Description string    // plain text; newlines are kept
	Location    string    // "Digitalt" or the place
	URL         string    // the seminar's page
	Cancelled   bool      // STATUS:CANCELLED: the event will not take place
}

// Calendar is a set of events.
type Calendar struct {
	ProdID string    // "-//Region Mittland//Hbtq-diplomering//SV"
	Name   string    // the calendar's name (X-WR-CALNAME); may be empty
	Stamp  time.Time // DTSTAMP of every event: the build's -now
	Events []Event
}

// TZID is the time zone of every event.
const TZID = "Europe/Stockholm"

const vtimezone = "BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n" +
	"BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n" +
	"BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n" +
	"END:VTIMEZONE\r\n"

// stockholm is the location of TZID.
var stockholm = swedish.Location()

const (
	localFormat = "20060102T150405"
	utcFormat   = "20060102T150405Z"
)

// Bytes returns the calendar as an .ics file.
func (c *Calendar) Bytes() []byte {
	var b bytes.Buffer
	line := func(name, value string) { b.WriteString(Fold(name + ":" + value)) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", clean(c.ProdID))
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if c.Name != "" {
		line("X-WR-CALNAME", Escape(c.Name))
	}
	b.WriteString(vtimezone)
	stamp := c.Stamp.UTC().Format(utcFormat)
	for _, e := range c.Events {
		line("BEGIN", "VEVENT")
		line("UID", clean(e.UID))
		line("DTSTAMP", stamp)
		line("DTSTART;TZID="+TZID, e.Start.In(stockholm).Format(localFormat))
		if !e.End.IsZero() {
			line("DTEND;TZID="+TZID, e.End.In(stockholm).Format(localFormat))
		}
		line("SUMMARY", Escape(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION", Escape(e.Description))
		}
		if e.Location != "" {
			line("LOCATION", Escape(e.Location))
		}
		if e.URL != "" {
			line("URL", clean(e.URL))
		}
		if e.Cancelled {
			line("STATUS", "CANCELLED")
		}
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return b.Bytes()
}

// UID returns a stable id for the event that starts at start on the page
// at pageURL of the site at host: UID(t, "/seminarier/individuell/",
// "hbtq.example.se") is "20260831T100000-seminarier-individuell@hbtq.example.se".
// The start is taken in Stockholm. Characters other than a–z, A–Z, 0–9,
// "-", "_" and "." in the page's address become hyphens.
func UID(start time.Time, pageURL, host string) string {
	page := strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.') {
			return r
		}
		return '-'
	}, pageURL)
	page = strings.Trim(hyphensRE.ReplaceAllString(page, "-"), "-")
	id := start.In(stockholm).Format(localFormat)
	if page != "" {
		id += "-" + page
	}
	return id + "@" + clean(host)
}

// Escape escapes a TEXT value: backslash, semicolon and comma get a
// backslash, a line break (CRLF, LF or CR) becomes \n, and other control
// characters are dropped.
func Escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteByte(c)
		default:
			if c < 0x20 || c == 0x7f {
				continue
			}
			b.WriteByte(c)
		}
	}
	return strings.ToValidUTF8(b.String(), "\uFFFD")
}

// clean drops the control characters from a value that is not TEXT, so it
// cannot break its line.
func clean(s string) string {
	return strings.ToValidUTF8(strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s), "\uFFFD")
}

// Fold returns one content line (without its line break), folded at 75
// octets with CRLF and a space, never inside a UTF-8 character, and ending
// in CRLF. A continuation line holds at most 74 octets after its space.
func Fold(line string) string {
	var b strings.Builder
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > limit-utf8.UTFMax && !utf8.RuneStart(line[cut]) {
			cut--
		}
		if !utf8.RuneStart(line[cut]) {
			cut = limit // not UTF-8: any cut keeps the line short
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(line)
	b.WriteString("\r\n")
	return b.String()
}

// Unfold undoes folding: it removes every CRLF followed by a space or a
// tab, joining continuation lines to the line before.
func Unfold(s string) string {
	return strings.NewReplacer("\r\n ", "", "\r\n\t", "").Replace(s)
}

var (
	hyphensRE  = regexp.MustCompile(`-+`)
	nameRE     = regexp.MustCompile(`^[A-Za-z0-9-]+(;[A-Za-z0-9-]+=("[^"]*"|[^";:,]*)(,("[^"]*"|[^";:,]*))*)*:`)
	dateTimeRE = regexp.MustCompile(`^\d{8}T\d{6}Z?$`)
)

// Check reports every way data breaks the rules in the package comment:
// CRLF line ends, lines of at most 75 octets that do not split a UTF-8
// character, content lines of the form NAME;PARAM=VALUE:value, BEGIN and
// END in balance, one VCALENDAR with VERSION:2.0 and PRODID, events with
// one each of UID, DTSTAMP (in UTC) and DTSTART, times written
// 20260831T100000, and a VTIMEZONE for every TZID used. It returns nil for
// a good file; each problem names its line (counted in physical lines).
func Check(data []byte) error {
	var errs []error
	bad := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("line %d: %s", line, fmt.Sprintf(format, args...)))
	}
	s := string(data)
	if s == "" {
		return errors.New("the file is empty")
	}
	physical := strings.Split(s, "\n")
	if last := physical[len(physical)-1]; last != "" {
		bad(len(physical), "the file does not end in CRLF")
	} else {
		physical = physical[:len(physical)-1]
	}
	// Join continuation lines, remembering where each content line starts.
	type content struct {
		text string
		line int
	}
	var lines []content
	var lfOnly []int
	for i, l := range physical {
		n := i + 1
		if cut, ok := strings.CutSuffix(l, "\r"); ok {
			l = cut
		} else if n < len(physical) || strings.HasSuffix(s, "\n") {
			lfOnly = append(lfOnly, n)
		}
		if strings.Contains(l, "\r") {
			bad(n, "a CR that does not end the line")
		}
		if len(l) > 75 {
			bad(n, "the line has %d octets, more than 75", len(l))
		}
		if !utf8.ValidString(l) {
			bad(n, "the line is not UTF-8, or splits a character")
		}
		if (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")) && len(lines) > 0 {
			lines[len(lines)-1].text += l[1:]
			continue
		}
		lines = append(lines, content{l, n})
	}
	switch len(lfOnly) {
	case 0:
	case 1:
		bad(lfOnly[0], "the line ends in LF, not CRLF")
	default:
		bad(lfOnly[0], "the line ends in LF, not CRLF, and so do %d more", len(lfOnly)-1)
	}
	type component struct {
		name  string
		line  int
		props map[string]int
	}
	var stack []*component
	tzids := map[string]bool{}
	type use struct {
		tzid string
		line int
	}
	var used []use // the first use of each TZID
	seenTZ := map[string]bool{}
	calendars := 0
	for _, c := range lines {
		if !nameRE.MatchString(c.text) {
			text := c.text
			if len(text) > 40 {
				text = strings.ToValidUTF8(text[:40], "") + "…"
			}
			bad(c.line, "%q is not a content line (NAME:value)", text)
			continue
		}
		head, value, _ := strings.Cut(c.text, ":")
		name, params, _ := strings.Cut(head, ";")
		name = strings.ToUpper(name)
		switch name {
		case "BEGIN":
			if len(stack) == 0 {
				if value != "VCALENDAR" {
					bad(c.line, "the file must begin with BEGIN:VCALENDAR")
				} else {
					calendars++
				}
			}
			stack = append(stack, &component{name: value, line: c.line, props: map[string]int{}})
			continue
		case "END":
			k := len(stack) - 1
			for k >= 0 && stack[k].name != value {
				k--
			}
			if k < 0 {
				bad(c.line, "END:%s without BEGIN:%s", value, value)
				continue
			}
			for _, open := range stack[k+1:] {
				bad(open.line, "BEGIN:%s is never closed; END:%s on line %d comes first", open.name, value, c.line)
			}
			top := stack[k]
			stack = stack[:k]
			var required []string
			switch top.name {
			case "VCALENDAR":
				required = []string{"VERSION", "PRODID"}
			case "VEVENT":
				required = []string{"UID", "DTSTAMP", "DTSTART"}
			case "VTIMEZONE":
				required = []string{"TZID"}
			}
			for _, p := range required {
				if top.props[p] != 1 {
					bad(top.line, "%s has %d %s, want one", top.name, top.props[p], p)
				}
			}
			continue
		}
		if len(stack) == 0 {
			bad(c.line, "%s is outside BEGIN:VCALENDAR … END:VCALENDAR", name)
			continue
		}
		top := stack[len(stack)-1]
		top.props[name]++
		switch {
		case name == "VERSION" && top.name == "VCALENDAR" && value != "2.0":
			bad(c.line, "VERSION is %q, want 2.0", value)
		case name == "TZID" && top.name == "VTIMEZONE":
			tzids[value] = true
		case top.name == "VEVENT" && (name == "DTSTAMP" || name == "DTSTART" || name == "DTEND"):
			if !dateTimeRE.MatchString(value) {
				bad(c.line, "%s %q is not a date and time like 20260831T100000", name, value)
			}
			tz, hasTZ := param(params, "TZID")
			switch {
			case name == "DTSTAMP" && !strings.HasSuffix(value, "Z"):
				bad(c.line, "DTSTAMP must be in UTC (end in Z)")
			case hasTZ && strings.HasSuffix(value, "Z"):
				bad(c.line, "%s has a TZID and a UTC time", name)
			case hasTZ && !seenTZ[tz]:
				seenTZ[tz] = true
				used = append(used, use{tz, c.line})
			}
		}
	}
	for _, open := range stack {
		bad(open.line, "BEGIN:%s is never closed", open.name)
	}
	if calendars != 1 {
		bad(1, "the file has %d calendars, want one", calendars)
	}
	for _, u := range used {
		if !tzids[u.tzid] {
			bad(u.line, "TZID %s has no VTIMEZONE", u.tzid)
		}
	}
	return errors.Join(errs...)
}

// param returns the value of parameter name in params ("TZID=Europe/Stockholm;…").
func param(params, name string) (string, bool) {
	for _, p := range strings.Split(params, ";") {
		if k, v, ok := strings.Cut(p, "="); ok && strings.EqualFold(k, name) {
			return strings.Trim(v, `"`), true
		}
	}
	return "", false
}
