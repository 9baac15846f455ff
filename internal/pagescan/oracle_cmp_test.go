package pagescan

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// asOld returns p in the oracle's types, to compare.
func asOld(p *Page) *oldPage {
	o := &oldPage{IDs: map[string]int{}}
	for _, id := range p.IDs {
		o.IDs[id] = 1
	}
	for _, r := range p.Repeated {
		o.IDs[r.ID] = r.N
	}
	for _, r := range p.Refs {
		o.Refs = append(o.Refs, oldRef{Tag: r.Tag, Attr: r.Attr, URL: r.URL, Rel: r.Rel, Name: r.Name, Named: r.Named, Alt: r.Alt})
	}
	for _, h := range p.Headings {
		o.Headings = append(o.Headings, oldHeading{Level: h.Level, ID: h.ID, Text: h.Text})
	}
	for _, s := range p.Sections {
		o.Sections = append(o.Sections, oldSection{Level: s.Level, ID: s.ID, Heading: s.Heading, Text: s.Text})
	}
	return o
}

// sameAsOracle fails t when Scan and the oracle take data apart
// differently.
func sameAsOracle(t *testing.T, name string, data []byte) {
	t.Helper()
	want := oldScan(append([]byte(nil), data...))
	have := asOld((&Strings{}).Scan(data))
	if !reflect.DeepEqual(have, want) {
		t.Errorf("%s: the scan differs from the oracle's\nhave %s\nwant %s", name, show(have), show(want))
	}
}

func show(p *oldPage) string {
	var b strings.Builder
	for k, v := range p.IDs {
		b.WriteString("\n id " + k + " ×" + string(rune('0'+min(v, 9))))
	}
	for _, r := range p.Refs {
		alt := "<nil>"
		if r.Alt != nil {
			alt = *r.Alt
		}
		b.WriteString("\n ref " + strings.Join([]string{r.Tag, r.Attr, r.URL, r.Rel, r.Name, alt}, " | "))
		if !r.Named {
			b.WriteString(" unnamed")
		}
	}
	for _, h := range p.Headings {
		b.WriteString("\n h" + string(rune('0'+h.Level)) + " " + h.ID + " | " + h.Text)
	}
	for _, s := range p.Sections {
		b.WriteString("\n section " + string(rune('0'+s.Level)) + " " + s.ID + " | " + s.Heading + " | " + s.Text)
	}
	return b.String()
}

// hostile are bits of HTML that the site's minified pages never hold,
// where a lexer of one's own may part from the oracle's.
var hostile = []string{
	``, `<`, `<<`, `</`, `</>`, `<//`, `</ a>`, `<a`, `<a ` + "\x00", `<a href`, `<a href=`, `<a href="x`, `<a href='x'`, `<a href=x/>t</a>`,
	`<A HREF="/X">Y</A >`, `<a =x href=/y>z</a>`, `<a / href=/y>z</a>`, `<a href = "/y" >z</a\t>`, `<a href="/a&amp;b" aria-label="x&lt;">t</a>`,
	`<main><h2 id=a>A &amp; B</h2>x&nbsp;y &#x41; &bogus; &amp</main>`, `<main>a<b>c</b>d</main>`,
	`<!doctype html><!DOCTYPE><!--x--><!-- a -- b --!><!---><!----><!--`, `<!--->-->`, `<![CDATA[<main>x</main>]]>`, `<main><![CDATA[ a b ]]>c</main>`, `<main><![CDATA[x`,
	`<?xml x?><main>a</main>`, `<main><script>if (a</b) {}</script><style>p>a{}</style>b</main>`,
	`<main><script><!--<script></script>--></script>x</main>`, `<main><script><!--</script>x</main>`, `<main><script><!--<script>`,
	`<main><textarea>a <b> c</textarea><title>t</title><xmp></xmp><iframe src=/f>if</iframe></main>`, `<main><plaintext>a</main>b`,
	`<main><svg id=s><a href="/in-svg">x</a><svg></svg></svg><a href=/after>y</a></main>`, `<main><svg a="<">` + "\x00" + `</svg>x</main>`, `<main><svg/>x</main>`,
	`<main><math><mi>x</mi></math><xml>q</xml> z</main>`, `<svg><svg/></svg>`, `<svg></svg`,
	`<main><h1>T</h1><h2>A</h2><template><h3 id=t>M</h3></template><h3>B</h3></main>`, `<h2>x<main>y</h2>z</main>`,
	`<main><h2 id="a">A<img src=/i alt="I j"></h2><a href=/q><img src=/r alt=" R "> s</a><a href=/l aria-labelledby=x>l</a></main>`,
	`<link rel=stylesheet href=/s.css><form action=/f><div data-src=/d data-x=//e data-y=z>`, `<video poster=/p src=/v><source src=/s></video>`,
	"<main>\u00a0a\u2003b\u0085c\xffd\xe2\x80</main>", `<main>a<br/>b<hr>c</main>`, `<main id=m id=n>x</main><p id=m>`,
	`<a href=/a><a href=/b>x</a>y</a>`, `</main>x<main>`, `<h7>x</h7><h2 id=2>`, `<scriptx>a</scriptx>`, `<script>a</scriptx></script>`,
}

// TestSameAsOracle: the lexer of the package cuts pages as the oracle's
// does, on the pages in testdata and on hostile bits of HTML.
func TestSameAsOracle(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.html")
	if len(files) == 0 {
		t.Fatal("no pages in testdata")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sameAsOracle(t, f, data)
	}
	for _, h := range hostile {
		sameAsOracle(t, h, []byte(h))
	}
}

// FuzzScan: on any bytes, the scan neither panics nor differs from the
// oracle's.
func FuzzScan(f *testing.F) {
	for _, h := range hostile {
		f.Add([]byte(h))
	}
	files, _ := filepath.Glob("testdata/*.html")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsOracle(t, "input", data)
	})
}

// BenchmarkScanOracle is BenchmarkScan with the oracle, to compare in
// the same run.
func BenchmarkScanOracle(b *testing.B) {
	page, err := os.ReadFile("testdata/page.html")
	if err != nil {
		b.Fatal(err)
	}
	buf := append(page[:len(page):len(page)], 0)[:len(page)]
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		s := &oldScanner{page: &oldPage{}}
		s.run(buf)
	}
}

// sameAsAlone fails t when pages scanned one after another through one
// Strings (so that each may take what the last one had, see replay.go)
// are taken apart otherwise than each alone, by a new Strings. md are
// the ids each page's Markdown made (ScanMarkdown).
func sameAsAlone(t *testing.T, name string, pages [][]byte, md []map[string]bool) {
	t.Helper()
	var ss Strings
	for i, data := range pages {
		var f func(string) bool
		if md != nil && md[i] != nil {
			f = func(id string) bool { return md[i][id] }
		}
		want := asOld((&Strings{}).ScanMarkdown(data, f))
		var h *oldPage
		if i%2 == 0 {
			h = asOld(ss.ScanMarkdown(data, f))
		} else {
			// Every other page read while its texts are the scanner's
			// (see TestScanMarkdownRead).
			p := ss.ScanMarkdownRead(data, f, func(p *Page) { h = asOld(p) })
			if p.Sections != nil {
				t.Errorf("%s, page %d: ScanMarkdownRead returned the page with its sections", name, i)
			}
		}
		if !reflect.DeepEqual(h, want) {
			t.Errorf("%s, page %d: the scan after page %d differs from the page's alone\nhave %s\nwant %s", name, i, i-1, show(h), show(want))
			return
		}
	}
}

// variants returns pages like data: with a byte changed, bytes left out
// or added, at places before, in and after <main>.
func variants(data []byte, r *rand.Rand, n int) [][]byte {
	bits := []string{"<", ">", `"`, " ", "a", "/", "\x00", "<a href=/x>", "</a>", "<main>", "</main>", "<h2 id=sidfot-kontakt>K</h2>", "<!--", "-->", "<script>", "</script>", "<textarea>", "</textarea>", "&amp;"}
	out := make([][]byte, 0, n)
	for range n {
		v := slices.Clone(data)
		for range 1 + r.IntN(3) {
			at := r.IntN(len(v) + 1)
			switch r.IntN(3) {
			case 0:
				if at < len(v) {
					v[at] = bits[r.IntN(len(bits))][0]
				}
			case 1:
				v = slices.Delete(v, at, min(at+1+r.IntN(40), len(v)))
			default:
				v = slices.Insert(v, at, []byte(bits[r.IntN(len(bits))])...)
			}
		}
		out = append(out, v)
	}
	return out
}

// TestReplaySameAsAlone: a page scanned after another, that it is like
// in parts, is taken apart as it is alone: after the same page, after
// pages that differ from it by a few bytes anywhere, in a chain of such
// pages, with and without headings whose ids the Markdown made.
func TestReplaySameAsAlone(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.html")
	if len(files) == 0 {
		t.Fatal("no pages in testdata")
	}
	r := rand.New(rand.NewPCG(9, 10))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sameAsAlone(t, f+" twice", [][]byte{data, data, data}, nil)
		sameAsAlone(t, f+" twice, a footer heading the Markdown's", [][]byte{data, data, data}, []map[string]bool{nil, {"sidfot-kontakt": true}, nil})
		vs := variants(data, r, 300)
		for i, v := range vs {
			sameAsAlone(t, fmt.Sprintf("%s, variant %d after the page", f, i), [][]byte{data, v, data}, nil)
		}
		sameAsAlone(t, f+", the variants one after another", vs, nil)
	}
	for _, f := range files[1:] {
		a, _ := os.ReadFile(files[0])
		b, _ := os.ReadFile(f)
		sameAsAlone(t, files[0]+" and "+f, [][]byte{a, b, a, b}, nil)
	}
}

// FuzzReplay: a page scanned after another made of the same bytes with
// some added is taken apart as it is alone, and so is the other after it.
func FuzzReplay(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.html")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data, uint16(len(data)/2), []byte("<a href=/x>y</a>"), uint16(10))
		}
	}
	for _, h := range hostile {
		f.Add([]byte(h+h+h), uint16(len(h)), []byte(h), uint16(2))
	}
	f.Fuzz(func(t *testing.T, a []byte, at uint16, add []byte, cut uint16) {
		i := int(at) % (len(a) + 1)
		b := slices.Concat(a[:i], add, a[min(i+int(cut)%64, len(a)):])
		sameAsAlone(t, "input", [][]byte{a, b, a}, nil)
	})
}

// FuzzCommonPrefix: commonPrefix counts the bytes a and b have the same
// at their start as a loop over the bytes does.
func FuzzCommonPrefix(f *testing.F) {
	long := strings.Repeat("<a href=/x>y</a>", 20)
	f.Add(long, 0, 0)
	f.Add(long, 100, 1)
	f.Add(long, 300, 2)
	f.Add("ab", 1, 3)
	f.Fuzz(func(t *testing.T, s string, at, cut int) {
		a := []byte(s)
		b := slices.Clone(a)
		if at >= 0 && at < len(b) {
			b[at]++
		}
		if cut >= 0 && cut <= len(b) {
			b = b[:len(b)-cut%(len(b)+1)]
		}
		want := 0
		for want < len(a) && want < len(b) && a[want] == b[want] {
			want++
		}
		if have := commonPrefix(a, b); have != want {
			t.Errorf("commonPrefix(%q, %q) = %d, want %d", a, b, have, want)
		}
		if have := commonPrefix(b, a); have != want {
			t.Errorf("commonPrefix(%q, %q) = %d, want %d", b, a, have, want)
		}
	})
}
