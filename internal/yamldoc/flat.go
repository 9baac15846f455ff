package yamldoc

import (
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// flat parses data when it is YAML of the plainest form, the form nearly
// every page's front matter has, and reports false for anything else,
// which yaml.v3 then parses: the nodes flat makes are the nodes yaml.v3
// makes of the same text (Kind, Style, Tag, Value, Line, Column;
// FuzzFlat holds it to that). The form is a block mapping whose lines
// are each
//
//	key: value           a key in the first column, a value on its line
//	key:                 a key whose value is the list on the lines below
//	  - value            an item of that list, all of them equally indented
//	                     (an empty line)
//
// where a key is ASCII letters, digits, _ and - (a letter or _ first) and
// a value is written plain (no #, no ": ", not ending in ":", not
// starting with a character that YAML gives a meaning) or in quotes
// without escapes ("…" without \ or ", '…' without '). Tabs, carriage
// returns, control characters, comments, anchors, tags, documents
// markers, nested mappings and values over several lines are not of the
// form; neither is invalid UTF-8.
//
// yaml.v3 spends most of its time on such a file setting up its parser
// and emitting events: a page's front matter took ten times as long as
// flat takes.
func flat(data []byte) (*yaml.Node, bool) {
	// Count the nodes first, to make them in one allocation: a key and
	// a value per line, and a list's items.
	lines := 0
	for _, c := range data {
		if c == '\n' {
			lines++
		}
	}
	nodes := make([]yaml.Node, 0, 2*(lines+1)+1)
	nodes = append(nodes, yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"})
	// Content of the mapping: pointers into nodes, which is never grown
	// past its capacity.
	content := make([]*yaml.Node, 0, 2*(lines+1))
	var list *yaml.Node // the list being read, or nil
	listIndent := -1    // its items' indent
	var items []*yaml.Node
	want := false // a key without a value: a list must follow
	endList := func() {
		if list != nil {
			list.Content = items
			list, items, listIndent = nil, nil, -1
		}
	}
	ln := 0
	for i := 0; i < len(data); {
		ln++
		end := i
		for end < len(data) && data[end] != '\n' {
			end++
		}
		line := data[i:end]
		i = end + 1
		if len(line) == 0 {
			continue
		}
		if line[0] == ' ' || line[0] == '-' {
			// An item of the list under the last key.
			indent := 0
			for indent < len(line) && line[indent] == ' ' {
				indent++
			}
			if indent+1 >= len(line) || line[indent] != '-' || line[indent+1] != ' ' {
				return nil, false
			}
			switch {
			case want:
				nodes = append(nodes, yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: ln, Column: indent + 1})
				list, listIndent, want = &nodes[len(nodes)-1], indent, false
				content = append(content, list)
			case list == nil || indent != listIndent:
				return nil, false
			}
			v := indent + 2
			for v < len(line) && line[v] == ' ' {
				v++
			}
			if v == len(line) {
				return nil, false // an empty item: null
			}
			n, ok := scalar(line[v:], ln, v+1)
			if !ok {
				return nil, false
			}
			nodes = append(nodes, n)
			items = append(items, &nodes[len(nodes)-1])
			continue
		}
		if want {
			return nil, false // a key without a value and no list: null, or a mapping
		}
		endList()
		k := 0
		for k < len(line) && isKeyByte(line[k], k == 0) {
			k++
		}
		if k == 0 || k > 64 || k >= len(line) || line[k] != ':' {
			return nil, false
		}
		key := yaml.Node{Kind: yaml.ScalarNode, Value: string(line[:k]), Line: ln, Column: 1}
		key.Tag = key.ShortTag()
		nodes = append(nodes, key)
		content = append(content, &nodes[len(nodes)-1])
		if k+1 == len(line) {
			want = true
			continue
		}
		if line[k+1] != ' ' {
			return nil, false
		}
		v := k + 2
		for v < len(line) && line[v] == ' ' {
			v++
		}
		if v == len(line) {
			want = true // only spaces after the colon
			continue
		}
		n, ok := scalar(line[v:], ln, v+1)
		if !ok {
			return nil, false
		}
		nodes = append(nodes, n)
		content = append(content, &nodes[len(nodes)-1])
	}
	if want || len(content) == 0 {
		return nil, false
	}
	endList()
	m := &nodes[0]
	m.Line, m.Column = content[0].Line, 1
	m.Content = content
	return m, true
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
func scalar(s []byte, ln, col int) (yaml.Node, bool) {
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
		for _, c := range in {
			if c == q || c == '\\' && q == '"' {
				return n, false
			}
		}
		if !printable(in) {
			return n, false
		}
		n.Tag, n.Value = "!!str", string(in)
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
	if !printable(s) || string(s) == "<<" {
		return n, false
	}
	n.Value = string(s)
	n.Tag = n.ShortTag() // the tag yaml.v3 resolves a plain value to
	return n, true
}

// printable reports whether s is UTF-8 of characters that a value of
// flat's form may hold: no control character or tab, and none of the
// characters that YAML reads as a line break (U+0085, U+2028, U+2029) or
// a byte order mark (U+FEFF).
func printable(s []byte) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if c < 0x20 || c == 0x7f {
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
