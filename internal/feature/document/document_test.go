package document

import (
	"errors"
	"io/fs"
	"os"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/pdfcheck/pdftest"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// accessiblePDF returns a tagged PDF with a language and a title, padded
// to size bytes when size is larger.
func accessiblePDF(size int) []byte {
	return pdftest.Doc{Title: "Rapport", Lang: "sv-SE", DisplayTitle: true, Tagged: true, Paragraphs: []string{"Text."}, Size: size}.PDF()
}

func messages(err error) []string {
	var msgs []string
	for _, e := range diag.Errors(err) {
		msgs = append(msgs, e.Error())
	}
	return msgs
}

// site is a site root with three files under static/ and src as the list.
func site(src string) fstest.MapFS {
	return fstest.MapFS{
		"static/dokument/rapport-2021.pdf":       {Data: accessiblePDF(1_234_567)},
		"static/dokument/trappa.pdf":             {Data: accessiblePDF(2048)},
		"static/dokument/enkat.docx":             {Data: make([]byte, 340_400)},
		"static/dokument/aldre/rapport-2019.pdf": {Data: accessiblePDF(0)},
		File:                                     {Data: []byte(src)},
	}
}

// names returns the theme's names of the languages (layouts/words.yaml).
func names(t *testing.T) map[string]string {
	t.Helper()
	w, errs := settings.LoadWords(os.DirFS("../../.."), nil)
	if w == nil || len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	return w.Languages
}

// TestThemeNamesEveryLanguage: layouts/words.yaml names each language a
// document may have, and no other.
func TestThemeNamesEveryLanguage(t *testing.T) {
	n := names(t)
	for _, code := range Languages {
		if n[code] == "" {
			t.Errorf("layouts/words.yaml: languages: gives no name for %s", code)
		}
	}
	for code := range n {
		if !slices.Contains(Languages, code) {
			t.Errorf("layouts/words.yaml: languages: names %s, which is no language a document may have", code)
		}
	}
}

func TestLoad(t *testing.T) {
	const f = File + ":"
	const ok = "documents:\n  - file: dokument/rapport-2021.pdf\n    title: Rapport\n    year: 2021\n    kind: utvärdering\n"
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"ok", ok, nil},
		{"empty file", "", nil},
		{"with static/ and a leading slash", "documents:\n  - {file: /static/dokument/trappa.pdf, title: Trappa, year: 2024, kind: verktyg}\n", nil},
		{"missing file", "documents:\n  - file: dokument/rapport-2012.pdf\n    title: Saknas\n    year: 2012\n    kind: rapport\n",
			[]string{f + "2:11: filen static/dokument/rapport-2012.pdf finns inte (menade du dokument/rapport-2021.pdf?)"}},
		{"missing file, nothing like it", "documents:\n  - {file: dokument/verksamhetsplan.pdf, title: Plan, year: 2026, kind: rapport}\n",
			[]string{f + "2:12: filen static/dokument/verksamhetsplan.pdf finns inte (lägg filen i static/ och skriv sökvägen därifrån, som dokument/rapport.pdf)"}},
		{"a folder", "documents:\n  - {file: dokument/aldre, title: Äldre, year: 2019, kind: rapport}\n",
			[]string{f + "2:12: static/dokument/aldre är en mapp, inte en fil (skriv sökvägen till filen i mappen, som dokument/aldre/rapport.pdf)"}},
		{"listed twice", ok + "  - {file: dokument/rapport-2021.pdf, title: Igen, year: 2021, kind: rapport}\n",
			[]string{f + "6:12: static/dokument/rapport-2021.pdf står redan på rad 2 (skriv varje fil en gång)"}},
		{"unknown kind", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 2024, kind: verktyget}\n",
			[]string{f + "2:66: \"verktyget\" är ingen sorts dokument (menade du verktyg?)"}},
		{"unknown kind, nothing like it", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 2024, kind: film}\n",
			[]string{f + "2:66: \"film\" är ingen sorts dokument (skriv en av: utvärdering, verktyg, rapport, broschyr)"}},
		{"language in capitals", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 2024, kind: verktyg, language: EN}\n",
			[]string{f + "2:85: \"EN\" är ingen språkkod som webbplatsen känner till (skriv den med små bokstäver: en)"}},
		{"language misspelt", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 2024, kind: verktyg, language: sve}\n",
			[]string{f + "2:85: \"sve\" är ingen språkkod som webbplatsen känner till (menade du sv (svenska)?)"}},
		{"language written out", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 2024, kind: verktyg, language: engelska}\n",
			[]string{f + "2:85: \"engelska\" är ingen språkkod som webbplatsen känner till (skriv koden en för engelska)"}},
		{"language as an ISO 639-2 code", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 2024, kind: verktyg, language: swe}\n",
			[]string{f + "2:85: \"swe\" är ingen språkkod som webbplatsen känner till (skriv koden sv för svenska)"}},
		{"language unknown", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 2024, kind: verktyg, language: klingonska}\n",
			[]string{f + "2:85: \"klingonska\" är ingen språkkod som webbplatsen känner till (skriv en av: am, ar, bs, de, en, es, fa, fi, fit, fr, hr, ku, pl, prs, ps, rom, ru, se, sgn-se, sma, smj, so, sr, sv, th, ti, tr, uk, yi)"}},
		{"year", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 21, kind: verktyg}\n",
			[]string{f + "2:54: året 21 är inget år då dokumentet kan ha getts ut (skriv året då dokumentet gavs ut, som 2021)"}},
		{"year as text", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: tjugotjugofyra, kind: verktyg}\n",
			[]string{f + "2:54: year måste vara ett heltal, som 3, inte \"tjugotjugofyra\""}},
		{"no title", "documents:\n  - {file: dokument/trappa.pdf, year: 2024, kind: verktyg}\n",
			[]string{f + "2:5: title saknas (lägg till en rad som title: …)"}},
		{"unknown key", "documents:\n  - {file: dokument/trappa.pdf, titel: Trappa, year: 2024, kind: verktyg}\n",
			[]string{f + "2:33: okänd nyckel \"titel\" (menade du title?)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(site(tc.src), names(t))
			if d := cmp.Diff(tc.want, messages(err)); d != "" {
				t.Errorf("(-want +have):\n%s", d)
			}
		})
	}
}

func TestNoExtension(t *testing.T) {
	m := site("documents:\n  - {file: dokument/LASMIG, title: Läs mig, year: 2024, kind: rapport}\n")
	m["static/dokument/LASMIG"] = &fstest.MapFile{Data: []byte("x")}
	_, err := Load(m, names(t))
	want := []string{File + ":2:12: static/dokument/LASMIG har ingen filändelse, så en länk kan inte säga vilken filtyp det är (ge filen ett namn som slutar med filtypen, som rapport.pdf)"}
	if d := cmp.Diff(want, messages(err)); d != "" {
		t.Errorf("(-want +have):\n%s", d)
	}
}

func TestMissingList(t *testing.T) {
	l, err := Load(fstest.MapFS{}, names(t))
	if err != nil || len(l.Documents) != 0 || len(l.Groups()) != 0 {
		t.Errorf("a site without %s: %v, %v", File, l.Documents, err)
	}
}

type brokenFS struct{}

func (brokenFS) Open(string) (fs.File, error) { return nil, errors.New("permission denied") }

func TestUnreadable(t *testing.T) {
	_, err := Load(brokenFS{}, names(t))
	if have, want := messages(err), []string{File + ": filen går inte att läsa: permission denied"}; !cmp.Equal(have, want) {
		t.Errorf("have %q, want %q", have, want)
	}
}

func TestDocument(t *testing.T) {
	l, err := Load(site(`documents:
  - {file: dokument/rapport-2021.pdf, title: Utvärdering 2021 – patienters erfarenheter, year: 2021, kind: utvärdering}
  - {file: dokument/enkat.docx, title: Enkät, year: 2023, kind: verktyg, language: en}
  - {file: dokument/aldre/rapport-2019.pdf, title: Rapport, year: 2019, kind: rapport, summary: Äldre.}
`), names(t))
	if err != nil {
		t.Fatal(err)
	}
	rapport, ok := l.ByURL("/dokument/rapport-2021.pdf")
	if !ok {
		t.Fatal("ByURL does not find the report")
	}
	if _, ok := l.ByURL("/dokument/saknas.pdf"); ok {
		t.Error("ByURL finds a document that is not there")
	}
	enkat, aldre := l.Documents[1], l.Documents[2]
	for _, tc := range []struct{ have, want string }{
		{rapport.LinkText(), "Utvärdering 2021 – patienters erfarenheter (PDF, 1,2\u00a0MB)"},
		{rapport.Details(), "PDF, 1,2\u00a0MB"},
		{rapport.SizeText(), "1,2\u00a0MB"},
		{rapport.Language, "sv"},
		{rapport.LanguageName(), "svenska"},
		{enkat.LinkText(), "Enkät (Word, 340\u00a0kB)"},
		{enkat.URL, "/dokument/enkat.docx"},
		{enkat.LanguageName(), "engelska"},
		{aldre.LinkText(), "Rapport (PDF, " + swedish.Bytes(int64(len(accessiblePDF(0)))) + ")"},
		{aldre.PagesText(), "1 sida"},
		{aldre.Summary, "Äldre."},
	} {
		if tc.have != tc.want {
			t.Errorf("have %q, want %q", tc.have, tc.want)
		}
	}
}

func TestGroups(t *testing.T) {
	l := &List{Documents: []*Document{
		{Title: "Broschyr", Kind: "broschyr", Year: 2020},
		{Title: "Öppna frågor", Kind: "utvärdering", Year: 2021},
		{Title: "Äldre utvärdering", Kind: "utvärdering", Year: 2019},
		{Title: "Zebra", Kind: "utvärdering", Year: 2021},
		{Title: "Chefer", Kind: "utvärdering", Year: 2021},
		{Title: "Trappa", Kind: "verktyg", Year: 2024},
		{Title: "Ny utvärdering", Kind: "utvärdering", Year: 2025},
	}, Titles: map[string]string{"utvärdering": "Utvärderingar", "verktyg": "Verktyg"}}
	var have []string
	for _, g := range l.Groups() {
		have = append(have, "# "+g.Title)
		for _, d := range g.Documents {
			have = append(have, d.Title)
		}
	}
	want := []string{
		"# Utvärderingar", "Ny utvärdering", "Chefer", "Zebra", "Öppna frågor", "Äldre utvärdering",
		"# Verktyg", "Trappa",
		"# Broschyr", "Broschyr", // no title in the words: the kind's name
	}
	if d := cmp.Diff(want, have); d != "" {
		t.Errorf("(-want +have):\n%s", d)
	}
}
