package site

import (
	"context"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/check"
	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/picture"
)

// Live is a site built into memory for the dev server. Its Build must be
// called from one goroutine; Files and Problems may be called from any.
//
// Every Build is a whole build of the files as they are on disk: what the
// dev server serves is always what Build would publish from the same
// files, or that build's problems. (An earlier version rendered only the
// changed pages after an edit of their text, on top of the last
// successful build; after a failure that build had not seen the files
// added meanwhile, and the site search, the image copies and the notes
// were those of the old text.) The files being served are replaced only
// when a build succeeds.
//
// # Reuse
//
// A whole build need not do all its work again. What a build makes of a
// page is a function of what the page is made from, so a Live keeps, from
// one build to the next: each Markdown file as parsed, with its bytes
// (content.Cache: a file is read, and parsed only when its bytes
// changed); each page as written, with its scan and its Markdown's
// results, under the hash of everything it renders from (see reuse.go);
// the site search's entry of each page (feature.Build.Kept); and the
// pages the content rules passed, with what they looked up elsewhere
// (check.Kept). Each is taken only when what it was made from is the
// same, so a build with them gives the same files and problems as one
// without: TestPreviewIsTheBuild holds both to a fresh build after random
// edits, and Stats.Reused counts the pages taken.
//
// # Images
//
// A large photo takes seconds to scale. So that a page shows at once, a
// Build serves the original in place of each smaller copy that is not
// made yet (in memory or in Options.ImageCache), and leaves the copies to
// MakeImages, which the dev server runs in the background and then
// reloads the page: the pages themselves are the build's from the start,
// and once MakeImages is done every file is too.
//
// The content rules (package check) run after every build, but unlike in
// Build their problems do not fail it: the site is served, and Problems
// gives them by page, for the dev server to show on the pages they
// concern. So do the problems that concern one page alone: its Markdown
// (an image without alt text or that is not there, raw HTML), its card
// image, a key its layout does not show. The page is rendered anyway, and
// the rest of the site works. Only a problem of the whole site (site.yaml,
// a layout, a registry or front matter that cannot be read, two pages at
// one address) fails the build.
type Live struct {
	opt      Options
	built    bool
	files    atomic.Pointer[map[string][]byte]
	problems atomic.Pointer[map[string]diag.List]
	all      atomic.Pointer[diag.List]
	notes    atomic.Pointer[map[string][]msg.Message]
	mem      picture.Memory // the copies of images made so far
	kept     *reuse         // the pages of the last build, for the next (see reuse.go)
	// featureKept is what the features keep between builds (feature.Build.Kept).
	featureKept map[string]any
	pages       content.Cache // the Markdown pages as read by the last build
	checked     check.Kept    // the pages the content rules passed (see check.Kept)
	layouts     keptLayouts   // the layouts as parsed, the assets minified

	mu    sync.Mutex   // guards gen and later, and the swap of files
	gen   int          // counts successful builds
	later []laterImage // the copies the last build left for MakeImages
	r     *picture.Resizer
}

// NewLive returns a Live site for opt; opt.Out is not used.
func NewLive(opt Options) *Live {
	l := &Live{opt: opt, kept: newReuse(), featureKept: map[string]any{}}
	empty := map[string][]byte{}
	l.files.Store(&empty)
	none := map[string]diag.List{}
	l.problems.Store(&none)
	l.all.Store(&diag.List{})
	noNotes := map[string][]msg.Message{}
	l.notes.Store(&noNotes)
	return l
}

// Problems returns the content rules' problems of the last successful
// build by the address of the page they show on ("" for the not-found
// page). The map must not be changed.
func (l *Live) Problems() map[string]diag.List {
	return *l.problems.Load()
}

// Notes returns the notes about what each page shows (a large image), by
// its address, of the last successful build: they do not stop a build.
// The map must not be changed.
func (l *Live) Notes() map[string][]msg.Message {
	return *l.notes.Load()
}

// AllProblems returns every problem of Problems once, sorted by place,
// for the terminal.
func (l *Live) AllProblems() diag.List {
	return *l.all.Load()
}

// Files returns the published files of the last successful build by
// slash-separated path ("index.html", "om/pris/index.html"). The map must
// not be changed; a build replaces it with a new one.
func (l *Live) Files() map[string][]byte {
	return *l.files.Load()
}

// Built reports whether a build has ever succeeded.
func (l *Live) Built() bool { return l.built }

// Build builds the whole site and serves it (Prepare, then Publish). On
// failure the files stay as they were.
func (l *Live) Build(ctx context.Context) (Stats, error) {
	p, err := l.Prepare(ctx)
	if err != nil {
		return Stats{}, err
	}
	return p.Publish(), nil
}

// Prepared is a build that Prepare made and that nothing serves yet.
type Prepared struct {
	l        *Live
	b        *builder
	files    map[string][]byte
	problems map[string]diag.List
	all      diag.List
	notes    map[string][]msg.Message
	st       Stats
}

// Prepare builds the whole site as Build does, but leaves what is served
// as it is until Publish. A Prepared that is not published is dropped:
// the dev server drops a build when a file changed after it began. What
// the next build takes from this one (see # Reuse) is kept either way,
// each part under what it was made from. When ctx is done before the
// build is, Prepare fails with ctx's error.
func (l *Live) Prepare(ctx context.Context) (*Prepared, error) {
	start := time.Now()
	opt := l.opt
	opt.Root = withTheme(opt.Root)
	b := &builder{opt: opt, live: true, imageMem: &l.mem, prev: l.kept, next: newReuse(), featureKept: l.featureKept, pagesKept: &l.pages, layoutsKept: &l.layouts}
	if err := b.load(); err != nil {
		return nil, err
	}
	out := &output{mem: map[string][]byte{}, min: newMinifier(), files: map[string]string{}}
	if err := b.generate(ctx, out); err != nil {
		l.kept = l.kept.merged(b.next)
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		l.kept = l.kept.merged(b.next) // the pages rendered before it stopped
		return nil, err
	}
	rep, err := b.gate(ctx, memFS(out.mem), check.Options{Kept: &l.checked})
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		l.kept = l.kept.merged(b.next)
		return nil, err
	}
	l.kept = b.next
	// Each page's own problems (its Markdown, its image) and the content
	// rules' problems seen on it, once each: the rules see a Markdown
	// image without alt text too.
	problems := map[string]diag.List{}
	var all diag.List
	at := map[string]bool{} // where a page's own problem is
	for u, l := range b.onPage {
		problems[u] = append(problems[u], l...)
		all = append(all, l...)
		for _, e := range l {
			if e.Line > 0 {
				at[e.Pos()] = true
			}
		}
	}
	// A rule's problem where the page has one of its own already (the
	// image that is not there is also a dead image link) says it again.
	again := func(e *diag.Error) bool { return e.Line > 0 && at[e.Pos()] }
	for u, l := range rep.OnPage {
		for _, e := range l {
			if !again(e) {
				problems[u] = append(problems[u], e)
			}
		}
	}
	for _, e := range rep.Problems {
		if !again(e) {
			all = append(all, e)
		}
	}
	for u := range problems {
		problems[u] = once(problems[u])
	}
	notes := map[string][]msg.Message{}
	for _, p := range b.pages {
		if n := b.notesAt[p.Path]; len(n) > 0 {
			notes[p.URL] = n
		}
	}
	st := b.stats()
	st.Duration = time.Since(start)
	return &Prepared{l: l, b: b, files: out.mem, problems: problems, all: once(all), notes: notes, st: st}, nil
}

// Publish serves the prepared build: Files, Problems, Notes and the
// images left for MakeImages become its. It must be called from the
// goroutine that builds, before the next Prepare, and once.
func (p *Prepared) Publish() Stats {
	l, b := p.l, p.b
	l.notes.Store(&p.notes)
	l.built = true
	l.mu.Lock()
	l.gen++
	l.later = b.later
	l.r = &picture.Resizer{Cache: b.opt.ImageCache, MaxMegapixels: b.maxMegapixels(), Mem: &l.mem}
	if d, ok := b.opt.Root.(interface{ Dir() string }); ok {
		l.r.Root = d.Dir() // no link between the root and the cache (see picture.Resizer.Open)
	}
	l.files.Store(&p.files)
	l.mu.Unlock()
	l.problems.Store(&p.problems)
	l.all.Store(&p.all)
	return p.st
}

// once returns the problems of l sorted by place, each once.
func once(l diag.List) diag.List {
	seen := map[string]bool{}
	var out diag.List
	for _, e := range l {
		k := e.Pos() + "\x00" + e.Error()
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	out.Sort()
	return out
}

// ImagesLeft returns how many originals wait for MakeImages.
func (l *Live) ImagesLeft() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.later)
}

// MakeImages makes the smaller copies of images that the last Build left
// (see # Images) and serves them in place of the originals. It may run
// while the next Build does; then it keeps what it made (in memory and
// the cache), for that build, and changes nothing served. It reports
// whether it changed what is served, and fails as the build would when a
// copy cannot be made. ctx stops it between originals.
func (l *Live) MakeImages(ctx context.Context) (bool, error) {
	l.mu.Lock()
	later, gen, r := l.later, l.gen, l.r
	l.mu.Unlock()
	if len(later) == 0 {
		return false, nil
	}
	made := make([][][]byte, len(later))
	each := make([]diag.List, len(later))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for k, im := range later {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				return
			}
			out, err := r.Resize(im.data, im.info, im.widths)
			if err != nil {
				each[k].At(im.src, 0, 0, ImageNoResize.With(err))
				return
			}
			made[k] = out
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return false, err
	}
	var errs diag.List
	for _, e := range each {
		errs = append(errs, e...)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.gen != gen {
		return false, nil // a newer build serves its own files
	}
	l.later = nil
	if len(errs) > 0 {
		return false, errs.Err()
	}
	old := l.Files()
	next := make(map[string][]byte, len(old))
	for k, v := range old {
		next[k] = v
	}
	for k, im := range later {
		for i, c := range im.copies {
			next[strings.TrimPrefix(c, "/")] = made[k][i]
		}
	}
	l.files.Store(&next)
	return true, nil
}
