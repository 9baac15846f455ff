package check_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	. "github.com/hbtq-diplomering/webbplats/internal/check"
	"github.com/hbtq-diplomering/webbplats/internal/pagescan"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// BenchmarkRun checks a built site of 2 000 generated pages, each with
// headings, a list of links to other pages (one with a #fragment) and an
// external link, scanned as the build scans them: the content gate of a
// build, without the build. The site has no problem.
func BenchmarkRun(b *testing.B) {
	const n = 2000
	s := sitetest.Parse(b, "-- content/_index.md --\n---\ntitle: Start\n---\n-- content/om/pris.md --\n---\ntitle: Pris\n---\n")
	for i := range n {
		var body strings.Builder
		for j := range 8 {
			k := (i*7 + j*131) % n
			fmt.Fprintf(&body, "## Rubrik %d om vård\n\nEtt stycke om diplomering och bemötande. Se [sidan om arbetsmiljö nummer %d](/s%d/p%d/) och [priserna](/om/pris/#top).\n\n", j, k, k/20, k)
		}
		fmt.Fprintf(&body, "Läs [Socialstyrelsens föreskrifter om vård](https://www.socialstyrelsen.se/regler/%d/) och [rubriken hos sidan %d](/s%d/p%d/#rubrik-2-om-vard).\n", i, i, (i+1)%n/20, (i+1)%n)
		s.Write(fmt.Sprintf("content/s%d/p%d.md", i/20, i), fmt.Sprintf("---\ntitle: Sida %d\n---\n%s", i, body.String()))
	}
	out := filepath.Join(b.TempDir(), "public")
	if _, err := site.Build(context.Background(), s.Options(out)); err != nil {
		b.Fatal(err)
	}
	cs := &Site{Root: s.Files, Out: os.DirFS(out), Files: map[string]string{}, Scans: map[string]*pagescan.Page{}, Redirects: map[string]string{}}
	err := fs.WalkDir(cs.Out, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		cs.Files[p] = "content/" + p
		if strings.HasSuffix(p, ".html") {
			data, err := fs.ReadFile(cs.Out, p)
			if err != nil {
				return err
			}
			cs.Scans[p] = pagescan.Scan(data)
			url := "/" + strings.TrimSuffix(p, "index.html")
			if p == "404.html" {
				url = ""
			}
			cs.Pages = append(cs.Pages, Page{Path: "content/" + p, URL: url, File: p, Layout: "layouts/page.html"})
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		r, err := Run(context.Background(), cs, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Problems) > 0 {
			b.Fatalf("%d problems: %v", len(r.Problems), r.Problems[0])
		}
	}
}
