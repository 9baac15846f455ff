package pagescan

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkRealPages scans the HTML pages under $PAGESCAN_PAGES (a
// build's output) in path order through one Strings, as a build does.
func BenchmarkRealPages(b *testing.B) {
	dir := os.Getenv("PAGESCAN_PAGES")
	if dir == "" {
		b.Skip("PAGESCAN_PAGES not set")
	}
	var pages [][]byte
	size, k := 0, 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			if k++; k%5 != 0 {
				return nil
			}
			data, _ := os.ReadFile(p)
			pages = append(pages, data)
			size += len(data)
		}
		return nil
	})
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var ss Strings
	for b.Loop() {
		for _, p := range pages {
			ss.ScanMarkdownRead(p, nil, func(*Page) {})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
}
