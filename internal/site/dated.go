package site

import (
	"path"
	"sort"
	"strings"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
)

// Dated sections
//
// site.yaml's dated: names the sections whose pages are dated, like news
// (nyheter, the default) or evaluation reports: any folder of content/,
// no Go code knows their names. Every page in such a folder or below it,
// other than a section page (_index.md), must have date:, its publication
// date: a page without one is an error at its front matter's first line,
// drafts included, with the build's today as the hint's example. A dated
// page shows its date (Page.Published: "Publicerad 10 nov 2026"), lists
// show it (Link.Date), sections list their dated pages first, newest
// first (then by weight and title), and the feed's entries are the dated
// pages and those a feature marks (feature.Build.MarkDated), newest first.

// datedDir returns the dated section p belongs to ("nyheter"), or "" when
// p is not a page of a dated section.
func (b *builder) datedDir(p *content.Page) string {
	if p.Section {
		return ""
	}
	for _, d := range b.cfg.Dated {
		if strings.HasPrefix(p.Path, path.Join(content.Dir, d)+"/") {
			return d
		}
	}
	return ""
}

// loadDated checks that every page of a dated section has a date, orders
// the sections' pages and makes the list of dated pages. It runs once the
// features have loaded and the tree of sections is made.
func (b *builder) loadDated() {
	b.inDated = map[*content.Page]bool{}
	check := func(p *content.Page, fail func(...error)) {
		d := b.datedDir(p)
		if d == "" {
			return
		}
		if _, written := p.Front.Keys["date"]; p.Front.Date.IsZero() && !written {
			// A date written wrong is reported by the front matter's
			// decoder already.
			line := 0 // the front matter's first line: that of its first key
			for _, pos := range p.Front.Keys {
				if line == 0 || pos.Line < line {
					line = pos.Line
				}
			}
			line = max(line, 1)
			fail(diag.New(p.Path, line, 1, SiteDateMissing.With(d+"/")).
				Tip(HintSiteDate.With(b.opt.Now.String())))
		}
	}
	for _, p := range b.markdown {
		// The page's own problem: in the dev server it is shown on the
		// page, and the rest of the site keeps working.
		check(p, func(errs ...error) { b.pageFail(p, errs...) })
		if b.datedDir(p) != "" {
			b.inDated[p] = true
		}
	}
	for _, p := range b.drafts {
		check(p, b.fail)
	}
	seen := map[*content.Page]bool{}
	for _, p := range append(b.markdown[:len(b.markdown):len(b.markdown)], b.markedDated...) {
		if seen[p] || p.Front.Date.IsZero() || !(b.inDated[p] || b.marked(p)) {
			continue
		}
		seen[p] = true
		b.dated = append(b.dated, p)
	}
	sort.SliceStable(b.dated, func(i, j int) bool { return newer(b.dated[i], b.dated[j]) })
	for _, p := range b.pages {
		if p.Section && len(p.Children) > 1 {
			// The newest first, the pages without a date last, then by
			// content.Less (its title keys made once per page).
			content.SortBy(p.Children, func(x, y *content.Page) int {
				a, c := b.published(x), b.published(y)
				switch {
				case !a.IsZero() && !c.IsZero():
					return c.Compare(a)
				case !a.IsZero():
					return -1
				case !c.IsZero():
					return 1
				}
				return 0
			})
		}
	}
}

// marked reports whether a feature marked p as dated.
func (b *builder) marked(p *content.Page) bool {
	for _, q := range b.markedDated {
		if q == p {
			return true
		}
	}
	return false
}

// newer orders dated pages: the newest first, then by address.
func newer(a, b *content.Page) bool {
	if !a.Front.Date.Equal(b.Front.Date) {
		return a.Front.Date.After(b.Front.Date)
	}
	return a.URL < b.URL
}

// published returns p's publication date when it is a page of a dated
// section, else the zero time.
func (b *builder) published(p *content.Page) time.Time {
	if b.inDated[p] {
		return p.Front.Date
	}
	return time.Time{}
}
