package statement_test

import (
	"fmt"
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
	shortcoming := func(n int) string {
		return fmt.Sprintf("main #inte-tillgangligt + ul.statement__list > li:nth-child(%d) ", n)
	}
	o.Check("tillganglighet/index.html",
		sitetest.In("main .lead", sitetest.HasTextContaining("Region Test står bakom webbplatsen hbtq.test.example.se.")),
		sitetest.In("main #hur-tillganglig + p", sitetest.HasTextContaining("Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service.")),
		sitetest.In("main h2#annat-format"),
		sitetest.In(`main #annat-format ~ ul a[href="mailto:tillganglighet@test.example.se"]`),
		sitetest.In("main #annat-format + p + ul + p", sitetest.HasText("Vi svarar inom fem arbetsdagar.")),
		sitetest.In(`main #tillsyn + p a[href="https://www.digg.se/tdosanmalan"]`),
		sitetest.In("main #teknisk-information + p", sitetest.HasText("Webbplatsen är delvis förenlig med WCAG 2.1 nivå AA, på grund av de brister som beskrivs nedan.")),
		// Every shortcoming, documents first, each with its reason and day.
		sitetest.Texts("main #inte-tillgangligt + ul.statement__list > li > p:first-child > strong", "Enkät 2019 (PDF, 1 kB)", "Kartan över mottagningar", "Statistik i tabeller"),
		sitetest.In(shortcoming(1)+`strong a[href="/dokument/skannad.pdf"]`, sitetest.HasTextContaining("Enkät 2019 (PDF, ")),
		sitetest.In(shortcoming(1)+"p:first-child", sitetest.HasTextContaining("Enkäten är skannad och saknar text.")),
		sitetest.In(shortcoming(1)+"p:nth-child(2)", sitetest.HasText("Vi planerar att åtgärda det senast 31 mars 2027.")),
		sitetest.In(shortcoming(2)+"p:first-child", sitetest.HasText("Kartan över mottagningar. Kartan går inte att använda med tangentbord.")),
		sitetest.In(shortcoming(3)+`strong a[href="/tabeller/"]`, sitetest.HasText("Statistik i tabeller")),
		sitetest.In(shortcoming(3)+"p:first-child", sitetest.HasTextContaining("Tabellerna saknar rubrikceller")),
		sitetest.In("main h3#undantag", sitetest.HasText("Innehåll som inte omfattas av lagstiftningen")),
		sitetest.In("main #undantag + ul.statement__list li strong", sitetest.HasText("Inspelade webbsändningar från före 23 september 2020.")),
		// The page's own text is under Teknisk information, before how it was tested.
		sitetest.In("main #teknisk-information ~ #bra-att-veta + p", sitetest.HasText("Fri text om webbplatsen.")),
		sitetest.In("main #bra-att-veta + p ~ h2#hur-vi-testat"),
		sitetest.In("main #hur-vi-testat ~ p", sitetest.HasTextContaining("Vi har granskat")),
		sitetest.In(`main p:contains("Den senaste bedömningen")`, sitetest.HasText("Den senaste bedömningen gjordes den 1 oktober 2026.")),
		sitetest.In("main #om-redogorelsen + p", sitetest.HasText("Redogörelsen uppdaterades senast den 1 november 2026.")),
		// The accessible document is no shortcoming.
		sitetest.None("main", sitetest.HasTextContaining("Rapport 2026")),
	)
	// The page that declares itself says so at its top, with the way to
	// ask for it in another form.
	o.Check("tabeller/index.html",
		sitetest.In("main > .notice.notice--access:first-child p:first-child", sitetest.HasText("Delar av den här sidan är inte tillgängliga. Tabellerna saknar rubrikceller, så de är svåra att följa med skärmläsare. Vi planerar att åtgärda det senast 28 februari 2027.")),
		sitetest.In(".notice--access p strong", sitetest.HasText("Delar av den här sidan är inte tillgängliga.")),
		sitetest.In(`.notice--access a[href="/tillganglighet/#annat-format"]`, sitetest.HasText("Be om innehållet i ett annat format")))
	o.Check("index.html", sitetest.None(".notice--access"), sitetest.None("body", sitetest.HasTextContaining("inte tillgängliga")))
	// The documents page: pages and language for every PDF, and the way to
	// ask for the scan in another form.
	o.Check("dokument/index.html",
		sitetest.Texts(".document__meta", "2019, 1 sida, på svenska", "2026, 1 sida, på svenska"),
		sitetest.Count(".document__access", 1),
		sitetest.In(`.document:has(a[href="/dokument/skannad.pdf"]) .document__access`, sitetest.HasText("Dokumentet är inte helt tillgängligt. Enkäten är skannad och saknar text. Vi planerar att åtgärda det senast 31 mars 2027. Be om dokumentet i ett annat format")),
		sitetest.In(`.document__access a[href="/tillganglighet/#annat-format"]`, sitetest.HasText("Be om dokumentet i ett annat format")))
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
	o.Check("tillganglighet/index.html",
		sitetest.In("main #hur-tillganglig + p", sitetest.HasText("Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service. Vi känner inte till något innehåll som inte är tillgängligt.")))
}
