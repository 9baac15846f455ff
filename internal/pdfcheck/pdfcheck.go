// Package pdfcheck reads a PDF and tells what a reader who uses assistive
// technology needs to know about it: whether it is tagged, which language
// it declares, whether its title is shown as the window title, whether it
// holds real text or only scanned images, and how many pages it has.
//
// These are the failings that the supervision of the DOS-lagen finds most
// often in documents (DIGG's reviews; PDF/UA, ISO 14289-1, 7.1, 7.2 and
// 7.18): an untagged PDF has no headings, lists or reading order for a
// screen reader, a PDF without /Lang is read in the wrong voice, a PDF
// whose window shows its file name instead of its title says nothing, and
// a scan without a text layer says nothing at all.
//
// # What is checked
//
//   - Tagged: the catalogue's /MarkInfo has /Marked true and the catalogue
//     has a /StructTreeRoot (a structure tree).
//   - Lang: the catalogue's /Lang, a language tag such as sv-SE.
//   - Title: the document information's /Title (or the XMP title) is not
//     empty, and the catalogue's /ViewerPreferences has /DisplayDocTitle
//     true, so that the reader's window shows the title, not the file name.
//   - Text: at least one page's content shows text (the operators Tj, TJ,
//     ' or "). A document whose pages only paint images is a scan.
//   - Pages: the page count, for the documents list ("24 sidor").
//
// # Limits
//
// The document is read, never written or rendered: no image in it is
// decoded and no font loaded. A file larger than [MaxSize] is not read, and
// at most [MaxTextPages] pages are searched for text (the search stops at
// the first page with text). The reader (github.com/pdfcpu/pdfcpu, in
// relaxed mode) runs with its configuration folder disabled, so reading a
// PDF writes nothing anywhere; a panic inside it is an error like any
// other, never a crash.
package pdfcheck

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// MaxSize is the largest file Inspect reads, in bytes.
const MaxSize = 200 << 20

// MaxTextPages is how many pages Inspect searches for text at most.
const MaxTextPages = 50

func init() {
	// pdfcpu otherwise creates a configuration folder in the user's
	// home on first use.
	model.ConfigPath = "disable"
}

// Report is what Inspect found.
type Report struct {
	Pages           int    // the page count
	Marked          bool   // /MarkInfo << /Marked true >>
	StructTree      bool   // the catalogue has a /StructTreeRoot
	Lang            string // the catalogue's /Lang, "" when missing
	Title           string // the document's title, "" when missing
	DisplayDocTitle bool   // /ViewerPreferences << /DisplayDocTitle true >>
	Text            bool   // some page shows text
	Encrypted       bool   // the file is encrypted (it was readable with an empty password)
}

// Tagged reports whether the document is tagged: marked, with a structure tree.
func (r *Report) Tagged() bool { return r.Marked && r.StructTree }

// A Problem is one thing a document lacks.
type Problem int

// The problems, in the order Problems lists them.
const (
	NotTagged   Problem = iota + 1 // no /MarkInfo /Marked true or no structure tree
	NoLang                         // no /Lang
	NoTitle                        // no title
	TitleHidden                    // a title, but the window shows the file name
	OnlyImages                     // no page shows text: a scan
)

// Problems returns what the document lacks, in a fixed order; none when it
// has what a reader needs.
func (r *Report) Problems() []Problem {
	var out []Problem
	if !r.Tagged() {
		out = append(out, NotTagged)
	}
	if r.Lang == "" {
		out = append(out, NoLang)
	}
	if r.Title == "" {
		out = append(out, NoTitle)
	} else if !r.DisplayDocTitle {
		out = append(out, TitleHidden)
	}
	if !r.Text && r.Pages > 0 {
		out = append(out, OnlyImages)
	}
	return out
}

// ErrNotPDF is returned for a file that does not start as a PDF.
var ErrNotPDF = errors.New("pdfcheck: no %PDF- header")

// ErrTruncated is returned for a file without %%EOF at its end: cut short.
var ErrTruncated = errors.New("pdfcheck: no %%EOF at the end: the file is cut short")

// ErrTooLarge is returned for a file larger than MaxSize.
var ErrTooLarge = errors.New("pdfcheck: file too large")

// Inspect reads the PDF in data. The error, when not nil, means that the
// file cannot be read as a PDF; its text is the reader's own.
func Inspect(data []byte) (r *Report, err error) {
	if len(data) > MaxSize {
		return nil, ErrTooLarge
	}
	if !bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\x00\t\n\r "), []byte("%PDF-")) && !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return nil, ErrNotPDF
	}
	// A file cut short (an upload that stopped) may still be readable
	// after repair, but it is not the document its author saved.
	if !bytes.Contains(data[max(0, len(data)-1024):], []byte("%%EOF")) {
		return nil, ErrTruncated
	}
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("the PDF reader failed: %v", p)
		}
	}()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := api.ReadContext(bytes.NewReader(data), conf)
	if err != nil {
		return nil, err
	}
	r = &Report{Title: clean(ctx.Title), Encrypted: ctx.Encrypt != nil}
	if ctx.Info != nil {
		if info, _ := ctx.DereferenceDict(*ctx.Info); info != nil {
			if o, ok := info["Title"]; ok {
				if s, err := ctx.DereferenceStringOrHexLiteral(o, model.V10, nil); err == nil && clean(s) != "" {
					r.Title = clean(s)
				}
			}
		}
	}
	cat, err := ctx.Catalog()
	if err != nil {
		return nil, err
	}
	if mi, _ := ctx.DereferenceDict(cat["MarkInfo"]); mi != nil {
		if b, _ := ctx.DereferenceBoolean(mi["Marked"], model.V10); b != nil {
			r.Marked = b.Value()
		}
	}
	if o, _ := ctx.Dereference(cat["StructTreeRoot"]); o != nil {
		_, r.StructTree = o.(types.Dict)
	}
	if o, ok := cat["Lang"]; ok {
		if s, err := ctx.DereferenceStringOrHexLiteral(o, model.V10, nil); err == nil {
			r.Lang = clean(s)
		}
	}
	if vp, _ := ctx.DereferenceDict(cat["ViewerPreferences"]); vp != nil {
		if b, _ := ctx.DereferenceBoolean(vp["DisplayDocTitle"], model.V10); b != nil {
			r.DisplayDocTitle = b.Value()
		}
	}
	pages, err := pageDicts(ctx, cat["Pages"])
	if err != nil {
		return nil, err
	}
	r.Pages = len(pages)
	for i := 0; i < len(pages) && i < MaxTextPages && !r.Text; i++ {
		r.Text = ShowsText(pageContent(ctx, pages[i]))
	}
	return r, nil
}

// maxPages is the most page-tree nodes pageDicts visits, and maxDepth
// how deep the tree may be.
const (
	maxPages = 100_000
	maxDepth = 64
)

// pageDicts returns the page dictionaries of the page tree at root, in
// order. It walks the tree itself, refusing cycles and trees deeper than
// maxDepth: a page tree whose /Kids lead back to itself would otherwise
// recurse without end in the reader.
func pageDicts(ctx *model.Context, root types.Object) ([]types.Dict, error) {
	var out []types.Dict
	seen := map[int]bool{}
	nodes := 0
	var walk func(o types.Object, depth int) error
	walk = func(o types.Object, depth int) error {
		if depth > maxDepth {
			return errors.New("the page tree is too deep")
		}
		if nodes++; nodes > maxPages {
			return errors.New("the page tree has too many nodes")
		}
		if ref, ok := o.(types.IndirectRef); ok {
			if seen[ref.ObjectNumber.Value()] {
				return errors.New("the page tree refers to itself")
			}
			seen[ref.ObjectNumber.Value()] = true
		}
		d, err := ctx.DereferenceDict(o)
		if err != nil {
			return err
		}
		if d == nil {
			return errors.New("the page tree has an empty node")
		}
		kids, isNode := d["Kids"]
		if t := d.Type(); (t != nil && *t == "Page") || !isNode {
			out = append(out, d)
			return nil
		}
		ko, err := ctx.Dereference(kids)
		if err != nil {
			return err
		}
		arr, ok := ko.(types.Array)
		if !ok {
			return errors.New("the page tree's /Kids is not an array")
		}
		for _, k := range arr {
			if err := walk(k, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if root == nil {
		return nil, errors.New("the catalogue has no /Pages")
	}
	return out, walk(root, 0)
}

// maxContent is how much of a page's content Inspect decodes at most.
const maxContent = 16 << 20

// pageContent returns the decoded content streams of the page d, at most
// maxContent bytes of each; a stream that cannot be decoded is left out.
func pageContent(ctx *model.Context, d types.Dict) []byte {
	o, err := ctx.Dereference(d["Contents"])
	if err != nil || o == nil {
		return nil
	}
	var refs []types.Object
	switch v := o.(type) {
	case types.Array:
		refs = v
	default:
		refs = []types.Object{d["Contents"]}
	}
	var out []byte
	for i, ref := range refs {
		if i >= 1000 {
			break
		}
		sd, _, err := ctx.DereferenceStreamDict(ref)
		if err != nil || sd == nil {
			continue
		}
		var b []byte
		if slices.ContainsFunc(sd.FilterPipeline, func(f types.PDFFilter) bool { return f.Name == "DCTDecode" || f.Name == "JPXDecode" }) {
			continue // an image's filter: not page content
		}
		if len(sd.FilterPipeline) == 0 {
			b = sd.Raw
		} else if b, err = sd.DecodeLength(maxContent); err != nil {
			continue
		}
		out = append(append(out, b[:min(len(b), maxContent)]...), '\n')
	}
	return out
}

// clean trims spaces and drops control characters of a string from the file.
func clean(s string) string {
	b := make([]rune, 0, len(s))
	for _, c := range s {
		if c >= 0x20 && c != 0x7f && c != 0xfeff {
			b = append(b, c)
		}
	}
	return string(bytes.TrimSpace([]byte(string(b))))
}

// ShowsText reports whether the content stream c has a text-showing
// operator (Tj, TJ, ' or ") outside strings, comments and inline images.
func ShowsText(c []byte) bool {
	for i := 0; i < len(c); {
		switch ch := c[i]; {
		case ch == '(':
			// A literal string: nested parentheses, backslash escapes.
			depth := 0
			for ; i < len(c); i++ {
				if c[i] == '\\' {
					i++
					continue
				}
				if c[i] == '(' {
					depth++
				} else if c[i] == ')' {
					depth--
					if depth == 0 {
						i++
						break
					}
				}
			}
		case ch == '<':
			if i+1 < len(c) && c[i+1] == '<' {
				i += 2
				continue
			}
			if j := bytes.IndexByte(c[i:], '>'); j >= 0 {
				i += j + 1
			} else {
				i = len(c)
			}
		case ch == '%':
			if j := bytes.IndexAny(c[i:], "\r\n"); j >= 0 {
				i += j
			} else {
				i = len(c)
			}
		case ch == '/':
			// A name: /Tj is not the operator.
			i++
			for i < len(c) && isRegular(c[i]) {
				i++
			}
		case ch == '\'' || ch == '"':
			return true
		case isRegular(ch):
			j := i
			for j < len(c) && isRegular(c[j]) {
				j++
			}
			tok := c[i:j]
			if string(tok) == "Tj" || string(tok) == "TJ" {
				return true
			}
			if string(tok) == "BI" {
				// An inline image: its data runs to "EI" after white space.
				k := bytes.Index(c[j:], []byte("EI"))
				if k < 0 {
					return false
				}
				j += k + 2
			}
			i = j
		default:
			i++
		}
	}
	return false
}

// isRegular reports whether ch is a regular character of PDF's syntax (not
// white space and not a delimiter).
func isRegular(ch byte) bool {
	switch ch {
	case 0, '\t', '\n', '\f', '\r', ' ', '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return false
	}
	return true
}
