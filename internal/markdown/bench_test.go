package markdown

import (
	"strings"
	"testing"
)

var body = []byte(strings.Repeat("## Rubrik om vård\n\nEtt stycke om diplomering, bemötande och arbetsmiljö i vården. Se [priser](/om/pris/) och www.example.se.\n\n- en punkt\n- en till\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n", 30))

func BenchmarkRender(b *testing.B) {
	r := New(url)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, errs := r.Render("content/a.md", body, 5); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}
