package site

// Structured content: contacts, documents and seminars.
//
//	content/kontakter.yaml   contacts; a page shows some with contacts: [id, …]
//	content/dokument.yaml    documents under static/; the layout "documents"
//	                         shows them all, grouped by kind and year
//	sessions: in a page      makes it a seminar page (layout "seminar"): its
//	                         upcoming sessions, registration and calendar files
//	content/seminarier/_index.md  the overview "Kommande seminarier"
//	                         (layout "seminars"): every upcoming session of the site
//
// Calendar files: each seminar page gets <url>kalender.ics with all its
// upcoming sessions and <url><yyyymmdd-hhmm>.ics per session (see package
// ical). A session is upcoming until it ends; "now" is the start of the
// build's day in Stockholm. The seminar script hides sessions that have
// ended since the build.

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"hbtq/internal/content"
	"hbtq/internal/diag"
	"hbtq/internal/ical"
	"hbtq/internal/msg"
	"hbtq/internal/seminar"
	"hbtq/internal/swedish"
)

// SeminarsURL is the address of the overview of upcoming seminars.
const SeminarsURL = "/seminarier/"

// structured is the builder's state for structured content.
type structured struct {
	seminars map[*content.Page]*SeminarView
	upcoming []SessionView
}

// SessionView is one upcoming session as layouts see it.
type SessionView struct {
	seminar.Occasion
	Seminar     string // the seminar's title
	SeminarURL  string
	CalendarURL string // this session's .ics
	Start, End  time.Time
	StartISO    string // 2026-08-31T10:00:00+02:00, for <time datetime> and the script
	EndISO      string
	Date        string // tis 26 jan 2027, as webbriktlinjer write dates in lists and tables
	ISODate     string // 2026-08-31
	TimeText    string // kl. 8.30–11.30
	Status      string // "Inställt", "Fullbokat" or ""
	// RegistrationURL is the session's own registration link, when it has
	// one and is neither full nor cancelled.
	RegistrationURL string
}

// SeminarView is a seminar page's data.
type SeminarView struct {
	Upcoming     []SessionView
	Registration string // the seminar's registration link, shown even when no session is upcoming
	Audience     string
	CalendarURL  string // all upcoming sessions of the seminar
	ByAgreement  bool   // dates are agreed with each group
	NextDates    string // the page's next_dates: shown when no session is upcoming
	Past         bool   // the seminar had sessions and all have passed
}

func init() { register("structured", loadStructured) }

// nowStockholm is the start of the build's day in Stockholm.
func (b *builder) nowStockholm() time.Time {
	y, m, d := b.opt.Now.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, swedish.Location())
}

func loadStructured(b *builder) oldFeature {
	st := &b.structured
	st.seminars = map[*content.Page]*SeminarView{}
	now := b.nowStockholm()
	host := "hbtq.example.invalid"
	if u, err := url.Parse(b.base); err == nil && u.Host != "" {
		host = u.Host
	}
	for _, p := range b.pages {
		if !p.Seminar {
			continue
		}
		sv := &SeminarView{Registration: p.Front.Registration, Audience: p.Front.Audience, CalendarURL: p.URL + "kalender.ics",
			ByAgreement: p.Front.ByAgreement, NextDates: p.Front.NextDates}
		for _, o := range seminar.Upcoming(p.Occasions, now) {
			v := SessionView{
				Occasion: o, Seminar: p.Front.Title, SeminarURL: p.URL, CalendarURL: p.URL + o.ID() + ".ics",
				Start: o.Start, End: o.End, StartISO: o.Start.Format(time.RFC3339), EndISO: o.End.Format(time.RFC3339),
				Date: swedish.ShortDate(o.Start), ISODate: swedish.ISODate(o.Start), TimeText: swedish.TimeRange(o.Start, o.End),
				Status: o.Status(),
			}
			if !o.Full && !o.Cancelled {
				v.RegistrationURL = o.Registration
			}
			sv.Upcoming = append(sv.Upcoming, v)
		}
		if len(p.Occasions) > 0 && len(sv.Upcoming) == 0 {
			// Keep the page's registration or contact route, and tell the
			// programme team that it needs new dates.
			sv.Past = true
			line, _ := p.Pos("sessions")
			todo := msg.NoteSeminarAddDates.With()
			if sv.NextDates != "" {
				todo = msg.NoteSeminarShows.With(sv.NextDates)
			}
			b.note(msg.NoteSeminarPast.With(p.Front.Title, todo, p.Path, line))
		}
		st.seminars[p] = sv
		st.upcoming = append(st.upcoming, sv.Upcoming...)
	}
	sort.SliceStable(st.upcoming, func(i, j int) bool {
		if !st.upcoming[i].Start.Equal(st.upcoming[j].Start) {
			return st.upcoming[i].Start.Before(st.upcoming[j].Start)
		}
		return st.upcoming[i].SeminarURL < st.upcoming[j].SeminarURL
	})
	// The overview: content/seminarier/_index.md gets the layout "seminars".
	for _, p := range b.pages {
		if p.URL == SeminarsURL && p.Front.Layout == "" {
			p.Front.Layout = "seminars"
		}
	}
	return &structuredFeature{host: host}
}

type structuredFeature struct{ host string }

// decorate adds the structured content a page shows to its view.
func (b *builder) decorate(v *View, p *content.Page) {
	st := &b.structured
	v.seminar = st.seminars[p]
	if p.URL == SeminarsURL {
		v.Seminars = st.upcoming
	}
}

func (f *structuredFeature) write(b *builder) error {
	st := &b.structured
	var errs diag.List
	stamp := b.opt.Now
	for p, sv := range st.seminars {
		cal := ical.Calendar{ProdID: "-//" + b.cfg.Organisation + "//" + b.cfg.Title + "//SV", Name: p.Front.Title, Stamp: stamp}
		for _, s := range sv.Upcoming {
			ev := ical.Event{
				UID:     s.Start.Format("20060102T1504") + "-" + strings.Trim(strings.ReplaceAll(p.URL, "/", "-"), "-") + "@" + f.host,
				Start:   s.Start,
				End:     s.End,
				Summary: p.Front.Title,
				Description: strings.TrimSpace(strings.Join([]string{s.Status, p.Front.Description, s.Note,
					registrationText(s, sv.Registration)}, "\n")),
				Location:  s.Where(),
				URL:       b.base + p.URL,
				Cancelled: s.Cancelled,
			}
			cal.Events = append(cal.Events, ev)
			one := cal
			one.Events = []ical.Event{ev}
			errs.Add(b.out.write(strings.TrimPrefix(s.CalendarURL, "/"), p.Path, one.Bytes()))
		}
		errs.Add(b.out.write(strings.TrimPrefix(sv.CalendarURL, "/"), p.Path, cal.Bytes()))
	}
	return errs.Err()
}

// registrationText is the line of a session's calendar event about
// registration: its own link, else the seminar's; none when it is full
// or cancelled.
func registrationText(s SessionView, seminarLink string) string {
	u := s.RegistrationURL
	if u == "" {
		u = seminarLink
	}
	if u == "" || s.Full || s.Cancelled {
		return ""
	}
	return fmt.Sprintf("Anmälan: %s", u)
}
