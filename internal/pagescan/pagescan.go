// Package pagescan takes a published HTML page apart in one pass: what the
// content rules (package check) read of it and what the site search
// (package sitesearch) indexes of it. The build scans every page once,
// from the bytes it has just minified, while the page is rendered, and
// keeps the result with the page: nothing reads a written page back.
//
// # What a scan holds
//
// For the content rules, from the whole document: every id and how many
// elements have it, every address in an attribute (with the text of a
// link and the alt of an image), and every heading h1–h6 with its level,
// id and text (the alt of images in it included).
//
// For the site search, from <main> only: the text cut at the headings h2–h6
// into sections, each with its heading's level, id and text and the text
// under it, up to the next heading. The h1 (the page's title, which the
// search has from the front matter), scripts, styles and templates are
// left out. Words are separated by single spaces. Text is the whole text
// of <main> outside the headings, section by section.
package pagescan

import (
	"bytes"
	"html"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Page is what a scan finds in one page.
type Page struct {
	IDs      map[string]int // id → how many elements have it
	Refs     []Ref          // every address in an attribute, in document order
	Headings []Heading      // every h1–h6, in document order

	// Sections is the text of <main> cut at its headings h2–h6: the first
	// section is the text before the first heading (Level 0, no heading);
	// it is there even when empty.
	Sections []Section
}

// Ref is an address in an attribute of an element.
type Ref struct {
	Tag, Attr, URL string
	Rel            string  // <link rel>
	Name           string  // <a>: its aria-label, or its text and the alt of images in it
	Named          bool    // <a>: false when named by aria-labelledby
	Alt            *string // <img>: nil without an alt attribute
}

// Heading is a heading h1–h6 of the whole page.
type Heading struct {
	Level    int
	ID, Text string // Text holds the alt of images in it
}

// Section is a heading of <main> and the text under it.
type Section struct {
	Level   int    // 2–6; 0 for the text before the first heading
	ID      string // the heading's id, "" when it has none
	Heading string // the heading's text, single-spaced
	Text    string // the text under it up to the next heading, single-spaced
}

// SectionHeadings returns the texts of the sections' headings that are
// not empty.
func (p *Page) SectionHeadings() []string {
	var out []string
	for _, s := range p.Sections {
		if s.Heading != "" {
			out = append(out, s.Heading)
		}
	}
	return out
}

// Text returns the text of <main> outside its headings, single-spaced.
func (p *Page) Text() string {
	var b strings.Builder
	for _, s := range p.Sections {
		if s.Text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

// Scan takes the HTML page data apart. It does not write into data.
func Scan(data []byte) *Page { return (*Strings)(nil).Scan(data) }

// Strings keeps one copy of each address, name and id that the scans of
// one build find: the menu, the header and the footer repeat the same ones
// on every page, and a build keeps the scans of all its pages until the
// content rules have run. Its zero value is ready; it is safe for
// concurrent use.
type Strings struct {
	mu sync.Mutex
	m  map[string]string
}

// Scan is the package's Scan, with the strings it keeps shared through ss
// (nil shares none).
func (ss *Strings) Scan(data []byte) *Page { return ss.scan(data) }

func (ss *Strings) scan(data []byte) *Page {
	s := scanners.Get().(*scanner)
	*s = scanner{strs: ss, attrs: s.attrs[:0], atext: s.atext[:0], htext: s.htext[:0], heading: s.heading[:0], text: s.text[:0],
		page: &Page{Refs: s.refs[:0], Headings: s.headings[:0], Sections: s.sections[:0]}}
	s.run(data)
	p := s.page
	// The lists grew in the scanner's arrays, kept for the next page; the
	// page gets copies of their size.
	s.refs, s.headings, s.sections = p.Refs, p.Headings, p.Sections
	p.Refs, p.Headings, p.Sections = clone(p.Refs), clone(p.Headings), clone(p.Sections)
	clear(s.refs)
	clear(s.headings)
	clear(s.sections)
	s.page = nil
	scanners.Put(s)
	if ss != nil {
		ss.mu.Lock()
		if ss.m == nil {
			ss.m = map[string]string{}
		}
		for i := range p.Refs {
			r := &p.Refs[i]
			r.URL, r.Name, r.Rel = ss.get(r.URL), ss.get(r.Name), ss.get(r.Rel)
			if r.Alt != nil {
				*r.Alt = ss.get(*r.Alt)
			}
		}
		ids := make(map[string]int, len(p.IDs))
		for id, n := range p.IDs {
			ids[ss.get(id)] = n
		}
		p.IDs = ids
		for i := range p.Headings {
			h := &p.Headings[i]
			h.ID, h.Text = ss.get(h.ID), ss.get(h.Text)
		}
		ss.mu.Unlock()
	}
	return p
}

// get returns the kept copy of v; ss.mu is held.
func (ss *Strings) get(v string) string {
	if v == "" {
		return ""
	}
	if k, ok := ss.m[v]; ok {
		return k
	}
	ss.m[v] = v
	return v
}

// scanners keep the scanners' buffers from one page to the next.
var scanners = sync.Pool{New: func() any { return new(scanner) }}

// clone returns a copy of l of its length, nil for an empty l.
func clone[T any](l []T) []T {
	if len(l) == 0 {
		return nil
	}
	return slices.Clone(l)
}

// scanner is the state of one scan.
type scanner struct {
	page *Page
	strs *Strings

	// The arrays the page's lists grow in, from one page to the next.
	refs     []Ref
	headings []Heading
	sections []Section

	// For the content rules.
	tag      []byte
	attrs    [][2]string
	anchor   int  // the open <a> in Refs, -1 when none
	labelled bool // it has an aria-label
	atext    []byte
	head     *Heading
	htext    []byte

	// For the site search.
	inMain, skip int
	inHeading    bool
	opened       bool   // the open heading started a section
	heading      []byte // the open heading's text (search)
	text         []byte // the current section's text
}

func (s *scanner) get(k string) (string, bool) {
	for _, a := range s.attrs {
		if a[0] == k {
			return a[1], true
		}
	}
	return "", false
}

// startTag is the search's part of a start tag (s.tag).
func (s *scanner) startTag() {
	switch string(s.tag) {
	case "main":
		s.inMain++
	case "script", "style", "h1", "template":
		s.skip++
	case "h2", "h3", "h4", "h5", "h6":
		s.opened = s.inMain > 0 && s.skip == 0
		if s.opened {
			s.endSection()
			s.page.Sections = append(s.page.Sections, Section{Level: int(s.tag[1] - '0')})
		}
		s.inHeading = true
		s.heading = s.heading[:0]
	}
}

// closeStartTag is the rules' part of a start tag, once its attributes are
// read.
func (s *scanner) closeStartTag() {
	d := s.page
	id, hasID := s.get("id")
	if hasID && id != "" {
		d.IDs[id]++
	}
	switch string(s.tag) {
	case "a":
		if href, ok := s.get("href"); ok {
			r := Ref{Tag: "a", Attr: "href", URL: href, Named: true}
			r.Name, s.labelled = s.get("aria-label")
			if _, ok := s.get("aria-labelledby"); ok {
				r.Named = false
			}
			d.Refs = append(d.Refs, r)
			s.anchor = len(d.Refs) - 1
			s.atext = s.atext[:0]
		}
	case "img":
		src, _ := s.get("src")
		r := Ref{Tag: "img", Attr: "src", URL: src}
		if alt, ok := s.get("alt"); ok {
			r.Alt = &alt
			if s.anchor >= 0 {
				s.atext = space(appendWords(space(s.atext), []byte(alt)))
			}
			if s.head != nil {
				s.htext = space(appendWords(space(s.htext), []byte(alt)))
			}
		}
		d.Refs = append(d.Refs, r)
	case "h1", "h2", "h3", "h4", "h5", "h6":
		s.head = &Heading{Level: int(s.tag[1] - '0'), ID: id}
		s.htext = s.htext[:0]
		if s.opened && s.tag[1] != '1' {
			d.Sections[len(d.Sections)-1].ID = id
		}
	}
	for _, a := range s.attrs {
		k, v := a[0], a[1]
		if (string(s.tag) == "a" && k == "href") || (string(s.tag) == "img" && k == "src") {
			continue
		}
		if k == "href" || k == "src" || k == "action" || k == "poster" ||
			(strings.HasPrefix(k, "data-") && strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "//")) {
			r := Ref{Tag: tagName(s.tag), Attr: k, URL: v}
			r.Rel, _ = s.get("rel")
			d.Refs = append(d.Refs, r)
		}
	}
}

func (s *scanner) textToken(raw []byte) {
	search := s.inMain > 0 && s.skip == 0
	if s.anchor < 0 && s.head == nil && !search {
		return
	}
	t := raw
	if bytes.IndexByte(raw, '&') >= 0 {
		t = []byte(html.UnescapeString(string(raw)))
	}
	if s.anchor >= 0 {
		s.atext = appendWords(s.atext, t)
	}
	if s.head != nil {
		s.htext = appendWords(s.htext, t)
	}
	if search {
		if s.inHeading {
			s.heading = appendWords(s.heading, t)
		} else {
			s.text = appendWords(s.text, t)
		}
	}
}

func (s *scanner) endTag(t []byte) {
	d := s.page
	switch string(t) {
	case "a":
		if s.anchor >= 0 && !s.labelled {
			d.Refs[s.anchor].Name = words(s.atext)
		}
		s.anchor = -1
	case "h1", "h2", "h3", "h4", "h5", "h6":
		if s.head != nil {
			s.head.Text = words(s.htext)
			d.Headings = append(d.Headings, *s.head)
			s.head = nil
		}
	}
	switch string(t) {
	case "main":
		s.inMain--
	case "script", "style", "h1", "template":
		s.skip--
	case "h2", "h3", "h4", "h5", "h6":
		if s.inHeading && s.inMain > 0 {
			if h := words(s.heading); h != "" {
				if !s.opened {
					// A heading begun outside the text (in a template, say)
					// and ended in it: a section of its own all the same.
					s.endSection()
					d.Sections = append(d.Sections, Section{Level: int(t[1] - '0')})
				}
				d.Sections[len(d.Sections)-1].Heading = h
			}
		}
		s.inHeading, s.opened = false, false
	}
	s.text = space(s.text)
}

// endSection puts the text read so far into the last section.
func (s *scanner) endSection() {
	if t := words(s.text); t != "" {
		sec := &s.page.Sections[len(s.page.Sections)-1]
		if sec.Text == "" {
			sec.Text = t
		} else {
			sec.Text += " " + t
		}
	}
	s.text = s.text[:0]
}

// The texts a scan collects (a link's, a heading's, a section's) are kept
// single-spaced as they grow: appendWords adds text with every run of
// spaces (unicode.IsSpace, &nbsp; too) made one space and none at the
// start, space ends a word, and words returns the text without the space
// at its end. That is what strings.Join(strings.Fields(text), " ") gives,
// in one pass and one allocation.

// appendWords appends the words of t to dst (see above). Runs of bytes
// that are not spaces go in whole; a byte from 0x80 up is a space only
// when it starts the UTF-8 of one of the spaces of unicode.IsSpace above
// ASCII (see spaceAt): a byte within a character's UTF-8 never starts one.
func appendWords(dst, t []byte) []byte {
	for i := 0; i < len(t); {
		j := i
		for j < len(t) && wordByte[t[j]] {
			j++
		}
		dst = append(dst, t[i:j]...)
		if j == len(t) {
			break
		}
		if n := spaceAt(t[j:]); n > 0 {
			dst = space(dst)
			i = j + n
			continue
		}
		dst = append(dst, t[j]) // starts a character that is not a space
		i = j + 1
	}
	return dst
}

// spaceAt returns the length of the space that t starts with, 0 for none:
// an ASCII space, or the UTF-8 of U+0085, U+00A0, U+1680, U+2000–U+200A,
// U+2028, U+2029, U+202F, U+205F or U+3000.
func spaceAt(t []byte) int {
	switch c := t[0]; c {
	case '\t', '\n', '\v', '\f', '\r', ' ':
		return 1
	case 0xc2:
		if len(t) >= 2 && (t[1] == 0x85 || t[1] == 0xa0) {
			return 2
		}
	case 0xe1:
		if len(t) >= 3 && t[1] == 0x9a && t[2] == 0x80 {
			return 3
		}
	case 0xe2:
		if len(t) >= 3 && (t[1] == 0x80 && (0x80 <= t[2] && t[2] <= 0x8a || t[2] == 0xa8 || t[2] == 0xa9 || t[2] == 0xaf) || t[1] == 0x81 && t[2] == 0x9f) {
			return 3
		}
	case 0xe3:
		if len(t) >= 3 && t[1] == 0x80 && t[2] == 0x80 {
			return 3
		}
	}
	return 0
}

// wordByte holds the bytes that are neither an ASCII space nor the first
// byte of another space.
var wordByte = func() (w [256]bool) {
	for c := range w {
		w[c] = !(c < utf8.RuneSelf && asciiSpace[c]) && c != 0xc2 && c != 0xe1 && c != 0xe2 && c != 0xe3
	}
	return w
}()

// space ends the word at the end of dst, if there is one.
func space(dst []byte) []byte {
	if n := len(dst); n > 0 && dst[n-1] != ' ' {
		dst = append(dst, ' ')
	}
	return dst
}

// words returns the text of b, kept by appendWords, without its last space.
func words(b []byte) string {
	if n := len(b); n > 0 && b[n-1] == ' ' {
		b = b[:n-1]
	}
	return string(b)
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// tagName returns the tag t as a string: a constant for the tags that
// carry addresses in the site's pages.
func tagName(t []byte) string {
	switch string(t) {
	case "link":
		return "link"
	case "script":
		return "script"
	case "form":
		return "form"
	case "source":
		return "source"
	case "iframe":
		return "iframe"
	case "video":
		return "video"
	case "audio":
		return "audio"
	case "div":
		return "div"
	case "input":
		return "input"
	}
	return string(t)
}

// lower returns b with A–Z in lowercase (the lexer's names: other bytes
// stay as they are), b itself when it has no capital (names in the site's
// HTML are lowercase: no copy).
func lower(b []byte) []byte {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			l := append([]byte(nil), b...)
			for j := i; j < len(l); j++ {
				if c := l[j]; 'A' <= c && c <= 'Z' {
					l[j] = c + 'a' - 'A'
				}
			}
			return l
		}
	}
	return b
}

// wanted returns the name of an attribute named k that the scan keeps, ""
// for others: a constant, not a copy of k, for the names it knows.
func wanted(k []byte) string {
	switch string(k) {
	case "id":
		return "id"
	case "href":
		return "href"
	case "src":
		return "src"
	case "alt":
		return "alt"
	case "rel":
		return "rel"
	case "action":
		return "action"
	case "poster":
		return "poster"
	case "aria-label":
		return "aria-label"
	case "aria-labelledby":
		return "aria-labelledby"
	}
	if bytes.HasPrefix(k, []byte("data-")) {
		return string(k)
	}
	return ""
}

func unquote(b []byte) string {
	s := string(b)
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		s = s[1 : len(s)-1]
	}
	return html.UnescapeString(s)
}
