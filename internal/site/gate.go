package site

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/check"
	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/markdown"
	"github.com/hbtq-diplomering/webbplats/internal/pagescan"
	"github.com/hbtq-diplomering/webbplats/internal/render"
)

// The content gate: every build runs the content rules of package check
// on the finished files before they are published (Build), served (Live)
// or reported (Check). A problem they find is an error of the build.

// keepResult keeps the headings and links of a Markdown page's body, at
// their source lines, for the content rules; text says the body is not
// empty (its bytes may be gone: see ahead.go).
func (b *builder) keepResult(p *content.Page, res markdown.Result, text bool) {
	if path.Ext(p.Path) != ".md" || !text {
		return
	}
	b.mu.Lock()
	if b.results == nil {
		b.results = map[string]markdown.Result{}
	}
	b.results[p.Path] = markdown.Result{Headings: res.Headings, Links: res.Links}
	b.mu.Unlock()
}

// writePage writes the page HTML at file (minified) and takes it apart
// once, from the bytes written (package pagescan): for the features that
// read pages (feature.PageReader: the site search) and for the content
// rules, which keep the ids, addresses and headings (of the headings its
// Markdown made, not the text: see pagescan.ScanMarkdown). p is nil for the
// not-found page. No page is read back. It returns the bytes written and
// the page taken apart, for the dev server to keep (see reuse.go).
func (b *builder) writePage(p *content.Page, file, src string, html []byte) ([]byte, *pagescan.Page, error) {
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= keepBuffer {
			pageBuffers.Put(buf)
		}
	}()
	buf.Reset()
	if err := b.out.minifyTo(buf, file, html); err != nil {
		return nil, nil, err
	}
	data := buf.Bytes()
	kept := data
	if b.out.mem != nil {
		kept = bytes.Clone(data) // the buffer is used again
	}
	if err := b.out.copyBytes(file, src, kept); err != nil {
		return nil, nil, err
	}
	var sc *pagescan.Page
	switch {
	case p == nil:
		sc = b.strs.ScanMarkdown(data, nil)
	case b.next == nil:
		// The text is read by the features, and its strings are the
		// scanner's, not kept; the rules need the rest.
		sc = b.strs.ScanMarkdownRead(data, b.markdownIDs(p), func(sc *pagescan.Page) {
			b.shareStrings(p, sc)
			b.readPage(p, sc)
		})
	default:
		sc = b.strs.ScanMarkdown(data, b.markdownIDs(p))
		b.shareStrings(p, sc)
		b.readPage(p, sc)
	}
	if b.next == nil {
		sc.Sections = nil // read by the features; the rules need the rest
		if p != nil {
			// The rules check the Markdown's links at its lines: its
			// page is checked with OwnRefs (see gate).
			b.mu.Lock()
			res, ok := b.results[p.Path]
			b.mu.Unlock()
			if ok {
				check.DropMarkdownRefs(sc, res)
				check.DropLinkTexts(res.Links)
			}
		}
	}
	b.mu.Lock()
	if b.scans == nil {
		b.scans = map[string]*pagescan.Page{}
	}
	b.scans[file] = sc
	b.mu.Unlock()
	return kept, sc, nil
}

// markdownIDs returns what reports the ids of the headings of p's
// Markdown (kept by keepResult before p is written), nil when it has none.
func (b *builder) markdownIDs(p *content.Page) func(id string) bool {
	if p == nil {
		return nil
	}
	b.mu.Lock()
	res, ok := b.results[p.Path]
	b.mu.Unlock()
	if !ok || len(res.Headings) == 0 {
		return nil
	}
	hs := res.Headings
	if len(hs) <= 16 {
		return func(id string) bool {
			for i := range hs {
				if hs[i].ID == id {
					return true
				}
			}
			return false
		}
	}
	ids := make(map[string]bool, len(hs))
	for _, h := range hs {
		ids[h.ID] = true
	}
	return func(id string) bool { return ids[id] }
}

// shareStrings points the strings of the headings and links of p's
// Markdown (kept by keepResult) at the equal strings of its scan sc, the
// ids, addresses, link texts and alt texts the HTML has, and copies the
// rest (the headings' texts the rules show, what the HTML has in another
// way) into one string of their own: what the build keeps of a page's
// Markdown is then not a second copy of what its scan keeps, and not the
// string of all its texts that package markdown made.
func (b *builder) shareStrings(p *content.Page, sc *pagescan.Page) {
	b.mu.Lock()
	res, ok := b.results[p.Path]
	b.mu.Unlock()
	if !ok || len(res.Headings) == 0 && len(res.Links) == 0 {
		return
	}
	have := sharedStrings.Get().(map[string]string)
	defer func() {
		clear(have)
		sharedStrings.Put(have)
	}()
	for _, id := range sc.IDs {
		have[id] = id
	}
	for _, r := range sc.Refs {
		have[r.URL] = r.URL
		have[r.Name] = r.Name
		if r.Alt != nil {
			have[*r.Alt] = *r.Alt
		}
	}
	if b.next == nil {
		// Nothing keeps the page for the next build (the dev server's),
		// which could show a heading's text in another way.
		check.DropTexts(res.Headings, sc.Repeated)
	}
	var rest []*string
	share := func(s *string) {
		if v, ok := have[*s]; ok {
			*s = v
		} else if *s != "" {
			rest = append(rest, s)
		}
	}
	for i := range res.Headings {
		h := &res.Headings[i]
		share(&h.ID)
		if h.Text != "" {
			rest = append(rest, &h.Text)
		}
	}
	for i := range res.Links {
		l := &res.Links[i]
		share(&l.Dest)
		share(&l.Text)
		share(&l.Written)
	}
	n := 0
	for _, s := range rest {
		n += len(*s)
	}
	var all strings.Builder
	all.Grow(n)
	for _, s := range rest {
		all.WriteString(*s)
	}
	str, off := all.String(), 0
	for _, s := range rest {
		*s, off = str[off:off+len(*s)], off+len(*s)
	}
}

// sharedStrings hold the strings of a page's scan while shareStrings looks
// up those of its Markdown.
var sharedStrings = sync.Pool{New: func() any { return map[string]string{} }}

// readPage gives the page p, taken apart, to the features that read pages.
func (b *builder) readPage(p *content.Page, sc *pagescan.Page) {
	for _, l := range b.feats {
		if r, ok := l.Instance.(feature.PageReader); ok {
			r.Page(p, sc, featureOutput{b.out})
		}
	}
}

// pageBuffers hold pages while they are minified, written and scanned.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// keepBuffer is the largest buffer kept for the next page. A site's pages
// are mostly alike in size, but the search page's list A–Ö and the
// directory's list of units grow with the site (2 MB at 10 000 pages): a
// buffer grown for one of them would stay in every later collection's
// live heap until the build ends.
const keepBuffer = 256 << 10

// gate runs the content rules on the files of the build in out.
func (b *builder) gate(ctx context.Context, out fs.FS, opt check.Options) (*check.Report, error) {
	s := &check.Site{
		Root: b.opt.Root, Out: out, BaseURL: b.base,
		Files:     b.out.files, // the rules only read it
		Scans:     b.scans,
		Redirects: make(map[string]string, len(b.redirects)),
	}
	for _, rd := range b.redirects {
		s.Redirects[rd.from] = rd.to
	}
	s.Pages = make([]check.Page, 0, len(b.pages)+1)
	for _, p := range b.pages {
		cp := check.Page{
			Path: p.Path, URL: p.URL, File: strings.TrimPrefix(p.URL, "/") + "index.html",
			Title: p.Front.Title, Layout: render.Dir + "/" + b.layoutOf(p) + ".html",
		}
		cp.Result, cp.Markdown = b.results[p.Path]
		cp.OwnRefs = cp.Markdown && b.next == nil // see writePage
		s.Pages = append(s.Pages, cp)
	}
	nf := render.Dir + "/404.html"
	s.Pages = append(s.Pages, check.Page{Path: nf, File: "404.html", Layout: nf})
	sort.Slice(s.Pages, func(i, j int) bool { return s.Pages[i].URL < s.Pages[j].URL })
	return check.Run(ctx, s, opt)
}

// Check builds the site as Build does, but in memory (opt.Out is not
// used), and runs the content rules with copt: the check command, which
// adds copt.External. A build that fails for other reasons returns its
// error and no report.
func Check(ctx context.Context, opt Options, copt check.Options) (*check.Report, error) {
	opt.Root = withTheme(opt.Root)
	b := &builder{opt: opt}
	if err := b.load(); err != nil {
		return nil, err
	}
	out := &output{mem: map[string][]byte{}, min: newMinifier(), files: map[string]string{}}
	if err := b.generate(ctx, out); err != nil {
		return nil, err
	}
	return b.gate(ctx, memFS(out.mem), copt)
}

// memFS is the files of a build in memory as an fs.FS for the rules, which
// only read files and ask their size.
type memFS map[string][]byte

func (m memFS) Open(name string) (fs.File, error) {
	data, ok := m[name]
	if !ok || !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &memFile{name: path.Base(name), data: data}, nil
}

func (m memFS) ReadFile(name string) ([]byte, error) {
	data, ok := m[name]
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	}
	return data, nil
}

type memFile struct {
	name string
	data []byte
	off  int
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f, nil }
func (f *memFile) Close() error               { return nil }
func (f *memFile) Read(p []byte) (int, error) {
	if f.off >= len(f.data) {
		return 0, io.EOF
	}
	n := copy(p, f.data[f.off:])
	f.off += n
	return n, nil
}

// memFile is its own fs.FileInfo.
func (f *memFile) Name() string       { return f.name }
func (f *memFile) Size() int64        { return int64(len(f.data)) }
func (f *memFile) Mode() fs.FileMode  { return 0o444 }
func (f *memFile) ModTime() time.Time { return time.Time{} }
func (f *memFile) IsDir() bool        { return false }
func (f *memFile) Sys() any           { return nil }
