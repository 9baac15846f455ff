package document

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/pdfcheck"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// # Accessible documents
//
// Every PDF the site publishes (every .pdf under static/, listed or not) is
// read when the site is built (package pdfcheck): it must be tagged, say
// its language, have a title shown as the window title, and hold text
// rather than only scanned images. A listed PDF that lacks any of these is
// an error at its file: line, naming what it lacks, unless it is declared
// not accessible:
//
//	accessible: false
//	reason: Rapporten är skannad och saknar text.   # required with accessible: false
//	fix_by: 2027-03-31                             # required with accessible: false
//
// A declared document is listed in the accessibility statement (package
// statement) and offered in another form on the documents page. A PDF
// under static/ that is not listed and fails is an error at its path, with
// the hint to list it. A file that cannot be read as a PDF is an error too.
// Word, Excel, PowerPoint and ODF files get a note recommending PDF/UA or a
// web page.

// office are the extensions of files that need an office program.
var office = map[string]bool{".docx": true, ".doc": true, ".xlsx": true, ".xls": true, ".pptx": true, ".ppt": true, ".odt": true, ".ods": true, ".odp": true, ".rtf": true}

// inspected caches reports by the SHA-256 of the file, so that the dev
// server does not read an unchanged PDF again on every save.
var inspected sync.Map // [32]byte → result

type result struct {
	r   *pdfcheck.Report
	err error
}

// inspect reads the PDF at p (a path in fsys).
func inspect(fsys fs.FS, p string) (*pdfcheck.Report, error) {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	if v, ok := inspected.Load(sum); ok {
		return v.(result).r, v.(result).err
	}
	r, err := pdfcheck.Inspect(data)
	inspected.Store(sum, result{r, err})
	return r, err
}

// why returns the reason a PDF cannot be read, in words where it is ours.
func why(err error) any {
	switch {
	case errors.Is(err, pdfcheck.ErrNotPDF):
		return PDFNoHeader.With()
	case errors.Is(err, pdfcheck.ErrTruncated):
		return PDFCutShort.With()
	case errors.Is(err, pdfcheck.ErrTooLarge):
		return PDFTooLarge.With()
	}
	return err // the PDF reader's own words
}

// lacks returns what a report's problems mean, in words: "taggar och titel".
func lacks(r *pdfcheck.Report) (msg.Message, bool) {
	var words []msg.Message
	for _, p := range r.Problems() {
		switch p {
		case pdfcheck.NotTagged:
			words = append(words, PDFLacksTags.With())
		case pdfcheck.NoLang:
			words = append(words, PDFLacksLang.With())
		case pdfcheck.NoTitle:
			words = append(words, PDFLacksTitle.With())
		case pdfcheck.TitleHidden:
			words = append(words, PDFTitleHidden.With())
		case pdfcheck.OnlyImages:
			words = append(words, PDFLacksText.With())
		}
	}
	if len(words) == 0 {
		return msg.Message{}, false
	}
	all := words[len(words)-1]
	if len(words) > 1 {
		all = PDFAnd.With(list(words[:len(words)-1]), all)
	}
	return all, true
}

// list joins messages with commas.
func list(ms []msg.Message) msg.Message {
	out := ms[0]
	for _, m := range ms[1:] {
		out = PDFComma.With(out, m)
	}
	return out
}

// checkMark reports the problems of a document's declaration.
func checkMark(doc *Document, errs *diag.List) {
	at := func(k string) (int, int) { p := yamldoc.PosOf(doc.Keys, k, doc.Pos); return p.Line, p.Col }
	if !doc.NotAccessible() {
		for _, k := range []string{"reason", "fix_by"} {
			if _, ok := doc.Keys[k]; ok {
				line, col := at(k)
				errs.At(File, line, col, DocMarkWithoutFalse.With(k)).Tip(HintDocMarkWithoutFalse.With(k))
			}
		}
		return
	}
	if strings.TrimSpace(doc.Reason) == "" {
		line, col := at("accessible")
		errs.At(File, line, col, DocMarkNoReason.With()).Tip(HintDocMarkNoReason.With())
	}
	if doc.FixBy.IsZero() {
		line, col := at("accessible")
		errs.At(File, line, col, DocMarkNoFixBy.With()).Tip(HintDocMarkNoFixBy.With())
	}
}

// inspectListed reads the listed PDF doc (static/name, listed at line and
// col) and reports what it lacks, unless it is declared not accessible.
func inspectListed(fsys fs.FS, doc *Document, name string, line, col int, errs *diag.List, l *List) {
	r, err := inspect(fsys, "static/"+name)
	if err != nil {
		errs.At(File, line, col, PDFUnreadable.With(doc.File, why(err))).Tip(HintPDFUnreadable.With())
		return
	}
	doc.Pages = r.Pages
	if what, bad := lacks(r); bad && !doc.NotAccessible() {
		errs.At(File, line, col, PDFNotAccessible.With(doc.File, what)).Tip(HintPDFNotAccessible.With())
	}
	if r.Lang != "" {
		own := strings.ToLower(strings.SplitN(r.Lang, "-", 2)[0])
		if own != doc.Language && longCodes[own] != doc.Language {
			l.Notes = append(l.Notes, NotePDFLanguage.With("static/"+name, r.Lang, doc.Language))
		}
	}
}

// inspectUnlisted reads every PDF under static/ that is not listed.
func inspectUnlisted(fsys fs.FS, existing []string, listed map[string]int, errs *diag.List, l *List) {
	sort.Strings(existing)
	for _, name := range existing {
		if _, ok := listed[name]; ok {
			continue
		}
		ext := strings.ToLower(path.Ext(name))
		if office[ext] {
			l.Notes = append(l.Notes, NoteOfficeFile.With("static/"+name, types[ext]))
			continue
		}
		if ext != ".pdf" {
			continue
		}
		p := "static/" + name
		r, err := inspect(fsys, p)
		if err != nil {
			errs.At(p, 0, 0, PDFUnreadable.With(name, why(err))).Tip(HintPDFUnreadable.With())
			continue
		}
		if what, bad := lacks(r); bad {
			errs.At(p, 0, 0, PDFNotAccessible.With(name, what)).Tip(HintPDFNotListed.With())
		}
	}
}
