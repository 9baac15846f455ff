package sitesearch

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/pagescan"
	"github.com/hbtq-diplomering/webbplats/internal/search"
)

// BenchmarkReadPages takes 2 000 pages apart and adds their words to a
// page index as the build does (pagescan.Strings.ScanMarkdownRead, then
// what Page does with the scan: doc and search.PageIndex.Add, each
// fragment file written at once, here to nowhere): the per-page work of
// the site search and the content rules' scan. The pages are pagescan's
// testdata/page.html (a page of bench/gen) with its numbers made anew for
// each. It reports the time and the bytes allocated per page.
func BenchmarkReadPages(b *testing.B) {
	page, err := os.ReadFile("../../pagescan/testdata/page.html")
	if err != nil {
		b.Fatal(err)
	}
	const n = 2000
	pages := make([][]byte, n)
	cps := make([]*content.Page, n)
	for i := range pages {
		p := page
		for k, old := range []string{"8096", "7697", "5374", "4133"} {
			p = bytes.ReplaceAll(p, []byte(old), fmt.Appendf(nil, "%04d", (i*(1+36*k)+k)%10000))
		}
		pages[i] = p
		cps[i] = &content.Page{URL: fmt.Sprintf("/avsnitt-%03d/sida-%05d/", i/100, i)}
		cps[i].Front.Title = fmt.Sprintf("Sida %d", i)
	}
	b.ReportAllocs()
	for b.Loop() {
		var ss pagescan.Strings
		x := search.NewPageIndex()
		x.WriteFragments(func(string, []byte) error { return nil })
		for i, p := range pages {
			ss.ScanMarkdownRead(p, nil, func(sc *pagescan.Page) { x.Add(doc(cps[i], sc)) })
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/page")
}
