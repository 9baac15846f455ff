package document

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"hbtq/internal/diag"
)

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
		"static/dokument/rapport-2021.pdf":       {Data: make([]byte, 1_234_567)},
		"static/dokument/trappa.pdf":             {Data: make([]byte, 2048)},
		"static/dokument/enkat.docx":             {Data: make([]byte, 340_400)},
		"static/dokument/aldre/rapport-2019.pdf": {Data: make([]byte, 999)},
		File:                                     {Data: []byte(src)},
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
			[]string{f + "2:11: the file static/dokument/rapport-2012.pdf does not exist (menade du dokument/rapport-2021.pdf?)"}},
		{"missing file, nothing like it", "documents:\n  - {file: dokument/verksamhetsplan.pdf, title: Plan, year: 2026, kind: rapport}\n",
			[]string{f + "2:12: the file static/dokument/verksamhetsplan.pdf does not exist (put the file in static/ and write its path from there, like dokument/rapport.pdf)"}},
		{"a folder", "documents:\n  - {file: dokument/aldre, title: Äldre, year: 2019, kind: rapport}\n",
			[]string{f + "2:12: static/dokument/aldre is a folder, not a file (write the path of the file in the folder, like dokument/aldre/rapport.pdf)"}},
		{"listed twice", ok + "  - {file: dokument/rapport-2021.pdf, title: Igen, year: 2021, kind: rapport}\n",
			[]string{f + "6:12: static/dokument/rapport-2021.pdf is already listed on line 2 (list each file once)"}},
		{"unknown kind", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 2024, kind: verktyget}\n",
			[]string{f + "2:66: \"verktyget\" is not a kind of document (menade du verktyg?)"}},
		{"unknown kind, nothing like it", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 2024, kind: film}\n",
			[]string{f + "2:66: \"film\" is not a kind of document (skriv en av: utvärdering, verktyg, rapport, broschyr)"}},
		{"language in capitals", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 2024, kind: verktyg, language: EN}\n",
			[]string{f + "2:85: \"EN\" is not a language code this site knows (write it in small letters: en)"}},
		{"language misspelt", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 2024, kind: verktyg, language: sve}\n",
			[]string{f + "2:85: \"sve\" is not a language code this site knows (did you mean sv (svenska)?)"}},
		{"language written out", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 2024, kind: verktyg, language: engelska}\n",
			[]string{f + "2:85: \"engelska\" is not a language code this site knows (write the code en for engelska)"}},
		{"language as an ISO 639-2 code", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 2024, kind: verktyg, language: swe}\n",
			[]string{f + "2:85: \"swe\" is not a language code this site knows (write the code sv for svenska)"}},
		{"language unknown", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 2024, kind: verktyg, language: klingonska}\n",
			[]string{f + "2:85: \"klingonska\" is not a language code this site knows (use one of: am, ar, bs, de, en, es, fa, fi, fit, fr, hr, ku, pl, prs, ps, rom, ru, se, sgn-se, sma, smj, so, sr, sv, th, ti, tr, uk, yi)"}},
		{"year", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: 21, kind: verktyg}\n",
			[]string{f + "2:54: year 21 is not a year of publication (write the year the document was published, like 2021)"}},
		{"year as text", "documents:\n  - {file: dokument/trappa.pdf, title: Trappa, year: tjugotjugofyra, kind: verktyg}\n",
			[]string{f + "2:54: year måste vara ett heltal, som 3, inte \"tjugotjugofyra\""}},
		{"no title", "documents:\n  - {file: dokument/trappa.pdf, year: 2024, kind: verktyg}\n",
			[]string{f + "2:5: title saknas (lägg till en rad som title: …)"}},
		{"unknown key", "documents:\n  - {file: dokument/trappa.pdf, titel: Trappa, year: 2024, kind: verktyg}\n",
			[]string{f + "2:33: okänd nyckel \"titel\" (menade du title?)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(site(tc.src))
			if d := cmp.Diff(tc.want, messages(err)); d != "" {
				t.Errorf("(-want +have):\n%s", d)
			}
		})
	}
}

func TestNoExtension(t *testing.T) {
	m := site("documents:\n  - {file: dokument/LASMIG, title: Läs mig, year: 2024, kind: rapport}\n")
	m["static/dokument/LASMIG"] = &fstest.MapFile{Data: []byte("x")}
	_, err := Load(m)
	want := []string{File + ":2:12: static/dokument/LASMIG has no extension, so a link cannot say its type (name the file with its type at the end, like rapport.pdf)"}
	if d := cmp.Diff(want, messages(err)); d != "" {
		t.Errorf("(-want +have):\n%s", d)
	}
}

func TestMissingList(t *testing.T) {
	l, err := Load(fstest.MapFS{})
	if err != nil || len(l.Documents) != 0 || len(l.Groups()) != 0 {
		t.Errorf("a site without %s: %v, %v", File, l.Documents, err)
	}
}

type brokenFS struct{}

func (brokenFS) Open(string) (fs.File, error) { return nil, errors.New("permission denied") }

func TestUnreadable(t *testing.T) {
	_, err := Load(brokenFS{})
	if have, want := messages(err), []string{File + ": the file cannot be read: permission denied"}; !cmp.Equal(have, want) {
		t.Errorf("have %q, want %q", have, want)
	}
}

func TestDocument(t *testing.T) {
	l, err := Load(site(`documents:
  - {file: dokument/rapport-2021.pdf, title: Utvärdering 2021 – patienters erfarenheter, year: 2021, kind: utvärdering}
  - {file: dokument/enkat.docx, title: Enkät, year: 2023, kind: verktyg, language: en}
  - {file: dokument/aldre/rapport-2019.pdf, title: Rapport, year: 2019, kind: rapport, summary: Äldre.}
`))
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
		{aldre.LinkText(), "Rapport (PDF, 999\u00a0B)"},
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
	}}
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
		"# Broschyrer", "Broschyr",
	}
	if d := cmp.Diff(want, have); d != "" {
		t.Errorf("(-want +have):\n%s", d)
	}
}
