package statement_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/pdfcheck/pdftest"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// fixture returns the statement site with its two PDFs: an accessible one
// and a scan.
func fixture(t *testing.T) *sitetest.Site {
	s := sitetest.Load(t, "testdata/statement.txtar")
	good := pdftest.Doc{Title: "Rapport 2026", Lang: "sv-SE", DisplayTitle: true, Tagged: true, Paragraphs: []string{"Text."}}
	s.Write("static/dokument/rapport.pdf", string(good.PDF()))
	s.Write("static/dokument/skannad.pdf", string(pdftest.Doc{Title: "Enkät", Scanned: true}.PDF()))
	return s
}

func TestStatement(t *testing.T) {
	s := fixture(t)
	o := s.Build(t)
	o.Contains("tillganglighet/index.html",
		"Region Test står bakom webbplatsen hbtq.test.example.se",
		"Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service",
		`<h2 id="annat-format">`,
		`<a href="mailto:tillganglighet@test.example.se">`,
		"Vi svarar inom fem arbetsdagar.",
		`href="https://www.digg.se/tdosanmalan"`,
		"delvis förenlig med WCAG 2.1 nivå AA, på grund av de brister som beskrivs nedan",
		// Every shortcoming, documents first, each with its reason and day.
		`<a href="/dokument/skannad.pdf">Enkät 2019 (PDF, `,
		"Enkäten är skannad och saknar text.",
		"Vi planerar att åtgärda det senast 31 mars 2027.",
		`<a href="/tabeller/">Statistik i tabeller</a>`,
		"Tabellerna saknar rubrikceller",
		"Kartan över mottagningar",
		"Kartan går inte att använda med tangentbord.",
		"Innehåll som inte omfattas av lagstiftningen",
		"Inspelade webbsändningar från före 23 september 2020",
		"Fri text om webbplatsen.",
		"Den senaste bedömningen gjordes den 1 oktober 2026.",
		"Redogörelsen uppdaterades senast den 1 november 2026.",
		"! Rapport 2026",
	)
	html := o.Read("tillganglighet/index.html")
	if i, j := strings.Index(html, "Enkät 2019"), strings.Index(html, "Kartan över"); i < 0 || j < 0 || i > j {
		t.Error("the documents are not listed before the other shortcomings")
	}
	if i, j := strings.Index(html, "Fri text"), strings.Index(html, "Hur vi testat"); i > j {
		t.Error("the page's own text is not under Teknisk information")
	}
	// The page that declares itself says so at its top, with the way to
	// ask for it in another form.
	o.Contains("tabeller/index.html",
		"Delar av den här sidan är inte tillgängliga.",
		"Tabellerna saknar rubrikceller",
		"Vi planerar att åtgärda det senast 28 februari 2027.",
		`<a href="/tillganglighet/#annat-format">Be om innehållet i ett annat format</a>`)
	o.Contains("index.html", "! inte tillgängliga")
	// The documents page: pages and language for every PDF, and the way to
	// ask for the scan in another form.
	o.Contains("dokument/index.html",
		"2026, 1 sida, på svenska",
		"Dokumentet är inte helt tillgängligt.",
		"Enkäten är skannad och saknar text.",
		`<a href="/tillganglighet/#annat-format">Be om dokumentet i ett annat format</a>`)
}

func TestStatementProblems(t *testing.T) {
	const page = "content/tillganglighet.md:"
	for _, tc := range []struct {
		name     string
		old, new string // an edit of the statement page
		file     string // the file edited; the statement page when ""
		want     []string
	}{
		{"status misspelt", "status: delvis", "status: delvist", "",
			[]string{page + "6:11: \"delvist\" är ingen status för redogörelsen (menade du delvis?)"}},
		{"status helt with shortcomings", "status: delvis", "status: helt", "",
			[]string{page + "6:11: status: helt, men 3 innehåll är markerade som inte tillgängliga (bland annat Enkät 2019) (skriv status: delvis så länge något inte är tillgängligt, eller gör innehållet tillgängligt och ta bort accessible: false)"}},
		{"no publisher, no method", "  publisher: Region Test\n", "", "",
			[]string{page + "4:3: publisher saknas (lägg till en rad som publisher: …)"}},
		{"feedback without a way", "    email: tillganglighet@test.example.se\n    phone: 010-123 45 00\n", "", "",
			[]string{page + "11:5: feedback behöver en e-postadress eller ett telefonnummer (skriv email: och/eller phone: under feedback:, så att läsare kan be om innehåll i ett annat format)"}},
		{"assessed in the future", "assessed: 2026-10-01", "assessed: 2026-12-24", "",
			[]string{
				page + "7:13: assessed: 2026-12-24 har inte hänt än (skriv dagen då det gjordes, inte en dag som kommer)",
				page + "8:12: updated: 2026-11-01 är före bedömningen (assessed: 2026-12-24) (när du gör en ny bedömning uppdaterar du också redogörelsen: skriv samma dag eller senare i updated:)",
			}},
		{"a page's reason without accessible: false", "accessible: false\n", "", "content/tabeller.md",
			[]string{"content/tabeller.md:3:9: reason gäller bara sidor som inte är tillgängliga (skriv accessible: false ovanför reason, eller ta bort raden om sidan är tillgänglig)",
				"content/tabeller.md:4:9: fix_by gäller bara sidor som inte är tillgängliga (skriv accessible: false ovanför fix_by, eller ta bort raden om sidan är tillgänglig)"}},
		{"a page's accessible: false without reason", "reason: Tabellerna saknar rubrikceller, så de är svåra att följa med skärmläsare.\n", "", "content/tabeller.md",
			[]string{"content/tabeller.md:3:13: accessible: false behöver reason: som säger vad som inte är tillgängligt och varför (skriv till exempel reason: Tabellerna saknar rubrikceller, så de är svåra att följa med skärmläsare.)"}},
		{"a second statement", "", "", "content/ytterligare.md",
			[]string{"content/ytterligare.md:4:3: webbplatsen har redan en tillgänglighetsredogörelse, i content/tillganglighet.md (en webbplats har en redogörelse: ta bort statement: från den här sidan)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := fixture(t)
			file := tc.file
			if file == "" {
				file = "content/tillganglighet.md"
			}
			if file == "content/ytterligare.md" {
				// A copy of the statement page.
				s.Write(file, strings.Replace(string(s.Files["content/tillganglighet.md"].Data), "title:", "title: Kopia", 1))
			} else {
				s.Edit(t, file, tc.old, tc.new)
			}
			_, err := s.BuildErr(t)
			var have []string
			for _, e := range diag.Errors(err) {
				have = append(have, e.Error())
			}
			if d := cmp.Diff(tc.want, have); d != "" {
				t.Errorf("(-want +have):\n%s", d)
			}
		})
	}
}

func TestStatementNotes(t *testing.T) {
	s := fixture(t)
	s.Edit(t, "content/tillganglighet.md", "assessed: 2026-10-01", "assessed: 2025-10-01")
	s.Edit(t, "content/tabeller.md", "fix_by: 2027-02-28", "fix_by: 2026-11-01")
	o := s.Build(t)
	var notes []string
	for _, n := range o.Stats.Notes {
		if t := n.In(msg.SV); strings.Contains(t, "tillgänglig") {
			notes = append(notes, t)
		}
	}
	want := []string{
		"tillgänglighetsredogörelsen (content/tillganglighet.md) bygger på en bedömning från 1 oktober 2025, mer än ett år sedan: gör en ny bedömning och skriv dagen i assessed: och updated:",
		"Statistik i tabeller skulle vara tillgängligt senast 1 november 2026 (content/tabeller.md:3): gör det tillgängligt, eller skriv ett nytt datum i fix_by:",
	}
	if d := cmp.Diff(want, notes); d != "" {
		t.Errorf("notes (-want +have):\n%s", d)
	}
}

// TestStatusFollowsTheMarks: a site whose content is all accessible says
// helt, and then delvis is an error.
func TestStatusFollowsTheMarks(t *testing.T) {
	s := fixture(t)
	s.Remove("content/tabeller.md")
	s.Edit(t, "content/dokument.yaml", "    accessible: false\n    reason: Enkäten är skannad och saknar text.\n    fix_by: 2027-03-31\n", "")
	s.Write("static/dokument/skannad.pdf", string(pdftest.Doc{Title: "Enkät", Lang: "sv", DisplayTitle: true, Tagged: true, Paragraphs: []string{"x"}}.PDF()))
	s.Edit(t, "content/tillganglighet.md", "  shortcomings:\n    - what: Kartan över mottagningar\n      reason: Kartan går inte att använda med tangentbord.\n      fix_by: 2027-06-30\n", "")
	_, err := s.BuildErr(t)
	want := "content/tillganglighet.md:6:11: status: delvis, men inget innehåll är markerat som inte tillgängligt (beskriv bristerna under shortcomings: (eller markera dokument och sidor med accessible: false), eller skriv status: helt)"
	if errs := diag.Errors(err); len(errs) != 1 || errs[0].Error() != want {
		t.Fatalf("have %v, want %s", err, want)
	}
	s.Edit(t, "content/tillganglighet.md", "status: delvis", "status: helt")
	o := s.Build(t)
	o.Contains("tillganglighet/index.html",
		"Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service.",
		"Vi känner inte till något innehåll som inte är tillgängligt.")
}
