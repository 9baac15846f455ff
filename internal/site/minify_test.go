package site_test

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/rootfs"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestMinifyInPieces builds every fixture site with each page minified
// three ways (site.VerifyMinify): whole, in pieces cut at every place the
// build may cut, and as a build does, keeping the minified runs that
// pages share. A page where they differ fails its build.
func TestMinifyInPieces(t *testing.T) {
	defer site.VerifyMinify()()
	for _, pattern := range []string{"testdata/ok/*.txtar", "../feature/*/testdata/*.txtar"} {
		sitetest.Each(t, pattern, func(t *testing.T, s *sitetest.Site) {
			if _, err := site.Build(context.Background(), s.Options(filepath.Join(t.TempDir(), "public"))); err != nil {
				if strings.Contains(err.Error(), "minified") {
					t.Fatal(err)
				}
				t.Skipf("the fixture does not build (an error fixture): %v", err)
			}
		})
	}
}

// TestMinifyManyPagesInPieces does the same for 240 pages in 12 sections
// with the Markdown a site has (headings, lists, tables, code, quotes,
// links, white space the minifier removes), so that runs are kept and
// taken on many pages.
func TestMinifyManyPagesInPieces(t *testing.T) {
	defer site.VerifyMinify()()
	s := sitetest.Parse(t, "-- content/_index.md --\n---\ntitle: Start\n---\n-- content/om/pris.md --\n---\ntitle: Pris\n---\nPriset är 5 900 kr.\n")
	for i := range 240 {
		s.Write(fmt.Sprintf("content/s%d/p%d.md", i%12, i), fmt.Sprintf("---\ntitle: Sida %d\ndescription: Om sida %d &  mer\nweight: %d\n---\n%s", i, i, i%7, manyBodies[i%len(manyBodies)]))
	}
	if _, err := site.Build(context.Background(), s.Options(filepath.Join(t.TempDir(), "public"))); err != nil {
		t.Fatal(err)
	}
}

var manyBodies = []string{
	"## Rubrik om vård\n\nEtt stycke om diplomering, bemötande och arbetsmiljö i vården. Se [priser](/om/pris/).\n\n- en punkt\n- en till\n",
	"Text  med   flera    mellanslag\noch en radbrytning  \nhård.\n\n```\nkod  med\n   indrag <b>\n```\n\nEfter koden.\n",
	"| Steg | Tid |\n|---|---|\n| Första | 3 timmar |\n| Andra | 4 timmar |\n\n> Ett citat  med *betoning* och **fetstil** och `kod`.\n",
	"1. ett\n2. två\n   - inne i\n   - listan\n\nA & B < C > D \"citat\" 'enkla'.\n\n    indragen kod\n    rad två\n\nSlut.",
	"## Rubrik\n\n### Liten rubrik\n\nEn länk till [priset](/om/pris/ \"med titel\") och en till [Exempel](https://example.se).\n\n---\n\nEfter linjen.\n",
	"Bara ett stycke.",
	"",
}

var minifySite = flag.String("minify.site", "", "a site root (such as bench/gen's) for TestMinifySite")

// TestMinifySite builds the site root given with -minify.site (say a site
// of bench/gen's) with every page minified as TestMinifyInPieces does, and
// logs how often fastMinify gave up:
//
//	go test ./internal/site -run TestMinifySite -minify.site /dev/shm/s -v
func TestMinifySite(t *testing.T) {
	if *minifySite == "" {
		t.Skip("no -minify.site")
	}
	defer site.VerifyMinify()()
	o := site.Options{Features: all.Features(), Root: rootfs.New(*minifySite), Out: filepath.Join(t.TempDir(), "public"), Now: sitetest.Today}
	if _, err := site.Build(context.Background(), o); err != nil && strings.Contains(err.Error(), "minif") {
		t.Fatal(err)
	}
	calls, fell, bytes, fellBytes := site.FastCounts()
	t.Logf("minifyFast: %d calls, fastMinify gave up in %d (%.2f%%); %d bytes, %d of them (%.2f%%) minified by htmlMinifier", calls, fell, 100*float64(fell)/float64(calls), bytes, fellBytes, 100*float64(fellBytes)/float64(bytes))
}
