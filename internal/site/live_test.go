package site_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestLiveSeminar edits a seminar page as the dev server sees it: a change
// of its text only renders that page again, with its seminar and contacts
// as before; a change of a session (a key the seminar feature reads)
// rebuilds everything, so that the page, the overview and the calendar
// file all show the new date.
func TestLiveSeminar(t *testing.T) {
	s := sitetest.Load(t, "testdata/ok/seminar.txtar")
	l := site.NewLive(s.Options(""))
	ctx := context.Background()
	if _, err := l.Build(ctx); err != nil {
		t.Fatal(err)
	}
	const page = "content/seminarier/digitalt.md"
	has := func(file string, want ...string) {
		t.Helper()
		got := string(l.Files()[file])
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s does not contain %q", file, w)
			}
		}
	}

	s.Edit(t, page, "Text.", "Ny text.")
	if _, incremental, err := l.Update(ctx, []string{page}); err != nil || !incremental {
		t.Fatalf("a text-only edit: incremental %v, error %v; want an incremental update", incremental, err)
	}
	has("seminarier/digitalt/index.html", "<p>Ny text.", "20270329-1000.ics", "Anmäl dig i lärportalen", "tel:+46101234500")

	s.Edit(t, page, "date: 2027-03-29", "date: 2027-04-12")
	if _, incremental, err := l.Update(ctx, []string{page}); err != nil || incremental {
		t.Fatalf("a session moved: incremental %v, error %v; want a full rebuild", incremental, err)
	}
	has("seminarier/digitalt/index.html", "<p>Ny text.", `datetime="2027-04-12T10:00:00+02:00"`)
	has("seminarier/index.html", `datetime="2027-04-12T10:00:00+02:00"`)
	has("seminarier/digitalt/kalender.ics", "DTSTART;TZID=Europe/Stockholm:20270412T100000")
	if _, ok := l.Files()["seminarier/digitalt/20270329-1000.ics"]; ok {
		t.Error("the moved session's old calendar file is still served")
	}
}
