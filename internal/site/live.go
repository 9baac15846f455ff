package site

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/check"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
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
// The content rules (package check) run after every build, but unlike in
// Build their problems do not fail it: the site is served, and Problems
// gives them by page, for the dev server to show on the pages they
// concern.
type Live struct {
	opt      Options
	built    bool
	files    atomic.Pointer[map[string][]byte]
	problems atomic.Pointer[map[string]diag.List]
	all      atomic.Pointer[diag.List]
}

// NewLive returns a Live site for opt; opt.Out is not used.
func NewLive(opt Options) *Live {
	l := &Live{opt: opt}
	empty := map[string][]byte{}
	l.files.Store(&empty)
	none := map[string]diag.List{}
	l.problems.Store(&none)
	l.all.Store(&diag.List{})
	return l
}

// Problems returns the content rules' problems of the last successful
// build by the address of the page they show on ("" for the not-found
// page). The map must not be changed.
func (l *Live) Problems() map[string]diag.List {
	return *l.problems.Load()
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
	l.built = true
	l.files.Store(&out.mem)
	l.problems.Store(&rep.OnPage)
	all := rep.Problems
	l.all.Store(&all)
	st := b.stats()
	st.Duration = time.Since(start)
	return st, nil
}
