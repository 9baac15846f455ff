package sitesearch_test

import (
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/search"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// query runs q on the published page index of o, as the search page's
// script does, and returns the addresses of the pages found.
func query(t *testing.T, o *sitetest.Output, q string) []string {
	t.Helper()
	p, err := search.ParsePages([]byte(o.Read("sok/index.json")))
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range p.Needed(q) {
		if err := p.Add(i, []byte(o.Read(strings.TrimPrefix(p.Path(i), "/")))); err != nil {
			t.Fatal(err)
		}
	}
	var urls []string
	for _, h := range p.Query(q).Hits {
		urls = append(urls, p.Docs[h.Page][0])
	}
	return urls
}

// TestSearchPage: the generated search page lists every page A–Ö (not the
// units' pages, not itself) and links the directory and its index; the
// page index finds a page by the text and headings of its <main>, and
// never a unit's own page (units are found through the directory's index).
func TestSearchPage(t *testing.T) {
	s := sitetest.Load(t, "testdata/site.txtar")
	o := s.Build(t)
	o.Check("sok/index.html",
		sitetest.In("main h1", sitetest.HasText("Sök på webbplatsen")),
		sitetest.In(`form#sok-form[data-index="/sok/index.json"][data-units^="/assets/verksamheter."][data-directory="/verksamheter/"]`),
		// Every page A–Ö, Om diplomeringen before Pris och villkor; not
		// the units' pages, not the search page itself.
		sitetest.Texts(".sok-list > li > a", "Diplomerade verksamheter", "Diplomerade verksamheter i Umeå", "Diplomerade verksamheter: vårdcentral",
			"Om diplomeringen", "Pris och villkor", "Start", "Öppna data"),
		sitetest.In(`.sok-list > li > a[href="/om/"] + span.sok-hit__text`, sitetest.HasText("Vad diplomeringen är.")),
		sitetest.In(`.sok-list > li > a[href="/verksamheter/kommun/umea/"]`),
		sitetest.None(`[href="/verksamheter/vardcentralen-exempel/"]`),
		sitetest.None(`.sok-list a[href="/sok/"]`))
	o.Contains("sok/index.html", "! /verksamheter/vardcentralen-exempel/") // nowhere, not even in a data attribute
	for q, want := range map[string]string{
		"kronor":        "/om/pris/",      // text
		"omdiplomering": "/om/pris/",      // a heading
		"ekorren":       "/verksamheter/", // the directory lists the unit
	} {
		have := query(t, o, q)
		if len(have) == 0 || have[0] != want {
			t.Errorf("query %q found %v, want %q first", q, have, want)
		}
		for _, u := range have {
			if u == "/verksamheter/vardcentralen-exempel/" {
				t.Errorf("query %q found the unit's own page", q)
			}
		}
	}
}

// TestOwnPage: content/sok.md becomes the search page, with its title and
// text; a site without registries has no directory to link.
func TestOwnPage(t *testing.T) {
	s := sitetest.Load(t, "testdata/site.txtar")
	s.Remove("content/verksamheter/region-exempel.yaml")
	s.Write("content/sok.md", "---\ntitle: Hitta på sidan\n---\nHär söker du.\n")
	o := s.Build(t)
	o.Check("sok/index.html",
		sitetest.In("main h1", sitetest.HasText("Hitta på sidan")),
		sitetest.In("main p", sitetest.HasText("Här söker du.")),
		sitetest.None("[data-units]"), sitetest.None("[data-directory]"),
		sitetest.In(`main a[href="/om/pris/"]`))
}
