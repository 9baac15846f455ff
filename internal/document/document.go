// Package document reads the list of documents the site offers for
// download, content/dokument.yaml, and describes each file for its links.
//
//	documents:
//	  - file: dokument/utvardering-patienter-2021.pdf  # required; under static/
//	    title: Utvärdering 2021 – patienters erfarenheter   # required
//	    year: 2021                                     # required
//	    kind: utvärdering                              # utvärdering, verktyg, rapport or broschyr
//	    language: sv                                   # sv, en, …; default sv
//	    summary: En mening om vad dokumentet innehåller.
//
// The file must exist under static/; its type (from the extension) and its
// size are read at build time, so a link can say what the visitor will get:
// "Utvärdering 2021 – patienters erfarenheter (PDF, 1,2 MB)".
package document

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"hbtq/internal/diag"
	"hbtq/internal/swedish"
	"hbtq/internal/yamldoc"
)

// File is where the documents are listed, relative to the site root.
const File = "content/dokument.yaml"

// Kinds are the kinds of document, in the order the documents page shows them.
var Kinds = []string{"utvärdering", "verktyg", "rapport", "broschyr"}

var kindTitles = map[string]string{"utvärdering": "Utvärderingar", "verktyg": "Verktyg", "rapport": "Rapporter", "broschyr": "Broschyrer"}

var types = map[string]string{".pdf": "PDF", ".docx": "Word", ".xlsx": "Excel", ".pptx": "PowerPoint", ".odt": "ODF-text", ".csv": "CSV"}

// Document is one downloadable file.
type Document struct {
	File     string `yaml:"file,required"`
	Title    string `yaml:"title,required"`
	Year     int    `yaml:"year,required"`
	Kind     string `yaml:"kind,required"`
	Language string `yaml:"language"`
	Summary  string `yaml:"summary"`

	URL  string `yaml:"-"` // /dokument/a.pdf
	Type string `yaml:"-"` // PDF
	Size int64  `yaml:"-"`

	Pos  yamldoc.Pos
	Keys map[string]yamldoc.Pos
}

// SizeText returns the size as "1,2 MB".
func (d *Document) SizeText() string { return swedish.Bytes(d.Size) }

// Details returns "PDF, 1,2 MB".
func (d *Document) Details() string { return d.Type + ", " + d.SizeText() }

// LinkText returns "Title (PDF, 1,2 MB)".
func (d *Document) LinkText() string { return d.Title + " (" + d.Details() + ")" }

// LanguageName returns the language in Swedish, for documents not in Swedish.
func (d *Document) LanguageName() string {
	return map[string]string{"sv": "svenska", "en": "engelska", "fi": "finska", "se": "samiska", "ar": "arabiska"}[d.Language]
}

// Group is the documents of one kind, newest first.
type Group struct {
	Kind, Title string
	Documents   []*Document
}

// List is every document.
type List struct {
	Documents []*Document
}

// Groups returns the documents by kind, each newest first, then by title.
func (l *List) Groups() []Group {
	var out []Group
	for _, k := range Kinds {
		g := Group{Kind: k, Title: kindTitles[k]}
		for _, d := range l.Documents {
			if d.Kind == k {
				g.Documents = append(g.Documents, d)
			}
		}
		sort.SliceStable(g.Documents, func(i, j int) bool {
			if g.Documents[i].Year != g.Documents[j].Year {
				return g.Documents[i].Year > g.Documents[j].Year
			}
			return g.Documents[i].Title < g.Documents[j].Title
		})
		if len(g.Documents) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// ByURL returns the document published at u.
func (l *List) ByURL(u string) (*Document, bool) {
	for _, d := range l.Documents {
		if d.URL == u {
			return d, true
		}
	}
	return nil, false
}

type file struct {
	Documents []*Document `yaml:"documents,required"`
}

// Load reads File from fsys (the site root) and looks up each file under
// static/. A missing list is an empty one.
func Load(fsys fs.FS) (*List, error) {
	l := &List{}
	data, err := fs.ReadFile(fsys, File)
	if err != nil {
		return l, nil
	}
	d := &yamldoc.Decoder{Path: File}
	n, err := d.Parse(data)
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
	for _, doc := range f.Documents {
		if doc == nil {
			continue
		}
		at := func(k string) (int, int) {
			if p, ok := doc.Keys[k]; ok {
				return p.Line, p.Col
			}
			return doc.Pos.Line, doc.Pos.Col
		}
		if doc.Language == "" {
			doc.Language = "sv"
		}
		if doc.Kind != "" && kindTitles[doc.Kind] == "" {
			line, col := at("kind")
			e := d.Errs.Addf(File, line, col, "%q is not a kind of document", doc.Kind)
			if near := diag.Closest(doc.Kind, Kinds); near != "" {
				e.Hint = "did you mean " + near + "?"
			} else {
				e.Hint = "use one of: " + strings.Join(Kinds, ", ")
			}
		}
		if doc.Year != 0 && (doc.Year < 1990 || doc.Year > 2100) {
			line, col := at("year")
			d.Errs.Addf(File, line, col, "year %d is not a year of publication", doc.Year)
		}
		if doc.File == "" {
			continue
		}
		name := strings.TrimPrefix(path.Clean("/"+doc.File), "/")
		name = strings.TrimPrefix(name, "static/")
		info, err := fs.Stat(fsys, "static/"+name)
		if err != nil || info.IsDir() {
			line, col := at("file")
			e := d.Errs.Addf(File, line, col, "the file static/%s does not exist", name)
			if near := diag.Closest(name, existing); near != "" {
				e.Hint = "did you mean " + near + "?"
			} else {
				e.Hint = "put the file in static/ and write its path from there, like dokument/rapport.pdf"
			}
			continue
		}
		doc.URL = "/" + name
		doc.Size = info.Size()
		doc.Type = types[strings.ToLower(path.Ext(name))]
		if doc.Type == "" {
			doc.Type = strings.ToUpper(strings.TrimPrefix(path.Ext(name), "."))
		}
		l.Documents = append(l.Documents, doc)
	}
	return l, d.Errs.Err()
}
