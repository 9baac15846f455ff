// Package site builds the whole site: it loads the settings, pages and
// layouts from a site root, renders every page and writes the result.
//
// # The site root
//
//	site.yaml     the settings: title, organisation, base_url, contact
//	content/      Markdown pages (see package content)
//	layouts/      html/template layouts and the CSS and JavaScript (see package render)
//	static/       files published as they are: static/dokument/a.pdf → /dokument/a.pdf
//
// # The build
//
// Build loads everything, collects every problem from every file, writes
// the site into a new folder beside the output folder, runs the content
// rules of package check on it (dead links and #fragments, heading
// levels, link texts, document type and size, mailto: and tel:, duplicate
// ids, alt text, javascript:, vbscript: and data: addresses), and only
// when there are no problems swaps it in (package publish: the output may
// only be a folder the builder wrote, or an empty or missing one; it is
// never missing, even when the build is killed). A failed build leaves the published folder
// exactly as it was. Two builds of the same input with the same Now give
// byte-identical output: nothing depends on the clock, map order or the
// order in which pages finish.
//
// # The engine's parts
//
//	site.go     load, check addresses and layouts, route (menu, breadcrumbs,
//	            aliases), render, write: the build itself
//	feature.go  what the engine does with the features it is given
//	lang.go     lang:, translations: and easy_read: (links between pages)
//	images.go   images in the text and on cards, with their smaller copies
//	output.go   the files of one build: on disk or in memory, minified
//	headers.go  _headers: the security policy and caching
//	gate.go     the content gate (package check) on the written files
//	live.go     Live: the build the dev server keeps in memory and updates
//	reuse.go    what a Live build takes from the last: pages whose inputs did not change
//	ahead.go    the Markdown of the first pages, rendered while the rest of the site loads
//	theme.go    the engine's own layouts for a site root without layouts/
//	dated.go    the dated sections (dated: in site.yaml): news and the like
//
// # Features
//
// Everything a site offers beyond its Markdown pages is a feature: a
// package behind the interface of package feature (the editing tool, the
// site search, seminars, the directory, contacts, documents, the feed).
// The engine imports no feature: it hosts the ones handed to it in
// Options.Features, which the command and the dev server take from the
// one list, package internal/feature/all. The engine reads the pages with the
// front-matter keys the features declare (feature.Feature.Front), loads
// each feature with a feature.Build (the root, settings, today, the
// Markdown pages, the drafts left out, and the whole build as a
// feature.Site once loaded), adds the pages, default layouts, redirects,
// _headers rules, notes and problems it reports, renders the generated
// pages like Markdown pages without a body, asks each feature for its data
// on every page, and lets each write its own files once every page is
// written. A new feature is one package and one line in package all.
//
// # What layouts see
//
// A layout is executed with a *View: .Site (the settings), .Page (title,
// description, address, kind, dates, content, children), .Menu,
// .Breadcrumbs and .Canonical. A feature's data is reached in one
// way, the method Feature: {{with .Feature "contacts"}} … {{end}},
// {{$s := .Feature "seminar"}}; it is nil on a page the feature gives
// nothing. A front-matter key that a feature reads is an error on a page
// whose layout never asks for that feature: the View records what the
// layout asks for while the page renders.
//
// .Menu and .Breadcrumbs are Links, whose CacheKey makes them keys of
// render's partialCached. Each build has its own cache of parts
// (render.Cache); what a kept part asked for with Feature is recorded
// with it and counts on every page that takes the part from the cache.
//
// A page of a dated section (site.yaml's dated:, see dated.go) has its
// publication date as .Page.Published, and each child in .Page.Children
// (a Link) has it as .Date: zero for other pages. .Page.Dated and a
// Link's .Dated say whether it is set, so a layout shows it with
// {{if .Dated}} (a field: IsZero or a function like shorttimetag is a
// call by reflection on every page and card). Dated sections list their
// pages newest first.
//
// # What is written
//
//	<url>/index.html     every page, minified
//	404.html             the not-found page (layout 404)
//	assets/<name>.<hash>.<ext>  CSS and JavaScript from layouts/assets, fingerprinted
//	assets/brand.<hash>.css     the colours made from color: in site.yaml, when set
//	sitemap.xml          every published page, with lastmod where known
//	robots.txt           allows all and names the sitemap
//	_redirects           Netlify redirects: each alias to its page (301)
//	_headers             Netlify headers: the security policy and caching (see headers.go), then the features' rules
//	<alias>/index.html   a small page that sends the browser on, for other hosts
//	everything in static/, unchanged
package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/hbtq-diplomering/webbplats/internal/check"
	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/markdown"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/pagescan"
	"github.com/hbtq-diplomering/webbplats/internal/picture"
	"github.com/hbtq-diplomering/webbplats/internal/publish"
	"github.com/hbtq-diplomering/webbplats/internal/render"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// Options control one build.
type Options struct {
	Root    fs.FS       // the site root; when it has a Dir() string method (a folder on disk), the output may not lie in its sources
	Out     string      // the output folder on disk, e.g. public: see package publish for what it may be
	BaseURL string      // overrides base_url in site.yaml when set
	Drafts  bool        // include pages with draft: true
	Now     swedish.Day // the build's day (required: the engine never reads the clock for it)

	// Features are the site's features (see package feature), in the
	// order in which they load and write: the engine imports none and
	// hosts the ones it is given. The command and the dev server give
	// the one list, all.Features; a test may give only some.
	Features []feature.Feature

	// ImageCache is a folder that keeps the smaller copies of images
	// between builds (see images.go); "" makes them anew each build.
	ImageCache string

	// History gives the day each file was last committed (see package
	// history); a page without lastmod shows it as "Senast uppdaterad".
	History map[string]time.Time

	// LoadHistory, when set and History is nil, gives History: the build
	// calls it on a goroutine of its own as it begins and waits for it
	// when the features load, the first to need it, so that git runs
	// while the settings, layouts and pages are read.
	LoadHistory func() map[string]time.Time

	// Added, when set, gives when each of the files at paths was added in
	// git (history.Added). The build asks only when two pages get the same
	// address, to report the clash at the one added last.
	Added func(paths ...string) map[string]time.Time

	// Checkpoint, when set, is called after each phase of Build: "load"
	// (every source read and checked), "pages" (every page and feature
	// file written) and "gate" (the content rules run), for measuring what
	// the build holds there (cmd/build's -memprofile).
	Checkpoint func(phase string)

	afresh    bool // every partialCached part rendered on every page (tests: export_test.go)
	asEscaped bool // the layouts as html/template escapes them, not tightened (render.LoadAsEscaped; tests)
	aheadAll  bool // every page's Markdown rendered ahead, before any page (tests: export_test.go)
	noAhead   bool // no Markdown rendered ahead (tests)
}

// Stats describe a finished build.
type Stats struct {
	Pages    int           // HTML pages written
	Files    int           // all files written
	Bytes    int64         // their total size
	Duration time.Duration // wall time of the build
	Notes    []msg.Message // things the programme team should know (not errors)
	// Reused counts the pages the dev server took from its last build
	// as they were, since nothing they are made from changed (see Live).
	Reused int
}

// Summary returns the one-line summary the command prints: "Byggde 23
// sidor, 41 filer, 312 kB på 84 ms".
func (s Stats) Summary() msg.Message {
	return BuildSummary.With(msg.Pages.With(s.Pages), Files.With(s.Files), swedish.Bytes(s.Bytes), msg.Duration(s.Duration))
}

// String returns the summary in Swedish.
func (s Stats) String() string { return s.Summary().String() }

// Page is what a layout sees as .Page.
//
// The fields a layout reads on every page come first: html/template
// finds a field by its name, comparing it with each field from the first.
type Page struct {
	Title string
	// ChromeLang is "sv" when the page is in another language: the
	// layouts' own texts (skip link, header, footer, "Senast uppdaterad")
	// are Swedish and are marked so. It is "" on a Swedish page.
	ChromeLang  string
	Description string
	Alternates  []Alternate // the page in other languages (translations:)
	Lang        string      // <html lang>: sv unless the page says lang:
	Dir         string      // "rtl" for a language written right to left, else ""
	IsHome      bool        // the page is the home page
	EasyRead    *Alternate  // the page in easy Swedish, or back to the normal text
	// Stale, on a translation or an easy-read version, is its original
	// when the original changed after it, and site.yaml's stale_notice:
	// asks the page to say so; nil otherwise.
	Stale   *Stale
	URL     string
	Dated   bool // Published is set: {{if .Page.Dated}} without a call (see newPage)
	Content template.HTML
	Lastmod time.Time
	// Published is the page's date: when it is a page of a dated section
	// (site.yaml's dated:), zero otherwise: "Publicerad 10 nov 2026".
	Published time.Time
	Children  []Link     // for sections: the pages in it, in order
	Image     *CardImage // the page's image: (shown on the start page and on cards)
	Kind      string     // home, section, page or 404
	Date      time.Time
	Source    string // the file it came from
}

// chromeLang returns the ChromeLang of a page in the language lang.
func chromeLang(lang string) string {
	if lang == "" || lang == DefaultLang {
		return ""
	}
	return DefaultLang
}

// newPage returns p with the fields made from its others set (ChromeLang,
// IsHome, Dated): fields, not methods, since a layout reads them on every page
// and html/template calls a method by reflection.
func newPage(p *Page) *Page {
	p.ChromeLang = chromeLang(p.Lang)
	p.IsHome = p.Kind == "home"
	p.Dated = !p.Published.IsZero()
	return p
}

// Link is an entry in a menu, a list or the breadcrumbs.
type Link struct {
	Title       string
	URL         string
	Description string
	Image       *CardImage // the page's image:, on cards
	// Date is the page's publication date when it is a page of a dated
	// section (site.yaml's dated:), zero otherwise: a list layout shows it
	// with {{if .Dated}}.
	Date     time.Time
	Dated    bool // Date is set
	Current  bool // the page being shown
	Ancestor bool // a section above the page being shown
}

// View is the data a layout is executed with.
type View struct {
	Site        *settings.Site
	Page        *Page
	Menu        Links
	Breadcrumbs Links  // from the home page down to the parent of Page
	Canonical   string // absolute address of the page, when the base URL is known

	features map[string]any // each feature's data for the page, by name: see Feature
	parts    *render.Cache  // the build's cache of parts (see PartCache)

	shown map[string]bool // parts of the front matter the layout asked for (see show)
	// noting, while a part is executed for the build's cache of parts,
	// collects what show records (see noteShown).
	noting *[]string
}

// Links is a list of links: .Menu and .Breadcrumbs. Its CacheKey is the
// key of the list for render's partialCached: {{partialCached
// "partials/header.html" . .Page.ChromeLang .Menu}}.
type Links []Link

// CacheKey returns a string that is the same for two lists of links when
// everything a layout can show of them is.
func (l Links) CacheKey() string { return string(l.AppendCacheKey(nil)) }

// AppendCacheKey appends the CacheKey of l to b: what partialCached
// uses, without a string per page.
func (l Links) AppendCacheKey(b []byte) []byte {
	str := func(s string) {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, ':')
		b = append(b, s...)
	}
	for _, k := range l {
		str(k.Title)
		str(k.URL)
		str(k.Description)
		if k.Current {
			b = append(b, 'c')
		}
		if k.Ancestor {
			b = append(b, 'a')
		}
		if !k.Date.IsZero() {
			b = k.Date.AppendFormat(b, time.RFC3339Nano)
		}
		if k.Image != nil {
			b = fmt.Appendf(b, "%+v", *k.Image)
		}
		b = append(b, ';')
	}
	return b
}

// PartCache returns the build's cache of parts, which the layouts are
// executed with (render.PartCacher): render's partialCached takes it from
// the page rather than looking it up.
func (v *View) PartCache() *render.Cache { return v.parts }

// Feature returns what the feature name gives the page (see package
// feature), or nil: the one way layouts reach a feature's data, like
// {{with .Feature "contacts"}}. It records that the layout shows the part
// of the front matter the feature reads.
func (v *View) Feature(name string) any {
	v.show(name)
	return v.features[name]
}

// show records that the layout shows part of the page's front matter: a
// key whose part no layout asks for is an error (see shownKeys).
func (v *View) show(part string) {
	if v.shown == nil {
		v.shown = map[string]bool{}
	}
	v.shown[part] = true
	if v.noting != nil {
		*v.noting = append(*v.noting, part)
	}
}

// noteShown is render.Cache.Note: what a part kept in the build's cache
// asked for is recorded with it and shown again on every page that takes
// the part from the cache (replayShown).
func noteShown(data any) (done func() []string) {
	v := data.(*View)
	outer := v.noting
	var noted []string
	v.noting = &noted
	return func() []string {
		v.noting = outer
		if outer != nil { // a part within a part being kept
			*outer = append(*outer, noted...)
		}
		return noted
	}
}

// replayShown is render.Cache.Replay.
func replayShown(data any, noted []string) {
	v := data.(*View)
	for _, part := range noted {
		v.show(part)
	}
}

// shownKey is a front-matter key that only some layouts show, with the
// feature a layout must ask for to show it.
type shownKey struct {
	key, part string
	what      *msg.Key // what the key shows, for the error
}

// shownKeys returns the keys that only some layouts show: the keys the
// features read (see feature.Feature.Shows).
func shownKeys(features []feature.Feature) []shownKey {
	var keys []shownKey
	for _, f := range features {
		if f.Front == nil {
			continue
		}
		for _, k := range yamldoc.Keys(f.Front) {
			keys = append(keys, shownKey{k.Name, f.Name, f.Shows[k.Name]})
		}
	}
	return keys
}

// checkShown reports each key of p's front matter that its layout did not
// show (shown, as a View records it while it is rendered): a key that is silently ignored is a mistake.
func (b *builder) checkShown(p *content.Page, shown map[string]bool) error {
	var errs diag.List
	for _, k := range b.shown {
		if _, ok := p.Front.Keys[k.key]; !ok || shown[k.part] {
			continue
		}
		line, col := p.Pos(k.key)
		errs.At(p.Path, line, col, SiteNotShown.With(b.layoutOf(p), k.what.With(), k.key)).
			Tip(HintNotShown.With(k.key))
	}
	return errs.Err()
}

// builder holds the state of one build.
type builder struct {
	opt     Options
	keyMemo sync.Map // for pageKey: see keyWriter.memo
	cfg     *settings.Site
	words   *settings.Words // the fixed words of the pages the build writes
	base    string          // base URL without trailing slash, may be ""
	tmpl    *render.Templates
	// partials keeps the parts of pages the layouts render with
	// partialCached, for this build.
	partials *render.Cache
	md       *markdown.Renderer
	ahead    *ahead // the Markdown rendered ahead of the render (see ahead.go)
	pages    []*content.Page
	// markdown are the Markdown pages (not drafts, unless -drafts), which
	// pages begins with; features add theirs after.
	markdown []*content.Page
	drafts   []*content.Page // the pages left out as drafts
	shown    []shownKey      // the keys only some layouts show
	byURL    map[string]*content.Page
	assets   map[string]string // asset name → published address
	out      *output

	feats   []loaded          // every feature's instance
	layouts map[string]string // page address → the layout a feature gives it
	// generated are the pages the features generate, with what each was
	// made from (its source and place, for errors).
	generated map[*content.Page]*feature.Page
	headers   []feature.Header // the features' rules of _headers
	langs     langs
	images    images
	cardImage map[*content.Page]*CardImage
	// inDated are the pages of the dated sections (site.yaml's dated:);
	// dated are those with a date and the pages the features marked,
	// newest first (see dated.go).
	inDated     map[*content.Page]bool
	dated       []*content.Page
	markedDated []*content.Page // the pages the features marked dated
	menuOnce    sync.Once
	menuPages   []*content.Page

	// live is the dev server's build (see Live): the problems of one
	// page go to onPage, by its address, instead of failing the build.
	live bool
	// With live: the copies of images made in the background, and the
	// memory the copies are kept in between the dev server's builds.
	later    []laterImage
	imageMem *picture.Memory
	// With live: the pages of the last build (prev, read only) and of
	// this one (next, under mu), and what every page is made from (see
	// reuse.go).
	prev, next     *reuse
	gen, staticGen [32]byte
	imaged         sync.Map       // the sources whose Markdown asked for an image
	reused         atomic.Int64   // the pages taken from prev
	featureKept    map[string]any // feature.Build.Kept
	pagesKept      *content.Cache // the pages as read by the last build
	layoutsKept    *keptLayouts   // the layouts as parsed by the last build
	assetTable     *assetTable    // what the layouts' function asset reads

	mu        sync.Mutex
	results   map[string]markdown.Result // Markdown headings and links by page source, for the content rules
	onPage    map[string]diag.List       // with live: each page's own problems (see pageFail)
	notesAt   map[string][]msg.Message   // with live: notes about what a page shows, by its file (see pageNote)
	scans     map[string]*pagescan.Page  // every page taken apart as written, by published file (see writePage)
	strs      pagescan.Strings           // the strings the scans share
	errs      diag.List
	notes     []msg.Message
	redirects []redirect
}

func (b *builder) fail(errs ...error) {
	b.mu.Lock()
	b.errs.Add(errs...)
	b.mu.Unlock()
}

// pageNote records, in the dev server's build (live), a note about what
// the page in the file page shows (a large image), for its panel. The
// build's notes have it too (b.note).
func (b *builder) pageNote(page string, m msg.Message) {
	if !b.live {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.notesAt == nil {
		b.notesAt = map[string][]msg.Message{}
	}
	for _, n := range b.notesAt[page] {
		if n.In(msg.SV) == m.In(msg.SV) {
			return
		}
	}
	b.notesAt[page] = append(b.notesAt[page], m)
}

// pageFail records problems that concern the page p alone: its Markdown
// (an image without alt text, or that is not there, raw HTML), its card
// image, a key its layout does not show. In a build they fail it like any
// other; in the dev server's build (live) the page is rendered anyway and
// the problems shown on it, while the rest of the site keeps working.
func (b *builder) pageFail(p *content.Page, errs ...error) {
	if !b.live {
		b.fail(errs...)
		return
	}
	var l diag.List
	l.Add(errs...)
	if len(l) == 0 {
		return
	}
	b.mu.Lock()
	if b.onPage == nil {
		b.onPage = map[string]diag.List{}
	}
	b.onPage[p.URL] = append(b.onPage[p.URL], l...)
	b.mu.Unlock()
}

// Build builds the site. On failure the error is a diag.List of every
// problem found (use diag.Format to print it) and Out is untouched.
func Build(ctx context.Context, opt Options) (Stats, error) {
	start := time.Now()
	opt.Root = withTheme(opt.Root)
	b := &builder{opt: opt}
	stats, err := b.run(ctx)
	stats.Duration = time.Since(start)
	return stats, err
}

// Source returns the text of a file of the last build by path, for printing
// error context. It reads from the root when the build did not keep it.
func Source(root fs.FS) diag.Source {
	return func(p string) []byte {
		b, err := fs.ReadFile(root, p)
		if err != nil {
			return nil
		}
		return b
	}
}

func (b *builder) run(ctx context.Context) (Stats, error) {
	var stats Stats
	root := ""
	if d, ok := b.opt.Root.(interface{ Dir() string }); ok {
		root = d.Dir()
	}
	// BeginChecking checks the output before the site is read, so that a
	// wrong -out fails at once, but for the walk for files the build did
	// not write (a tenth of a second per 10 000 files), which runs while
	// the site is read: its verdict comes first, before the load's
	// problems and before anything is written, as if it had run first.
	f, err := publish.BeginChecking(b.opt.Out, root)
	if err != nil {
		return stats, err
	}
	defer f.Abort() // after a successful Commit it does nothing
	if err := b.load(); err != nil {
		if err := f.Checked(); err != nil {
			return stats, err
		}
		return stats, err
	}
	if err := f.Checked(); err != nil {
		b.stopAhead(true)
		return stats, err
	}
	b.checkpoint("load")
	if err := b.generate(ctx, &output{dir: f.Dir(), min: newMinifier(), files: map[string]string{}}); err != nil {
		return stats, err
	}
	b.checkpoint("pages")
	rep, err := b.gate(ctx, os.DirFS(f.Dir()), check.Options{})
	if err != nil {
		return stats, err
	}
	b.checkpoint("gate")
	if err := rep.Err(); err != nil {
		return stats, err
	}
	wrote := make([]string, 0, len(b.out.files))
	for p := range b.out.files {
		wrote = append(wrote, p)
	}
	f.Wrote(wrote)
	if err := f.Commit(ctx); err != nil {
		return stats, err
	}
	return b.stats(), nil
}

// checkpoint tells Options.Checkpoint that the phase is done.
func (b *builder) checkpoint(phase string) {
	if b.opt.Checkpoint != nil {
		b.opt.Checkpoint(phase)
	}
}

func (b *builder) stats() Stats {
	return Stats{
		Pages:  len(b.pages) + 1,
		Notes:  b.notes,
		Files:  int(b.out.count.Load()),
		Bytes:  b.out.bytes.Load(),
		Reused: int(b.reused.Load()),
	}
}

// load reads and checks every source: settings, layouts, pages and the
// features' files. It returns every problem found.
func (b *builder) load() error {
	if b.opt.Now.IsZero() {
		// A mistake of the program that calls the engine, not of a site:
		// the build's day comes from -now, never from the clock.
		return errors.New("site: Options.Now, the build's day, is not set")
	}
	var history chan map[string]time.Time
	if b.opt.History == nil && b.opt.LoadHistory != nil {
		history = make(chan map[string]time.Time, 1)
		go func() { history <- b.opt.LoadHistory() }()
	}
	b.checkLinks()
	cfg, errs := settings.Load(b.opt.Root, siteKeys(b.opt.Features)...)
	b.fail(errs.Err())
	if cfg == nil {
		return b.errs.Err()
	}
	b.cfg = cfg
	words, errs := settings.LoadWords(b.opt.Root, &cfg.Words)
	b.fail(errs.Err())
	if words == nil {
		return b.errs.Err()
	}
	b.words = words
	b.fail(cfg.UseKinds(words).Err())
	if strings.TrimSpace(cfg.RegistrationButton) == "" {
		cfg.RegistrationButton = words.Register
	}
	b.base = strings.TrimSuffix(cfg.BaseURL, "/")
	if b.opt.BaseURL != "" {
		if m := settings.CheckBaseURL("-base-url", b.opt.BaseURL); !m.IsZero() {
			b.fail(m)
		}
		b.base = strings.TrimSuffix(b.opt.BaseURL, "/")
	}

	tmpl, err := b.loadLayouts()
	b.fail(err)
	b.tmpl = tmpl
	if !b.opt.afresh {
		b.partials = &render.Cache{Note: noteShown, Replay: replayShown}
	}

	load := content.Load
	if b.pagesKept != nil {
		load = b.pagesKept.Load // the dev server's: a file that did not change is not parsed again
	}
	pages, err := load(b.opt.Root, frontKeys(b.opt.Features)...)
	b.fail(err)
	var gone []*content.Page
	for _, p := range pages {
		switch {
		case p.Front.Draft && !b.opt.Drafts,
			b.scheduledLater(p) && !b.opt.Drafts:
			b.drafts = append(b.drafts, p)
			continue
		case b.unpublished(p):
			b.drafts = append(b.drafts, p)
			gone = append(gone, p)
			continue
		}
		b.pages = append(b.pages, p)
	}
	b.schedule(pages, gone)
	files := b.staticFiles()
	if !b.live && !b.opt.noAhead && len(b.errs) == 0 {
		b.renderAhead(b.pages, files)
	}
	b.shown = shownKeys(b.opt.Features)
	if history != nil {
		b.opt.History = <-history
	}
	b.loadFeatures()
	b.checkAddresses()
	b.linkLanguages()
	b.checkStale()
	if b.tmpl != nil {
		b.checkLayouts()
	}
	content.Tree(b.pages)
	b.checkTitles()
	b.loadDated()
	b.loadImages()
	b.cardImage = map[*content.Page]*CardImage{}
	for _, p := range b.pages {
		if img := b.pageImage(p); img != nil {
			b.cardImage[p] = img
		}
	}
	image := b.image
	if b.prev != nil {
		image = func(page, dest string) (markdown.Img, error) {
			b.imaged.Store(page, true) // the page's Markdown is not kept (see reuse.go)
			return b.image(page, dest)
		}
	}
	b.md = markdown.New(content.URLFor, markdown.WithFiles(files), markdown.WithImages(image))
	if len(b.errs) > 0 {
		b.stopAhead(true)
		// Report the Markdown problems of the pages that could be read too,
		// so that one run shows everything.
		for _, p := range b.pages {
			_, errs, _ := b.markdownOf(p)
			b.fail(errs.Err())
		}
		return b.errs.Err()
	}
	return nil
}

// checkLinks reports every symbolic link among the site's files: the root
// follows none (see package rootfs), so each one would quietly be missing.
func (b *builder) checkLinks() {
	r, ok := b.opt.Root.(interface{ Links(...string) []string })
	if !ok {
		return
	}
	for _, l := range r.Links(settings.File, content.Dir, render.Dir, "static") {
		b.fail(diag.New(l, 0, 0, Symlink.With()).Tip(HintSymlink.With()))
	}
}

// generate writes the whole site to out.
func (b *builder) generate(ctx context.Context, out *output) error {
	b.out = out
	b.fail(b.writeAssets())
	if len(b.errs) > 0 {
		b.stopAhead(true)
		return b.errs.Err()
	}
	if b.prev != nil {
		b.reuseGen()
	}
	b.renderPages(ctx)
	b.fail(b.writeImages())
	b.writeFeatures()
	b.fail(b.writeNotFound())
	b.fail(b.copyStatic())
	b.fail(b.writeSitemap())
	b.fail(b.writeHeaders())
	b.fail(b.writeRedirects()) // last: see writeRedirects
	if err := ctx.Err(); err != nil {
		b.fail(err)
	}
	return b.errs.Err()
}

// checkAddresses finds pages that share an address, and aliases that point
// at a page's own address or are claimed twice.
func (b *builder) checkAddresses() {
	b.byURL = map[string]*content.Page{}
	for _, p := range b.pages {
		if prev, ok := b.byURL[p.URL]; ok {
			if g := b.generated[p]; g != nil && g.Line > 0 {
				// A generated page written at an entry: a unit's in a registry.
				b.fail(diag.New(p.Path, g.Line, g.Col, SiteUnitAddress.With(p.Front.Title, p.URL, prev.Path)).
					Tip(HintUnitAddress.With()))
				continue
			}
			b.fail(b.addressClash(prev, p))
			continue
		}
		b.byURL[p.URL] = p
	}
	aliases := map[string]*content.Page{}
	for _, p := range b.pages {
		for i, a := range p.Front.Aliases {
			line, col := p.AliasPos(i)
			if top, _, _ := strings.Cut(redirectFile(a), "/"); reserved[top] {
				b.fail(diag.New(p.Path, line, col, AliasReserved.With(a)).
					Tip(HintAliasReserved.With(strings.Join(reservedList(), ", "))))
				continue
			}
			if q, ok := b.byURL[a]; ok {
				b.fail(diag.New(p.Path, line, col, SiteAliasIsPage.With(a, q.Path)).
					Tip(HintAliasIsPage.With()))
				continue
			}
			if q, ok := aliases[a]; ok {
				b.fail(diag.New(p.Path, line, col, SiteAliasTwice.With(a, q.Path)).
					Tip(HintAliasTwice.With()))
				continue
			}
			aliases[a] = p
		}
	}
}

// addressClash reports that the Markdown pages first and second (in path
// order) get the same address, at the one added last, naming the other:
// a file git does not know yet (not committed) is newer than one it knows;
// of two committed files, the one whose addition (Options.Added) is later.
// When that cannot be known (no git, both new, or added at the same
// moment) the error is at the second in path order and names the other,
// claiming neither is new.
func (b *builder) addressClash(first, second *content.Page) error {
	if here, there, ok := diag.Difference(second.Path, first.Path); ok {
		// The same name written with other characters (issue 21): one
		// file twice, usually, so neither is new.
		return diag.New(second.Path, 1, 1, SitePageAddressNFC.With(second.URL, first.Path, here, there)).Tip(HintCollisionNFC.With())
	}
	newer := func(p, other *content.Page) error {
		return diag.New(p.Path, 1, 1, SitePageAddress.With(p.URL, other.Path)).Tip(HintCollision.With())
	}
	_, firstKnown := b.opt.History[first.Path]
	_, secondKnown := b.opt.History[second.Path]
	switch {
	case firstKnown && !secondKnown:
		return newer(second, first)
	case secondKnown && !firstKnown:
		return newer(first, second)
	case firstKnown && secondKnown && b.opt.Added != nil:
		added := b.opt.Added(first.Path, second.Path)
		a, c := added[first.Path], added[second.Path]
		switch {
		case a.IsZero() || c.IsZero() || a.Equal(c):
		case c.After(a):
			return newer(second, first)
		default:
			return newer(first, second)
		}
	}
	return diag.New(second.Path, 1, 1, SitePageAddressSame.With(second.URL, first.Path)).Tip(HintCollision.With())
}

// checkTitles reports a Markdown page whose title another page of the
// same section and language has already (in path order): two cards, menu
// entries or search hits that read the same cannot be told apart. It is
// the page's own problem (pageFail).
func (b *builder) checkTitles() {
	for _, s := range b.pages {
		if !s.Section || len(s.Children) < 2 {
			continue
		}
		kids := make([]*content.Page, 0, len(s.Children))
		for _, c := range s.Children {
			if b.generated[c] == nil {
				kids = append(kids, c)
			}
		}
		sort.SliceStable(kids, func(i, j int) bool { return kids[i].Path < kids[j].Path })
		seen := map[string]*content.Page{}
		for _, c := range kids {
			k := langOf(c) + "\x00" + strings.ToLower(strings.Join(strings.Fields(c.Front.Title), " "))
			if prev, ok := seen[k]; ok {
				line, col := c.Pos("title")
				b.pageFail(c, diag.New(c.Path, line, col, SiteTitleTwice.With(c.Front.Title, prev.Path)).Tip(HintSiteTitleTwice.With()))
				continue
			}
			seen[k] = c
		}
	}
}

// layoutOf returns the layout name for p by the layout rule: the front
// matter's layout, else the one a feature gives the page, else home, list
// or page.
func (b *builder) layoutOf(p *content.Page) string {
	if l, ok := b.layouts[p.URL]; ok && p.Front.Layout == "" {
		return l
	}
	switch {
	case p.Front.Layout != "":
		return p.Front.Layout
	case p.URL == "/":
		return "home"
	case p.Section:
		return "list"
	}
	return "page"
}

func (b *builder) checkLayouts() {
	for _, p := range b.pages {
		name := b.layoutOf(p)
		if b.tmpl.Has(name) {
			continue
		}
		line, col := p.Pos("layout")
		e := diag.New(p.Path, line, col, LayoutUnknown.With(name, name))
		if p.Front.Layout == "" {
			e.Msg = LayoutNeeded.With(name)
		}
		e.Hint = msg.HintUseOneOf.With(strings.Join(b.tmpl.Names(), ", "))
		b.fail(e)
	}
}

// writeAssets publishes layouts/assets/* fingerprinted. CSS and JS are
// minified before hashing so the name changes exactly when the output does.
func (b *builder) writeAssets() error {
	b.assets = map[string]string{}
	files, _ := fs.Glob(b.opt.Root, render.Dir+"/assets/*")
	var errs diag.List
	for _, f := range files {
		data, err := fs.ReadFile(b.opt.Root, f)
		if err != nil {
			errs.At(f, 0, 0, msg.FileUnreadable.With(err))
			continue
		}
		name := path.Base(f)
		if mt, ok := mediaTypes[path.Ext(name)]; ok {
			if data, err = b.minifyAsset(f, mt, data); err != nil {
				errs.At(f, 0, 0, NotMinified.With(err))
				continue
			}
		}
		p := "assets/" + feature.Fingerprint(name, data)
		if err := b.out.copyBytes(p, f, data); err != nil {
			errs.Add(err)
		}
		b.assets[name] = "/" + p
	}
	if pal := b.cfg.Palette; pal != nil {
		// The brand colour reaches the pages as a stylesheet of its own, so
		// that no page needs an inline style (the CSP forbids them).
		data := pal.CSS()
		p := "assets/" + feature.Fingerprint("brand.css", data)
		errs.Add(b.out.copyBytes(p, settings.File, data))
		b.assets["brand.css"] = "/" + p
	}
	b.assetTable.m = b.assets
	return errs.Err()
}

// menu returns the main navigation as seen from the page current (nil for
// the not-found page).
func (b *builder) menu(current *content.Page) Links {
	b.menuOnce.Do(func() {
		for _, p := range b.pages {
			if p.Front.Menu == "main" {
				b.menuPages = append(b.menuPages, p)
			}
		}
		sort.SliceStable(b.menuPages, func(i, j int) bool { return content.Less(b.menuPages[i], b.menuPages[j]) })
	})
	links := make(Links, len(b.menuPages))
	for i, p := range b.menuPages {
		links[i] = Link{Title: p.Front.Title, URL: p.URL, Current: current != nil && p.URL == current.URL}
		if current != nil && !links[i].Current && p.URL != "/" && strings.HasPrefix(current.URL, p.URL) {
			links[i].Ancestor = true
		}
	}
	return links
}

func crumbs(p *content.Page, home string) Links {
	var out Links
	for q := p.Parent; q != nil; q = q.Parent {
		title := q.Front.Title
		if q.URL == "/" {
			title = home
		}
		out = append(Links{{Title: title, URL: q.URL}}, out...)
	}
	return out
}

func (b *builder) view(p *content.Page, pv *Page) *View {
	v := &View{Site: b.cfg, Page: pv, parts: b.partials}
	if p != nil {
		v.Menu = b.menu(p)
		v.Breadcrumbs = crumbs(p, b.words.Home)
		for _, c := range p.Children {
			date := b.published(c)
			pv.Children = append(pv.Children, Link{Title: c.Front.Title, URL: c.URL, Description: c.Front.Description, Image: b.cardImage[c], Date: date, Dated: !date.IsZero()})
		}
	} else {
		v.Menu = b.menu(nil)
	}
	if b.base != "" && pv.URL != "" {
		v.Canonical = b.base + pv.URL
	}
	if g := b.generated[p]; g != nil && g.Canonical != "" {
		v.Canonical = g.Canonical // the page is a copy of one on another site
	}
	return v
}

// lastmod returns when p last changed: its lastmod, else its last commit.
func (b *builder) lastmod(p *content.Page) time.Time {
	if !p.Front.Lastmod.IsZero() {
		return p.Front.Lastmod
	}
	return b.opt.History[p.Path]
}

func kindOf(p *content.Page) string {
	switch {
	case p.URL == "/":
		return "home"
	case p.Section:
		return "section"
	}
	return "page"
}

// renderPages renders every page with two workers per CPU: each page ends
// in file-system calls, and while one worker waits for them the other can
// render.
func (b *builder) renderPages(ctx context.Context) {
	b.stopAhead(false)
	defer b.stopAhead(true)
	work := make(chan *content.Page)
	var wg sync.WaitGroup
	for range 2 * runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for p := range work {
				buf.Reset()
				b.fail(b.renderPage(&buf, p))
				if buf.Cap() > keepBuffer {
					buf = bytes.Buffer{} // a page far larger than most: let it go
				}
			}
		}()
	}
	for _, p := range b.pages {
		if ctx.Err() != nil {
			break
		}
		work <- p
	}
	close(work)
	wg.Wait()
}

func (b *builder) renderPage(buf *bytes.Buffer, p *content.Page) error {
	file := strings.TrimPrefix(p.URL, "/") + "index.html"
	var mdKey [32]byte
	var md *keptMarkdown
	if b.prev != nil {
		mdKey, md = b.markdownKey(p)
	}
	pv := newPage(&Page{
		Title: p.Front.Title, Description: p.Front.Description, URL: p.URL, Kind: kindOf(p),
		Date: p.Front.Date, Published: b.published(p), Lastmod: b.lastmod(p), Source: p.Path,
		Lang: langOf(p), Dir: dirOf(langOf(p)), Alternates: b.langs.alternates[p], Image: b.cardImage[p],
	})
	if e, ok := b.langs.easy[p]; ok {
		pv.EasyRead = &e
	}
	if st, ok := b.langs.stale[p]; ok && b.cfg.StaleNotice {
		pv.Stale = &st
	}
	v := b.view(p, pv)
	v.features = b.featureData(p)
	layout := b.layoutOf(p)
	var key [32]byte
	keyed := false
	if b.prev != nil {
		key, keyed = b.pageKey(layout, mdKey, v)
		if k := b.prev.pages[file]; keyed && k != nil && k.key == key {
			return b.reusePage(p, file, k)
		}
	}
	var mdBuf *bytes.Buffer // p's HTML, when rendered into a buffer of htmlBuffers
	if md == nil {
		var res markdown.Result
		var errs diag.List
		var text, ahead bool
		if b.next != nil {
			res, errs, text = b.markdownOf(p)
		} else if res, errs, text, ahead = b.aheadResult(p); !ahead {
			// Nothing keeps this page's HTML past its layout (no dev
			// server's cache, not rendered ahead): it stays in a buffer,
			// the layout writes it from there, not from a copy.
			mdBuf = htmlBuffers.Get().(*bytes.Buffer)
			defer releaseHTML(mdBuf)
			bufferedPages.Add(1)
			res, errs = b.md.RenderTo(mdBuf, p.Path, p.Body, p.BodyLine)
			text = len(p.Body) > 0
		}
		if len(errs) > 0 && !b.live {
			return errs
		}
		md = &keptMarkdown{key: mdKey, res: res, errs: errs, text: text, body: p.Body, bodyLine: p.BodyLine, staticGen: b.staticGen}
		if _, img := b.imaged.Load(p.Path); img {
			keyed = false // its images are the build's (see reuse.go)
		} else if b.next != nil {
			b.mu.Lock()
			b.next.markdown[p.Path] = md
			b.mu.Unlock()
		}
	} else if b.next != nil {
		b.mu.Lock()
		b.next.markdown[p.Path] = md
		b.mu.Unlock()
	}
	b.pageMarkdown(p, md)
	pv.Content = template.HTML(md.res.HTML)
	if mdBuf != nil && mdBuf.Len() > 0 {
		pv.Content = template.HTML(unsafe.String(&mdBuf.Bytes()[0], mdBuf.Len()))
	}
	err := b.tmpl.Execute(buf, layout, v, b.partials)
	pv.Content = ""
	if err != nil {
		return err
	}
	if err := b.checkShown(p, v.shown); err != nil {
		if !b.live {
			return err
		}
		b.pageFail(p, err)
	}
	html, sc, err := b.writePage(p, file, p.Path, buf.Bytes())
	if err == nil && keyed && b.next != nil {
		b.mu.Lock()
		b.next.pages[file] = &keptPage{key: key, html: html, scan: sc, shown: v.shown, md: md}
		b.mu.Unlock()
	}
	return err
}

// htmlBuffers hold the HTML of pages' Markdown while their layouts run
// (see renderPage). The string a layout gets is the buffer's bytes, not
// a copy (a page's HTML was a tenth of what a build allocated): what the
// layouts and their functions make of it is written out or copied (the
// keys of partialCached), and the page's View, which holds it, is let go
// when the page is written. TestAheadAsRendered builds sites with each
// buffer overwritten when it is let go (poisonHTML) and fails if
// anything changes.
var htmlBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// poisonHTML, set by tests, fills each buffer of htmlBuffers with 0xFF
// when it is let go: a page or part that kept the string would show it.
var poisonHTML atomic.Bool

// bufferedPages counts the pages whose Markdown was rendered into a
// buffer of htmlBuffers (for the tests).
var bufferedPages atomic.Int64

// releaseHTML lets buf go, for the next page.
func releaseHTML(buf *bytes.Buffer) {
	if poisonHTML.Load() {
		b := buf.Bytes()
		for i := range b {
			b[i] = 0xFF
		}
	}
	buf.Reset()
	if buf.Cap() <= keepBuffer {
		htmlBuffers.Put(buf)
	}
}

// pageMarkdown records what p's Markdown gives the rest of the build: its
// problems (the build has returned them already when not live) and its
// headings and links, for the content rules.
func (b *builder) pageMarkdown(p *content.Page, md *keptMarkdown) {
	if len(md.errs) > 0 {
		b.pageFail(p, md.errs)
	}
	b.keepResult(p, md.res, md.text)
	// The Markdown is not needed again (the dev server reads a changed file
	// anew): let the file's bytes go, so that what a build keeps of a page
	// is its front matter and compact results, not its text.
	p.Body = nil
}

// reusePage writes the page p as the last build did (see reuse.go).
func (b *builder) reusePage(p *content.Page, file string, k *keptPage) error {
	b.pageMarkdown(p, k.md)
	if err := b.checkShown(p, k.shown); err != nil {
		b.pageFail(p, err)
	}
	if err := b.out.copyBytes(file, p.Path, k.html); err != nil {
		return err
	}
	b.readPage(p, k.scan)
	b.mu.Lock()
	if b.scans == nil {
		b.scans = map[string]*pagescan.Page{}
	}
	b.scans[file] = k.scan
	b.next.pages[file] = k
	b.next.markdown[p.Path] = k.md
	b.mu.Unlock()
	b.reused.Add(1)
	return nil
}

func (b *builder) writeNotFound() error {
	if !b.tmpl.Has("404") {
		return diag.New(render.Dir+"/404.html", 0, 0, LayoutNotFoundMissing.With()).Tip(HintLayoutNotFound.With())
	}
	pv := newPage(&Page{Title: b.words.NotFound, Kind: "404", Lang: DefaultLang})
	var buf bytes.Buffer
	if err := b.tmpl.Execute(&buf, "404", b.view(nil, pv), b.partials); err != nil {
		return err
	}
	_, _, err := b.writePage(nil, "404.html", render.Dir+"/404.html", buf.Bytes())
	return err
}

// staticFiles returns a test of whether an address ("/dokument/a b.pdf",
// not percent-encoded) is a file of static/.
func (b *builder) staticFiles() func(string) bool {
	files := map[string]bool{}
	fs.WalkDir(b.opt.Root, "static", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files[strings.TrimPrefix(p, "static")] = true
		}
		return nil
	})
	return func(addr string) bool { return files[addr] }
}

// copyStatic publishes static/ as it is.
func (b *builder) copyStatic() error {
	var errs diag.List
	err := fs.WalkDir(b.opt.Root, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "static" {
				return fs.SkipDir
			}
			errs.At(p, 0, 0, msg.FileUnreadable.With(err))
			return nil
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if err := b.out.copyFile(b.opt.Root, p, strings.TrimPrefix(p, "static/")); err != nil {
			errs.Add(err) // placed already (a collision, a file that cannot be read), or about the output
		}
		return nil
	})
	errs.Add(err)
	return errs.Err()
}

// redirect records that the old address from must lead to the page at to;
// src names the file that asks for it. Aliases and former unit ids use it.
func (b *builder) redirect(from, to, src string) {
	b.mu.Lock()
	b.redirects = append(b.redirects, redirect{from: from, to: to, src: src})
	b.mu.Unlock()
}

type redirect struct {
	from, to, src string
	line, col     int // where src asks for it, when known
}

// reserved are the first parts of the paths the build writes itself at the
// top of the output, which no old address may take.
var reserved = map[string]bool{
	"404.html": true, "_headers": true, "_redirects": true, "assets": true,
	"robots.txt": true, "sitemap.xml": true, publish.Marker: true,
}

func reservedList() []string {
	var l []string
	for k := range reserved {
		switch k {
		case publish.Marker:
		case "assets":
			l = append(l, "/assets/…")
		default:
			l = append(l, "/"+k)
		}
	}
	sort.Strings(l)
	return l
}

// redirectFile returns the file that sends the browser on from the old
// address from: /om-oss/ → om-oss/index.html.
func redirectFile(from string) string {
	p := strings.TrimPrefix(from, "/")
	if strings.HasSuffix(p, "/") || p == "" {
		p += "index.html"
	}
	return p
}

// writeRedirects writes _redirects for Netlify and, for every old address,
// a small page that sends the browser to the new one, for other hosts. It
// runs after every other file is written, so an old address that takes a
// file of the site is reported at the line that asks for it.
//
// Every address in _redirects is checked again here (content.PathProblem):
// a space, a line break, * or :name would make a rule of its own.
func (b *builder) writeRedirects() error {
	rs := b.redirects
	for _, p := range b.pages {
		for i, a := range p.Front.Aliases {
			line, col := p.AliasPos(i)
			rs = append(rs, redirect{from: a, to: p.URL, src: p.Path, line: line, col: col})
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].from < rs[j].from })
	b.redirects = rs
	var nf bytes.Buffer
	var errs diag.List
	for _, r := range rs {
		why := content.PathProblem(r.from)
		if why.IsZero() {
			why = content.PathProblem(r.to)
		}
		if !why.IsZero() {
			errs.At(r.src, r.line, r.col, RedirectRefused.With(r.from, r.to, why))
			continue
		}
		fmt.Fprintf(&nf, "%s %s 301\n", r.from, r.to)
		if err := b.out.write(redirectFile(r.from), r.src, redirectPage(r.to, b.words)); err != nil {
			var why any = err
			var c *collisionError
			if errors.As(err, &c) {
				why = c.prev // the file that has the address
			}
			errs.At(r.src, r.line, r.col, AliasTakesFile.With(r.from, why)).Tip(HintAliasTakesFile.With())
		}
	}
	if nf.Len() > 0 {
		errs.Add(b.out.write("_redirects", "aliases", nf.Bytes()))
	}
	return errs.Err()
}

// redirectPage is the page an old address leaves for hosts without
// _redirects, in the site's words (moved, moved_to).
func redirectPage(to string, w *settings.Words) []byte {
	e := template.HTMLEscapeString(to)
	title := template.HTMLEscapeString(w.Moved)
	return []byte(`<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>` + title + `</title>` +
		`<meta name="robots" content="noindex"><link rel="canonical" href="` + e + `">` +
		`<meta http-equiv="refresh" content="0; url=` + e + `"></head>` +
		`<body><main><h1>` + title + `</h1><p>` + template.HTMLEscapeString(w.MovedTo) + ` <a href="` + e + `">` + e + `</a>.</p></main></body></html>`)
}

// writeSitemap writes sitemap.xml and robots.txt.
func (b *builder) writeSitemap() error {
	var urls []string
	mod := map[string]time.Time{}
	for _, p := range b.pages {
		if p.NoIndex {
			continue
		}
		if g := b.generated[p]; g != nil && g.Canonical != "" {
			continue // a copy of a page on another site, which lists it
		}
		urls = append(urls, p.URL)
		mod[p.URL] = b.lastmod(p)
	}
	sort.Strings(urls)
	var sm bytes.Buffer
	sm.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		sm.WriteString("<url><loc>")
		template.HTMLEscape(&sm, []byte(b.base+u))
		sm.WriteString("</loc>")
		if t := mod[u]; !t.IsZero() {
			sm.WriteString("<lastmod>" + t.Format("2006-01-02") + "</lastmod>")
		}
		sm.WriteString("</url>\n")
	}
	sm.WriteString("</urlset>\n")
	if err := b.out.write("sitemap.xml", "pages", sm.Bytes()); err != nil {
		return err
	}
	robots := "User-agent: *\nAllow: /\n"
	if b.opt.Drafts {
		robots = "User-agent: *\nDisallow: /\n"
	}
	if b.base != "" {
		robots += "Sitemap: " + b.base + "/sitemap.xml\n"
	}
	return b.out.write("robots.txt", "site", []byte(robots))
}
