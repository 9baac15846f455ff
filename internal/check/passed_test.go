package check_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	. "github.com/hbtq-diplomering/webbplats/internal/check"
	"github.com/hbtq-diplomering/webbplats/internal/pagescan"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// reportText is everything a Report says, in its order.
func reportText(r *Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%+v\n", r.Summary)
	for _, e := range r.Problems {
		fmt.Fprintln(&b, e.Error())
	}
	for _, u := range sortedKeys(r.OnPage) {
		for _, e := range r.OnPage[u] {
			fmt.Fprintf(&b, "on %q: %s\n", u, e.Error())
		}
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks { // a few keys
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

// TestPassedSites: every site under testdata gives the same report, with
// the same problems in the same order, whether the workers pass the
// addresses they passed before again without checking them (the build)
// or check every address on every page (NoPassed).
func TestPassedSites(t *testing.T) {
	sitetest.Each(t, "testdata/*.txtar", func(t *testing.T, s *sitetest.Site) {
		have := reportText(run(t, s.Files, Options{}))
		NoPassed(t)
		want := reportText(run(t, s.Files, Options{}))
		if d := cmp.Diff(want, have); d != "" {
			t.Errorf("the report with passed addresses kept differs (-checked +kept):\n%s", d)
		}
	})
}

// TestPassedPages: on pages in several folders, the same addresses that
// lead somewhere from one page and nowhere from another (relative ones,
// #fragments of the page itself) and addresses with and without problems
// repeated on every page give the report of every address checked on
// every page, also with Options.Kept, run after run.
func TestPassedPages(t *testing.T) {
	out := fstest.MapFS{"dokument/c.pdf": {Data: []byte("%PDF")}}
	var pages []Page
	for i := range 40 {
		dir := []string{"a", "b", "c/d"}[i%3]
		p := fmt.Sprintf("%s/s%d/", dir, i)
		id := ""
		if i%4 == 0 {
			id = ` id="del"`
		}
		// Even pages have no problem (they are kept with Options.Kept);
		// odd ones have, among the same addresses.
		problems := ""
		if i%2 == 1 {
			problems = ` <a href="../s1/">Sidan ett</a> <a href="#del">Delen</a> <a href="/ingenstans/">Ingenstans</a>` +
				` <a href="här">Här</a> <a href="mailto:namn">Skriv fel</a> <a href="tel:08-123 45">Ring</a>` +
				` <a href="/dokument/c.pdf">Rapporten (PDF, 9 B)</a> <img src="/bild.png"> <script src="/x.js"></script>`
		}
		html := `<!DOCTYPE html><html lang="sv"><head><title>S</title><link rel="stylesheet" href="/stil.css"></head><body>` +
			`<nav><a href="/">Start</a> <a href="/a/s0/">Sidan A</a> <a href="mer/">Mer om det</a>` +
			` <a href="/b/s1/#del">Del av B</a> <a href="/a/s0/#del">Del av A</a> <a href="mailto:namn@example.se">Skriv</a>` +
			` <a href="/dokument/c.pdf">Rapporten (PDF, 4 B)</a> <img src="/logga.svg" alt="">` + problems + `</nav>` +
			`<main><h1>S</h1><h2` + id + `>Del</h2></main></body></html>`
		out[p+"index.html"] = &fstest.MapFile{Data: []byte(html)}
		if i%2 == 0 {
			out[p+"mer/index.html"] = &fstest.MapFile{Data: []byte(`<!DOCTYPE html><html lang="sv"><head><title>M</title></head><body><main><h1>M</h1></main></body></html>`)}
		}
		pages = append(pages, Page{Path: fmt.Sprintf("content/%ss.md", p), URL: "/" + p, File: p + "index.html", Title: "S", Layout: "layouts/page.html"})
	}
	pages = append(pages, Page{Path: "layouts/404.html", File: "404.html", Layout: "layouts/404.html"})
	out["404.html"] = out["a/s0/index.html"]
	out["index.html"] = out["a/s0/mer/index.html"]
	out["stil.css"] = &fstest.MapFile{Data: []byte("p{}")}
	out["logga.svg"] = &fstest.MapFile{Data: []byte("<svg/>")}
	// Each run of the dev server's builds has the same scans of the
	// pages that did not change.
	scans := map[string]*pagescan.Page{}
	for name, f := range out {
		if strings.HasSuffix(name, ".html") {
			scans[name] = pagescan.Scan(f.Data)
		}
	}
	site := func(scans map[string]*pagescan.Page) *Site {
		s := &Site{Root: fstest.MapFS{}, Out: out, Pages: pages, Scans: scans, Redirects: map[string]string{"/b/s1/": "/b/s4/"}, Files: map[string]string{}}
		for name := range out {
			s.Files[name] = "content/" + name
		}
		return s
	}
	report := func(opt Options, scans map[string]*pagescan.Page) string {
		t.Helper()
		r, err := Run(context.Background(), site(scans), opt)
		if err != nil {
			t.Fatal(err)
		}
		return reportText(r)
	}
	// Without its id, page /a/s0/ changes the answers of the pages that
	// link to /a/s0/#del, which pass again only while those are the same.
	const first = "a/s0/index.html"
	noID := strings.Replace(string(out[first].Data), ` id="del"`, "", 1)
	changed := map[string]*pagescan.Page{first: pagescan.Scan([]byte(noID))}
	for name, sc := range scans {
		if name != first {
			changed[name] = sc
		}
	}
	runs := func() []string {
		var kept Kept
		r := []string{report(Options{}, scans), report(Options{Kept: &kept}, scans), report(Options{Kept: &kept}, scans)}
		out[first] = &fstest.MapFile{Data: []byte(noID)}
		r = append(r, report(Options{Kept: &kept}, changed))
		out[first] = &fstest.MapFile{Data: []byte(strings.Replace(noID, "<h2>", `<h2 id="del">`, 1))}
		return append(r, report(Options{Kept: &kept}, scans))
	}
	have := runs()
	NoPassed(t)
	want := runs()
	if !strings.Contains(want[0], "/c/d/s2/mer/") || !strings.Contains(want[0], "#del") {
		t.Fatalf("the pages have not the problems the test is made for:\n%s", want[0])
	}
	for i := range want {
		if d := cmp.Diff(want[i], have[i]); d != "" {
			t.Errorf("run %d: the report with passed addresses kept differs (-checked +kept):\n%s", i, d)
		}
	}
}

// TestLinkToUnpublished: a link to a page whose file is not published
// (in Pages, not in Files) leads nowhere, on every page that has it.
func TestLinkToUnpublished(t *testing.T) {
	const a = `<!DOCTYPE html><html lang="sv"><head><title>A</title></head><body><main><h1>A</h1><p><a href="/b/">Sidan B</a></p></main></body></html>`
	out := fstest.MapFS{"a/index.html": {Data: []byte(a)}, "c/index.html": {Data: []byte(a)}, "b/index.html": {Data: []byte(a)}}
	s := &Site{Root: fstest.MapFS{}, Out: out, Scans: map[string]*pagescan.Page{}, Redirects: map[string]string{}, Files: map[string]string{}}
	for _, p := range []string{"a", "b", "c"} {
		f := p + "/index.html"
		s.Pages = append(s.Pages, Page{Path: "content/" + p + ".md", URL: "/" + p + "/", File: f, Title: p, Layout: "layouts/page.html"})
		s.Scans[f] = pagescan.Scan([]byte(a))
		if p != "b" {
			s.Files[f] = "content/" + p + ".md"
		}
	}
	r, err := Run(context.Background(), s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if have := reportText(r); !strings.Contains(have, "\nlayouts/page.html: länken /b/ leder ingenstans, på /a/ och 2 sidor till") {
		t.Errorf("the link to /b/, whose file is not published, passed:\n%s", have)
	}
}
