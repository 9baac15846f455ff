package site

import (
	"bytes"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/tdewolff/minify/v2"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/buffer"
)

// Minifying a page.
//
// A page is minified by fastMinify (fastmin.go), which writes what
// tdewolff/minify's HTML minifier (htmlMinifier, with its options) writes
// for the HTML goldmark and the theme write, in one pass; where it meets
// anything else, htmlMinifier minifies a piece of the page around it, from
// the last place before it up to the first after it where minifying the
// pieces one by one equals minifying the whole (minifyFast).
//
// A cutter finds such places by following the page as the minifier's
// lexer does (package tdewolff/parse/v2/html); a cut at X is taken only
// where
//   - the lexer is between tokens, in text (not in a tag, a comment, the
//     raw text of script, style, title, textarea, xmp or iframe, nor in
//     svg or math, which it reads as one token), and the minifier is not in
//     pre; and
//   - the tag at X is a start or end tag of a block element (the
//     minifier's blockTag: it removes the spaces around it), or a start
//     tag where the minifier has just removed every space since the last
//     block tag (its omitSpace is set and no text since then had more than
//     spaces).
//
// Then the tokens before X are the same in the whole and in the piece, and
// their minifying looks ahead the same: text that ends in a space looks at
// the tokens after it, and drops the space at a block tag as at the end of
// the input; at a start tag after only spaces and tags there is no such
// text. The minifier starts each piece as it stands at X in the whole page
// (no space to keep, not in pre, the lexer in text). Anything unusual (a
// comment, svg, a tag not closed) ends the cutting: the rest of the page
// is one piece. TestCutsMinifyAsWhole and FuzzCutsMinifyAsWhole hold the
// pieces to minifying the whole; TestMinifyInPieces builds every fixture
// site minifying each page whole, cut at every place, and as a build does.

// htmlMinifier is the site's HTML minifier. HTML keeps its document and
// end tags and quotes: the output stays easy to read in a browser's
// view-source and valid for the HTML checker.
var htmlMinifier = &mhtml.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true}

// scratchPool holds the buffers a piece is minified from: the minifier
// changes its input, and the page stays as it is.
var scratchPool = sync.Pool{New: func() any { s := make([]byte, 0, 16<<10); return &s }}

// minifyHTML writes page to w minified by htmlMinifier (by minifyFast),
// counting in tally when it is not nil. When the minifier fails on a
// piece, the page is minified whole, so that its error says where in the
// page (and page is changed).
func minifyHTML(m *minify.M, w *bytes.Buffer, page []byte, tally *fastTally) error {
	sp := scratchPool.Get().(*[]byte)
	defer func() {
		if cap(*sp) <= keepBuffer {
			scratchPool.Put(sp)
		}
	}()
	n := w.Len()
	if err := minifyFast(m, w, page, sp, tally); err != nil {
		w.Truncate(n)
		return htmlMinifier.Minify(m, w, buffer.NewReader(page), nil)
	}
	return nil
}

// The minifier's kinds of tags (its tagMap): spaces around a block tag
// are removed, a space after an object tag is kept.
const (
	tagOther = iota
	tagBlock
	tagObject
)

// tagKind returns the kind the minifier gives the tag name (lower case).
// colgroup and style, block tags the minifier can drop (without their
// attributes; when empty) without taking their effect on spaces, are
// others here.
func tagKind(name []byte) int {
	switch string(name) {
	case "address", "article", "aside", "blockquote", "br", "caption", "col", "dd", "details",
		"div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
		"h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend",
		"li", "main", "menu", "nav", "noscript", "ol", "option", "p", "pre", "section",
		"summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
		"center", "dir", "marquee", "noembed", "noframes", "xmp":
		return tagBlock
	case "button", "canvas", "iframe", "img", "input", "meter", "object", "progress", "q",
		"rt", "select", "svg", "textarea", "video", "wbr", "image", "rtc":
		return tagObject
	}
	return tagOther
}

// omit states: whether the minifier drops the next leading space
const (
	omitUnknown = iota
	omitYes
	omitNo
)

// cutter finds the places in a page where it can be minified in pieces
// (see the comment at the top), one after the other.
type cutter struct {
	page       []byte
	i          int  // where to read on
	text       int  // where the text since the last tag begins
	omit       int  // the minifier's omitSpace
	inPre      bool // the minifier's inPre
	afterStart bool // the last token was a start tag of kind other
	done       bool
	lower      [16]byte
}

func newCutter(page []byte) cutter { return cutter{page: page, omit: omitYes} }

// next returns the next place to cut, or -1 when there is none.
func (t *cutter) next() int {
	if t.done {
		return -1
	}
	k := t.scan()
	if k < 0 {
		t.done = true
	}
	return k
}

// htmlCuts appends to cuts the places in page where it can be minified in
// pieces, in order, and returns it.
func htmlCuts(page []byte, cuts []int) []int {
	t := newCutter(page)
	for k := t.next(); k >= 0; k = t.next() {
		cuts = append(cuts, k)
	}
	return cuts
}

// scan reads on to the next place to cut and returns it, or -1.
func (t *cutter) scan() int {
	page := t.page
	for {
		j := bytes.IndexByte(page[t.i:], '<')
		if j < 0 {
			return -1
		}
		k := t.i + j
		c := at(page, k+1)
		isEnd := c == '/' && k+2 < len(page) && page[k+2] != '>'
		if !isEnd && !isLetter(c) && c != '!' && c != '?' {
			t.i = k + 1 // not a tag
			continue
		}
		if t.text < k {
			if t.omit != omitYes || !parse.IsAllWhitespace(page[t.text:k]) {
				t.omit = omitUnknown
			}
			t.afterStart = false
		}
		cut := -1
		switch {
		case isEnd:
			if !isLetter(at(page, k+2)) {
				return -1 // a bogus comment
			}
			e := bytes.IndexByte(page[k+2:], '>')
			if e < 0 {
				return -1
			}
			e += k + 2
			n := e
			for n > k+2 && (page[n-1] == ' ' || page[n-1] == '\t' || page[n-1] == '\n' || page[n-1] == '\r') {
				n--
			}
			name := lowerName(&t.lower, page[k+2:n])
			kind := tagKind(name)
			if kind == tagBlock && !t.inPre {
				cut = k
			}
			if string(name) == "pre" {
				t.inPre = false
			}
			switch {
			case kind == tagBlock:
				t.omit = omitYes
			case kind == tagObject:
				t.omit = omitNo
			case t.afterStart || string(name) == "template":
				t.omit = omitUnknown
			}
			t.afterStart = false
			t.i = e + 1
		case c == '!':
			if k+9 > len(page) || !bytes.EqualFold(page[k+2:k+9], []byte("doctype")) {
				return -1 // a comment, CDATA or a bogus comment
			}
			e := bytes.IndexByte(page[k:], '>')
			if e < 0 {
				return -1
			}
			t.afterStart = false
			t.i = k + e + 1
		case c == '?':
			return -1
		default: // a start tag
			n := k + 1
			for n < len(page) && !isTagNameEnd(page, n) {
				n++
			}
			if n == len(page) {
				return -1
			}
			name := lowerName(&t.lower, page[k+1:n])
			kind := tagKind(name)
			raw := false
			switch string(name) {
			case "svg", "math", "xml", "plaintext":
				return -1
			case "textarea", "title", "style", "xmp", "iframe", "script":
				raw = true
			}
			e := tagEnd(page, n)
			if e < 0 {
				return -1
			}
			if !t.inPre && (kind == tagBlock || t.omit == omitYes) {
				cut = k
			}
			if string(name) == "pre" {
				t.inPre = true
			}
			switch kind {
			case tagBlock:
				t.omit = omitYes
			case tagObject:
				t.omit = omitNo
			}
			t.afterStart = kind == tagOther
			t.i = e
			if raw {
				// The raw text up to the end tag of name: the end tag is
				// no place to cut. After script and style (which the
				// minifier drops when empty) the spaces are not known.
				r := rawEnd(page, e, name)
				if r < 0 {
					return -1
				}
				scriptOrStyle := string(name) == "script" || string(name) == "style"
				e := bytes.IndexByte(page[r:], '>')
				if e < 0 {
					return -1
				}
				// The end tag's name is all up to '>' ("</title00>" ends
				// the raw text of title, but is no title's end tag).
				n := r + e
				for n > r+2 && (page[n-1] == ' ' || page[n-1] == '\t' || page[n-1] == '\n' || page[n-1] == '\r') {
					n--
				}
				end := tagKind(lowerName(&t.lower, page[r+2:n]))
				switch {
				case scriptOrStyle:
					t.omit = omitUnknown
				case end == tagBlock:
					t.omit = omitYes
				case end == tagObject:
					t.omit = omitNo
				default:
					t.omit = omitUnknown
				}
				t.afterStart = false
				t.i = r + e + 1
			}
		}
		t.text = t.i
		if cut >= 0 {
			return cut
		}
	}
}

// at returns page[i], or 0 past its end (as the lexer reads it).
func at(page []byte, i int) byte {
	if i < len(page) {
		return page[i]
	}
	return 0
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isTagNameEnd reports whether a start tag's name ends at page[n] (the
// lexer's shiftStartTag).
func isTagNameEnd(page []byte, n int) bool {
	switch page[n] {
	case ' ', '>', '\t', '\n', '\r', '\f':
		return true
	case '/':
		return at(page, n+1) == '>'
	}
	return false
}

// lowerName returns name in lower case, in buf when it has upper case
// letters (a name longer than buf is no name tagKind knows: returned as
// it is).
func lowerName(buf *[16]byte, name []byte) []byte {
	for i, c := range name {
		if 'A' <= c && c <= 'Z' {
			if len(name) > len(buf) {
				return name
			}
			n := copy(buf[:], name)
			for j := i; j < n; j++ {
				if c := buf[j]; 'A' <= c && c <= 'Z' {
					buf[j] = c + 'a' - 'A'
				}
			}
			return buf[:n]
		}
	}
	return name
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// tagEnd returns the index after the '>' that ends the start tag whose
// attributes begin at page[n], reading them as the lexer does (Next in a
// tag, shiftAttribute), or -1 when the page ends first.
func tagEnd(page []byte, n int) int {
	for {
		for n < len(page) && isSpace(page[n]) {
			n++
		}
		if n >= len(page) {
			return -1
		}
		switch c := page[n]; {
		case c == '>':
			return n + 1
		case c == '/' && at(page, n+1) == '>':
			return n + 2
		}
		for n < len(page) { // the attribute's name
			c := page[n]
			if c == ' ' || c == '=' || c == '>' || c == '/' && at(page, n+1) == '>' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
				break
			}
			n++
		}
		nameEnd := n
		for n < len(page) && isSpace(page[n]) {
			n++
		}
		if n >= len(page) {
			return -1
		}
		if page[n] != '=' {
			n = nameEnd
			continue
		}
		n++
		for n < len(page) && isSpace(page[n]) {
			n++
		}
		if n >= len(page) {
			return -1
		}
		if q := page[n]; q == '"' || q == '\'' {
			e := bytes.IndexByte(page[n+1:], q)
			if e < 0 {
				return -1
			}
			n += 1 + e + 1
			continue
		}
		for n < len(page) { // unquoted
			c := page[n]
			if c == ' ' || c == '>' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
				break
			}
			n++
		}
	}
}

// rawEnd returns where the raw text from page[i] of the element name ends:
// at "</name" followed by no letter, in any case (the lexer's
// shiftRawText); -1 when the page ends first, or when a script has "<!--"
// (which the lexer reads otherwise).
func rawEnd(page []byte, i int, name []byte) int {
	for {
		j := bytes.IndexByte(page[i:], '<')
		if j < 0 {
			return -1
		}
		k := i + j
		switch at(page, k+1) {
		case '/':
			n := k + 2
			for n < len(page) && isLetter(page[n]) {
				n++
			}
			if n-(k+2) == len(name) && bytes.EqualFold(page[k+2:n], name) {
				return k
			}
			i = n
		case '!':
			if string(name) == "script" {
				return -1
			}
			i = k + 1
		default:
			i = k + 1
		}
	}
}

// verifyPieces, set by the tests (VerifyMinify), makes minifyPage minify
// each page three ways: whole, in pieces cut at every place htmlCuts
// finds, and as a build does; a page where they differ is an error. It
// also holds fastMinify and minifyFast to the page minified whole
// (verifyFast) and counts what minifyFast did (fastCounts).
var verifyPieces atomic.Bool

// minifyPage writes the page HTML data, published at p, to w minified (see
// minifyHTML).
func (o *output) minifyPage(w *bytes.Buffer, p string, data []byte) error {
	var whole, each []byte
	if verifyPieces.Load() {
		var err error
		if whole, err = o.min.Bytes("text/html", bytes.Clone(data)); err != nil {
			return NotMinifiedAt.With(p, err)
		}
		if each, err = minifyEachPiece(o.min, bytes.Clone(data)); err != nil {
			return NotMinifiedAt.With(p, err)
		}
	}
	var tally *fastTally
	if whole != nil {
		tally = &fastCounts
	}
	n := w.Len()
	if err := minifyHTML(o.min, w, data, tally); err != nil {
		return NotMinifiedAt.With(p, err)
	}
	if whole != nil {
		if i := firstDiff(whole, each); i >= 0 {
			return fmt.Errorf("%s: minified in pieces at every cut, it differs from minified whole at byte %d: %q, not %q", p, i, clip(each, i), clip(whole, i))
		}
		if got := w.Bytes()[n:]; firstDiff(whole, got) >= 0 {
			i := firstDiff(whole, got)
			return fmt.Errorf("%s: minified as a build does, it differs from minified whole at byte %d: %q, not %q", p, i, clip(got, i), clip(whole, i))
		}
		if err := verifyFast(o.min, data, whole); err != nil {
			return fmt.Errorf("%s: %v", p, err)
		}
	}
	return nil
}

// minifyEachPiece returns page minified piece by piece, cut at every place
// htmlCuts finds. It changes page.
func minifyEachPiece(m *minify.M, page []byte) ([]byte, error) {
	cuts := append(htmlCuts(page, nil), len(page))
	var w bytes.Buffer
	a := 0
	for _, b := range cuts {
		if err := htmlMinifier.Minify(m, &w, buffer.NewReader(page[a:b]), nil); err != nil {
			return nil, err
		}
		a = b
	}
	return w.Bytes(), nil
}

// firstDiff returns the first index where a and b differ, -1 when they
// are equal.
func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	return -1
}

func clip(b []byte, i int) []byte { return b[max(0, i-30):min(len(b), i+30)] }
