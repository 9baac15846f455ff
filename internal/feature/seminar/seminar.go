// Package seminar is the feature of seminars (see package feature): the
// seminar part of a page's front matter, the seminar pages, their calendar
// files and the overview of upcoming sessions.
//
// # Front matter
//
// A page is a seminar page when its front matter has sessions:
//
//	registration: https://larportalen.example.se/kurs/123   # https only
//	audience: Alla medarbetare i verksamheter som diplomeras, och nya medarbetare (catch up)
//	next_dates: Nya datum kommer i januari.   # shown when no session is upcoming
//	by_agreement: true            # dates are agreed with each group (sessions may then be left out)
//	sessions:
//	  - id: traff-1               # the session's identity (see Identity); written when it is created
//	    date: 2026-08-31          # required, YYYY-MM-DD
//	    start: "10:00"            # required, 10:00 or 10.00
//	    end: "12:00"              # required, after start, same day
//	    online: true              # or place: (or both)
//	  - id: traff-2
//	    date: 2026-09-12
//	    start: "13:00"
//	    end: "15:00"
//	    place: Regionhuset, sal 3 # the place's name
//	    address: Exempelgatan 1, 903 25 Umeå   # and its address
//	    note: Tolkning till teckenspråk finns.
//	    registration: https://larportalen.example.se/kurs/123/tillfalle/2   # this session's own
//	    full: true                # fullbokad: shown, but without registration
//	  - {id: traff-3, date: 2026-09-26, start: "13:30", end: "15:30", online: true, cancelled: true}   # inställd
//
// These are the keys of [Front], which the feature declares
// (Feature.Front): package content keeps them for it undecoded, and the
// feature decodes each page's into a Front and checks it with [Check], the
// pages left out as drafts too.
//
// # Rules
//
// Times are local times in Europe/Stockholm, written 10:00 or 10.00 (hours
// 0–23, minutes 00–59), and are right across daylight saving changes: a
// session at 10:00 is at 10.00 Swedish time in both summer and winter. Check
// reports, each at the line of the key that is wrong:
//
//   - a seminar page with an empty sessions list;
//   - a date that does not exist, like 2026-02-30 (package yamldoc);
//   - a time that is not a time of day, like 25:00 or 9.5;
//   - a time that does not exist in Sweden: on the last Sunday of March the
//     clocks go from 02.00 to 03.00, so 02:30 does not exist that day;
//   - a session that ends before it starts, or when it starts;
//   - a session that is neither online nor at a place;
//   - two sessions with the same date and start;
//   - an id that is not lowercase a–z, digits and hyphens (the hint gives
//     it so), the id kalender, and two sessions with the same id (a
//     session without id: has its date-based id, see Identity);
//   - a registration link that is not a whole https:// address (the
//     page's or a session's), or one on a page that is not a seminar;
//   - a session that is both full and cancelled;
//   - next_dates or by_agreement on a page that is not a seminar.
//
// On the last Sunday of October 02:00–03:00 happens twice; a time in that
// hour means the first, in summer time.
//
// # Identity
//
// A session is known to calendars by its id: the name of its calendar file
// (<url><id>.ics) and the first part of its UID
// (<id>-<the page's address>@<the site's host>), so that moving, re-timing
// or cancelling it keeps both: a calendar that has the session sees the
// same event with its new time or STATUS:CANCELLED (RFC 5545), and a link to
// its .ics keeps working. The editing tool writes id: when a session is
// created; by hand, any short name of lowercase letters, digits and
// hyphens, unique within the page, will do (traff-1, hosten-2).
//
// A session without id: keeps the identity sessions had before they had
// ids: its date and start, 20260831-1000 (its UID part is written
// 20260831T1000). It builds as before, but moving it gives it a new
// calendar file and UID, so the build notes each upcoming session without
// an id, at its line, with the id to write: its date-based id, which keeps
// both its calendar address and its UID exactly as they are (see
// [Occasion.UIDPart]). A missing id is a note, not an error, so that pages
// written before ids keep building.
//
// SEQUENCE is the revision of the event: the number of days from 1 January
// 2000 to the day the seminar's page was last committed in git (package
// history, the same dates as "Senast uppdaterad"; see [Sequence]). A
// committed change to a session (date, time, place, cancelled) is a later
// commit and so a higher SEQUENCE; a build outside git, or of a page not
// committed yet, writes none (which means 0). This is deterministic (the
// same commit gives the same files) and needs the history where the site
// is published, as "Senast uppdaterad" does. It counts days, not commits:
// two published changes of one page on the same day share a SEQUENCE, and
// a calendar that took the first may keep it; every change to the page
// raises the SEQUENCE of all its sessions, which calendars take as a
// harmless update. DTSTAMP is the build's day.
//
// # Upcoming
//
// A session is upcoming until it has ended: [Upcoming] keeps the occasions
// whose end is after now. The build passes the start of its -now day in
// Stockholm, so a session stays listed for the whole of its day; the
// page's script hides a session once it has ended, for a page that was built
// before.
//
// # The feature
//
// [Feature] ("seminar" in the engine's list) gives a seminar page the layout
// "seminar" and the overview content/seminarier/_index.md ([OverviewURL])
// the layout "seminars", unless their front matter names one. Layouts reach
// its data as .Feature "seminar", a [*View]: on a seminar page its upcoming
// sessions ([SessionView]: date, time, place, status, registration, calendar
// file), registration, audience, by_agreement and next_dates, and Past when
// every session has been; on the overview, Upcoming holds every upcoming
// session of the site, earliest first (its own too, should the overview
// have sessions); on other pages it is nil. A
// seminar's keys on a page whose layout never asks for .Feature "seminar"
// are an error.
//
// A seminar whose sessions have all been is still published (with its
// registration or contact route), and the build notes that it needs new
// dates.
//
// Calendar files: each seminar page gets <url>kalender.ics with all its
// upcoming sessions and <url><id>.ics per session (see Identity and
// package ical); a cancelled session is STATUS:CANCELLED, so that a
// calendar that has it removes it.
package seminar

import (
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/slug"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// Session is one session as written in front matter, decoded by package
// yamldoc. Check turns it into an Occasion.
type Session struct {
	ID     string    `yaml:"id"`             // the session's identity: its calendar UID and .ics address (see "Identity")
	Date   time.Time `yaml:"date,required"`  // the day, as midnight UTC
	Start  string    `yaml:"start,required"` // "10:00" or "10.00", Stockholm time
	End    string    `yaml:"end,required"`   // as Start, and after it
	Online bool      `yaml:"online"`         // the session is digital
	Place  string    `yaml:"place"`          // where it is held, if not (only) online
	Note   string    `yaml:"note"`           // one line shown with the session

	Address      string `yaml:"address"`      // the place's address
	Registration string `yaml:"registration"` // this session's own registration link (https)
	Full         bool   `yaml:"full"`         // fullbokad: no more places
	Cancelled    bool   `yaml:"cancelled"`    // inställd: it will not take place

	Pos  yamldoc.Pos            // where the session is written
	Keys map[string]yamldoc.Pos // where each of its keys' values is
}

// Occasion is a checked session with its start and end as instants in
// Europe/Stockholm.
type Occasion struct {
	Start, End   time.Time // in swedish.Location()
	Online       bool
	Place        string
	Address      string
	Note         string
	Registration string // the session's own link; "" for the seminar's
	Full         bool
	Cancelled    bool
	Line         int // where the session is written
	// Named is the session's id: as written, "" when it has none (its ID
	// is then its date and start).
	Named string
}

// Front is the seminar part of a page's front matter: the keys the
// feature reads (Feature.Front), decoded from the page's Front.Features.
type Front struct {
	Sessions     []Session `yaml:"sessions"`
	Registration string    `yaml:"registration"` // the seminar's registration link
	Audience     string    `yaml:"audience"`     // who the seminar is for
	ByAgreement  bool      `yaml:"by_agreement"` // dates are agreed with each group
	NextDates    string    `yaml:"next_dates"`   // shown when no session is upcoming

	Keys map[string]yamldoc.Pos // where each key's value is
}

// IsSeminar reports whether the page is a seminar page: it has sessions:
// (even an empty one) or by_agreement: true.
func (f *Front) IsSeminar() bool {
	_, sessions := f.Keys["sessions"]
	return sessions || f.ByAgreement
}

// pos returns the position of key k, or the file's first line.
func (f *Front) pos(k string) yamldoc.Pos { return yamldoc.PosOf(f.Keys, k, yamldoc.Pos{Line: 1}) }

// Text returns the occasion as Swedish text: "31 augusti 2026, kl. 10.00–12.00".
func (o Occasion) Text() string { return swedish.DateTimeRange(o.Start, o.End) }

// Where returns where the occasion is, in the site's words w: "Digitalt"
// (online), the place (with its address), or "Digitalt och på <place>"
// (online_and).
func (o Occasion) Where(w *settings.Words) string {
	place := o.Place
	switch {
	case place != "" && o.Address != "":
		place += ", " + o.Address
	case place == "":
		place = o.Address
	}
	if o.Online {
		if place != "" {
			return w.OnlineAnd + " " + place
		}
		return w.Online
	}
	return place
}

// Status returns the site's word w for a cancelled or full occasion
// (Inställt, Fullbokat), or "".
func (o Occasion) Status(w *settings.Words) string {
	switch {
	case o.Cancelled:
		return w.Cancelled
	case o.Full:
		return w.Full
	}
	return ""
}

// ID returns the occasion's identity within its seminar, which names its
// calendar file and makes its UID (see "Identity" in the package comment):
// its id: as written, or, for a session without one, its date and start
// in Stockholm, "20260831-1000". Check rejects two sessions with the same ID.
func (o Occasion) ID() string {
	if o.Named != "" {
		return o.Named
	}
	return DateID(o.Start)
}

// DateID returns the id of a session without id: that starts at start:
// its date and start in Stockholm, "20260831-1000".
func DateID(start time.Time) string { return start.In(swedish.Location()).Format("20060102-1504") }

// UIDPart returns the part of an occasion's calendar UID that its ID
// gives: the ID itself, except that an ID of a date and start
// (20260831-1000) is written 20260831T1000, as the UIDs of sessions were
// before sessions had id:. So writing a session's date-based id as its
// id: keeps its UID as well as its calendar address.
func (o Occasion) UIDPart() string {
	id := o.ID()
	if dateIDRE.MatchString(id) {
		return id[:8] + "T" + id[9:]
	}
	return id
}

var (
	dateIDRE = regexp.MustCompile(`^\d{8}-\d{4}$`)
	idRE     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// calendarFile is the name of a seminar's calendar of every session
// (<url>kalender.ics): no session may take it as its id.
const calendarFile = "kalender"

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
	return 0, 0, SemTime.With(s)
}

// Check checks the seminar keys of the page at path, by the rules in the
// package comment, and returns the occasions of its good sessions, earliest
// first, and the problems, each at path and the line of the key that is
// wrong.
func Check(path string, f *Front) ([]Occasion, diag.List) {
	var errs diag.List
	at := f.pos
	sessions, registration := f.Sessions, f.Registration
	if !f.IsSeminar() {
		if registration != "" {
			p := at("registration")
			errs.At(path, p.Line, p.Col, SemRegistrationNoSessions.With()).Tip(HintSemRegistrationNoSessions.With())
		}
		if f.NextDates != "" {
			p := at("next_dates")
			errs.At(path, p.Line, p.Col, SemNextDatesNoSessions.With()).Tip(HintSemNextDatesNoSessions.With())
		}
		return nil, errs
	}
	if len(sessions) == 0 && !f.ByAgreement {
		p := at("sessions")
		errs.At(path, p.Line, p.Col, SemNoSessions.With()).
			Tip(HintSemNoSessions.With())
	}
	badLink := func(u string) bool {
		pu, err := url.Parse(u)
		return err != nil || pu.Scheme != "https" || pu.Host == ""
	}
	if registration != "" && badLink(registration) {
		p := at("registration")
		errs.At(path, p.Line, p.Col, SemRegistrationHTTPS.With(registration)).Tip(HintSemRegistrationHTTPS.With())
	}
	loc := swedish.Location()
	var out []Occasion
	seen := map[string]Session{} // by date and start
	ids := map[string]Session{}  // by ID
	for _, s := range sessions {
		keyAt := func(k string) (int, int) { p := yamldoc.PosOf(s.Keys, k, s.Pos); return p.Line, p.Col }
		if s.Date.IsZero() {
			continue // reported by the decoder
		}
		day := s.Date.Format("2006-01-02")
		sh, sm, err1 := parseClock(s.Start)
		eh, em, err2 := parseClock(s.End)
		if s.Start != "" && err1 != nil {
			l, c := keyAt("start")
			errs.At(path, l, c, msg.YAMLValue.With("start", err1))
		}
		if s.End != "" && err2 != nil {
			l, c := keyAt("end")
			errs.At(path, l, c, msg.YAMLValue.With("end", err2))
		}
		if !s.Online && s.Place == "" && s.Address == "" {
			errs.At(path, s.Pos.Line, s.Pos.Col, SemNoPlace.With(day)).Tip(HintSemNoPlace.With())
		}
		if s.Full && s.Cancelled {
			l, c := keyAt("cancelled")
			errs.At(path, l, c, SemFullAndCancelled.With(day)).
				Tip(HintSemFullAndCancelled.With())
		}
		idOK := true
		if s.ID != "" {
			l, c := keyAt("id")
			switch {
			case !idRE.MatchString(s.ID):
				idOK = false
				e := errs.At(path, l, c, SemSessionIDChars.With(s.ID))
				if sl := slug.Make(s.ID); sl != "" && sl != calendarFile {
					e.Tip(HintSemSessionIDWrite.With(sl))
				}
			case s.ID == calendarFile:
				idOK = false
				errs.At(path, l, c, SemSessionIDReserved.With(s.ID)).Tip(HintSemSessionIDWrite.With("traff-" + strings.ReplaceAll(day, "-", "")))
			}
		}
		if s.Registration != "" && badLink(s.Registration) {
			l, c := keyAt("registration")
			errs.At(path, l, c, SemRegistrationHTTPS.With(s.Registration)).Tip(HintSemRegistrationHTTPS.With())
		}
		if err1 != nil || err2 != nil || s.Start == "" || s.End == "" {
			continue
		}
		y, mo, d := s.Date.Date()
		start := time.Date(y, mo, d, sh, sm, 0, 0, loc)
		end := time.Date(y, mo, d, eh, em, 0, 0, loc)
		if missing := !sameClock(start, sh, sm); missing || !sameClock(end, eh, em) {
			k, h, m := "end", eh, em
			if missing {
				k, h, m = "start", sh, sm
			}
			l, c := keyAt(k)
			errs.At(path, l, c, SemNoSuchTime.With(h, m, day)).
				Tip(HintSemNoSuchTime.With())
			continue
		}
		switch {
		case end.Equal(start):
			l, c := keyAt("end")
			errs.At(path, l, c, SemStartsAndEnds.With(s.Start)).Tip(HintSemEndAfterStart.With())
			continue
		case end.Before(start):
			l, c := keyAt("end")
			errs.At(path, l, c, SemEndsBeforeStart.With(s.End, s.Start)).Tip(HintSemEndAfterStart.With())
			continue
		}
		id := start.Format(time.RFC3339)
		if prev, dup := seen[id]; dup {
			errs.At(path, s.Pos.Line, s.Pos.Col, SemSessionTwice.With(day, sh, sm, prev.Pos.Line)).Tip(HintSemSessionTwice.With())
			continue
		}
		seen[id] = s
		if !idOK {
			continue
		}
		o := Occasion{Start: start, End: end, Online: s.Online, Place: s.Place, Address: s.Address, Note: s.Note,
			Registration: s.Registration, Full: s.Full, Cancelled: s.Cancelled, Line: s.Pos.Line, Named: s.ID}
		if prev, dup := ids[o.ID()]; dup {
			l, c := s.Pos.Line, s.Pos.Col
			if s.ID != "" {
				l, c = keyAt("id")
			}
			errs.At(path, l, c, SemSessionIDTwice.With(o.ID(), prev.Pos.Line)).Tip(HintSemSessionIDTwice.With())
			continue
		}
		ids[o.ID()] = s
		out = append(out, o)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out, errs
}

// sameClock reports whether t shows h:m, which it does not when h:m falls
// in the hour that the change to summer time skips.
func sameClock(t time.Time, h, m int) bool { return t.Hour() == h && t.Minute() == m }

// Upcoming returns the occasions that have not ended at now (whose end is
// after now), in the order given.
func Upcoming(all []Occasion, now time.Time) []Occasion {
	var out []Occasion
	for _, o := range all {
		if o.End.After(now) {
			out = append(out, o)
		}
	}
	return out
}
