package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/hbtq-diplomering/webbplats/internal/search"
)

// The unit directory's journeys (issue 3) on the fixture site
// testdata/journeys.txtar: search, filters, the address as
// state, back and reload, without JavaScript, by keyboard, and axe with a
// search and a filter set.

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// waitFor polls the expression until it is true, for at most 5 seconds.
func waitFor(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if eval[bool](t, ctx, expr) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited 5 s for %s (%s)", what, expr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// dirState is what the page shows.
type dirState struct {
	Query    string
	Checked  []string // name=value of each checked box
	Status   string
	Hits     []string // the text of each result
	Links    []string // the address of each result
	Empty    bool     // the no-hits message is shown
	Search   string   // location.search
	ListShow bool     // the grouped no-script list is shown
}

const readDir = `(() => ({
  Query: document.getElementById("dir-q").value,
  Checked: [...document.querySelectorAll("#dir-filters input[type=checkbox]:checked")].map(b => b.name + "=" + b.value),
  Status: document.getElementById("dir-status").textContent,
  Hits: [...document.querySelectorAll("#dir-list li")].map(li => li.textContent),
  Links: [...document.querySelectorAll("#dir-list a")].map(a => a.getAttribute("href")),
  Empty: !document.getElementById("dir-empty").hidden,
  Search: location.search,
  ListShow: !document.getElementById("dir-all").hidden,
}))()`

func directory(t *testing.T, ctx context.Context) dirState {
	t.Helper()
	return eval[dirState](t, ctx, readDir)
}

// openDirectory loads the directory at the query q and waits until the
// script has shown its results.
func openDirectory(t *testing.T, ctx context.Context, base, q string) dirState {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/verksamheter/"+q)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the results", `!document.getElementById("dir-results").hidden`)
	return directory(t, ctx)
}

// fold is the directory's folding, for checking results: lower case, å, ä → a, ö → o.
func fold(s string) string {
	return strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "é", "e").Replace(strings.ToLower(s))
}

// statusFor is the live region's text for n hits.
func statusFor(n int) string {
	switch n {
	case 0:
		return "Inga träffar"
	case 1:
		return "1 träff"
	}
	return fmt.Sprintf("%d träffar", n)
}

// unitPages returns the addresses of the unit pages in the sitemap.
func unitPages(s *served) []string {
	var out []string
	for _, u := range s.urls {
		p := strings.TrimPrefix(u, s.url)
		rest := strings.TrimPrefix(p, "/verksamheter/")
		if rest == p || rest == "" || strings.HasPrefix(rest, "kommun/") || strings.HasPrefix(rest, "typ/") {
			continue
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// TestDirectorySearch types "umea": the Umeå units are listed, the live
// region reads the new count, and the address follows.
func TestDirectorySearch(t *testing.T) {
	s := fixtureSite(t, "journeys")
	ctx := browser(t, 1280)
	start := openDirectory(t, ctx, s.url, "")
	if start.ListShow {
		t.Error("the grouped list is still shown beside the script's results")
	}
	if len(start.Hits) == 0 || !strings.Contains(start.Status, "diplomerade verksamheter") {
		t.Fatalf("before searching: %d results, status %q", len(start.Hits), start.Status)
	}
	// The units the page lists under Umeå without the script.
	umea := eval[[]string](t, ctx, `[...document.querySelectorAll("#kommun-umea + ul a")].map(a => a.getAttribute("href"))`)
	if len(umea) == 0 {
		t.Fatal("the fixture has no unit in Umeå under #kommun-umea")
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys("#dir-q", "umea")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the live region to read the new count", `document.getElementById("dir-status").textContent !== `+jsString(start.Status))
	d := directory(t, ctx)
	if len(d.Hits) == 0 || len(d.Hits) >= len(start.Hits) {
		t.Fatalf("typing umea gives %d of %d results", len(d.Hits), len(start.Hits))
	}
	for _, h := range d.Hits {
		if !strings.Contains(fold(h), "umea") {
			t.Errorf("the result %q does not match umea", h)
		}
	}
	have := map[string]bool{}
	for _, l := range d.Links {
		have[l] = true
	}
	for _, u := range umea {
		if !have[u] {
			t.Errorf("the Umeå unit %s is not among the results", u)
		}
	}
	if d.Status != statusFor(len(d.Hits)) {
		t.Errorf("the live region reads %q, want %q", d.Status, statusFor(len(d.Hits)))
	}
	live := eval[string](t, ctx, `(e => e.getAttribute("role") + "|" + (e.getAttribute("aria-live") || ""))(document.getElementById("dir-status"))`)
	if !strings.HasPrefix(live, "status|") {
		t.Errorf("the count is in %q, want role=status", live)
	}
	waitFor(t, ctx, "the address to carry the query", `location.search === "?q=umea"`)

	// Name matches come before place matches: "vard" finds units by
	// name; a query matching nothing shows the way out.
	eval[bool](t, ctx, `(document.getElementById("dir-q").value = "", true)`)
	if err := chromedp.Do(ctx, chromedp.SendKeys("#dir-q", "xyzzy")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "no hits", `!document.getElementById("dir-empty").hidden`)
	if d := directory(t, ctx); len(d.Hits) != 0 {
		t.Errorf("xyzzy gives %d results", len(d.Hits))
	}
	waitFor(t, ctx, "the live region to say Inga träffar", `document.getElementById("dir-status").textContent === "Inga träffar"`)
	if err := chromedp.Do(ctx, chromedp.Click("#dir-clear")); err != nil {
		t.Fatal(err)
	}
	d = directory(t, ctx)
	if d.Query != "" || len(d.Hits) != len(start.Hits) || d.Status != start.Status {
		t.Errorf("after clearing: query %q, %d results, status %q; want everything back", d.Query, len(d.Hits), d.Status)
	}
	if f := activeElement(t, ctx); f.ID != "dir-q" {
		t.Errorf("after clearing, focus is on %s %q, want the search field", f.Tag, f.Text)
	}
}

// TestDirectoryFilters: a filter narrows the list, the address carries the
// state, reloading keeps it and the back button restores the state before.
func TestDirectoryFilters(t *testing.T) {
	s := fixtureSite(t, "journeys")
	ctx := browser(t, 1280)
	all := openDirectory(t, ctx, s.url, "?q=umea")
	if all.Query != "umea" {
		t.Fatalf("the query of the address is not in the field: %q", all.Query)
	}
	// The kind with the most Umeå hits, unless that is all of them. A
	// filter's counts are brought up to date when it is opened.
	if err := chromedp.Do(ctx, chromedp.Click(`details[data-group=kind] summary`)); err != nil {
		t.Fatal(err)
	}
	// The counts are brought up to date on the details' toggle event, which
	// comes after the click: wait for them to cover the results.
	waitFor(t, ctx, "the kind counts to cover the results", fmt.Sprintf(
		`[...document.querySelectorAll("#dir-filters input[name=kind]")].reduce((s, b) => s + +b.parentElement.querySelector("[data-count]").textContent, 0) === %d`, len(all.Hits)))
	type option struct {
		ID, Value string
		Count     int
	}
	opts := eval[[]option](t, ctx, `[...document.querySelectorAll("#dir-filters input[name=kind]")].map(b => ({ID: b.id, Value: b.value, Count: +b.parentElement.querySelector("[data-count]").textContent}))`)
	var pick option
	sum := 0
	for _, o := range opts {
		sum += o.Count
		if o.Count > pick.Count && o.Count < len(all.Hits) {
			pick = o
		}
	}
	if sum != len(all.Hits) {
		t.Errorf("the kind counts add up to %d, want the %d results", sum, len(all.Hits))
	}
	if pick.ID == "" {
		t.Fatalf("no kind narrows the %d Umeå results: %+v", len(all.Hits), opts)
	}
	if err := chromedp.Do(ctx, chromedp.Click("#"+pick.ID)); err != nil {
		t.Fatal(err)
	}
	d := directory(t, ctx)
	if len(d.Hits) != pick.Count {
		t.Errorf("the filter %s gives %d results; its count said %d", pick.Value, len(d.Hits), pick.Count)
	}
	want := "?q=umea&kind=" + url.QueryEscape(pick.Value)
	if d.Search != want {
		t.Errorf("the address's query is %q, want %q", d.Search, want)
	}
	if !strings.HasPrefix(d.Status, statusFor(pick.Count)+" inom ") {
		t.Errorf("the live region reads %q, want %q and the kind", d.Status, statusFor(pick.Count))
	}

	// Reload keeps the state.
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the results after reload", `!document.getElementById("dir-results").hidden`)
	r := directory(t, ctx)
	if r.Query != "umea" || strings.Join(r.Checked, ",") != "kind="+pick.Value || strings.Join(r.Links, " ") != strings.Join(d.Links, " ") {
		t.Errorf("after reload: query %q, checked %v, %d results; want umea, kind=%s, %d results", r.Query, r.Checked, len(r.Links), pick.Value, len(d.Links))
	}

	// Back restores the state before the filter.
	if err := chromedp.Do(ctx, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the state before the filter", `location.search === "?q=umea" && !document.querySelector("#dir-filters input:checked")`)
	b := directory(t, ctx)
	if len(b.Hits) != len(all.Hits) || b.Query != "umea" {
		t.Errorf("after back: query %q, %d results; want umea, %d", b.Query, len(b.Hits), len(all.Hits))
	}
	if b.Status != statusFor(len(all.Hits)) {
		t.Errorf("after back the live region reads %q, want %q", b.Status, statusFor(len(all.Hits)))
	}
}

// TestDirectoryWithoutScript: with JavaScript off, every unit of the
// sitemap is a link on /verksamheter/, and the form that needs the script
// is not shown.
func TestDirectoryWithoutScript(t *testing.T) {
	s := fixtureSite(t, "journeys")
	ctx := browser(t, 1280)
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}), chromedp.Navigate(s.url+"/verksamheter/"))
	if err != nil {
		t.Fatal(err)
	}
	// Evaluate runs even when the page's own scripts may not.
	type page struct {
		Links      []string
		FormShown  bool
		Results    bool
		Status     string
		Browse     []string
		Duplicates int
	}
	p := eval[page](t, ctx, `({
  Links: [...document.querySelectorAll("#dir-all a")].map(a => a.getAttribute("href")),
  FormShown: !!document.getElementById("dir-form").getClientRects().length,
  Results: !!document.getElementById("dir-results").getClientRects().length,
  Status: document.getElementById("dir-status").textContent,
  Browse: [...document.querySelectorAll(".dir-browse a")].map(a => a.getAttribute("href")),
})`)
	units := unitPages(s)
	if len(units) == 0 {
		t.Fatal("the sitemap has no unit pages")
	}
	linked := map[string]bool{}
	for _, l := range p.Links {
		linked[l] = true
	}
	for _, u := range units {
		if !linked[u] {
			t.Errorf("the unit %s is not linked from /verksamheter/ without JavaScript", u)
		}
	}
	if len(p.Links) != len(units) {
		t.Errorf("the list has %d links for %d units", len(p.Links), len(units))
	}
	if p.FormShown || p.Results {
		t.Error("without JavaScript the search form or the result list is shown")
	}
	if want := fmt.Sprintf("%d diplomerade verksamheter", len(units)); p.Status != want {
		t.Errorf("the count reads %q, want %q", p.Status, want)
	}
	var kommun, typ int
	for _, b := range p.Browse {
		switch {
		case strings.HasPrefix(b, "/verksamheter/kommun/"):
			kommun++
		case strings.HasPrefix(b, "/verksamheter/typ/"):
			typ++
		}
	}
	if kommun == 0 || typ == 0 {
		t.Errorf("the directory links %d pages per kommun and %d per kind, want both", kommun, typ)
	}
}

// TestDirectoryKeyboard: the search field, the filters and the results are
// reached by Tab, each with a visible focus style.
func TestDirectoryKeyboard(t *testing.T) {
	s := fixtureSite(t, "journeys")
	for _, width := range []int{1280, 320} {
		ctx := browser(t, width)
		openDirectory(t, ctx, s.url, "?q=umea")
		reached := map[string]bool{}
		for i := 0; i < 200 && !reached["result"]; i++ {
			f := tab(t, ctx)
			if f.Tag == "BODY" {
				break
			}
			kind := eval[string](t, ctx, `(e => e.id === "dir-q" ? "search" : e.tagName === "SUMMARY" && e.closest("#dir-filters") ? "filter" : e.type === "checkbox" ? "checkbox" : e.closest("#dir-list") ? "result" : "")(document.activeElement)`)
			if kind == "" {
				continue
			}
			reached[kind] = true
			if !strings.HasPrefix(f.Shadow, "rgb") && strings.HasPrefix(f.Outline, "none") {
				t.Errorf("at %d px: the %s %q has no visible focus style", width, kind, f.Text)
			}
			if f.Bottom < 0 || f.Top > f.Height {
				t.Errorf("at %d px: the focused %s %q is off screen", width, kind, f.Text)
			}
			if kind == "filter" && !reached["checkbox"] {
				// Open the first filter with the keyboard and tick a box with Space.
				if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
					t.Fatal(err)
				}
				f = tab(t, ctx)
				if eval[string](t, ctx, `document.activeElement.type`) != "checkbox" {
					t.Fatalf("at %d px: Tab after opening a filter lands on %s %q, want a checkbox", width, f.Tag, f.Text)
				}
				reached["checkbox"] = true
				if err := chromedp.Do(ctx, chromedp.KeyEvent(" ")); err != nil {
					t.Fatal(err)
				}
				if !eval[bool](t, ctx, `document.activeElement.checked && location.search.includes("&")`) {
					t.Errorf("at %d px: Space did not set the filter: %s", width, eval[string](t, ctx, `location.search`))
				}
				// And again to clear it, so that the results stay.
				if err := chromedp.Do(ctx, chromedp.KeyEvent(" ")); err != nil {
					t.Fatal(err)
				}
				if eval[bool](t, ctx, `document.activeElement.checked || location.search !== "?q=umea"`) {
					t.Errorf("at %d px: Space did not clear the filter: %s", width, eval[string](t, ctx, `location.search`))
				}
			}
		}
		for _, k := range []string{"search", "filter", "checkbox", "result"} {
			if !reached[k] {
				t.Errorf("at %d px: Tab never reached a %s", width, k)
			}
		}
	}
}

// TestDirectoryAxe runs axe on the directory with a search typed and a
// filter set, wide and at 320 px, and on a unit page and a kommun page.
func TestDirectoryAxe(t *testing.T) {
	s := fixtureSite(t, "journeys")
	for _, width := range []int{1280, 320} {
		ctx := browser(t, width)
		openDirectory(t, ctx, s.url, "")
		if err := chromedp.Do(ctx, chromedp.SendKeys("#dir-q", "vard")); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Click(`details[data-group=kommun] summary`), chromedp.Click(`#dir-filters input[name=kommun]`)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the state in the address", `location.search.includes("kommun=") && location.search.includes("q=vard")`)
		vs, err := axe(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			t.Errorf("/verksamheter/%s at %d px: %s", eval[string](t, ctx, "location.search"), width, v)
		}
		// No results: the message and the button.
		if err := chromedp.Do(ctx, chromedp.SendKeys("#dir-q", "xyzzy")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "no hits", `!document.getElementById("dir-empty").hidden`)
		vs, err = axe(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			t.Errorf("/verksamheter/ with no hits at %d px: %s", width, v)
		}
	}
}

func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// TestDirectoryFold: the script folds a query exactly as the index was
// folded at build time (package search), or words would not match.
func TestDirectoryFold(t *testing.T) {
	s := fixtureSite(t, "journeys")
	ctx := browser(t, 1280)
	openDirectory(t, ctx, s.url, "")
	in := []string{"Umeå", "MALMÖ", "Vårdcentral Östra, Umeå", "  --Hej--  ", "Café Noël", "Ærø Straße ẞ", "Zürich",
		"日本 x", "Łódź", "İstanbul", "Ängelholm/Åre", "</script>&amp;", "12 B", "Barn- och ungdomsmottagningen"}
	list, _ := json.Marshal(in)
	have, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`import(document.querySelector("script[type=module]").src).then(m => `+string(list)+`.map(m.fold))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range in {
		if i >= len(have) {
			t.Fatalf("the script folded %d of %d strings", len(have), len(in))
		}
		if want := search.Fold(s); have[i] != want {
			t.Errorf("the script folds %q to %q, the index to %q", s, have[i], want)
		}
	}
}
