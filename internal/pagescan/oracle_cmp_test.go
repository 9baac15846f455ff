package pagescan

import (
	"os"
	"path/filepath"
	"reflect"
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
