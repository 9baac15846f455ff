package check

import (
	"bytes"
	"html"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	lexer "github.com/tdewolff/parse/v2/html"

	"github.com/hbtq-diplomering/webbplats/internal/markdown"
)

// document is what the checker reads from a published HTML file.
type document struct {
	ids      map[string]int // id → how many elements have it
	refs     []ref          // every address, in document order
	headings []heading
	sorted   []string // the ids, sorted; made when needed
}

// ref is an address in an attribute of an element.
type ref struct {
	tag, attr, url string
	rel            string  // <link rel>
	name           string  // <a>: its aria-label, or its text and the alt of images in it
	named          bool    // <a>: false when named by aria-labelledby
	alt            *string // <img>: nil without an alt attribute
}

// loads reports whether the browser fetches the address on its own (as
// opposed to a link the visitor follows).
func (r ref) loads() bool {
	switch r.tag {
	case "img", "script", "iframe", "source", "audio", "video", "track", "embed", "input":
		return r.attr == "src" || r.attr == "poster"
	case "link":
		for _, w := range strings.Fields(strings.ToLower(r.rel)) {
			switch w {
			case "stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "apple-touch-icon":
				return true
			}
		}
	}
	return false
}

// key returns the linkKey of a link or an image, which the Markdown may
// have made.
func (r ref) key() (string, bool) {
	switch {
	case r.tag == "a" && r.attr == "href":
		return linkKey(r.url, r.name), true
	case r.tag == "img" && r.attr == "src" && r.alt != nil:
		return linkKey(r.url, *r.alt), true
	}
	return "", false
}

type heading struct {
	level    int
	id, text string
}

func (d *document) sortedIDs() []string {
	if d.sorted == nil {
		d.sorted = make([]string, 0, len(d.ids))
		for id := range d.ids {
			d.sorted = append(d.sorted, id)
		}
		sort.Strings(d.sorted)
	}
	return d.sorted
}

// doc reads and scans a published HTML file once; nil for other files.
func (c *checker) doc(file string) *document {
	if d, ok := c.docs[file]; ok {
		return d
	}
	d := readDoc(c.out, file)
	c.docs[file] = d
	return d
}

// readDoc reads and scans a published HTML file; nil for other files.
// It may be called from any goroutine.
func readDoc(out fs.FS, file string) *document {
	if !strings.HasSuffix(file, ".html") {
		return nil
	}
	data, err := fs.ReadFile(out, file)
	if err != nil {
		return nil
	}
	return scan(data)
}

// scan reads the ids, addresses and headings of an HTML document. It runs
// over every page of every build, so it keeps only what the rules need: the
// attributes they read, and text only inside links and headings.
func scan(data []byte) *document {
	d := &document{ids: map[string]int{}}
	l := lexer.NewLexer(parse.NewInputBytes(data))
	var (
		tag      []byte
		attrs    [][2]string
		anchor   = -1 // the open <a> in d.refs
		labelled bool // it has an aria-label
		atext    strings.Builder
		head     *heading
		htext    strings.Builder
	)
	get := func(k string) (string, bool) {
		for _, a := range attrs {
			if a[0] == k {
				return a[1], true
			}
		}
		return "", false
	}
	for {
		tt, _ := l.Next()
		switch tt {
		case lexer.ErrorToken:
			return d
		case lexer.StartTagToken:
			tag, attrs = lower(l.Text()), attrs[:0]
		case lexer.AttributeToken:
			if k := lower(l.AttrKey()); wanted(k) {
				attrs = append(attrs, [2]string{string(k), unquote(l.AttrVal())})
			}
		case lexer.StartTagCloseToken, lexer.StartTagVoidToken:
			if id, ok := get("id"); ok && id != "" {
				d.ids[id]++
			}
			switch string(tag) {
			case "a":
				if href, ok := get("href"); ok {
					r := ref{tag: "a", attr: "href", url: href, named: true}
					r.name, labelled = get("aria-label")
					if _, ok := get("aria-labelledby"); ok {
						r.named = false
					}
					d.refs = append(d.refs, r)
					anchor = len(d.refs) - 1
					atext.Reset()
				}
			case "img":
				src, _ := get("src")
				r := ref{tag: "img", attr: "src", url: src}
				if alt, ok := get("alt"); ok {
					r.alt = &alt
					if anchor >= 0 {
						atext.WriteString(" " + alt + " ")
					}
					if head != nil {
						htext.WriteString(" " + alt + " ")
					}
				}
				d.refs = append(d.refs, r)
			case "h1", "h2", "h3", "h4", "h5", "h6":
				id, _ := get("id")
				head = &heading{level: int(tag[1] - '0'), id: id}
				htext.Reset()
			}
			for _, a := range attrs {
				k, v := a[0], a[1]
				if (string(tag) == "a" && k == "href") || (string(tag) == "img" && k == "src") {
					continue
				}
				if k == "href" || k == "src" || k == "action" || k == "poster" ||
					(strings.HasPrefix(k, "data-") && strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "//")) {
					r := ref{tag: string(tag), attr: k, url: v}
					r.rel, _ = get("rel")
					d.refs = append(d.refs, r)
				}
			}
		case lexer.TextToken:
			if anchor < 0 && head == nil {
				continue
			}
			t := html.UnescapeString(string(l.Text()))
			if anchor >= 0 {
				atext.WriteString(t)
			}
			if head != nil {
				htext.WriteString(t)
			}
		case lexer.EndTagToken:
			switch t := lower(l.Text()); string(t) {
			case "a":
				if anchor >= 0 && !labelled {
					d.refs[anchor].name = strings.Join(strings.Fields(atext.String()), " ")
				}
				anchor = -1
			case "h1", "h2", "h3", "h4", "h5", "h6":
				if head != nil {
					head.text = strings.Join(strings.Fields(htext.String()), " ")
					d.headings = append(d.headings, *head)
					head = nil
				}
			}
		}
	}
}

// lower returns b in lowercase, b itself when it has no capital (names in
// the site's HTML are lowercase: no copy).
func lower(b []byte) []byte {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			return bytes.ToLower(b)
		}
	}
	return b
}

// wanted reports whether scan keeps an attribute named k.
func wanted(k []byte) bool {
	switch string(k) {
	case "id", "href", "src", "alt", "rel", "action", "poster", "aria-label", "aria-labelledby":
		return true
	}
	return bytes.HasPrefix(k, []byte("data-"))
}

func unquote(b []byte) string {
	s := string(b)
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		s = s[1 : len(s)-1]
	}
	return html.UnescapeString(s)
}

// html checks what is in a page's HTML but not in its Markdown: the
// addresses, images, link texts and headings the layouts add, and ids.
func (c *checker) html(p *Page) {
	d := c.doc(p.File)
	if d == nil {
		return
	}
	mdh := mdHeadings(p)
	c.ids(p, d, mdh)
	c.outline(p, d, mdh)
	md := mdLinks(p)
	for _, r := range d.refs {
		if k, ok := r.key(); ok && md[k] > 0 {
			md[k]-- // checked at its Markdown line
			continue
		}
		o := origin{page: p, value: r.url}
		switch {
		case r.tag == "a" && r.attr == "href":
			o.text = r.name
			c.link(p, o, r.url, r.name, r.named)
		case r.tag == "img" && r.attr == "src":
			c.image(p, o, r.url, r.url, r.alt, false)
		default:
			c.resource(p, o, r)
		}
	}
	// Only the ids are needed again, for links to this page.
	d.refs, d.headings = nil, nil
}

// ids reports ids used more than once in a page.
func (c *checker) ids(p *Page, d *document, mdh map[string]markdown.Heading) {
	for _, id := range d.sortedIDs() {
		n := d.ids[id]
		if n < 2 {
			continue
		}
		if h, ok := mdh[id]; ok {
			c.add(atMarkdown(p, h.Line, h.Col), CheckHeadingID.With(h.Text, id), HintHeadingID.With(id))
			continue
		}
		c.add(origin{page: p, value: id}, CheckIDTwice.With(id, n), HintIDTwice.With())
	}
}

// outline reports headings added by layouts that skip a level. Headings
// from the Markdown are checked at their lines (see headings).
func (c *checker) outline(p *Page, d *document, mdh map[string]markdown.Heading) {
	var prev *heading
	for i := range d.headings {
		h := &d.headings[i]
		if _, ok := mdh[h.id]; ok && h.id != "" {
			prev = h
			continue
		}
		if prev != nil && h.level > prev.level+1 {
			c.add(origin{page: p, text: h.text}, CheckLayoutHeadingSkip.With(h.text, h.level, prev.level),
				HintLayoutHeadingSkip.With(prev.level+1, prev.level+1))
		}
		prev = h
	}
}

// source is a file of the site root where an address or a text found in
// the HTML may be written literally.
type source struct {
	path   string
	data   string
	layout bool
}

// sources reads the layouts, the registries and other YAML under content/,
// and site.yaml.
func sources(root fs.FS) []source {
	var out []source
	for _, dir := range []string{"layouts", "content"} {
		fs.WalkDir(root, dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return nil
			}
			layout := dir == "layouts" && path.Ext(p) == ".html"
			if x := path.Ext(p); layout || (dir == "content" && (x == ".yaml" || x == ".yml")) {
				if b, err := fs.ReadFile(root, p); err == nil {
					out = append(out, source{p, string(b), layout})
				}
			}
			return nil
		})
	}
	if b, err := fs.ReadFile(root, "site.yaml"); err == nil {
		out = append(out, source{"site.yaml", string(b), false})
	}
	return out
}

// locate finds where something seen in page p's HTML is written: the
// attribute value o.value or the element text o.text in a layout (the
// page's own layout first), or o.value in a registry or settings file (the
// page's source first).
func (c *checker) locate(p *Page, o origin) (string, int, int, bool) {
	var pats []string
	if o.value != "" {
		pats = append(pats, `"`+o.value+`"`)
	}
	if o.text != "" {
		pats = append(pats, ">"+o.text+"<")
	}
	order := func(own string, layout bool) []source {
		var first, rest []source
		for _, s := range c.srcs() {
			switch {
			case s.layout != layout:
			case s.path == own:
				first = append(first, s)
			default:
				rest = append(rest, s)
			}
		}
		return append(first, rest...)
	}
	for _, s := range order(p.Layout, true) {
		for _, pat := range pats {
			if i := strings.Index(s.data, pat); i >= 0 {
				line, col := position(s.data, i+1)
				return s.path, line, col, true
			}
		}
	}
	if o.value == "" {
		return "", 0, 0, false
	}
	vals := []string{o.value}
	if i := strings.IndexByte(o.value, ':'); i > 0 && (strings.HasPrefix(o.value, "mailto:") || strings.HasPrefix(o.value, "tel:")) {
		vals = append(vals, o.value[i+1:])
	}
	for _, s := range order(p.Path, false) {
		for _, v := range vals {
			for _, pre := range []string{" ", `"`, "'"} {
				if i := strings.Index(s.data, pre+v); i >= 0 {
					line, col := position(s.data, i+1)
					return s.path, line, col, true
				}
			}
		}
	}
	return "", 0, 0, false
}

// position returns the 1-based line and column (in characters) of byte
// offset i in s.
func position(s string, i int) (int, int) {
	line := strings.Count(s[:i], "\n") + 1
	start := strings.LastIndexByte(s[:i], '\n') + 1
	return line, utf8.RuneCountInString(s[start:i]) + 1
}
