package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// tree writes the page's tree with all that goldmark's parser gives its
// nodes: kinds, positions, lines, text segments and their line breaks,
// attributes, and the parts of lists, headings, links and tables. Texts
// one after the other, the first without a line break, are written as
// one, as ast.MergeOrAppendTextSegment makes them: where a plainMark took
// the start of a line, it makes two.
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
			t, ok := c.(*ast.Text)
			if !ok {
				walk(c, depth+1)
				continue
			}
			seg, pos := t.Segment, t.Pos()
			for {
				next, ok := c.NextSibling().(*ast.Text)
				if !ok || seg.Stop != next.Segment.Start || seg.Padding != 0 || next.Segment.Padding != 0 ||
					t.SoftLineBreak() || t.HardLineBreak() || t.IsRaw() != next.IsRaw() {
					break
				}
				seg.Stop, c, t = next.Segment.Stop, next, next
			}
			fmt.Fprintf(&b, "%sText pos=%d %v %q soft=%v hard=%v raw=%v\n", strings.Repeat("  ", depth+1), pos,
				seg, seg.Value(src), t.SoftLineBreak(), t.HardLineBreak(), t.IsRaw())
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

// FuzzPlainIndex: what state.prefix finds plain is plain by plainLines,
// which looks at every byte: the whole lines it takes, and the start of
// the next, which ends before a space before its first inline start.
func FuzzPlainIndex(f *testing.F) {
	f.Add("a [b] c\nd e\n* f\n", 0, 5, 6, 9, 10, 14)
	f.Add("a b\nc d [e]\n", 0, 4, 4, 12, 12, 12)
	f.Fuzz(func(t *testing.T, body string, a, b, c, d, e, g int) {
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
		lines.Append(text.NewSegment(e, g))
		whole, cut := st.prefix(&lines)
		var taken text.Segments
		taken.AppendAll(lines.Sliced(0, whole))
		if whole > 0 && !plainLines(&taken, st.body) {
			t.Fatalf("%q %v: %d lines plain, plainLines says no", body, lines.Sliced(0, 3), whole)
		}
		if whole < lines.Len() {
			seg := lines.At(whole)
			if cut > seg.Start {
				var start text.Segments
				start.Append(text.NewSegment(seg.Start, cut))
				if !plainLines(&start, st.body) || st.body[cut] != ' ' || cut >= seg.Stop {
					t.Fatalf("%q %v: line %d plain up to %d", body, lines.Sliced(0, 3), whole, cut)
				}
			} else if cut != seg.Start {
				t.Fatalf("%q %v: line %d cut at %d", body, lines.Sliced(0, 3), whole, cut)
			}
		}
	})
}

// TestConcurrent: pages rendered at once on several goroutines (as the
// build does) come out as rendered one by one, though their states and
// the nodes in them (newMark, newText) are used again.
func TestConcurrent(t *testing.T) {
	files, _ := filepath.Glob("testdata/gen/*.md")
	r := New(url)
	var pages [][]byte
	var want []Result
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, pageBody(src))
		res, _ := r.Render("content/a.md", pages[len(pages)-1], 5)
		want = append(want, res)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 * len(pages) {
				p := (i + g) % len(pages)
				if have, _ := r.Render("content/a.md", pages[p], 5); !reflect.DeepEqual(have, want[p]) {
					errs <- files[p]
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for f := range errs {
		t.Errorf("%s: rendered otherwise on several goroutines", f)
	}
}
