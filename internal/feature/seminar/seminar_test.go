package seminar

import (
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

const path = "content/seminarier/s.md"

// front is a page's front matter with the seminar's keys, as package
// content reads it for the feature.
type front struct {
	Title    string `yaml:"title"`
	Features yamldoc.Rest
}

// check reads src as front matter and checks it, as the feature does; the
// messages are those of the decoder and of Check.
func check(t *testing.T, src string) ([]Occasion, []string) {
	t.Helper()
	d := &yamldoc.Decoder{Path: path}
	n, err := d.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var pf front
	pf.Features.Accept = Keys
	d.Decode(n, &pf)
	var f Front
	errs := append(d.Errs, pf.Features.Decode(&f)...)
	occ, cerrs := Check(path, &f)
	errs = append(errs, cerrs...)
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	return occ, msgs
}

func TestCheck(t *testing.T) {
	const f = path + ":"
	const ok = "sessions:\n  - {date: 2026-08-31, start: \"10:00\", end: \"12:00\", online: true}\n"
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"ok", ok, nil},
		{"ok with a place and times with a full stop", "sessions:\n  - {date: 2026-08-31, start: 10.00, end: 12.00, place: Umeå}\n", nil},
		{"not a seminar", "title: Om\n", nil},
		{"by agreement, no dates", "by_agreement: true\nregistration: https://boka.example.se/\n", nil},
		{"by agreement with an empty list", "by_agreement: true\nsessions: []\n", nil},
		{"next dates without sessions", "next_dates: Nya datum kommer i januari.\n",
			[]string{f + "1:13: next_dates finns men sidan har inga tillfällen (lägg till sessions: eller by_agreement: true, eller ta bort next_dates:)"}},
		{"full and cancelled", "sessions:\n  - {date: 2026-08-31, start: \"10:00\", end: \"12:00\", online: true, full: true, cancelled: true}\n",
			[]string{f + "2:91: tillfället 2026-08-31 kan inte vara både fullbokat (full) och inställt (cancelled) (ta bort full: när tillfället är inställt)"}},
		{"a session's registration over http", "sessions:\n  - date: 2026-08-31\n    start: \"10:00\"\n    end: \"12:00\"\n    address: Exempelgatan 1, Umeå\n    registration: http://boka.example.se/1\n",
			[]string{f + "6:19: registration måste vara en https://-adress, inte \"http://boka.example.se/1\" (skriv hela adressen till anmälningssidan, med början https://)"}},
		{"end before start", "sessions:\n  - date: 2026-08-31\n    start: \"12:00\"\n    end: \"10:00\"\n    online: true\n",
			[]string{f + "4:10: tillfället slutar 10:00, innan det börjar 12:00 (skriv en sluttid efter starttiden, samma dag)"}},
		{"end when it starts", "sessions:\n  - {date: 2026-08-31, start: \"10:00\", end: \"10.00\", online: true}\n",
			[]string{f + "2:45: tillfället börjar och slutar 10:00 (skriv en sluttid efter starttiden, samma dag)"}},
		{"25:00", "sessions:\n  - date: 2026-08-31\n    start: \"25:00\"\n    end: \"26:00\"\n    online: true\n",
			[]string{f + "3:12: start: \"25:00\" är ingen tid på dagen; skriv den som 13:30", f + "4:10: end: \"26:00\" är ingen tid på dagen; skriv den som 13:30"}},
		{"9.5", "sessions:\n  - {date: 2026-08-31, start: 9.5, end: \"12:60\", online: true}\n",
			[]string{f + "2:31: start: \"9.5\" är ingen tid på dagen; skriv den som 13:30", f + "2:41: end: \"12:60\" är ingen tid på dagen; skriv den som 13:30"}},
		{"2026-02-30", "sessions:\n  - {date: 2026-02-30, start: \"10:00\", end: \"12:00\", online: true}\n",
			[]string{f + "2:12: date: 2026-02-30 finns inte i kalendern (månad 1–12, och dagen måste finnas i den månaden)"}},
		{"no sessions", "sessions: []\n",
			[]string{f + "1:11: ett seminarium behöver minst ett tillfälle (lägg till ett under sessions:, som - {date: 2026-08-31, start: \"10:00\", end: \"12:00\", online: true}, eller skriv by_agreement: true när datum bestäms med varje grupp)"}},
		{"sessions left empty", "sessions:\nregistration: https://example.se/a\n",
			[]string{f + "1:10: ett seminarium behöver minst ett tillfälle (lägg till ett under sessions:, som - {date: 2026-08-31, start: \"10:00\", end: \"12:00\", online: true}, eller skriv by_agreement: true när datum bestäms med varje grupp)"}},
		{"registration not https", "registration: http://example.se/anmalan\n" + ok,
			[]string{f + "1:15: registration måste vara en https://-adress, inte \"http://example.se/anmalan\" (skriv hela adressen till anmälningssidan, med början https://)"}},
		{"registration not an address", "registration: anmäl dig i lärportalen\n" + ok,
			[]string{f + "1:15: registration måste vara en https://-adress, inte \"anmäl dig i lärportalen\" (skriv hela adressen till anmälningssidan, med början https://)"}},
		{"registration without a host", "registration: https:///anmalan\n" + ok,
			[]string{f + "1:15: registration måste vara en https://-adress, inte \"https:///anmalan\" (skriv hela adressen till anmälningssidan, med början https://)"}},
		{"registration without sessions", "registration: https://example.se/anmalan\n",
			[]string{f + "1:15: registration finns men sidan har inga tillfällen (lägg till sessions:, eller ta bort registration:)"}},
		{"nowhere", "sessions:\n  - {date: 2026-08-31, start: \"10:00\", end: \"12:00\"}\n",
			[]string{f + "2:5: tillfället 2026-08-31 är varken online eller på en plats (lägg till online: true eller place: …)"}},
		{"not online", "sessions:\n  - {date: 2026-08-31, start: \"10:00\", end: \"12:00\", online: false}\n",
			[]string{f + "2:5: tillfället 2026-08-31 är varken online eller på en plats (lägg till online: true eller place: …)"}},
		{"skipped hour", "sessions:\n  - {date: 2026-03-29, start: \"02:30\", end: \"04:00\", online: true}\n",
			[]string{f + "2:31: klockan 02:30 finns inte den 2026-03-29 i Sverige: klockan ställs fram från 02:00 till 03:00 den natten (skriv en tid före 02:00 eller från 03:00)"}},
		{"end in the skipped hour", "sessions:\n  - {date: 2026-03-29, start: \"01:00\", end: \"02:15\", online: true}\n",
			[]string{f + "2:45: klockan 02:15 finns inte den 2026-03-29 i Sverige: klockan ställs fram från 02:00 till 03:00 den natten (skriv en tid före 02:00 eller från 03:00)"}},
		{"twice", "sessions:\n  - {date: 2026-08-31, start: \"10:00\", end: \"12:00\", online: true}\n  - {date: 2026-08-31, start: \"10.00\", end: \"11:00\", place: Umeå}\n",
			[]string{f + "3:5: tillfället 2026-08-31 klockan 10:00 står redan på rad 2 (ta bort ett av dem, eller ändra datum eller tid)"}},
		{"unknown key", "sessions:\n  - {date: 2026-08-31, start: \"10:00\", end: \"12:00\", plats: Umeå}\n",
			[]string{f + "2:54: okänd nyckel \"plats\" (menade du place?)", f + "2:5: tillfället 2026-08-31 är varken online eller på en plats (lägg till online: true eller place: …)"}},
		{"no end", "sessions:\n  - {date: 2026-08-31, start: \"10:00\", online: true}\n",
			[]string{f + "2:5: end saknas (lägg till en rad som end: …)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, have := check(t, tc.src)
			if d := cmp.Diff(tc.want, have); d != "" {
				t.Errorf("(-want +have):\n%s", d)
			}
		})
	}
}

// TestDaylightSaving: summer time begins on 29 March 2026 at 02.00 and
// ends on 25 October 2026 at 03.00. Sessions are at their local time on
// every day around the changes, and in order.
func TestDaylightSaving(t *testing.T) {
	o, errs := check(t, `sessions:
  - {date: 2026-10-26, start: "10.00", end: "12.00", place: Umeå}
  - {date: 2026-10-24, start: "10:00", end: "12:00", online: true}
  - {date: 2026-10-25, start: "10:00", end: "12:00", online: true}
  - {date: 2026-10-25, start: "01:30", end: "03:30", online: true, note: Natten då klockan ställs tillbaka.}
  - {date: 2026-03-29, start: "10:00", end: "12:00", online: true}
  - {date: 2026-03-29, start: "01:30", end: "03:30", online: true}
`)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, tc := range []struct {
		text     string
		utc      string // start in UTC
		duration time.Duration
	}{
		{"29 mars 2026, kl. 1.30–3.30", "2026-03-29T00:30:00Z", time.Hour},
		{"29 mars 2026, kl. 10.00–12.00", "2026-03-29T08:00:00Z", 2 * time.Hour},
		{"24 oktober 2026, kl. 10.00–12.00", "2026-10-24T08:00:00Z", 2 * time.Hour},
		{"25 oktober 2026, kl. 1.30–3.30", "2026-10-24T23:30:00Z", 3 * time.Hour},
		{"25 oktober 2026, kl. 10.00–12.00", "2026-10-25T09:00:00Z", 2 * time.Hour},
		{"26 oktober 2026, kl. 10.00–12.00", "2026-10-26T09:00:00Z", 2 * time.Hour},
	} {
		if len(o) == 0 {
			t.Fatalf("no occasion for %s", tc.text)
		}
		have := o[0]
		o = o[1:]
		if have.Text() != tc.text || have.Start.UTC().Format(time.RFC3339) != tc.utc || have.End.Sub(have.Start) != tc.duration {
			t.Errorf("have %s, %s UTC, %v; want %s, %s UTC, %v", have.Text(), have.Start.UTC().Format(time.RFC3339), have.End.Sub(have.Start), tc.text, tc.utc, tc.duration)
		}
		if have.Start.Location() != swedish.Location() {
			t.Errorf("%s: start in %s, want Europe/Stockholm", tc.text, have.Start.Location())
		}
	}
}

func TestOccasion(t *testing.T) {
	o, errs := check(t, `sessions:
  - {date: 2026-08-31, start: "10:00", end: "12:00", online: true}
  - {date: 2026-09-12, start: "13:00", end: "15:00", place: "Exempelgatan 1, Umeå"}
  - {date: 2026-09-26, start: "13:30", end: "15:30", online: true, place: "Exempelgatan 1, Umeå", note: Välj själv.}
`)
	if len(errs) > 0 || len(o) != 3 {
		t.Fatal(o, errs)
	}
	for _, tc := range []struct{ have, want string }{
		{o[0].Where(themeWords), "Digitalt"},
		{o[1].Where(themeWords), "Exempelgatan 1, Umeå"},
		{o[2].Where(themeWords), "Digitalt och på Exempelgatan 1, Umeå"},
		{o[2].Note, "Välj själv."},
		{o[0].ID(), "20260831-1000"},
		{o[2].ID(), "20260926-1330"},
		{o[1].Text(), "12 september 2026, kl. 13.00–15.00"},
	} {
		if tc.have != tc.want {
			t.Errorf("have %q, want %q", tc.have, tc.want)
		}
	}
}

func TestUpcoming(t *testing.T) {
	o, errs := check(t, `sessions:
  - {date: 2026-11-22, start: "22:00", end: "23:59", online: true}
  - {date: 2026-11-23, start: "08:00", end: "09:00", online: true}
  - {date: 2026-12-05, start: "13:30", end: "15:00", online: true}
`)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	ids := func(os []Occasion) []string {
		var out []string
		for _, o := range os {
			out = append(out, o.ID())
		}
		return out
	}
	loc := swedish.Location()
	for _, tc := range []struct {
		name string
		now  time.Time
		want []string
	}{
		{"the build's day in Stockholm", time.Date(2026, 11, 23, 0, 0, 0, 0, loc), []string{"20261123-0800", "20261205-1330"}},
		{"the moment the first ends", time.Date(2026, 11, 22, 23, 59, 0, 0, loc), []string{"20261123-0800", "20261205-1330"}},
		{"a minute before it ends", time.Date(2026, 11, 22, 23, 58, 0, 0, loc), []string{"20261122-2200", "20261123-0800", "20261205-1330"}},
		{"during a session", time.Date(2026, 11, 23, 8, 30, 0, 0, loc), []string{"20261123-0800", "20261205-1330"}},
		{"now in UTC", time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC), []string{"20261205-1330"}},
		{"after all", time.Date(2027, 1, 1, 0, 0, 0, 0, loc), nil},
	} {
		if have := ids(Upcoming(o, tc.now)); !cmp.Equal(have, tc.want) {
			t.Errorf("%s: have %v, want %v", tc.name, have, tc.want)
		}
	}
}

func TestWhereAndStatus(t *testing.T) {
	for _, tc := range []struct {
		o           Occasion
		where, stat string
	}{
		{Occasion{Online: true}, "Digitalt", ""},
		{Occasion{Place: "Regionhuset", Address: "Exempelgatan 1, Umeå", Full: true}, "Regionhuset, Exempelgatan 1, Umeå", "Fullbokat"},
		{Occasion{Address: "Exempelgatan 1, Umeå", Cancelled: true}, "Exempelgatan 1, Umeå", "Inställt"},
		{Occasion{Online: true, Place: "Regionhuset"}, "Digitalt och på Regionhuset", ""},
	} {
		if w, s := tc.o.Where(themeWords), tc.o.Status(themeWords); w != tc.where || s != tc.stat {
			t.Errorf("%+v: %q, %q; want %q, %q", tc.o, w, s, tc.where, tc.stat)
		}
	}
}

// TestSessionID: a session's ID is its id: or, without one, its date and
// start; its UID part is the ID, with a date-based ID written as the UIDs
// were before sessions had ids (20260831T1000), so writing the proposed id
// keeps the UID.
func TestSessionID(t *testing.T) {
	o, errs := check(t, `sessions:
  - {id: traff-1, date: 2026-08-31, start: "10:00", end: "12:00", online: true}
  - {date: 2026-09-12, start: "9.00", end: "15:00", online: true}
  - {id: 20260926-1330, date: 2026-09-26, start: "13:30", end: "15:30", online: true}
`)
	if len(errs) > 0 || len(o) != 3 {
		t.Fatal(o, errs)
	}
	for _, tc := range []struct{ have, want string }{
		{o[0].ID(), "traff-1"},
		{o[0].UIDPart(), "traff-1"},
		{o[1].ID(), "20260912-0900"},
		{o[1].UIDPart(), "20260912T0900"},
		{o[2].ID(), "20260926-1330"},
		{o[2].UIDPart(), "20260926T1330"},
	} {
		if tc.have != tc.want {
			t.Errorf("have %q, want %q", tc.have, tc.want)
		}
	}
	for _, tc := range []struct {
		day  time.Time
		want int
	}{
		{time.Time{}, 0},
		{time.Date(2000, 1, 2, 0, 0, 0, 0, time.UTC), 1},
		{time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), 9823},
	} {
		if have := Sequence(tc.day); have != tc.want {
			t.Errorf("Sequence(%v) = %d, want %d", tc.day, have, tc.want)
		}
	}
}

// themeWords are the words of the engine's theme (layouts/words.yaml).
var themeWords = func() *settings.Words {
	w, errs := settings.LoadWords(os.DirFS("../../.."), nil)
	if w == nil {
		panic(errs.Err())
	}
	return w
}()
