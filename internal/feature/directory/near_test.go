package directory_test

import (
	"encoding/json"
	"regexp"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

const nearSite = `
-- content/_index.md --
---
title: Start
---
-- content/verksamheter/norr.yaml --
organisation: Region Norr
units:
  - {id: umea-vc, name: Umeå vc, kommun: Umeå, kind: vårdcentral, certified: 2024-01-02, location: [63.85, 20.25]}
  - {id: vannas-vc, name: Vännäs vc, kommun: Vännäs, kind: vårdcentral, certified: 2024-01-02}
  - {id: nordmaling-vc, name: Nordmaling vc, kommun: Nordmaling, kind: vårdcentral, certified: 2024-01-02, location: [63.57, 19.50]}
  - {id: goteborg-vc, name: Göteborg vc, kommun: Göteborg, kind: vårdcentral, certified: 2024-01-02}
`

// TestNearbyWithoutScript: a kommun's page lists the nearest units of other
// kommuner within reach, nearest first, with "ca … km" and where the
// distance is measured from; a unit far away is not listed.
func TestNearbyWithoutScript(t *testing.T) {
	o := sitetest.Parse(t, nearSite).Build(t)
	o.Check("verksamheter/kommun/umea/index.html",
		sitetest.In("main h2#narmast", sitetest.HasText("Närmast i andra kommuner")),
		// Vännäs (26 km) before Nordmaling (47 km); none far away, none of Umeå itself.
		sitetest.Texts("main #narmast ~ ul.dir-units > li > a", "Vännäs vc", "Nordmaling vc"),
		sitetest.Texts("main #narmast ~ ul.dir-units .dir-units__meta", "Vårdcentral · Vännäs · ca 26 km (från kommunens centralort)", "Vårdcentral · Nordmaling · ca 47 km"))
	o.Check("verksamheter/kommun/goteborg/index.html",
		sitetest.None("#narmast"), sitetest.None("body", sitetest.HasTextContaining("Närmast i andra kommuner")))
}

// TestPlacesFile: the directory names its places file, which gives each
// unit its place and whether it is its own, and every kommun's seat.
func TestPlacesFile(t *testing.T) {
	files := sitetest.Parse(t, nearSite).Build(t).Files()
	m := regexp.MustCompile(`data-places="/(assets/platser\.[0-9a-f]{8}\.json)"`).FindStringSubmatch(files["verksamheter/index.html"])
	if m == nil {
		t.Fatal("the directory page names no places file")
	}
	var p struct {
		U map[string][3]float64
		K [][4]any
	}
	if err := json.Unmarshal([]byte(files[m[1]]), &p); err != nil {
		t.Fatal(err)
	}
	if have := p.U["umea-vc"]; have != [3]float64{63.85, 20.25, 1} {
		t.Errorf("umea-vc: %v, want its own location", have)
	}
	if have := p.U["vannas-vc"]; have[2] != 0 || have[0] == 0 {
		t.Errorf("vannas-vc: %v, want Vännäs's seat, not its own", have)
	}
	if len(p.K) != 290 {
		t.Errorf("%d kommuner in the places file, want 290", len(p.K))
	}
}
