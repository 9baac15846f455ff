package site_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"hbtq/internal/site"
	"hbtq/internal/sitetest"
)

// BenchmarkBuild builds a site of 200 generated pages from memory to disk.
func BenchmarkBuild(b *testing.B) {
	s := sitetest.Parse(b, "-- content/_index.md --\n---\ntitle: Start\n---\n")
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
