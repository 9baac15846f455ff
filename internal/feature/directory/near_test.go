package directory_test

import (
	"encoding/json"
	"regexp"
	"strings"
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
	files := sitetest.Parse(t, nearSite).Build(t).Files()
	page := files["verksamheter/kommun/umea/index.html"]
	i := strings.Index(page, "Närmast i andra kommuner")
	if i < 0 {
		t.Fatal("Umeå's page has no list of the nearest units in other kommuner")
	}
	near := page[i:]
	v, n := strings.Index(near, "Vännäs vc"), strings.Index(near, "Nordmaling vc")
	if v < 0 || n < 0 || v > n {
		t.Errorf("want Vännäs (26 km) before Nordmaling (47 km):\n%s", near)
	}
	for _, want := range []string{"Vännäs · ca 26 km (från kommunens centralort)", "Nordmaling · ca 47 km<"} {
		if !strings.Contains(near, want) {
			t.Errorf("the list has no %q:\n%s", want, near)
		}
	}
	if strings.Contains(near, "Göteborg vc") || strings.Contains(near, "Umeå vc") {
		t.Errorf("the list names a unit far away, or one of Umeå itself:\n%s", near)
	}
	if strings.Contains(files["verksamheter/kommun/goteborg/index.html"], "Närmast i andra kommuner") {
		t.Error("Göteborg's page lists units 800 km away as near")
	}
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
