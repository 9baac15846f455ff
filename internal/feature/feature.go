// Package feature is the one interface between the engine (package site)
// and the parts of a site that are more than its Markdown pages: the unit
// directory, seminars and their calendars, contacts, documents, the feed,
// the site search and the editing tool.
// Each is a package of its own under internal/feature/ that exports a
// [Feature]; the one list of them is package internal/feature/all, which
// the command, the dev server and the tests hand to the engine in
// site.Options.Features (the engine imports no feature). A new feature is
// one package and one line in that list.
//
// # What the engine does with a feature
//
// For every build the engine reads the settings, the layouts and the
// Markdown pages (with the front-matter keys the features read, see
// below), then:
//
//  1. Load: it calls Load of every feature, in the order of the list, with
//     a [*Build]. The feature reads and checks its own sources (from
//     Build.Root, and its keys in the pages' front matter, of the drafts
//     left out too), reports each problem with Fail, adds the pages it
//     generates with AddPage, gives Markdown pages a default layout with
//     SetLayout, asks for redirects with Redirect and for HTTP headers with
//     Header, and leaves notes for the programme team with Note. It
//     returns its [Instance] for this build, or nil when the site does not
//     use it. Everything the feature knows about the build lives in that
//     value, so builds share nothing.
//  2. View: while rendering, for every page and every instance, it calls
//     View; what View returns is what the page's layout sees as
//     {{.Feature "<name>"}}, where name is the feature's Name. View is
//     called from many goroutines at once and must only read.
//  3. Write: after the pages, it calls Write of every instance, in the
//     order of the list, which writes the feature's other files (search
//     index, calendars, feed) through an [Output]. Every page is written
//     by then; a feature that reads the pages as published is a
//     [PageReader], which is given each page taken apart as it is written.
//
// A feature that needs to see more of the build than its own sources (the
// site search lists every page, generated ones too, and leaves out the
// units' pages) keeps Build.Site: from View and Write on, its Pages are
// every page of the build and its View and Views are what any feature
// gives a page. No feature imports another: what one needs from another
// is an interface here that the other's view implements (OwnSearch,
// SearchedBy).
//
// # Front matter
//
// A feature that reads keys of a page's front matter declares them with
// Front, a struct type that package yamldoc decodes (like seminar.Front:
// sessions:, registration:, …). Package content accepts these keys besides
// its own, reports misspelt and doubled keys with them among the known
// ones, and keeps their values undecoded in the page's Front.Features (and
// their positions in Front.Keys). The feature decodes its part while it
// loads, with Front.Features.Decode, and checks it: its problems are at
// their lines like any other. Shows gives each key the words of the error
// when a page's layout never shows the feature. In the hint that lists the
// known keys, and in the editing tool's form (package cms), the features'
// keys stand after aliases:, in the order of the list.
//
// # Generated pages
//
// A page a feature generates is a [Page] (AddPage): it has no Markdown
// file. The engine routes and renders it like a Markdown page without a
// body: it gets its address, a place in the tree of sections (and so
// breadcrumbs), the sitemap and, with Menu, the main navigation. View sees
// it as a content.Page with the Page's address, title, description,
// layout, menu and weight, and Source as its Path: a feature tells its
// pages apart by URL. The engine keeps the Page beside it, so that a page
// that takes another's address is reported at Source, Line and Col.
//
// # Dated pages
//
// Which pages are dated is a setting (site.yaml's dated:, package site):
// the pages of those sections, each with its date:. A feature adds others
// with MarkDated (the seminar pages that have a date), and reads the whole
// list, newest first, from Site.Dated once the features have loaded (the
// feed). No feature names a folder.
//
// # Layouts
//
// The layouts reach a feature's data in one way: the method Feature of the
// view, {{.Feature "<name>"}}, which gives what the feature's View returned
// for the page, or nil (so {{with .Feature "contacts"}} shows nothing on a
// page without contacts). A page a feature generates gets its data the
// same way: its own feature's View returns it for the page's address. The
// engine records which features a layout asked for: a front-matter key a
// feature reads (Front) is an error on a page whose layout never asks for
// that feature.
package feature

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"reflect"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/pagescan"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// Feature is one part of a site: a name, the front-matter keys it reads
// and what loads it.
type Feature struct {
	// Name is how layouts reach the feature's data: .Feature "<Name>". It is a
	// lower-case word, unique in the list.
	Name string

	// Front, when not nil, is the part of a page's front matter that the
	// feature reads: a struct type that package yamldoc decodes, whose
	// yaml tags name the keys. Package content accepts these keys and
	// keeps them undecoded in the page's Front.Features; the feature
	// decodes them with Front.Features.Decode and checks them itself.
	Front reflect.Type

	// Site, when not nil, is the feature's part of site.yaml: a struct type
	// whose yaml tags name top-level keys of site.yaml (like open_data:).
	// Package settings accepts these keys and keeps them undecoded in
	// Settings.Features; the feature decodes them while it loads, with
	// Build.Settings.Features.Decode, and reports their problems itself.
	Site reflect.Type

	// Shows says, for each key of Front, what it shows on a page, as a
	// key of the catalog (package msg): the words of the error when the
	// page's layout never asks for the feature ("sidmallen plain visar
	// inte <Shows[key]>, så key: syns inte på sidan").
	Shows map[string]*msg.Key

	// Form is how the keys of Front appear in the editing tool's form of
	// a page (see Form).
	Form Form

	// Owns, when not nil, tells the pages whose keys Front holds (a
	// seminar page): the editing tool offers the keys only in a folder
	// where some page is one. Nil: the keys belong on any page.
	Owns func(p *content.Page) bool
	// OwnsNote is the editing tool's words for a folder where some page is
	// the feature's (Owns): "En sida med tillfällen är ett seminarium."
	OwnsNote string

	// Data are the data files (content/kontakter.yaml) and folders of
	// data files (content/verksamheter/) the feature reads that editors
	// may change in the editing tool, each with its form.
	Data []Data

	// Load reads and checks the feature's sources for one build and
	// returns its state for that build, or nil when it has nothing to
	// show or write.
	Load func(b *Build) Instance
}

// Instance is a feature's state in one build.
type Instance interface {
	// View returns what the layout of p sees as .Feature "<name>", or nil. p may
	// be a copy of a page (the dev server renders changed bodies again):
	// tell pages apart by URL.
	View(p *content.Page) any
	// Write writes the feature's files other than pages.
	Write(out Output) error
}

// Page is a page a feature generates: it has no Markdown file. The engine
// routes and renders it like a Markdown page without a body: it gets an
// address, a place in the tree of sections (and so breadcrumbs), the
// sitemap and, with Menu, the main navigation.
type Page struct {
	Source      string // the file it is made from, for errors: content/verksamheter/a.yaml
	Line, Col   int    // where in Source, when not 0: a unit's entry
	URL         string // its address: /verksamheter/vc-ett/
	Title       string
	Description string
	Layout      string // the layout to render it with: layouts/<Layout>.html
	Menu        string // "main" puts it in the main navigation
	Weight      int    // its place in lists and the menu, as the front-matter key
	Section     bool   // it is a section: the pages below its address are its children
	// Canonical, when set, is the address of the page this one copies on
	// another site (a national directory's unit, on its region's site): the
	// page's <link rel="canonical"> names it instead of the page itself.
	Canonical string
	// NoIndex keeps the page out of the sitemap and the site search; its
	// layout tells search engines too (<meta name="robots" content="noindex">).
	NoIndex bool
}

// Redirect is an old address that must lead to a new one.
type Redirect struct {
	From, To string // addresses: /verksamheter/gammal/ → /verksamheter/ny/
	Source   string // the file that asks for it
}

// Build is one build as a feature sees it while it loads: what it may read,
// and where it reports what it adds. Its methods are not safe for
// concurrent use: the engine loads the features one after the other.
type Build struct {
	Root     fs.FS           // the site root
	Settings *settings.Site  // site.yaml
	Words    *settings.Words // the fixed words of what the build writes (layouts/words.yaml, site.yaml's words:)
	BaseURL  string          // the site's address without the final slash; "" when unknown
	Now      swedish.Day     // the build's day: -now, or today in Stockholm
	Pages    []*content.Page // the Markdown pages of the build (drafts only with -drafts), by path
	// History gives the day each file of the root was last committed, by
	// path (package history); it is empty outside a git work tree and for
	// a file not committed yet.
	History map[string]time.Time
	// Drafts are the pages left out of the build (draft: true, without
	// -drafts): a feature checks the keys it reads in them too, so that a
	// mistake is found before the page is published, and shows nothing of
	// them.
	Drafts []*content.Page
	// Features are the features of this build, in order (the editing
	// tool builds its forms from their Front, Form, Owns and Data).
	Features []Feature

	// Site is the whole build once every feature has loaded: call its
	// methods from View and Write, not from Load.
	Site Site

	// Kept, in the dev server's builds, holds values from one build to
	// the next, by the feature's Name: what a feature made of a page
	// that did not change, so that the next build need not make it again
	// (the site search's words of a page the engine took from the last
	// build as it was: the same *pagescan.Page). It is nil in a build of
	// its own. A feature's output is the same with or without it.
	Kept map[string]any

	shared       map[string]shared
	pages        []*Page
	dated        []*content.Page
	shortcomings []Shortcoming
	layouts      map[string]string
	redirects    []Redirect
	headers      []Header
	notes        []msg.Message
	errs         diag.List
}

// Site is the whole build as a feature sees it after loading. Its methods
// only read, and are safe for concurrent use.
type Site interface {
	// Pages returns every page of the build: the Markdown pages (drafts
	// only with -drafts), then the pages the features generate.
	Pages() []*content.Page
	// View returns what the feature name gives the layout of p, or nil.
	View(name string, p *content.Page) any
	// Views returns what every feature gives the layout of p, in the order
	// of the features, leaving out nil: a feature learns from another's
	// views through the small interfaces below (OwnSearch, SearchedBy),
	// never by importing it.
	Views(p *content.Page) []any
	// Dated returns the dated pages of the build, newest first (then by
	// address): the pages of the dated sections (site.yaml's dated:, each
	// with its date:) and the pages the features marked with
	// Build.MarkDated. The feed's entries are these.
	Dated() []*content.Page
}

// OwnSearch is implemented by a feature's view of a page that has a
// search of its own (the directory's page, with its units' index): the
// site search links to that page and loads that index beside its own.
type OwnSearch interface {
	// SearchIndex returns the address of the page's search index.
	SearchIndex() string
}

// SearchedBy is implemented by a feature's view of a page that another
// search finds (a unit's page, found through the directory's own index):
// the site search leaves the page out.
type SearchedBy interface {
	// SearchedBy returns the address of the page whose search finds it.
	SearchedBy() string
}

// PageReader is an Instance that reads every page as it is written: the
// engine takes each page apart once, from the bytes it writes (package
// pagescan: the text of <main> by heading, the ids, the addresses), and
// calls Page with it, from many goroutines at once, before any Write. A
// page that did not render is not passed (its problem is reported
// already). The instance keeps what it needs, in compact form (the site
// search keeps a page's words, not its text); the scan is shared and must
// only be read. The strings of sc.Sections may be the scanner's bytes,
// valid only until Page returns (pagescan.ScanMarkdownRead): an instance
// keeps none of them, but copies. The dev server calls Page again for a
// page it renders again.
type PageReader interface {
	// Page reads the page p as written. A file of the feature's that
	// comes from one page (the site search's text of a page by heading)
	// may be written to out at once, so that it is not kept until Write.
	Page(p *content.Page, sc *pagescan.Page, out Output)
}

// Header is a rule of the site's HTTP headers (_headers, for Netlify):
// responses at Path get Headers, in order.
type Header struct {
	Path    string      // a _headers path: /admin/*
	Headers [][2]string // name and value
}

// Shared returns what make returns for key, made once in a build:
// features that read the same files share what the first one made of
// them (the directory and the open data share the unit registries, with
// the options they are read with in the key). The value is read only.
func (b *Build) Shared(key string, make func() (any, error)) (any, error) {
	if s, ok := b.shared[key]; ok {
		return s.v, s.err
	}
	v, err := make()
	if b.shared == nil {
		b.shared = map[string]shared{}
	}
	b.shared[key] = shared{v, err}
	return v, err
}

// shared is a value of Shared.
type shared struct {
	v   any
	err error
}

// Fail records problems; nil errors are ignored.
func (b *Build) Fail(errs ...error) { b.errs.Add(errs...) }

// AddPage adds a generated page.
func (b *Build) AddPage(p *Page) { b.pages = append(b.pages, p) }

// SetLayout gives the Markdown page p the layout name, unless its front
// matter names one (a missing layout is then reported as the page's need,
// not as a mistake in its front matter).
func (b *Build) SetLayout(p *content.Page, name string) {
	if b.layouts == nil {
		b.layouts = map[string]string{}
	}
	b.layouts[p.URL] = name
}

// MarkDated records that the Markdown page p, which has a date:, is dated
// like the pages of a dated section (see Site.Dated): an entry of the
// feed. A seminar page with a date is one. A page without a date is left
// out.
func (b *Build) MarkDated(p *content.Page) {
	if !p.Front.Date.IsZero() {
		b.dated = append(b.dated, p)
	}
}

// MarkedDated returns the pages marked with MarkDated, for the engine.
func (b *Build) MarkedDated() []*content.Page { return b.dated }

// Redirect asks that the old address from lead to to; src names the file
// that asks for it.
func (b *Build) Redirect(from, to, src string) {
	b.redirects = append(b.redirects, Redirect{From: from, To: to, Source: src})
}

// Header asks that responses at path (like /admin/*) get the headers
// given, as name and value. The features' rules come after the site's own
// (the security policy of every page), in the order asked: a header named
// again replaces the site's for those responses.
func (b *Build) Header(path string, headers ...[2]string) {
	b.headers = append(b.headers, Header{Path: path, Headers: headers})
}

// Shortcoming is content of the site that is not accessible, declared by
// the feature that knows it (a document marked accessible: false in
// content/dokument.yaml), for the accessibility statement, which lists
// every declared shortcoming.
type Shortcoming struct {
	What string // the content, as a reader knows it: the document's title
	// Details say what a link to it must say besides its title: a
	// document's type and size, "PDF, 1,2 MB" (see package check); ""
	// for a page.
	Details string
	URL     string    // its address on the site; "" when it has none
	Reason  string    // what is not accessible and why, as the editor wrote it
	FixBy   time.Time // when it is planned to be accessible; zero when not said
	Source  string    // the file that declares it, for messages
	Line    int       // where in Source
}

// Declare records content that is not accessible (see Shortcoming).
func (b *Build) Declare(s Shortcoming) { b.shortcomings = append(b.shortcomings, s) }

// Shortcomings returns what the features loaded so far have declared,
// in order: a feature that lists them (the accessibility statement) comes
// after those that declare them in the list of features.
func (b *Build) Shortcomings() []Shortcoming { return b.shortcomings }

// Headers returns the rules asked for with Header, for the engine.
func (b *Build) Headers() []Header { return b.headers }

// Note records something the programme team should know after a
// successful build; it is printed below the summary line.
func (b *Build) Note(m msg.Message) { b.notes = append(b.notes, m) }

// Added returns what the features added while loading, for the engine.
// The layouts are by page address.
func (b *Build) Added() (pages []*Page, layouts map[string]string, redirects []Redirect, notes []msg.Message, errs diag.List) {
	return b.pages, b.layouts, b.redirects, b.notes, b.errs
}

// Output is where a feature writes its files. Paths are slash-separated,
// without a leading slash (assets/verksamheter.3f2a9c1b.json); src names the
// file the output comes from, for the error when two writers claim a path.
// The methods are safe for concurrent use.
type Output interface {
	// Write stores data at p, minified by its type (HTML, CSS, JavaScript,
	// JSON, XML, SVG; other files as they are). The minifier may change
	// data in place (the JavaScript minifier renames in its input): a
	// feature that keeps what it writes for the next build (Build.Kept)
	// hands Write a copy.
	Write(p, src string, data []byte) error
	// WriteRaw stores data at p exactly as it is: for files named by the
	// hash of their bytes. The output may keep data (a build in memory).
	WriteRaw(p, src string, data []byte) error
	// WriteRawCopy is WriteRaw for data in a buffer that the feature
	// writes over afterwards: an output that keeps what is written keeps
	// a copy.
	WriteRawCopy(p, src string, data []byte) error
	// Read returns the file written at p: every page (<url>/index.html,
	// as published) is written before any feature writes. A page that did
	// not render is missing (an error satisfying errors.Is(err,
	// fs.ErrNotExist)): its problem is reported already.
	Read(p string) ([]byte, error)
}

// Fingerprint returns name with the first 8 hex digits of the SHA-256 of
// data before its extension: style.css → style.3f2a9c1b.css.
func Fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return name[:len(name)-len(ext)] + "." + hex.EncodeToString(sum[:4]) + ext
}
