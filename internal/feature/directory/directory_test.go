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
	fact := func(dt, sel string) string { return `.unit-facts dt:containsOwn("` + dt + `") + dd` + sel }
	sitetest.CheckHTML(t, "zeta-mottagningen", files["verksamheter/zeta-mottagningen/index.html"],
		sitetest.In("main h1", sitetest.HasText("Zeta mottagningen")),
		sitetest.In("head title", sitetest.HasText("Zeta mottagningen – Hbtq-diplomering")),
		sitetest.In(fact("Typ av vård", ` a[href="/verksamheter/typ/vardcentral/"]`), sitetest.HasText("Vårdcentral")),
		sitetest.In(fact("Kommun", ` a[href="/verksamheter/kommun/umea/"]`), sitetest.HasText("Umeå")),
		sitetest.In(fact("Region eller organisation", ""), sitetest.HasText("Region Norr")),
		sitetest.In(fact("Adress", ""), sitetest.HasText("Storgatan 1, 903 26 Umeå")),
		sitetest.In(fact("Webbplats", ` a[href="https://zeta.example.se"]`)),
		sitetest.In(fact("1177", ` a[href="https://www.1177.se/hitta-vard/kontaktkort/zeta/"]`)),
		sitetest.In(fact("Diplomerad sedan", ` time[datetime="2023-05-04"]`), sitetest.HasText("4 maj 2023")),
		sitetest.In(fact("Giltig till", ` time[datetime="2029-02-10"]`), sitetest.HasText("10 februari 2029")),
		sitetest.In(fact("Status", ""), sitetest.HasText("Giltig")),
		sitetest.In(fact("Tidigare namn", ""), sitetest.HasText("Gamla Zeta")),
		sitetest.Texts(".unit-history li", "4 maj 2023 – Diplomerad", "10 februari 2025 – Omdiplomerad"),
		sitetest.In(`.unit-history li:nth-child(1) time[datetime="2023-05-04"]`),
		sitetest.In(`.unit-history li:nth-child(2) time[datetime="2025-02-10"]`),
		sitetest.In(`nav.breadcrumbs a[href="/verksamheter/"]`, sitetest.HasText("Diplomerade verksamheter")))
	sitetest.CheckHTML(t, "snart", files["verksamheter/snart/index.html"],
		sitetest.In(fact("Status", ""), sitetest.HasText("Går snart ut")),
		sitetest.In(".unit-status.unit-status--soon", sitetest.HasTextContaining("går snart ut")),
		sitetest.In(fact("Giltig till", ` time[datetime="2027-01-15"]`), sitetest.HasText("15 januari 2027")))
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
	// The heading's text is the name as written, with no element in it.
	sitetest.CheckHTML(t, "skript", page,
		sitetest.In("main h1", sitetest.HasText("Mottagningen </script><script>alert(1)</script> & <b>fet</b>")),
		sitetest.None("main h1 *"), sitetest.None("body script:not([src])"))
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
	sitetest.CheckHTML(t, "gammal", page,
		sitetest.In(`head meta[name="robots"][content="noindex"]`),
		sitetest.In("main .notice p", sitetest.HasText("Den utgångna mottagningen är inte längre hbtq-diplomerad. Diplomet gällde till och med 1 maj 2025 och har inte förnyats.")),
		sitetest.In("main .notice p strong", sitetest.HasText("Den utgångna mottagningen är inte längre hbtq-diplomerad.")),
		sitetest.In(`main .notice time[datetime="2025-05-01"]`, sitetest.HasText("1 maj 2025")),
		sitetest.In(`main a[href="/verksamheter/"]`, sitetest.HasText("listan över diplomerade verksamheter")))
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
		if page, ok := files["verksamheter/gammal/index.html"]; ok {
			sitetest.CheckHTML(t, "gammal, expired_page_months: "+months, page, sitetest.None(".unit--expired"), sitetest.None("body", sitetest.HasTextContaining("inte längre")))
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
	sitetest.CheckHTML(t, "gamla-zeta", files["verksamheter/gamla-zeta/index.html"],
		sitetest.In(`head meta[http-equiv="refresh"][content="0; url=/verksamheter/zeta-mottagningen/"]`))
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
	sitetest.CheckHTML(t, "verksamheter/index.html", files["verksamheter/index.html"],
		sitetest.Texts(`.dir-all h3[id^="kommun-"]`, wantK...),
		sitetest.Texts(`.dir-all #kommun-umea + ul > li > a`, "Zeta mottagningen", "Ängens mottagning"),
		sitetest.Texts(`.dir-filter[data-group="kommun"] label`, "Malmö (2)", "Umeå (2)", "Åre (1)", "Ängelholm (1)", "Örebro (1)"))
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
	sitetest.CheckHTML(t, "verksamheter/index.html", page,
		sitetest.In("main h1", sitetest.HasText("Diplomerade verksamheter")),
		sitetest.In(`main form.dir-form.needs-js#dir-form[method="get"][action="/verksamheter/"][role="search"]`),
		sitetest.In(`#dir-form label.dir-search__label[for="dir-q"]`, sitetest.HasText("Sök verksamhet, ort eller typ av vård")),
		sitetest.In(`head noscript link[rel="stylesheet"][href^="/assets/noscript."]`),
		sitetest.In(`#dir-form input.dir-search__input[type="search"]#dir-q[name="q"]`),
		sitetest.In(`.dir-filter[data-group="kommun"] legend.visually-hidden`, sitetest.HasText("Kommun")),
		sitetest.In(`input[type="checkbox"]#f-kommun-umea[name="kommun"][value="umea"] + label[for="f-kommun-umea"]`, sitetest.HasText("Umeå (2)")),
		sitetest.In(`label[for="f-kommun-umea"] .dir-count [data-count]`, sitetest.HasText("2")),
		sitetest.In(`input[type="checkbox"]#f-kind-vardcentral[name="kind"][value="vardcentral"]`),
		sitetest.In(`input[type="checkbox"]#f-org-region-norr[name="org"][value="region-norr"]`),
		sitetest.In(`p.dir-status#dir-status[role="status"]`, sitetest.HasText("7 diplomerade verksamheter")),
		sitetest.In(`nav.dir-browse a[href="/verksamheter/kommun/angelholm/"]`, sitetest.HasText("Ängelholm")),
		sitetest.In(`nav.dir-browse a[href="/verksamheter/typ/tandvard/"]`, sitetest.HasText("Tandvård")),
		sitetest.In(`script[type="module"][src^="/assets/directory."]`),
		sitetest.In(`nav.main-nav a[href="/verksamheter/"][aria-current="page"]`, sitetest.HasText("Diplomerade verksamheter")),
		sitetest.None("script:not([src])"), sitetest.None("[style]"), sitetest.None("style"))
	for _, id := range []string{"zeta-mottagningen", "orebro-ost", "alfa", "angen", "aaa", "skript", "snart"} {
		sitetest.CheckHTML(t, "verksamheter/index.html", page, sitetest.In(`.dir-all ul.dir-units a[href="/verksamheter/`+id+`/"]`))
		if _, ok := files["verksamheter/"+id+"/index.html"]; !ok {
			t.Errorf("%s has no page", id)
		}
	}
	sitetest.CheckHTML(t, "verksamheter/kommun/umea/index.html", files["verksamheter/kommun/umea/index.html"],
		sitetest.In("main h1", sitetest.HasText("Diplomerade verksamheter i Umeå")),
		sitetest.In("main .lead", sitetest.HasText("2 diplomerade verksamheter i Umeå.")),
		sitetest.In("main h2#typ-ungdomsmottagning", sitetest.HasText("Ungdomsmottagning")),
		sitetest.In(`main #typ-ungdomsmottagning + ul.dir-units a[href="/verksamheter/angen/"]`, sitetest.HasText("Ängens mottagning")))
	sitetest.CheckHTML(t, "verksamheter/typ/psykiatri/index.html", files["verksamheter/typ/psykiatri/index.html"],
		sitetest.In("main h1", sitetest.HasText("Diplomerade verksamheter: psykiatri")),
		sitetest.In("main .lead", sitetest.HasText("2 diplomerade verksamheter av typen psykiatri.")),
		sitetest.In("main h2#kommun-orebro", sitetest.HasText("Örebro")))
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
	s.Build(t).Check("verksamheter/index.html",
		sitetest.In("main h1", sitetest.HasText("Hitta en diplomerad verksamhet")),
		sitetest.In("main h1 + p", sitetest.HasText("Här finns alla.")),
		sitetest.In("main form#dir-form"),
		sitetest.In(`main .dir-all a[href="/verksamheter/alfa/"]`, sitetest.HasText("Alfa vårdcentral")))
}
