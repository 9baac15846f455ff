package pagescan

import (
	"bytes"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// TestScanLeavesThePageAlone: the dev server and the check keep pages in
// memory, so Scan must not write into one, not even into the spare
// capacity after it. (The lexer put a NUL after </main> once, which broke
// every page the dev server served.)
func TestScanLeavesThePageAlone(t *testing.T) {
	page := `<!doctype html><html><body><header>Sidhuvud</header><main><h1>Titel</h1><h2>Priser</h2><p>Text om priser.</p></main></div><footer>Sidfot</footer></body></html>`
	spare := bytes.Repeat([]byte("x"), 64)
	buf := append([]byte(page), spare...)[:len(page)]
	p := Scan(buf)
	if string(buf) != page || !bytes.Equal(buf[len(page):len(page)+len(spare)], spare) {
		t.Errorf("Scan changed the page:\n%q", buf[:len(page)+len(spare)])
	}
	if p.Text() != "Text om priser." || !reflect.DeepEqual(p.SectionHeadings(), []string{"Priser"}) {
		t.Errorf("Text %q, headings %q; want the heading Priser and the text of <main> without its h1, header or footer", p.Text(), p.SectionHeadings())
	}
}

// TestScan: what the rules and the site search read of a page; words are
// split at any space (&nbsp; too), as strings.Fields does.
func TestScan(t *testing.T) {
	page := `<!doctype html><html lang="sv"><head><title>T</title><link rel="stylesheet" href="/assets/s.css"><script src="/assets/a.js"></script></head>` +
		`<body><a href="#main" class="skip">Till innehållet</a><header><a href="/" aria-label="Start"><img src="/logo.svg" alt="Logga"></a></header>` +
		`<main id="main"><h1 id="t">Titel &amp; mer</h1><p>Inledning <a href="/om/">om <b>oss</b></a>.</p>` +
		`<h2 id="pris">Pris <img src="/i.png" alt="ikon"></h2><p>5&nbsp;900 kr</p><template><h3>Mall</h3><p>dold</p></template><script>var x</script>` +
		`<h3 id="grupp">Per   grupp</h3><ul><li>ett</li><li>två</li></ul><h2>Utan id</h2></main>` +
		`<footer><h2 id="sidfot">Kontakt</h2><a href="mailto:a@example.se" aria-labelledby="x">a@example.se</a></footer></body></html>`
	p := Scan([]byte(page))
	wantSections := []Section{
		{Text: "Inledning om oss ."},
		{Level: 2, ID: "pris", Heading: "Pris", Text: "5 900 kr"},
		{Level: 3, ID: "grupp", Heading: "Per grupp", Text: "ett två"},
		{Level: 2, Heading: "Utan id"},
	}
	if !reflect.DeepEqual(p.Sections, wantSections) {
		t.Errorf("Sections:\nhave %+v\nwant %+v", p.Sections, wantSections)
	}
	if have, want := p.Text(), "Inledning om oss . 5 900 kr ett två"; have != want {
		t.Errorf("Text: have %q, want %q", have, want)
	}
	wantIDs := []string{"grupp", "main", "pris", "sidfot", "t"}
	if !reflect.DeepEqual(p.IDs, wantIDs) || p.Repeated != nil {
		t.Errorf("IDs: have %v (repeated %v), want %v", p.IDs, p.Repeated, wantIDs)
	}
	if !p.HasID("pris") || p.HasID("pris2") || p.HasID("") {
		t.Errorf("HasID: pris %v, pris2 %v, empty %v; want true, false, false", p.HasID("pris"), p.HasID("pris2"), p.HasID(""))
	}
	wantHeadings := []Heading{{1, "t", "Titel & mer"}, {2, "pris", "Pris ikon"}, {3, "", "Mall"}, {3, "grupp", "Per grupp"}, {2, "", "Utan id"}, {2, "sidfot", "Kontakt"}}
	var headings []Heading
	for _, h := range p.Headings {
		headings = append(headings, *h)
	}
	if !reflect.DeepEqual(headings, wantHeadings) {
		t.Errorf("Headings:\nhave %+v\nwant %+v", headings, wantHeadings)
	}
	var refs []string
	for _, r := range p.Refs {
		s := r.Tag + " " + r.Attr + " " + r.URL + " [" + r.Name + "]"
		if r.Alt != nil {
			s += " alt=" + *r.Alt
		}
		if !r.Named {
			s += " unnamed"
		}
		refs = append(refs, s)
	}
	wantRefs := []string{
		"link href /assets/s.css [] unnamed",
		"script src /assets/a.js [] unnamed",
		"a href #main [Till innehållet]",
		"a href / [Start]",
		"img src /logo.svg [] alt=Logga unnamed",
		"a href /om/ [om oss]",
		"img src /i.png [] alt=ikon unnamed",
		"a href mailto:a@example.se [a@example.se] unnamed",
	}
	if !reflect.DeepEqual(refs, wantRefs) {
		t.Errorf("Refs:\nhave %q\nwant %q", refs, wantRefs)
	}
}

// TestWords: appendWords and words space words as strings.Fields does,
// Unicode spaces included, whether the text comes in one piece or in
// several (split at every byte: a word may go on in the next piece).
func TestWords(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a ", "a  b\tc\n", "\u00a0x\u2003y\u0085", "å ä\u00a0ö", "\xffa b", "ab\u00a0"} {
		want := strings.Join(strings.Fields(s), " ")
		if have := words(appendWords(nil, []byte(s))); have != want {
			t.Errorf("words(appendWords(%q)) = %q, want %q", s, have, want)
		}
		for i := 0; i <= len(s); i++ {
			if i == len(s) || utf8.RuneStart(s[i]) {
				b := appendWords(appendWords(nil, []byte(s[:i])), []byte(s[i:]))
				if have := words(b); have != want {
					t.Errorf("words of %q in two pieces at %d = %q, want %q", s, i, have, want)
				}
			}
		}
	}
}

// BenchmarkScan scans a page of a generated site (bench/gen, 10 000
// pages) as the build does.
func BenchmarkScan(b *testing.B) {
	page, err := os.ReadFile("testdata/page.html")
	if err != nil {
		b.Fatal(err)
	}
	var ss Strings
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		ss.Scan(page)
	}
}

// FuzzWords: appendWords spaces any bytes as strings.Fields does, in one
// piece or in two.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"a b", "\u00a0x\u2003y\u0085", "\xe2\x80\x7f", "\xe2\x80\x8a\xe2\x80\x8b", "\xe1\x9a\x80\xe3\x80\x80\xe2\x81\x9f", "\xc2",
		" Åtta ord i en mening om något viktigt, med\u00a0hårt mellanslag.", "sju ord  och två  mellanslag   här\n\noch\tflikar ", "1234567 89abcdef        12345678\x01\x7f\xc3\xa5"} {
		f.Add(s, 1)
	}
	f.Fuzz(func(t *testing.T, s string, cut int) {
		want := strings.Join(strings.Fields(s), " ")
		if have := words(appendWords(nil, []byte(s))); have != want {
			t.Errorf("words(appendWords(%q)) = %q, want %q", s, have, want)
		}
		// With bytes after s in its array (appendWords reads them).
		for _, after := range []string{"\x00\x00\x00\x00\x00\x00\x00\x00", "        ", "\xe2\x80\x80\xc2\xa0\x01\t\n"} {
			if have := words(appendWords(nil, []byte(s + after)[:len(s)])); have != want {
				t.Errorf("words(appendWords(%q, followed by %q)) = %q, want %q", s, after, have, want)
			}
		}
		if cut < 0 || cut > len(s) || cut < len(s) && !utf8.RuneStart(s[cut]) {
			return
		}
		if have := words(appendWords(appendWords(nil, []byte(s[:cut])), []byte(s[cut:]))); have != want {
			t.Errorf("words of %q in two pieces at %d = %q, want %q", s, cut, have, want)
		}
	})
}

// TestShared: pages scanned through one Strings share the records of the
// links, headings and ids they have alike outside <main>, also after many
// pages that have nothing alike, and never share a record that differs.
func TestShared(t *testing.T) {
	var ss Strings
	page := func(i int) []byte {
		return []byte(`<header><a href="/" aria-label="Start">x</a><nav id="meny"><a href="/om/">Om oss</a></nav></header>` +
			`<main><h1 id="t">Sida ` + strconv.Itoa(i) + `</h1><a href="/sida-` + strconv.Itoa(i) + `/">Sida</a><img src="/i.png" alt="` + strconv.Itoa(i%2) + `"></main>` +
			`<footer><h2 id="kontakt">Kontakt</h2><a href="mailto:a@example.se">a@example.se</a><a href="/` + strconv.Itoa(i%2) + `/">X</a></footer>`)
	}
	first := ss.Scan(page(0))
	var last *Page
	for i := 1; i < 3*tableSize; i++ {
		last = ss.Scan(page(i))
	}
	for _, i := range []int{0, 1, 4} {
		if first.Refs[i] != last.Refs[i] {
			t.Errorf("link %d (%+v) is not shared by the first and the last page", i, *first.Refs[i])
		}
	}
	if first.Headings[1] != last.Headings[1] || unsafe.StringData(first.IDs[0]) != unsafe.StringData(last.IDs[0]) {
		t.Errorf("the footer's heading or the id %q is not shared", first.IDs[0])
	}
	if first.Refs[2] == last.Refs[2] || first.Headings[0] == last.Headings[0] || first.Refs[5] == last.Refs[5] {
		t.Errorf("pages share a link or a heading that differs")
	}
	if even := ss.Scan(page(2)); even.Refs[5] != first.Refs[5] || even.Refs[5].URL != "/0/" || last.Refs[5].URL != "/1/" {
		t.Errorf("the footer's last link: %q on page 0, %q on page 2 (shared: %v), %q on the last page", first.Refs[5].URL, even.Refs[5].URL, even.Refs[5] == first.Refs[5], last.Refs[5].URL)
	}
	if a, b := first.Refs[3], last.Refs[3]; *a.Alt == *b.Alt {
		t.Errorf("images with the alt %q and %q", *a.Alt, *b.Alt)
	}
}

// BenchmarkWords: appendWords on the text of a generated page.
func BenchmarkWords(b *testing.B) {
	page, err := os.ReadFile("testdata/page.html")
	if err != nil {
		b.Fatal(err)
	}
	var text [][]byte
	for _, piece := range bytes.Split(page, []byte("<")) {
		if i := bytes.IndexByte(piece, '>'); i >= 0 && i+1 < len(piece) {
			text = append(text, piece[i+1:])
		}
	}
	var dst []byte
	b.SetBytes(int64(len(bytes.Join(text, nil))))
	for b.Loop() {
		dst = dst[:0]
		for _, t := range text {
			dst = appendWords(dst, t)
		}
	}
}

// TestScanMarkdown: of the headings with the ids the Markdown made, the
// scan keeps no text; of the others, it does.
func TestScanMarkdown(t *testing.T) {
	page := `<header><h2 id="meny">Meny</h2></header><main><h1 id="t">Titel</h1><h2 id="pris">Pris</h2><h2>Utan id</h2><h3 id="mall">Mall</h3></main>`
	md := func(id string) bool { return id == "pris" || id == "meny" || id == "" }
	p := (&Strings{}).ScanMarkdown([]byte(page), md)
	var have []Heading
	for _, h := range p.Headings {
		have = append(have, *h)
	}
	want := []Heading{{2, "meny", ""}, {1, "t", "Titel"}, {2, "pris", ""}, {2, "", "Utan id"}, {3, "mall", "Mall"}}
	if !reflect.DeepEqual(have, want) {
		t.Errorf("Headings:\nhave %+v\nwant %+v", have, want)
	}
	if s := p.SectionHeadings(); !reflect.DeepEqual(s, []string{"Pris", "Utan id", "Mall"}) {
		t.Errorf("the site search's headings %q, want all three of <main>", s)
	}
}

// TestScanMarkdownRead: read sees the page as ScanMarkdown returns it,
// and the texts of a page that ScanMarkdown returned stay as they were
// when the same scanner reads the next page with ScanMarkdownRead, whose
// texts are its own bytes.
func TestScanMarkdownRead(t *testing.T) {
	a := `<main><h1>T</h1><p>Första sidans text.</p><h2 id="x">Rubrik ett</h2><p>Mer &amp; mer.</p></main>`
	b := `<main><h1>T</h1><p>Andra sidan skriver över allt som stod här.</p><h2 id="y">Ny rubrik</h2><p>Slut.</p></main>`
	var ss Strings
	pa := ss.ScanMarkdown([]byte(a), nil)
	wantA := []Section{{Text: "Första sidans text."}, {Level: 2, ID: "x", Heading: "Rubrik ett", Text: "Mer & mer."}}
	wantB := (&Strings{}).ScanMarkdown([]byte(b), nil).Sections
	var read int
	pb := ss.ScanMarkdownRead([]byte(b), nil, func(p *Page) {
		read++
		if !reflect.DeepEqual(p.Sections, wantB) {
			t.Errorf("read saw %+v, want %+v", p.Sections, wantB)
		}
	})
	if read != 1 || pb.Sections != nil {
		t.Errorf("read called %d times, sections after it %+v; want once and none", read, pb.Sections)
	}
	ss.ScanMarkdownRead([]byte(a+a), nil, func(*Page) {})
	if !reflect.DeepEqual(pa.Sections, wantA) {
		t.Errorf("the first page's sections became %+v, want %+v", pa.Sections, wantA)
	}
}
