package site

import (
	"context"
	"testing"
	"testing/fstest"
	"time"
	"unsafe"

	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// TestMarkdownSharesScanStrings builds a page and checks that what the
// build keeps of its Markdown for the content rules (see shareStrings)
// points at the strings of its scan, not at copies: the heading's id, the
// link's address and text, the image's address and alt text. (A build that
// keeps no page for the next one then takes those refs out of the scan:
// see TestMarkdownRefsDropped.)
func TestMarkdownSharesScanStrings(t *testing.T) {
	root := fstest.MapFS{
		"site.yaml": {Data: []byte("title: T\norganisation: O\ndescription: D\nbase_url: https://t.example.se\n")},
		"content/_index.md": {Data: []byte("---\ntitle: Start\n---\n## Om oss\n\n" +
			"Läs [om   priset](/pris/) och se ![en bild](/bild.svg).\n\n[Priset](/pris/)\n")},
		"content/pris.md":  {Data: []byte("---\ntitle: Pris\n---\nText.\n")},
		"content/bild.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>`)},
	}
	opt := Options{Root: withTheme(root), Now: swedish.DayOf(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))}
	b := &builder{opt: opt, next: newReuse()} // keeping the pages, as the dev server does: every ref stays
	if err := b.load(); err != nil {
		t.Fatal(err)
	}
	out := &output{mem: map[string][]byte{}, min: newMinifier(), files: map[string]string{}}
	if err := b.generate(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	res, sc := b.results["content/_index.md"], b.scans["index.html"]
	if sc == nil || len(res.Headings) != 1 || len(res.Links) != 3 {
		t.Fatalf("have %d headings, %d links, scan %v; want 1, 3 and a scan", len(res.Headings), len(res.Links), sc != nil)
	}
	in := func(s string) bool {
		for _, id := range sc.IDs {
			if unsafe.StringData(id) == unsafe.StringData(s) {
				return true
			}
		}
		for _, r := range sc.Refs {
			if unsafe.StringData(r.URL) == unsafe.StringData(s) || unsafe.StringData(r.Name) == unsafe.StringData(s) ||
				r.Alt != nil && unsafe.StringData(*r.Alt) == unsafe.StringData(s) {
				return true
			}
		}
		return false
	}
	h := res.Headings[0]
	if !in(h.ID) {
		t.Errorf("the heading's id %q is a copy of the scan's", h.ID)
	}
	for _, l := range res.Links {
		if !in(l.Dest) {
			t.Errorf("the address %q is a copy of the scan's", l.Dest)
		}
	}
	for _, l := range res.Links[1:] {
		if !in(l.Text) {
			t.Errorf("the text %q is a copy of the scan's", l.Text)
		}
	}
	if l := res.Links[0]; in(l.Text) {
		t.Errorf("the link text %q, with two spaces in the Markdown, is shared with the scan's single-spaced one", l.Text)
	}
}

// TestMarkdownRefsDropped builds a page whose Markdown links to the page
// its footer links to as well, with the same text: the scan kept for the
// rules has the layout's links and not the Markdown's.
func TestMarkdownRefsDropped(t *testing.T) {
	root := fstest.MapFS{
		"site.yaml": {Data: []byte("title: T\norganisation: O\ndescription: D\nbase_url: https://t.example.se\n" +
			"footer_links:\n  - text: Pris\n    url: /pris/\n")},
		"content/_index.md": {Data: []byte("---\ntitle: Start\n---\n[Pris](/pris/) och [priset](/pris/)\n")},
		"content/pris.md":   {Data: []byte("---\ntitle: Pris\n---\nText.\n")},
	}
	count := func(next *reuse) (n int) {
		b := &builder{opt: Options{Root: withTheme(root), Now: swedish.DayOf(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))}, next: next}
		if err := b.load(); err != nil {
			t.Fatal(err)
		}
		out := &output{mem: map[string][]byte{}, min: newMinifier(), files: map[string]string{}}
		if err := b.generate(context.Background(), out); err != nil {
			t.Fatal(err)
		}
		for _, r := range b.scans["index.html"].Refs {
			if r.URL == "/pris/" {
				n++
			}
		}
		return n
	}
	if all, own := count(newReuse()), count(nil); all-own != 2 || own == 0 {
		t.Errorf("links to /pris/ in the scan: %d kept for the dev server, %d for the rules; want the layout's in both, the Markdown's 2 only in the first", all, own)
	}
}
