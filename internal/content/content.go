// Package content reads the site's Markdown pages from a file system.
//
// # Files and addresses
//
// Every *.md file under content/ is a page. Its address comes from its path,
// each folder and the file name made into a slug by the rule of package slug:
//
//	content/_index.md            → /
//	content/om/_index.md         → /om/          (a section page)
//	content/om/pris.md           → /om/pris/
//	content/Västerbotten/Åre.md  → /vasterbotten/are/
//
// A folder's _index.md is its section page, which lists the pages in the
// folder (and the section pages of its sub-folders) by weight, then title.
// A folder without one gets no page of its own. Other files under content/
// (YAML registries, images) are not pages and are left to other packages.
//
// # Front matter
//
// A page starts with YAML between two lines of three hyphens:
//
//	---
//	title: Pris och villkor
//	weight: 4
//	---
//
// The keys are:
//
//	title        required; the page's heading and <title>
//	description  one sentence: meta description and the text in lists
//	date         publication date, 2026-09-12
//	lastmod      date of the last real change, 2026-09-12 ("Senast uppdaterad")
//	draft        true leaves the page out unless the build runs with -drafts
//	publish      the day the page appears: before it, the page is left out
//	             of everything (pages, lists, sitemap, feed, search, calendars)
//	unpublish    the day the page goes: from it on, it is left out the same
//	             way and its address leads to its section (see package site)
//	weight       whole number ordering the page in lists and the menu (lower
//	             first; pages without a weight come last)
//	menu         "main" puts the page in the main navigation
//	layout       the layout to use: layouts/<layout>.html
//	aliases      old addresses that must keep working, like /om-oss/
//	lang, translations, easy_read   the page's language and its versions
//	image, image_alt                the page's picture and its description
//
// The features of the site (see package feature) read keys of their own,
// like a seminar's sessions: (package seminar) or contacts: (package
// contact). Load and Parse are given
// their names: content accepts them, keeps their values undecoded in
// Front.Features for the feature that reads them (with their positions in
// Front.Keys), and lists them among the known keys in its hints.
//
// Any other key is an error, with the closest known key as a hint. Files
// may have a byte order mark and CRLF line endings; they must be UTF-8.
// Errors name the file, line and column in the original file.
package content

import (
	"bytes"
	"cmp"
	"io/fs"
	"path"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/slug"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// Dir is the folder of the site root that holds the pages.
const Dir = "content"

// Front is a page's front matter.
type Front struct {
	Title       string    `yaml:"title,required"`
	Description string    `yaml:"description"`
	Date        time.Time `yaml:"date"`
	Lastmod     time.Time `yaml:"lastmod"`
	Draft       bool      `yaml:"draft"`
	Publish     time.Time `yaml:"publish"`
	Unpublish   time.Time `yaml:"unpublish"`
	Weight      int       `yaml:"weight"`
	Menu        string    `yaml:"menu"`
	Layout      string    `yaml:"layout"`
	Aliases     []string  `yaml:"aliases"`

	// Features holds the keys that the features read (the names given to
	// Load or Parse), undecoded: each feature decodes its own with
	// Features.Decode. In hints they stand here, after aliases.
	Features yamldoc.Rest

	// Languages: the page's language when it is not Swedish (a language
	// code: en, fi, ar), the pages that translate it, and its version in
	// easy Swedish (lättläst). Pages are named by file (en/summary.md, from
	// the page's folder or from content/) or by address (/en/summary/).
	Lang         string   `yaml:"lang"`
	Translations []string `yaml:"translations"`
	EasyRead     string   `yaml:"easy_read"`

	// Image is a picture for the page's card in its section (and for the
	// start page, above its text), beside the Markdown file; ImageAlt
	// describes it.
	Image    string `yaml:"image"`
	ImageAlt string `yaml:"image_alt"`

	// Keys holds the position of each value, for errors found later.
	Keys map[string]yamldoc.Pos
}

// Page is one Markdown file.
type Page struct {
	Path     string // path in the site root: content/om/pris.md
	URL      string // /om/pris/
	Section  bool   // an _index.md
	Front    Front
	Body     []byte // the Markdown after the front matter, LF line endings
	BodyLine int    // the line of the file on which Body starts (1-based)

	// NoIndex keeps a page that a feature generates out of the sitemap and
	// the site search (feature.Page.NoIndex).
	NoIndex bool

	Parent   *Page   // the section page above, nil for the home page
	Children []*Page // for sections: pages and sub-sections, by weight then title

	aliasPos []yamldoc.Pos // where each alias is written

	// The sort key of the title (swedish.Key), made by the first Sort or
	// SortBy, and the title it was made of: a section's pages are sorted
	// twice (Tree, then by date in a dated section).
	key      []byte
	keyTitle string
}

// titleKey returns swedish.Key of the page's title, made once per title.
func (p *Page) titleKey() []byte {
	if p.key == nil || p.keyTitle != p.Front.Title {
		p.key, p.keyTitle = swedish.Key(p.Front.Title), p.Front.Title
	}
	return p.key
}

// AliasPos returns the position of the page's i-th alias.
func (p *Page) AliasPos(i int) (line, col int) {
	if i < len(p.aliasPos) && p.aliasPos[i].Line > 0 {
		return p.aliasPos[i].Line, p.aliasPos[i].Col
	}
	return p.Pos("aliases")
}

// Pos returns the position of front-matter key k, or the file's first line.
func (p *Page) Pos(k string) (line, col int) {
	pos := yamldoc.PosOf(p.Front.Keys, k, yamldoc.Pos{Line: 1})
	return pos.Line, pos.Col
}

// URLFor returns the address of the page at path p (relative to the site
// root, under content/).
func URLFor(p string) string {
	rel := strings.TrimPrefix(p, Dir+"/")
	dir, file := path.Split(rel)
	var parts []string
	for _, d := range strings.Split(strings.Trim(dir, "/"), "/") {
		if d != "" {
			parts = append(parts, slug.Make(d))
		}
	}
	name := strings.TrimSuffix(file, path.Ext(file))
	if name != "_index" && name != "index" {
		parts = append(parts, slug.Make(name))
	}
	if len(parts) == 0 {
		return "/"
	}
	return "/" + strings.Join(parts, "/") + "/"
}

// Load reads every page under content/ in fsys. It returns the pages that
// could be read, sorted by path, and every problem found. Files are read
// and parsed by one worker per CPU. features are the front-matter keys
// that the features read (see Parse).
func Load(fsys fs.FS, features ...string) ([]*Page, error) {
	return load(fsys, nil, features)
}

// Cache keeps the pages Load read, for the next Load of the same site
// (the dev server builds the whole site after every edit): a file whose
// bytes are the same as before is read but not parsed again. Each Load
// returns pages of its own, copies of the kept ones without Parent and
// Children; a page that had problems is parsed every time. A Cache is
// used by one Load at a time.
//
// A file is not even read again when its stamp (size, modification and
// change times, inode, where the system gives them) is the one it had
// when it was read, and it had not changed for two seconds then: a time
// is kept to the tick of the system's clock, so a file written twice in
// one tick, once before and once after it was read, could otherwise look
// unchanged (cmd/go trusts its file hashes on the same terms). The change
// time is set by the system on every write; no tool can set it back.
type Cache struct {
	files map[string]cachedPage // by path
}

type cachedPage struct {
	data     []byte
	features string
	page     *Page
	stamp    Stamp // the file's when it was read; zero: read it again
}

// Stamp is what a file's metadata says of its contents: a file whose
// Stamp is the one it had when it was read, and which could be trusted
// then (StampOf), has the bytes read then.
type Stamp struct {
	size         int64
	mod, changed time.Time // changed is zero where the system gives no change time
	ino          uint64
}

// stampCutoff is how long a file must have been unchanged when it was read
// for its stamp to be trusted.
var stampCutoff = 2 * time.Second

// StampOf returns the stamp of the file p in fsys, and false when it
// cannot be trusted to say the file is the one read at readAt: a time is
// kept to the tick of the system's clock, so a file changed less than two
// seconds before could change again with the same times (see Cache). Take
// the stamp before reading the file: a write after it changes it.
func StampOf(fsys fs.FS, p string, readAt time.Time) (Stamp, bool) {
	info, err := fs.Stat(fsys, p)
	if err != nil || !info.Mode().IsRegular() {
		return Stamp{}, false
	}
	st := Stamp{size: info.Size(), mod: info.ModTime()}
	if st.mod.IsZero() {
		return Stamp{}, false // no times (a file system in memory): read it
	}
	if sys := reflect.ValueOf(info.Sys()); sys.Kind() == reflect.Pointer && !sys.IsNil() && sys.Elem().Kind() == reflect.Struct {
		// syscall.Stat_t: Ino, and Ctim (Linux) or Ctimespec (macOS, BSD).
		v := sys.Elem()
		if f := v.FieldByName("Ino"); f.IsValid() && f.CanUint() {
			st.ino = f.Uint()
		}
		for _, name := range []string{"Ctim", "Ctimespec"} {
			if f := v.FieldByName(name); f.IsValid() && f.Kind() == reflect.Struct {
				sec, nsec := f.FieldByName("Sec"), f.FieldByName("Nsec")
				if sec.IsValid() && nsec.IsValid() && sec.CanInt() && nsec.CanInt() {
					st.changed = time.Unix(sec.Int(), nsec.Int())
				}
			}
		}
	}
	last := st.mod
	if st.changed.After(last) {
		last = st.changed
	}
	return st, readAt.Sub(last) > stampCutoff
}

// Load is Load with the pages of c.
func (c *Cache) Load(fsys fs.FS, features ...string) ([]*Page, error) {
	return load(fsys, c, features)
}

func load(fsys fs.FS, c *Cache, features []string) ([]*Page, error) {
	var errs diag.List
	var paths []string
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.At(p, 0, 0, msg.FileUnreadable.With(err))
			return nil
		}
		if d.IsDir() || path.Ext(p) != ".md" || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		paths = append(paths, p)
		return nil
	})
	if err != nil {
		errs.At(Dir, 0, 0, msg.FileUnreadable.With(err))
	}
	pages := make([]*Page, len(paths))
	perrs := make([]diag.List, len(paths))
	var datas [][]byte // with c: each file's bytes, when parsed now
	var cached []bool  // with c: the page is a copy of the kept one
	var stamps []Stamp // with c: each file's stamp when read now, when trusted
	feats := strings.Join(features, "\x00")
	readAt := time.Now()
	if c != nil {
		datas, cached, stamps = make([][]byte, len(paths)), make([]bool, len(paths)), make([]Stamp, len(paths))
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(paths) {
					return
				}
				var st Stamp
				if c != nil {
					// The stamp before the bytes: a write after it changes it.
					var trusted bool
					if st, trusted = StampOf(fsys, paths[i], readAt); !trusted {
						st = Stamp{}
					}
					stamps[i] = st
					if k, ok := c.files[paths[i]]; ok && k.features == feats && st != (Stamp{}) && k.stamp == st {
						cp := *k.page
						pages[i], cached[i] = &cp, true
						continue
					}
				}
				data, err := fs.ReadFile(fsys, paths[i])
				if err != nil {
					perrs[i].At(paths[i], 0, 0, msg.FileUnreadable.With(err))
					continue
				}
				if c != nil {
					if k, ok := c.files[paths[i]]; ok && k.features == feats && bytes.Equal(k.data, data) {
						cp := *k.page
						pages[i], cached[i] = &cp, true
						continue
					}
					datas[i] = data
				}
				pages[i], perrs[i] = Parse(paths[i], data, features...)
			}
		}()
	}
	wg.Wait()
	if c != nil {
		files := make(map[string]cachedPage, len(paths))
		for i, p := range pages {
			switch {
			case p == nil || len(perrs[i]) > 0:
			case cached[i]:
				k := c.files[p.Path]
				k.stamp = stamps[i] // taken before this load read it (zero: not trusted)
				files[p.Path] = k
			default:
				// A copy, before the build links the page into the tree.
				cp := *p
				files[p.Path] = cachedPage{data: datas[i], features: feats, page: &cp, stamp: stamps[i]}
			}
		}
		c.files = files
	}
	out := pages[:0]
	for i, p := range pages {
		errs = append(errs, perrs[i]...)
		if p != nil {
			out = append(out, p)
		}
	}
	return out, errs.Err()
}

// frontMatter splits data into its front matter (the YAML between the
// lines ---) and the rest, where the body starts (head is its offset). The
// first line that is not blank (spaces aside) must be --- and end in a
// line break; the front matter ends at the next line that is ---, spaces
// aside. ok is false when there is none. Lines are cut at \n only (the
// caller has made every line break one). It splits as
// github.com/adrg/frontmatter did with the format ---/---, without a copy.
func frontMatter(data []byte) (yaml []byte, head int, ok bool) {
	// line returns the line at i, trimmed, where the next one starts, and
	// whether it ended in a line break.
	line := func(i int) (t []byte, next int, nl bool) {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return bytes.TrimSpace(data[i:]), len(data), false
		}
		return bytes.TrimSpace(data[i : i+j]), i + j + 1, true
	}
	i := 0
	for {
		t, next, nl := line(i)
		if !nl {
			return nil, 0, false
		}
		i = next
		if len(t) == 0 {
			continue
		}
		if string(t) != "---" {
			return nil, 0, false
		}
		break
	}
	start := i
	for {
		t, next, nl := line(i)
		if string(t) == "---" {
			return data[start:i], next, true
		}
		if !nl {
			return nil, 0, false
		}
		i = next
	}
}

// Parse reads one page from its file contents. It returns the page (nil
// when it cannot be read at all) and the problems found. features are the
// front-matter keys that the features read: they are kept, undecoded, in
// Front.Features.
func Parse(p string, src []byte, features ...string) (*Page, diag.List) {
	var errs diag.List
	pg := &Page{Path: p, URL: URLFor(p), Section: path.Base(p) == "_index.md"}
	data := bytes.TrimPrefix(src, []byte("\uFEFF"))
	notUTF8 := func() (*Page, diag.List) {
		line, col := invalidUTF8(data)
		errs.At(p, line, col, PageNotUTF8.With()).Tip(msg.HintPageUTF8.With())
		return nil, errs
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		if !utf8.Valid(data) {
			return notUTF8()
		}
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	raw, head, ok := frontMatter(data)
	// One pass over the text: is it UTF-8, and where is the body's first
	// control character.
	bodyFrom := head
	if !ok {
		bodyFrom = len(data)
	}
	bad, ctrl := scanText(data, bodyFrom)
	if bad >= 0 {
		return notUTF8()
	}
	if !ok {
		if first := firstLine(data); first == "---" {
			errs.At(p, 1, 1, PageFrontMatterOpen.With()).Tip(HintPageFrontMatterOpen.With())
		} else {
			errs.At(p, 1, 1, PageNoFrontMatter.With()).Tip(HintPageNoFrontMatter.With())
		}
		return nil, errs
	}
	// Lines before the YAML: blank lines and the opening ---.
	yamlStart := bytes.Index(data[:head], []byte("---")) + 3
	if i := bytes.IndexByte(data[yamlStart:], '\n'); i >= 0 {
		yamlStart += i + 1
	}
	pg.BodyLine = bytes.Count(data[:head], []byte("\n")) + 1
	pg.Body = data[head:]
	dec := yamldoc.Decoder{Path: p, LineOffset: bytes.Count(data[:yamlStart], []byte("\n"))}
	n, err := dec.Parse(raw)
	if err != nil {
		errs.Add(err)
		return nil, errs
	}
	if n == nil {
		errs.At(p, 1, 1, PageNoTitle.With()).Tip(HintPageNoTitle.With())
		return nil, errs
	}
	pg.Front.Features.Accept = features
	dec.Decode(n, &pg.Front)
	errs = append(errs, dec.Errs...)
	f := &pg.Front
	if f.Title != "" && strings.IndexFunc(f.Title, func(r rune) bool { return !diag.Invisible(r) }) < 0 {
		l, c := pg.Pos("title")
		errs.At(p, l, c, PageTitleInvisible.With(diag.CodePoints(f.Title))).Tip(HintPageTitleInvisible.With())
	}
	if ctrl >= 0 {
		line, col, r := controlAt(pg.Body, ctrl-head)
		errs.At(p, pg.BodyLine+line-1, col, PageControl.With(diag.CodePoint(r))).Tip(HintPageControl.With())
	}
	if !f.Publish.IsZero() && !f.Unpublish.IsZero() && !f.Unpublish.After(f.Publish) {
		l, c := pg.Pos("unpublish")
		errs.At(p, l, c, PageUnpublishBeforePublish.With(swedish.ISODate(f.Unpublish), swedish.ISODate(f.Publish))).Tip(HintPageUnpublishBeforePublish.With())
	}
	if f.Menu != "" && f.Menu != "main" {
		l, c := pg.Pos("menu")
		errs.At(p, l, c, PageMenu.With(f.Menu)).Tip(HintPageMenu.With())
	}
	if f.Layout != "" && slug.Make(f.Layout) != f.Layout {
		l, c := pg.Pos("layout")
		errs.At(p, l, c, PageLayoutName.With(f.Layout)).Tip(HintPageLayoutName.With())
	}
	pg.aliasPos = itemPositions(&dec, n, "aliases")
	if f.Lang != "" {
		if m, hint := CheckLang(f.Lang); !m.IsZero() {
			l, c := pg.Pos("lang")
			errs.At(p, l, c, m).Tip(hint)
		}
	}
	for i, a := range f.Aliases {
		if why := PathProblem(a); !why.IsZero() {
			l, c := pg.AliasPos(i)
			errs.At(p, l, c, PageAlias.With(a, why)).Tip(HintPageAlias.With())
			continue
		}
		if !strings.HasSuffix(a, "/") && path.Ext(a) == "" {
			f.Aliases[i] = a + "/"
		}
	}
	return pg, errs
}

// itemPositions returns the positions of the items of the list under key
// in the mapping n.
func itemPositions(d *yamldoc.Decoder, n *yaml.Node, key string) []yamldoc.Pos {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value != key || n.Content[i+1].Kind != yaml.SequenceNode {
			continue
		}
		var pos []yamldoc.Pos
		for _, item := range n.Content[i+1].Content {
			pos = append(pos, d.At(item))
		}
		return pos
	}
	return nil
}

// PathProblem returns why p cannot be an old address of the site, or the
// empty message when it can. Old addresses are written into Netlify's _redirects, one rule a
// line with fields split at white space, so an address must be one plain
// path: it starts with /, and has no white space or control character
// (which would start a new field or rule), no * or :name (Netlify's
// wildcard and placeholder, which would catch other addresses), no ?, #,
// quotes, <, >, \ or "..".
func PathProblem(p string) msg.Message {
	if !strings.HasPrefix(p, "/") {
		return AliasNoSlash.With()
	}
	for _, r := range p {
		switch {
		case unicode.IsSpace(r):
			return AliasSpace.With()
		case unicode.IsControl(r) || r == utf8.RuneError || !unicode.IsPrint(r):
			return AliasControl.With()
		case r == '*':
			return AliasStar.With()
		case strings.ContainsRune("?#\"'<>\\!", r):
			return AliasChar.With(r)
		}
	}
	switch {
	case strings.Contains(p, ".."):
		return AliasDots.With()
	case strings.Contains(p, "/:"):
		return AliasColon.With()
	case strings.Contains(p, "//"):
		return AliasSlashes.With()
	}
	return msg.Message{}
}

func firstLine(data []byte) string {
	for _, l := range strings.Split(string(data), "\n") {
		if t := strings.TrimSpace(l); t != "" {
			return t
		}
	}
	return ""
}

// invalidUTF8 returns the line and column of the first byte that is not UTF-8.
func invalidUTF8(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col
}

// Tree links sections to their pages: each page's Parent is the nearest
// section page above it, and each section's Children are sorted by weight,
// then title, then address. The home page is the section of top-level pages.
func Tree(pages []*Page) {
	byURL := map[string]*Page{}
	for _, p := range pages {
		if p.Section {
			byURL[p.URL] = p
			p.Children = nil
		}
	}
	for _, p := range pages {
		p.Parent = nil
		if p.URL == "/" {
			continue
		}
		for u := parentURL(p.URL); ; u = parentURL(u) {
			if s, ok := byURL[u]; ok {
				p.Parent = s
				s.Children = append(s.Children, p)
				break
			}
			if u == "/" {
				break
			}
		}
	}
	for _, s := range byURL {
		Sort(s.Children)
	}
}

// Sort sorts pages by Less, stably, with the sort key of each title
// (swedish.Key) made once rather than in every comparison: a section of
// many pages costs a key per page, not a collation per comparison.
func Sort(pages []*Page) { SortBy(pages, nil) }

// SortBy sorts pages stably by first (negative when a comes before b, as
// in slices.SortFunc), then, where first returns 0 or is nil, by Less,
// with the title keys made once as in Sort (and kept with the pages, for
// the next sort: SortBy is not for pages being sorted at the same time).
func SortBy(pages []*Page, first func(a, b *Page) int) {
	type keyed struct {
		p   *Page
		key []byte
	}
	ks := make([]keyed, len(pages))
	for i, p := range pages {
		ks[i] = keyed{p, p.titleKey()}
	}
	slices.SortStableFunc(ks, func(x, y keyed) int {
		a, b := x.p, y.p
		if first != nil {
			if c := first(a, b); c != 0 {
				return c
			}
		}
		wa, wb := a.Front.Weight, b.Front.Weight
		if wa != wb {
			if wb == 0 {
				return -1 // 0, no weight, last
			}
			if wa == 0 {
				return 1
			}
			return cmp.Compare(wa, wb)
		}
		if a.Front.Title != b.Front.Title {
			if c := bytes.Compare(x.key, y.key); c != 0 {
				return c
			}
			return strings.Compare(a.Front.Title, b.Front.Title)
		}
		return strings.Compare(a.URL, b.URL)
	})
	for i, k := range ks {
		pages[i] = k.p
	}
}

// controlIn returns the line and column (1-based, in characters) of the
// first control character in body, other than tab and newline.
func controlIn(body []byte) (line, col int, r rune, ok bool) {
	if _, i := scanText(body, 0); i >= 0 {
		line, col, r = controlAt(body, i)
		return line, col, r, true
	}
	return 0, 0, 0, false
}

// controlAt returns the line and column (1-based, in characters) of the
// character at offset i of body, and the character.
func controlAt(body []byte, i int) (line, col int, r rune) {
	r, _ = utf8.DecodeRune(body[i:])
	start := bytes.LastIndexByte(body[:i], '\n') + 1
	return bytes.Count(body[:i], []byte("\n")) + 1, utf8.RuneCount(body[start:i]) + 1, r
}

// Less orders pages by weight, then title in Swedish alphabetical order
// (… X, Y, Z, Å, Ä, Ö), then address. A page without a weight (0) comes
// after the pages that have one, as in Hugo.
func Less(a, b *Page) bool {
	wa, wb := a.Front.Weight, b.Front.Weight
	if wa != wb {
		if wa == 0 || wb == 0 {
			return wb == 0
		}
		return wa < wb
	}
	if a.Front.Title != b.Front.Title {
		if c := swedish.Compare(a.Front.Title, b.Front.Title); c != 0 {
			return c < 0
		}
	}
	return a.URL < b.URL
}

func parentURL(u string) string {
	u = strings.TrimSuffix(u, "/")
	i := strings.LastIndexByte(u, '/')
	if i <= 0 {
		return "/"
	}
	return u[:i+1]
}
