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
//	UID:traff-1-seminarier-individuell@hbtq.example.se
//	DTSTAMP:20261123T000000Z
//	SEQUENCE:9822
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
//     end, SEQUENCE when it is more than 0.
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
// # UIDs and revisions
//
// A UID must stay the same from build to build, and when the event is
// moved, re-timed or cancelled, or calendar programs show a session twice
// after an update or keep the old time. [UID] makes one from the event's
// id (which the caller keeps when the event changes), the page's address
// and the site's host: "traff-1-seminarier-individuell@hbtq.example.se".
// A changed event is the same UID with its new DTSTART, DTEND or STATUS, a
// new DTSTAMP and a higher SEQUENCE ([Event.Sequence]; left out when 0,
// which is what a missing SEQUENCE means): calendar programs take the event with the
// highest SEQUENCE as the current one.
//
// The tests hold every file this package writes to these rules with a
// checker of their own (check_test.go), which reads any calendar file.
package ical

import (
	"bytes"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Event is one calendar event.
type Event struct {
	UID         string    // stable across builds; see UID
	Sequence    int       // SEQUENCE: higher for each revision of the event (RFC 5545, 3.8.7.4)
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
		if e.Sequence > 0 {
			line("SEQUENCE", strconv.Itoa(e.Sequence))
		}
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

// UID returns a stable id for the event id on the page at pageURL of the
// site at host: UID("traff-1", "/seminarier/individuell/", "hbtq.example.se")
// is "traff-1-seminarier-individuell@hbtq.example.se". Characters other
// than a–z, A–Z, 0–9, "-", "_" and "." in the page's address become
// hyphens. The id is the caller's: it must stay the same when the event
// is moved (a seminar session's id:, see package seminar).
func UID(id, pageURL, host string) string {
	page := strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.') {
			return r
		}
		return '-'
	}, pageURL)
	page = strings.Trim(hyphensRE.ReplaceAllString(page, "-"), "-")
	id = clean(id)
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
