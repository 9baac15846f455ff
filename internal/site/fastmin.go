package site

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"iter"
	"sync/atomic"

	"github.com/tdewolff/minify/v2"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/buffer"
	phtml "github.com/tdewolff/parse/v2/html"
)

// A fast path for the minifier.
//
// Most of what a page has of its own is the HTML goldmark wrote for its
// Markdown: paragraphs, headings with ids, lists, tables, links, emphasis,
// code, quotes. fastMinify minifies that kind of HTML in one pass over its
// bytes, to exactly the bytes htmlMinifier (tdewolff's, with its options:
// end tags, quotes and document tags kept) writes for it, several times
// faster. It knows a small part of HTML and nothing else: a few tags
// (fastTag), a few attributes (fastAttr), each written the way goldmark
// and the theme write them (lower case names, values in double quotes, one
// space between attributes); text without a '<' that starts no tag. At
// anything else (a comment, a doctype, script, svg, an attribute it does
// not know) it gives up, and says where: the caller (minifyFast) has the
// rest minified by htmlMinifier from the last place the two can be joined
// (a block tag outside pre, where the minifier's state is as at the start
// of its input) up to the next such place after the part it did not know
// (the cutter's), and goes on from there with fastMinify.
//
// What fastMinify must copy of htmlMinifier (html.Minifier.Minify):
//   - text outside pre: runs of white space become one space, or a line
//     break when the run has one, and entities are rewritten
//     (parse.ReplaceMultipleWhitespaceAndEntities with html.EntitiesMap and
//     html.TextRevEntitiesMap: &gt; becomes >, &quot; ", &amp; & unless a
//     letter, digit or # follows); a leading space is dropped after a block
//     tag, a space at the start of the input, or text that ended in a
//     space (omitSpace); a trailing space is dropped when the next token
//     that is not an end tag of an inline element or text of only spaces is
//     a block tag or the end of the input (not a start tag of another
//     kind, nor text);
//   - text in pre as it is;
//   - tags: the start tag's name and attributes, ">" for "/>" and " />";
//     after an empty element of an inline tag whose traits are exactly
//     normalTag (<em></em>), the next leading space is kept;
//   - attributes: entities rewritten (html.EntitiesMap, no reverse map),
//     white space collapsed and trimmed in the values of trimAttr
//     attributes, trimmed in URLs and http: and https: in lower case,
//     boolean attributes as their name alone, values in double quotes
//     unless a quote in them makes single quotes shorter
//     (html.EscapeAttrVal).
//
// TestFastMinify holds it to htmlMinifier on every page of the fixture
// sites and generated pages, and FuzzFastMinify on Markdown rendered by
// package markdown and on any bytes.

// Traits of the tags fastMinify knows: those of htmlMinifier's tagMap that
// it looks at.
const (
	ftBlock  = 1 << iota // blockTag: spaces around it are removed
	ftObject             // objectTag: a space after it is kept
	ftNormal             // exactly normalTag: an empty element keeps the space after it
)

// omitAfter reports whether a space after a tag with traits is dropped,
// omit saying whether it was before the tag: after an object tag it is
// kept, after a block tag dropped, and any other tag leaves it as it was.
func omitAfter(traits int, omit bool) bool {
	switch {
	case traits&ftObject != 0:
		return false
	case traits&ftBlock != 0:
		return true
	}
	return omit
}

// fastTag returns the traits of the tag name (in lower case), and false
// for a tag fastMinify does not know.
func fastTag(name []byte) (int, bool) {
	switch string(name) {
	case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody", "tfoot",
		"tr", "th", "td", "caption", "blockquote", "hr", "br", "pre", "div", "section", "article", "nav",
		"header", "footer", "main", "figure", "figcaption", "dl", "dt", "dd", "details", "summary",
		"aside", "address", "form", "fieldset", "legend", "hgroup", "menu", "html", "head", "title",
		"noscript":
		return ftBlock, true
	case "em", "strong", "code", "span", "b", "i", "u", "s", "small", "mark", "kbd", "sup", "sub",
		"abbr", "time", "cite", "dfn", "samp", "var", "body", "meta", "link", "datalist":
		return ftNormal, true
	case "img", "input", "button":
		return ftObject, true
	case "a", "del", "ins", "label":
		return 0, true // keepPTag, or normalTag|keepPTag: not exactly normalTag
	case "script":
		return 0, true // rawTag: fastMinify knows it only empty, with attributes
	}
	return 0, false
}

// Kinds of attributes fastMinify knows (the traits of htmlMinifier's
// attrMap).
const (
	faPlain = iota // no traits: entities rewritten
	faTrim         // trimAttr: also white space collapsed and trimmed
	faURL          // urlAttr: also trimmed, http: in lower case
	faBool         // booleanAttr: the name alone
	faMedia        // type of a, link or script: trimmed, then a media type (minify.Mediatype)
)

// fastAttr returns the kind of the attribute name (in lower case) on the
// tag tag, and false for one fastMinify does not know (style and on… are
// minified as CSS and JavaScript, type on a or link is a media type, name
// on a may be dropped, and more). What htmlMinifier does with some
// attributes of meta and input fastAttrs checks before.
func fastAttr(tag, name []byte) (int, bool) {
	switch string(name) {
	case "id", "title", "alt", "align", "role", "content", "value", "download", "placeholder":
		return faPlain, true
	case "class", "start", "lang", "dir", "datetime", "rel", "target", "width", "height", "loading",
		"decoding", "colspan", "rowspan", "scope", "headers", "tabindex", "hreflang", "sizes", "srcset",
		"for", "method", "autocomplete", "enterkeyhint", "hidden", "charset", "as", "crossorigin",
		"list", "spellcheck", "inputmode", "min", "max", "step", "minlength", "maxlength", "size":
		return faTrim, true
	case "href", "src", "cite", "action":
		return faURL, true
	case "checked", "disabled", "open", "reversed", "required", "selected", "multiple", "readonly",
		"async", "defer", "nomodule":
		return faBool, true
	case "type":
		switch string(tag) {
		case "a", "link", "script":
			return faMedia, true
		}
		return faTrim, true
	case "name":
		if string(tag) == "a" {
			return 0, false
		}
		return faPlain, true
	}
	if len(name) > 5 && (string(name[:5]) == "aria-" || string(name[:5]) == "data-") {
		return faPlain, true
	}
	return 0, false
}

// attrs yields the name and value of each attribute in a (attributes as
// fastTagAt reads them: a value always in double quotes), nil for one
// without a value.
func attrs(a []byte) iter.Seq2[[]byte, []byte] {
	return func(yield func(name, val []byte) bool) {
		for k := 0; k < len(a); {
			for k < len(a) && (a[k] == ' ' || a[k] == '/') {
				k++
			}
			if k >= len(a) || a[k] == '>' {
				return
			}
			n := k
			for n < len(a) && a[n] != '=' && a[n] != ' ' && a[n] != '>' && a[n] != '/' {
				n++
			}
			var val []byte
			next := n
			if n < len(a) && a[n] == '=' {
				e := bytes.IndexByte(a[n+2:], '"')
				val = a[n+2 : n+2+e]
				next = n + 2 + e + 1
			}
			if !yield(a[k:n], val) {
				return
			}
			k = next
		}
	}
}

// attrValue returns the value of the attribute name in a (attributes as
// fastTagAt reads them), and whether a has it.
func attrValue(a []byte, name string) ([]byte, bool) {
	for n, val := range attrs(a) {
		if string(n) == name {
			return val, true
		}
	}
	return nil, false
}

// twice reports whether the attributes a (as fastTagAt reads them) have a
// name twice.
func twice(a []byte) bool {
	var names [16][]byte
	n := 0
	for name := range attrs(a) {
		if n == len(names) {
			return true
		}
		for _, o := range names[:n] {
			if bytes.Equal(o, name) {
				return true
			}
		}
		names[n] = name
		n++
	}
	return false
}

// specialAttrs reports whether htmlMinifier changes the attributes a of
// the tag by rules of their own that fastAttrs does not follow: on meta
// with content, http-equiv (the content type) and a name of keywords or
// viewport (a list and numbers made shorter), and a name with spaces
// around it (trimmed); on input with a type, a value that is empty or on
// (dropped).
func specialAttrs(tag, a []byte) bool {
	switch string(tag) {
	case "meta", "input", "script":
		if twice(a) {
			return true // the minifier's rules take the last
		}
	}
	switch string(tag) {
	case "meta":
		if _, ok := attrValue(a, "content"); !ok {
			return false
		}
		if _, ok := attrValue(a, "http-equiv"); ok {
			return true
		}
		if name, ok := attrValue(a, "name"); ok {
			t := parse.TrimWhitespace(name)
			return len(t) != len(name) || parse.EqualFold(t, []byte("keywords")) || parse.EqualFold(t, []byte("viewport")) && string(name) != "viewport"
		}
	case "script":
		_, src := attrValue(a, "src")
		_, charset := attrValue(a, "charset")
		return src && charset
	case "input":
		if v, ok := attrValue(a, "value"); ok {
			if _, ok := attrValue(a, "type"); ok {
				return len(v) == 0 || parse.EqualFold(v, []byte("on"))
			}
		}
	}
	return false
}

// tagName reads the name of the tag at in[i] (in[i] == '<'), "<name" or
// "</name", of lower case letters and digits from a letter on, followed by
// '>', or by ' ' or "/>" in a start tag. It returns the name, whether it
// is an end tag and where the name ends; ok is false for anything else.
func tagName(in []byte, i int) (name []byte, end bool, n int, ok bool) {
	j := i + 1
	if j < len(in) && in[j] == '/' {
		end = true
		j++
	}
	n = j
	for n < len(in) && ('a' <= in[n] && in[n] <= 'z' || n > j && '0' <= in[n] && in[n] <= '9') {
		n++
	}
	if n == j || n == len(in) {
		return nil, false, 0, false
	}
	// The name ends where the lexer's does (shiftStartTag), or it is no
	// name fastMinify knows.
	if c := in[n]; c != '>' && (end || c != ' ' && (c != '/' || n+1 == len(in) || in[n+1] != '>')) {
		return nil, false, 0, false
	}
	return in[j:n], end, n, true
}

// fastTagAt reads the tag at in[i] (in[i] == '<'), written as fastMinify
// knows tags: "</name>", or "<name" then attributes ( name="value" or
// name alone) then ">", "/>" or " />". It returns the name, whether it is
// an end tag, where its attributes begin (after the name) and where the
// tag ends (after '>'); ok is false for anything else.
func fastTagAt(in []byte, i int) (name []byte, end bool, attrs, next int, ok bool) {
	j := i + 1
	if j < len(in) && in[j] == '/' {
		end = true
		j++
	}
	n := j
	for n < len(in) && ('a' <= in[n] && in[n] <= 'z' || n > j && '0' <= in[n] && in[n] <= '9') {
		n++
	}
	if n == j || n == len(in) {
		return nil, false, 0, 0, false
	}
	name = in[j:n]
	if end {
		if in[n] != '>' {
			return nil, false, 0, 0, false
		}
		return name, true, n, n + 1, true
	}
	k := n
	for {
		if k >= len(in) {
			return nil, false, 0, 0, false
		}
		switch in[k] {
		case '>':
			return name, false, n, k + 1, true
		case '/':
			if k+1 < len(in) && in[k+1] == '>' {
				return name, false, n, k + 2, true
			}
			return nil, false, 0, 0, false
		case ' ':
			k++
		default:
			return nil, false, 0, 0, false
		}
		if k < len(in) && in[k] == '/' {
			continue // " />"
		}
		a := k
		for k < len(in) && ('a' <= in[k] && in[k] <= 'z' || k > a && ('0' <= in[k] && in[k] <= '9' || in[k] == '-')) {
			k++
		}
		if k == a || k == len(in) {
			return nil, false, 0, 0, false
		}
		if in[k] == '=' {
			if k+1 >= len(in) || in[k+1] != '"' {
				return nil, false, 0, 0, false
			}
			e := bytes.IndexByte(in[k+2:], '"')
			if e < 0 {
				return nil, false, 0, 0, false
			}
			k += 2 + e + 1
		}
	}
}

// Where a trailing space of text goes (fastTrailing).
const (
	spaceDrop = iota
	spaceKeep
	spaceUnknown
)

// fastTrailing returns what htmlMinifier does with the trailing space of
// text that ends at in[i]: it looks at the tokens after it, past end tags
// of elements that are not block tags and text of only spaces, up to a
// block tag or the end of the input (the space goes) or a start tag of
// another kind or other text (it stays). At a token fastMinify does not
// know, or after many tokens (the minifier stops looking after 100), it
// returns spaceUnknown and where it stopped.
func fastTrailing(in []byte, i int) (int, int) {
	for tokens := 0; tokens < 64; tokens++ {
		if i == len(in) {
			return spaceDrop, i
		}
		if in[i] != '<' {
			e := bytes.IndexByte(in[i:], '<')
			if e < 0 {
				e = len(in) - i
			}
			if !parse.IsAllWhitespace(in[i : i+e]) {
				return spaceKeep, i
			}
			i += e
			continue
		}
		// A start tag is read up to its name: where fastMinify gives up
		// later in it, it goes back to before the text.
		name, end, n, ok := tagName(in, i)
		if !ok || end && in[n] != '>' {
			return spaceUnknown, i
		}
		traits, ok := fastTag(name)
		if !ok {
			return spaceUnknown, i
		}
		if traits&ftBlock != 0 {
			return spaceDrop, i
		}
		if !end {
			return spaceKeep, i
		}
		i = n + 1
	}
	return spaceUnknown, i
}

// appendText appends text to dst with its runs of white space made one
// and its entities rewritten as htmlMinifier does
// (parse.ReplaceMultipleWhitespaceAndEntities); ok is false for text with
// a NUL byte.
func appendText(dst, text []byte) (_ []byte, ok bool) {
	// A byte that may change, or a space or line break after another,
	// sets changed: eight bytes at a time, without branches.
	changed, prev := uint64(0), uint64(0)
	i := 0
	for ; i+8 <= len(text); i += 8 {
		x := binary.LittleEndian.Uint64(text[i:])
		nl := zeroBytes(x ^ (lsb * '\n'))
		ws := zeroBytes(x^(lsb*' ')) | nl
		below := ^((x & (lsb * 0x7f)) + lsb*0x60) & ^x & msb // bytes below 0x20
		changed |= below&^nl | zeroBytes(x^(lsb*'&')) | ws&(ws<<8|prev)
		prev = ws >> 56
	}
	p := uint8(prev >> 7)
	for _, c := range text[i:] {
		k := textClass[c]
		changed |= uint64(k&2 | k&p)
		p = k & 1
	}
	if changed != 0 && bytes.IndexByte(text, 0) >= 0 {
		return dst, false
	}
	start := len(dst)
	dst = append(dst, text...)
	if changed != 0 {
		r := parse.ReplaceMultipleWhitespaceAndEntities(dst[start:], mhtml.EntitiesMap, mhtml.TextRevEntitiesMap)
		dst = dst[:start+copy(dst[start:], r)]
	}
	return dst, true
}

const (
	lsb = 0x0101010101010101 // the lowest bit of each byte of a word
	msb = 0x8080808080808080 // the highest
)

// zeroBytes returns the highest bit of each byte of x that is 0.
func zeroBytes(x uint64) uint64 {
	return ^((x & (lsb * 0x7f)) + lsb*0x7f | x) & msb
}

// textClass sorts the bytes of text: 0 for those htmlMinifier writes as
// they are, 1 for a space or line break (one alone stays), 2 for those it
// may change (&, tab, carriage return, form feed) and the other bytes
// below 0x20 (NUL, which the lexer may read as the end; the others only
// as appendText's words do).
var textClass = [256]uint8{' ': 1, '\n': 1, '&': 2, '\t': 2, '\r': 2, '\f': 2, 0: 2, 1: 2, 2: 2, 3: 2, 4: 2,
	5: 2, 6: 2, 7: 2, 8: 2, 11: 2, 14: 2, 15: 2, 16: 2, 17: 2, 18: 2, 19: 2, 20: 2, 21: 2, 22: 2, 23: 2,
	24: 2, 25: 2, 26: 2, 27: 2, 28: 2, 29: 2, 30: 2, 31: 2}

// fastMinify appends to dst the HTML in minified as htmlMinifier minifies
// it (see the comment above) and returns it with how much of in it stands
// for: done == len(in) when fastMinify knew all of in; else in[:done],
// where done is 0 or the place of a block tag outside pre, and fail is
// where in has something fastMinify does not know.
func fastMinify(dst, in []byte) (out []byte, done, fail int) {
	safeIn, safeOut := 0, len(dst)
	omit, inPre := true, false
	var scratch []byte
	i := 0
	for i < len(in) {
		if in[i] != '<' {
			e := bytes.IndexByte(in[i:], '<')
			if e < 0 {
				e = len(in)
			} else {
				e += i
			}
			text := in[i:e]
			if inPre {
				if bytes.IndexByte(text, 0) >= 0 {
					return dst[:safeOut], safeIn, i
				}
				dst = append(dst, text...)
				i = e
				continue
			}
			start := len(dst)
			var ok bool
			if dst, ok = appendText(dst, text); !ok {
				return dst[:safeOut], safeIn, i
			}
			if omit && parse.IsWhitespace(dst[start]) {
				dst = append(dst[:start], dst[start+1:]...)
			}
			omit = false
			if len(dst) == start {
				omit = true
			} else if parse.IsWhitespace(dst[len(dst)-1]) {
				omit = true
				switch s, at := fastTrailing(in, e); s {
				case spaceDrop:
					dst = dst[:len(dst)-1]
					omit = false
				case spaceUnknown:
					return dst[:safeOut], safeIn, at
				}
			}
			i = e
			continue
		}
		if bytes.HasPrefix(in[i:], []byte("<!DOCTYPE html>")) || bytes.HasPrefix(in[i:], []byte("<!doctype html>")) {
			dst = append(dst, "<!doctype html>"...)
			i += len("<!doctype html>")
			continue
		}
		name, end, n, ok := tagName(in, i)
		if !ok {
			return dst[:safeOut], safeIn, i
		}
		traits, ok := fastTag(name)
		if !ok || end && (in[n] != '>' || string(name) == "script") {
			return dst[:safeOut], safeIn, i
		}
		if end {
			if traits&ftBlock != 0 && !inPre {
				safeIn, safeOut = i, len(dst)
			}
			if string(name) == "pre" {
				inPre = false
			}
			omit = omitAfter(traits, omit)
			dst = append(dst, in[i:n+1]...)
			i = n + 1
			continue
		}
		// The attributes of tags with rules of their own, read ahead.
		var attrs []byte
		switch string(name) {
		case "meta", "input", "script":
			_, _, a, e, ok := fastTagAt(in, i)
			if !ok || specialAttrs(name, in[a:e]) {
				return dst[:safeOut], safeIn, i
			}
			attrs = in[a:e]
		}
		var next int
		if string(name) == "script" {
			// Only a script with attributes (the minifier drops an empty
			// one without) and nothing in it.
			dst = append(dst, "<script"...)
			if dst, scratch, next, ok = fastAttrs(dst, scratch, name, in, n, attrs); !ok || in[n] != ' ' || !bytes.HasPrefix(in[next:], []byte("</script>")) {
				return dst[:safeOut], safeIn, i
			}
			dst = append(dst, "></script>"...)
			i = next + len("</script>")
			continue
		}
		// A place to join at a block tag, once its attributes are read.
		tagIn, tagOut := i, len(dst)
		dst = append(dst, '<')
		dst = append(dst, name...)
		if dst, scratch, next, ok = fastAttrs(dst, scratch, name, in, n, attrs); !ok {
			return dst[:safeOut], safeIn, i
		}
		if traits&ftBlock != 0 && !inPre {
			safeIn, safeOut = tagIn, tagOut
		}
		if string(name) == "pre" {
			inPre = true
		}
		omit = omitAfter(traits, omit)
		dst = append(dst, '>')
		if string(name) == "title" {
			// Raw text for the lexer, up to "</title" followed by no
			// letter, in any case; its end tag is no place to join.
			r := rawEnd(in, next, name)
			if r < 0 || bytes.IndexByte(in[next:r], 0) >= 0 {
				return dst[:safeOut], safeIn, i
			}
			if !bytes.HasPrefix(in[r:], []byte("</title>")) {
				return dst[:safeOut], safeIn, r
			}
			// The text is minified as text outside pre (title is no
			// rawTag of the minifier's) before a block tag: after the
			// block tag <title>, without a space at either end.
			if start := len(dst); r > next {
				if dst, ok = appendText(dst, in[next:r]); !ok {
					return dst[:safeOut], safeIn, next
				}
				if parse.IsWhitespace(dst[start]) {
					dst = append(dst[:start], dst[start+1:]...)
				}
				if len(dst) > start && parse.IsWhitespace(dst[len(dst)-1]) {
					dst = dst[:len(dst)-1]
				}
			}
			dst = append(dst, "</title>"...)
			omit = true // a block tag
			i = r + len("</title>")
			continue
		}
		if traits == ftNormal && next+3+len(name) <= len(in) && in[next] == '<' && in[next+1] == '/' &&
			bytes.Equal(in[next+2:next+2+len(name)], name) && in[next+2+len(name)] == '>' {
			omit = false // an empty element keeps the space after it
		}
		i = next
	}
	return dst, len(in), len(in)
}

// fastAttrs appends the attributes of the tag name, from in[n] (after
// its name) to the end of the tag, to dst as htmlMinifier writes them, and
// returns where the tag ends (after '>'). It reads them as fastTagAt does;
// ok is false where fastTagAt's is, and at an attribute fastMinify does
// not know. scratch is a buffer for values that change; attrs are the
// attributes of meta, input and script as fastTagAt read them (their
// rules look at more than one).
func fastAttrs(dst, scratch, tag, in []byte, n int, attrs []byte) (_, _ []byte, next int, ok bool) {
	for k := n; ; {
		if k >= len(in) {
			return dst, scratch, 0, false
		}
		switch in[k] {
		case '>':
			return dst, scratch, k + 1, true
		case '/':
			if k+1 < len(in) && in[k+1] == '>' {
				return dst, scratch, k + 2, true
			}
			return dst, scratch, 0, false
		case ' ':
			k++
		default:
			return dst, scratch, 0, false
		}
		if k < len(in) && in[k] == '/' {
			continue // " />"
		}
		a := k
		for k < len(in) && ('a' <= in[k] && in[k] <= 'z' || k > a && ('0' <= in[k] && in[k] <= '9' || in[k] == '-')) {
			k++
		}
		if k == a || k == len(in) {
			return dst, scratch, 0, false
		}
		name := in[a:k]
		var val []byte
		if in[k] == '=' {
			if k+1 >= len(in) || in[k+1] != '"' {
				return dst, scratch, 0, false
			}
			e := bytes.IndexByte(in[k+2:], '"')
			if e < 0 {
				return dst, scratch, 0, false
			}
			val = in[k+2 : k+2+e]
			k += 2 + e + 1
		}
		kind, ok := fastAttr(tag, name)
		if !ok {
			return dst, scratch, 0, false
		}
		copied := false
		if string(name) == "content" && string(tag) == "meta" {
			if v, _ := attrValue(attrs, "name"); string(v) == "viewport" {
				scratch = append(scratch[:0], val...)
				val, copied = viewportContent(scratch), true
			}
		}
		changed := !plainValue(val, kind)
		if changed {
			if !copied {
				scratch = append(scratch[:0], val...)
			} else {
				scratch = val
			}
			if kind == faTrim || kind == faMedia {
				val = parse.TrimWhitespace(parse.ReplaceMultipleWhitespaceAndEntities(scratch, mhtml.EntitiesMap, nil))
				if kind == faMedia {
					val = minify.Mediatype(val)
				}
			} else {
				val = parse.ReplaceEntities(scratch, mhtml.EntitiesMap, nil)
				if kind == faURL {
					val = parse.TrimWhitespace(val)
				}
			}
		}
		if len(val) == 0 {
			switch string(name) {
			case "class", "dir", "id", "name":
				continue // dropped
			case "action":
				if string(tag) == "form" {
					continue
				}
			}
		}
		if len(val) == 0 || kind == faBool {
			dst = append(dst, ' ')
			dst = append(dst, name...)
			continue
		}
		if kind == faURL && len(val) >= 5 && parse.EqualFold(val[:5], []byte("data:")) {
			return dst, scratch, 0, false // rewritten by minify.DataURI
		}
		dst = append(dst, ' ')
		dst = append(dst, name...)
		dst = append(dst, '=')
		if !changed || bytes.IndexByte(val, '"') < 0 {
			dst = append(dst, '"')
			start := len(dst)
			dst = append(dst, val...)
			if kind == faURL {
				lowerScheme(dst[start:])
			}
			dst = append(dst, '"')
			continue
		}
		if kind == faURL {
			lowerScheme(val)
		}
		var buf []byte
		dst = append(dst, phtml.EscapeAttrVal(&buf, val, '"', true)...)
	}
}

// viewportContent returns the content of a meta viewport made shorter
// as htmlMinifier does: without spaces, and each number after = as short
// as minify.Number writes it. It changes b.
func viewportContent(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte(" "), []byte(""))
	for i := 0; i < len(b); i++ {
		if b[i] == '=' && i+2 < len(b) {
			i++
			if n := parse.Number(b[i:]); 0 < n {
				short := minify.Number(b[i:i+n], -1)
				if len(short) < n {
					copy(b[i:i+len(short)], short)
					copy(b[i+len(short):], b[i+n:])
					b = b[:len(b)+len(short)-n]
				}
				i += len(short)
			}
			i--
		}
	}
	return b
}

// plainValue reports whether htmlMinifier writes the attribute value v of
// the kind as it is: no entity, and for values it trims or collapses, no
// space but single spaces inside.
func plainValue(v []byte, kind int) bool {
	if kind == faPlain {
		return bytes.IndexByte(v, '&') < 0
	}
	var seen uint8
	for _, c := range v {
		seen |= attrClass[c]
	}
	switch {
	case seen&attrAmp != 0:
		return false
	case seen&attrSpace != 0 || kind == faMedia && seen&attrUpper != 0:
		return false
	case seen&attrBlank == 0:
		return true
	}
	return kind == faURL && v[0] != ' ' && v[len(v)-1] != ' '
}

// attrClass sorts the bytes of attribute values for plainValue.
var attrClass = func() (c [256]uint8) {
	c['&'] = attrAmp
	c[' '] = attrBlank
	c['\t'], c['\n'], c['\r'], c['\f'] = attrSpace, attrSpace, attrSpace, attrSpace
	for b := 'A'; b <= 'Z'; b++ {
		c[b] = attrUpper
	}
	return c
}()

const (
	attrAmp   = 1 << iota // &
	attrBlank             // a space
	attrSpace             // other white space
	attrUpper             // A to Z
)

// lowerScheme writes http: and https: at the start of the URL u in lower
// case, as htmlMinifier does (for a URL longer than 5 bytes); a data: URL,
// which it rewrites, does not come here (fastMinify gives up on it).
func lowerScheme(u []byte) {
	if len(u) <= 5 || !parse.EqualFold(u[:4], []byte("http")) {
		return
	}
	if u[4] == ':' {
		parse.ToLower(u[:4])
	} else if (u[4] == 's' || u[4] == 'S') && u[5] == ':' {
		parse.ToLower(u[:5])
	}
}

// minifyFast writes in minified by htmlMinifier to w: by fastMinify where
// it can, by htmlMinifier where fastMinify gives up, from the last place
// where the two can be joined up to the first cut after what fastMinify
// did not know (see cutter). It counts in tally when it is not nil. in is
// not changed; sp is a buffer for the copy htmlMinifier minifies (it
// changes its input).
func minifyFast(m *minify.M, w *bytes.Buffer, in []byte, sp *[]byte, tally *fastTally) error {
	if tally != nil {
		tally.calls.Add(1)
		tally.bytes.Add(int64(len(in)))
	}
	fell := false
	for len(in) > 0 {
		w.Grow(len(in))
		out, done, fail := fastMinify(w.AvailableBuffer(), in)
		w.Write(out)
		if done == len(in) {
			return nil
		}
		in, fail = in[done:], fail-done
		end := len(in)
		t := newCutter(in)
		for k := t.next(); k >= 0; k = t.next() {
			if k > fail {
				end = k
				break
			}
		}
		if tally != nil {
			if !fell {
				tally.fell.Add(1)
			}
			fell = true
			tally.fellBytes.Add(int64(end))
		}
		// A copy with room for the minifier's end mark after it.
		s := append(append((*sp)[:0], in[:end]...), 0)
		*sp = s
		if err := htmlMinifier.Minify(m, w, buffer.NewReader(s[:len(s)-1]), nil); err != nil {
			return err
		}
		in = in[end:]
	}
	return nil
}

// A fastTally counts the calls of minifyFast, those where fastMinify gave
// up at least once, the bytes given to minifyFast and those it gave to
// htmlMinifier.
type fastTally struct{ calls, fell, bytes, fellBytes atomic.Int64 }

// fastCounts counts what minifyFast does in the builds while the tests
// verify the minifier (verifyPieces).
var fastCounts fastTally

// verifyFast returns an error when page minified by minifyFast is not
// whole (page minified by htmlMinifier in one piece), or when what
// fastMinify writes of page, alone, is not what htmlMinifier writes of the
// same part of it.
func verifyFast(m *minify.M, page, whole []byte) error {
	var w bytes.Buffer
	var sp []byte
	if err := minifyFast(m, &w, page, &sp, nil); err != nil {
		return err
	}
	if i := firstDiff(whole, w.Bytes()); i >= 0 {
		return fmt.Errorf("minified by minifyFast, it differs from minified whole at byte %d: %q, not %q", i, clip(w.Bytes(), i), clip(whole, i))
	}
	out, done, _ := fastMinify(nil, page)
	want := whole
	if done < len(page) {
		var err error
		if want, err = m.Bytes("text/html", bytes.Clone(page[:done])); err != nil {
			return err
		}
	}
	if i := firstDiff(want, out); i >= 0 {
		return fmt.Errorf("minified by fastMinify up to byte %d of %d, it differs from htmlMinifier at byte %d: %q, not %q", done, len(page), i, clip(out, i), clip(want, i))
	}
	return nil
}
