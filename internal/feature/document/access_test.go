package document

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/pdfcheck/pdftest"
)

// The documents of TestAccessibility: one for each thing a PDF can lack.
var (
	tagged = pdftest.Doc{Title: "Rapport", Lang: "sv-SE", DisplayTitle: true, Tagged: true, Paragraphs: []string{"Text."}}
	pdfs   = map[string]func(d *pdftest.Doc){
		"tagged":   func(*pdftest.Doc) {},
		"untagged": func(d *pdftest.Doc) { d.Tagged = false },
		"nolang":   func(d *pdftest.Doc) { d.Lang = "" },
		"hidden":   func(d *pdftest.Doc) { d.DisplayTitle = false },
		"scanned":  func(d *pdftest.Doc) { d.Tagged, d.Scanned = false, true },
		"english":  func(d *pdftest.Doc) { d.Lang = "en-GB" },
	}
)

// keep returns the site with only the test PDFs named.
func keep(fsys fstest.MapFS, names ...string) fstest.MapFS {
	for name := range pdfs {
		if !slices.Contains(names, name) {
			delete(fsys, "static/dokument/"+name+".pdf")
		}
	}
	return fsys
}

func accessSite(list string, extra fstest.MapFS) fstest.MapFS {
	fsys := fstest.MapFS{File: {Data: []byte("documents:\n" + list)}}
	for name, change := range pdfs {
		d := tagged
		change(&d)
		fsys["static/dokument/"+name+".pdf"] = &fstest.MapFile{Data: d.PDF()}
	}
	for k, v := range extra {
		fsys[k] = v
	}
	return fsys
}

// entry is one document of the list, with more keys.
func entry(file, more string) string {
	return "  - file: dokument/" + file + "\n    title: Titel\n    year: 2026\n    kind: rapport\n" + more
}

func TestAccessibility(t *testing.T) {
	const f = File + ":"
	const mark = "    accessible: false\n    reason: Skannad utan text.\n    fix_by: 2027-03-31\n"
	const hint = " (spara dokumentet som tillgänglig PDF (se ”Tillgängliga dokument” i redaktörsguiden), eller skriv accessible: false, reason: och fix_by: under dokumentet så att tillgänglighetsredogörelsen tar upp det)"
	all := entry("tagged.pdf", "") + entry("untagged.pdf", mark) + entry("nolang.pdf", mark) + entry("hidden.pdf", mark) + entry("scanned.pdf", mark) + entry("english.pdf", "    language: en\n")
	for _, tc := range []struct {
		name, list string
		extra      fstest.MapFS
		want       []string
		notes      []string
	}{
		{"tagged, with language and title", entry("tagged.pdf", ""), nil, nil, nil},
		{"untagged", entry("untagged.pdf", ""), nil,
			[]string{f + "2:11: dokument/untagged.pdf är inte tillgängligt: det saknar taggar (rubriker, listor och läsordning för skärmläsare)" + hint}, nil},
		{"no language", entry("nolang.pdf", ""), nil,
			[]string{f + "2:11: dokument/nolang.pdf är inte tillgängligt: det saknar dokumentspråk" + hint}, nil},
		{"title not shown", entry("hidden.pdf", ""), nil,
			[]string{f + "2:11: dokument/hidden.pdf är inte tillgängligt: det saknar inställningen att visa titeln i fönstret i stället för filnamnet" + hint}, nil},
		{"scanned", entry("scanned.pdf", ""), nil,
			[]string{f + "2:11: dokument/scanned.pdf är inte tillgängligt: det saknar taggar (rubriker, listor och läsordning för skärmläsare) och text: sidorna är bara bilder, som i en skanning" + hint}, nil},
		{"declared not accessible", all, nil, nil, nil},
		{"language differs", entry("english.pdf", ""), nil, nil,
			[]string{"static/dokument/english.pdf säger att dess språk är en-GB, men content/dokument.yaml säger sv (language:): rätta det som är fel"}},
		{"declared without reason and day", entry("scanned.pdf", "    accessible: false\n"), nil,
			[]string{
				f + "6:17: accessible: false behöver reason: som säger vad i dokumentet som inte är tillgängligt och varför (skriv till exempel reason: Rapporten är skannad och saknar text, så den går inte att läsa med skärmläsare.)",
				f + "6:17: accessible: false behöver fix_by: med dagen då dokumentet ska vara tillgängligt (skriv till exempel fix_by: 2027-03-31; tillgänglighetsredogörelsen visar datumet)",
			}, nil},
		{"reason without accessible: false", entry("tagged.pdf", "    reason: Något.\n"), nil,
			[]string{f + "6:13: reason gäller bara dokument som inte är tillgängliga (skriv accessible: false under dokumentet, eller ta bort reason om dokumentet är tillgängligt)"}, nil},
		{"not a PDF", entry("fake.pdf", ""), fstest.MapFS{"static/dokument/fake.pdf": {Data: []byte("<html>")}},
			[]string{f + "2:11: dokument/fake.pdf går inte att läsa som PDF (filen börjar inte som en PDF) (spara filen som PDF igen från programmet där den gjordes och lägg den i static/ på nytt)"}, nil},
		{"cut short", entry("cut.pdf", ""), fstest.MapFS{"static/dokument/cut.pdf": {Data: tagged.PDF()[:1500]}},
			[]string{f + "2:11: dokument/cut.pdf går inte att läsa som PDF (filen är avkortad: slutet saknas) (spara filen som PDF igen från programmet där den gjordes och lägg den i static/ på nytt)"}, nil},
		{"unlisted and untagged", entry("tagged.pdf", ""), fstest.MapFS{"static/bilagor/bilaga.pdf": {Data: pdftest.Doc{Title: "Bilaga", Lang: "sv", DisplayTitle: true, Paragraphs: []string{"x"}}.PDF()}},
			[]string{"static/bilagor/bilaga.pdf: bilagor/bilaga.pdf är inte tillgängligt: det saknar taggar (rubriker, listor och läsordning för skärmläsare) (lägg till dokumentet i content/dokument.yaml och spara det som tillgänglig PDF; tills dess kan du skriva accessible: false, reason: och fix_by: under det där)"}, nil},
		{"a Word file", entry("tagged.pdf", "") + entry("enkat.docx", ""), fstest.MapFS{"static/dokument/enkat.docx": {Data: []byte("PK")}, "static/dokument/tabell.xlsx": {Data: []byte("PK")}}, nil,
			[]string{
				"static/dokument/enkat.docx är en Word-fil: den kräver ett visst program och är sällan tillgänglig; publicera innehållet som tillgänglig PDF (PDF/UA) eller som en webbsida",
				"static/dokument/tabell.xlsx är en Excel-fil: den kräver ett visst program och är sällan tillgänglig; publicera innehållet som tillgänglig PDF (PDF/UA) eller som en webbsida",
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := accessSite(tc.list, tc.extra)
			// Every test PDF not in the list is listed-or-flagged:
			// only list what the case names, and leave the rest out.
			for name := range pdfs {
				if !contains(tc.list, name+".pdf") {
					delete(fsys, "static/dokument/"+name+".pdf")
				}
			}
			l, err := Load(fsys, names(t))
			if diff := cmp.Diff(tc.want, messages(err)); diff != "" {
				t.Errorf("problems (-want +have):\n%s", diff)
			}
			var notes []string
			for _, n := range l.Notes {
				notes = append(notes, n.In(msg.SV))
			}
			if diff := cmp.Diff(tc.notes, notes); diff != "" {
				t.Errorf("notes (-want +have):\n%s", diff)
			}
		})
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestPagesAndMark(t *testing.T) {
	l, err := Load(keep(accessSite(entry("scanned.pdf", "    accessible: false\n    reason: Skannad utan text.\n    fix_by: 2027-03-31\n")+entry("tagged.pdf", ""), nil), "scanned", "tagged"), names(t))
	if err != nil {
		t.Fatal(err)
	}
	s, ok := l.ByURL("/dokument/scanned.pdf")
	if !ok || !s.NotAccessible() || s.Reason != "Skannad utan text." || s.FixByText() != "31 mars 2027" || s.PagesText() != "1 sida" {
		t.Errorf("the scanned document: %+v", s)
	}
	if g, _ := l.ByURL("/dokument/tagged.pdf"); g.NotAccessible() {
		t.Error("the tagged document is not accessible")
	}
}
