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

// links returns n links, all on one line or one a line.
func links(n int, sep string) []byte {
	var b strings.Builder
	for i := range n {
		b.WriteString("[sidan om vård och bemötande](/om/pris/)")
		if i < n-1 {
			b.WriteString(sep)
		}
	}
	b.WriteString("\n")
	return []byte(b.String())
}

// BenchmarkLinks renders 20 000 links on one line and one a line: the
// times should be about the same (positions are found in linear time).
func BenchmarkLinks(b *testing.B) {
	r := New(url)
	for _, tc := range []struct{ name, sep string }{{"one-line", " "}, {"line-each", "\n"}} {
		body := links(20000, tc.sep)
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				if _, errs := r.Render("content/a.md", body, 5); len(errs) > 0 {
					b.Fatal(errs)
				}
			}
		})
	}
}
