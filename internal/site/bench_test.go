package site_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// BenchmarkBuild builds a site of 200 generated pages from memory to disk
// (each links to /om/pris/, which the site has: the content rules pass).
func BenchmarkBuild(b *testing.B) {
	s := sitetest.Parse(b, "-- content/_index.md --\n---\ntitle: Start\n---\n-- content/om/pris.md --\n---\ntitle: Pris\n---\n")
	for i := range 200 {
		s.Write(fmt.Sprintf("content/s%d/p%d.md", i/20, i), fmt.Sprintf("---\ntitle: Sida %d\nweight: %d\n---\n%s", i, i%7, body))
	}
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, err := site.Build(context.Background(), s.Options(out)); err != nil {
			b.Fatal(err)
		}
	}
}

var body = strings.Repeat("## Rubrik om vård\n\nEtt stycke om diplomering, bemötande och arbetsmiljö i vården. Se [priser](/om/pris/).\n\n- en punkt\n- en till\n\n", 40)

// BenchmarkLinksOnOneLine builds a page of 20 000 links, all on one line
// and one a line. The two should take about as long: every position in a
// page is found in time linear in the page.
func BenchmarkLinksOnOneLine(b *testing.B) {
	for _, tc := range []struct{ name, sep string }{{"one-line", " "}, {"line-each", "\n"}} {
		var page strings.Builder
		page.WriteString("---\ntitle: Länkar\n---\n")
		for range 20000 {
			page.WriteString("[sidan om vård och bemötande](/om/)" + tc.sep)
		}
		s := sitetest.Parse(b, "-- content/_index.md --\n---\ntitle: Start\n---\n-- content/om.md --\n---\ntitle: Om\n---\n")
		s.Write("content/lankar.md", page.String())
		out := filepath.Join(b.TempDir(), "public")
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := site.Build(context.Background(), s.Options(out)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
