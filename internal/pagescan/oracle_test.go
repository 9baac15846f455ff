package pagescan

// The oracle: the scanner as it was before it had a lexer of its own,
// on tdewolff's html lexer (parse/v2 v2.8.20), kept as the tests' measure
// of the new one (see TestSameAsOracle, FuzzScan). Its types are copies
// of the package's types as they were then.

import (
	"bytes"
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	lexer "github.com/tdewolff/parse/v2/html"
)

type oldPage struct {
	IDs      map[string]int
	Refs     []oldRef
	Headings []oldHeading
	Sections []oldSection
}

type oldRef struct {
	Tag, Attr, URL string
	Rel            string
	Name           string
	Named          bool
	Alt            *string
}

type oldHeading struct {
	Level    int
	ID, Text string
}

type oldSection struct {
	Level   int
	ID      string
	Heading string
	Text    string
}

// oldScan is the package's Scan as it was.
func oldScan(data []byte) *oldPage {
	data = data[:len(data):len(data)]
	s := &oldScanner{page: &oldPage{}}
	s.run(data)
	p := s.page
	p.Refs, p.Headings, p.Sections = oldClone(p.Refs), oldClone(p.Headings), oldClone(p.Sections)
	return p
}

// oldClone returns a copy of l of its length, nil for an empty l.
func oldClone[T any](l []T) []T {
	if len(l) == 0 {
		return nil
	}
	return slices.Clone(l)
}

// oldScanner is the state of one scan.
type oldScanner struct {
	page *oldPage

	// The arrays the page's lists grow in, from one page to the next.
	refs     []oldRef
	headings []oldHeading
	sections []oldSection

	// For the content rules.
	tag      []byte
	attrs    [][2]string
	anchor   int  // the open <a> in Refs, -1 when none
	labelled bool // it has an aria-label
	atext    []byte
	head     *oldHeading
	htext    []byte

	// For the site search.
	inMain, skip int
	inHeading    bool
	opened       bool   // the open heading started a section
	heading      []byte // the open heading's text (search)
	text         []byte // the current section's text
}

func (s *oldScanner) get(k string) (string, bool) {
	for _, a := range s.attrs {
		if a[0] == k {
			return a[1], true
		}
	}
	return "", false
}

func (s *oldScanner) run(data []byte) {
	s.page.IDs = map[string]int{}
	s.page.Sections = append(s.page.Sections, oldSection{})
	s.anchor = -1
	in := parse.NewInputBytes(data)
	defer in.Restore()
	l := lexer.NewLexer(in)
	for {
		tt, _ := l.Next()
		switch tt {
		case lexer.ErrorToken:
			s.endSection()
			return
		case lexer.StartTagToken:
			s.tag, s.attrs = oldLower(l.Text()), s.attrs[:0]
			s.startTag()
		case lexer.AttributeToken:
			if k := oldWanted(oldLower(l.AttrKey())); k != "" {
				s.attrs = append(s.attrs, [2]string{k, oldUnquote(l.AttrVal())})
			}
		case lexer.StartTagCloseToken, lexer.StartTagVoidToken:
			s.closeStartTag()
		case lexer.TextToken:
			s.textToken(l.Text())
		case lexer.EndTagToken:
			s.endTag(oldLower(l.Text()))
		}
	}
}

// startTag is the search's part of a start tag (s.tag).
func (s *oldScanner) startTag() {
	switch string(s.tag) {
	case "main":
		s.inMain++
	case "script", "style", "h1", "template":
		s.skip++
	case "h2", "h3", "h4", "h5", "h6":
		s.opened = s.inMain > 0 && s.skip == 0
		if s.opened {
			s.endSection()
			s.page.Sections = append(s.page.Sections, oldSection{Level: int(s.tag[1] - '0')})
		}
		s.inHeading = true
		s.heading = s.heading[:0]
	}
}

// closeStartTag is the rules' part of a start tag, once its attributes are
// read.
func (s *oldScanner) closeStartTag() {
	d := s.page
	id, hasID := s.get("id")
	if hasID && id != "" {
		d.IDs[id]++
	}
	switch string(s.tag) {
	case "a":
		if href, ok := s.get("href"); ok {
			r := oldRef{Tag: "a", Attr: "href", URL: href, Named: true}
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
		r := oldRef{Tag: "img", Attr: "src", URL: src}
		if alt, ok := s.get("alt"); ok {
			r.Alt = &alt
			if s.anchor >= 0 {
				s.atext = oldSpace(oldAppendWords(oldSpace(s.atext), []byte(alt)))
			}
			if s.head != nil {
				s.htext = oldSpace(oldAppendWords(oldSpace(s.htext), []byte(alt)))
			}
		}
		d.Refs = append(d.Refs, r)
	case "h1", "h2", "h3", "h4", "h5", "h6":
		s.head = &oldHeading{Level: int(s.tag[1] - '0'), ID: id}
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
			r := oldRef{Tag: oldTagName(s.tag), Attr: k, URL: v}
			r.Rel, _ = s.get("rel")
			d.Refs = append(d.Refs, r)
		}
	}
}

func (s *oldScanner) textToken(raw []byte) {
	search := s.inMain > 0 && s.skip == 0
	if s.anchor < 0 && s.head == nil && !search {
		return
	}
	t := raw
	if bytes.IndexByte(raw, '&') >= 0 {
		t = []byte(html.UnescapeString(string(raw)))
	}
	if s.anchor >= 0 {
		s.atext = oldAppendWords(s.atext, t)
	}
	if s.head != nil {
		s.htext = oldAppendWords(s.htext, t)
	}
	if search {
		if s.inHeading {
			s.heading = oldAppendWords(s.heading, t)
		} else {
			s.text = oldAppendWords(s.text, t)
		}
	}
}

func (s *oldScanner) endTag(t []byte) {
	d := s.page
	switch string(t) {
	case "a":
		if s.anchor >= 0 && !s.labelled {
			d.Refs[s.anchor].Name = oldWords(s.atext)
		}
		s.anchor = -1
	case "h1", "h2", "h3", "h4", "h5", "h6":
		if s.head != nil {
			s.head.Text = oldWords(s.htext)
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
			if h := oldWords(s.heading); h != "" {
				if !s.opened {
					// A heading begun outside the text (in a template, say)
					// and ended in it: a section of its own all the same.
					s.endSection()
					d.Sections = append(d.Sections, oldSection{Level: int(t[1] - '0')})
				}
				d.Sections[len(d.Sections)-1].Heading = h
			}
		}
		s.inHeading, s.opened = false, false
	}
	s.text = oldSpace(s.text)
}

// endSection puts the text read so far into the last section.
func (s *oldScanner) endSection() {
	if t := oldWords(s.text); t != "" {
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
// single-spaced as they grow: oldAppendWords adds text with every run of
// spaces (unicode.IsSpace, &nbsp; too) made one oldSpace and none at the
// start, oldSpace ends a word, and oldWords returns the text without the oldSpace
// at its end. That is what strings.Join(strings.Fields(text), " ") gives,
// in one pass and one allocation.

// oldAppendWords appends the oldWords of t to dst (see above).
func oldAppendWords(dst, t []byte) []byte {
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			if oldAsciiSpace[c] {
				dst = oldSpace(dst)
			} else {
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(t[i:])
		if unicode.IsSpace(r) {
			dst = oldSpace(dst)
		} else {
			dst = append(dst, t[i:i+size]...)
		}
		i += size
	}
	return dst
}

// oldSpace ends the word at the end of dst, if there is one.
func oldSpace(dst []byte) []byte {
	if n := len(dst); n > 0 && dst[n-1] != ' ' {
		dst = append(dst, ' ')
	}
	return dst
}

// oldWords returns the text of b, kept by oldAppendWords, without its last oldSpace.
func oldWords(b []byte) string {
	if n := len(b); n > 0 && b[n-1] == ' ' {
		b = b[:n-1]
	}
	return string(b)
}

var oldAsciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// oldTagName returns the tag t as a string: a constant for the tags that
// carry addresses in the site's pages.
func oldTagName(t []byte) string {
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

// oldLower returns b in lowercase, b itself when it has no capital (names in
// the site's HTML are lowercase: no copy).
func oldLower(b []byte) []byte {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			return bytes.ToLower(b)
		}
	}
	return b
}

// oldWanted returns the name of an attribute named k that the scan keeps, ""
// for others: a constant, not a copy of k, for the names it knows.
func oldWanted(k []byte) string {
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

func oldUnquote(b []byte) string {
	s := string(b)
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		s = s[1 : len(s)-1]
	}
	return html.UnescapeString(s)
}
