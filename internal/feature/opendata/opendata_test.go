package opendata_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/piprate/json-gold/ld"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/hbtq-diplomering/webbplats/internal/feature/opendata"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

func build(t *testing.T) map[string]string {
	t.Helper()
	return sitetest.Load(t, "testdata/site.txtar").Build(t).Files()
}

type unit map[string]any

func units(t *testing.T, files map[string]string) map[string]unit {
	t.Helper()
	var doc struct {
		License, Publisher, Modified string
		Units                        []unit
	}
	if err := json.Unmarshal([]byte(files[opendata.JSONPath]), &doc); err != nil {
		t.Fatalf("%s: %v", opendata.JSONPath, err)
	}
	if doc.License != opendata.CC0 || doc.Publisher != "Region Test" || doc.Modified != "2026-11-23" {
		t.Errorf("licence %q, publisher %q, modified %q", doc.License, doc.Publisher, doc.Modified)
	}
	out := map[string]unit{}
	for _, u := range doc.Units {
		out[u["id"].(string)] = u
	}
	return out
}

// TestJSONValidatesAgainstPublishedSchema compiles the schema as published
// (not the package's own function) and validates the published JSON; and
// shows that the schema can fail: a unit with an extra key does not pass.
func TestJSONValidatesAgainstPublishedSchema(t *testing.T) {
	files := build(t)
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(files[opendata.SchemaPath]))
	if err != nil {
		t.Fatalf("%s: %v", opendata.SchemaPath, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	c.AddResource("s.json", doc)
	sch, err := c.Compile("s.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(files[opendata.JSONPath]))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("the published JSON does not validate against the published schema: %v", err)
	}
	bad := strings.Replace(files[opendata.JSONPath], `"id": "zeta"`, `"id": "zeta", "contact": "x"`, 1)
	inst, _ = jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if sch.Validate(inst) == nil {
		t.Error("a unit with a key the schema does not name validates; additionalProperties must be false")
	}
	bad = strings.Replace(files[opendata.JSONPath], `"kommun_code": "2480"`, `"kommun_code": "248"`, 1)
	inst, _ = jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if sch.Validate(inst) == nil {
		t.Error("a three-digit kommun code validates")
	}
}

// TestJSONUnits: the public units only, with codes, place, status and the
// address of their page.
func TestJSONUnits(t *testing.T) {
	us := units(t, build(t))
	if len(us) != 3 {
		t.Errorf("%d units, want 3 (the expired one left out): %v", len(us), us)
	}
	z := us["zeta"]
	for k, want := range map[string]any{
		"url": "https://hbtq.test.example.se/verksamheter/zeta/", "kommun": "Umeå", "kommun_code": "2480",
		"county_code": "24", "county": "Västerbottens län", "kind": "vårdcentral", "organisation": "Region Norr",
		"hsa_id": "SE2321000222-E12345", "certified": "2023-05-04", "valid_until": "2029-02-10", "status": "giltig",
		"latitude": 63.8258, "longitude": 20.263, "location_source": "verksamhet",
	} {
		if z[k] != want {
			t.Errorf("zeta: %s = %v, want %v", k, z[k], want)
		}
	}
	a := us["alfa"]
	if a["kommun_code"] != "0680" || a["county_code"] != "06" || a["location_source"] != "kommun" || a["latitude"] != 57.78145 {
		t.Errorf("alfa (no location, Jönköping): %v", a)
	}
	if _, ok := a["address"]; ok {
		t.Errorf("alfa has no address, but the JSON has one: %v", a["address"])
	}
	if us["skript"]["county_code"] != "14" {
		t.Errorf("Göteborg's county: %v", us["skript"]["county_code"])
	}
}

// TestCSV: UTF-8, a header line with every field, a row a unit, and text
// with quotes, commas and semicolons kept whole.
func TestCSV(t *testing.T) {
	files := build(t)
	data := files[opendata.CSVPath]
	if !utf8.ValidString(data) || strings.HasPrefix(data, "\uFEFF") {
		t.Error("the CSV is not UTF-8 without a byte-order mark")
	}
	rows, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want a header and 3 units", len(rows))
	}
	col := map[string]int{}
	for i, f := range opendata.Fields {
		if rows[0][i] != f.Name {
			t.Errorf("column %d is %q, want %q", i, rows[0][i], f.Name)
		}
		col[f.Name] = i
	}
	found := false
	for _, r := range rows[1:] {
		if r[col["id"]] == "skript" {
			found = true
			if r[col["name"]] != `Mottagningen "</script>", semikolon; och komma` || r[col["kommun_code"]] != "1480" {
				t.Errorf("skript: %q", r)
			}
		}
		if r[col["id"]] == "zeta" && (r[col["recertified"]] != "2025-02-10" || r[col["former_names"]] != "Gamla Zeta" || r[col["latitude"]] != "63.8258") {
			t.Errorf("zeta: %q", r)
		}
	}
	if !found {
		t.Error("no row for skript")
	}
}

// TestPrivate: no internal value in any open-data file, nor on the page.
func TestPrivate(t *testing.T) {
	files := build(t)
	for _, p := range []string{opendata.JSONPath, opendata.CSVPath, opendata.SchemaPath, opendata.CatalogPath, "oppna-data/index.html"} {
		data, ok := files[p]
		if !ok {
			t.Fatalf("%s was not written; the test would prove nothing", p)
		}
		for _, s := range []string{"hemlig-sentinel", "999 88 71", "9998871", "987", "96.37", "96,37"} {
			if strings.Contains(strings.ToLower(data), s) {
				t.Errorf("%s contains the internal value %q", p, s)
			}
		}
	}
}

// TestCatalog reads the catalogue with a JSON-LD processor (json-gold) into
// RDF triples and checks DCAT-AP-SE's mandatory properties of each class,
// and the recommended ones the issue asks for: licence, update frequency,
// spatial coverage, titles in Swedish and English.
func TestCatalog(t *testing.T) {
	files := build(t)
	proc := ld.NewJsonLdProcessor()
	opts := ld.NewJsonLdOptions("")
	opts.Format = "application/n-quads"
	var doc any
	if err := json.Unmarshal([]byte(files[opendata.CatalogPath]), &doc); err != nil {
		t.Fatal(err)
	}
	nq, err := proc.ToRDF(doc, opts)
	if err != nil {
		t.Fatalf("the catalogue is not JSON-LD: %v", err)
	}
	triples := parseNQuads(t, nq.(string))
	const (
		rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
		dcat    = "http://www.w3.org/ns/dcat#"
		dct     = "http://purl.org/dc/terms/"
		foaf    = "http://xmlns.com/foaf/0.1/"
		vcard   = "http://www.w3.org/2006/vcard/ns#"
	)
	required := map[string][]string{
		dcat + "Catalog":       {dct + "title", dct + "description", dct + "publisher", dcat + "dataset", dct + "license"},
		dcat + "Dataset":       {dct + "title", dct + "description", dct + "publisher", dcat + "contactPoint", dct + "accrualPeriodicity", dct + "spatial", dct + "license", dcat + "distribution"},
		dcat + "Distribution":  {dcat + "accessURL", dcat + "downloadURL", dct + "license", dct + "format", dcat + "mediaType", dct + "title"},
		foaf + "Agent":         {foaf + "name"},
		vcard + "Organization": {vcard + "fn", vcard + "hasEmail"},
	}
	count := map[string]int{}
	for s, props := range triples {
		for _, ty := range props[rdfType] {
			count[ty]++
			for _, p := range required[ty] {
				if len(props[p]) == 0 {
					t.Errorf("%s (%s) has no %s", s, ty, p)
				}
			}
			if ty == dcat+"Dataset" || ty == dcat+"Catalog" {
				titles := strings.Join(props[dct+"title"], " ")
				if !strings.Contains(titles, "@sv") || !strings.Contains(titles, "@en") {
					t.Errorf("%s: titles %s, want Swedish and English", s, titles)
				}
			}
		}
	}
	// The kommun seats' coordinates are GeoNames' (CC BY 4.0): each
	// distribution says so in a rights statement naming GeoNames.
	for s, props := range triples {
		if !slices.Contains(props[rdfType], dcat+"Distribution") {
			continue
		}
		rights := props[dct+"rights"]
		if len(rights) != 1 || !strings.Contains(strings.Join(triples[rights[0]]["http://www.w3.org/2000/01/rdf-schema#label"], " "), "GeoNames") {
			t.Errorf("%s has no rights statement naming GeoNames: %v", s, rights)
		}
	}
	for ty, want := range map[string]int{dcat + "Catalog": 1, dcat + "Dataset": 1, dcat + "Distribution": 2, foaf + "Agent": 1, vcard + "Organization": 1} {
		if count[ty] != want {
			t.Errorf("%d of %s, want %d", count[ty], ty, want)
		}
	}
}

// parseNQuads returns subject → predicate → objects of N-Quads text, each
// object as written (<iri>, "text"@lang, …).
func parseNQuads(t *testing.T, s string) map[string]map[string][]string {
	out := map[string]map[string][]string{}
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		l = strings.TrimSuffix(strings.TrimSpace(l), " .")
		sub, rest, ok1 := strings.Cut(l, " ")
		pred, obj, ok2 := strings.Cut(rest, " ")
		if !ok1 || !ok2 {
			t.Fatalf("not a quad: %s", l)
		}
		pred = strings.Trim(pred, "<>")
		if out[sub] == nil {
			out[sub] = map[string][]string{}
		}
		out[sub][pred] = append(out[sub][pred], strings.Trim(obj, "<>"))
	}
	return out
}

// TestNoCatalogWithoutAddress: without base_url the catalogue is left out
// with a note, and the rest is published with addresses on the site.
func TestNoCatalogWithoutAddress(t *testing.T) {
	s := sitetest.Load(t, "testdata/site.txtar")
	s.Write("site.yaml", strings.Replace(sitetest.Settings, "base_url: https://hbtq.test.example.se\n", "", 1))
	o := s.Build(t)
	files := o.Files()
	if _, ok := files[opendata.CatalogPath]; ok {
		t.Error("a catalogue was written without base_url")
	}
	if !strings.Contains(files[opendata.JSONPath], `"url": "/verksamheter/zeta/"`) {
		t.Error("without base_url, a unit's url is not its address on the site")
	}
	var notes bytes.Buffer
	for _, n := range o.Stats.Notes {
		notes.WriteString(n.Error() + "\n")
	}
	if !strings.Contains(notes.String(), "utan katalog för Sveriges dataportal: skriv webbplatsens adress i base_url") {
		t.Errorf("no note says why the catalogue is missing:\n%s", notes.String())
	}
}

// TestPage: the page lists the files and every field, and the directory
// links to it.
func TestPage(t *testing.T) {
	files := build(t)
	var fields []string
	for _, f := range opendata.Fields {
		fields = append(fields, f.Name)
	}
	sitetest.CheckHTML(t, "oppna-data/index.html", files["oppna-data/index.html"],
		sitetest.Texts("main h2 + ul > li > a", "verksamheter.json", "verksamheter.csv", "verksamheter.schema.json", "katalog.jsonld"),
		sitetest.In(`main li a[href="/data/verksamheter.json"]`),
		sitetest.In(`main li a[href="/data/verksamheter.csv"]`),
		sitetest.In(`main li a[href="/data/verksamheter.schema.json"]`),
		sitetest.In(`main li a[href="/data/katalog.jsonld"]`),
		sitetest.In(`main p a[href="`+opendata.CC0+`"]`, sitetest.HasText("CC0 1.0 Universell")),
		sitetest.In(`main .lead + p`, sitetest.HasTextContaining("finns som öppna data: 3 verksamheter, uppdaterad 23 november 2026.")),
		sitetest.In(`main p:has(a[href="https://www.geonames.org/"])`, sitetest.HasTextContaining("Det gäller 2 verksamheter just nu.")),
		// Every field, in the order of the CSV file.
		sitetest.Texts("table.od-fields tbody th code", fields...))
	sitetest.CheckHTML(t, "verksamheter/index.html", files["verksamheter/index.html"],
		sitetest.In(`main a[href="/oppna-data/"]`, sitetest.HasText("Hämta listan som öppna data")))
}

// TestLicenceSetting: open_data: licence: in site.yaml picks the licence
// of the JSON, the catalogue and the page (named in the theme's words,
// licences of layouts/words.yaml); one the build does not know is an error
// at its line.
func TestLicenceSetting(t *testing.T) {
	s := sitetest.Load(t, "testdata/site.txtar")
	s.Write("site.yaml", sitetest.Settings+"open_data:\n  licence: cc-by-4.0\n")
	files := s.Build(t).Files()
	const by = "http://creativecommons.org/licenses/by/4.0/"
	if !strings.Contains(files[opendata.JSONPath], `"license": "`+by+`"`) || !strings.Contains(files[opendata.CatalogPath], by) {
		t.Error("the JSON or the catalogue does not carry CC BY 4.0")
	}
	sitetest.CheckHTML(t, "oppna-data/index.html", files["oppna-data/index.html"],
		sitetest.In(`main p:contains("om du anger Region Test som källa")`),
		sitetest.In(`main p a[href="`+by+`"]`, sitetest.HasText("CC BY 4.0 Erkännande")))
	s.Write("site.yaml", sitetest.Settings+"open_data:\n  licence: MIT\n")
	_, err := s.BuildErr(t)
	if err == nil || !strings.Contains(err.Error(), `site.yaml:`) || !strings.Contains(err.Error(), `open_data: licence "MIT" är ingen licens som bygget känner till`) {
		t.Errorf("an unknown licence gives %v", err)
	}
	s.Write("site.yaml", sitetest.Settings+"open_dta:\n  licence: CC0\n")
	if _, err := s.BuildErr(t); err == nil || !strings.Contains(err.Error(), "open_data") {
		t.Errorf("a misspelt open_data: gives %v, want a hint naming open_data", err)
	}
}

// TestEveryFieldHasAValue: each field of the format is written.
func TestEveryFieldHasAValue(t *testing.T) {
	files := build(t)
	for id, u := range units(t, files) {
		for _, f := range opendata.Fields {
			if _, ok := u[f.Name]; !ok && f.Required {
				t.Errorf("%s has no %s", id, f.Name)
			}
		}
	}
}

// TestFieldWords: a field's words come from the site's (site.yaml's
// words: open_data_fields:, over layouts/words.yaml), and a name there
// that is no field is an error at its line that lists the fields; every
// field of the theme has its words.
func TestFieldWords(t *testing.T) {
	files := build(t)
	var schema struct {
		Properties struct {
			Units struct {
				Items struct {
					Properties map[string]struct{ Title, Description string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(files[opendata.SchemaPath]), &schema); err != nil {
		t.Fatal(err)
	}
	for _, f := range opendata.Fields {
		if p := schema.Properties.Units.Items.Properties[f.Name]; p.Title == "" || p.Description == "" {
			t.Errorf("the schema gives %s no title or description: %+v", f.Name, p)
		}
	}
	// Every field of the page has an example.
	sitetest.CheckHTML(t, "oppna-data/index.html", files["oppna-data/index.html"],
		sitetest.Count("table.od-fields tbody td", len(opendata.Fields)),
		sitetest.InAll("table.od-fields tbody td", sitetest.HasTextContaining("Exempel: ")),
		sitetest.None("table.od-fields tbody td code:empty"))
	s := sitetest.Load(t, "testdata/site.txtar")
	s.Write("site.yaml", sitetest.Settings+"words:\n  open_data_fields:\n    kommunkod: {title: Kod}\n")
	_, err := s.BuildErr(t)
	if err == nil || !strings.Contains(err.Error(), "site.yaml:") ||
		!strings.Contains(err.Error(), "words: open_data_fields: kommunkod är inget fält i öppna data; fälten är id, name, url") {
		t.Errorf("an unknown field's words give %v", err)
	}
}
