// Package check holds the content rules: the problems in a built site
// that no browser reports by itself, each reported at the line that causes
// it: the Markdown line for what a page's text says, the layout or
// registry line for what the layouts add.
//
// The rules run inside every build (package site calls [Run] on the
// finished files before they are published), so a content mistake stops
// go run ./cmd/build, Netlify's build and every deploy preview, and the
// dev server shows it on the page it concerns. The command
//
//	go run ./cmd/build check [-external]
//
// runs the same rules on a build kept in memory (public/ is not touched)
// and, with -external, asks every external address too.
//
// # Rules
//
// Links and addresses:
//
//   - An internal link leads to a published file: a page (Markdown or
//     generated: the unit directory, unit pages, seminars), an old address
//     that redirects, or a file from static/ or the assets. Relative links
//     are resolved against the page's address. A page's address without its
//     final slash (/om/pris), or a file's with one, gets a hint with the
//     right form; any other near miss gets "did you mean …?".
//   - A #fragment names an id in the page it leads to (after a redirect),
//     or in the page itself for a link like #priser; "#top" always works.
//   - An image's address leads to a published file, and no image, script,
//     style sheet or icon is loaded from another site (the site makes no
//     third-party requests).
//   - A mailto: link holds an e-mail address that can exist
//     (namn@example.se: a name, an @, a domain with a dot).
//   - A tel: link holds a number in E.164 form: +46 and the digits, no
//     spaces (tel:+46101234500); the hint gives the number in that form.
//   - No link, image or other address has the scheme javascript: or
//     vbscript: (it runs code, a way in for an attacker) or data: (the
//     site's Content-Security-Policy blocks data: images, and a data: link
//     is not a file of the site). goldmark already drops the address of a
//     javascript: link, so the rule reports what the text asked for.
//   - A link or image has no other scheme than http:, https:, mailto: and
//     tel: (file:///etc/passwd, ftp:, …): nothing the site publishes can
//     be reached through it, and goldmark would drop some of them
//     silently, leaving an empty address.
//
// Link texts (the words a screen reader lists, WCAG 2.4.4):
//
//   - A link has text (or, in a layout, an aria-label or an image with alt).
//   - The text is not one of the meaningless phrases "klicka här",
//     "klicka", "här", "läs mer", "läs mer här", "mer", "mer info",
//     "mer information", "länk", "länken", "click here", "read more",
//     "here", "more", "link", compared without case and without trailing
//     punctuation ("Läs mer…" counts).
//   - The text is not a bare address: not the link's address (with or
//     without http://, https://, www. and the final slash) and not starting
//     with http://, https:// or www. (an e-mail address as the text of a
//     mailto: link, or a number as the text of a tel: link, is fine).
//   - A link to a document (.pdf, .docx, .xlsx, .pptx, .odt) says its type
//     and size in the text, as "(PDF, 1,2 MB)": for a file of the site the
//     size must be the file's, written the Swedish way (comma decimal, B,
//     kB, MB); the hint gives the right text. Types: PDF, Word, Excel,
//     PowerPoint, ODF-text.
//
// Images and headings:
//
//   - Every image has alt text (the build already refuses a Markdown image
//     without it); a Markdown alt text is not a file name. An <img> in a
//     layout has an alt attribute; alt="" marks decoration.
//   - The headings in a page's Markdown start at level 2 (##: the title is
//     the page's only level 1) and never skip a level (## then #### names
//     both lines). Headings that layouts add must not skip a level either
//     (checked in the page's HTML, after the headings around them).
//   - No id is used twice in a page, so that a #fragment is unambiguous.
//
// With -external ([Options.External]), every external http(s) address is
// asked once (HEAD, then GET when HEAD fails), four at a time, each with a
// 10-second timeout: an answer of 400 or above, an unknown host, a refused
// connection or no answer is a problem at every place that links to it.
//
// # Messages
//
// Every problem and hint is a key of the package's own messages.go (see
// package msg): Swedish for communicators, English with -lang en, and
// listed in the editors' guide under "Innehållsregler". The rules write no
// text of their own (TestNoTextOutsideCatalog reads the source to hold
// them to it); only the network library's reason why an external address
// did not answer is passed through as it is.
//
// # Where problems are reported
//
// A problem in a page's Markdown is reported at its line and column. A
// problem found only in the HTML (the layouts, generated pages) is reported
// where its address or text is written literally: a layout, a registry,
// content/kontakter.yaml, site.yaml; when it is not written anywhere (it
// comes from a template expression), at the page's layout file without a
// line, naming the pages it was seen on.
package check

import (
	"context"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/markdown"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/pagescan"
)

// Site is a finished build, before it is published: what the rules look at.
type Site struct {
	Root      fs.FS             // the site root it was built from
	Out       fs.FS             // the built files, by slash-separated path (om/pris/index.html)
	BaseURL   string            // the site's address without the final slash; "" when unknown
	Pages     []Page            // every page and the not-found page
	Files     map[string]string // every published file by path → the source that wrote it
	Redirects map[string]string // every old address → the address it leads to

	// Scans are the pages taken apart as the build wrote them, by
	// published file; a file without one is read from Out and scanned.
	// The rules only read them.
	Scans map[string]*pagescan.Page
}

// Page is one published page.
type Page struct {
	Path   string // the source: content/om/pris.md, or the registry a generated page comes from
	URL    string // the address, /om/pris/; "" for the not-found page
	File   string // the published file: om/pris/index.html, 404.html
	Title  string
	Layout string // the layout it was rendered with: layouts/page.html

	// Markdown reports whether the page has a Markdown body; Result then
	// holds its headings and links at their lines in Path (HTML not needed).
	Markdown bool
	Result   markdown.Result

	// OwnRefs reports that the scan of File in Site.Scans holds only the
	// addresses the HTML check reads: DropMarkdownRefs has taken out those
	// checked at the Markdown's lines.
	OwnRefs bool
}

// Options control a check.
type Options struct {
	External bool          // also ask every external address
	Client   *http.Client  // for External; a client with Timeout when nil
	Timeout  time.Duration // for each external request; 10 seconds when zero

	// Only, when not nil, limits the check to the pages with these
	// sources (the dev server after an edit of their text); the rest of
	// the site is still there to link to.
	Only map[string]bool

	// Kept, when not nil (the dev server's builds), is what the last Run
	// kept; see Kept. Not with External.
	Kept *Kept
}

// Kept is what a Run keeps of each page it found no problem on, for the
// next Run of the same site (the dev server builds the whole site after
// every edit): the page as it was (its scan, the same *pagescan.Page, and
// its Markdown's results, the same slices) and what the rules looked up
// elsewhere to pass it: the published files its addresses lead to, the
// redirects they follow, the ids their #fragments name and the sizes of
// the documents they name. A page that is the same and whose look-ups
// give the same answers passes again without being checked. The zero
// Kept is empty.
type Kept struct {
	base  string
	pages map[string]*keptPage // by published file
}

type keptPage struct {
	page  Page // with its Result, whose slices are compared by address
	scan  *pagescan.Page
	links int // what the page adds to Summary.Links
	deps  []lookup
}

// lookup is a question the rules asked about the rest of the site while
// they checked a page, and its answer.
type lookup struct {
	kind byte // 'f': is a is published; 'r': where does a redirect (b); '#': has file a the id b; 's': the size of file a (n)
	a, b string
	ok   bool
	n    int64
}

// same reports whether p, with the scan sc, is the kept page k.
func (k *keptPage) same(p *Page, sc *pagescan.Page) bool {
	a, b := &k.page, p
	return sc != nil && k.scan == sc && a.Path == b.Path && a.URL == b.URL && a.File == b.File && a.Title == b.Title &&
		a.Layout == b.Layout && a.Markdown == b.Markdown && sameSlice(a.Result.Headings, b.Result.Headings) &&
		sameSlice(a.Result.Links, b.Result.Links) && len(a.Result.HTML) == 0 && len(b.Result.HTML) == 0
}

func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// answers reports whether every look-up of k gives the same answer now.
func (c *checker) answers(k *keptPage) bool {
	for _, l := range k.deps {
		switch l.kind {
		case 'f':
			if _, ok := c.r.Files[l.a]; ok != l.ok {
				return false
			}
		case 'r':
			if to, ok := c.r.Redirects[l.a]; ok != l.ok || to != l.b {
				return false
			}
		case '#':
			d := c.doc(l.a)
			if (d == nil || d.HasID(l.b)) != l.ok {
				return false
			}
		case 's':
			info, err := fs.Stat(c.out, l.a)
			if (err == nil) != l.ok || err == nil && info.Size() != l.n {
				return false
			}
		}
	}
	return true
}

// ask records a look-up of the page being checked, for Kept.
func (c *checker) ask(l lookup) {
	if c.asking {
		c.deps = append(c.deps, l)
	}
}

// Report is what a check found.
type Report struct {
	Summary
	Problems diag.List            // every problem, sorted; empty when there are none
	OnPage   map[string]diag.List // the problems seen on each page, by address ("" for the not-found page)
}

// Err returns the problems as an error, or nil when there are none.
func (r *Report) Err() error { return r.Problems.Err() }

// Summary counts what a check looked at.
type Summary struct {
	Pages    int // HTML pages
	Links    int // links, images and other addresses
	External int // external addresses asked, with Options.External
}

// Message returns "kontrollerade 23 sidor, 140 länkar" (and the external
// addresses when there were any asked).
func (s Summary) Message() msg.Message {
	if s.External > 0 {
		return CheckSummaryExternal.With(msg.Pages.With(s.Pages), Links.With(s.Links), ExternalAddresses.With(s.External))
	}
	return CheckSummary.With(msg.Pages.With(s.Pages), Links.With(s.Links))
}

// String returns the summary in Swedish.
func (s Summary) String() string { return s.Message().String() }

// Run checks the site s by every rule of the package and reports what it
// looked at and every problem. The error is that of ctx only.
//
// The pages are checked on every core (GOMAXPROCS workers), each page by
// one worker into a result of its own; the results are then taken in the
// order of s.Pages, so the report is the same as one core would make.
// A worker passes an address in a page's HTML that it passed on an
// earlier page (the menus, the footer: most are on every page) without
// checking it again when nothing the rules read of it differs (see ref);
// TestPassedSites and TestPassedPages hold the reports to those of every
// address checked on every page.
func Run(ctx context.Context, s *Site, opt Options) (*Report, error) {
	c := newChecker(s, opt.External)
	var pages []*Page
	for i := range s.Pages {
		if p := &s.Pages[i]; opt.Only == nil || opt.Only[p.Path] {
			pages = append(pages, p)
		}
	}
	kept := opt.Kept
	if opt.External {
		kept = nil
	}
	if kept != nil && kept.base != s.BaseURL {
		kept.pages = nil
	}
	results := make([]pageResult, len(pages))
	if err := c.checkPages(ctx, pages, kept, results); err != nil {
		return nil, err
	}
	var next map[string]*keptPage
	if kept != nil {
		next = make(map[string]*keptPage, len(pages))
	}
	for i, p := range pages {
		r := &results[i]
		c.sum.Pages++
		c.sum.Links += r.links
		c.merge(r)
		if r.kept != nil {
			next[p.File] = r.kept
		}
	}
	if kept != nil {
		kept.base, kept.pages = s.BaseURL, next
	}
	if opt.External {
		c.res = &pageResult{}
		c.sum.External = c.external(ctx, opt)
		c.merge(c.res)
	}
	c.flush()
	c.errs.Sort()
	for _, l := range c.onPage {
		l.Sort()
	}
	return &Report{Summary: c.sum, Problems: c.errs, OnPage: c.onPage}, nil
}

// chunk is how many pages a worker takes at a time.
const chunk = 16

// checkPages checks pages on GOMAXPROCS workers, page i into results[i].
func (c *checker) checkPages(ctx context.Context, pages []*Page, kept *Kept, results []pageResult) error {
	n := min(runtime.GOMAXPROCS(0), (len(pages)+chunk-1)/chunk)
	var (
		next    atomic.Int64
		stopped atomic.Bool
		wg      sync.WaitGroup
	)
	for range n {
		w := c.worker()
		wg.Go(func() {
			for {
				start := int(next.Add(chunk)) - chunk
				if start >= len(pages) {
					return
				}
				for i := start; i < min(start+chunk, len(pages)); i++ {
					if ctx.Err() != nil {
						stopped.Store(true)
						return
					}
					w.page(pages[i], kept, &results[i])
				}
			}
		})
	}
	wg.Wait()
	if stopped.Load() {
		return ctx.Err()
	}
	return nil
}

// page checks the page p into res, or passes it again when kept holds it
// and it is the same.
func (c *checker) page(p *Page, kept *Kept, res *pageResult) {
	c.cur, c.res, c.sum.Links = p, res, 0
	defer func() { c.cur, c.res = nil, nil }()
	var sc *pagescan.Page
	if kept != nil {
		sc = c.r.Scans[p.File]
		if k := kept.pages[p.File]; k != nil && k.same(p, sc) && c.answers(k) {
			res.links, res.kept = k.links, k
			return
		}
		c.deps = c.deps[:0]
		c.asking = true
	}
	if p.Markdown {
		c.markdown(p)
	}
	c.html(p)
	res.links = c.sum.Links
	if kept != nil {
		if len(res.errs) == 0 && len(res.spread) == 0 && sc != nil {
			res.kept = &keptPage{page: *p, scan: sc, links: res.links, deps: slices.Clone(c.deps)}
		}
		c.asking = false
	}
}

// pageResult is what checking one page found.
type pageResult struct {
	errs   []seenError // problems at a place, in the order found
	spread []spreadAt  // problems at a layout without a line (see add)
	links  int         // what the page adds to Summary.Links
	ext    []linkAt    // external addresses, with Options.External
	kept   *keptPage   // with Options.Kept, when the page passed
}

// seenError is a problem and the page it was seen on (nil for none).
type seenError struct {
	e  *diag.Error
	on *Page
}

// spreadAt is a problem at a layout without a line, seen on page.
type spreadAt struct {
	k       spreadKey
	m, hint msg.Message
	page    *Page
}

// linkAt is an external address and where it is linked.
type linkAt struct {
	k string
	o origin
}

// merge takes the result of a page into the report.
func (c *checker) merge(r *pageResult) {
	for _, s := range r.errs {
		c.errs = append(c.errs, s.e)
		if s.on != nil {
			c.onPage[s.on.URL] = append(c.onPage[s.on.URL], s.e)
		}
	}
	for _, a := range r.spread {
		sp := c.spread[a.k]
		if sp == nil {
			sp = &spread{m: a.m, hint: a.hint}
			c.spread[a.k] = sp
			c.spreadOrder = append(c.spreadOrder, a.k)
		}
		sp.pages = append(sp.pages, a.page)
	}
	for _, l := range r.ext {
		c.links[l.k] = append(c.links[l.k], l.o)
	}
}

// checker holds what the rules know of the site, and what they found.
// Run's own checker takes the pages' results in order (see merge); each
// worker is a copy (see worker) that checks pages into their results.
type checker struct {
	r      *Site
	out    fs.FS             // the built site
	byURL  map[string]pageAt // pages by address
	extern bool              // with Options.External: collect the external addresses
	// Made the first time a problem needs them, not on every build:
	addrs func() []string // every published address, sorted, for "did you mean"
	srcs  func() []source // sources where addresses are written literally

	// A worker's own:
	docs  map[string]*pagescan.Page // published HTML files without a scan, read so far
	hints map[string]msg.Message    // "did you mean" by address that leads nowhere
	mdh   map[string]markdown.Heading
	md    map[linkKey]int
	urls  map[string]*url.URL // addresses parsed (see parse)
	// elements are the "<tag attr>" of resources (see element).
	elements map[[2]string]string
	// passed are the addresses in pages' HTML (menus, the footer: most
	// are on every page) that a worker's rules passed, with the look-ups
	// that passed them, by what the rules read (see ref); nil with
	// Options.External, whose addresses are collected page by page.
	passed map[passKey][]lookup
	cur    *Page       // the page being checked
	res    *pageResult // where its problems go
	sum    Summary
	deps   []lookup // with Options.Kept: the look-ups of the page being checked
	// asking is true while the look-ups are recorded.
	asking bool

	// Run's own, the results taken in order:
	errs        diag.List
	onPage      map[string]diag.List  // problems by the address of the page they were seen on
	spread      map[spreadKey]*spread // problems at a layout without a line, with the pages they were seen on
	spreadOrder []spreadKey           // spread's keys in the order first found
	links       map[string][]origin   // external address → where it is linked (see external)
}

func newChecker(r *Site, extern bool) *checker {
	c := &checker{
		r: r, out: r.Out, extern: extern,
		byURL:  make(map[string]pageAt, len(r.Pages)),
		docs:   map[string]*pagescan.Page{},
		hints:  map[string]msg.Message{},
		spread: map[spreadKey]*spread{}, links: map[string][]origin{},
		onPage: map[string]diag.List{},
	}
	for i := range r.Pages {
		p := &r.Pages[i]
		if p.URL != "" {
			_, published := r.Files[p.File]
			c.byURL[p.URL] = pageAt{p, published}
		}
	}
	c.addrs = sync.OnceValue(func() []string {
		addrs := make([]string, 0, len(r.Files))
		for f := range r.Files {
			addrs = append(addrs, address(f))
		}
		sort.Strings(addrs)
		return addrs
	})
	c.srcs = sync.OnceValue(func() []source { return sources(r.Root) })
	return c
}

// worker returns a checker for one worker: what the rules know of the
// site shared, the rest its own.
func (c *checker) worker() *checker {
	w := &checker{
		r: c.r, out: c.out, byURL: c.byURL, extern: c.extern, addrs: c.addrs, srcs: c.srcs,
		docs: map[string]*pagescan.Page{}, hints: map[string]msg.Message{},
		mdh: map[string]markdown.Heading{}, md: map[linkKey]int{}, urls: make(map[string]*url.URL, keepURLs),
		elements: map[[2]string]string{},
	}
	if !c.extern {
		w.passed = map[passKey][]lookup{}
	}
	return w
}

// keepPassed is how many passed addresses a worker keeps.
var keepPassed = 4096

// address returns the address of a published file: om/pris/index.html →
// /om/pris/, dokument/a.pdf → /dokument/a.pdf.
func address(file string) string {
	if file == "index.html" || strings.HasSuffix(file, "/index.html") {
		return "/" + strings.TrimSuffix(file, "index.html")
	}
	return "/" + file
}

// pageAt is a page and whether its file is published (in Site.Files),
// looked up once for all the links to it.
type pageAt struct {
	page      *Page
	published bool
}

// fileOf returns the published file an address path leads to, and whether
// there is one.
func (c *checker) fileOf(p string) (string, bool) {
	f, ok, _, _ := c.fileAt(p)
	return f, ok
}

// fileAt is fileOf, and the page at the address p when it looked it up
// (looked: p is a folder's address).
func (c *checker) fileAt(p string) (f string, ok bool, pg *Page, looked bool) {
	f = strings.TrimPrefix(p, "/")
	if f == "" || strings.HasSuffix(f, "/") {
		at := c.byURL[p]
		pg, looked = at.page, true
		if pg != nil && len(pg.File) == len(f)+len("index.html") &&
			strings.HasPrefix(pg.File, f) && strings.HasSuffix(pg.File, "index.html") {
			f, ok = pg.File, at.published // the same string, not made again; Files[pg.File]
			c.ask(lookup{kind: 'f', a: f, ok: ok})
			return f, ok, pg, looked
		}
		f += "index.html"
	}
	_, ok = c.r.Files[f]
	c.ask(lookup{kind: 'f', a: f, ok: ok})
	return f, ok, pg, looked
}

// origin is where a link or heading was found: at a place in a source,
// or (page not nil) somewhere in a page's HTML, where value is the address
// or id and text the element's text, to find them in the sources by.
type origin struct {
	path        string
	line, col   int
	page        *Page
	value, text string
	on          *Page // the page it was seen on, for a place in a source
}

func atMarkdown(p *Page, line, col int) origin {
	return origin{path: p.Path, line: line, col: col, on: p}
}

// spreadKey is a problem reported at a file without a line, collected
// over the pages it occurs on (see spread).
type spreadKey struct{ path, msg, hint string }

// spread is a problem reported at a file without a line and the pages it
// was seen on.
type spread struct {
	m, hint msg.Message
	pages   []*Page
}

// add reports the problem m with its hint (zero for none) found at o. A
// problem found in the HTML goes where its address or text is written
// literally (see locate), or else to the page's layout, naming every page
// it was seen on. Every message is a key of package msg: the rules write
// no text of their own.
func (c *checker) add(o origin, m, hint msg.Message) {
	if o.page == nil {
		c.seen(o.on, diag.New(o.path, o.line, o.col, m).Tip(hint))
		return
	}
	if path, line, col, ok := c.locate(o.page, o); ok {
		c.seen(o.page, diag.New(path, line, col, m).Tip(hint))
		return
	}
	k := spreadKey{o.page.Layout, m.In(msg.SV), hint.In(msg.SV)}
	c.res.spread = append(c.res.spread, spreadAt{k: k, m: m, hint: hint, page: o.page})
}

// seen records the problem e, seen on page p (the page being checked
// when p is nil).
func (c *checker) seen(p *Page, e *diag.Error) {
	if p == nil {
		p = c.cur
	}
	c.res.errs = append(c.res.errs, seenError{e: e, on: p})
}

// pageName names p in a message: its address, or the not-found page.
func pageName(p *Page) any {
	if p.URL == "" {
		return CheckNotFoundPage.With()
	}
	return p.URL
}

// flush reports the problems collected over pages, naming the pages.
func (c *checker) flush() {
	for _, k := range c.spreadOrder {
		sp := c.spread[k]
		// By address, the not-found page ("") last.
		sort.Slice(sp.pages, func(i, j int) bool {
			a, b := sp.pages[i].URL, sp.pages[j].URL
			return a != "" && (b == "" || a < b)
		})
		var where any = pageName(sp.pages[0])
		switch n := len(sp.pages) - 1; n {
		case 0:
		case 1:
			where = CheckPagesTwo.With(where, pageName(sp.pages[1]))
		default:
			where = CheckPagesMore.With(where, n)
		}
		e := c.errs.At(k.path, 0, 0, CheckOnPages.With(sp.m, where)).Tip(sp.hint)
		for _, p := range sp.pages {
			c.onPage[p.URL] = append(c.onPage[p.URL], e)
		}
	}
	c.spread, c.spreadOrder = map[spreadKey]*spread{}, nil
}

// markdown checks what a page's Markdown says: its headings and links.
func (c *checker) markdown(p *Page) {
	c.headings(p)
	for _, l := range p.Result.Links {
		o := atMarkdown(p, l.Line, l.Col)
		if l.Image {
			c.image(p, o, l.Dest, l.Written, &l.Text, true)
			continue
		}
		c.link(p, o, l.Dest, l.Text, l.Text != textDropped)
	}
}

// mdLinks counts in c.md how many times each link or image (address and
// text) occurs in p's Markdown, so that the HTML check can skip what the
// Markdown check has seen.
func (c *checker) mdLinks(p *Page) map[linkKey]int {
	clear(c.md)
	for _, l := range p.Result.Links {
		c.md[keyOf(l.Dest, l.Text)]++
	}
	return c.md
}

// linkKey is what a link is recognised by in both the Markdown and the
// HTML: its address without %-escapes and its text with single spaces.
type linkKey struct{ dest, text string }

func keyOf(dest, text string) linkKey {
	text = oneSpaced(text)
	if s, _, ok := strings.Cut(dest, ":"); ok && strings.EqualFold(s, "data") {
		// The minifier may write a data: address another way.
		return linkKey{"data:", text}
	}
	return linkKey{normal(dest), text}
}

// oneSpaced returns s with every run of spaces made one space and none at
// its ends, as strings.Join(strings.Fields(s), " ") does, and s itself,
// not copied, when it is so already (the texts of package pagescan are).
func oneSpaced(s string) string {
	prev := byte(' ') // a space at the start is one too many
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return strings.Join(strings.Fields(s), " ")
			}
			i += size - 1
			prev = b
			continue
		}
		if b == ' ' && prev == ' ' || b != ' ' && asciiSpace[b] {
			return strings.Join(strings.Fields(s), " ")
		}
		prev = b
	}
	if prev == ' ' && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// mdHeadings keeps in c.mdh the headings of p's Markdown by id.
func (c *checker) mdHeadings(p *Page) map[string]markdown.Heading {
	clear(c.mdh)
	for _, h := range p.Result.Headings {
		c.mdh[h.ID] = h
	}
	return c.mdh
}

// ext returns the lowercase extension of an address path.
func ext(p string) string { return strings.ToLower(path.Ext(p)) }
