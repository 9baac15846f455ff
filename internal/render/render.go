// Package render executes the site's layouts.
//
// # Layouts
//
// Layouts are html/template files under layouts/:
//
//	layouts/base.html        the whole document; other layouts fill its blocks
//	layouts/partials/*.html  shared pieces, named by file: {{template "partials/footer.html" .}}
//	layouts/<name>.html      a page layout; it defines the block "main" (and may
//	                         define "head" for extra tags in <head>)
//	layouts/assets/*         CSS and JavaScript, published fingerprinted
//
// The layout rule: the front-matter key layout picks layouts/<layout>.html;
// otherwise the home page uses home, a section page list, the not-found page
// 404 and every other page page. A layout that does not exist is an error
// at the layout key.
//
// # Template functions
//
//	date t       "31 augusti 2026" (Swedish, Europe/Stockholm)
//	shortdate t  "10 nov 2026": a publication date, in lists and on the page
//	isodate t    "2026-08-31", for datetime attributes
//	timetag t    <time datetime="2026-08-31">31 augusti 2026</time> as HTML;
//	             "" for the zero time, so {{with timetag .Page.Lastmod}} shows a
//	             date that is set: one call where isodate and date with their
//	             escaping are four (and IsZero two more)
//	shorttimetag t  the same with shortdate: <time datetime="2026-11-10">10 nov 2026</time>
//	asset name   the fingerprinted address of layouts/assets/<name>: /assets/style.3f2a9c1b.css
//	number n     5900 → "5 900"
//	phone s      a Swedish phone number as shown: "010-123 45 00"
//	tel s        the same for tel: links: "+46101234500" ("" when it is not a number)
//	partialCached name data key...
//	             the layout name (a partial: "partials/header.html") executed
//	             with data, as HTML, rendered once per build for each list of
//	             keys and taken from the build's Cache for every later page
//	             with the same keys: {{partialCached "partials/footer.html" . .Page.ChromeLang}}
//
// # Cached parts
//
// Most of a page's chrome (the header with the menu, the footer, the
// breadcrumbs above the page: the theme's partials/top.html and
// partials/footer.html) is the same on many pages, and executing it
// again on each page is most of the cost of executing a layout. A layout
// calls partialCached for such a part with the keys the part depends on:
// everything it shows must be the same on two pages with the same keys,
// or be the same on every page of the build (.Site). The part is executed
// with the data of the first page that asks for those keys. A key is a
// string, a number, a bool, or a value with a method CacheKey() string
// (package site's Links: .Menu and .Breadcrumbs, which also have
// AppendCacheKey, so a page takes a part without making its key as a
// string); any other kind of key is an error.
//
// The cache lives as long as one build (see Cache, given to Execute): a
// change to the settings or the menu is seen by the next build. Data that
// carries its Cache (a PartCacher: package site's View) gives it to
// partialCached without a look-up by the data. Without a
// Cache, or when data is not the data the page is executed with, the part
// is executed on each call, with the same output. What the data noted while
// the part was executed (package site: which features' data the layout
// asked for) is noted again on each page that takes the part from the
// cache (Cache.Note, Cache.Replay).
//
// Errors in a layout, at parse or execution time, are reported as
// layouts/<file>:line:col with the template's message.
//
// # Tightened layouts
//
// Load has html/template escape the layouts at once and rewrites the
// escaped templates so that executing them takes fewer calls, with the
// same output byte for byte (see tighten.go), and gives each layout a
// program that runs its tightened trees without text/template's
// reflection at every step, leaving a page it cannot run to html/template
// (see run.go); LoadAsEscaped leaves them as html/template escaped them,
// executed by html/template.
package render

import (
	"encoding/binary"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// Dir is the folder of the site root that holds the layouts.
const Dir = "layouts"

// Templates is the parsed set of layouts. It is safe for concurrent use.
type Templates struct {
	sets    map[string]*template.Template // by layout name
	entry   map[string]string             // the name of base.html for a layout in the shared set (see own)
	source  map[string][]byte             // file contents by path, for errors
	running sync.Map                      // data → *Cache, while Execute runs with a Cache
	progs   map[string]*program           // by layout name: the tightened layouts, run (see run.go)
}

// Cache keeps the parts partialCached rendered during one build. Its zero
// value is ready to use; it is safe for concurrent use.
type Cache struct {
	// Note, when set, is called with the data as a part is executed for
	// the cache; the function it returns ends the noting and returns what
	// the data noted meanwhile. Replay gives that to the data of each page
	// that takes the part from the cache.
	Note   func(data any) (done func() []string)
	Replay func(data any, noted []string)

	mu    sync.RWMutex
	parts map[string]cachedPart
}

type cachedPart struct {
	html  template.HTML
	noted []string
}

// PartCacher is data that carries the Cache its layout is executed with:
// partialCached takes it from the data rather than looking it up (see
// Execute).
type PartCacher interface {
	PartCache() *Cache
}

// Funcs returns the template functions, with asset resolving asset names.
func Funcs(asset func(string) (string, error)) template.FuncMap {
	return template.FuncMap{
		"date":         func(t time.Time) string { return swedish.Date(t) },
		"isodate":      func(t time.Time) string { return swedish.ISODate(t) },
		"shortdate":    func(t time.Time) string { return swedish.AbbrDate(t) },
		"timetag":      func(t time.Time) template.HTML { return timeTag(t, swedish.Date) },
		"shorttimetag": func(t time.Time) template.HTML { return timeTag(t, swedish.AbbrDate) },
		"number":       swedish.Number,
		"phone": func(s string) string {
			if p, err := swedish.ParsePhone(s); err == nil {
				return p.String()
			}
			return s
		},
		"tel": func(s string) string {
			if p, err := swedish.ParsePhone(s); err == nil {
				return p.E164()
			}
			return ""
		},
		"asset": asset,
	}
}

// timeTag returns the element time of t, shown as show writes it, or ""
// for the zero time. It escapes the text as html/template does in text and
// in a quoted attribute.
func timeTag(t time.Time, show func(time.Time) string) template.HTML {
	if t.IsZero() {
		return ""
	}
	return template.HTML(`<time datetime="` + htmlEscaper.Replace(swedish.ISODate(t)) + `">` + htmlEscaper.Replace(show(t)) + `</time>`)
}

// htmlEscaper escapes text as html/template does in text and in quoted
// attributes.
var htmlEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// Load parses every layout in fsys. funcs are the template functions (see
// Funcs); more may be added by the caller.
func Load(fsys fs.FS, funcs template.FuncMap) (*Templates, error) {
	return load(fsys, funcs, true, true)
}

// LoadAsEscaped is Load without tightening the escaped layouts (see
// tighten.go): the layouts as html/template escapes them, which the tests
// of a build hold Load's to.
func LoadAsEscaped(fsys fs.FS, funcs template.FuncMap) (*Templates, error) {
	return load(fsys, funcs, true, false)
}

// load is Load; with share false, each layout gets a copy of base's set
// (see sharedTrees), as Load did before the layouts shared it; with tight
// false, the escaped layouts are left as html/template made them (see
// tighten.go).
func load(fsys fs.FS, funcs template.FuncMap, share, tight bool) (*Templates, error) {
	var errs diag.List
	t := &Templates{sets: map[string]*template.Template{}, source: map[string][]byte{}}
	read := func(p string) string {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs.At(p, 0, 0, msg.FileUnreadable.With(err))
			return ""
		}
		t.source[p] = b
		return string(b)
	}
	basePath := Dir + "/base.html"
	if _, err := fs.Stat(fsys, basePath); err != nil {
		errs.At(basePath, 0, 0, LayoutBaseMissing.With()).Tip(HintLayoutBase.With())
		return nil, errs.Err()
	}
	base := template.New(basePath).Funcs(funcs).Funcs(template.FuncMap{"partialCached": t.partialCached(nil)})
	if _, err := base.Parse(read(basePath)); err != nil {
		errs.Add(Error(err))
	}
	partials, _ := fs.Glob(fsys, Dir+"/partials/*.html")
	for _, p := range partials {
		name := strings.TrimPrefix(p, Dir+"/")
		if _, err := base.New(name).Parse(read(p)); err != nil {
			errs.Add(Error(err))
		}
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	shared := sharedTrees(base)
	var own []*ownLayout // the layouts whose trees join base's set
	layouts, _ := fs.Glob(fsys, Dir+"/*.html")
	for _, p := range layouts {
		if p == basePath {
			continue
		}
		text := read(p)
		if share {
			if l := shared.own(p, text, funcs); l != nil {
				own = append(own, l)
				continue
			}
		}
		// A layout that replaces a part kept with partialCached, or a set
		// whose parts partialCached names by a value: the layout gets a
		// set of its own, a copy of base's.
		set, err := base.Clone()
		if err != nil {
			errs.Add(err)
			continue
		}
		set.Funcs(template.FuncMap{"partialCached": t.partialCached(set)})
		if _, err := set.New(p).Parse(text); err != nil {
			errs.Add(Error(err))
			continue
		}
		t.sets[strings.TrimSuffix(path.Base(p), ".html")] = set
	}
	for _, l := range own {
		if l.err != nil {
			errs.Add(Error(l.err))
			continue
		}
		for name, tree := range l.trees {
			if _, err := base.AddParseTree(name, tree); err != nil {
				errs.Add(err)
			}
		}
		name := strings.TrimSuffix(path.Base(l.path), ".html")
		t.sets[name] = base
		if t.entry == nil {
			t.entry = map[string]string{}
		}
		t.entry[name] = l.prefix + basePath
	}
	base.Funcs(template.FuncMap{"partialCached": t.partialCached(base)})
	if tight && len(errs) == 0 {
		t.tighten(funcs)
	}
	return t, errs.Err()
}

// tighten escapes every layout set and tightens it (see tighten.go): each
// layout's entry and every part partialCached names with a string. A set
// whose partialCached is given a name that is not a constant is left as
// it is: html/template may escape a part only when a page asks for it.
func (t *Templates) tighten(funcs template.FuncMap) {
	htmlFuncs := map[string]bool{"partialCached": true}
	for name, f := range funcs {
		if returnsHTML(f) {
			htmlFuncs[name] = true
		}
	}
	entries := map[*template.Template][]string{}
	layouts := map[*template.Template][]string{} // the layouts' names, as entries has their entries
	var sets []*template.Template
	for _, name := range t.Names() {
		set := t.sets[name]
		if _, ok := entries[set]; !ok {
			sets = append(sets, set)
		}
		entry := Dir + "/base.html"
		if e, ok := t.entry[name]; ok {
			entry = e
		}
		entries[set] = append(entries[set], entry)
		layouts[set] = append(layouts[set], name)
	}
	for _, set := range sets {
		parts := &treeSet{cached: map[string]bool{}}
		for _, tt := range set.Templates() {
			if tt.Tree != nil {
				walkTree(tt.Tree.Root, func(n parse.Node) {
					if c, ok := n.(*parse.CommandNode); ok {
						parts.partialCached(c)
					}
				})
			}
		}
		if parts.variable {
			continue
		}
		names := entries[set]
		for name := range parts.cached {
			names = append(names, name)
		}
		sort.Strings(names[len(entries[set]):])
		escaped := escapeAll(set, names)
		if !tightenSet(set, names, htmlFuncs) {
			continue
		}
		// The functions of the set, as the programs call them.
		pf := map[string]any{"partialCached": t.partialCached(set), fnURLAttr: urlAttr, fnText: escapeText, fnAttr: escapeAttr, fnRCDATA: escapeRCDATA}
		for name, f := range funcs {
			pf[name] = f
		}
		for i, entry := range entries[set] {
			if !escaped[entry] {
				continue
			}
			if p := newProgram(set, entry, pf); p != nil {
				if t.progs == nil {
					t.progs = map[string]*program{}
				}
				t.progs[layouts[set][i]] = p
			}
		}
	}
}

// nameSep ends the prefix of the names a layout's templates have in
// base's set (see sharedTrees).
const nameSep = "\x00"

// treeSet is base's set: each template's tree, the templates each calls,
// and the names partialCached is given.
type treeSet struct {
	base     string // base.html's path, the layouts' entry
	trees    map[string]*parse.Tree
	calls    map[string][]string
	cached   map[string]bool // partialCached's names, in base and the partials
	variable bool            // partialCached is given a name that is not a string constant
}

// ownLayout is a layout's templates for the shared set, by their names
// there (or the error parsing it).
type ownLayout struct {
	path, prefix string
	trees        map[string]*parse.Tree
	err          error
}

// sharedTrees returns base's set (base.html and the partials) for the
// layouts to share.
//
// A layout is executed in a set of templates with base.html and the
// partials, where its definitions ("main", "head") are the ones base.html
// calls. Rather than a copy of base's set for each layout, which
// html/template would copy, walk and escape again for each, the layouts
// share base's set: each layout's definitions join it under names of
// their own (the layout's path and a 0 byte before the name), with a copy
// of base.html (and of any partial that calls what the layout defines)
// that calls them by those names. The partials are in the set once, and a
// page shows what it showed with a copy per layout.
func sharedTrees(base *template.Template) *treeSet {
	s := &treeSet{base: base.Name(), trees: map[string]*parse.Tree{}, calls: map[string][]string{}, cached: map[string]bool{}}
	for _, tt := range base.Templates() {
		if tt.Tree == nil {
			continue
		}
		s.trees[tt.Name()] = tt.Tree
		walkTree(tt.Tree.Root, func(n parse.Node) {
			switch n := n.(type) {
			case *parse.TemplateNode:
				s.calls[tt.Name()] = append(s.calls[tt.Name()], n.Name)
			case *parse.CommandNode:
				s.partialCached(n)
			}
		})
	}
	return s
}

// partialCached notes the name a command partialCached is given.
func (s *treeSet) partialCached(n *parse.CommandNode) {
	if len(n.Args) == 0 {
		return
	}
	if id, ok := n.Args[0].(*parse.IdentifierNode); !ok || id.Ident != "partialCached" {
		return
	}
	if len(n.Args) > 1 {
		if str, ok := n.Args[1].(*parse.StringNode); ok {
			s.cached[str.Text] = true
			return
		}
	}
	s.variable = true
}

// own parses the layout p and returns its templates for the shared set,
// or nil when it needs a set of its own: when partialCached could be
// given the name of a template the layout defines or changes (the
// function, one for the set, finds a part by the name it is given).
func (s *treeSet) own(p, text string, funcs template.FuncMap) *ownLayout {
	scratch := template.New(p).Funcs(funcs).Funcs(template.FuncMap{"partialCached": func(string, any, ...any) (template.HTML, error) { return "", nil }})
	if _, err := scratch.Parse(text); err != nil {
		return &ownLayout{path: p, err: err}
	}
	// What the layout defines, as parsing it into a copy of base's set
	// would: a definition with an empty body does not replace one that
	// has a body.
	defined := map[string]*parse.Tree{}
	cached := map[string]bool{}
	variable := s.variable
	for _, tt := range scratch.Templates() {
		if tt.Tree == nil {
			continue
		}
		if old := s.trees[tt.Name()]; old != nil && parse.IsEmptyTree(tt.Tree.Root) {
			continue
		}
		defined[tt.Name()] = tt.Tree
		walkTree(tt.Tree.Root, func(n parse.Node) {
			if c, ok := n.(*parse.CommandNode); ok {
				sub := &treeSet{cached: cached}
				sub.partialCached(c)
				variable = variable || sub.variable
			}
		})
	}
	// The templates that differ in this layout: what it defines, base.html,
	// and every template that calls one of them.
	own := map[string]bool{s.base: true}
	for name := range defined {
		own[name] = true
	}
	for changed := true; changed; {
		changed = false
		for name, calls := range s.calls {
			if own[name] {
				continue
			}
			for _, c := range calls {
				if own[c] {
					own[name], changed = true, true
					break
				}
			}
		}
	}
	if variable {
		return nil
	}
	for name := range own {
		if s.cached[name] || cached[name] {
			return nil
		}
	}
	l := &ownLayout{path: p, prefix: p + nameSep, trees: map[string]*parse.Tree{}}
	for name := range own {
		tree := defined[name]
		if tree == nil {
			tree = s.trees[name]
		}
		tree = tree.Copy()
		walkTree(tree.Root, func(n parse.Node) {
			if tn, ok := n.(*parse.TemplateNode); ok && own[tn.Name] {
				tn.Name = l.prefix + tn.Name
			}
		})
		l.trees[l.prefix+name] = tree
	}
	return l
}

// walkTree calls f for every node under n: the template calls, the
// actions and their commands.
func walkTree(n parse.Node, f func(parse.Node)) {
	if n == nil || reflect.ValueOf(n).IsNil() {
		return
	}
	f(n)
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			walkTree(c, f)
		}
	case *parse.ActionNode:
		walkTree(n.Pipe, f)
	case *parse.PipeNode:
		for _, c := range n.Cmds {
			walkTree(c, f)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkTree(a, f)
		}
	case *parse.ChainNode:
		walkTree(n.Node, f)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, f)
	case *parse.TemplateNode:
		walkTree(n.Pipe, f)
	}
}

func walkBranch(b *parse.BranchNode, f func(parse.Node)) {
	walkTree(b.Pipe, f)
	walkTree(b.List, f)
	walkTree(b.ElseList, f)
}

// Has reports whether layouts/<name>.html exists.
func (t *Templates) Has(name string) bool {
	_, ok := t.sets[name]
	return ok
}

// Names returns the layout names, sorted.
func (t *Templates) Names() []string {
	var n []string
	for k := range t.sets {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}

// Source returns the text of a layout file, for error context.
func (t *Templates) Source(p string) []byte { return t.source[p] }

// Execute renders data with layout name, starting from the base layout.
// The parts the layout renders with partialCached are kept in c, or
// executed on each call when c is nil. Data that is a PartCacher with a
// Cache must carry c.
func (t *Templates) Execute(w io.Writer, name string, data any, c *Cache) error {
	set, ok := t.sets[name]
	if !ok {
		return diag.New(Dir+"/"+name+".html", 0, 0, LayoutMissing.With())
	}
	if pc, ok := data.(PartCacher); ok && pc.PartCache() != nil {
		if pc.PartCache() != c {
			return fmt.Errorf("render: the data's PartCache is not the Cache given to Execute")
		}
	} else if c != nil && isPointer(data) {
		t.running.Store(data, c)
		defer t.running.Delete(data)
	}
	entry := Dir + "/base.html"
	if e, ok := t.entry[name]; ok {
		entry = e
	}
	if p := t.progs[name]; p != nil && p.run(w, data) {
		return nil
	}
	if err := set.ExecuteTemplate(w, entry, data); err != nil {
		return Error(err)
	}
	return nil
}

// isPointer reports whether data is a pointer: data that can be a key of
// Templates.running (a value of another kind may not be comparable).
func isPointer(data any) bool {
	return data != nil && reflect.TypeOf(data).Kind() == reflect.Pointer
}

// partialCached returns the template function partialCached of the layout
// set (see the package comment).
func (t *Templates) partialCached(set *template.Template) func(string, any, ...any) (template.HTML, error) {
	return func(name string, data any, keys ...any) (template.HTML, error) {
		if _, ok := data.(*escapeRun); ok {
			return "", errEscapeRun
		}
		if set == nil {
			return "", fmt.Errorf("partialCached: no layout named %q", name)
		}
		var c *Cache
		if pc, ok := data.(PartCacher); ok && pc.PartCache() != nil {
			c = pc.PartCache()
		} else if isPointer(data) {
			if v, ok := t.running.Load(data); ok {
				c = v.(*Cache)
			}
		}
		if c == nil {
			if set.Lookup(name) == nil {
				return "", fmt.Errorf("partialCached: no layout named %q", name)
			}
			var b strings.Builder
			if err := set.ExecuteTemplate(&b, name, data); err != nil {
				return "", Error(err)
			}
			return template.HTML(b.String()), nil
		}
		kb := keyBufs.Get().(*[]byte)
		defer keyBufs.Put(kb)
		key, err := appendCacheKey((*kb)[:0], name, keys)
		*kb = key
		if err != nil {
			return "", err
		}
		c.mu.RLock()
		p, ok := c.parts[string(key)] // no string made for the lookup
		c.mu.RUnlock()
		if ok {
			if c.Replay != nil && len(p.noted) > 0 {
				c.Replay(data, p.noted)
			}
			return p.html, nil
		}
		// Only a part not kept yet can be a name that is no layout: a kept
		// part was executed.
		if set.Lookup(name) == nil {
			return "", fmt.Errorf("partialCached: no layout named %q", name)
		}
		var done func() []string
		if c.Note != nil {
			done = c.Note(data)
		}
		var b strings.Builder
		err = set.ExecuteTemplate(&b, name, data)
		if done != nil {
			p.noted = done()
		}
		if err != nil {
			return "", Error(err)
		}
		p.html = template.HTML(b.String())
		c.mu.Lock()
		if c.parts == nil {
			c.parts = map[string]cachedPart{}
		}
		c.parts[string(key)] = p // a page that rendered it at the same time made the same
		c.mu.Unlock()
		return p.html, nil
	}
}

// keyBufs holds the buffers partialCached builds its keys in.
var keyBufs = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// appendCacheKey appends the key of the part name with keys in a Cache to
// b: the name, then for each key a 0 byte, the key and its length in 8
// bytes (the length after the key, as a key that appends itself is not
// measured first), so keys "a" and "b\x00c" differ from "a\x00b" and "c".
func appendCacheKey(b []byte, name string, keys []any) ([]byte, error) {
	b = append(b, name...)
	for _, k := range keys {
		b = append(b, 0)
		n := len(b)
		switch k := k.(type) {
		case interface{ AppendCacheKey([]byte) []byte }:
			b = k.AppendCacheKey(b)
		case string:
			b = append(b, k...)
		default:
			s, err := keyString(k)
			if err != nil {
				return b, err
			}
			b = append(b, s...)
		}
		b = binary.BigEndian.AppendUint64(b, uint64(len(b)-n))
	}
	return b, nil
}

// keyString returns the key k of partialCached as a string.
func keyString(k any) (string, error) {
	switch k := k.(type) {
	case interface{ CacheKey() string }:
		return k.CacheKey(), nil
	case string:
		return k, nil
	case nil:
		return "", nil
	}
	switch reflect.ValueOf(k).Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return fmt.Sprint(k), nil
	}
	return "", fmt.Errorf("partialCached: a value of type %T cannot be a key: give a string", k)
}

var tmplErrRE = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// Error turns an error from html/template into a *diag.Error at the
// layout's line and column when the message carries them.
func Error(err error) error {
	var de *diag.Error
	if errors.As(err, &de) {
		return de
	}
	text := err.Error()
	var te *template.Error
	if errors.As(err, &te) && te.Name != "" {
		name := te.Name
		if i := strings.Index(name, nameSep); i >= 0 {
			name = name[i+len(nameSep):] // a layout's template in the shared set
		}
		text = fmt.Sprintf("template: %s:%d: %s", name, te.Line, te.Description)
	}
	m := tmplErrRE.FindStringSubmatch(text)
	if m == nil {
		return &diag.Error{Msg: LayoutError.With(text)}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	p := m[1]
	if !strings.HasPrefix(p, Dir+"/") {
		p = Dir + "/" + p
	}
	text = m[4]
	if i := strings.Index(text, ": "); strings.HasPrefix(text, "executing") && i >= 0 {
		text = text[i+2:]
	}
	return &diag.Error{Path: p, Line: line, Col: col, Msg: LayoutError.With(text)}
}
