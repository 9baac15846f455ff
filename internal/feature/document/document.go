// Package document reads the list of documents the site offers for
// download, content/dokument.yaml, and describes each file for its links.
// It is a feature of the engine ([Feature], see package feature): every
// page's layout sees the whole [List] as .Feature "documents".
//
// # The file
//
//	documents:
//	  - file: dokument/utvardering-patienter-2021.pdf       # required; a path under static/
//	    title: Utvärdering 2021 – patienters erfarenheter   # required
//	    year: 2021                                          # required; the year of publication
//	    kind: utvärdering                                   # required; utvärdering, verktyg, rapport or broschyr
//	    language: sv                                        # a language code; sv when left out
//	    summary: En mening om vad dokumentet innehåller.
//
// The file must exist under static/ (the site publishes static/ as it is,
// so static/dokument/a.pdf is at /dokument/a.pdf). A missing file is an
// error at its file: line, with the closest existing file as a suggestion.
// Unknown keys, an unknown kind or language, a year outside 1990–2100 and a
// file listed twice are errors too.
//
// # Links
//
// The type (from the extension: PDF, Word, Excel, PowerPoint, ODF-text,
// CSV; otherwise the extension in capitals) and the size are read when the
// site is built, so a link can say what the visitor will get:
//
//	Utvärdering 2021 – patienters erfarenheter (PDF, 4 kB)
//
// [Document.LinkText] gives that text; [Document.Details] the part in
// brackets. Sizes are written as package swedish writes them.
//
// # The documents page
//
// [List.Groups] groups the documents by kind, in the order of [Kinds], and
// within a kind newest first, then by title in Swedish alphabetical order.
package document

import (
	"cmp"
	"io/fs"
	"net/url"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/slug"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// File is where the documents are listed, relative to the site root.
const File = "content/dokument.yaml"

// Kinds are the kinds of document, in the order the documents page shows them.
var Kinds = []string{"utvärdering", "verktyg", "rapport", "broschyr"}

// Languages are the language codes a document may have: Swedish, the
// national minority languages, and the languages regions publish health
// information in most. Their names are the site's words (the map
// languages of layouts/words.yaml, settings.Words.Languages).
var Languages = []string{
	"sv", "en", "fi", "fit", "se", "sma", "smj", "rom", "yi", "sgn-se",
	"ar", "so", "fa", "prs", "ti", "am", "ps", "ku", "tr", "pl", "bs", "hr",
	"sr", "uk", "ru", "es", "de", "fr", "th",
}

// longCodes are three-letter codes (ISO 639-2) that editors may write for
// the two-letter ones.
var longCodes = map[string]string{"swe": "sv", "eng": "en", "fin": "fi", "sme": "se", "ara": "ar", "som": "so", "per": "fa", "fas": "fa", "pol": "pl", "tur": "tr", "ukr": "uk", "rus": "ru", "spa": "es", "ger": "de", "deu": "de", "fre": "fr", "fra": "fr"}

// languageHint says what to write instead of the unknown language code s;
// codes are the known codes in order, names the site's names of them.
func languageHint(s string, codes []string, names map[string]string) msg.Message {
	lower := strings.ToLower(strings.TrimSpace(s))
	if slices.Contains(codes, lower) {
		return HintDocLanguageLower.With(lower)
	}
	for _, code := range codes {
		if name := names[code]; name != "" && lower == strings.ToLower(name) {
			return HintDocLanguageCode.With(code, name)
		}
	}
	if code := longCodes[lower]; code != "" {
		return HintDocLanguageCode.With(code, cmp.Or(names[code], code))
	}
	best := ""
	for _, code := range codes {
		if strings.HasPrefix(lower, code) && len(code) > len(best) {
			best = code
		}
	}
	if best == "" {
		best = diag.Closest(lower, codes)
	}
	if best != "" {
		return HintDocLanguageNear.With(best, cmp.Or(names[best], best))
	}
	return msg.HintUseOneOf.With(strings.Join(codes, ", "))
}

var types = map[string]string{".pdf": "PDF", ".docx": "Word", ".xlsx": "Excel", ".pptx": "PowerPoint", ".odt": "ODF-text", ".csv": "CSV"}

// Document is one downloadable file.
type Document struct {
	File     string `yaml:"file,required"`  // as written: dokument/a.pdf, under static/
	Title    string `yaml:"title,required"` // the document's own title
	Year     int    `yaml:"year,required"`  // year of publication
	Kind     string `yaml:"kind,required"`  // one of Kinds
	Language string `yaml:"language"`       // a language code; Load sets "sv" when empty
	Summary  string `yaml:"summary"`        // one or two sentences

	// Accessible is false for a document declared not accessible, with
	// Reason (what is not accessible and why) and FixBy (the day it is
	// planned to be); nil when the key is left out.
	Accessible *bool     `yaml:"accessible"`
	Reason     string    `yaml:"reason"`
	FixBy      time.Time `yaml:"fix_by"`

	URL string `yaml:"-"` // set by Load: the address, /dokument/a.pdf

	languageName string // set by Load: the name of Language
	Type         string `yaml:"-"` // set by Load: PDF
	Size         int64  `yaml:"-"` // set by Load: in bytes
	// Pages is a PDF's page count, set by Load; 0 for other files.
	Pages int `yaml:"-"`

	Pos  yamldoc.Pos            // where the entry is written
	Keys map[string]yamldoc.Pos // where each of its values is
}

// SizeText returns the size as "1,2 MB" (no-break space before the unit).
func (d *Document) SizeText() string { return swedish.Bytes(d.Size) }

// Details returns the type and size: "PDF, 1,2 MB".
func (d *Document) Details() string { return d.Type + ", " + d.SizeText() }

// LinkText returns the text of a link to the document: "Title (PDF, 1,2 MB)".
func (d *Document) LinkText() string { return d.Title + " (" + d.Details() + ")" }

// PagesText returns a PDF's page count as "24 sidor", or "" for other files.
func (d *Document) PagesText() string {
	if d.Pages == 0 {
		return ""
	}
	return DocPages.With(d.Pages).In(msg.SV)
}

// NotAccessible reports whether the document is declared not accessible.
func (d *Document) NotAccessible() bool { return d.Accessible != nil && !*d.Accessible }

// FixByText returns the day the document is planned to be accessible, as
// "31 mars 2027".
func (d *Document) FixByText() string { return swedish.Date(d.FixBy) }

// LanguageName returns the name of the document's language in the site's
// words: "engelska" (its code when the words give none).
func (d *Document) LanguageName() string { return cmp.Or(d.languageName, d.Language) }

// Group is the documents of one kind, newest first.
type Group struct {
	Kind      string // "utvärdering"
	Title     string // the heading: "Utvärderingar"
	Documents []*Document
}

// List is every document.
type List struct {
	Documents []*Document // in the order of the file

	// Notes are what the programme team should know: Office files, a
	// PDF whose own language differs from the list's.
	Notes []msg.Message
	// Titles are the heading of each kind, in the site's words
	// (document_kinds of layouts/words.yaml); a kind without one is
	// headed by its name.
	Titles map[string]string
}

// Groups returns the documents by kind, in the order of Kinds, each kind
// newest first and then by title in Swedish alphabetical order. Kinds
// without documents are left out.
func (l *List) Groups() []Group {
	var out []Group
	for _, k := range Kinds {
		title := l.Titles[k]
		if title == "" {
			title = swedish.UpperFirst(k)
		}
		g := Group{Kind: k, Title: title}
		for _, d := range l.Documents {
			if d.Kind == k {
				g.Documents = append(g.Documents, d)
			}
		}
		sort.SliceStable(g.Documents, func(i, j int) bool {
			if g.Documents[i].Year != g.Documents[j].Year {
				return g.Documents[i].Year > g.Documents[j].Year
			}
			return swedish.Compare(g.Documents[i].Title, g.Documents[j].Title) < 0
		})
		if len(g.Documents) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// ByURL returns the document published at u ("/dokument/a.pdf"), and
// whether there is one.
func (l *List) ByURL(u string) (*Document, bool) {
	if p, err := url.PathUnescape(u); err == nil {
		u = p
	}
	for _, d := range l.Documents {
		if p, _ := url.PathUnescape(d.URL); p == u {
			return d, true
		}
	}
	return nil, false
}

type file struct {
	Documents []*Document `yaml:"documents,required"`
}

// FileType is the type File is decoded into (by package yamldoc). Package
// cms reads its keys to describe the file to the CMS.
var FileType = reflect.TypeFor[file]()

// Load reads File from fsys (the site root), checks every entry by the
// rules in the package comment and looks up each file under static/; names
// are the names of Languages in the site's words, for the pages and the
// hints. A site without the file has no documents. The error, when not nil, is a
// diag.List of every problem; the list then holds the documents whose file
// was found.
func Load(fsys fs.FS, names map[string]string) (*List, error) {
	l := &List{}
	d := &yamldoc.Decoder{Path: File}
	n, err := d.ReadFile(fsys)
	if err != nil || n == nil {
		return l, err
	}
	var f file
	d.Decode(n, &f)
	var existing []string
	fs.WalkDir(fsys, "static", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			existing = append(existing, strings.TrimPrefix(p, "static/"))
		}
		return nil
	})
	codes := slices.Sorted(slices.Values(Languages))
	listed := map[string]int{} // line by file
	for _, doc := range f.Documents {
		if doc == nil {
			continue
		}
		at := func(k string) (int, int) { p := yamldoc.PosOf(doc.Keys, k, doc.Pos); return p.Line, p.Col }
		if doc.Language == "" {
			doc.Language = "sv"
		}
		if !slices.Contains(Languages, doc.Language) {
			line, col := at("language")
			d.Errs.At(File, line, col, DocLanguage.With(doc.Language)).Tip(languageHint(doc.Language, codes, names))
		}
		doc.languageName = names[doc.Language]
		if doc.Kind != "" && !slices.Contains(Kinds, doc.Kind) {
			line, col := at("kind")
			e := d.Errs.At(File, line, col, DocKind.With(doc.Kind))
			if near := diag.Closest(doc.Kind, Kinds); near != "" {
				e.Hint = msg.HintDidYouMean.With(near)
			} else {
				e.Hint = msg.HintUseOneOf.With(strings.Join(Kinds, ", "))
			}
		}
		if doc.Year != 0 && (doc.Year < 1990 || doc.Year > 2100) {
			line, col := at("year")
			d.Errs.At(File, line, col, DocYear.With(doc.Year)).Tip(HintDocYear.With())
		}
		if doc.File == "" {
			continue
		}
		name := strings.TrimPrefix(path.Clean("/"+doc.File), "/")
		name = strings.TrimPrefix(name, "static/")
		line, col := at("file")
		if prev, dup := listed[name]; dup {
			d.Errs.At(File, line, col, DocTwice.With(name, prev)).Tip(HintDocTwice.With())
			continue
		}
		listed[name] = line
		info, err := fs.Stat(fsys, "static/"+name)
		if err == nil && info.IsDir() {
			d.Errs.At(File, line, col, DocFolder.With(name)).Tip(HintDocFolder.With(name))
			continue
		}
		if err != nil {
			e := d.Errs.At(File, line, col, DocMissing.With(name))
			if near := diag.Closest(name, existing); near != "" {
				e.Hint = msg.HintDidYouMean.With(near)
			} else {
				e.Hint = HintDocMissing.With()
			}
			continue
		}
		if path.Ext(name) == "" {
			d.Errs.At(File, line, col, DocNoExtension.With(name)).Tip(HintDocNoExtension.With())
			continue
		}
		doc.URL = slug.EscapePath("/" + name)
		doc.Size = info.Size()
		doc.Type = types[strings.ToLower(path.Ext(name))]
		if doc.Type == "" {
			doc.Type = strings.ToUpper(strings.TrimPrefix(path.Ext(name), "."))
		}
		checkMark(doc, &d.Errs)
		if doc.Type == "PDF" {
			inspectListed(fsys, doc, name, line, col, &d.Errs, l)
		} else if office[strings.ToLower(path.Ext(name))] {
			l.Notes = append(l.Notes, NoteOfficeFile.With("static/"+name, doc.Type))
		}
		l.Documents = append(l.Documents, doc)
	}
	inspectUnlisted(fsys, existing, listed, &d.Errs, l)
	return l, d.Errs.Err()
}
