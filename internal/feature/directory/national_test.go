package directory_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/rootfs"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// A region's site, built for its open data: two units, one with an HSA-id
// that the other region also lists.
const regionNorr = `
-- content/_index.md --
---
title: Start
---
-- content/verksamheter/norr.yaml --
organisation: Region Norr
units:
  - {id: vc-ett, name: Vårdcentralen Ett, kommun: Umeå, kind: vårdcentral, certified: 2024-01-02, hsa_id: SE2321000222-E00001}
  - {id: tandvarden, name: Tandvården Norr, kommun: Skellefteå, kind: tandvård, certified: 2024-01-02, location: [64.75, 20.95]}
-- content/verksamheter/privat.yaml --
organisation: Vårdbolaget Norr
units:
  - {id: privat-vc, name: Privata vårdcentralen, kommun: Umeå, kind: vårdcentral, certified: 2024-01-02}
`

const regionSyd = `
-- content/_index.md --
---
title: Start
---
-- content/verksamheter/syd.yaml --
organisation: Region Syd
units:
  - {id: vc-ett, name: Vårdcentralen Ett i Malmö, kommun: Malmö, kind: vårdcentral, certified: 2024-01-02}
  - {id: samma, name: Samma enhet, kommun: Umeå, kind: vårdcentral, certified: 2024-01-02, hsa_id: SE2321000222-E00001}
`

// openData builds a region's fixture site and returns its JSON.
func openData(t *testing.T, archive string) []byte {
	t.Helper()
	s := sitetest.Parse(t, archive)
	s.Write("site.yaml", strings.Replace(sitetest.Settings, "https://hbtq.test.example.se", "https://region.example.se", 1))
	data, ok := s.Build(t).Files()["data/verksamheter.json"]
	if !ok {
		t.Fatal("the region's site published no open data")
	}
	return []byte(data)
}

// nationalSite writes a national site whose site.yaml lists sources, and
// builds it from disk (so that .cache is used) into out.
func nationalSite(t *testing.T, root, sources string) (site.Stats, error) {
	t.Helper()
	s := sitetest.Parse(t, "-- content/_index.md --\n---\ntitle: Start\n---\n")
	s.Write("site.yaml", sitetest.Settings+"national:\n  max_age_days: 3\n  timeout_seconds: 2\n  sources:\n"+sources)
	for name, f := range s.Files {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	opt := s.Options(filepath.Join(root, "public"))
	opt.Root = rootfs.New(root)
	return site.Build(context.Background(), opt)
}

func notes(st site.Stats) string {
	var b strings.Builder
	for _, n := range st.Notes {
		b.WriteString(n.In(msg.SV) + "\n")
	}
	return b.String()
}

// TestNational: a national site merges two regions' open data (one by
// address on 127.0.0.1, one by path) into one directory with the region
// as a facet; the same HSA-id is one unit; a taken id gets the region's
// name; each unit's page names its region's page as canonical. Then the
// address goes down and sends bad JSON: the last good copy is used with a
// note; a bad unit is skipped at its JSON pointer.
func TestNational(t *testing.T) {
	norr, syd := openData(t, regionNorr), openData(t, regionSyd)
	mode := "good"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch mode {
		case "good":
			w.Write(norr)
		case "invalid":
			w.Write([]byte("<html>Underhåll</html>"))
		case "bad-unit":
			w.Write([]byte(strings.Replace(string(norr), `"kommun_code": "2482"`, `"kommun_code": "Skellefteå"`, 1)))
		}
	}))
	defer srv.Close()
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "syd.json"), syd, 0o644)
	sources := "    - name: Region Norr\n      url: " + srv.URL + "/data/verksamheter.json\n    - name: Region Syd\n      path: syd.json\n"

	st, err := nationalSite(t, root, sources)
	if err != nil {
		t.Fatalf("the national site does not build: %v", err)
	}
	out := sitetest.Open(t, filepath.Join(root, "public"))
	out.Check("verksamheter/index.html",
		sitetest.In(`.dir-all a[href="/verksamheter/vc-ett/"]`, sitetest.HasText("Vårdcentralen Ett")),
		sitetest.In(`.dir-all a[href="/verksamheter/tandvarden/"]`, sitetest.HasText("Tandvården Norr")),
		sitetest.In(`.dir-all a[href="/verksamheter/vc-ett-region-syd/"]`, sitetest.HasText("Vårdcentralen Ett i Malmö")),
		sitetest.In(`.dir-filter[data-group="org"] input[value="region-norr"]`),
		sitetest.In(`.dir-filter[data-group="org"] input[value="region-syd"]`),
		// The unit with the same HSA-id is not shown twice, and a provider
		// in a region's open data is no facet of its own: the region is.
		sitetest.None("body", sitetest.HasTextContaining("Samma enhet")),
		sitetest.None(`input[value="vardbolaget-norr"]`))
	if !strings.Contains(notes(st), "har samma HSA-id som Vårdcentralen Ett") {
		t.Errorf("no note says a unit has the same HSA-id:\n%s", notes(st))
	}
	out.Check("verksamheter/privat-vc/index.html", sitetest.In(`.unit-facts dt:containsOwn("Utförare") + dd`, sitetest.HasText("Vårdbolaget Norr")))
	if !out.Has("verksamheter/vc-ett-region-syd/index.html") {
		t.Error("the second vc-ett did not get the region's name after its id")
	}
	out.Check("verksamheter/tandvarden/index.html",
		sitetest.In(`head link[rel="canonical"][href="https://region.example.se/verksamheter/tandvarden/"]`),
		sitetest.In(`main p:has(a[href="https://region.example.se/verksamheter/tandvarden/"])`, sitetest.HasTextContaining("Uppgifterna kommer från Region Norr.")),
		sitetest.In(`main a[href="https://region.example.se/verksamheter/tandvarden/"]`, sitetest.HasText("Tandvården Norr på regionens webbplats")))
	if sm := out.Read("sitemap.xml"); strings.Contains(sm, "/verksamheter/tandvarden/") || !strings.Contains(sm, "/verksamheter/</loc>") {
		t.Errorf("the sitemap lists a unit whose canonical page is its region's, or not the directory:\n%s", sm)
	}

	mode = "invalid"
	st, err = nationalSite(t, root, sources)
	if err != nil {
		t.Fatalf("with an invalid source: %v", err)
	}
	if !strings.Contains(notes(st), `källan "Region Norr" går inte att använda just nu`) || !sitetest.Open(t, filepath.Join(root, "public")).Has("verksamheter/tandvarden/index.html") {
		t.Errorf("an invalid source: no note, or its units are gone:\n%s", notes(st))
	}
	srv.Close()
	st, err = nationalSite(t, root, sources)
	if err != nil || !strings.Contains(notes(st), `källan "Region Norr" går inte att använda just nu`) {
		t.Errorf("a source that is down: %v\n%s", err, notes(st))
	}
}

// TestNationalBadUnit: a unit that breaks the schema is skipped, named by
// its source and JSON pointer; the others are published.
func TestNationalBadUnit(t *testing.T) {
	norr := strings.Replace(string(openData(t, regionNorr)), `"kommun_code": "2482"`, `"kommun_code": "Skellefteå"`, 1)
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "norr.json"), []byte(norr), 0o644)
	st, err := nationalSite(t, root, "    - name: Region Norr\n      path: norr.json\n")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(notes(st), `källan "Region Norr": verksamheten på /units/1/kommun_code hoppades över`) {
		t.Errorf("no note names the bad unit by its pointer:\n%s", notes(st))
	}
	out := sitetest.Open(t, filepath.Join(root, "public"))
	if out.Has("verksamheter/tandvarden/index.html") || !out.Has("verksamheter/vc-ett/index.html") {
		t.Error("the bad unit is published, or the good one is not")
	}
}

// TestNationalDownWithoutCopy: a source that has never been read is an
// error at its line in site.yaml.
func TestNationalDownWithoutCopy(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	_, err := nationalSite(t, t.TempDir(), "    - name: Region Norr\n      url: "+srv.URL+"/v.json\n")
	if err == nil || !strings.Contains(err.Error(), `site.yaml:`) || !strings.Contains(err.Error(), `källan "Region Norr" går inte att använda`) {
		t.Errorf("a source down without a copy: %v", err)
	}
}
