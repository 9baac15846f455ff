// Package ical writes calendar files (RFC 5545) for seminar sessions, so a
// visitor can add a session to their calendar.
//
// The output follows the RFC's rules: lines end in CRLF; lines longer than
// 75 octets are folded (CRLF and one space), never inside a UTF-8
// character; TEXT values escape backslash, semicolon, comma and newline;
// every event has UID, DTSTAMP, DTSTART and DTEND. Times are local times in
// Europe/Stockholm (TZID) and the calendar carries the VTIMEZONE that
// defines it, with the EU's daylight saving rule, so they are right on both
// sides of a change. UIDs are given by the caller and must be stable across
// builds; DTSTAMP is the build's today, so the same input gives the same
// file.
package ical

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one calendar event.
type Event struct {
	UID         string
	Start, End  time.Time
	Summary     string
	Description string
	Location    string
	URL         string
}

// Calendar is a set of events.
type Calendar struct {
	ProdID string    // "-//Region Mittland//Hbtq-diplomering//SV"
	Name   string    // the calendar's name (X-WR-CALNAME)
	Stamp  time.Time // DTSTAMP of every event: the build's today
	Events []Event
}

// TZID is the time zone of every event.
const TZID = "Europe/Stockholm"

const vtimezone = "BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n" +
	"BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n" +
	"BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n" +
	"END:VTIMEZONE\r\n"

var stockholm = func() *time.Location {
	loc, err := time.LoadLocation(TZID)
	if err != nil {
		panic(err)
	}
	return loc
}()

// Bytes returns the calendar as an .ics file.
func (c *Calendar) Bytes() []byte {
	var b bytes.Buffer
	line := func(name, value string) { b.WriteString(Fold(name + ":" + value)) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", c.ProdID)
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if c.Name != "" {
		line("X-WR-CALNAME", Escape(c.Name))
	}
	b.WriteString(vtimezone)
	stamp := c.Stamp.UTC().Format("20060102T150405Z")
	for _, e := range c.Events {
		line("BEGIN", "VEVENT")
		line("UID", e.UID)
		line("DTSTAMP", stamp)
		line("DTSTART;TZID="+TZID, e.Start.In(stockholm).Format("20060102T150405"))
		line("DTEND;TZID="+TZID, e.End.In(stockholm).Format("20060102T150405"))
		line("SUMMARY", Escape(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION", Escape(e.Description))
		}
		if e.Location != "" {
			line("LOCATION", Escape(e.Location))
		}
		if e.URL != "" {
			line("URL", e.URL)
		}
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return b.Bytes()
}

// Escape escapes a TEXT value: \ ; , and newlines.
func Escape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
	return r.Replace(s)
}

// Fold returns one content line, folded at 75 octets with CRLF and a space,
// never inside a UTF-8 character, and ending in CRLF.
func Fold(line string) string {
	var b strings.Builder
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
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

// Unfold undoes Fold for a whole file: it joins continuation lines.
func Unfold(s string) string {
	return strings.ReplaceAll(s, "\r\n ", "")
}
