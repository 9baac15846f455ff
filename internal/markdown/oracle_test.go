package markdown

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/tools/txtar"
)

var oracleDirs = flag.String("oracle", "", "more folders (a generated site, examples/…) whose .md files TestOracle renders, separated by commas")

// oracle returns a Renderer that parses every page with extension.Linkify
// and writes text with goldmark's html.DefaultWriter, as New did before
// pages were told apart by linkifies and textWriter took shortcuts.
func oracle(opts ...Option) *Renderer {
	return New(url, append(opts, func(r *Renderer) { r.straight = true })...)
}

// sameRender fails t if r and want give a different Result or different
// problems for the Markdown src.
func sameRender(t *testing.T, r, want *Renderer, name string, src []byte) {
	t.Helper()
	have, haveErrs := r.Render("content/om/sida.md", src, 3)
	wantRes, wantErrs := want.Render("content/om/sida.md", src, 3)
	if have.HTML != wantRes.HTML {
		t.Fatalf("%s: HTML\nhave %q\nwant %q (the oracle)\nlinkifies: %v", name, have.HTML, wantRes.HTML, linkifies(src))
	}
	if !reflect.DeepEqual(have, wantRes) || fmt.Sprint(haveErrs) != fmt.Sprint(wantErrs) {
		t.Fatalf("%s: result\nhave %+v %v\nwant %+v %v (the oracle)", name, have, haveErrs, wantRes, wantErrs)
	}
}

// pageBody returns the Markdown of a page file: what follows its front matter.
func pageBody(src []byte) []byte {
	if rest, ok := bytes.CutPrefix(src, []byte("---\n")); ok {
		if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
			return rest[i+len("\n---\n"):]
		}
	}
	return src
}

// TestOracle: every Markdown page of the repository's test sites (the .md
// files in the txtar archives under testdata folders, outside content/),
// the generated pages in testdata/gen (bench/gen), and the folders given
// with -oracle render as with the oracle, goldmark as it comes: the same
// HTML, headings, links and problems. The pages without an autolink are
// parsed without extension.Linkify (see linkifies).
func TestOracle(t *testing.T) {
	var pages []string
	var srcs [][]byte
	add := func(name string, src []byte) {
		pages, srcs = append(pages, name), append(srcs, pageBody(src))
	}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "content" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.Contains(filepath.ToSlash(p), "/testdata/") {
			return nil
		}
		switch filepath.Ext(p) {
		case ".md":
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			add(p, src)
		case ".txtar":
			a, err := txtar.ParseFile(p)
			if err != nil {
				return err
			}
			for _, f := range a.Files {
				if strings.HasSuffix(f.Name, ".md") {
					add(p+":"+f.Name, f.Data)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range strings.Split(*oracleDirs, ",") {
		if dir == "" {
			continue
		}
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Ext(p) != ".md" {
				return err
			}
			src, err := os.ReadFile(p)
			add(p, src)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	plain, gen := 0, 0
	for i, src := range srcs {
		if !linkifies(src) {
			plain++
		}
		if strings.Contains(pages[i], "testdata/gen/") {
			gen++
		}
	}
	// The test holds only if it sees pages of both kinds, and the
	// generated ones.
	if plain < 100 || len(srcs)-plain < 5 || gen < 5 {
		t.Fatalf("%d pages, %d of them without autolinks, %d generated: the walk missed the test sites", len(srcs), plain, gen)
	}
	r, want := New(url), oracle()
	for i, src := range srcs {
		sameRender(t, r, want, pages[i], src)
	}
	t.Logf("%d pages, %d without autolinks", len(srcs), plain)
}

// FuzzOracle: any Markdown renders as with the oracle, goldmark as it
// comes.
func FuzzOracle(f *testing.F) {
	for _, s := range []string{
		"Se www.example.se och kim@example.se.\n",
		// Linkify in a link's label (goldmark's IsInLinkLabel).
		"[se www.example.se och](/om/) [öppen https://x.se *a [b www.c.se](/d)*\n",
		// A plain page (no autolink) with < and \ in its text: presentIn
		// takes them from the index of inline starts.
		"a < b och c \\ d\n\n# Rubrik <x \\\n\n- e\\f <g\n",
		"Text med  två mellanslag \n och tre   \nrader\\\n(parentes) *fet* _kursiv_ ~~struken~~\n",
		"- a\tb (c)\n\t- d  e\n\n> f ( g\n",
		"| a | b (c) |\n|---|---|\n| d e | f\\ g |\n",
		"| a | b | c |\n|:--|:-:|--:|\n| d | [e](/f \"g\") | h |\n",
		"# Rubrik  med  luft #  \n\n[länk (x)](/om/) ![bild (y)](z.png)\n",
		"foo\\ bar &amp; baz \\\n",
		"Skriv till https://example.se/a_(b)_ eller ftp://x.se.\n",
		"Se http:x, (https:/y) och ftp: z; http:.se *http:*\n",
		"text \t \n| a | b |\n|---|---|\n| c  | d\t|\n",
		"Rubrik  \t\n===  \n\n[a]: /b\n===\n",
		"rad ett  \r\nrad två \t\r\nslut   ",
		"Se [priser][p] och [q].\n\n  [p]: /om/pris.md\n [q]: <x y> \"t\"\ntext\n\n\t[r]: /s\n> [t]:\n> /u\n",
		"[a]: /b\ntext\n===\nmer\nän mer\n\n[c]: /d\n---\nsist\nrad\n",
		"- a\n- b\n\n- c\n  d\n\n  e\n- f\n\n1. g\n2. h\n",
		"ett\ntvå\ntre *fyra*\nfem\n\nsex\n- sju\n  åtta\n  nio\n- tio\n",
		// More paragraphs than a bank of lines holds, and a paragraph
		// longer than a bank (see paragraphParser).
		strings.Repeat("stycke\n\n", bankSize) + strings.Repeat("rad\n", 2*bankSize) + "\n- punkt\n\nslut\n",
	} {
		f.Add(s)
	}
	r, want := New(url), oracle()
	f.Fuzz(func(t *testing.T, src string) {
		sameRender(t, r, want, "fuzz", []byte(src))
	})
}

// FuzzTextWriter: textWriter writes any text as goldmark's
// html.DefaultWriter does, through any writer and through Render's
// bufWriter for a page that has the text (page is text with more before
// and after it: presentIn).
func FuzzTextWriter(f *testing.F) {
	for _, s := range []string{"vård och bemötande", "ett \"citat\"", "a\\b", "a\\*b", "x\x00y", "a<b", "a>b", "a&b", "a &amp; b &#x22; &#1234; &nosuch; \\* \\\\", "<\"\x00>", "\\", "&", ""} {
		f.Add([]byte(s), "")
		f.Add([]byte(s), "&")
	}
	// Text of 64 bytes or more, which unchanged looks at otherwise.
	long := strings.Repeat("vård och bemötande ", 4)
	for _, c := range []string{"", "\x00", "&", "\"", "<", ">", "\\", "&amp;"} {
		f.Add([]byte(long+c), "")
		f.Add([]byte(c+long), "")
		f.Add([]byte(long), c)
		f.Add([]byte(long+c), "<\\\"")
	}
	f.Fuzz(func(t *testing.T, src []byte, more string) {
		page := presentIn([]byte(more + string(src) + more))
		for _, tc := range []struct {
			name       string
			have, want func(util.BufWriter, []byte)
		}{
			{"Write", textWriter{}.Write, html.DefaultWriter.Write},
			{"RawWrite", textWriter{}.RawWrite, html.DefaultWriter.RawWrite},
			{"SecureWrite", textWriter{}.SecureWrite, html.DefaultWriter.SecureWrite},
		} {
			var have, page2, want bytes.Buffer
			hw, ww := bufio.NewWriter(&have), bufio.NewWriter(&want)
			tc.have(hw, src)
			tc.have(bufWriter{&page2, page, nil}, src)
			tc.want(ww, src)
			hw.Flush()
			ww.Flush()
			if !bytes.Equal(have.Bytes(), want.Bytes()) {
				t.Fatalf("%s %q:\nhave %q\nwant %q", tc.name, src, have.Bytes(), want.Bytes())
			}
			if !bytes.Equal(page2.Bytes(), want.Bytes()) {
				t.Fatalf("%s %q, on a page with %q:\nhave %q\nwant %q", tc.name, src, more, page2.Bytes(), want.Bytes())
			}
		}
	})
}

// FuzzRuneCount: runeCount counts as utf8.RuneCount does, invalid bytes
// too.
func FuzzRuneCount(f *testing.F) {
	for _, s := range []string{"", "vård", "a\xffb\xc3", "\xe2\x82", "€𝄞x", "Vårdcentralen Älvkanten, öppet", "abcdefgh\xc3\xa5ijklmnop", "abcdefg\xc3\xa5hijklmno\xe2\x82\xac", "ett två tre fyra fem\xff", "\xc2\x80\xc1\x80\xdf\xbf\xc3(", "abcdefg\xc3", "1234567\xc3\xa5\xc3\xc3\xa5abcdefghij\xe0\x80\x80", "\xed\xa0\x80 surrogat"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if have, want := runeCount(b), utf8.RuneCount(b); have != want {
			t.Fatalf("runeCount(%q) = %d, utf8.RuneCount %d", b, have, want)
		}
	})
}

// FuzzDangerous: dangerous says what html.IsDangerousURL says.
func FuzzDangerous(f *testing.F) {
	for _, s := range []string{"/om/", "javascript:alert(1)", "JavaScript:x", "data:image/png;base64,x", "data:text/html,x", "DATA:IMAGE/SVG+xml", "file:///etc", "vbscript:x", "https://example.se", "mailto:a@b.se", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, url []byte) {
		if have, want := dangerous(url), html.IsDangerousURL(url); have != want {
			t.Fatalf("dangerous(%q) = %v, html.IsDangerousURL %v", url, have, want)
		}
	})
}

// FuzzHeadingID: state.headingID gives a page's headings (the lines of
// the input, a heading each) the ids that ids (slug.IDs, goldmark's
// parser.WithAutoHeadingID in the oracle) gives them, page after page
// with one state, and the page's text before them stays as it was.
func FuzzHeadingID(f *testing.F) {
	for _, s := range []string{
		"Priser\nPriser\nPriser-1\npriser\nPRISER 1\n",
		"a\na-2\na\na\na-1\na\n",
		"\n\n*\nÅr 2026 – vår plan\nAr 2026 vår plan\navsnitt\navsnitt-1\n",
		"Æble ø ß þ ð ł œ ǆ ﬁ Ⅻ ① ｱ\naeble o ss th d l oe\n",
		"x\u0301\u0308y\ttab\r\n",
		"Vård och bemötande i Östra Göinge – ÅÄÖ åäö Éé ÿ ü\nVard och bemotande i Ostra Goinge\n--Ä\xc3\nMüller och Åsa É\nÜber\n\xc3\xa5\xc3",
		// Long words, and the bytes either side of a-z.
		"abcdefghijklmnopqrstuvwxyz `abcdefgh{ijklmnop`qrstuvwx@ abcdefg{ ABCDEFGHabcdefgh 12345678abcdefgh\nhandlingsplan arbetsmiljö\n",
	} {
		f.Add(s, "Text före.")
	}
	st := new(state)
	f.Fuzz(func(t *testing.T, page, before string) {
		for range 2 { // the maps and text of the page before, used again
			st.reset()
			st.text = append(st.text, before...)
			src := []byte(page)
			var want ids
			start := 0
			for start <= len(src) {
				end := bytes.IndexByte(src[start:], '\n')
				if end < 0 {
					end = len(src)
				} else {
					end += start
				}
				h := ast.NewHeading(2)
				if end > start {
					h.Lines().Append(text.NewSegment(start, end))
				}
				st.headingID(h, src)
				next := 0
				have := st.idOf(h, &next)
				if w := want.Generate(src[start:end], ast.KindHeading); !bytes.Equal(have, w) {
					t.Fatalf("heading %q: id %q, want %q", src[start:end], have, w)
				}
				start = end + 1
			}
			if string(st.text[:len(before)]) != before {
				t.Fatalf("the page's text before the ids: %q, want %q", st.text[:len(before)], before)
			}
		}
	})
}

// countIDs counts the ids asked of it.
type countIDs struct{ n *int }

func (c countIDs) Generate(value []byte, kind ast.NodeKind) []byte { *c.n++; return []byte("x") }
func (c countIDs) Put(value []byte)                                { *c.n++ }

// TestHeadingIDOnce: New's parsers give headings their ids only by
// state.headingID, not also by goldmark's parser.WithAutoHeadingID (whose
// ids headingID's would replace, at twice the cost).
func TestHeadingIDOnce(t *testing.T) {
	r := New(url)
	for name, p := range map[string]parser.Parser{"Linkify": r.md.Parser(), "plain": r.plain} {
		n := 0
		src := []byte("# Ett\n\nTvå\n===\n\n- Tre\n")
		st := &state{body: src, starts: []int{0}, res: new(Result)}
		ctx := parser.NewContext(parser.WithIDs(countIDs{&n}))
		ctx.Set(stateKey, st)
		doc := p.Parse(text.NewReader(src), parser.WithContext(ctx))
		if n != 0 {
			t.Errorf("%s: goldmark asked for %d ids", name, n)
		}
		var ids []string
		next := 0
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if _, ok := n.(*ast.Heading); ok && entering {
				ids = append(ids, string(st.idOf(n, &next)))
			}
			if _, ok := n.AttributeString("id"); ok && entering {
				t.Errorf("%s: a heading with the attribute id", name)
			}
			return ast.WalkContinue, nil
		})
		if fmt.Sprint(ids) != "[ett tva]" {
			t.Errorf("%s: ids %q, want [ett tva]", name, ids)
		}
	}
}
