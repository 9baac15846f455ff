package directory_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/search"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// buildDirectorySite builds testdata/<name>.txtar and returns
// the output folder, every file in it and the build's stats.
func buildDirectorySite(t *testing.T, name string) (string, map[string]string, site.Stats) {
	t.Helper()
	o := sitetest.Load(t, "testdata/"+name+".txtar").Build(t)
	return o.Dir, o.Files(), o.Stats
}

// directoryIndex returns the search index the directory page names.
func directoryIndex(t *testing.T, files map[string]string) (string, []byte) {
	t.Helper()
	m := regexp.MustCompile(`data-index="(/assets/verksamheter\.[0-9a-f]{8}\.json)"`).FindStringSubmatch(files["verksamheter/index.html"])
	if m == nil {
		t.Fatal("the directory page names no search index in data-index")
	}
	data, ok := files[strings.TrimPrefix(m[1], "/")]
	if !ok {
		t.Fatalf("the directory names %s, which was not written", m[1])
	}
	return m[1], []byte(data)
}

// TestDirectoryPrivate puts a sentinel in every internal field of a unit and
// checks that none of it appears in any file of the output.
func TestDirectoryPrivate(t *testing.T) {
	_, files, _ := buildDirectorySite(t, "site")
	if _, ok := files["verksamheter/zeta-mottagningen/index.html"]; !ok {
		t.Fatal("the unit with the sentinels has no page; the test would prove nothing")
	}
	// The open data (package opendata) publishes every unit in files of its own: they are among the files searched.
	for _, p := range []string{"data/verksamheter.json", "data/verksamheter.csv", "data/katalog.jsonld", "oppna-data/index.html"} {
		if !strings.Contains(files[p], "zeta") && !strings.Contains(files[p], "Öppna data") && !strings.Contains(files[p], "dcat:") {
			t.Errorf("%s was not written, or holds no unit; the sentinels are not looked for in the open data", p)
		}
	}
	sentinels := []string{
		"HEMLIG-SENTINEL", "hemlig-sentinel", "hemlig sentinel", // contact, e-mail, notes, and folded
		"999 88 71", "9998871", // contact_phone
		"987",            // group_size
		"96.37", "96,37", // participation
	}
	// A number counts as a number of its own, not as digits inside
	// another: the places file holds every kommun's coordinates (59.98731).
	number := regexp.MustCompile(`(^|[^0-9.,])(987|96[.,]37)([^0-9]|$)`)
	for p, data := range files {
		for _, s := range sentinels {
			if s == "987" || s == "96.37" || s == "96,37" {
				if m := number.FindString(data); m != "" {
					t.Errorf("%s contains the internal value %q", p, m)
				}
				continue
			}
			if strings.Contains(strings.ToLower(data), strings.ToLower(s)) {
				t.Errorf("%s contains the internal value %q", p, s)
			}
		}
	}
}

// TestDirectoryUnitPage checks a unit's page: its facts, its dates in
// <time datetime>, its history and links.
func TestDirectoryUnitPage(t *testing.T) {
	_, files, _ := buildDirectorySite(t, "site")
	page := files["verksamheter/zeta-mottagningen/index.html"]
	for _, want := range []string{
		`<h1>Zeta mottagningen</h1>`,
		`<title>Zeta mottagningen – `,
		`<dt>Typ av vård</dt><dd><a href="/verksamheter/typ/vardcentral/">Vårdcentral</a></dd>`,
		`<dt>Kommun</dt><dd><a href="/verksamheter/kommun/umea/">Umeå</a></dd>`,
		`<dd>Region Norr</dd>`,
		`<dd>Storgatan 1, 903 26 Umeå</dd>`,
		`<a href="https://zeta.example.se">`,
		`<a href="https://www.1177.se/hitta-vard/kontaktkort/zeta/">`,
		`<dt>Diplomerad sedan</dt><dd><time datetime="2023-05-04">4 maj 2023</time></dd>`,
		`<dt>Giltig till</dt><dd><time datetime="2029-02-10">10 februari 2029</time></dd>`,
		`<dt>Status</dt><dd>Giltig</dd>`,
		`<dd>Gamla Zeta</dd>`,
		`<li><time datetime="2023-05-04">4 maj 2023</time> – Diplomerad</li>`,
		`<li><time datetime="2025-02-10">10 februari 2025</time> – Omdiplomerad</li>`,
		`<a href="/verksamheter/">Diplomerade verksamheter</a>`, // breadcrumbs
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the unit page does not contain %s", want)
		}
	}
	soon := files["verksamheter/snart/index.html"]
	for _, want := range []string{`<dd>Går snart ut</dd>`, `unit-status--soon`, `<time datetime="2027-01-15">15 januari 2027</time>`} {
		if !strings.Contains(soon, want) {
			t.Errorf("the page of a unit that expires soon does not contain %s", want)
		}
	}
}

// TestDirectoryEscaped: HTML and </script> in a name stay text, in pages
// and in the index.
func TestDirectoryEscaped(t *testing.T) {
	_, files, _ := buildDirectorySite(t, "site")
	_, idx := directoryIndex(t, files)
	for p, data := range files {
		if strings.HasPrefix(p, "data/") {
			continue // JSON and CSV, never HTML: the open data keeps names as written
		}
		if strings.Contains(data, "<script>alert") || strings.Contains(data, "<b>fet") || strings.Contains(data, "<img src=x") || strings.Contains(data, "<Syd") {
			t.Errorf("%s contains the HTML of a name unescaped", p)
		}
	}
	page := files["verksamheter/skript/index.html"]
	// The minifier writes > and & bare where HTML allows it; < is what matters.
	if !strings.Contains(page, `<h1>Mottagningen &lt;/script>&lt;script>alert(1)&lt;/script> & &lt;b>fet&lt;/b></h1>`) {
		t.Errorf("the name is not escaped in its page's heading")
	}
	if !strings.Contains(string(idx), `Mottagningen \u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 \u003cb\u003efet\u003c/b\u003e`) {
		t.Errorf("the name is not escaped in the index:\n%s", idx)
	}
	var parsed struct{ Units [][]any }
	if err := json.Unmarshal(idx, &parsed); err != nil {
		t.Fatalf("the index is not JSON: %v", err)
	}
}

// TestDirectoryExpired: an expired unit has no page, is in no list, not in
// the index, and is a note in the build summary; so is the number of
// units that expire soon.
func TestDirectoryExpired(t *testing.T) {
	_, files, st := buildDirectorySite(t, "site")
	// An honest page at the unit's address, kept out of search engines.
	page := files["verksamheter/gammal/index.html"]
	for _, want := range []string{
		`<meta name="robots" content="noindex">`,
		"Den utgångna mottagningen är inte längre hbtq-diplomerad.",
		`Diplomet gällde till och med <time datetime="2025-05-01">1 maj 2025</time> och har inte förnyats.`,
		`<a href="/verksamheter/">listan över diplomerade verksamheter</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the expired unit's page has no %q:\n%s", want, page)
		}
	}
	// … and nowhere else: no list, index, sitemap or site search.
	for p, data := range files {
		if p == "verksamheter/gammal/index.html" || strings.HasPrefix(p, "verksamheter/gammal/diplom.") { // its page, and its badge that says so (TestBadgeExpired)
			continue
		}
		if strings.Contains(data, "utgångna mottagningen") || strings.Contains(data, "/verksamheter/gammal/") || strings.Contains(data, `"gammal"`) {
			t.Errorf("%s names the expired unit", p)
		}
	}
	want := []string{
		"utgången: gammal (Den utgångna mottagningen), giltig till 2025-05-01 — content/verksamheter/syd.yaml:9",
		"1 diplomerad verksamhet går snart ut (inom 6 månader): Snart-mottagningen (snart, giltig till 2027-01-15)",
	}
	var notes []string
	for _, n := range st.Notes {
		if !strings.Contains(n.String(), "under internal:") { // see TestDirectoryLacking
			notes = append(notes, n.String())
		}
	}
	if d := cmp.Diff(want, notes); d != "" {
		t.Errorf("notes (-want +have):\n%s", d)
	}
}

// TestDirectoryExpiredPageGoes: after expired_page_months the expired
// unit's address leads to the directory; 0 gives no page at all.
func TestDirectoryExpiredPageGoes(t *testing.T) {
	for _, months := range []string{"12", "0"} {
		s := sitetest.Load(t, "testdata/site.txtar")
		s.Write("site.yaml", sitetest.Settings+"expired_page_months: "+months+"\n")
		files := s.Build(t).Files()
		if strings.Contains(files["verksamheter/gammal/index.html"], "inte längre") {
			t.Errorf("expired_page_months: %s: the expired unit still has its page", months)
		}
		if !strings.Contains(files["_redirects"], "/verksamheter/gammal/ /verksamheter/ 301\n") {
			t.Errorf("expired_page_months: %s: no redirect to the directory:\n%s", months, files["_redirects"])
		}
	}
	s := sitetest.Load(t, "testdata/site.txtar")
	s.Write("site.yaml", sitetest.Settings+"expired_page_months: -3\n")
	_, err := s.BuildErr(t)
	if want := "site.yaml:14:22: expired_page_months: -3 är inget antal månader som går (skriv hur många månader en utgången verksamhet ska ha kvar sin sida, som 24, eller 0 för ingen sida)"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("have %v, want %s", err, want)
	}
}

// TestDirectoryLacking: a unit whose rules require participation data it
// lacks is published and noted at its line: at internal: when it has the
// block, at the unit when it has none; a registry whose own rules ask for
// no participation percentage is not asked for one.
func TestDirectoryLacking(t *testing.T) {
	_, files, st := buildDirectorySite(t, "lacking")
	if _, ok := files["verksamheter/utan/index.html"]; !ok {
		t.Error("the unit without participation data is not published")
	}
	want := []string{
		"utan (Utan uppgifter) saknar participation: (minst 90 % av arbetsgruppen ska delta) och manager_took_part: (närmaste chef ska delta) under internal:, som reglerna kräver; skriv hur det var när verksamheten diplomerades — content/verksamheter/a.yaml:11",
		"halv (Halva uppgifter) saknar manager_took_part: (närmaste chef ska delta) under internal:, som reglerna kräver; skriv hur det var när verksamheten diplomerades — content/verksamheter/a.yaml:22",
		"egna (Egna regler) saknar manager_took_part: (närmaste chef ska delta) under internal:, som reglerna kräver; skriv hur det var när verksamheten diplomerades — content/verksamheter/b.yaml:5",
	}
	var notes []string
	for _, n := range st.Notes {
		notes = append(notes, n.String())
	}
	if d := cmp.Diff(want, notes); d != "" {
		t.Errorf("notes (-want +have):\n%s", d)
	}
}

// TestDirectoryRedirects: a former id leads to the unit's page.
func TestDirectoryRedirects(t *testing.T) {
	_, files, _ := buildDirectorySite(t, "site")
	if !strings.Contains(files["_redirects"], "/verksamheter/gamla-zeta/ /verksamheter/zeta-mottagningen/ 301\n") {
		t.Errorf("_redirects has no redirect for the former id:\n%s", files["_redirects"])
	}
	if !strings.Contains(files["verksamheter/gamla-zeta/index.html"], `url=/verksamheter/zeta-mottagningen/`) {
		t.Error("the former id has no page that sends the browser on")
	}
}

// TestDirectorySwedishOrder: units, groups, filters and the index follow
// Swedish order: … Z, Å, Ä, Ö.
func TestDirectorySwedishOrder(t *testing.T) {
	_, files, _ := buildDirectorySite(t, "site")
	_, idx := directoryIndex(t, files)
	var parsed struct {
		Kommun [][2]string
		Units  [][]any
	}
	if err := json.Unmarshal(idx, &parsed); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, u := range parsed.Units {
		names = append(names, u[1].(string))
	}
	want := []string{"Alfa vårdcentral", `Mottagningen </script><script>alert(1)</script> & <b>fet</b>`, "Snart-mottagningen", "Zeta mottagningen", "Åsens mottagning", "Ängens mottagning", "Östra mottagningen"}
	if d := cmp.Diff(want, names); d != "" {
		t.Errorf("index order (-want +have):\n%s", d)
	}
	var kommuner []string
	for _, k := range parsed.Kommun {
		kommuner = append(kommuner, k[1])
	}
	wantK := []string{"Malmö", "Umeå", "Åre", "Ängelholm", "Örebro"}
	if d := cmp.Diff(wantK, kommuner); d != "" {
		t.Errorf("kommun table order (-want +have):\n%s", d)
	}
	// The grouped list of the directory page, headings and units.
	page := files["verksamheter/index.html"]
	var headings []string
	for _, m := range regexp.MustCompile(`<h3 id="kommun-[a-z-]+">([^<]+)</h3>`).FindAllStringSubmatch(page, -1) {
		headings = append(headings, m[1])
	}
	if d := cmp.Diff(wantK, headings); d != "" {
		t.Errorf("kommun headings (-want +have):\n%s", d)
	}
	umea := page[strings.Index(page, `id="kommun-umea"`):]
	if z, a := strings.Index(umea, "Zeta mottagningen"), strings.Index(umea, "Ängens mottagning"); z < 0 || a < 0 || z > a {
		t.Errorf("under Umeå, Zeta (at %d) must come before Ängens (at %d)", z, a)
	}
}

// TestDirectoryPage checks the directory page: the form the script needs,
// the filters with counts, the live region, the links to the pages per
// kommun and kind, and every public unit in the list without script.
func TestDirectoryPage(t *testing.T) {
	_, files, _ := buildDirectorySite(t, "site")
	name, idx := directoryIndex(t, files)
	if want := "/assets/" + feature.Fingerprint("verksamheter.json", idx); name != want {
		t.Errorf("the index is published as %s, but its content hashes to %s", name, want)
	}
	page := files["verksamheter/index.html"]
	for _, want := range []string{
		`<h1>Diplomerade verksamheter</h1>`,
		`<form class="dir-form needs-js" id="dir-form" method="get" action="/verksamheter/" role="search"`,
		`<label class="dir-search__label" for="dir-q">Sök verksamhet, ort eller typ av vård</label>`,
		`<noscript><link rel="stylesheet" href="/assets/noscript.`,
		`<input class="dir-search__input" type="search" id="dir-q" name="q"`,
		`<legend class="visually-hidden">Kommun</legend>`,
		`<input type="checkbox" id="f-kommun-umea" name="kommun" value="umea"><label for="f-kommun-umea">Umeå <span class="dir-count">(<span data-count>2</span>)</span></label>`,
		`<input type="checkbox" id="f-kind-vardcentral" name="kind" value="vardcentral">`,
		`<input type="checkbox" id="f-org-region-norr" name="org" value="region-norr">`,
		`<p class="dir-status" id="dir-status" role="status">7 diplomerade verksamheter</p>`,
		`<a href="/verksamheter/kommun/angelholm/">Ängelholm</a>`,
		`<a href="/verksamheter/typ/tandvard/">Tandvård</a>`,
		`<script type="module" src="/assets/directory.`,
		`<a href="/verksamheter/" aria-current="page">Diplomerade verksamheter</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the directory page does not contain %s", want)
		}
	}
	if strings.Contains(page, "<script>") || strings.Contains(page, " style=") {
		t.Error("the directory page has an inline script or style")
	}
	for _, id := range []string{"zeta-mottagningen", "orebro-ost", "alfa", "angen", "aaa", "skript", "snart"} {
		if !strings.Contains(page, `<a href="/verksamheter/`+id+`/">`) {
			t.Errorf("the directory does not link %s", id)
		}
		if _, ok := files["verksamheter/"+id+"/index.html"]; !ok {
			t.Errorf("%s has no page", id)
		}
	}
	kommun := files["verksamheter/kommun/umea/index.html"]
	for _, want := range []string{`<h1>Diplomerade verksamheter i Umeå</h1>`, `2 diplomerade verksamheter i Umeå.`, `<h2 id="typ-ungdomsmottagning">Ungdomsmottagning</h2>`, `<a href="/verksamheter/angen/">Ängens mottagning</a>`} {
		if !strings.Contains(kommun, want) {
			t.Errorf("the page for Umeå does not contain %s", want)
		}
	}
	kind := files["verksamheter/typ/psykiatri/index.html"]
	for _, want := range []string{`<h1>Diplomerade verksamheter: psykiatri</h1>`, `2 diplomerade verksamheter av typen psykiatri.`, `<h2 id="kommun-orebro">Örebro</h2>`} {
		if !strings.Contains(kind, want) {
			t.Errorf("the page for psykiatri does not contain %s", want)
		}
	}
}

// TestDirectoryIndexMatchesSearch: the published index is what package
// search builds (the page's script relies on its format).
func TestDirectoryIndexMatchesSearch(t *testing.T) {
	_, files, _ := buildDirectorySite(t, "site")
	_, idx := directoryIndex(t, files)
	var parsed struct {
		V     int
		Units [][]any
	}
	if err := json.Unmarshal(idx, &parsed); err != nil {
		t.Fatal(err)
	}
	if parsed.V != search.Version || len(parsed.Units) != 7 {
		t.Errorf("index version %d with %d units, want %d with 7", parsed.V, len(parsed.Units), search.Version)
	}
}

// TestDirectoryIntroPage: content/verksamheter/_index.md becomes the
// directory page, with its own title and text above the search.
func TestDirectoryIntroPage(t *testing.T) {
	s := sitetest.Load(t, "testdata/site.txtar")
	s.Write("content/verksamheter/_index.md", "---\ntitle: Hitta en diplomerad verksamhet\nmenu: main\n---\nHär finns alla.\n")
	s.Build(t).Contains("verksamheter/index.html", `<h1>Hitta en diplomerad verksamhet</h1>`, `<p>Här finns alla.</p>`, `id="dir-form"`, `<a href="/verksamheter/alfa/">`)
}
