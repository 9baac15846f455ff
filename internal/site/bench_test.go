package site

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
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

// BenchmarkBuild builds a site of 200 generated pages from memory to disk.
func BenchmarkBuild(b *testing.B) {
	t := &testing.T{}
	var files []txtar.File
	files = append(files, txtar.File{Name: "content/_index.md", Data: []byte("---\ntitle: Start\n---\n")})
	for i := range 200 {
		files = append(files, txtar.File{
			Name: fmt.Sprintf("content/s%d/p%d.md", i/20, i),
			Data: []byte(fmt.Sprintf("---\ntitle: Sida %d\nweight: %d\n---\n%s", i, i%7, body)),
		})
	}
	fsys := siteFS(t, &txtar.Archive{Files: files})
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, err := Build(context.Background(), Options{Root: fsys, Out: out, Now: now}); err != nil {
			b.Fatal(err)
		}
	}
}

var body = strings.Repeat("## Rubrik om vård\n\nEtt stycke om diplomering, bemötande och arbetsmiljö i vården. Se [priser](/om/pris/).\n\n- en punkt\n- en till\n\n", 40)
