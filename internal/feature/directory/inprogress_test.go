package directory_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/feature/directory"
	"github.com/hbtq-diplomering/webbplats/internal/publish"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// inProgressRegistry is a registry with one unit under certification (a
// former id, progress) next to the fixture's certified units; today is
// 2026-11-23.
const inProgressRegistry = `organisation: Region Väst
units:
  - id: vc-pagar
    name: Vårdcentralen Pågår
    kommun: Umeå
    kind: vårdcentral
    started: 2026-09-01
    progress: Arbetsgruppen har gått den första halvdagen.
    former_ids: [vc-pagar-gammal]
`

// inProgressSite is the directory fixture with inProgressRegistry, and
// show_in_progress: as show says ("" leaves the key out).
func inProgressSite(t *testing.T, show string) *sitetest.Output {
	t.Helper()
	s := sitetest.Load(t, "testdata/site.txtar")
	s.Write("content/verksamheter/vast.yaml", inProgressRegistry)
	if show != "" {
		s.Write("site.yaml", sitetest.Settings+"show_in_progress: "+show+"\n")
	}
	return s.Build(t)
}

// TestInProgressHidden: without show_in_progress: (or with false) a unit
// under certification is published nowhere, and a note says so.
func TestInProgressHidden(t *testing.T) {
	for _, show := range []string{"", "false"} {
		o := inProgressSite(t, show)
		for p, data := range o.Files() {
			if p != publish.Marker && (strings.Contains(data, "vc-pagar") || strings.Contains(data, "Pågår") || strings.Contains(data, "under-diplomering")) {
				t.Errorf("show_in_progress: %q: %s names the unit under certification", show, p)
			}
		}
		var notes []string
		for _, n := range o.Stats.Notes {
			notes = append(notes, n.String())
		}
		want := "1 verksamhet under diplomering visas inte på webbplatsen; skriv show_in_progress: true i site.yaml om den ska visas"
		if !strings.Contains(strings.Join(notes, "\n"), want) {
			t.Errorf("show_in_progress: %q: no note %q in\n%s", show, want, strings.Join(notes, "\n"))
		}
	}
}

// TestInProgressShown: with show_in_progress: true the unit under
// certification has a page with its own label, since when and its
// progress, and no badge or validity; a list of such units that the
// directory links to; and it is in no list, index or open data of
// certified units, nor in the notes about them.
func TestInProgressShown(t *testing.T) {
	o := inProgressSite(t, "true")
	files := o.Files()
	const page = "verksamheter/vc-pagar/index.html"
	o.Check(page,
		sitetest.In("main h1", sitetest.HasText("Vårdcentralen Pågår")),
		sitetest.In(".unit-status", sitetest.HasText("Under diplomering")),
		sitetest.In(`.unit-facts time[datetime="2026-09-01"]`, sitetest.HasText("1 september 2026")),
		sitetest.Count(".unit-badge", 0),
		sitetest.In(`a[href="/verksamheter/under-diplomering/"]`),
	)
	// No validity, no badge, no certified status; its progress.
	o.Check(page,
		sitetest.None("body", sitetest.HasTextContaining("Giltig till")),
		sitetest.None("body", sitetest.HasTextContaining("Diplomerad sedan")),
		sitetest.None("body", sitetest.HasTextContaining("Hbtq-diplomerad verksamhet")),
		sitetest.None(`[src*="diplom.svg"], [href*="diplom.svg"], [src*="diplom.png"], [href*="diplom.png"]`),
		sitetest.None(".unit-status--soon"),
		sitetest.In(`.unit-facts dt:containsOwn("Så långt har arbetsgruppen kommit") + dd`, sitetest.HasText("Arbetsgruppen har gått den första halvdagen.")))
	for _, f := range []string{"diplom.svg", "diplom.png"} {
		if _, ok := files["verksamheter/vc-pagar/"+f]; ok {
			t.Errorf("a unit under certification has a badge: %s", f)
		}
	}
	o.Check("verksamheter/under-diplomering/index.html",
		sitetest.In("main h1", sitetest.HasText("Verksamheter under diplomering")),
		sitetest.In("#kommun-umea + ul a", sitetest.HasAttr("href", "/verksamheter/vc-pagar/"), sitetest.HasText("Vårdcentralen Pågår")),
	)
	o.Check("verksamheter/index.html",
		sitetest.In(`.dir-in-progress a[href="/verksamheter/under-diplomering/"]`),
		sitetest.None(`.dir-all a[href="/verksamheter/vc-pagar/"]`),
	)
	if !strings.Contains(files["_redirects"], "/verksamheter/vc-pagar-gammal/ /verksamheter/vc-pagar/ 301\n") {
		t.Errorf("the former id does not lead to the page:\n%s", files["_redirects"])
	}
	// Not certified anywhere: no list of certified units, search index,
	// open data or page per kommun and kind; the site search finds the
	// list, not the unit's page.
	o.Check("verksamheter/kommun/umea/index.html",
		sitetest.In("#under-diplomering", sitetest.HasText("Under diplomering i Umeå")),
		sitetest.In("#under-diplomering + p + ul a", sitetest.HasAttr("href", "/verksamheter/vc-pagar/")),
		sitetest.None(`#typ-vardcentral + ul a[href="/verksamheter/vc-pagar/"]`),
	)
	listed := regexp.MustCompile(`^(verksamheter/(vc-pagar|under-diplomering|vc-pagar-gammal|kommun/umea)/index\.html|_redirects|sitemap\.xml|sok/f/verksamheter/(under-diplomering|kommun/umea)\.json)$`) // the site search has the list and the kommun's page
	for p, data := range files {
		if p == publish.Marker || listed.MatchString(p) {
			continue
		}
		if strings.Contains(data, "vc-pagar") || strings.Contains(data, "Pågår") {
			t.Errorf("%s names the unit under certification", p)
		}
	}
	for _, n := range o.Stats.Notes {
		if strings.Contains(n.String(), "Pågår") || strings.Contains(n.String(), "under diplomering") {
			t.Errorf("a note names the unit under certification: %s", n)
		}
	}
	if directory.InProgressURL != "/verksamheter/under-diplomering/" {
		t.Errorf("InProgressURL is %s", directory.InProgressURL)
	}
}
