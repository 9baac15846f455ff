package pagescan

import "bytes"

// The lexer: the page's HTML read byte by byte into the tokens the scanner
// takes (start tags with their attributes, text, end tags), as the HTML5
// tokenizer of github.com/tdewolff/parse/v2/html (v2.8.20) cuts them, on
// which the scans were first made and which the tests keep as their
// measure (oracle_test.go): the same tokens from any bytes, the same
// pieces of text, so the same scans. Unlike that lexer it needs no mark
// after the page and writes nothing into it, and it looks for the next
// '<' with bytes.IndexByte instead of byte by byte. What it knows:
//
//   - A tag starts at '<' followed by a letter; "</" followed by anything
//     but '>' and the end is an end tag, a bogus comment when a letter
//     does not follow; "<!--" starts a comment up to "-->" or "--!>",
//     "<![CDATA[" text up to "]]>", other "<!" and "<?" a bogus comment
//     up to '>'. Any other '<' is text.
//   - The text of script, style, textarea, title, xmp, iframe (up to
//     their end tag; a script's "<!--" hides "</script>" inside a nested
//     "<script>") and plaintext (to the end) is one piece of raw text.
//   - svg, math and xml elements are skipped whole, up to their end tag
//     at the same depth; a NUL byte in one ends the page.
//   - The end of the page inside a tag ends the scan without the tag.

// run scans the page data.
func (s *scanner) run(data []byte) {
	s.sections = append(s.sections, section{})
	s.lex(data)
	s.endSection()
}

// at returns data[i], 0 past the end.
func at(data []byte, i int) byte {
	if i < len(data) {
		return data[i]
	}
	return 0
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isBlank reports the spaces between attributes.
func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// nameEnd holds the bytes that end a tag's or an attribute's name ('/'
// only before '>', and '=' an attribute's); valueEnd those that end an
// unquoted attribute value.
var nameEnd, valueEnd = func() (name, value [256]bool) {
	for _, c := range []byte(" \t\n\r\f>") {
		name[c], value[c] = true, true
	}
	name['/'] = true
	return name, value
}()

// lex reads data into tokens for the scanner.
func (s *scanner) lex(data []byte) {
	n := len(data)
	text := 0 // where the text not yet given starts
	i := 0
	for {
		j := 0
		if i >= n || data[i] != '<' { // a tag right after the last: no call
			j = bytes.IndexByte(data[i:], '<')
		}
		if j < 0 {
			if text < n {
				s.textToken(data[text:])
			}
			return
		}
		i += j
		c := at(data, i+1)
		isEnd := c == '/' && i+2 < n && data[i+2] != '>'
		if !isEnd && !isLetter(c) && c != '!' && c != '?' {
			i++ // not a tag
			continue
		}
		if text < i {
			s.textToken(data[text:i])
		}
		switch {
		case isEnd:
			i += 2
			if !isLetter(data[i]) {
				i = pastGT(data, i) // a bogus comment
				break
			}
			k := bytes.IndexByte(data[i:], '>')
			name := data[i:]
			if k >= 0 {
				name = data[i : i+k]
				i += k + 1
			} else {
				i = n
			}
			for len(name) > 0 {
				if c := name[len(name)-1]; c == ' ' || c == '\t' || c == '\n' || c == '\r' {
					name = name[:len(name)-1]
					continue
				}
				break
			}
			s.endTag(lower(name))
		case c == '!':
			i = s.markup(data, i+2)
		case c == '?':
			i = pastGT(data, i+1)
		default:
			var ok bool
			if i, ok = s.startTagAt(data, i+1); !ok {
				return
			}
		}
		text = i
		if s.clean() {
			i = s.replay(data, i)
			text = i
		}
	}
}

// pastGT returns the position after the first '>' from i, or the end.
func pastGT(data []byte, i int) int {
	if k := bytes.IndexByte(data[i:], '>'); k >= 0 {
		return i + k + 1
	}
	return len(data)
}

// markup reads what follows "<!" at i: a comment, CDATA (text), a doctype
// or a bogus comment. It returns the position after it.
func (s *scanner) markup(data []byte, i int) int {
	n := len(data)
	switch {
	case bytes.HasPrefix(data[i:], []byte("--")):
		for p := i + 2; ; {
			k := bytes.IndexByte(data[p:], '-')
			if k < 0 {
				return n
			}
			p += k
			if at(data, p+1) == '-' {
				switch at(data, p+2) {
				case '>':
					return p + 3
				case '!':
					if at(data, p+3) == '>' {
						return p + 4
					}
				}
			}
			p++
		}
	case bytes.HasPrefix(data[i:], []byte("[CDATA[")):
		start := i + 7
		if k := bytes.Index(data[start:], []byte("]]>")); k >= 0 {
			s.textToken(data[start : start+k])
			return start + k + 3
		}
		s.textToken(data[start:])
		return n
	}
	return pastGT(data, i)
}

// Raw text elements (see rawEnd).
const (
	rawNone = iota
	rawText
	rawScript
	rawPlain
	rawXML // svg, math, xml: skipped whole
)

// rawKind returns what the element named name (lowercase) holds.
func rawKind(name []byte) int {
	switch string(name) {
	case "textarea", "title", "style", "xmp", "iframe":
		return rawText
	case "script":
		return rawScript
	case "plaintext":
		return rawPlain
	case "svg", "math", "xml":
		return rawXML
	}
	return rawNone
}

// startTagAt reads a start tag whose name starts at i, its attributes
// and, for a raw text element, its text. It returns the position after
// them, and false when the scan ends there.
func (s *scanner) startTagAt(data []byte, i int) (int, bool) {
	n := len(data)
	p := i
	for p < n && (!nameEnd[data[p]] || data[p] == '/' && at(data, p+1) != '>') {
		p++
	}
	name := lower(data[i:p])
	kind := rawKind(name)
	if kind == rawXML {
		return skipXML(data, p, name)
	}
	s.tag, s.attrs = name, s.attrs[:0]
	s.startTag()
	for {
		for p < n && isBlank(data[p]) {
			p++
		}
		if p >= n {
			return n, false
		}
		c := data[p]
		if c == '>' {
			p++
			break
		}
		if c == '/' && at(data, p+1) == '>' {
			p += 2
			break
		}
		ns := p
		for p < n && (!nameEnd[data[p]] || data[p] == '/' && at(data, p+1) != '>') && data[p] != '=' {
			p++
		}
		ne := p
		for p < n && isBlank(data[p]) {
			p++
		}
		var val []byte
		if at(data, p) == '=' {
			p++
			for p < n && isBlank(data[p]) {
				p++
			}
			vs := p
			if d := at(data, p); d == '"' || d == '\'' {
				if k := bytes.IndexByte(data[p+1:], d); k >= 0 {
					p += k + 2
				} else {
					p = n
				}
			} else {
				for p < n && !valueEnd[data[p]] {
					p++
				}
			}
			val = data[vs:p]
		} else {
			p = ne
		}
		if k := wanted(lower(data[ns:ne])); k != "" {
			s.attrs = append(s.attrs, [2]string{k, s.unquote(val)})
		}
	}
	s.closeStartTag()
	if kind == rawNone {
		return p, true
	}
	end := n
	if kind != rawPlain {
		end = rawEnd(data, p, name, kind == rawScript)
	}
	if p < end {
		s.textToken(data[p:end])
	}
	return end, true
}

// rawEnd returns where the raw text from i of the element name ends: at
// its end tag, or the end of data.
func rawEnd(data []byte, i int, name []byte, script bool) int {
	n := len(data)
	q := i
	for {
		k := bytes.IndexByte(data[q:], '<')
		if k < 0 {
			return n
		}
		q += k
		switch {
		case at(data, q+1) == '/':
			mark := q
			q += 2
			ls := q
			for q < n && isLetter(data[q]) {
				q++
			}
			if equalLower(data[ls:q], name) {
				return mark
			}
		case script && at(data, q+1) == '!' && at(data, q+2) == '-' && at(data, q+3) == '-':
			q += 4
			inScript := false
		comment:
			for {
				if q >= n {
					return n
				}
				switch data[q] {
				case '-':
					if at(data, q+1) == '-' && at(data, q+2) == '>' {
						q += 3
						break comment
					}
					q++
				case '<':
					isEnd := at(data, q+1) == '/'
					if isEnd {
						q += 2
					} else {
						q++
					}
					mark := q
					for q < n && isLetter(data[q]) {
						q++
					}
					if equalLower(data[mark:q], name) {
						if !isEnd {
							inScript = true
						} else if !inScript {
							return mark - 2
						} else {
							inScript = false
						}
					}
				default:
					q++
				}
			}
		default:
			q++
		}
	}
}

// skipXML skips an svg, math or xml element from i, after its name, to
// after its end tag at the same depth. It returns false when the scan
// ends there (the end of data, or a NUL byte).
func skipXML(data []byte, i int, name []byte) (int, bool) {
	n := len(data)
	p := i
	nested := 0
	inQuote := false
	for {
		if p >= n {
			return n, false
		}
		c := data[p]
		switch {
		case c == '"':
			inQuote = !inQuote
			p++
		case c == '<' && !inQuote:
			isEnd := at(data, p+1) == '/'
			if isEnd {
				p += 2
			} else {
				p++
			}
			start := p
			for p < n && isLetter(data[p]) {
				p++
			}
			if !isEnd && at(data, p) == '/' {
				// a self-closing tag
			} else if equalLower(data[start:p], name) {
				if isEnd {
					if nested == 0 {
						for {
							if p >= n || data[p] == 0 {
								return n, false
							}
							if data[p] == '>' {
								return p + 1, true
							}
							p++
						}
					}
					nested--
				} else {
					nested++
				}
			}
		case c == 0:
			return n, false
		default:
			p++
		}
	}
}

// equalLower reports whether b in lowercase is name (lowercase).
func equalLower(b, name []byte) bool {
	if len(b) != len(name) {
		return false
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != name[i] {
			return false
		}
	}
	return true
}
