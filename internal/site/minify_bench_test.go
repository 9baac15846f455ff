package site

import (
	"strings"
	"testing"
)

func BenchmarkMinifyHTML(b *testing.B) {
	m := newMinifier()
	html := []byte("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<title>T</title>\n</head>\n<body>\n" +
		strings.Repeat("<h2 id=\"x\">Rubrik</h2>\n<p>Ett  stycke   om <a href=\"/om/\">diplomering</a>.</p>\n<ul>\n<li>en</li>\n<li>två</li>\n</ul>\n", 60) +
		"</body>\n</html>\n")
	b.SetBytes(int64(len(html)))
	for b.Loop() {
		if _, err := m.Bytes("text/html", html); err != nil {
			b.Fatal(err)
		}
	}
}
