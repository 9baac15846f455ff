package search

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/testtools"
)

// vocabulary is made-up Swedish-looking text: real words of the domain and
// compounds of syllables, so that the index has many words and shards.
var vocabulary = func() []string {
	out := strings.Fields("diplomering diplomeringen omdiplomering hbtq bemötande arbetsgrupp arbetsgruppen handlingsplan webbkurs seminarium seminarier anmälan pris kostnad vårdcentral tandvård äldreomsorg utvärdering utvärderingar chef chefen deltagande normer kunskap hälsa patienter personal organisation region kommun tillgänglighet kontakt frågor svar")
	a := strings.Fields("björk ek gran sol sjö berg äng strand lind ås vård hälso tand skol barn ung kvinno arbets miljö kun norm")
	b := strings.Fields("en et ar arna ande ning ningen heten skap mottagning gruppen planen kursen vägen gatan huset")
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}()

// docs returns n made-up pages.
func docs(n int) []Doc {
	r := rand.New(rand.NewPCG(7, uint64(n)))
	w := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocabulary[r.IntN(len(vocabulary))]
		}
		return strings.Join(ws, " ")
	}
	out := make([]Doc, n)
	for i := range out {
		out[i] = Doc{
			URL: fmt.Sprintf("/sida-%d/", i), Title: strings.ToUpper(w(1)[:1]) + w(3)[1:],
			Description: w(12), Headings: []string{w(2), w(3)}, Text: w(200),
		}
	}
	out = append(out, Doc{URL: "/om/pris/", Title: "Pris och villkor", Description: "Vad diplomeringen kostar.",
		Headings: []string{"Omdiplomering"}, Text: "Diplomeringen kostar 5 900 kronor per grupp. Tandläkarna och vårdcentralen i Skellefteå."})
	return out
}

// loadPages parses the index of ds and loads the shards q needs.
func loadPages(t testing.TB, meta []byte, shards []Shard, q string) (*Pages, []int) {
	t.Helper()
	p, err := ParsePages(meta)
	if err != nil {
		t.Fatal(err)
	}
	need := p.Needed(q)
	for _, i := range need {
		for _, sh := range shards {
			if "/"+sh.Path == p.Path(i) {
				if err := p.Add(i, sh.Data); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	return p, need
}

func TestPages(t *testing.T) {
	meta, shards, err := BuildPages(docs(400), Settings{}, "assets/sok")
	if err != nil {
		t.Fatal(err)
	}
	if len(shards) < 3 {
		t.Fatalf("%d shards for 400 pages, want the index split", len(shards))
	}
	for _, tc := range []struct{ q, want string }{
		{"pris", "/om/pris/"},
		{"priset", "/om/pris/"},          // stem
		{"omdiplomeringar", "/om/pris/"}, // stem, in a heading
		{"tandläkare skellefteå", "/om/pris/"},
		{"skelefteå", "/om/pris/"},       // misspelt
		{"kronor i kommun", "/om/pris/"}, // stop words
	} {
		p, need := loadPages(t, meta, shards, tc.q)
		hits := p.Query(tc.q).Hits
		found := false
		for _, h := range hits {
			found = found || p.Docs[h.Page][0] == tc.want
		}
		if !found {
			t.Errorf("%q (shards %v): %d hits without %s", tc.q, need, len(hits), tc.want)
		}
		// At most one shard per start (two letters) of the words looked
		// up: the query's and its synonyms'.
		starts := map[string]bool{}
		for _, sp := range p.lex.plan(tc.q) {
			for _, a := range append([][]string{sp.words}, sp.alts...) {
				for _, w := range a {
					starts[w[:min(2, len(w))]] = true
				}
			}
		}
		if len(need) > len(starts) {
			t.Errorf("%q needs %d shards for %d starts", tc.q, len(need), len(starts))
		}
	}
	// A title match ranks above a text match.
	p, _ := loadPages(t, meta, shards, "vårdgatan")
	hits := p.Query("vårdgatan").Hits
	if len(hits) < 2 || hits[0].Score < hits[len(hits)-1].Score {
		t.Errorf("vårdgatan: %v", hits)
	}
}

// TestPagesParity runs the site search script's page query (in node) and
// Pages.Query on the same index and queries: the same shards, pages and
// scores, in the same order.
func TestPagesParity(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		testtools.Need(t, testtools.Node)
	}
	// Read the scripts here too, so that go test's cache knows them: node
	// reads them in another process.
	for _, f := range []string{script, "../../layouts/assets/sitesearch.js"} {
		if _, err := os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}
	meta, shards, err := BuildPages(docs(400), Settings{Synonyms: []Synonym{{"pengar", []string{"pris", "kostnad"}}}}, "assets/sok")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(p string, data []byte) {
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("sok/index.json", meta)
	for _, sh := range shards {
		write(sh.Path, sh.Data)
	}
	queries := []string{"", "i", "pris", "priset", "pengar", "s", "vård", "vårdmottagning", "tandläkare skellefteå", "skelefteå",
		"björkmottagningen", "solgatan hälsa", "kunskap om normer", "diplomeringar", "xyzzy", "vc", "umo", "hälsoheten", "ekarna", "5 900",
		"prsi", "hur anmäler man sig", "vad kostar det", "pris xyzzy kronor", "hbtq-diplomerad vårdcentral", "tandvrd", "youth clinic"}
	for _, w := range vocabulary[:60] {
		queries = append(queries, w, swap(w), w+"na", Stem(w))
	}
	dirScript, _ := filepath.Abs(script)
	siteScript, _ := filepath.Abs("../../layouts/assets/sitesearch.js")
	in, _ := json.Marshal(map[string]any{"directory": dirScript, "sitesearch": siteScript, "dir": dir, "queries": queries})
	cmd := exec.Command(node, "testdata/pages-parity.mjs")
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	type answer struct {
		Needed     []int
		Hits       [][2]int
		Left       []string
		Suggestion string
		Suggested  string
	}
	var js []answer
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatal(err)
	}
	found := 0
	for i, q := range queries {
		p, need := loadPages(t, meta, shards, q)
		r := p.Query(q)
		have := answer{Needed: need, Left: r.Left, Suggestion: r.Suggestion, Suggested: r.Suggested}
		for _, h := range r.Hits {
			have.Hits = append(have.Hits, [2]int{h.Page, h.Score})
		}
		if len(have.Hits) > 0 {
			found++
		}
		if d := cmp.Diff(have, js[i], cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%q: Go and the script differ (-go +script):\n%s", q, d)
		}
	}
	if found < len(queries)/2 {
		t.Errorf("only %d of %d queries find anything: the comparison says little", found, len(queries))
	}
}

func gz(data []byte) int {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Len()
}

// TestFragments: every page gets a fragment file at its FragmentPath,
// with its text by heading; the main file names no fragment.
func TestFragments(t *testing.T) {
	docs := []Doc{
		{URL: "/om/pris/", Title: "Pris", Text: "Det kostar.", Sections: []Section{{"", "", "Det kostar."}, {"omdiplomering", "Omdiplomering", "Efter fyra år."}}},
		{URL: "/", Title: "Start", Text: "Text."},
	}
	meta, shards, err := BuildPages(docs, Settings{}, "assets/sok")
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePages(meta)
	if err != nil {
		t.Fatal(err)
	}
	frags := map[string]string{}
	for _, sh := range shards {
		if sh.Key == "" {
			frags[sh.Path] = string(sh.Data)
		}
	}
	want := map[string]string{
		"sok/f/om/pris.json": `{"v":1,"s":[["","","Det kostar."],["omdiplomering","Omdiplomering","Efter fyra år."]]}`,
		"sok/f/index.json":   `{"v":1,"s":[]}`,
	}
	if d := cmp.Diff(want, frags); d != "" {
		t.Errorf("fragments (-want +have):\n%s", d)
	}
	for _, d := range p.Docs {
		if d[3] != "/"+FragmentPath(d[0]) {
			t.Errorf("%s: fragment %q", d[0], d[3])
		}
	}
	if strings.Contains(string(meta), "sok/f/") {
		t.Errorf("the main file names fragments: %s", meta)
	}
}

// TestWriteFragments: with WriteFragments, Add writes each page's
// fragment file as Build would return it, from one buffer written over
// page after page (short pages after long ones), and the entry keeps none.
func TestWriteFragments(t *testing.T) {
	docs := pageDocs(40)
	for i := range docs {
		if i%3 == 1 {
			docs[i].Sections = docs[i].Sections[:1]
		}
	}
	_, shards, err := BuildPages(docs, Settings{}, "assets/sok")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, sh := range shards {
		if sh.Key == "" {
			want[sh.Path] = string(sh.Data)
		}
	}
	have := map[string]string{}
	var bufs [][]byte
	x := NewPageIndex()
	x.WriteFragments(func(path string, data []byte) error {
		have[path] = string(data)
		bufs = append(bufs, data)
		return nil
	})
	for _, d := range docs {
		if e := x.Add(d); e.fragment != nil {
			t.Fatalf("%s: the entry keeps its fragment", d.URL)
		}
	}
	if d := cmp.Diff(want, have); d != "" {
		t.Errorf("fragments written (-want +have):\n%s", d)
	}
	arrays := map[*byte]bool{}
	for _, b := range bufs {
		arrays[&b[:1][0]] = true
	}
	if len(arrays) > len(bufs)/4 {
		t.Errorf("the %d fragments were written from %d buffers, not one grown as needed", len(bufs), len(arrays))
	}
}

// TestTitleKeys: the index's keys of titles are swedish.Key's, whether a
// title comes first to TitleKeys or to Add, and an entry sorts by its own.
func TestTitleKeys(t *testing.T) {
	titles := []string{"Åsa", "Ängen", "ängen", "Öppna data", "Zebra", "Ängen", "", "Ö"}
	x := NewPageIndex()
	e := x.Add(Doc{URL: "/a/", Title: "Ängen"})
	have := x.TitleKeys(titles...)
	for i, title := range titles {
		if want := swedish.Key(title); !bytes.Equal(have[i], want) {
			t.Errorf("%q: key %x, want %x", title, have[i], want)
		}
	}
	if e := x.Add(Doc{URL: "/b/", Title: "Zebra"}); !bytes.Equal(e.key, swedish.Key("Zebra")) {
		t.Errorf("Add after TitleKeys: key %x", e.key)
	}
	if !bytes.Equal(e.key, swedish.Key("Ängen")) {
		t.Errorf("Add: key %x", e.key)
	}
}

// TestFragmentAsJSON: a fragment file is what encoding/json makes of it,
// whatever the text holds.
func TestFragmentAsJSON(t *testing.T) {
	texts := []string{"", "Vård & omsorg <b>", `"citat" \ snedstreck`, "rad\nny\tflik\r\b\f\x00\x1f\x7f",
		"\u2028\u2029 å ä ö é", "trasig \xff\xc3 utf-8", "emoji 🏳️‍🌈"}
	// And made-up texts of those pieces, so that each comes at every
	// place of eight bytes read at once.
	pieces := []string{"a", "bcdefgh", " ", "å", "ö", "&", "<", ">", `"`, `\`, "\x00", "\x1f", "\x7f", "\x80", "\xc3", "\xff", "\u2028", "\u2029", "…", "\u2027", "é", "🏳", "€", "\xc0\x80", "\xe2\x80", "\xe2"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		for _, text := range []string{b.String(), strings.ToValidUTF8(b.String(), "")} {
			want, err := json.Marshal(text)
			if err != nil {
				t.Fatal(err)
			}
			if have := appendJSON(nil, text); string(have) != string(want) {
				t.Errorf("%q:\nhave %s\nwant %s", text, have, want)
			}
		}
	}
	var secs []Section
	for i, s := range texts {
		secs = append(secs, Section{ID: texts[(i+1)%len(texts)], Heading: texts[(i+2)%len(texts)], Text: s})
	}
	for n := range len(secs) + 1 {
		rows := make([][3]string, n)
		for i, sec := range secs[:n] {
			rows[i] = [3]string{sec.ID, sec.Heading, sec.Text}
		}
		want, err := json.Marshal(struct {
			V int         `json:"v"`
			S [][3]string `json:"s"`
		}{FragmentVersion, rows})
		if err != nil {
			t.Fatal(err)
		}
		if have := appendFragment(nil, secs[:n]); string(have) != string(want) {
			t.Errorf("%d sections:\nhave %s\nwant %s", n, have, want)
		}
	}
}

// pageDocs returns n made-up pages shaped like bench/gen's (what the
// engine's pagescan hands the site search): a title, a description, and
// a few sections of capitalized sentences with punctuation and numbers,
// about 1 000 words a page.
func pageDocs(n int) []Doc {
	r := rand.New(rand.NewPCG(3, uint64(n)))
	sentence := func() string {
		var b strings.Builder
		k := 6 + r.IntN(12)
		for i := range k {
			w := vocabulary[r.IntN(len(vocabulary))]
			switch {
			case i == 0:
				w = strings.ToUpper(w[:1]) + w[1:]
			case r.IntN(25) == 0:
				w = fmt.Sprint(1000 + r.IntN(9000))
			case r.IntN(30) == 0:
				w += ","
			}
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		b.WriteByte('.')
		return b.String()
	}
	out := make([]Doc, n)
	for i := range out {
		d := Doc{URL: fmt.Sprintf("/avsnitt-%03d/sida-%05d/", i/100, i), Title: fmt.Sprintf("%s och %s %d", strings.TrimSuffix(sentence()[:12], " "), vocabulary[r.IntN(len(vocabulary))], i),
			Description: sentence()}
		d.Sections = append(d.Sections, Section{Text: sentence()})
		for range 4 + r.IntN(4) {
			var t strings.Builder
			for range 8 + r.IntN(8) {
				t.WriteString(sentence() + " ")
			}
			h := strings.TrimSuffix(sentence(), ".")
			d.Headings = append(d.Headings, h)
			d.Sections = append(d.Sections, Section{ID: strings.ToLower(strings.ReplaceAll(h, " ", "-")), Heading: h, Text: strings.TrimSpace(t.String())})
		}
		out[i] = d
	}
	return out
}

// BenchmarkPageIndex: Add, a page at a time as the build does, and Build,
// the end of the build, per page.
func BenchmarkPageIndex(b *testing.B) {
	docs := pageDocs(2000)
	b.Run("add", func(b *testing.B) {
		for b.Loop() {
			x := NewPageIndex()
			for _, d := range docs {
				x.Add(d)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/page")
	})
	// add alone, over the sections' text of each page (the words of
	// the site search's pages, most of the time Add takes), with a
	// scratch that has seen the pages once.
	b.Run("words", func(b *testing.B) {
		x := NewPageIndex()
		sc := x.scratch()
		words := func() {
			for _, d := range docs {
				sc.gen++
				sc.terms = sc.terms[:0]
				for _, s := range d.Sections {
					sc.add(x, s.Text, FieldText)
				}
			}
		}
		words()
		for b.Loop() {
			words()
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/page")
	})
	// At the end of a build of 2 000 pages, and in the dev server after
	// each edit of a site the size of the sample (50 pages).
	for _, n := range []int{2000, 50} {
		b.Run(fmt.Sprint("build-", n), func(b *testing.B) {
			x := NewPageIndex()
			entries := make([]PageEntry, n)
			for i, d := range docs[:n] {
				entries[i] = x.Add(d)
			}
			for b.Loop() {
				if _, _, err := x.Build(entries, Settings{}, "assets/sok"); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/page")
		})
	}
	// In the dev server after an edit of one page's text (bench/reload's:
	// a sentence added), with KeepBuilds.
	b.Run("again-50", func(b *testing.B) {
		x := NewPageIndex()
		x.KeepBuilds()
		entries := make([]PageEntry, 50)
		for i, d := range docs[:50] {
			entries[i] = x.Add(d)
		}
		if _, _, err := x.Build(entries, Settings{}, "assets/sok"); err != nil {
			b.Fatal(err)
		}
		i := 0
		for b.Loop() {
			b.StopTimer()
			d := docs[i*7%50]
			d.Sections = append(slices.Clone(d.Sections), Section{Text: fmt.Sprintf("Ändring nummer %d.", i)})
			entries[i*7%50] = x.Add(d)
			i++
			b.StartTimer()
			if _, _, err := x.Build(entries, Settings{}, "assets/sok"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestAddWords: Add finds the words of every field as folding the whole
// field and splitting it at spaces does, whatever the text holds, for a
// run seen before, a run new to the scratch and a run past maxWords.
func TestAddWords(t *testing.T) {
	texts := []string{
		"Vård och OMSORG i Umeå, Ödeshög & Älvkarleby (2026-12-07).",
		"e\u0301tude cafe\u0301 \u0301början naïve Æsir Straße Łódź œuvre ı",
		"smart’s “citat” – tankstreck\u00a0hårt mellanslag × gånger ÷ delat",
		"trasig \xff\xc3 utf-8 🏳️‍🌈 emoji 東京 ﬁnal ① ²",
		"/avsnitt-001/sida-00042/ https://example.se/a_b?c=d#e",
		"   ", "", "-- .. !!",
		"tillgänglighetsredogörelsen hälsoochsjukvårdsförvaltningen abcdefghijklmnopqrstuvwx abcdefghijklmnopqrstuvwxy abcdefgh abcdefghi ABCDEFGHIJKLMNOP",
	}
	want := foldedWords
	for _, limit := range []int{maxWords, 3, 0} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			defer func(m int) { maxWords = m }(maxWords)
			maxWords = limit
			x := NewPageIndex()
			for round := range 2 {
				for i, text := range texts {
					d := Doc{URL: "/" + texts[(i+4)%len(texts)], Title: text, Headings: []string{texts[(i+1)%len(texts)]},
						Description: texts[(i+2)%len(texts)], Text: texts[(i+3)%len(texts)], Sections: []Section{{Text: text + " " + texts[(i+5)%len(texts)]}}}
					e := x.Add(d)
					have := x.words(e)
					if len(have) != len(e.terms) {
						t.Errorf("round %d, page %d: a term twice in %v", round, i, e.terms)
					}
					if d := cmp.Diff(want(d), have); d != "" {
						t.Errorf("round %d, page %d (-want +have):\n%s", round, i, d)
					}
				}
			}
		})
	}
}

// foldedWords returns the words of d with their fields as folding each
// field whole and splitting it at spaces finds them: what Add must find.
func foldedWords(d Doc) map[string]uint32 {
	out := map[string]uint32{}
	add := func(s string, field uint32) {
		for _, w := range strings.Fields(Fold(s)) {
			out[w] |= field
		}
	}
	add(d.Title, FieldTitle)
	for _, h := range d.Headings {
		add(h, FieldHeading)
	}
	add(d.URL, FieldHeading)
	add(d.Description, FieldDescription)
	add(d.Text, FieldText)
	for _, s := range d.Sections {
		add(s.Text, FieldText)
	}
	return out
}

// words returns the words of e with their fields.
func (x *PageIndex) words(e PageEntry) map[string]uint32 {
	have := map[string]uint32{}
	for _, tm := range e.terms {
		have[x.terms[tm>>4]] |= tm & 15
	}
	return have
}

// addPieces are what TestAddWordsAnywhere and FuzzAddWords make texts of:
// runs of every length around eight and 24 bytes (the widths Add reads
// at once), letters at the edges of the ranges runMask tells apart,
// characters outside ASCII that fold to nothing, to a letter or to a
// space, and invalid UTF-8.
var addPieces = []string{"a", "Z", "0", "9", "bcdefgh", "ijklmnopq", "RSTUVWXYZabcdefg", "abcdefghijklmnopqrstuvw", "abcdefghijklmnopqrstuvwxyz",
	" ", " ", "  ", ".", ",", "-", "/", "@", "[", "`", "{", "\x7f", "\x00", "\t", ":", "å", "Ö", "é", "e\u0301", "ß", "\u00a0", "’", "–", "①", "ﬁ", "🏳️‍🌈", "東京", "\xff", "\xc3", "\xe2\x80"}

// TestAddWordsAnywhere: Add finds the words of made-up texts of addPieces
// as folding and splitting finds them, each piece coming at every place
// of the eight bytes Add reads at once, at the end of a text as in it.
func TestAddWordsAnywhere(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	x := NewPageIndex()
	for range 5000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(addPieces[r.IntN(len(addPieces))])
		}
		d := Doc{URL: "/", Title: b.String(), Sections: []Section{{Text: b.String()[min(3, b.Len()):]}}}
		if diff := cmp.Diff(foldedWords(d), x.words(x.Add(d))); diff != "" {
			t.Fatalf("%q (-want +have):\n%s", d.Title, diff)
		}
	}
}

// FuzzAddWords: Add finds the words of any text as folding and splitting
// finds them.
func FuzzAddWords(f *testing.F) {
	for _, p := range addPieces {
		f.Add(p + " " + p + p)
	}
	x := NewPageIndex()
	f.Fuzz(func(t *testing.T, text string) {
		d := Doc{URL: "/", Title: text, Description: text + text}
		if diff := cmp.Diff(foldedWords(d), x.words(x.Add(d))); diff != "" {
			t.Fatalf("%q (-want +have):\n%s", text, diff)
		}
	})
}

// TestRunMask: runMask marks the bytes inRun marks, each byte at each of
// the eight places, among any others.
func TestRunMask(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for c := range 256 {
		for at := range 8 {
			for range 20 {
				w := r.Uint64()&^(0xff<<(8*at)) | uint64(c)<<(8*at)
				var want uint64
				for b := range 8 {
					if inRun[byte(w>>(8*b))] {
						want |= 0x80 << (8 * b)
					}
				}
				if have := runMask(w); have != want {
					t.Fatalf("runMask(%#016x) = %#016x, want %#016x", w, have, want)
				}
			}
		}
	}
}

// TestBuildAsJSON: the main file and the shards are what encoding/json
// makes of what they hold, for titles, addresses and descriptions with
// anything in them, and synonyms and noise words of a site's own.
func TestBuildAsJSON(t *testing.T) {
	// Valid UTF-8 only: decoding makes U+FFFD of what is not, which
	// TestFragmentAsJSON covers.
	ds := pageDocs(300)
	for i := range ds {
		ds[i].Title, ds[i].Description = strings.ToValidUTF8(ds[i].Title, ""), strings.ToValidUTF8(ds[i].Description, "")
	}
	for i, s := range []string{"Vård & omsorg <b>", `"citat" \ snedstreck`, "rad\nny\tflik\x00", "\u2028 å ä ö", "🏳️‍🌈", ""} {
		ds[i].Title, ds[i+10].Description, ds[i+20].URL = s, s, "/"+s+"/"
		ds[i+30].Title = ds[i+31].Title // equal titles: by address
	}
	settings := Settings{Synonyms: []Synonym{{Key: "BVC", Expansion: []string{"barnavårdscentral", "Barnhälsovård"}}}, Noise: []string{"region"}}
	meta, shards, err := BuildPages(ds, settings, "assets/sok")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		V      int         `json:"v"`
		Stop   []string    `json:"stop"`
		Noise  []string    `json:"noise"`
		Syn    [][]string  `json:"syn"`
		Pages  [][3]string `json:"pages"`
		Shards [][2]string `json:"shards"`
	}
	asJSON := func(name string, data []byte, v any) {
		t.Helper()
		if err := json.Unmarshal(data, v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, want) {
			t.Errorf("%s:\nhave %s\nwant %s", name, data, want)
		}
	}
	asJSON("main file", meta, &m)
	if len(m.Pages) != len(ds) || len(m.Shards) < 2 || len(m.Syn) == 0 {
		t.Errorf("%d pages, %d shards, %d synonym groups: want %d, more than one, some", len(m.Pages), len(m.Shards), len(m.Syn), len(ds))
	}
	n := 0
	for _, sh := range shards {
		if sh.Key == "" {
			continue
		}
		n++
		var s struct {
			V     int              `json:"v"`
			Terms map[string][]int `json:"terms"`
		}
		asJSON(sh.Path, sh.Data, &s)
		if want := fmt.Sprintf("assets/sok/%s.%x.json", sh.Key, sha256.Sum256(sh.Data)); !strings.HasPrefix(want, strings.TrimSuffix(sh.Path, ".json")) {
			t.Errorf("shard at %s, want its hash: %s", sh.Path, want)
		}
	}
	if n != len(m.Shards) {
		t.Errorf("%d shards, the main file lists %d", n, len(m.Shards))
	}
}

// TestBuildAgain: with KeepBuilds, each Build after a change (a page's
// text, a title, a page gone, a page new, the settings) is byte for byte
// the Build of a new index of the same pages; after a change of one
// page's text the shards none of whose words changed are the last ones,
// not made again.
func TestBuildAgain(t *testing.T) {
	ds := pageDocs(150)
	x := NewPageIndex()
	x.KeepBuilds()
	entries := make([]PageEntry, len(ds))
	for i, d := range ds {
		entries[i] = x.Add(d)
	}
	var settings Settings
	var last []Shard
	check := func(step string) {
		t.Helper()
		meta, shards, err := x.Build(entries, settings, "assets/sok")
		if err != nil {
			t.Fatal(err)
		}
		wantMeta, wantShards, err := BuildPages(ds, settings, "assets/sok")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(meta, wantMeta) {
			t.Errorf("%s: the main file differs from a new index's", step)
		}
		if len(shards) != len(wantShards) {
			t.Fatalf("%s: %d shards, a new index has %d", step, len(shards), len(wantShards))
		}
		for i := range shards {
			if shards[i].Path != wantShards[i].Path || !bytes.Equal(shards[i].Data, wantShards[i].Data) {
				t.Errorf("%s: shard %d is %s, a new index's %s", step, i, shards[i].Path, wantShards[i].Path)
			}
		}
		last = shards
	}
	// kept returns how many of the shards of words are the last Build's.
	kept := func(prev, shards []Shard) (n, of int) {
		for _, sh := range shards {
			if sh.Key == "" {
				continue
			}
			of++
			for _, p := range prev {
				if p.Key != "" && &p.Data[0] == &sh.Data[0] {
					n++
				}
			}
		}
		return n, of
	}
	check("first")
	prev := last
	check("nothing changed")
	if n, of := kept(prev, last); n != of {
		t.Errorf("nothing changed: %d of %d shards kept, want all", n, of)
	}
	edit := func(i int, d Doc) {
		ds[i] = d
		entries[i] = x.Add(d)
	}
	d := ds[7]
	d.Sections = append(slices.Clone(d.Sections[1:]), Section{Text: "Zebrafinkar och xylofoner."})
	edit(7, d)
	prev = last
	check("a page's text")
	if n, of := kept(prev, last); n == 0 || n == of {
		t.Errorf("a page's text: %d of %d shards kept, want some, not all", n, of)
	}
	d = ds[8]
	d.Title = "Öppettider"
	edit(8, d)
	check("a title")
	ds, entries = slices.Delete(ds, 3, 4), slices.Delete(entries, 3, 4)
	check("a page gone")
	ds, entries = append(ds, pageDocs(151)[150]), append(entries, x.Add(pageDocs(151)[150]))
	check("a page new")
	settings.Noise = []string{"kvinnohuset"}
	check("noise words")
	d = ds[9]
	d.Sections = nil
	edit(9, d)
	check("a page without text")
}

// TestAddConcurrent: pages added from many goroutines at once (as the
// build's workers do, each with a scratch of its own) give the index that
// adding them one by one gives.
func TestAddConcurrent(t *testing.T) {
	ds := pageDocs(400)
	x := NewPageIndex()
	entries := make([]PageEntry, len(ds))
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := w; i < len(ds); i += 8 {
				entries[i] = x.Add(ds[i])
			}
		})
	}
	wg.Wait()
	meta, shards, err := x.Build(entries, Settings{}, "assets/sok")
	if err != nil {
		t.Fatal(err)
	}
	wantMeta, wantShards, err := BuildPages(ds, Settings{}, "assets/sok")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(meta, wantMeta) || len(shards) != len(wantShards) {
		t.Fatalf("the main file or the number of shards differs from adding one by one")
	}
	for i := range shards {
		if shards[i].Path != wantShards[i].Path || !bytes.Equal(shards[i].Data, wantShards[i].Data) {
			t.Errorf("shard %d is %s, one by one %s", i, shards[i].Path, wantShards[i].Path)
		}
	}
}
