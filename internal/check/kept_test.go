package check_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	. "github.com/hbtq-diplomering/webbplats/internal/check"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/pagescan"
)

// TestKept: with Options.Kept a page that is the same as in the last Run
// (the same scan) passes again only while what it links to is the same:
// the id its #fragment names, the page it leads to, the size of the
// document it names. A page passed again is not read again.
func TestKept(t *testing.T) {
	const a = `<!DOCTYPE html><html lang="sv"><head><title>A</title></head><body><main><h1>A</h1>` +
		`<p><a href="/b/#del">Del två av sidan B</a> och <a href="/dokument/c.pdf">Rapporten (PDF, 4 B)</a></p></main></body></html>`
	const b = `<!DOCTYPE html><html lang="sv"><head><title>B</title></head><body><main><h1>B</h1><h2 id="del">Del två</h2></main></body></html>`
	out := fstest.MapFS{
		"a/index.html":   {Data: []byte(a)},
		"b/index.html":   {Data: []byte(b)},
		"dokument/c.pdf": {Data: []byte("%PDF")},
	}
	site := func(scans map[string]*pagescan.Page) *Site {
		s := &Site{Root: fstest.MapFS{}, Out: out, Scans: scans, Redirects: map[string]string{}, Files: map[string]string{}}
		for name := range out {
			s.Files[name] = "content/" + name
		}
		for _, p := range []string{"a", "b"} {
			s.Pages = append(s.Pages, Page{Path: "content/" + p + ".md", URL: "/" + p + "/", File: p + "/index.html", Title: strings.ToUpper(p), Layout: "layouts/page.html"})
		}
		return s
	}
	scanA, scanB := pagescan.Scan([]byte(a)), pagescan.Scan([]byte(b))
	var kept Kept
	problems := func(what string, s *Site) string {
		t.Helper()
		r, err := Run(context.Background(), s, Options{Kept: &kept})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Problems) == 0 {
			return ""
		}
		return diag.Errors(r.Err()).Error()
	}
	if p := problems("the first run", site(map[string]*pagescan.Page{"a/index.html": scanA, "b/index.html": scanB})); p != "" {
		t.Fatalf("the first run: %s", p)
	}
	// The same scan is the same page: it is not read again.
	scanA.Refs = append(scanA.Refs, &pagescan.Ref{Tag: "a", Attr: "href", URL: "/ingenstans/", Name: "Ingenstans", Named: true})
	if p := problems("the same pages", site(map[string]*pagescan.Page{"a/index.html": scanA, "b/index.html": scanB})); p != "" {
		t.Errorf("A, passed before, was checked again: %s", p)
	}
	scanA.Refs = scanA.Refs[:len(scanA.Refs)-1]

	// B without the id: A, the same, is checked again.
	b2 := strings.Replace(b, ` id="del"`, "", 1)
	out["b/index.html"] = &fstest.MapFile{Data: []byte(b2)}
	if p := problems("B without the id", site(map[string]*pagescan.Page{"a/index.html": scanA, "b/index.html": pagescan.Scan([]byte(b2))})); !strings.Contains(p, "#del") {
		t.Errorf("B lost the id A links to; problems: %q", p)
	}
	out["b/index.html"] = &fstest.MapFile{Data: []byte(b)}
	if p := problems("B with the id again", site(map[string]*pagescan.Page{"a/index.html": scanA, "b/index.html": scanB})); p != "" {
		t.Fatalf("B has its id again: %s", p)
	}

	// The document grew: the size A names is wrong.
	out["dokument/c.pdf"] = &fstest.MapFile{Data: []byte("%PDF-1.7")}
	if p := problems("the document grew", site(map[string]*pagescan.Page{"a/index.html": scanA, "b/index.html": scanB})); !strings.Contains(p, "(PDF, 8 B)") {
		t.Errorf("the document A names grew; problems: %q", p)
	}
	out["dokument/c.pdf"] = &fstest.MapFile{Data: []byte("%PDF")}

	// B gone: A's link leads nowhere.
	delete(out, "b/index.html")
	s := site(map[string]*pagescan.Page{"a/index.html": scanA})
	s.Pages = s.Pages[:1]
	if p := problems("B gone", s); !strings.Contains(p, "/b/#del") {
		t.Errorf("B is gone; problems: %q", p)
	}
}
