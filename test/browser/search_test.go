package browser

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// The search of issue 13 on a fixture site (testdata/search.txtar: the
// relevance suite's 35 units and a few pages): the phone layout while
// typing, layout shift on load, filter summaries and the status, options
// without hits, suggestions, and axe in each of these states.

// searchSite builds and serves the search fixture once.
func searchSite(t *testing.T) *served {
	t.Helper()
	return fixtureSite(t, "search")
}

// recordShifts makes every page the tab opens record its layout shifts
// (those without recent input) in window.__cls, from the first paint on.
func recordShifts(t *testing.T, ctx context.Context) {
	t.Helper()
	const src = `window.__cls = 0; window.__shifts = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) { window.__cls += e.value; window.__shifts.push((e.sources || []).map(s => s.node && (s.node.id || s.node.className || s.node.nodeName)).join(",") + " " + e.value.toFixed(3)); } }).observe({type: "layout-shift", buffered: true});`
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		t.Fatal(err)
	}
}

// TestSearchLayoutShift: loading the directory, with and without a query
// in the address, shifts the layout by at most 0.05 (CLS), wide and on a
// phone.
func TestSearchLayoutShift(t *testing.T) {
	s := searchSite(t)
	for _, size := range [][2]int64{{1280, 900}, {375, 450}} {
		for _, q := range []string{"", "?q=umea&kommun=umea"} {
			ctx := browser(t, int(size[0]))
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[1])); err != nil {
				t.Fatal(err)
			}
			recordShifts(t, ctx)
			open(t, ctx, s.url+"/verksamheter/"+q)
			waitFor(t, ctx, "the results", `!document.getElementById("dir-results").hidden`)
			time.Sleep(300 * time.Millisecond)
			cls := eval[float64](t, ctx, `window.__cls`)
			t.Logf("%dx%d %s: CLS %.4f", size[0], size[1], q, cls)
			if cls > 0.05 {
				t.Errorf("/verksamheter/%s at %d×%d: layout shift %.3f on load, want ≤ 0.05 (%v)", q, size[0], size[1], cls, eval[[]string](t, ctx, `window.__shifts`))
			}
		}
	}
}

// TestSearchPhone: at 375 × 450 px (a phone with its keyboard open), the
// count and the first result are on screen right under the field while
// typing.
func TestSearchPhone(t *testing.T) {
	s := searchSite(t)
	ctx := browser(t, 375)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 450)); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, s.url+"/verksamheter/")
	waitFor(t, ctx, "the results", `!document.getElementById("dir-results").hidden`)
	if err := chromedp.Do(ctx, chromedp.Click("#dir-q"), chromedp.SendKeys("#dir-q", "tandvård")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the count", `document.getElementById("dir-status").textContent === "3 träffar"`)
	type box struct{ Top, Bottom float64 }
	boxes := eval[map[string]box](t, ctx, `(() => {
  const r = (e) => { const b = e.getBoundingClientRect(); return {Top: b.top, Bottom: b.bottom}; };
  return {field: r(document.getElementById("dir-q")), count: r(document.getElementById("dir-status")), first: r(document.querySelector("#dir-list li"))};
})()`)
	for _, name := range []string{"field", "count", "first"} {
		b := boxes[name]
		if b.Top < 0 || b.Bottom > 450 {
			t.Errorf("at 375×450 while typing, the %s is at %.0f–%.0f px, off the screen", name, b.Top, b.Bottom)
		}
	}
	if boxes["count"].Top < boxes["field"].Bottom || boxes["first"].Top < boxes["count"].Bottom {
		t.Errorf("at 375×450 the order is not field, count, first result: %v", boxes)
	}
	axeCheck(t, ctx, "/verksamheter/ at 375×450 while typing")
}

// TestSearchFilters: the status says what is filtered, a closed filter
// says how many of its options are chosen, and an option that would find
// nothing cannot be ticked.
func TestSearchFilters(t *testing.T) {
	s := searchSite(t)
	ctx := browser(t, 1280)
	open(t, ctx, s.url+"/verksamheter/?kommun=umea")
	waitFor(t, ctx, "the results", `!document.getElementById("dir-results").hidden`)
	if have := eval[string](t, ctx, `document.getElementById("dir-status").textContent`); have != "18 träffar i Umeå" {
		t.Errorf("with Umeå chosen the status reads %q, want %q", have, "18 träffar i Umeå")
	}
	summary := `document.querySelector("details[data-group=kommun] summary").textContent`
	if eval[bool](t, ctx, `document.querySelector("details[data-group=kommun]").open`) {
		t.Error("the kommun filter is open on load")
	}
	if have := eval[string](t, ctx, summary); have != "Kommun (1 vald)" {
		t.Errorf("the closed kommun filter reads %q, want %q", have, "Kommun (1 vald)")
	}
	// A second kommun and a kind.
	if err := chromedp.Do(ctx, chromedp.Click(`details[data-group=kommun] summary`), chromedp.Click(`#f-kommun-skelleftea`),
		chromedp.Click(`details[data-group=kind] summary`), chromedp.Click(`#f-kind-tandvard`)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the status", `document.getElementById("dir-status").textContent === "2 träffar inom tandvård i Skellefteå och Umeå"`)
	if have := eval[string](t, ctx, summary); have != "Kommun (2 valda)" {
		t.Errorf("the kommun filter reads %q, want %q", have, "Kommun (2 valda)")
	}
	// Dorotea has no dental unit: its box cannot be ticked.
	if !eval[bool](t, ctx, `document.getElementById("f-kommun-dorotea").disabled`) {
		t.Error("Dorotea has no tandvård, but its box can be ticked")
	}
	if eval[bool](t, ctx, `document.getElementById("f-kommun-umea").disabled`) {
		t.Error("a chosen box is disabled")
	}
	if err := chromedp.Do(ctx, chromedp.Click(`#f-kommun-dorotea`)); err != nil {
		t.Fatal(err)
	}
	if eval[bool](t, ctx, `document.getElementById("f-kommun-dorotea").checked || location.search.includes("dorotea")`) {
		t.Error("a click ticked an option that finds nothing")
	}
	axeCheck(t, ctx, "/verksamheter/ with filters chosen and options disabled")
}

// TestSearchSuggestion: a query that finds nothing says so, suggests the
// nearest kommun, kind or name, keeps the button that clears everything,
// and the suggestion runs the search.
func TestSearchSuggestion(t *testing.T) {
	s := searchSite(t)
	for _, width := range []int{1280, 320} {
		ctx := browser(t, width)
		open(t, ctx, s.url+"/verksamheter/")
		waitFor(t, ctx, "the results", `!document.getElementById("dir-results").hidden`)
		if err := chromedp.Do(ctx, chromedp.SendKeys("#dir-q", "skelefta")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "no hits", `!document.getElementById("dir-empty").hidden`)
		text := eval[string](t, ctx, `document.getElementById("dir-empty").innerText`)
		for _, want := range []string{"Inga verksamheter matchar din sökning.", "Menade du Skellefteå?", "Rensa sökning och filter"} {
			if !strings.Contains(text, want) {
				t.Errorf("at %d px the no-hits message %q does not say %q", width, text, want)
			}
		}
		axeCheck(t, ctx, "/verksamheter/ with a suggestion")
		if err := chromedp.Do(ctx, chromedp.Click("#dir-suggest-button")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the suggested search", `document.getElementById("dir-q").value === "Skellefteå" && document.querySelectorAll("#dir-list li").length === 11`)
		if f := activeElement(t, ctx); f.ID != "dir-q" {
			t.Errorf("after the suggestion, focus is on %s %q, want the search field", f.Tag, f.Text)
		}
	}
	// Misspellings within reach find without a suggestion.
	ctx := browser(t, 1280)
	open(t, ctx, s.url+"/verksamheter/?q=v%C3%A5rdcentarl")
	waitFor(t, ctx, "the results", `!document.getElementById("dir-results").hidden`)
	if n := eval[int](t, ctx, `document.querySelectorAll("#dir-list li").length`); n != 8 {
		t.Errorf("vårdcentarl finds %d units, want the 8 vårdcentraler", n)
	}
}

// TestSiteSearch: the form in the header of every page leads to /sok/,
// which finds pages (by title, headings and text, stemmed and misspelt)
// and units, grouped; the page index is fetched only when the form is
// used; axe finds nothing in the results.
func TestSiteSearch(t *testing.T) {
	s := searchSite(t)
	for _, width := range []int{1280, 320} {
		ctx := browser(t, width)
		open(t, ctx, s.url+"/om/")
		if n := eval[int](t, ctx, `performance.getEntriesByType("resource").filter(e => e.name.includes("/sok/") || e.name.includes("/assets/sok/")).length`); n != 0 {
			t.Errorf("at %d px a page fetches the search index before the form is used (%d requests)", width, n)
		}
		if have := eval[string](t, ctx, `document.querySelector(".site-header form[role=search]").getAttribute("aria-label")`); have != "Sök på webbplatsen" {
			t.Errorf("the header's search form is labelled %q", have)
		}
		if err := chromedp.Do(ctx, chromedp.SendKeys("#site-q", "omdiplomeringar\n")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the results", `location.pathname === "/sok/" && (e => !!e && !e.hidden)(document.getElementById("sok-results"))`)
		type result struct {
			Status        string
			Pages, Units  []string
			UnitsShown    bool
			Field         string
			IndexRequests int
		}
		read := `({
  Status: document.getElementById("sok-status").textContent,
  Pages: [...document.querySelectorAll("#sok-pages a")].map(a => a.textContent),
  Units: [...document.querySelectorAll("#sok-units a")].map(a => a.textContent),
  UnitsShown: !document.getElementById("sok-units").closest("section").hidden,
  Field: document.getElementById("sok-q").value,
  IndexRequests: performance.getEntriesByType("resource").filter(e => e.name.includes("sok")).length,
})`
		r := eval[result](t, ctx, read)
		if len(r.Pages) == 0 || r.Pages[0] != "Pris och villkor" || r.UnitsShown || r.Field != "omdiplomeringar" {
			t.Errorf("at %d px omdiplomeringar gives %+v, want the page Pris och villkor first and no units", width, r)
		}
		axeCheck(t, ctx, "/sok/?q=omdiplomeringar")

		// Units and pages together, misspelt.
		open(t, ctx, s.url+"/sok/?q="+url.QueryEscape("skelefteå"))
		waitFor(t, ctx, "the results", `!document.getElementById("sok-results").hidden`)
		r = eval[result](t, ctx, read)
		if len(r.Units) != 10 || !eval[bool](t, ctx, `!document.getElementById("sok-units-more").hidden && document.getElementById("sok-units-more").getAttribute("href") === "/verksamheter/?q=skelefte%C3%A5"`) {
			t.Errorf("at %d px skelefteå gives %d units and no link to all 11: %+v", width, len(r.Units), r)
		}
		if !strings.Contains(r.Status, "träffar") {
			t.Errorf("the status reads %q", r.Status)
		}
		axeCheck(t, ctx, "/sok/?q=skelefteå")

		// Results per heading: the words marked, the heading linked to its id.
		open(t, ctx, s.url+"/sok/?q=omdiplomering")
		waitFor(t, ctx, "the results", `!document.getElementById("sok-results").hidden`)
		marks := eval[[]string](t, ctx, `[...document.querySelectorAll("#sok-pages mark")].map(m => m.textContent)`)
		if len(marks) == 0 {
			t.Error("/sok/?q=omdiplomering marks no word in its excerpts")
		}
		for _, m := range marks {
			if !strings.HasPrefix(strings.ToLower(m), "omdiplomer") {
				t.Errorf("/sok/?q=omdiplomering marks %q", m)
			}
		}
		if !eval[bool](t, ctx, `[...document.querySelectorAll("#sok-pages .sok-sub a")].some(a => a.getAttribute("href").includes("#"))`) {
			t.Error("/sok/?q=omdiplomering links no heading of a page")
		}
		// A misspelling no page has: "Menade du …?" links the word meant.
		open(t, ctx, s.url+"/sok/?q=prsi")
		waitFor(t, ctx, "the suggestion", `!document.getElementById("sok-suggest").hidden`)
		if have := eval[string](t, ctx, `document.getElementById("sok-suggest").textContent`); have != "Menade du pris?" {
			t.Errorf("/sok/?q=prsi suggests %q, want \"Menade du pris?\"", have)
		}
		open(t, ctx, s.url+"/sok/?q=xyzzy")
		waitFor(t, ctx, "no hits", `document.getElementById("sok-status").textContent.startsWith("Inga träffar")`)
		axeCheck(t, ctx, "/sok/?q=xyzzy")
	}
}

// TestSiteSearchWithoutScript: without JavaScript no form pretends to
// search: the header has a link to /sok/ instead of its form, and /sok/
// lists every page A–Ö and links the directory, without a search form.
func TestSiteSearchWithoutScript(t *testing.T) {
	s := searchSite(t)
	ctx := browser(t, 1280)
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}), chromedp.Navigate(s.url+"/om/"))
	if err != nil {
		t.Fatal(err)
	}
	if eval[bool](t, ctx, `(f => !!f && f.offsetParent !== null)(document.querySelector(".site-search"))`) {
		t.Error("without JavaScript the header shows a search form")
	}
	// The link stands in for the form: seen, and leading to the A–Ö list.
	href := eval[string](t, ctx, `(a => a && a.offsetParent !== null ? a.getAttribute("href") : "")(document.querySelector(".site-search__az"))`)
	if href != "/sok/" {
		t.Fatalf("without JavaScript the header's link to the A–Ö list is %q, want a visible link to /sok/", href)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+href)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the search page", `location.pathname === "/sok/"`)
	if eval[bool](t, ctx, `document.getElementById("sok-form").offsetParent !== null`) {
		t.Error("without JavaScript /sok/ shows a search form")
	}
	links := eval[[]string](t, ctx, `[...document.querySelectorAll(".sok-list a")].map(a => a.getAttribute("href"))`)
	titles := eval[[]string](t, ctx, `[...document.querySelectorAll(".sok-list a")].map(a => a.textContent)`)
	listed := map[string]bool{}
	for _, l := range links {
		listed[l] = true
	}
	units := map[string]bool{}
	for _, u := range unitPages(s) {
		units[u] = true
	}
	for _, u := range s.urls {
		p := strings.TrimPrefix(u, s.url)
		if units[p] || p == "/sok/" {
			continue
		}
		if !listed[p] {
			t.Errorf("without JavaScript /sok/ does not list %s", p)
		}
	}
	for i := 1; i < len(titles); i++ {
		if swedish.Compare(titles[i-1], titles[i]) > 0 {
			t.Errorf("the list is not A–Ö: %q before %q", titles[i-1], titles[i])
		}
	}
	if !eval[bool](t, ctx, `!!document.querySelector(".sok-all a[href='/verksamheter/']")`) {
		t.Error("without JavaScript /sok/ does not link the directory")
	}
	if eval[bool](t, ctx, `!document.getElementById("sok-results").hidden`) {
		t.Error("without JavaScript /sok/ shows the (empty) results")
	}
}
