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
//
// # What a build keeps
//
// A build keeps the scans of all its pages until the content rules have
// run, so a scan is small: the links, images, headings and ids that pages
// have alike (the header, the menu and the footer are on every page) are
// one record or string that their scans point to (see Strings), and a
// page's scan is lists of pointers to them.
//
// # What a scan reads once
//
// Outside <main>, the bytes a page has as the last page scanned had them
// (from one clean place, where a tag has ended and nothing is open, to
// another) give what they gave on that page: the scanner takes that
// instead of reading them again (replay.go). The scan is the same as the
// page's alone; TestReplaySameAsAlone and FuzzReplay hold it to that.
package pagescan

import (
	"bytes"
	"encoding/binary"
	"html"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// Page is what a scan finds in one page. The pages a build scans share
// what they have alike (see Strings): a Page, and the records and strings
// it points to, are only read.
type Page struct {
	IDs      []string   // every id that an element has, sorted, each once
	Repeated []IDCount  // the ids that more than one element has, sorted
	Refs     []*Ref     // every address in an attribute, in document order
	Headings []*Heading // every h1–h6, in document order

	// Sections is the text of <main> cut at its headings h2–h6: the first
	// section is the text before the first heading (Level 0, no heading);
	// it is there even when empty.
	Sections []Section
}

// IDCount is an id and how many elements have it.
type IDCount struct {
	ID string
	N  int
}

// HasID reports whether an element of the page has the id.
func (p *Page) HasID(id string) bool {
	_, ok := slices.BinarySearch(p.IDs, id)
	return ok
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

// section is a Section while its page is scanned: where its heading's
// text and its text are in the scanner's texts.
type section struct {
	level         int
	id            string
	heading, text span
}

// span is a piece of a scanner's texts, from start up to end.
type span struct{ start, end int }

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

// Scan takes the HTML page data apart. It does not write into data. The
// pages it scans share what they have alike, as those of one Strings do.
func Scan(data []byte) *Page { return shared.Scan(data) }

var shared Strings

// Strings keeps what the pages that its scans take apart have alike, once:
// the header, the menu and the footer hold the same links, ids and
// headings on every page, and a build keeps the scans of all its pages
// until the content rules have run. A page's scan holds pointers to
// records (Ref, Heading) and strings that the pages share. Each scanner
// (one per page scanned at a time) looks for what it finds outside <main>
// first among what the last page it scanned had, around the same place
// (see last), then in a table of two generations of up to tableSize
// entries each of what it made or found in the last pages, so what every
// page has stays in it and what one page has leaves it. What is in <main>
// is the page's own, mostly: it is not looked up (a map probe that misses
// costs more than the few bytes it would save). Its zero value is ready;
// it is safe for concurrent use.
type Strings struct {
	mu   sync.Mutex
	free []*scanner // the scanners not scanning, with their tables
}

// Scan is the package's Scan, with what the pages have alike shared
// through ss (nil: the package's own Strings).
func (ss *Strings) Scan(data []byte) *Page { return ss.ScanMarkdown(data, nil) }

// ScanMarkdown is Scan for a page with a Markdown body; markdown reports
// the ids of the headings the Markdown made (nil: none). Of a heading with
// one of those ids the scan keeps the level and the id, not the text: the
// content rules check those headings at their Markdown lines and read the
// text only of the headings that layouts add.
func (ss *Strings) ScanMarkdown(data []byte, markdown func(id string) bool) *Page {
	return ss.scan(data, markdown, nil)
}

// ScanMarkdownRead is ScanMarkdown for a build that reads the text of
// <main> once: it calls read with the page, and returns the page without
// its Sections. While read runs, the strings of the Sections are the
// scanner's bytes, not a copy (the text of a page is read once and not
// kept: what reads it keeps none of those strings); after read returns,
// the scanner writes the next page's text over them.
func (ss *Strings) ScanMarkdownRead(data []byte, markdown func(id string) bool, read func(*Page)) *Page {
	return ss.scan(data, markdown, read)
}

func (ss *Strings) scan(data []byte, markdown func(id string) bool, read func(*Page)) *Page {
	if ss == nil {
		ss = &shared
	}
	ss.mu.Lock()
	var s *scanner
	if n := len(ss.free); n > 0 {
		s, ss.free = ss.free[n-1], ss.free[:n-1]
	} else {
		s = new(scanner)
	}
	ss.mu.Unlock()
	s.markdown = markdown
	p := s.scan(data, read != nil)
	s.markdown = nil
	if read != nil {
		read(p)
		p.Sections = nil
	}
	ss.mu.Lock()
	ss.free = append(ss.free, s)
	ss.mu.Unlock()
	return p
}

// scan takes data apart; the lists grow in the scanner's arrays, kept for
// the next page, and the page gets copies of their size. The texts of the
// sections are one string, the scanner's bytes themselves when borrow is
// set (see ScanMarkdownRead).
func (s *scanner) scan(data []byte, borrow bool) *Page {
	s.refs, s.headings, s.ownHeads, s.ids, s.sections = s.refs[:0], s.headings[:0], s.ownHeads[:0], s.ids[:0], s.sections[:0]
	s.dropped, s.mains = s.dropped[:0], 0
	s.attrs, s.atext, s.htext, s.heading, s.text = s.attrs[:0], s.atext[:0], s.htext[:0], s.heading[:0], s.text[:0]
	if cap(s.texts) > keepPage {
		s.texts = nil // the search page's list A–Ö: not kept for every later page
	}
	s.texts = s.texts[:0]
	s.anchor, s.labelled, s.inHead = -1, false, false
	s.inMain, s.skip, s.inHeading, s.opened = 0, 0, false, false
	s.run(data)
	p := &Page{Sections: s.sectionsOf(borrow)}
	clear(s.sections)
	if len(s.refs) > 0 {
		p.Refs = make([]*Ref, len(s.refs))
		for i := range s.refs {
			p.Refs[i] = s.ref(&s.refs[i])
		}
	}
	if len(s.headings) > 0 {
		p.Headings = make([]*Heading, len(s.headings))
		n := 0
		for _, o := range s.ownHeads[:len(s.headings)] {
			if o {
				n++
			}
		}
		own := make([]Heading, 0, n) // the page's own headings, in one array (never grown: the pointers stay)
		for i, h := range s.headings {
			if s.ownHeads[i] {
				own = append(own, h)
				p.Headings[i] = &own[len(own)-1]
			} else {
				p.Headings[i] = s.headingOf(h)
			}
		}
	}
	s.lastStrs.next()
	s.lastRefs.next()
	s.lastHeads.next()
	if len(s.ids) > 0 {
		sorted := append(s.sorted[:0], s.ids...) // s.ids stays in document order, for the next page
		slices.Sort(sorted)
		ids := slices.Compact(slices.Clone(sorted))
		p.IDs = slices.Clip(ids)
		for i := 0; i < len(sorted); {
			j := i + 1
			for j < len(sorted) && sorted[j] == sorted[i] {
				j++
			}
			if j-i > 1 {
				p.Repeated = append(p.Repeated, IDCount{sorted[i], j - i})
			}
			i = j
		}
		clear(sorted)
		s.sorted = sorted[:0]
	}
	s.keepForNext(data)
	return p
}

// sectionsOf returns the page's sections, their texts in one string (see
// scan).
func (s *scanner) sectionsOf(borrow bool) []Section {
	if len(s.sections) == 0 {
		return nil
	}
	var all string
	if borrow {
		all = unsafe.String(unsafe.SliceData(s.texts), len(s.texts))
	} else {
		all = string(s.texts)
	}
	out := make([]Section, len(s.sections))
	for i, sec := range s.sections {
		out[i] = Section{Level: sec.level, ID: sec.id, Heading: all[sec.heading.start:sec.heading.end], Text: all[sec.text.start:sec.text.end]}
	}
	return out
}

// tableSize is how many entries a generation of a scanner's tables holds.
const tableSize = 1024

// table is a scanner's table of what the pages have alike, of two
// generations: a key looked up in the old one moves into the new one;
// when the new one is full, it becomes the old one.
type table[K comparable, V any] struct{ cur, old map[K]V }

// intern returns the value kept for k, or keeps and returns make().
func (t *table[K, V]) intern(k K, make func() V) V {
	if v, ok := t.cur[k]; ok {
		return v
	}
	v, ok := t.old[k]
	if !ok {
		v = make()
	}
	t.put(k, v)
	return v
}

func (t *table[K, V]) put(k K, v V) {
	if t.cur == nil {
		t.cur, t.old = map[K]V{}, map[K]V{}
	}
	if len(t.cur) >= tableSize {
		clear(t.old)
		t.cur, t.old = t.old, t.cur
	}
	t.cur[k] = v
}

// str returns the string b, the one kept when there is one.
func (s *scanner) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if s.inMain > 0 {
		return string(b) // the page's own, mostly
	}
	if v, ok := s.lastStrs.find(func(v string) bool { return v == string(b) }); ok {
		return v
	}
	v, ok := s.strs.cur[string(b)] // no copy of b to look it up
	if !ok {
		if v, ok = s.strs.old[string(b)]; !ok {
			v = string(b)
		}
		s.strs.put(v, v)
	}
	s.lastStrs.keep(v)
	return v
}

// window is how far from where it is expected a scanner looks for a
// string or record of the last page (see last).
const window = 8

// last is what the last page had, in document order: a page has the same
// header as the last one, and the same footer a few places further on or
// back, so a scanner looks there first, around where the next one is
// expected, and the tables (see table) are left for what is new.
type last[T any] struct {
	last, cur []T
	at        int // where in last the next one is expected
}

// find returns the one of last that eq holds for, and keeps it for the
// next page.
func (l *last[T]) find(eq func(T) bool) (T, bool) {
	if l.at < len(l.last) && eq(l.last[l.at]) {
		v := l.last[l.at]
		l.at++
		l.cur = append(l.cur, v)
		return v, true
	}
	for j := max(l.at-window, 0); j < min(l.at+window, len(l.last)); j++ {
		if eq(l.last[j]) {
			v := l.last[j]
			l.at = j + 1
			l.cur = append(l.cur, v)
			return v, true
		}
	}
	var none T
	return none, false
}

// keep keeps v, not found by find, for the next page.
func (l *last[T]) keep(v T) { l.cur = append(l.cur, v) }

// next ends a page.
func (l *last[T]) next() {
	clear(l.last)
	l.last, l.cur, l.at = l.cur, l.last[:0], 0
}

// refKey is what a Ref is kept by, and a Ref while its page is scanned.
type refKey struct {
	tag, attr, url, rel, name, alt string
	named, hasAlt                  bool
	own                            bool // in <main>: the page's own, mostly, not kept
}

// ref returns the kept Ref that k is.
func (s *scanner) ref(k *refKey) *Ref {
	if k.own {
		return k.make()
	}
	if r, ok := s.lastRefs.find(func(r *Ref) bool { return k.is(r) }); ok {
		return r
	}
	r := s.records.intern(*k, k.make)
	s.lastRefs.keep(r)
	return r
}

// make returns a new Ref that k is.
func (k *refKey) make() *Ref {
	r := &Ref{Tag: k.tag, Attr: k.attr, URL: k.url, Rel: k.rel, Name: k.name, Named: k.named}
	if k.hasAlt {
		alt := k.alt
		r.Alt = &alt
	}
	return r
}

// is reports whether r is what k is.
func (k *refKey) is(r *Ref) bool {
	return k.url == r.URL && k.name == r.Name && k.tag == r.Tag && k.attr == r.Attr && k.rel == r.Rel &&
		k.named == r.Named && k.hasAlt == (r.Alt != nil) && (!k.hasAlt || k.alt == *r.Alt)
}

// headingOf returns the kept Heading that h is.
func (s *scanner) headingOf(h Heading) *Heading {
	if r, ok := s.lastHeads.find(func(r *Heading) bool { return *r == h }); ok {
		return r
	}
	r := s.heads.intern(h, func() *Heading { return &h })
	s.lastHeads.keep(r)
	return r
}

// scanner is the state of one scan, and the tables of its scans.
type scanner struct {
	// The arrays the page's lists grow in, from one page to the next.
	refs     []refKey
	headings []Heading
	ids      []string
	sections []section
	texts    []byte   // the sections' headings and texts, one after the other
	sorted   []string // the ids sorted

	// What the last page had, for replay: its bytes, its marks, and its
	// lists in document order (what refs, ids, headings and dropped were).
	prev        []byte
	marks       []mark // this page's, as it is scanned
	prevMarks   []mark
	markAt      int // the mark of prevMarks expected next
	prevRefs    []refKey
	prevIDs     []string
	prevHeads   []Heading
	dropped     []bool // which of headings the scan keeps no text of (ScanMarkdown)
	prevDropped []bool
	mains       int // how many <main> start tags the page had so far

	// What the pages have alike (see Strings).
	strs    table[string, string]
	records table[refKey, *Ref]
	heads   table[Heading, *Heading]
	// What the last page had (see last).
	lastStrs  last[string]
	lastRefs  last[*Ref]
	lastHeads last[*Heading]

	// For the content rules.
	markdown func(id string) bool // see ScanMarkdown
	tag      []byte
	attrs    [][2]string
	anchor   int  // the open <a> in refs, -1 when none
	labelled bool // it has an aria-label
	atext    []byte
	head     Heading // the open heading, when inHead
	inHead   bool
	ownHead  bool   // it is in <main>
	ownHeads []bool // which of headings are in <main>
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
		s.mains++
	case "script", "style", "h1", "template":
		s.skip++
	case "h2", "h3", "h4", "h5", "h6":
		s.opened = s.inMain > 0 && s.skip == 0
		if s.opened {
			s.endSection()
			s.sections = append(s.sections, section{level: int(s.tag[1] - '0')})
		}
		s.inHeading = true
		s.heading = s.heading[:0]
	}
}

// closeStartTag is the rules' part of a start tag, once its attributes are
// read.
func (s *scanner) closeStartTag() {
	id, hasID := s.get("id")
	if hasID && id != "" {
		s.ids = append(s.ids, id)
	}
	switch string(s.tag) {
	case "a":
		if href, ok := s.get("href"); ok {
			r := refKey{tag: "a", attr: "href", url: href, named: true, own: s.inMain > 0}
			r.name, s.labelled = s.get("aria-label")
			if _, ok := s.get("aria-labelledby"); ok {
				r.named = false
			}
			s.refs = append(s.refs, r)
			s.anchor = len(s.refs) - 1
			s.atext = s.atext[:0]
		}
	case "img":
		src, _ := s.get("src")
		r := refKey{tag: "img", attr: "src", url: src, own: s.inMain > 0}
		if alt, ok := s.get("alt"); ok {
			r.alt, r.hasAlt = alt, true
			if s.anchor >= 0 {
				s.atext = space(appendWords(space(s.atext), []byte(alt)))
			}
			if s.inHead {
				s.htext = space(appendWords(space(s.htext), []byte(alt)))
			}
		}
		s.refs = append(s.refs, r)
	case "h1", "h2", "h3", "h4", "h5", "h6":
		s.head, s.inHead, s.ownHead = Heading{Level: int(s.tag[1] - '0'), ID: id}, true, s.inMain > 0
		s.htext = s.htext[:0]
		if s.opened && s.tag[1] != '1' {
			s.sections[len(s.sections)-1].id = id
		}
	}
	for _, a := range s.attrs {
		k, v := a[0], a[1]
		if (string(s.tag) == "a" && k == "href") || (string(s.tag) == "img" && k == "src") {
			continue
		}
		if k == "href" || k == "src" || k == "action" || k == "poster" ||
			(strings.HasPrefix(k, "data-") && strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "//")) {
			r := refKey{tag: tagName(s.tag), attr: k, url: v, own: s.inMain > 0}
			r.rel, _ = s.get("rel")
			s.refs = append(s.refs, r)
		}
	}
}

func (s *scanner) textToken(raw []byte) {
	search := s.inMain > 0 && s.skip == 0
	if s.anchor < 0 && !s.inHead && !search {
		return
	}
	t := raw
	if bytes.IndexByte(raw, '&') >= 0 {
		t = []byte(html.UnescapeString(string(raw)))
	}
	if s.anchor >= 0 {
		s.atext = appendWords(s.atext, t)
	}
	if s.inHead {
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
	switch string(t) {
	case "a":
		if s.anchor >= 0 && !s.labelled {
			s.refs[s.anchor].name = s.str(trimSpace(s.atext))
		}
		s.anchor = -1
	case "h1", "h2", "h3", "h4", "h5", "h6":
		if s.inHead {
			dropped := s.head.ID != "" && s.markdown != nil && s.markdown(s.head.ID)
			if !dropped {
				s.head.Text = s.str(trimSpace(s.htext))
			}
			s.headings = append(s.headings, s.head)
			s.dropped = append(s.dropped, dropped)
			s.ownHeads = append(s.ownHeads, s.ownHead)
			s.inHead = false
		}
	}
	switch string(t) {
	case "main":
		s.inMain--
	case "script", "style", "h1", "template":
		s.skip--
	case "h2", "h3", "h4", "h5", "h6":
		if s.inHeading && s.inMain > 0 {
			if h := trimSpace(s.heading); len(h) > 0 {
				if !s.opened {
					// A heading begun outside the text (in a template, say)
					// and ended in it: a section of its own all the same.
					s.endSection()
					s.sections = append(s.sections, section{level: int(t[1] - '0')})
				}
				start := len(s.texts)
				s.texts = append(s.texts, h...)
				s.sections[len(s.sections)-1].heading = span{start, len(s.texts)}
			}
		}
		s.inHeading, s.opened = false, false
	}
	s.text = space(s.text)
}

// endSection puts the text read so far into the last section.
func (s *scanner) endSection() {
	if t := trimSpace(s.text); len(t) > 0 {
		sec := &s.sections[len(s.sections)-1]
		switch {
		case sec.text.start == sec.text.end:
			sec.text.start = len(s.texts)
		case sec.text.end == len(s.texts):
			s.texts = append(s.texts, ' ')
		default: // its text is not the last in texts: moved to the end
			start := len(s.texts)
			s.texts = append(append(s.texts, s.texts[sec.text.start:sec.text.end]...), ' ')
			sec.text.start = start
		}
		s.texts = append(s.texts, t...)
		sec.text.end = len(s.texts)
	}
	s.text = s.text[:0]
}

// The texts a scan collects (a link's, a heading's, a section's) are kept
// single-spaced as they grow: appendWords adds text with every run of
// spaces (unicode.IsSpace, &nbsp; too) made one space and none at the
// start, space ends a word, and words returns the text without the space
// at its end. That is what strings.Join(strings.Fields(text), " ") gives,
// in one pass and one allocation.

// appendWords appends the words of t to dst (see above). The text of a
// minified page has single spaces between its words, so appendWords reads
// t eight bytes at a time: eight bytes without a byte below 0x20, without
// a first byte of a Unicode space's UTF-8 (see spaceAt) and without a
// space after a space (or at the start of a word) go into dst as they
// are, in one append with the bytes around them that do too; the others
// are taken one by one (see appendWord). The last bytes of t, fewer than
// eight, are tested so too when t's array has eight bytes from there.
func appendWords(dst, t []byte) []byte {
	i, j := 0, 0            // t[:i] is in dst; t[i:j] goes into it as it is
	after := wordEnded(dst) // the high bit of the first byte: the byte before it ends a word
	for j+8 <= len(t) {
		n, a := plainRun(t[j:], after)
		j += n
		if j+8 > len(t) {
			after = a
			break
		}
		dst = append(dst, t[i:j]...)
		for i = j; i < j+8; {
			dst, i = appendWord(dst, t, i)
		}
		j = i
		after = wordEnded(dst)
	}
	if r := len(t) - j; r > 0 && cap(t)-j >= 8 {
		// The last bytes, fewer than eight, read with those after them in
		// t's array, which are taken for a plain letter.
		x := binary.LittleEndian.Uint64(t[j : j+8])
		m := uint64(1)<<(8*r) - 1
		x = x&m | ones*'a'&^m
		if sp := eqMask(x, ' '); sp&(sp<<8|after) == 0 && !hasSpecial(x) {
			return append(dst, t[i:]...)
		}
	}
	dst = append(dst, t[i:j]...)
	for i = j; i < len(t); {
		dst, i = appendWord(dst, t, i)
	}
	return dst
}

// plainRun returns how many bytes t starts with, in eights, that go into
// dst as they are (see appendWords), and whether the last of them ends a
// word (after: whether the byte before t does).
func plainRun(t []byte, after uint64) (int, uint64) {
	n := 0
	p := unsafe.Pointer(unsafe.SliceData(t))
	for ; n+8 <= len(t); n += 8 {
		x := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, n))[:]) // t[n:n+8], without a bounds check
		sp := eqMask(x, ' ')
		if sp&(sp<<8|after) != 0 || hasSpecial(x) {
			break
		}
		after = sp >> 56 // the last byte is a space
	}
	return n, after
}

// wordEnded returns 0x80 when dst, kept by appendWords, ends with no
// word open (it is empty or ends with a space), 0 when it does not.
func wordEnded(dst []byte) uint64 {
	if n := len(dst); n == 0 || dst[n-1] == ' ' {
		return 0x80
	}
	return 0
}

// appendWord appends what t[i:] starts with, one byte of a word or one
// space, to dst, and returns where in t what follows starts.
func appendWord(dst, t []byte, i int) ([]byte, int) {
	if c := t[i]; wordByte[c] {
		return append(dst, c), i + 1
	}
	if n := spaceAt(t[i:]); n > 0 {
		return space(dst), i + n
	}
	return append(dst, t[i]), i + 1 // starts a character that is not a space
}

const (
	ones  = 0x0101010101010101
	lows  = 0x7f7f7f7f7f7f7f7f
	highs = 0x8080808080808080
)

// eqMask returns the high bit of each byte of x that is c.
func eqMask(x uint64, c byte) uint64 {
	y := x ^ (ones * uint64(c))
	return ^((y&lows + lows) | y) & highs
}

// hasSpecial reports whether x may have a byte below 0x20 or a first
// byte of a space above ASCII (0xc2, 0xe1, 0xe2, 0xe3: the last three
// looked for as 0xe0–0xe3, one test); never false when it has.
func hasSpecial(x uint64) bool {
	if (x-ones*0x20)&^x&highs != 0 {
		return true
	}
	if x&highs == 0 {
		return false // ASCII
	}
	return hasZero(x^ones*0xc2)|hasZero(x&(ones*0xfc)^ones*0xe0) != 0
}

// hasZero returns a bit set when y has a zero byte, 0 when it has none.
func hasZero(y uint64) uint64 { return (y - ones) &^ y & highs }

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
func words(b []byte) string { return string(trimSpace(b)) }

// trimSpace returns b, kept by appendWords, without its last space.
func trimSpace(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == ' ' {
		b = b[:n-1]
	}
	return b
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

func (s *scanner) unquote(b []byte) string {
	if len(b) >= 2 && (b[0] == '"' || b[0] == '\'') && b[len(b)-1] == b[0] {
		b = b[1 : len(b)-1]
	}
	if bytes.IndexByte(b, '&') >= 0 {
		return s.str([]byte(html.UnescapeString(string(b))))
	}
	return s.str(b)
}
