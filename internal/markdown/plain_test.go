package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// tree writes the page's tree with all that goldmark's parser gives its
// nodes: kinds, positions, lines, text segments and their line breaks,
// attributes, and the parts of lists, headings, links and tables.
func tree(doc ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		fmt.Fprintf(&b, "%s%s pos=%d", strings.Repeat("  ", depth), n.Kind(), n.Pos())
		if n.Type() == ast.TypeBlock {
			fmt.Fprintf(&b, " blank=%v lines=%v", n.HasBlankPreviousLines(), n.Lines().Sliced(0, n.Lines().Len()))
		}
		for _, a := range n.Attributes() {
			fmt.Fprintf(&b, " %s=%v", a.Name, a.Value)
		}
		switch t := n.(type) {
		case *ast.Text:
			fmt.Fprintf(&b, " %v %q soft=%v hard=%v raw=%v", t.Segment, t.Segment.Value(src), t.SoftLineBreak(), t.HardLineBreak(), t.IsRaw())
		case *ast.Heading:
			fmt.Fprintf(&b, " level=%d", t.Level)
		case *ast.List:
			fmt.Fprintf(&b, " tight=%v marker=%c start=%d", t.IsTight, t.Marker, t.Start)
		case *ast.ListItem:
			fmt.Fprintf(&b, " offset=%d", t.Offset)
		case *ast.Link:
			fmt.Fprintf(&b, " %q %q", t.Destination, t.Title)
		case *ast.Image:
			fmt.Fprintf(&b, " %q %q", t.Destination, t.Title)
		case *ast.String:
			fmt.Fprintf(&b, " %q", t.Value)
		}
		b.WriteByte('\n')
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return b.String()
}

// plainPair returns a Renderer with plainMarks and one without, both
// parsing every page as a plain one, and a function that fails t if the
// page src parses into another tree or renders otherwise with the marks
// than without. It returns how many blocks the marks parsed.
func plainPair() func(t *testing.T, name string, src []byte) int {
	var have, want string
	r := New(url, func(r *Renderer) {
		r.plainOnly = true
		r.parsed = func(doc ast.Node, src []byte) { have = tree(doc, src) }
	})
	unmarked := New(url, func(r *Renderer) {
		r.plainOnly, r.unmarked = true, true
		r.parsed = func(doc ast.Node, src []byte) { want = tree(doc, src) }
	})
	return func(t *testing.T, name string, src []byte) int {
		t.Helper()
		taken := 0
		debugTaken = func() { taken++ }
		defer func() { debugTaken = nil }()
		sameRender(t, r, unmarked, name, src)
		if have != want {
			t.Fatalf("%s: tree\nhave %s\nwant %s (without plainMarks)", name, have, want)
		}
		return taken
	}
}

// TestPlain: the generated pages and the test sites' pages (as TestOracle
// finds them) parse into the same tree with plainMarks as without, and
// most of the generated pages' blocks are parsed by the marks.
func TestPlain(t *testing.T) {
	samePlain := plainPair()
	files, _ := filepath.Glob("testdata/gen/*.md")
	if len(files) < 5 {
		t.Fatalf("%d generated pages", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if n := samePlain(t, f, pageBody(src)); n < 10 {
			t.Errorf("%s: the marks parsed %d blocks, want 10 or more", f, n)
		}
	}
	for _, tc := range []string{
		"Rubrik\n===\n\ntext  \nmer\\\nslut\n",
		"- a\n- b\n\n  c\n- [ ] d\n\n1. e\n2. f\n",
		"> a\n> b\n\n# Rubrik #\n\n| a | b |\n|---|---|\n| c | d |\n",
		"\ta\tb\n- \tc\n  d\r\ne  \r\nf\n",
	} {
		samePlain(t, fmt.Sprintf("%q", tc), []byte(tc))
	}
}

// FuzzPlain: any Markdown parses, as a plain page, into the same tree with
// plainMarks as without, and renders the same.
func FuzzPlain(f *testing.F) {
	for _, s := range []string{
		"Rubrik\n===\n\ntext  \nmer\\\nslut\n",
		"- a\n- b\n\n  c\n- [ ] d\n\n1. e\n2. f\n",
		"> a\n> b\n\n# Rubrik #\n\n| a | b |\n|---|---|\n| c | d |\n",
		"\ta\tb\n- \tc\n  d\r\ne  \r\nf\n",
		"a\n===\n[x]: /y\n===\nb\n---\n",
		"* a\n\n  b\n* c\n",
		"## a ##   \nb &amp; \"c\" <d>\n",
	} {
		f.Add(s)
	}
	samePlain := plainPair()
	f.Fuzz(func(t *testing.T, src string) {
		samePlain(t, "fuzz", []byte(src))
	})
}

// FuzzPlainIndex: state.plain says a block's lines are plain only if
// plainLines, which looks at every byte, does.
func FuzzPlainIndex(f *testing.F) {
	f.Add("a [b] c\nd e\n* f\n", 0, 5, 6, 9)
	f.Fuzz(func(t *testing.T, body string, a, b, c, d int) {
		st := new(state)
		st.body = []byte(body)
		st.starts = append(st.starts, 0)
		for i := range len(body) {
			if body[i] == '\n' {
				st.starts = append(st.starts, i+1)
			}
		}
		var lines text.Segments
		lines.Append(text.NewSegment(a, b))
		lines.Append(text.NewSegment(c, d))
		if st.plain(&lines) && !plainLines(&lines, st.body) {
			t.Fatalf("plain %q %v", body, lines.Sliced(0, 2))
		}
	})
}
