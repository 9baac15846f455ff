package ical

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
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
		case top.name == "VEVENT" && name == "SEQUENCE":
			if n, err := strconv.Atoi(value); err != nil || n < 0 || value != strconv.Itoa(n) {
				bad(c.line, "SEQUENCE %q is not a whole number 0 or more", value)
			}
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
