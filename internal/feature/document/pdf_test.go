package document

// The placeholder PDFs of the sample site under static/dokument/ were
// written by this file:
//
//	go test ./internal/feature/document -run TestPlaceholderPDFs -write-placeholders
//
// Each is a one-page PDF 1.4 in Helvetica written by package pdftest, with
// the document's title in its metadata, shown as the window title, and
// /Lang sv-SE; the tagged ones have a structure tree, so that the sample
// shows both a document that passes the build's accessibility check and
// documents declared not accessible in content/dokument.yaml. Without the
// flag the test checks that the generator writes well-formed files:
// header, objects where the cross-reference table says they are, stream
// lengths, trailer and %%EOF, and that package pdfcheck reads them as
// intended. It does not read the committed files: they are the site's
// content, and a region replaces them with its own reports.

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/pdfcheck"
	"github.com/hbtq-diplomering/webbplats/internal/pdfcheck/pdftest"
)

var writePlaceholders = flag.Bool("write-placeholders", false, "write the placeholder PDFs into static/dokument/ of the sample site")

type placeholder struct {
	file, title, subject string
	date                 string // D:YYYYMMDD
	tagged               bool
	paragraphs           []string
}

const notice = "Det här är ett platshållardokument för exempelwebbplatsen. Allt innehåll är påhittat och används bara för att prova webbplatsen."

var placeholders = []placeholder{
	{
		file:    "utvardering-patienter-2021.pdf",
		title:   "Utvärdering 2021 – patienters erfarenheter",
		subject: "Hur patienter har blivit bemötta i hbtq-diplomerade verksamheter",
		date:    "D:20210915",
		tagged:  true,
		paragraphs: []string{
			notice,
			"Sammanfattning. Vi har frågat patienter i diplomerade verksamheter hur de har blivit bemötta. De flesta svarar att personalen använder rätt namn och pronomen och att de inte behöver förklara sin familj eller sin identitet för att få vård.",
			"Så gjorde vi. Patienter fick en kort enkät efter sitt besök under hösten. Enkäten fanns på svenska och på lättläst svenska, på papper och digitalt. Svaren är anonyma.",
			"Resultat. Patienterna beskriver ett bemötande som är lugnt och respektfullt. Flera lyfter att blanketter och journalmallar har fått plats för fler sorters familjer. Några saknar information om att verksamheten är diplomerad.",
			"Citat ur svaren. \"Jag blev frågad vilket namn jag ville bli kallad och sedan använde alla det namnet.\" \"Det kändes tryggt att se regnbågsflaggan i receptionen.\" \"Läkaren frågade om min partner utan att gissa kön.\"",
			"Förslag. Visa tydligt i väntrum och på webben att verksamheten är diplomerad. Fortsätt att se över blanketter. Följ upp bemötandet igen om två år.",
			"Vad vi tar med oss. Små förändringar märks. Ett frågeformulär med fler svarsalternativ, en toalett som alla får använda och en personal som vågar fråga i stället för att gissa gör skillnad för patienterna.",
			"Om utvärderingen. Utvärderingen gjordes av regionens enhet för hälsoutveckling. Frågorna togs fram tillsammans med patientföreningar. Resultaten redovisas bara för grupper, aldrig för enskilda patienter, och ingen verksamhet pekas ut.",
			"Läs mer. På webbplatsen finns fler resultat, utvärderingen av chefers erfarenheter och utvecklingstrappan för verksamheter som vill se var de står i dag.",
		},
	},
	{
		file:    "utvardering-chefer-2021.pdf",
		title:   "Utvärdering 2021 – chefers erfarenheter",
		subject: "Vad diplomeringen har betytt för arbetsgrupper och chefer",
		date:    "D:20211020",
		paragraphs: []string{
			notice,
			"Sammanfattning. Chefer i diplomerade verksamheter berättar att diplomeringen gav arbetsgruppen ett gemensamt språk för att prata om normer. Det blev lättare att ta upp frågor om bemötande på arbetsplatsträffar.",
			"Resultat. De flesta chefer tycker att tiden var väl använd. Det svåraste var att få med alla i arbetsgruppen, särskilt vid skiftarbete. Handlingsplanen hjälpte verksamheten att fortsätta arbetet efteråt.",
		},
	},
	{
		file:    "utvecklingstrappa.pdf",
		title:   "Utvecklingstrappan – självskattning för verksamheter",
		subject: "Ett verktyg för att se var verksamheten står och vad ni vill utveckla",
		date:    "D:20240301",
		tagged:  true,
		paragraphs: []string{
			notice,
			"Steg 1. Vi känner till att hbtq-personer kan få ett sämre bemötande i vården. Steg 2. Vi har pratat om normer i arbetsgruppen. Steg 3. Vi har ändrat rutiner och blanketter. Steg 4. Vi följer upp och förbättrar arbetet varje år.",
		},
	},
}

// pdf returns the placeholder as a PDF file.
func (p placeholder) pdf() []byte {
	return pdftest.Doc{
		Title: p.title, Subject: p.subject, Author: "Region Mittland", Date: p.date,
		Lang: "sv-SE", DisplayTitle: true, Tagged: p.tagged, Paragraphs: p.paragraphs,
		Producer: "hbtq internal/feature/document",
	}.PDF()
}

var (
	startxrefRE = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`)
	xrefRE      = regexp.MustCompile(`^xref\n0 (\d+)\n`)
	entryRE     = regexp.MustCompile(`^(\d{10}) (\d{5}) ([nf]) \n$`)
	lengthRE    = regexp.MustCompile(`^<< /Length (\d+) >>\nstream\n`)
)

// checkPDF checks the structure of a PDF file written without compression
// or object streams: the header, the cross-reference table and that every
// object is where it says, the lengths of streams, and the trailer.
func checkPDF(data []byte) error {
	s := string(data)
	if !strings.HasPrefix(s, "%PDF-1.") {
		return fmt.Errorf("no %%PDF- header")
	}
	m := startxrefRE.FindStringSubmatch(s)
	if m == nil {
		return fmt.Errorf("no startxref and %%%%EOF at the end")
	}
	xref, _ := strconv.Atoi(m[1])
	if xref >= len(s) {
		return fmt.Errorf("startxref %d is past the end", xref)
	}
	x := xrefRE.FindStringSubmatch(s[xref:])
	if x == nil {
		return fmt.Errorf("startxref %d does not point at the xref table", xref)
	}
	n, _ := strconv.Atoi(x[1])
	table := s[xref+len(x[0]):]
	for i := range n {
		if len(table) < 20*(i+1) {
			return fmt.Errorf("the xref table is short")
		}
		e := entryRE.FindStringSubmatch(table[20*i : 20*(i+1)])
		if e == nil {
			return fmt.Errorf("xref entry %d is %q", i, table[20*i:20*(i+1)])
		}
		if e[3] == "f" {
			continue
		}
		off, _ := strconv.Atoi(e[1])
		head := fmt.Sprintf("%d 0 obj\n", i)
		if !strings.HasPrefix(s[off:], head) {
			return fmt.Errorf("object %d is not at offset %d", i, off)
		}
		body := s[off+len(head):]
		if l := lengthRE.FindStringSubmatch(body); l != nil {
			length, _ := strconv.Atoi(l[1])
			if !strings.HasPrefix(body[len(l[0])+length:], "endstream\n") {
				return fmt.Errorf("object %d: the stream is not %d bytes long", i, length)
			}
		}
		if !strings.Contains(body, "\nendobj\n") {
			return fmt.Errorf("object %d has no endobj", i)
		}
	}
	trailer := table[20*n:]
	if !strings.HasPrefix(trailer, "trailer\n<<") || !strings.Contains(trailer, fmt.Sprintf("/Size %d ", n)) || !strings.Contains(trailer, "/Root 1 0 R") {
		return fmt.Errorf("the trailer is %q", trailer)
	}
	return nil
}

func TestPlaceholderPDFs(t *testing.T) {
	for _, p := range placeholders {
		pdf := p.pdf()
		if err := checkPDF(pdf); err != nil {
			t.Errorf("the generator writes a bad %s: %v", p.file, err)
		}
		if len(pdf) < 1000 || len(pdf) > 10_000 {
			t.Errorf("%s has %d bytes, want a few kB", p.file, len(pdf))
		}
		r, err := pdfcheck.Inspect(pdf)
		if err != nil {
			t.Fatalf("%s: %v", p.file, err)
		}
		if r.Tagged() != p.tagged || r.Title != p.title || r.Lang != "sv-SE" || !r.Text || r.Pages != 1 {
			t.Errorf("%s reads as %+v", p.file, r)
		}
		if *writePlaceholders {
			if err := os.WriteFile("../../../static/dokument/"+p.file, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestCheckPDF(t *testing.T) {
	good := string(placeholders[0].pdf())
	length := regexp.MustCompile(`/Length (\d+)`).FindStringSubmatch(good)[1]
	n, _ := strconv.Atoi(length)
	for _, tc := range []struct{ name, file, want string }{
		{"good", good, ""},
		{"no header", strings.Replace(good, "%PDF-1.4", "%PFD-1.4", 1), "no %PDF- header"},
		{"cut off", good[:len(good)-10], "no startxref and %%EOF at the end"},
		{"startxref", startxrefRE.ReplaceAllString(good, "startxref\n99999\n%%EOF\n"), "startxref 99999 is past the end"},
		{"object moved", strings.Replace(good, "2 0 obj\n", "9 0 obj\n", 1), "object 2 is not at offset " + strconv.Itoa(strings.Index(good, "2 0 obj"))},
		{"stream length", strings.Replace(good, "/Length "+length, "/Length "+strconv.Itoa(n-1), 1), "object 4: the stream is not " + strconv.Itoa(n-1) + " bytes long"},
		{"trailer", strings.Replace(good, "/Root 1 0 R", "/Root 2 0 R", 1), "the trailer is \"" + strings.ReplaceAll(good[strings.Index(good, "trailer"):], "\n", "\\n") + "\""},
	} {
		have := ""
		if err := checkPDF([]byte(tc.file)); err != nil {
			have = err.Error()
		}
		if tc.name == "trailer" {
			tc.want = strings.Replace(tc.want, "/Root 1 0 R", "/Root 2 0 R", 1)
		}
		if have != tc.want {
			t.Errorf("%s: have %q, want %q", tc.name, have, tc.want)
		}
	}
}
