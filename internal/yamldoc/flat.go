package yamldoc

import (
	"bytes"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// flat parses data when it is YAML of the plainest form, the form of
// nearly all front matter and of the unit registries, and reports false
// for anything else, which yaml.v3 then parses: the nodes flat makes are
// the nodes yaml.v3 makes of the same text (Kind, Style, Tag, Value,
// Line, Column, all but comments; TestFlatAsYAML and FuzzFlat hold it to
// that). The form is
// blocks of lines, each block's lines equally indented with spaces:
//
//	key: value        a mapping's key and a value on its line
//	key:              a key whose value is the block on the lines below:
//	  key: value        a mapping indented more,
//	  - value           or a list, indented more or as much as the key
//	- value           an item of a list
//	- key: value      an item that is a mapping, whose other keys stand
//	  key: value      under its first
//	                  (an empty line)
//
// where the document is a block starting in the first column, a key is
// ASCII letters, digits, _ and - (a letter or _ first) and a value is
// written plain (no #, no ": ", not ending in ":", not starting with a
// character that YAML gives a meaning) or in quotes ("…" with no escape
// but \" and \\, '…' without '). Comments (# … on a line of its
// own, or after a value and a space) are read over and left out of the
// nodes: nothing reads them. Tabs, carriage returns, control characters,
// anchors, tags, document markers, flow mappings, an item that is a list,
// and values over several lines are not of the form; neither is invalid
// UTF-8.
//
// yaml.v3 spends most of its time on such a file setting up its parser,
// scanning tokens and emitting events: flat reads a page's front matter
// in a tenth of the time.
func flat(data []byte) (*yaml.Node, bool) {
	p := flatParser{data: data}
	p.peek()
	if p.eof || p.indent != 0 {
		return nil, false
	}
	var n *yaml.Node
	if isItem(p.line) {
		n = p.sequence(0)
	} else {
		n = p.mapping(0, nil)
	}
	if p.failed || !p.eof {
		return nil, false
	}
	return n, true
}

// flatParser reads data line by line for flat.
type flatParser struct {
	data   []byte
	next   int    // offset of the line after the current one
	ln     int    // the current line's number (1-based)
	line   []byte // the current line, without its indent
	indent int    // the current line's indent in spaces
	eof    bool   // no line is left
	failed bool   // something not of flat's form was found

	nodes  []yaml.Node  // made in blocks, handed out one by one
	stack  []*yaml.Node // the content of the blocks being read, innermost last
	blocks int          // blocks of nodes made
	text   string       // data as a string, made once: keys and values are parts of it
}

// str returns b, a part of p.data, as a part of p.text: a document's keys
// and values are one string, not one each.
func (p *flatParser) str(b []byte) string {
	if p.text == "" {
		p.text = string(p.data)
	}
	i := cap(p.data) - cap(b) // b's offset: it is p.data[i:j]
	return p.text[i : i+len(b)]
}

// peek makes the next line that is not empty the current one.
func (p *flatParser) peek() {
	for {
		if p.next >= len(p.data) {
			p.eof, p.line = true, nil
			return
		}
		i := p.next
		end := i
		for end < len(p.data) && p.data[end] != '\n' {
			end++
		}
		p.next = end + 1
		p.ln++
		if end == i {
			continue
		}
		k := i
		for k < end && p.data[k] == ' ' {
			k++
		}
		if k == end {
			continue // a line of spaces
		}
		if p.data[k] == '#' { // a comment
			if !readable(p.data[k:end], true) {
				p.failed = true
			}
			continue
		}
		p.line, p.indent = p.data[k:end], k-i
		return
	}
}

// node returns a new node: a pointer into a block of them, the first
// block as large as the nodes of a document of key: value lines.
func (p *flatParser) node(n yaml.Node) *yaml.Node {
	if len(p.nodes) == 0 {
		size := 256
		if p.blocks == 0 {
			size = min(size, 2*bytes.Count(p.data, []byte("\n"))+3)
		}
		p.blocks++
		p.nodes = make([]yaml.Node, size)
	}
	nd := &p.nodes[0]
	*nd = n
	p.nodes = p.nodes[1:]
	return nd
}

// flow reads s, a list written on one line ([a, b]) at column col of
// the current line, whose items are values in quotes or plain values
// without the characters that YAML gives a meaning in such a list, and
// returns it, or nil when s
// is not such a list and nothing but spaces after it. A ? in an item is
// not of the form: yaml.v3 ends a plain item there ([0?] is refused).
func (p *flatParser) flow(s []byte, col int) *yaml.Node {
	seq := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: p.ln, Column: col})
	base := len(p.stack)
	i := 1
	for {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == len(s) {
			return nil
		}
		if s[i] == ']' && len(p.stack) == base { // []
			i++
			break
		}
		j := i
		if q := s[i]; q == '"' || q == '\'' { // a quoted item: to its closing quote
			for j++; j < len(s) && s[j] != q; j++ {
				if s[j] == '\\' && q == '"' {
					j++
				}
			}
			if j >= len(s) {
				return nil
			}
			j++
		}
		for j < len(s) && s[j] != ',' && s[j] != ']' {
			switch s[j] {
			case '[', '{', '}', '"', '\'', '?': // ? ends a plain item for yaml.v3
				return nil
			}
			j++
		}
		if j == len(s) || j == i {
			return nil
		}
		// Columns count characters: the items before may have letters of
		// more than a byte.
		sc, ok := p.scalar(s[i:j], p.ln, col+utf8.RuneCount(s[:i]))
		if !ok {
			return nil
		}
		p.stack = append(p.stack, p.node(sc))
		i = j + 1
		if s[j] == ']' {
			break
		}
	}
	for ; i < len(s); i++ {
		if s[i] != ' ' {
			return nil
		}
	}
	seq.Content = p.pop(base)
	return seq
}

// uncomment returns the line s without the comment after the value that
// starts at v (after a space: " # …"), if any: after the closing quote
// or bracket of a value that starts with one, else at the first " #".
// What is left is s's when anything else follows a closing quote or
// bracket, for scalar or flow to refuse.
func uncomment(s []byte, v int) []byte {
	if v == len(s) {
		return s
	}
	end := -1
	switch s[v] {
	case '#':
		return commented(s, v)
	case '"', '\'', '[':
		close := s[v]
		if close == '[' {
			close = ']'
		}
		for j := v + 1; j < len(s); j++ {
			if s[j] == '\\' && close == '"' {
				j++ // \" or \\
			} else if s[j] == close {
				end = j + 1
				break
			}
		}
		if end < 0 {
			return s
		}
		rest := bytes.TrimLeft(s[end:], " ")
		if len(rest) > 0 && rest[0] == '#' && len(rest) < len(s)-end {
			return commented(s, len(s)-len(rest))
		}
		return s
	}
	if i := bytes.Index(s[v:], []byte(" #")); i >= 0 {
		return commented(s, v+i+1)
	}
	return s
}

// commented returns s without the comment at c, or s when the comment
// holds what YAML refuses in a file (then the value is not of flat's
// form).
func commented(s []byte, c int) []byte {
	if !readable(s[c:], true) {
		return s
	}
	return s[:c]
}

// pop returns the content of the block whose content starts at base on
// the stack, and takes it off.
func (p *flatParser) pop(base int) []*yaml.Node {
	c := slices.Clone(p.stack[base:])
	clear(p.stack[base:])
	p.stack = p.stack[:base]
	return c
}

// isItem reports whether line is an item of a list: "- " and more.
func isItem(line []byte) bool {
	return len(line) >= 2 && line[0] == '-' && line[1] == ' '
}

// keyEnd returns the length of the key that s starts with when s is a key
// and a colon, followed by a space or nothing, or 0.
func keyEnd(s []byte) int {
	k := 0
	for k < len(s) && isKeyByte(s[k], k == 0) {
		k++
	}
	if k == 0 || k > 64 || k >= len(s) || s[k] != ':' || k+1 < len(s) && s[k+1] != ' ' {
		return 0
	}
	return k
}

// mapping reads a block mapping whose keys stand at column indent+1: from
// the current line, or from first, the rest of it at that column (the
// first key of a list's item). It leaves the first line after it current.
func (p *flatParser) mapping(indent int, first []byte) *yaml.Node {
	m := p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: p.ln, Column: indent + 1})
	base := len(p.stack)
	s := first
	if s == nil {
		s = p.line
	}
	for !p.failed {
		k := keyEnd(s)
		if k == 0 {
			p.failed = true
			return nil
		}
		key := p.node(yaml.Node{Kind: yaml.ScalarNode, Value: p.str(s[:k]), Line: p.ln, Column: indent + 1})
		key.Tag = plainTag(key)
		v := k + 1
		for v < len(s) && s[v] == ' ' {
			v++
		}
		s = uncomment(s, v)
		var val *yaml.Node
		if v < len(s) && s[v] == '[' {
			if val = p.flow(s[v:], indent+v+1); val == nil {
				p.failed = true
				return nil
			}
			p.peek()
		} else if v < len(s) {
			sc, ok := p.scalar(s[v:], p.ln, indent+v+1)
			if !ok {
				p.failed = true
				return nil
			}
			val = p.node(sc)
			p.peek()
		} else {
			// The value is the block below.
			p.peek()
			switch {
			case p.eof || p.failed:
				p.failed = true // null
				return nil
			case isItem(p.line) && p.indent >= indent:
				val = p.sequence(p.indent)
			case p.indent > indent:
				val = p.mapping(p.indent, nil)
			default:
				p.failed = true // null
				return nil
			}
			if p.failed {
				return nil
			}
		}
		p.stack = append(p.stack, key, val)
		if p.eof || p.indent < indent {
			m.Content = p.pop(base)
			return m
		}
		if p.indent > indent {
			p.failed = true
			return nil
		}
		s = p.line
	}
	return nil
}

// sequence reads a block list whose items' dashes stand at column
// indent+1, from the current line on. It leaves the first line after it
// current.
func (p *flatParser) sequence(indent int) *yaml.Node {
	seq := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.ln, Column: indent + 1})
	base := len(p.stack)
	for !p.failed {
		s := p.line
		v := 2
		for v < len(s) && s[v] == ' ' {
			v++
		}
		if keyEnd(s[v:]) == 0 {
			s = uncomment(s, v) // a mapping's values take their own off
		}
		if v == len(s) || isItem(s[v:]) {
			p.failed = true // an empty item (null), or a list
			return nil
		}
		var item *yaml.Node
		if keyEnd(s[v:]) > 0 {
			item = p.mapping(indent+v, s[v:])
		} else {
			sc, ok := p.scalar(s[v:], p.ln, indent+v+1)
			if !ok {
				p.failed = true
				return nil
			}
			item = p.node(sc)
			p.peek()
		}
		if p.failed {
			return nil
		}
		p.stack = append(p.stack, item)
		if p.eof || p.indent < indent || p.indent == indent && !isItem(p.line) {
			seq.Content = p.pop(base)
			return seq
		}
		if p.indent > indent {
			p.failed = true
			return nil
		}
	}
	return nil
}

// plainTag returns the tag yaml.v3 resolves the plain scalar n to. Only a
// value that starts with a sign, a digit, a dot, ~ or a letter of null,
// true, false (yYnNtTfFoO in yaml.v3's table) can be other than a string.
func plainTag(n *yaml.Node) string {
	switch c := n.Value[0]; {
	case '0' <= c && c <= '9' && isDate(n.Value):
		return "!!timestamp"
	case c == '+', c == '-', c == '.', c == '~', '0' <= c && c <= '9', strings.IndexByte("yYnNtTfFoO", c) >= 0:
		return n.ShortTag()
	}
	return "!!str"
}

// isDate reports whether s is a date written 2006-01-02 that is a day of
// the calendar: the dates of front matter and registries. yaml.v3 tags it
// !!timestamp, but only after three layouts of time.Parse that fail (an
// error made for each) and the time put in an interface, for every date
// of every page; a string that is not such a date is left to yaml.v3
// (TestPlainTagDates holds isDate to it).
func isDate(s string) bool {
	if len(s) != len(time.DateOnly) || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// isKeyByte reports whether c may stand in a key of flat's form (first:
// as its first byte).
func isKeyByte(c byte, first bool) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_':
		return true
	case '0' <= c && c <= '9', c == '-':
		return !first
	}
	return false
}

// scalar returns the scalar node of the value s (the rest of a line, not
// empty, not starting with a space) at line ln and column col, and false
// when it is not of flat's form.
func (p *flatParser) scalar(s []byte, ln, col int) (yaml.Node, bool) {
	// Trailing spaces are not the value's.
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	n := yaml.Node{Kind: yaml.ScalarNode, Line: ln, Column: col}
	switch q := s[0]; q {
	case '"', '\'':
		if len(s) < 2 || s[len(s)-1] != q {
			return n, false
		}
		in := s[1 : len(s)-1]
		escaped := false // \" or \\ in "…", the only escapes of flat's form
		for i := 0; i < len(in); i++ {
			switch c := in[i]; {
			case c == '\\' && q == '"':
				if i+1 == len(in) || in[i+1] != '"' && in[i+1] != '\\' {
					return n, false
				}
				escaped = true
				i++
			case c == q:
				return n, false
			}
		}
		if !readable(in, false) {
			return n, false
		}
		n.Tag, n.Value = "!!str", p.str(in)
		if escaped {
			var b strings.Builder
			for i := 0; i < len(in); i++ {
				if in[i] == '\\' {
					i++
				}
				b.WriteByte(in[i])
			}
			n.Value = b.String()
		}
		n.Style = yaml.DoubleQuotedStyle
		if q == '\'' {
			n.Style = yaml.SingleQuotedStyle
		}
		return n, true
	case '-':
		if len(s) < 2 || s[1] < '0' || s[1] > '9' {
			return n, false
		}
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`':
		return n, false
	}
	if s[len(s)-1] == ':' {
		return n, false
	}
	for i, c := range s {
		if c == '#' || c == ':' && s[i+1] == ' ' { // s does not end in ':'
			return n, false
		}
	}
	if !readable(s, false) || string(s) == "<<" {
		return n, false
	}
	n.Value = p.str(s)
	n.Tag = plainTag(&n)
	return n, true
}

// readable reports whether s is UTF-8 of characters that a value of
// flat's form may hold (a comment: and tabs): no control character, and
// none of the characters that YAML reads as a line break (U+0085, U+2028,
// U+2029) or a byte order mark (U+FEFF).
func readable(s []byte, tabs bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if c < 0x20 && !(tabs && c == '\t') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1, r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff,
			0xd800 <= r && r < 0xe000, r == 0xfffe, r == 0xffff:
			return false
		}
		i += size
	}
	return true
}
