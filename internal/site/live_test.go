package site_test

import (
	"bytes"
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
	check := func(file string, checkers ...sitetest.Checker) {
		t.Helper()
		sitetest.CheckHTML(t, file, string(l.Files()[file]), checkers...)
	}
	// The page keeps its seminar and its contacts.
	rest := []sitetest.Checker{
		sitetest.In("main article > h1 + p", sitetest.HasText("Ny text.")),
		sitetest.In(`main li.session a[href="/seminarier/digitalt/20261123-1000.ics"]`),
		sitetest.In("main a.button", sitetest.HasText("Anmäl dig i lärportalen")),
		sitetest.In(`main .contact a[href="tel:+46101234500"]`),
	}

	s.Edit(t, page, "Text.", "Ny text.")
	if _, err := l.Build(ctx); err != nil {
		t.Fatalf("a text-only edit: %v", err)
	}
	check("seminarier/digitalt/index.html", append(rest, sitetest.In(`main li.session a[href="/seminarier/digitalt/20270329-1000.ics"]`))...)

	s.Edit(t, page, "date: 2027-03-29", "date: 2027-04-12")
	if _, err := l.Build(ctx); err != nil {
		t.Fatalf("a session moved: %v", err)
	}
	check("seminarier/digitalt/index.html", append(rest,
		sitetest.In(`main li.session:nth-child(2) .session__when time[datetime="2027-04-12T10:00:00+02:00"]`, sitetest.HasText("mån 12 apr 2027")),
		sitetest.In(`main li.session a[href="/seminarier/digitalt/20270412-1000.ics"]`),
		sitetest.None(`main [datetime^="2027-03-29"]`))...)
	check("seminarier/index.html", sitetest.In(`table.sessions-table tr:nth-child(2) time[datetime="2027-04-12T10:00:00+02:00"]`, sitetest.HasText("mån 12 apr 2027")))
	if cal := string(l.Files()["seminarier/digitalt/kalender.ics"]); !strings.Contains(cal, "DTSTART;TZID=Europe/Stockholm:20270412T100000") { // a calendar is bytes
		t.Errorf("seminarier/digitalt/kalender.ics does not have the moved session:\n%s", cal)
	}
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
	sitetest.CheckHTML(t, "om/pris/index.html", string(l.Files()["om/pris/index.html"]),
		sitetest.In(`main img[src="/om/bild.png"]`, sitetest.HasAttr("alt", "Två personer vid ett bord")))
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

// TestLiveTitleEdit: after a title edit the dev server renders again only
// the pages that show the title, and serves what a fresh build gives. The
// section content/om/steg/ is not in the menu: its title shows on itself,
// in its section's list (/om/), in its pages' breadcrumbs and in the
// search page's A–Ö list; every other page is the last build's. A title in
// the menu shows on every page.
func TestLiveTitleEdit(t *testing.T) {
	s := sitetest.Load(t, "testdata/live-title.txtar")
	l := site.NewLive(s.Options(""))
	ctx := context.Background()
	first, err := l.Build(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if first.Reused != 0 {
		t.Fatalf("the first build reused %d pages", first.Reused)
	}
	fresh := func() map[string][]byte {
		t.Helper()
		f := site.NewLive(s.Options(""))
		if _, err := f.Build(ctx); err != nil {
			t.Fatal(err)
		}
		return f.Files()
	}
	same := func(edit string) {
		t.Helper()
		want := fresh()
		have := l.Files()
		for name, data := range want {
			if !bytes.Equal(have[name], data) {
				t.Errorf("after %s, %s differs from a fresh build's", edit, name)
			}
		}
		for name := range have {
			if _, ok := want[name]; !ok {
				t.Errorf("after %s, %s is served but a fresh build has no such file", edit, name)
			}
		}
	}

	s.Edit(t, "content/om/steg/_index.md", "title: Stegen", "title: Steg för steg")
	st, err := l.Build(ctx)
	if err != nil {
		t.Fatal(err)
	}
	shown := []string{"/om/steg/", "/om/", "/om/steg/anmalan/", "/om/steg/utbildning/", "/sok/"}
	if rendered := st.Pages - 1 - st.Reused; rendered != len(shown) { // the not-found page is not counted
		t.Errorf("a title not in the menu: %d pages rendered again, want %d (%s)", rendered, len(shown), strings.Join(shown, " "))
	}
	check := func(file string, checkers ...sitetest.Checker) {
		t.Helper()
		sitetest.CheckHTML(t, file, string(l.Files()[file]), checkers...)
	}
	check("om/index.html", sitetest.In(`main a[href="/om/steg/"]`, sitetest.HasText("Steg för steg")))
	check("om/steg/anmalan/index.html", sitetest.In(`nav.breadcrumbs a[href="/om/steg/"]`, sitetest.HasText("Steg för steg")))
	check("om/steg/index.html", sitetest.In("main h1", sitetest.HasText("Steg för steg")))
	same("a title not in the menu")

	s.Edit(t, "content/om/_index.md", "title: Om diplomeringen", "title: Om oss")
	st, err = l.Build(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Reused != 0 {
		t.Errorf("a title in the menu: %d pages reused, want none", st.Reused)
	}
	check("kontakt/index.html", sitetest.In(`header nav a[href="/om/"]`, sitetest.HasText("Om oss")))
	same("a title in the menu")

	s.Edit(t, "content/om/pris.md", "5 900 kr", "6 100 kr")
	st, err = l.Build(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rendered := st.Pages - 1 - st.Reused; rendered != 1 {
		t.Errorf("a text edit: %d pages rendered again, want 1 (/om/pris/; the A–Ö list shows no text)", rendered)
	}
	check("om/pris/index.html", sitetest.In("main p", sitetest.HasText("Det kostar 6 100 kr per grupp.")))
	same("a text edit")
}
