// Package pdftest writes small, well-formed PDF files for tests and for the
// placeholder documents of the sample site: one A4 page in Helvetica
// (WinAnsiEncoding, so å, ä and ö show), uncompressed, with a classic
// cross-reference table, in ASCII only, so that a fixture site's txtar
// archive can hold one. [Doc] says what the file has, so a test can make
// each of the documents package pdfcheck tells apart: tagged or not, with
// or without /Lang and a title shown as the window title, text or only a
// scanned image.
package pdftest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
)

// Doc describes a PDF to write.
type Doc struct {
	Title, Subject, Author string
	Date                   string   // D:YYYYMMDD, the creation date
	Lang                   string   // /Lang of the catalogue; none when ""
	DisplayTitle           bool     // /ViewerPreferences << /DisplayDocTitle true >>
	Tagged                 bool     // /MarkInfo, a structure tree and marked content
	Paragraphs             []string // the page's text, below the title as a heading
	Scanned                bool     // the page is only an image: no text at all
	Producer               string   // "hbtq pdftest" when ""
	Size                   int      // when larger than the file, a comment pads it to this many bytes
}

// PDF returns the file.
func (d Doc) PDF() []byte {
	var content strings.Builder
	var kids []string // the structure elements, by MCID
	if d.Scanned {
		content.WriteString("q 451 0 0 698 72 72 cm /Im1 Do Q\n")
	} else {
		mc := func(tag string) {
			if d.Tagged {
				fmt.Fprintf(&content, "/%s <</MCID %d>> BDC\n", tag, len(kids))
				kids = append(kids, tag)
			}
		}
		end := func() {
			if d.Tagged {
				content.WriteString("EMC\n")
			}
		}
		mc("H1")
		fmt.Fprintf(&content, "BT /F2 15 Tf 72 770 Td %s Tj ET\n", WinAnsi(d.Title))
		end()
		y := 735
		for _, para := range d.Paragraphs {
			mc("P")
			fmt.Fprintf(&content, "BT /F1 11 Tf 15 TL 72 %d Td\n", y)
			for _, l := range Wrap(para, 78) {
				fmt.Fprintf(&content, "%s Tj T*\n", WinAnsi(l))
				y -= 15
			}
			content.WriteString("ET\n")
			end()
			y -= 15
		}
	}
	catalog := "<< /Type /Catalog /Pages 2 0 R"
	if d.Lang != "" {
		catalog += " /Lang (" + d.Lang + ")"
	}
	if d.DisplayTitle {
		catalog += " /ViewerPreferences << /DisplayDocTitle true >>"
	}
	if d.Tagged {
		catalog += " /MarkInfo << /Marked true >> /StructTreeRoot 8 0 R"
	}
	catalog += " >>"
	page := "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >>"
	if d.Scanned {
		page += " /XObject << /Im1 7 0 R >>"
	}
	page += " >>"
	if d.Tagged {
		page += " /StructParents 0"
	}
	page += " >>"
	producer := d.Producer
	if producer == "" {
		producer = "hbtq pdftest"
	}
	info := "<<"
	if d.Title != "" {
		info += " /Title " + UTF16Hex(d.Title)
	}
	if d.Subject != "" {
		info += " /Subject " + UTF16Hex(d.Subject)
	}
	if d.Author != "" {
		info += " /Author " + UTF16Hex(d.Author)
	}
	info += " /Producer (" + producer + ")"
	if d.Date != "" {
		info += " /CreationDate (" + d.Date + "000000Z)"
	}
	info += " >>"
	objects := []string{
		catalog,
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		page,
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
		// 7: a one-pixel grey image, the "scan".
		"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n~\nendstream",
	}
	if d.Tagged {
		// 8 the root, 9 the document, 10 the parent tree, then one
		// element per marked-content sequence.
		first := len(objects) + 4
		var refs []string
		for i := range kids {
			refs = append(refs, fmt.Sprintf("%d 0 R", first+i))
		}
		objects = append(objects,
			"<< /Type /StructTreeRoot /K [9 0 R] /ParentTree 10 0 R /ParentTreeNextKey 1 >>",
			"<< /Type /StructElem /S /Document /P 8 0 R /K ["+strings.Join(refs, " ")+"] >>",
			"<< /Nums [0 ["+strings.Join(refs, " ")+"]] >>",
		)
		for i, tag := range kids {
			objects = append(objects, fmt.Sprintf("<< /Type /StructElem /S /%s /P 9 0 R /Pg 3 0 R /K %d >>", tag, i))
		}
	}
	objects = append(objects, info)
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	if pad := d.Size - d.size(objects); pad > 0 {
		b.WriteString("%" + strings.Repeat("-", max(pad-2, 0)) + "\n")
	}
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, len(objects), xref)
	return b.Bytes()
}

// size returns the length of the file without padding.
func (d Doc) size(objects []string) int {
	n := len("%PDF-1.4\n")
	for i, o := range objects {
		n += len(fmt.Sprintf("%d 0 obj\n%s\nendobj\n", i+1, o))
	}
	n += len(fmt.Sprintf("xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)) + 20*len(objects)
	// The trailer's numbers change length with the padding; count
	// the longest they can be.
	return n + len(fmt.Sprintf("trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, len(objects), 0))
}

// WinAnsi writes s as a PDF string in WinAnsiEncoding.
func WinAnsi(s string) string {
	special := map[rune]string{'å': `\345`, 'ä': `\344`, 'ö': `\366`, 'Å': `\305`, 'Ä': `\304`, 'Ö': `\326`, 'é': `\351`, '–': `\226`, '(': `\(`, ')': `\)`, '\\': `\\`}
	var b strings.Builder
	b.WriteByte('(')
	for _, r := range s {
		switch {
		case special[r] != "":
			b.WriteString(special[r])
		case r >= ' ' && r < 0x7f:
			b.WriteRune(r)
		default:
			panic(fmt.Sprintf("pdftest: no WinAnsi code for %q", r))
		}
	}
	b.WriteByte(')')
	return b.String()
}

// UTF16Hex writes s as a PDF text string in UTF-16BE, for the metadata.
func UTF16Hex(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// Wrap breaks s into lines of at most n characters.
func Wrap(s string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > n {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}
