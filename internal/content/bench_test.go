package content

import (
	"strings"
	"testing"
)

// page is a typical page: front matter and about 7 KB of Markdown.
var page = []byte("---\ntitle: Pris och villkor\ndescription: Vad det kostar.\nweight: 4\nlastmod: 2026-11-20\naliases: [/pris/]\n---\n" +
	strings.Repeat("## Rubrik\n\nEtt stycke om diplomering, bemötande och arbetsmiljö i vården. Se [priser](/om/pris/).\n\n- en punkt\n- en till\n\n", 40))

func BenchmarkParse(b *testing.B) {
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, errs := Parse("content/om/pris.md", page); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}
