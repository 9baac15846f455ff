// Package seminar checks and interprets the seminar part of a page's front
// matter.
//
// # Front matter
//
// A page is a seminar page when its front matter has sessions:
//
//	registration: https://larportalen.example.se/kurs/123   # https only
//	audience: Alla medarbetare i verksamheter som diplomeras, och nya medarbetare (catch up)
//	sessions:
//	  - date: 2026-08-31
//	    start: "10:00"
//	    end: "12:00"
//	    online: true              # or place:
//	  - date: 2026-09-12
//	    start: "13:00"
//	    end: "15:00"
//	    place: Exempelgatan 1, Umeå
//	    note: Tolkning till teckenspråk finns.
//
// Times are local times in Europe/Stockholm, written 10:00 or 10.00, and
// are right across daylight saving changes. Each session must have a date
// that exists, a start before its end, and be online or have a place. A
// seminar page needs at least one session.
//
// # Upcoming
//
// A session is upcoming until it has ended. The build drops past sessions;
// the page's script also hides a session once it has ended, for a page
// that was built before.
package seminar

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"time"

	"hbtq/internal/diag"
	"hbtq/internal/swedish"
	"hbtq/internal/yamldoc"
)

// Session is one session as written in front matter.
type Session struct {
	Date   time.Time `yaml:"date,required"`
	Start  string    `yaml:"start,required"`
	End    string    `yaml:"end,required"`
	Online bool      `yaml:"online"`
	Place  string    `yaml:"place"`
	Note   string    `yaml:"note"`

	Pos  yamldoc.Pos
	Keys map[string]yamldoc.Pos
}

// Occasion is a checked session with its start and end in Stockholm.
type Occasion struct {
	Start, End time.Time
	Online     bool
	Place      string
	Note       string
}

// Text returns the occasion as Swedish text: "31 augusti 2026, kl. 10.00–12.00".
func (o Occasion) Text() string { return swedish.DateTimeRange(o.Start, o.End) }

// Where returns "Digitalt" or the place.
func (o Occasion) Where() string {
	if o.Online {
		if o.Place != "" {
			return "Digitalt och på " + o.Place
		}
		return "Digitalt"
	}
	return o.Place
}

// ID returns a stable id of the occasion within its seminar: 20260831-1000.
func (o Occasion) ID() string { return o.Start.Format("20060102-1504") }

var timeRE = regexp.MustCompile(`^(\d{1,2})[:.](\d{2})$`)

// parseClock reads "10:00" or "10.00".
func parseClock(s string) (h, m int, err error) {
	mm := timeRE.FindStringSubmatch(s)
	if mm != nil {
		h, _ = strconv.Atoi(mm[1])
		m, _ = strconv.Atoi(mm[2])
		if h < 24 && m < 60 {
			return h, m, nil
		}
	}
	return 0, 0, fmt.Errorf("%q is not a time of day; write it like 13:30", s)
}

// Check checks the seminar keys of one page and returns its occasions in
// order. path names the file; at gives the position of a front-matter key;
// present reports whether the page has a sessions key at all.
func Check(path string, sessions []Session, registration string, at func(key string) yamldoc.Pos, present bool) ([]Occasion, diag.List) {
	var errs diag.List
	if !present {
		if registration != "" {
			p := at("registration")
			errs.Addf(path, p.Line, p.Col, "registration is given but the page has no sessions").WithHint("add sessions:, or remove registration:")
		}
		return nil, errs
	}
	if len(sessions) == 0 {
		p := at("sessions")
		errs.Addf(path, p.Line, p.Col, "a seminar needs at least one session").
			WithHint("add one under sessions:, like - {date: 2026-08-31, start: \"10:00\", end: \"12:00\", online: true}")
	}
	if registration != "" {
		u, err := url.Parse(registration)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			p := at("registration")
			errs.Addf(path, p.Line, p.Col, "registration must be an https:// address, not %q", registration).WithHint("write the whole address of the registration page, starting with https://")
		}
	}
	loc := swedish.Location()
	var out []Occasion
	for _, s := range sessions {
		keyAt := func(k string) (int, int) {
			if p, ok := s.Keys[k]; ok {
				return p.Line, p.Col
			}
			return s.Pos.Line, s.Pos.Col
		}
		if s.Date.IsZero() {
			continue // reported by the decoder
		}
		sh, sm, err1 := parseClock(s.Start)
		eh, em, err2 := parseClock(s.End)
		if s.Start != "" && err1 != nil {
			l, c := keyAt("start")
			errs.Addf(path, l, c, "start: %v", err1)
		}
		if s.End != "" && err2 != nil {
			l, c := keyAt("end")
			errs.Addf(path, l, c, "end: %v", err2)
		}
		if !s.Online && s.Place == "" {
			l, c := s.Pos.Line, s.Pos.Col
			errs.Addf(path, l, c, "the session on %s is neither online nor at a place", s.Date.Format("2006-01-02")).WithHint("add online: true or place: …")
		}
		if err1 != nil || err2 != nil || s.Start == "" || s.End == "" {
			continue
		}
		y, mo, d := s.Date.Date()
		start := time.Date(y, mo, d, sh, sm, 0, 0, loc)
		end := time.Date(y, mo, d, eh, em, 0, 0, loc)
		if !end.After(start) {
			l, c := keyAt("end")
			errs.Addf(path, l, c, "the session ends at %s, before it starts at %s", s.End, s.Start).WithHint("write the end time after the start time, on the same day")
			continue
		}
		out = append(out, Occasion{Start: start, End: end, Online: s.Online, Place: s.Place, Note: s.Note})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out, errs
}

// Upcoming returns the occasions that have not ended at now.
func Upcoming(all []Occasion, now time.Time) []Occasion {
	var out []Occasion
	for _, o := range all {
		if o.End.After(now) {
			out = append(out, o)
		}
	}
	return out
}
