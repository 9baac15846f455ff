package site

// Markdown ahead: once the pages are read, the rest of the load (the
// features' registries and pages, the checks of addresses, languages and
// titles, the images' folders) runs on one core. On another, the build
// renders the Markdown of the first pages meanwhile, in the order the
// render takes them, and the render takes what it made instead of
// rendering it again.
//
// What is rendered ahead is what the render would make: the same
// renderer's options, the same page. Only a page whose Markdown shows an
// image is rendered again by the render: looking an image up has effects
// (its copies, the note on a large image, in the order pages ask), which
// belong to the render. Its problems are reported where they were: by the
// render, for each page. The dev server's builds (Live) reuse the last
// build's Markdown instead (see reuse.go) and render nothing ahead.

import (
	"sync"
	"sync/atomic"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/markdown"
)

// aheadMax is the most pages rendered ahead: what they hold (their HTML,
// beside the Markdown the page holds until it is rendered) waits for the
// render, so it is bounded; at 10 000 pages the load leaves time for
// about 2 000.
const aheadMax = 4096

// ahead is the Markdown rendered ahead of the render.
type ahead struct {
	slots map[*content.Page]*aheadSlot // read only once made
	stop  atomic.Bool                  // the render has begun: no more
	done  chan struct{}                // closed when the goroutine ends
	all   bool                         // render every page, and the render waits (tests: AheadAll)
}

// aheadSlot is one page's Markdown: rendered ahead, or claimed by the
// render first (then ok is false).
type aheadSlot struct {
	once sync.Once
	ok   bool
	res  markdown.Result
	errs diag.List
	text bool // the body was not empty
}

// renderAhead starts rendering the Markdown of pages (the first aheadMax
// of them, or all with Options.aheadAll) with the renderer's options
// (files), on one goroutine, until renderPages begins.
func (b *builder) renderAhead(pages []*content.Page, files func(string) bool) {
	n := min(len(pages), aheadMax)
	if b.opt.aheadAll {
		n = len(pages)
	}
	a := &ahead{slots: make(map[*content.Page]*aheadSlot, n), done: make(chan struct{}), all: b.opt.aheadAll}
	pages = pages[:n:n]
	for _, p := range pages {
		a.slots[p] = &aheadSlot{}
	}
	b.ahead = a
	var asked bool // the page being rendered looks an image up
	md := markdown.New(content.URLFor, markdown.WithFiles(files), markdown.WithImages(func(string, string) (markdown.Img, error) {
		asked = true
		return markdown.Img{}, errNoImage
	}))
	go func() {
		defer close(a.done)
		for _, p := range pages {
			if a.stop.Load() {
				return
			}
			s := a.slots[p]
			s.once.Do(func() {
				asked = false
				res, errs := md.Render(p.Path, p.Body, p.BodyLine)
				if !asked {
					s.ok, s.res, s.errs, s.text = true, res, errs, len(p.Body) > 0
					// What the page holds until it is rendered: its
					// Markdown rendered, not the file's bytes too.
					p.Body = nil
				}
			})
		}
	}()
}

// stopAhead ends the rendering ahead and waits for it; wait false
// only tells it to stop.
func (b *builder) stopAhead(wait bool) {
	a := b.ahead
	if a == nil {
		return
	}
	if wait || a.all {
		if !a.all {
			a.stop.Store(true)
		}
		<-a.done
		return
	}
	a.stop.Store(true)
}

// markdownOf returns p's Markdown rendered (ahead when it was, else now,
// with b.md), and whether its body is not empty.
func (b *builder) markdownOf(p *content.Page) (markdown.Result, diag.List, bool) {
	if res, errs, text, ok := b.aheadResult(p); ok {
		return res, errs, text
	}
	res, errs := b.md.Render(p.Path, p.Body, p.BodyLine)
	return res, errs, len(p.Body) > 0
}

// aheadResult returns p's Markdown as rendered ahead, or false when it
// was not: then no one renders it ahead any more, and the render does.
func (b *builder) aheadResult(p *content.Page) (markdown.Result, diag.List, bool, bool) {
	if a := b.ahead; a != nil {
		if s := a.slots[p]; s != nil {
			s.once.Do(func() {}) // waits for it when it is being rendered; else no one renders it ahead
			if s.ok {
				res, errs := s.res, s.errs
				s.res, s.errs = markdown.Result{}, nil // the render keeps it from here
				return res, errs, s.text, true
			}
		}
	}
	return markdown.Result{}, nil, false, false
}
