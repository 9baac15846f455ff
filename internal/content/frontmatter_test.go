package content

import (
	"bytes"
	"testing"

	"github.com/adrg/frontmatter"
)

// TestFrontMatterAsBefore: frontMatter splits a file where
// github.com/adrg/frontmatter (format ---/---), which the build used
// before, did: the same YAML, the same body, the same files refused.
func TestFrontMatterAsBefore(t *testing.T) {
	format := frontmatter.NewFormat("---", "---", func(data []byte, v any) error {
		*(v.(*[]byte)) = data
		return nil
	})
	for _, in := range []string{
		"", "---", "---\n", "---\n---", "---\n---\n", "---\ntitle: A\n---\nText\n",
		"\n\n  \n---\ntitle: A\n---\nText", "  ---  \ntitle: A\n  --- \n\nText\n",
		"title: A\n---\n", "---\ntitle: A\n", "---\ntitle: A\n---", "---\ntitle: A\n----\n---\nB",
		"---\ntitle: A\n---\n---\nB\n", "\u00a0\n---\n\u00a0---\u00a0\nx", "---x\n---\n", "\n", "---\n\n---\n",
		"---\ntitle: A\n...\nText", "---\na: |\n  ---\n---\nb",
	} {
		var want []byte
		body, err := frontmatter.MustParse(bytes.NewReader([]byte(in)), &want, format)
		have, head, ok := frontMatter([]byte(in))
		if ok != (err == nil) {
			t.Errorf("%q: found %v, frontmatter found %v", in, ok, err == nil)
			continue
		}
		if ok && (string(have) != string(want) || in[head:] != string(body)) {
			t.Errorf("%q: front matter %q, body %q; frontmatter gave %q, %q", in, have, in[head:], want, body)
		}
	}
}

// TestControlIn: the first control character (diag.IsControl) in a body,
// found by bytes.
func TestControlIn(t *testing.T) {
	for _, tc := range []struct {
		in        string
		line, col int
		r         rune
	}{
		{"ab\tc\nd", 0, 0, 0},
		{"a\x01", 1, 2, 1},
		{"å\nää\x7f", 2, 3, 0x7f},
		{"x\n\u0085y", 2, 1, 0x85},
		{"\u00a0\u009f", 1, 2, 0x9f},
		{"\u00c2\u00a0ok", 0, 0, 0},
	} {
		line, col, r, ok := controlIn([]byte(tc.in))
		if ok != (tc.r != 0) || line != tc.line || col != tc.col || r != tc.r {
			t.Errorf("controlIn(%q) = %d, %d, %U, %v; want %d, %d, %U", tc.in, line, col, r, ok, tc.line, tc.col, tc.r)
		}
	}
}
