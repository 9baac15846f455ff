package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/rootfs"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
	"github.com/hbtq-diplomering/webbplats/internal/slug"
)

// TestNationalExample builds examples/nationell as its site.yaml says, from
// the open data of the sample site and examples/fjallbygd: the two are
// built first, into the folders its source paths name (in a copy of the
// repository's layout under a temporary folder), then the national site.
// Its directory holds the units of both regions with the region as a
// filter, and a unit's page names its region's page as canonical.
func TestNationalExample(t *testing.T) {
	tmp := t.TempDir()
	nat, err := sitetest.LayOutNational("../..", "../../examples/nationell", tmp, sitetest.Today)
	if err != nil {
		t.Fatal(err)
	}
	st, err := site.Build(context.Background(), site.Options{Features: all.Features(), Root: rootfs.New(nat), Out: filepath.Join(nat, "public"), Now: sitetest.Today})
	if err != nil {
		t.Fatalf("examples/nationell does not build:\n%v", err)
	}
	for _, n := range st.Notes {
		t.Logf("note: %s", n.Error())
	}
	out := sitetest.Open(t, filepath.Join(nat, "public"))
	total := 0
	for _, src := range []string{filepath.Join(tmp, "public"), filepath.Join(tmp, "examples", "fjallbygd", "public")} {
		data, err := os.ReadFile(filepath.Join(src, "data", "verksamheter.json"))
		if err != nil {
			t.Fatal(err)
		}
		var f struct {
			Publisher string
			Units     []struct{ ID, URL, Organisation string }
		}
		if err := json.Unmarshal(data, &f); err != nil || len(f.Units) == 0 {
			t.Fatalf("%s: %v, %d units", src, err, len(f.Units))
		}
		total += len(f.Units)
		// The example names each source by its publisher: the region is the filter.
		out.Check("verksamheter/index.html", sitetest.In(`.dir-filter[data-group="org"] input[name="org"][value="`+slug.Make(f.Publisher)+`"]`))
		u := f.Units[0]
		out.Check("verksamheter/"+u.ID+"/index.html", sitetest.In(`head link[rel="canonical"][href="`+u.URL+`"]`))
	}
	pages := 0
	for name := range out.Files() {
		if rest, ok := strings.CutPrefix(name, "verksamheter/"); ok && strings.Count(rest, "/") == 1 && !strings.HasPrefix(rest, "kommun/") && !strings.HasPrefix(rest, "typ/") {
			pages++
		}
	}
	if pages != total {
		t.Errorf("%d unit pages, want %d: every unit of both sources (the examples share no HSA-id)", pages, total)
	}
}
