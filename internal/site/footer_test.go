package site_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestFooterLinkForms builds the fixture site with a footer link of each
// form site.yaml accepts, and checks that every page, whatever its layout
// (home, list, page, seminar, seminars, directory, unit, documents, search,
// 404), links to exactly the address written: no form is filtered by
// html/template (a tel: link once became href="#ZgotmplZ").
func TestFooterLinkForms(t *testing.T) {
	for _, form := range []string{
		"/tillganglighet/",
		"https://www.example.se/om/",
		"mailto:hbtq@test.example.se",
		"tel:+46101234500",
	} {
		t.Run(form, func(t *testing.T) {
			s := sitetest.Load(t, "testdata/site.txtar")
			s.Write("site.yaml", sitetest.Settings+"footer_links:\n  - text: Tillgänglighet och kontakt\n    url: \""+form+"\"\n")
			o := s.Build(t)
			var pages []string
			for name, text := range o.Files() {
				if !strings.HasSuffix(name, ".html") || strings.Contains(text, `http-equiv="refresh"`) {
					continue // a redirect page has no footer
				}
				pages = append(pages, name)
				sitetest.CheckHTML(t, name, text, sitetest.In(`footer.site-footer section[aria-labelledby="sidfot-om"] li a[href="`+form+`"]`, sitetest.HasText("Tillgänglighet och kontakt")))
				if strings.Contains(text, "ZgotmplZ") { // anywhere, in any form
					t.Errorf("%s: an address was filtered to #ZgotmplZ", name)
				}
			}
			sort.Strings(pages)
			if len(pages) < 10 {
				t.Fatalf("only %d pages checked: %v", len(pages), pages)
			}
		})
	}
}
