package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tdewolff/minify/v2"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/parse/v2"
	"golang.org/x/tools/txtar"

	"github.com/hbtq-diplomering/webbplats/internal/markdown"
)

// fastCases are HTML where fastMinify must write what htmlMinifier
// writes, or give up: spaces around inline and block tags, empty inline
// elements, entities, pre, void tags, attributes of every kind it knows
// and some it does not.
var fastCases = []string{
	"",
	" ",
	"a",
	"<p>a</p>",
	"<p> a  b \n c </p>\n<p>d</p>\n",
	"<p>a <em>b</em> c</p>",
	"<p>a <em></em> b</p>",
	"<p>a <strong></strong>\n<em>b</em></p>",
	"<p>a <a href=\"/x/\"></a> b</p>",
	"<p>a </em> </strong> <p>b",
	"<p>a </em> </strong> x</p>",
	"<p>a </a> <img src=\"x.png\" alt=\"x\" /> b</p>",
	"<li>a <code>b</code> </li>\n</ul>",
	"<p>Tom &amp; Jerry &amp;copy &amp;#43; &amp;</p>",
	"<p>&lt;b&gt; &quot;c&quot; &#39;d&#39; &#43; &copy; &nosuch; &#x41;&#9999999;</p>",
	"<p>a&amp;b</p><p>&amp;</p><p>&amp;amp;</p><p>x &amp;&lt;</p>",
	"<p>a\tb\r\nc\fd</p>",
	"<pre><code class=\"language-go\">func  main() {\n\t&lt;x&gt; &amp;\n}\n</code></pre>\n<p> after</p>",
	"<p>a <pre> b </pre> c</p>",
	"<blockquote>\n<p>a<br />\nb</p>\n</blockquote>\n<hr />\n",
	"<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\" /> done</li>\n<li><input disabled=\"\" type=\"checkbox\" /> not</li>\n</ul>",
	"<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"right\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n<td>2 </td>\n</tr>\n</tbody>\n</table>\n",
	"<h2 id=\"priser-1\">Priser <em>och</em> tider</h2>",
	"<p><a href=\"HTTP://Example.se/A\">x</a> <a href=\"Https://e.se\">y</a> <a href=\" /x \">z</a> <a href=\"http:\">w</a></p>",
	"<p><a href=\"/s?a=1&amp;b=2\" title=\"a &quot;b&quot; c\">x</a> <img src=\"data:image/png;base64,AAAA\" alt=\"\" /></p>",
	"<p><img src=\"a.png\" alt=\"a 'b'\" title=\"&quot;\" width=\"10\" height=\"20\" /></p>",
	"<div class=\" a  b \" id=\"\">x</div><span class=\"c\"></span> y",
	"<p class=\"a\nb\" data-x=\"1\" aria-label=\"  x  \">z</p>",
	"<form class=\"s\" action=\"/sok/\" method=\"get\" role=\"search\" aria-label=\"Sök\"><label for=\"q\">Sök</label> <input class=\"i\" type=\"search\" id=\"q\" name=\"q\" autocomplete=\"off\">\n<button type=\"submit\">Sök</button></form>",
	"<a id=\"x\" name=\"x\">a</a><input type=\"text\" value=\"\"><p style=\"color: red\">x</p><p onclick=\"f()\">y</p>",
	"<!DOCTYPE html><html lang=\"sv\"><head><title>T</title></head><body><p>a</p></body></html>",
	"<p>a <!-- c --> b</p><p>c</p>",
	"<p>a < b</p><p>c</p>",
	"<P>a</P><p>b</p>",
	"<p >a</p ><p>b</p>",
	"<p>a</p><svg><path d=\"M0 0\"/></svg><p>b </p>",
	"<p>a</p><script>x()</script><p> b</p>",
	"<p>x\x00y</p>",
	"<p>a <time datetime=\"2026-01-01\">1 jan</time> b</p>",
	"<figure><img src=\"a.png\" alt=\"a\" /><figcaption>Foto: Kim</figcaption></figure>",
	"<p>" + strings.Repeat("<em>a </em>", 80) + "</p>",
	"<p>a " + strings.Repeat("</em> ", 80) + "<p>b</p>",
	"<p>a " + strings.Repeat("</em>", 120) + "<p>b</p>",
	"<del>a</del> <ins>b</ins> <s>c</s>",
	"<ol start=\"3\">\n<li>a</li>\n</ol>",
	"<title>a &amp; b  <p> </title><p>x</p>",
	"<title></title> <p>x</p>",
	"<title>a</title1><p>x</p>",
	"<title>a</TITLE> b<p>x</p>",
	"<title>a</title >b",
	"<title>a",
	"<html lang=\"sv\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"description\" content=\"a  &amp; b\"><meta name=\" robots\" content=\"x\"><meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"><meta name=\"keywords\" content=\"a, b\"><link rel=\"canonical\" href=\"https://e.se/\"><link rel=\"icon\" href=\"/f.svg\" type=\"image/svg+xml\"></head><body> <p>x</p> </body></html>\n",
	"<input type=\"checkbox\" name=\"k\" value=\"r\"><input type=\"radio\" value=\"on\"><input type=\"text\" value=\"\"><input value=\"\"><li value=\"3\">x</li>",
	"<a href=\"/x.png\" download>PNG<span class=\"v\"> av</span></a> <button type=\"button\" data-copy=\"k\" hidden>K</button> <span id=\"s\" role=\"status\"></span> <form action=\"\" class=\"\"><label for=\"q\" title=\"\">q</label></form>",
	"<noscript><p>x</p></noscript> <p>y</p>",
	"<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0, maximum-scale=0.50\">\n<meta name=\"Viewport\" content=\"a = 1\"><meta name=\"viewport\" content=\"initial-scale=01.50&amp;x\"></head>",
	"<link rel=\"preload\" href=\"/a.json\" as=\"fetch\" type=\"application/json\" crossorigin=\"anonymous\"><link rel=\"alternate\" type=\"Application/Atom+XML; charset=utf-8\" title=\"a\" href=\"/atom.xml\"><link type=\" text/css \" rel=\"x\">",
	"<p>a <script type=\"module\" src=\"/a.js\"></script> b</p><script src=\"x.js\" charset=\"utf-8\"></script><script></script><script src=\"y.js\">f()</script><script src=\"a.js\" defer async></script> <p>c</p>",
	"<meta name=\"a\" name=\"viewport\" content=\"width = 1\"><input type=\"text\" type=\"radio\" value=\"on\"><input class=\"i\" type=\"text\" id=\"n\" list=\"l\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"Sök  här\">",
	"<!doctype html><p>a</p> <!DOCTYPE html> <p>b</p><!DOCTYPE HTML><p>c</p>",
	"<p>a </em><p-x>b</p-x><p>c </em><p/x>d<p>e <p\tclass=\"x\">f<p>g </em></p\t>h <p class=x>i",
	"<label for=\"n\">Nära</label> <input type=\"text\" id=\"n\" list=\"l\"> <datalist id=\"l\"></datalist> <p>a</p><datalist id=\"m\"> <option value=\"x\"> y </datalist> z",
	"<p>a <h2-x>b</h2-x> c <div>d <div class=\"x\" foo=\"y\">e <em/x>f <p>g <pre class=\"a\" style=\"b\">h</pre> i</p>",
	"<details open=\"\"><summary>a </summary> b</details><input required=\"\" name=\"n\"> <input required name=\"\">",
}

// TestFastMinifyCases holds fastMinify and minifyFast to htmlMinifier on
// fastCases, alone and inside a page of the theme.
func TestFastMinifyCases(t *testing.T) {
	m := newMinifier()
	shell := themePages(1)[0]
	for _, c := range fastCases {
		checkFast(t, m, []byte(c))
		checkFast(t, m, inShell(shell, c))
	}
}

// TestFastMinify renders every Markdown page of the repository's test
// sites (the .md files and those in the txtar archives under testdata
// folders, outside content/) and the generated pages of
// internal/markdown/testdata/gen (bench/gen's) with package markdown, and
// holds fastMinify and minifyFast to htmlMinifier on each body, alone and
// in a page of the theme. fastMinify must know all of the generated
// pages.
func TestFastMinify(t *testing.T) {
	m := newMinifier()
	r := markdown.New(func(p string) string { return "/" + strings.TrimSuffix(p, ".md") + "/" })
	shell := themePages(1)[0]
	root := filepath.Join("..", "..")
	pages, whole := 0, 0
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
		var srcs [][]byte
		switch filepath.Ext(p) {
		case ".md":
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			srcs = append(srcs, src)
		case ".txtar":
			a, err := txtar.ParseFile(p)
			if err != nil {
				return err
			}
			for _, f := range a.Files {
				if strings.HasSuffix(f.Name, ".md") {
					srcs = append(srcs, f.Data)
				}
			}
		}
		gen := strings.Contains(filepath.ToSlash(p), "markdown/testdata/gen/")
		for _, src := range srcs {
			res, _ := r.Render("sida.md", withoutFrontMatter(src), 1)
			html := []byte(res.HTML)
			checkFast(t, m, html)
			checkFast(t, m, inShell(shell, res.HTML))
			pages++
			if _, done, fail := fastMinify(nil, html); done == len(html) {
				whole++
			} else if gen {
				t.Errorf("%s: fastMinify gives up at byte %d: %q", p, fail, clip(html, fail))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 100 {
		t.Fatalf("only %d pages found", pages)
	}
	t.Logf("fastMinify knew all of %d of %d bodies", whole, pages)
}

// FuzzFastMinify renders the input as Markdown with package markdown and
// holds fastMinify and minifyFast to htmlMinifier on the body, alone and
// in a page of the theme; and does the same with the input as HTML.
func FuzzFastMinify(f *testing.F) {
	for _, c := range fastCases {
		f.Add(c)
	}
	f.Add("# Rubrik\n\nText med *betoning*, **fetstil**, ~~struket~~ och `kod`.\n\n- [x] klart\n- [ ] inte\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n![Bild](a.png \"Titel\")\n\n> citat  \n> rad\n\nA&B <x> \"q\" &copy; &#43; www.example.se https://e.se/a?b=1&c=2\n")
	m := newMinifier()
	r := markdown.New(func(p string) string { return "/" + strings.TrimSuffix(p, ".md") + "/" })
	shell := themePages(1)[0]
	f.Fuzz(func(t *testing.T, s string) {
		res, _ := r.Render("sida.md", []byte(s), 1)
		checkFast(t, m, []byte(res.HTML))
		checkFast(t, m, inShell(shell, res.HTML))
		checkFast(t, m, []byte(s))
	})
}

// checkFast fails t when verifyFast finds fastMinify or minifyFast differ
// from htmlMinifier on page.
func checkFast(t *testing.T, m *minify.M, page []byte) {
	t.Helper()
	whole, err := m.Bytes("text/html", bytes.Clone(page))
	if err != nil {
		t.Skip(err)
	}
	if err := verifyFast(m, page, whole); err != nil {
		t.Fatalf("%v\npage: %q", err, page)
	}
}

// inShell returns the page shell with its Markdown body replaced by body.
func inShell(shell []byte, body string) []byte {
	a := bytes.Index(shell, []byte("<h2 id=\"rubrik-0\">"))
	b := bytes.Index(shell, []byte("<p class=\"updated\">"))
	return append(append(append([]byte(nil), shell[:a]...), body...), shell[b:]...)
}

// withoutFrontMatter returns src without its front matter.
func withoutFrontMatter(src []byte) []byte {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return src
	}
	if i := bytes.Index(src[4:], []byte("\n---\n")); i >= 0 {
		return src[4+i+5:]
	}
	return src
}

// TestAppendText holds appendText (eight bytes at a time) to
// parse.ReplaceMultipleWhitespaceAndEntities on every string of up to 6
// bytes from an alphabet of what it looks at, placed at every offset of a
// longer text, so that each pair of bytes meets at every place of a word
// and across words.
func TestAppendText(t *testing.T) {
	alphabet := []byte{'a', ' ', '\n', '\t', '&', '\r', '\f', 0x01, 0x1f, '!', 0xc3}
	var s []byte
	var rec func(n int)
	check := func() {
		for off := range 10 {
			text := append(append(bytes.Repeat([]byte("x"), off), s...), "y;amp;"...)
			want := parse.ReplaceMultipleWhitespaceAndEntities(bytes.Clone(text), mhtml.EntitiesMap, mhtml.TextRevEntitiesMap)
			have, ok := appendText([]byte("pre"), text)
			if !ok {
				if bytes.IndexByte(text, 0) < 0 {
					t.Fatalf("%q: not minified", text)
				}
				continue
			}
			if !bytes.Equal(have[3:], want) {
				t.Fatalf("%q: %q, want %q", text, have[3:], want)
			}
		}
	}
	rec = func(n int) {
		check()
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			s = append(s, c)
			rec(n - 1)
			s = s[:len(s)-1]
		}
	}
	rec(5)
}
