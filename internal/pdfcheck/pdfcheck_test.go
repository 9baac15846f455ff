package pdfcheck

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hbtq-diplomering/webbplats/internal/pdfcheck/pdftest"
)

// good is a document with everything a reader needs.
var good = pdftest.Doc{Title: "Rapport 2026", Lang: "sv-SE", DisplayTitle: true, Tagged: true, Paragraphs: []string{"Första stycket.", "Andra stycket."}}

func TestInspect(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  func(d *pdftest.Doc)
		want []Problem
	}{
		{"tagged, with language and title", func(*pdftest.Doc) {}, nil},
		{"untagged", func(d *pdftest.Doc) { d.Tagged = false }, []Problem{NotTagged}},
		{"no language", func(d *pdftest.Doc) { d.Lang = "" }, []Problem{NoLang}},
		{"no title", func(d *pdftest.Doc) { d.Title = "" }, []Problem{NoTitle}},
		{"title not shown", func(d *pdftest.Doc) { d.DisplayTitle = false }, []Problem{TitleHidden}},
		{"scanned", func(d *pdftest.Doc) { d.Scanned, d.Tagged = true, false }, []Problem{NotTagged, OnlyImages}},
		{"nothing", func(d *pdftest.Doc) { *d = pdftest.Doc{Scanned: true} }, []Problem{NotTagged, NoLang, NoTitle, OnlyImages}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := good
			tc.doc(&d)
			r, err := Inspect(d.PDF())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, r.Problems()); diff != "" {
				t.Errorf("problems (-want +have):\n%s", diff)
			}
			if r.Pages != 1 {
				t.Errorf("pages: have %d, want 1", r.Pages)
			}
		})
	}
	r, err := Inspect(good.PDF())
	if err != nil {
		t.Fatal(err)
	}
	if r.Lang != "sv-SE" || r.Title != "Rapport 2026" || !r.Text {
		t.Errorf("have %+v", r)
	}
}

func TestInspectBroken(t *testing.T) {
	pdf := good.PDF()
	for name, data := range map[string][]byte{
		"empty":       nil,
		"not a PDF":   []byte("<html>hej</html>"),
		"cut in half": pdf[:len(pdf)/2],
		"no objects":  []byte("%PDF-1.4\n%%EOF\n"),
	} {
		if r, err := Inspect(data); err == nil {
			t.Errorf("%s: no error, report %+v", name, r)
		}
	}
}

func TestShowsText(t *testing.T) {
	for c, want := range map[string]bool{
		"BT /F1 12 Tf (Hej) Tj ET":            true,
		"BT [(H) 20 (ej)] TJ ET":              true,
		"BT (a) ' ET":                         true,
		"q 1 0 0 1 0 0 cm /Im1 Do Q":          false,
		"% Tj in a comment\nq Q":              false,
		"(Tj) pop":                            false,
		"(a \\) Tj) pop":                      false,
		"<54 6A> pop":                         false,
		"BI /W 1 /H 1 ID \x00Tj\x00 EI q Q":   false,
		"/Tj 1 0 R":                           false,
		"BT /F1 12 Tf <48656A> Tj ET":         true,
		"<< /MCID 0 >> BDC (x) Tj EMC":        true,
		"BT /Span <</ActualText (x)>> BDC ET": false,
	} {
		if have := ShowsText([]byte(c)); have != want {
			t.Errorf("ShowsText(%q) = %v, want %v", c, have, want)
		}
	}
}

func FuzzInspect(f *testing.F) {
	f.Add(good.PDF())
	d := good
	d.Scanned, d.Tagged = true, false
	f.Add(d.PDF())
	f.Add([]byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Inspect(data)
		if err == nil && r == nil {
			t.Fatal("no report and no error")
		}
		if err != nil && strings.Contains(err.Error(), "\x00") && bytes.Contains(data, []byte{0}) {
			return
		}
	})
}
