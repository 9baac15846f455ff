package site_test

import (
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/feature/feed"
	"github.com/hbtq-diplomering/webbplats/internal/feature/seminar"
	"github.com/hbtq-diplomering/webbplats/internal/feature/sitesearch"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestSomeFeatures: the engine hosts only the features it is given in
// Options.Features. With the seminars, the site search and the feed (the
// theme's layouts link the last two on every page), the seminar page
// shows its session, nothing of the editing tool or the directory is
// written (both are with every feature), and contacts: is an unknown key; with no
// feature at all, sessions: is unknown too.
func TestSomeFeatures(t *testing.T) {
	s := sitetest.Load(t, "testdata/features/seminar-only.txtar")
	left := []string{"admin/index.html", "verksamheter/index.html", "verksamheter/studenthalsan/index.html"}
	all := s.Build(t)
	for _, p := range left {
		if !all.Has(p) {
			t.Fatalf("with every feature, %s is not written", p)
		}
	}

	s.Features = []feature.Feature{sitesearch.Feature, seminar.Feature, feed.Feature}
	o := s.Build(t)
	o.Check("seminarier/s/index.html", sitetest.In(".session__when time", sitetest.HasAttr("datetime", "2026-12-10T10:00:00+01:00")))
	for _, p := range left {
		if o.Has(p) {
			t.Errorf("%s is written, but its feature was not given", p)
		}
	}
	s.Write("content/om.md", "---\ntitle: Om\ncontacts: [team]\n---\n")
	_, err := s.BuildErr(t)
	if err == nil || !strings.Contains(err.Error(), `content/om.md:3:1: okänd nyckel "contacts"`) {
		t.Errorf("without contacts, the build says\n%v\nwant contacts: to be an unknown key", err)
	}

	s.Features = []feature.Feature{}
	_, err = s.BuildErr(t)
	if err == nil || !strings.Contains(err.Error(), `content/seminarier/s.md:3:1: okänd nyckel "sessions"`) {
		t.Errorf("with no feature, the build says\n%v\nwant sessions: to be an unknown key", err)
	}
}
