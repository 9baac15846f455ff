package site

import (
	"bytes"
	"context"
	"io/fs"
	"path"
	"reflect"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/check"
	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
)

// Live is a site built into memory and kept up to date as its files change,
// for the dev server. Its methods must be called from one goroutine; Files
// may be called from any.
//
// Update rebuilds only what a change touches where that is cheap: when the
// only changes are to the bodies of existing Markdown pages (their front
// matter is unchanged), just those pages are rendered again, since no other
// page shows a page's body. Any other change (front matter, a new or removed
// file, layouts, registries, settings, static files) rebuilds everything.
// The files being served are replaced only when a build succeeds.
//
// The content rules (package check) run after every build, but unlike in
// Build their problems do not fail it: the site is served, and Problems
// gives them by page, for the dev server to show on the pages they
// concern. After an edit of page text only the edited pages are checked
// again.
type Live struct {
	opt      Options
	last     *builder // the last successful build
	files    atomic.Pointer[map[string][]byte]
	problems atomic.Pointer[map[string]diag.List]
}

// NewLive returns a Live site for opt; opt.Out is not used.
func NewLive(opt Options) *Live {
	l := &Live{opt: opt}
	empty := map[string][]byte{}
	l.files.Store(&empty)
	none := map[string]diag.List{}
	l.problems.Store(&none)
	return l
}

// Problems returns the content rules' problems of the last successful
// build by the address of the page they show on ("" for the not-found
// page). The map must not be changed.
func (l *Live) Problems() map[string]diag.List {
	return *l.problems.Load()
}

// Files returns the published files of the last successful build by
// slash-separated path ("index.html", "om/pris/index.html"). The map must
// not be changed; a build replaces it with a new one.
func (l *Live) Files() map[string][]byte {
	return *l.files.Load()
}

// Built reports whether a build has ever succeeded.
func (l *Live) Built() bool { return l.last != nil }

// Build builds the whole site. On failure the files stay as they were.
func (l *Live) Build(ctx context.Context) (Stats, error) {
	start := time.Now()
	opt := l.opt
	opt.Root = withTheme(opt.Root)
	b := &builder{opt: opt}
	if err := b.load(); err != nil {
		return Stats{}, err
	}
	out := &output{mem: map[string][]byte{}, min: newMinifier(), files: map[string]string{}}
	if err := b.generate(ctx, out); err != nil {
		return Stats{}, err
	}
	rep, err := b.gate(ctx, memFS(out.mem), check.Options{})
	if err != nil {
		return Stats{}, err
	}
	l.last = b
	l.files.Store(&out.mem)
	l.problems.Store(&rep.OnPage)
	st := b.stats()
	st.Duration = time.Since(start)
	return st, nil
}

// Update brings the site up to date after the files at the given paths
// (slash-separated, relative to the root) changed. It reports whether it
// could do so by rendering only the changed pages.
func (l *Live) Update(ctx context.Context, changed []string) (st Stats, incremental bool, err error) {
	start := time.Now()
	pages, ok := l.bodyOnly(changed)
	if !ok {
		st, err = l.Build(ctx)
		return st, false, err
	}
	b := l.last
	prev := b.out
	out := &output{mem: map[string][]byte{}, min: prev.min, files: map[string]string{}}
	b.out = out
	defer func() { b.out = prev }()
	var errs diag.List
	for _, np := range pages {
		var buf bytes.Buffer
		errs.Add(b.renderPage(&buf, np))
	}
	if err := errs.Err(); err != nil {
		return Stats{}, true, err
	}
	old := l.Files()
	next := make(map[string][]byte, len(old))
	for k, v := range old {
		next[k] = v
	}
	for k, v := range out.mem {
		next[k] = v
	}
	// Check the changed pages again, against the whole site, and the pages
	// that link to a #fragment of one: a new text can drop or rename the
	// heading such a link leads to.
	only := b.recheck(pages)
	b.out = prev
	rep, err := b.gate(ctx, memFS(next), check.Options{Only: only})
	if err != nil {
		return Stats{}, true, err
	}
	problems := map[string]diag.List{}
	for u, l := range l.Problems() {
		problems[u] = l
	}
	for _, p := range b.pages {
		if only[p.Path] {
			delete(problems, p.URL)
		}
	}
	for u, l := range rep.OnPage {
		problems[u] = l
	}
	// Only now are the new bodies part of the kept build.
	for _, np := range pages {
		old := l.page(np.Path)
		old.Body, old.BodyLine = np.Body, np.BodyLine
	}
	l.files.Store(&next)
	l.problems.Store(&problems)
	st = Stats{Pages: len(pages), Files: len(out.mem), Bytes: out.bytes.Load(), Duration: time.Since(start)}
	return st, true, nil
}

// recheck returns the paths of the pages whose content rules must run
// again after the bodies of changed did: those pages, and every page with
// a link to a #fragment of one of them.
func (b *builder) recheck(changed []*content.Page) map[string]bool {
	only := map[string]bool{}
	urls := map[string]bool{}
	for _, p := range changed {
		only[p.Path] = true
		urls[p.URL] = true
	}
	for _, p := range b.pages {
		for _, ln := range b.results[p.Path].Links {
			if u, _, frag := strings.Cut(ln.Dest, "#"); frag && urls[u] {
				only[p.Path] = true
				break
			}
		}
	}
	return only
}

func (l *Live) page(p string) *content.Page {
	for _, pg := range l.last.pages {
		if pg.Path == p {
			return pg
		}
	}
	return nil
}

// bodyOnly returns, for changes that touch only the bodies of existing
// pages, a copy of each changed page with its new body.
func (l *Live) bodyOnly(changed []string) ([]*content.Page, bool) {
	if l.last == nil || len(changed) == 0 {
		return nil, false
	}
	var out []*content.Page
	seen := map[string]bool{}
	for _, p := range changed {
		if seen[p] {
			continue
		}
		seen[p] = true
		if !strings.HasPrefix(p, content.Dir+"/") || path.Ext(p) != ".md" {
			return nil, false
		}
		old := l.page(p)
		if old == nil {
			return nil, false
		}
		data, err := fs.ReadFile(l.opt.Root, p)
		if err != nil {
			return nil, false
		}
		np, errs := content.Parse(p, data, frontKeys(l.opt.Features)...)
		if np == nil || len(errs) > 0 || !sameFront(old.Front, np.Front) {
			return nil, false
		}
		cp := *old
		cp.Body, cp.BodyLine = np.Body, np.BodyLine
		out = append(out, &cp)
	}
	return out, true
}

// sameFront reports whether two front matters say the same, wherever in
// the file their keys stand.
func sameFront(a, b content.Front) bool {
	a.Keys, b.Keys = nil, nil
	return reflect.DeepEqual(a, b)
}
