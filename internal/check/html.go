package check

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hbtq-diplomering/webbplats/internal/markdown"
	"github.com/hbtq-diplomering/webbplats/internal/pagescan"
)

// document is a published HTML page as the rules read it: taken apart by
// package pagescan, once, when the build wrote it.
type document = pagescan.Page

// ref is an address in an attribute of an element.
type ref = pagescan.Ref

// loads reports whether the browser fetches the address r on its own (as
// opposed to a link the visitor follows).
func loads(r ref) bool {
	switch r.Tag {
	case "img", "script", "iframe", "source", "audio", "video", "track", "embed", "input":
		return r.Attr == "src" || r.Attr == "poster"
	case "link":
		for _, w := range strings.Fields(strings.ToLower(r.Rel)) {
			switch w {
			case "stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "apple-touch-icon":
				return true
			}
		}
	}
	return false
}

// refKey returns the linkKey of a link or an image, which the Markdown may
// have made.
func refKey(r *ref) (linkKey, bool) {
	switch {
	case r.Tag == "a" && r.Attr == "href":
		return keyOf(r.URL, r.Name), true
	case r.Tag == "img" && r.Attr == "src" && r.Alt != nil:
		return keyOf(r.URL, *r.Alt), true
	}
	return linkKey{}, false
}

// DropMarkdownRefs takes out of the refs of a page's scan sc those the
// rules check at the lines of its Markdown (the links and images of res,
// matched by address and text in document order as the HTML check matches
// them), for a build that keeps the scan until it runs the rules: the page
// is then checked with OwnRefs set.
func DropMarkdownRefs(sc *pagescan.Page, res markdown.Result) {
	if len(res.Links) == 0 {
		return
	}
	md := make(map[linkKey]int, len(res.Links))
	for _, l := range res.Links {
		md[keyOf(l.Dest, l.Text)]++
	}
	own := make([]*pagescan.Ref, 0, len(sc.Refs))
	for _, r := range sc.Refs {
		if k, ok := refKey(r); ok && md[k] > 0 {
			md[k]--
			continue
		}
		own = append(own, r)
	}
	sc.Refs = own
}

// doc returns a published HTML file taken apart: from Site.Scans, or read
// and scanned once; nil for other files.
func (c *checker) doc(file string) *document {
	if sc := c.r.Scans[file]; sc != nil {
		return sc
	}
	if d, ok := c.docs[file]; ok {
		return d
	}
	d := readDoc(c.out, file)
	c.docs[file] = d
	return d
}

// readDoc reads and scans a published HTML file; nil for other files.
func readDoc(out fs.FS, file string) *document {
	if !strings.HasSuffix(file, ".html") {
		return nil
	}
	data, err := fs.ReadFile(out, file)
	if err != nil {
		return nil
	}
	return pagescan.Scan(data)
}

// html checks what is in a page's HTML but not in its Markdown: the
// addresses, images, link texts and headings the layouts add, and ids.
func (c *checker) html(p *Page) {
	d := c.doc(p.File)
	if d == nil {
		return
	}
	mdh := c.mdHeadings(p)
	c.ids(p, d, mdh)
	c.outline(p, d, mdh)
	var md map[linkKey]int
	if !p.OwnRefs {
		md = c.mdLinks(p)
	}
	for _, r := range d.Refs {
		if len(md) > 0 {
			if k, ok := refKey(r); ok && md[k] > 0 {
				md[k]-- // checked at its Markdown line
				continue
			}
		}
		c.ref(p, r)
	}
}

// ref checks the address r in page p's HTML, or passes it as the same
// address was passed on an earlier page (see passed). Only an address
// that is not resolved against the page's (see pageFree) is kept, and
// not one with the page's address in it (/om/pris/ on /om/pris/, its
// canonical https://…/om/pris/, a unit's badge): no other page has it.
func (c *checker) ref(p *Page, r *ref) {
	var k passKey
	memo := c.passed != nil && pageFree(r.URL) && (len(p.URL) <= 1 || !strings.Contains(r.URL, p.URL))
	if memo {
		k = passKeyOf(r)
		if deps, ok := c.passed[k]; ok {
			c.sum.Links++
			if c.asking {
				c.deps = append(c.deps, deps...)
			}
			return
		}
	}
	errs, spread, deps, asking := len(c.res.errs), len(c.res.spread), len(c.deps), c.asking
	c.asking = true // the look-ups are kept with a pass
	o := origin{page: p, value: r.URL}
	switch {
	case r.Tag == "a" && r.Attr == "href":
		o.text = r.Name
		c.link(p, o, r.URL, r.Name, r.Named)
	case r.Tag == "img" && r.Attr == "src":
		c.image(p, o, r.URL, r.URL, r.Alt, false)
	default:
		c.resource(p, o, *r)
	}
	c.asking = asking
	if memo && len(c.res.errs) == errs && len(c.res.spread) == spread && len(c.passed) < keepPassed {
		c.passed[k] = slices.Clone(c.deps[deps:])
	}
	if !asking {
		c.deps = c.deps[:deps]
	}
}

// passKey is what checking an address in a page's HTML that is not
// resolved against the page's (see pageFree) depends on (see passed):
// the element's address and what the rules read of it.
type passKey struct {
	tag, attr, url, rel, name, alt string
	named, hasAlt                  bool
}

// passKeyOf returns the passKey of r.
func passKeyOf(r *ref) passKey {
	k := passKey{tag: r.Tag, attr: r.Attr, url: r.URL, rel: r.Rel, name: r.Name, named: r.Named}
	if r.Alt != nil {
		k.alt, k.hasAlt = *r.Alt, true
	}
	return k
}

// pageFree reports whether checking the address s gives the same answer
// on every page: an absolute path (/om/pris/), or an address with one of
// the schemes the rules read (http:, https:, mailto:, tel:), none of
// which is resolved against the page's address.
func pageFree(s string) bool {
	if strings.HasPrefix(s, "/") {
		return !strings.HasPrefix(s, "//")
	}
	return hasPrefixASCII(s, "https://") || hasPrefixASCII(s, "http://") || hasPrefixASCII(s, "mailto:") || hasPrefixASCII(s, "tel:")
}

// ids reports ids used more than once in a page.
func (c *checker) ids(p *Page, d *document, mdh map[string]markdown.Heading) {
	for _, r := range d.Repeated {
		id, n := r.ID, r.N
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
	var prev *pagescan.Heading
	for _, h := range d.Headings {
		if _, ok := mdh[h.ID]; ok && h.ID != "" {
			prev = h
			continue
		}
		if prev != nil && h.Level > prev.Level+1 {
			c.add(origin{page: p, text: h.Text}, CheckLayoutHeadingSkip.With(h.Text, h.Level, prev.Level),
				HintLayoutHeadingSkip.With(prev.Level+1, prev.Level+1))
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
