package site

import (
	"context"
	"os"
	"path/filepath"

	"hbtq/internal/markdown"
)

// Inspected is a Markdown page as the checker sees it.
type Inspected struct {
	Path   string          // content/om/pris.md
	URL    string          // /om/pris/
	Result markdown.Result // headings and links with their source positions
}

// Report is what Inspect found: the pages and where the site was built.
type Report struct {
	Pages []Inspected
	Out   string // the built site, in a temporary folder
	Stats Stats
}

// Inspect builds the site into a temporary folder (opt.Out is not used)
// and returns every Markdown page with its headings and links, for the
// site checker. The caller removes Report.Out.
func Inspect(ctx context.Context, opt Options) (*Report, error) {
	dir, err := os.MkdirTemp("", "hbtq-check-")
	if err != nil {
		return nil, err
	}
	opt.Out = filepath.Join(dir, "public")
	st, err := Build(ctx, opt)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	b := &builder{opt: opt}
	if err := b.load(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	r := &Report{Out: opt.Out, Stats: st}
	for _, p := range b.pages {
		if filepath.Ext(p.Path) != ".md" {
			continue
		}
		res, _ := b.md.Render(p.Path, p.Body, p.BodyLine)
		res.HTML = nil
		r.Pages = append(r.Pages, Inspected{Path: p.Path, URL: p.URL, Result: res})
	}
	return r, nil
}
