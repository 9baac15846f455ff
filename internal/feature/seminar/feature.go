package seminar

import (
	"net/url"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/ical"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// OverviewURL is the address of the overview of upcoming seminars: the
// section page content/seminarier/_index.md.
const OverviewURL = "/seminarier/"

// Feature is the seminars, for the engine's list of features: the seminar
// pages with their calendar files, and the overview (see "The feature" in
// the package comment).
var Feature = feature.Feature{
	Name:  "seminar",
	Front: reflect.TypeFor[Front](),
	Shows: map[string]*msg.Key{
		"sessions":     ShownSessions,
		"by_agreement": ShownSeminars,
		"registration": ShownRegister,
		"audience":     ShownAudience,
		"next_dates":   ShownSeminars,
	},
	Form:     form,
	Owns:     Is,
	OwnsNote: "En sida med tillfällen är ett seminarium.",
	Load:     load,
}

// Keys are the front-matter keys of a seminar, in the order of Front.
var Keys = yamldoc.KeyNames(reflect.TypeFor[Front]())

// Is reports whether the page p is a seminar page (see Front.IsSeminar).
// Its keys are not checked.
func Is(p *content.Page) bool {
	var f Front
	p.Front.Features.Decode(&f)
	return f.IsSeminar()
}

// SessionView is one upcoming session as layouts see it.
type SessionView struct {
	Occasion
	Seminar     string // the seminar's title
	SeminarURL  string
	CalendarURL string // this session's .ics
	Start, End  time.Time
	StartISO    string // 2026-08-31T10:00:00+02:00, for <time datetime> and the script
	EndISO      string
	Date        string // tis 26 jan 2027, as webbriktlinjer write dates in lists and tables
	ISODate     string // 2026-08-31
	TimeText    string // kl. 8.30–11.30
	Status      string // the site's word for cancelled or full (Inställt, Fullbokat), or ""
	Where       string // where it is, in the site's words: Digitalt, the place, or Digitalt och på <place>
	// RegistrationURL is the session's own registration link, when it has
	// one and is neither full nor cancelled.
	RegistrationURL string
}

// View is what a layout sees as .Feature "seminar": on a seminar page its
// seminar; on the overview, Upcoming holds every upcoming session of the
// site and the other fields are empty.
type View struct {
	Upcoming     []SessionView
	Registration string // the seminar's registration link, shown even when no session is upcoming
	Audience     string
	CalendarURL  string // all upcoming sessions of the seminar
	ByAgreement  bool   // dates are agreed with each group
	NextDates    string // the page's next_dates: shown when no session is upcoming
	Past         bool   // the seminar had sessions and all have passed
	// On the overview: ByAgreement is true when some seminar of the site
	// is booked by agreement, and Dated when some seminar has sessions
	// (upcoming or past). A site whose seminars are all by agreement has
	// ByAgreement and not Dated: it has no dates to list, which is not the
	// same as having none coming up.
	Dated bool
}

// seminars is the feature's state in one build.
type seminars struct {
	byURL    map[string]*View // the seminar pages
	overview *View            // every upcoming session
	list     []*View          // the seminar pages, by path
	pages    []*content.Page  // the page of each of list (not in the View: the dev server hashes what a layout sees)
	prodID   string           // the calendars' PRODID
	base     string           // the site's address
	host     string           // for the events' UIDs
	stamp    time.Time        // the events' DTSTAMP: the build's today
	history  map[string]time.Time
	words    *settings.Words // the site's words: status, registration
}

func load(b *feature.Build) feature.Instance {
	now := b.Now.Start() // a session is upcoming until it has ended
	s := &seminars{
		words:   b.Words,
		byURL:   map[string]*View{},
		prodID:  "-//" + b.Settings.Organisation + "//" + b.Settings.Title + "//SV",
		base:    b.BaseURL,
		host:    "hbtq.example.invalid",
		stamp:   b.Now.Date(),
		history: b.History,
	}
	if u, err := url.Parse(b.BaseURL); err == nil && u.Host != "" {
		s.host = u.Host
	}
	for _, p := range b.Drafts {
		if !p.Front.Features.Empty() {
			var f Front
			b.Fail(p.Front.Features.Decode(&f).Err())
			_, errs := Check(p.Path, &f)
			b.Fail(errs.Err())
		}
	}
	var upcoming []SessionView
	var byAgreement, dated bool
	for _, p := range b.Pages {
		if p.Front.Features.Empty() {
			continue
		}
		var f Front
		b.Fail(p.Front.Features.Decode(&f).Err())
		occasions, errs := Check(p.Path, &f)
		b.Fail(errs.Err())
		if !f.IsSeminar() {
			continue
		}
		b.SetLayout(p, "seminar")
		b.MarkDated(p) // with a date, an entry of the feed
		v := &View{Registration: f.Registration, Audience: f.Audience, CalendarURL: p.URL + "kalender.ics",
			ByAgreement: f.ByAgreement, NextDates: f.NextDates}
		for _, o := range Upcoming(occasions, now) {
			sv := SessionView{
				Occasion: o, Seminar: p.Front.Title, SeminarURL: p.URL, CalendarURL: p.URL + o.ID() + ".ics",
				Start: o.Start, End: o.End, StartISO: o.Start.Format(time.RFC3339), EndISO: o.End.Format(time.RFC3339),
				Date: swedish.ShortDate(o.Start), ISODate: swedish.ISODate(o.Start), TimeText: swedish.TimeRange(o.Start, o.End),
				Status: o.Status(b.Words), Where: o.Where(b.Words),
			}
			if !o.Full && !o.Cancelled {
				sv.RegistrationURL = o.Registration
			}
			if o.Named == "" {
				b.Note(NoteSessionNoID.With(sv.Date+" "+sv.TimeText, p.Front.Title, o.ID(), p.Path, o.Line))
			}
			v.Upcoming = append(v.Upcoming, sv)
		}
		if len(occasions) > 0 && len(v.Upcoming) == 0 {
			// Keep the page's registration or contact route, and tell the
			// programme team that it needs new dates.
			v.Past = true
			line, _ := p.Pos("sessions")
			todo := NoteSeminarAddDates.With()
			if v.NextDates != "" {
				todo = NoteSeminarShows.With(v.NextDates)
			}
			b.Note(NoteSeminarPast.With(p.Front.Title, todo, p.Path, line))
		}
		byAgreement = byAgreement || f.ByAgreement
		dated = dated || len(occasions) > 0
		s.byURL[p.URL] = v
		s.list = append(s.list, v)
		s.pages = append(s.pages, p)
		upcoming = append(upcoming, v.Upcoming...)
	}
	sort.SliceStable(upcoming, func(i, j int) bool {
		if !upcoming[i].Start.Equal(upcoming[j].Start) {
			return upcoming[i].Start.Before(upcoming[j].Start)
		}
		return upcoming[i].SeminarURL < upcoming[j].SeminarURL
	})
	s.overview = &View{Upcoming: upcoming, ByAgreement: byAgreement, Dated: dated}
	for _, p := range b.Pages {
		if p.URL == OverviewURL {
			b.SetLayout(p, "seminars")
		}
	}
	return s
}

// View returns every upcoming session on the overview (which lists its
// own sessions too, should it have some), the seminar of a seminar page,
// and nil on other pages.
func (s *seminars) View(p *content.Page) any {
	if p.URL == OverviewURL {
		return s.overview
	}
	if v, ok := s.byURL[p.URL]; ok {
		return v
	}
	return nil
}

// Sequence returns the SEQUENCE of the events of a seminar page last
// committed on the day committed: the number of days from 1 January 2000
// to that day, so that every later commit of the page that changes a
// session gives a higher number; 0 when the page has no commit (a page
// not committed yet, or a build outside git). See "Identity" in the
// package comment.
func Sequence(committed time.Time) int {
	if committed.IsZero() {
		return 0
	}
	y, m, d := committed.Date()
	days := int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(sequenceEpoch).Hours() / 24)
	return max(days, 0)
}

var sequenceEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes the calendar files of every seminar page: <url>kalender.ics
// with all its upcoming sessions and <url><id>.ics per session.
func (s *seminars) Write(out feature.Output) error {
	var errs diag.List
	for i, v := range s.list {
		p := s.pages[i]
		cal := ical.Calendar{ProdID: s.prodID, Name: p.Front.Title, Stamp: s.stamp}
		seq := Sequence(s.history[p.Path])
		for _, sv := range v.Upcoming {
			ev := ical.Event{
				UID:      ical.UID(sv.UIDPart(), p.URL, s.host),
				Sequence: seq,
				Start:    sv.Start,
				End:      sv.End,
				Summary:  p.Front.Title,
				Description: strings.TrimSpace(strings.Join([]string{sv.Status, p.Front.Description, sv.Note,
					registrationText(sv, v.Registration, s.words)}, "\n")),
				Location:  sv.Where,
				URL:       s.base + p.URL,
				Cancelled: sv.Cancelled,
			}
			cal.Events = append(cal.Events, ev)
			one := cal
			one.Events = []ical.Event{ev}
			errs.Add(out.Write(strings.TrimPrefix(sv.CalendarURL, "/"), p.Path, one.Bytes()))
		}
		errs.Add(out.Write(strings.TrimPrefix(v.CalendarURL, "/"), p.Path, cal.Bytes()))
	}
	return errs.Err()
}

// registrationText is the line of a session's calendar event about
// registration: its own link, else the seminar's; none when it is full
// or cancelled.
func registrationText(s SessionView, seminarLink string, w *settings.Words) string {
	u := s.RegistrationURL
	if u == "" {
		u = seminarLink
	}
	if u == "" || s.Full || s.Cancelled {
		return ""
	}
	return w.Registration + " " + u
}
