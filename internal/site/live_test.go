package site_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestLiveSeminar edits a seminar page as the dev server sees it: after a
// change of its text the page has its seminar and contacts as before; after
// a change of a session the page, the overview and the calendar file all
// show the new date.
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
	if _, err := l.Build(ctx); err != nil {
		t.Fatalf("a text-only edit: %v", err)
	}
	has("seminarier/digitalt/index.html", "<p>Ny text.", "20270329-1000.ics", "Anmäl dig i lärportalen", "tel:+46101234500")

	s.Edit(t, page, "date: 2027-03-29", "date: 2027-04-12")
	if _, err := l.Build(ctx); err != nil {
		t.Fatalf("a session moved: %v", err)
	}
	has("seminarier/digitalt/index.html", "<p>Ny text.", `datetime="2027-04-12T10:00:00+02:00"`)
	has("seminarier/index.html", `datetime="2027-04-12T10:00:00+02:00"`)
	has("seminarier/digitalt/kalender.ics", "DTSTART;TZID=Europe/Stockholm:20270412T100000")
	if _, ok := l.Files()["seminarier/digitalt/20270329-1000.ics"]; ok {
		t.Error("the moved session's old calendar file is still served")
	}
}

// TestLiveAfterFailure is the preview stuck on an error that is not real:
// a build fails, an image is added beside a page meanwhile, the failure is
// fixed and the image used. A fresh build has no problem, so the live site
// must have none either (it used to rebuild the text-only saves on top of
// the last successful build, which never saw the image).
func TestLiveAfterFailure(t *testing.T) {
	s := sitetest.Load(t, "testdata/site.txtar")
	l := site.NewLive(s.Options(""))
	ctx := context.Background()
	if _, err := l.Build(ctx); err != nil {
		t.Fatal(err)
	}
	const page = "content/om/pris.md"
	s.Edit(t, page, "weight: 2", "weight: två")
	if _, err := l.Build(ctx); err == nil {
		t.Fatal("a broken front matter built")
	}
	s.Write("content/om/bild.png", pngOf(t, 40, 30))
	if _, err := l.Build(ctx); err == nil {
		t.Fatal("a broken front matter built")
	}
	s.Edit(t, page, "weight: två", "weight: 2")
	if _, err := l.Build(ctx); err != nil {
		t.Fatalf("the fixed front matter: %v", err)
	}
	s.Edit(t, page, "## Pris", "![Två personer vid ett bord](bild.png)\n\n## Pris")
	if _, err := l.Build(ctx); err != nil {
		t.Fatalf("the image used: %v", err)
	}
	if got := string(l.Files()["om/pris/index.html"]); !strings.Contains(got, `src="/om/bild.png"`) {
		t.Errorf("the page does not show the image:\n%s", got)
	}
}

// TestLivePageProblems: in the dev server, a news item without date:, a
// duplicate title and a link with spaces are the page's own problems,
// shown on it, while the site is served.
func TestLivePageProblems(t *testing.T) {
	s := sitetest.Load(t, "testdata/ok/news.txtar")
	s.Edit(t, "content/nyheter/mitten.md", "date: 2026-06-30\n", "")
	s.Edit(t, "content/nyheter/aldst.md", "title: Allra först", "title: Öppet  hus")
	s.Write("content/om.md", "---\ntitle: Om\n---\nLäs [rapporten](/dokument/a b.pdf).\n")
	l := site.NewLive(s.Options(""))
	if _, err := l.Build(context.Background()); err != nil {
		t.Fatalf("the dev server's build fails for a page's own problems:\n%v", err)
	}
	if _, ok := l.Files()["nyheter/index.html"]; !ok {
		t.Fatal("the news list is not served")
	}
	p := l.Problems()
	for u, want := range map[string]string{
		"/nyheter/mitten/": "content/nyheter/mitten.md:2:1: date saknas",
		"/nyheter/nyast/":  `content/nyheter/nyast.md:2:8: sidan har samma rubrik "Öppet hus" som content/nyheter/aldst.md`,
		"/om/":             "content/om.md:4:5: [rapporten](/dokument/a b.pdf) blir ingen länk",
	} {
		if !strings.Contains(p[u].Error(), want) {
			t.Errorf("the problems of %s are\n%v\nwant %s", u, p[u], want)
		}
	}
}
