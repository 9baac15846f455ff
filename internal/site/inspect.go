package site

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"hbtq/internal/markdown"
	"hbtq/internal/render"
)

// Inspected is one published page as the site checker sees it.
type Inspected struct {
	Path   string // the source: content/om/pris.md, or the registry a generated page comes from
	URL    string // the address, /om/pris/; "" for the not-found page
	File   string // the published file: om/pris/index.html, 404.html
	Title  string
	Layout string // the layout it was rendered with: layouts/page.html

	// Markdown reports whether the page has a Markdown body; Result then
	// holds its headings and links at their lines in Path (without the HTML).
	Markdown bool
	Result   markdown.Result
}

// Report is a site built by Inspect, for the site checker.
type Report struct {
	Root      fs.FS             // the site root it was built from
	Dir       string            // the folder the site was built into; Close removes it
	BaseURL   string            // the site's address without the final slash; "" when unknown
	Pages     []Inspected       // every page and the not-found page, by address
	Files     map[string]string // every published file by slash-separated path (om/pris/index.html) → the source that wrote it
	Redirects map[string]string // every old address → the address it leads to
	Stats     Stats

	tmp string
}

// Close removes the folder the site was built into.
func (r *Report) Close() error { return os.RemoveAll(r.tmp) }

// Inspect builds the site as Build does, but into a new temporary folder
// (opt.Out is not used), and returns what was built: every page with its
// source, layout and Markdown headings and links, and every published
// file. On failure the error is that of Build and nothing is left behind.
// The caller must Close the report.
func Inspect(ctx context.Context, opt Options) (*Report, error) {
	tmp, err := os.MkdirTemp("", "hbtq-check-")
	if err != nil {
		return nil, err
	}
	opt.Out = filepath.Join(tmp, "public")
	start := time.Now()
	b := &builder{opt: opt, sources: map[string][]byte{}}
	st, err := b.run(ctx)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	st.Duration = time.Since(start)
	r := &Report{
		Root: opt.Root, Dir: opt.Out, BaseURL: b.base, Stats: st, tmp: tmp,
		Files: make(map[string]string, len(b.out.files)), Redirects: map[string]string{},
	}
	for p, src := range b.out.files {
		r.Files[p] = src
	}
	for _, rd := range b.redirects {
		r.Redirects[rd.from] = rd.to
	}
	for _, p := range b.pages {
		ip := Inspected{
			Path: p.Path, URL: p.URL, File: strings.TrimPrefix(p.URL, "/") + "index.html",
			Title: p.Front.Title, Layout: render.Dir + "/" + layoutOf(p) + ".html",
		}
		if path.Ext(p.Path) == ".md" && len(p.Body) > 0 {
			ip.Markdown = true
			ip.Result, _ = b.md.Render(p.Path, p.Body, p.BodyLine)
			ip.Result.HTML = nil
		}
		r.Pages = append(r.Pages, ip)
	}
	nf := render.Dir + "/404.html"
	r.Pages = append(r.Pages, Inspected{Path: nf, File: "404.html", Layout: nf})
	sort.Slice(r.Pages, func(i, j int) bool { return r.Pages[i].URL < r.Pages[j].URL })
	return r, nil
}
