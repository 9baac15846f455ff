package pagescan

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"slices"
	"testing"
)

// BenchmarkScanPages scans 2 000 pages as a build does, through one
// Strings, and keeps their scans (without the sections, which the site
// search has read): the pages are testdata/page.html (bench/gen) with its
// own numbers (the title, its links to other pages) made anew for each,
// the headings, ids and link texts of <main> its own, and the same
// header, menu and footer. Besides the time per page, it
// reports the heap the scans keep per page (B/page-kept: what HeapAlloc
// grows by after a collection), the measure of what a build keeps of
// each page for the content rules.
func BenchmarkScanPages(b *testing.B) {
	page, err := os.ReadFile("testdata/page.html")
	if err != nil {
		b.Fatal(err)
	}
	const n = 2000
	pages := make([][]byte, n)
	for i := range pages {
		p := page
		for k, old := range []string{"8096", "7697", "5374", "4133"} {
			p = bytes.ReplaceAll(p, []byte(old), fmt.Appendf(nil, "%04d", (i*(1+36*k)+k)%10000))
		}
		// The headings, ids and link texts of <main> are the page's own.
		start, end := bytes.Index(p, []byte("<main")), bytes.Index(p, []byte("</main>"))
		main := p[start:end]
		num := fmt.Appendf(nil, " %d", i)
		main = bytes.ReplaceAll(main, []byte("</h"), append(num, "</h"...))
		main = bytes.ReplaceAll(main, []byte("</a>"), append(num, "</a>"...))
		main = bytes.ReplaceAll(main, []byte(` id="`), fmt.Appendf(nil, ` id="p%d-`, i))
		pages[i] = slices.Concat(p[:start], main, p[end:])
	}
	var kept uint64
	var m0, m1 runtime.MemStats
	scans := make([]*Page, n)
	for b.Loop() {
		b.StopTimer()
		clear(scans)
		runtime.GC()
		runtime.ReadMemStats(&m0)
		b.StartTimer()
		var ss Strings
		for i, p := range pages {
			sc := ss.Scan(p)
			sc.Sections = nil
			scans[i] = sc
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&m1)
		kept = m1.HeapAlloc - m0.HeapAlloc
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/page")
	b.ReportMetric(float64(kept)/n, "B/page-kept")
}
