package pagescan

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// What the last page had, again: a site's pages have the same bytes
// around <main> (the stylesheets, the menu, the search form, the
// footer), and a scanner that meets, outside <main>, the bytes it met on
// the last page it scanned takes what those bytes gave on that page
// instead of reading them again.
//
// A scanner marks each place of a page where a tag has just ended and
// nothing is open that the bytes after it would add to: outside <main>,
// <script>, <style>, <template> and h1, no link or heading open (a clean
// place; see clean). There, what the rest of the page gives depends only
// on its bytes: the same bytes from a clean place of this page and from
// one of the last page give the same links, ids and headings, and look
// up the same strings. So at each clean place the scanner looks for the
// clean place of the last page whose bytes come next (see replay): where
// it expects it (after the last one it took), or a few marks before or
// after. When the pages have the same bytes from there up to a later
// mark of the last page, and 16 bytes more (more than the lexer reads
// past a place to end the token before it: at most "</textarea" and one
// byte, after a <textarea>'s text), the scanner adds
// what the last page had between the two marks and goes on after them.
//
// What it does not take: a stretch with a <main> in it (its text), and
// a stretch with a heading whose id either page's Markdown made (the
// scan keeps no text for those, see ScanMarkdown).

// mark is a clean place of a page and how many of each list the page had
// there.
type mark struct {
	pos                    int // in the page, just after a tag
	refs, ids, heads, strs int // len of refs, ids, headings and lastStrs.cur
	mains                  int // how many <main> start tags came before
}

// lookahead is how many bytes after a mark must be the same for what
// comes before it to be (see above).
const lookahead = 16

// keepPage is the largest page a scanner keeps to compare the next one
// with (the search page's list A–Ö grows with the site).
const keepPage = 256 << 10

// clean reports whether the scanner is at a clean place (see above).
func (s *scanner) clean() bool {
	return s.inMain == 0 && s.skip == 0 && s.anchor < 0 && !s.inHead && !s.inHeading
}

// here returns the mark of the place pos, where the scanner is.
func (s *scanner) here(pos int) mark {
	return mark{pos: pos, refs: len(s.refs), ids: len(s.ids), heads: len(s.headings), strs: len(s.lastStrs.cur), mains: s.mains}
}

// replay marks the clean place i of data, and when the last page had the
// same bytes from one of its marks on, adds what it had there up to the
// last of its marks that the same bytes reach (see above). It returns
// where the scan goes on: i, or the place of that mark in data.
func (s *scanner) replay(data []byte, i int) int {
	here := s.here(i)
	s.marks = append(s.marks, here)
	prev, marks := s.prev, s.prevMarks
	if len(marks) == 0 || i+lookahead > len(data) {
		return i
	}
	j := s.find(data, i)
	if j < 0 {
		return i
	}
	s.markAt = j + 1
	from := marks[j]
	same := from.pos + commonPrefix(data[i:], prev[from.pos:])
	m := j
	for k := j + 1; k < len(marks) && marks[k].pos+lookahead <= same && marks[k].mains == from.mains; k++ {
		m = k
	}
	if m == j {
		return i
	}
	to := marks[m]
	for k := from.heads; k < to.heads; k++ {
		if id := s.prevHeads[k].ID; id != "" && (s.prevDropped[k] || s.markdown != nil && s.markdown(id)) {
			return i
		}
	}
	// The marks of the stretch are this page's too, for the next page.
	d := mark{pos: i - from.pos, refs: here.refs - from.refs, ids: here.ids - from.ids, heads: here.heads - from.heads, strs: here.strs - from.strs}
	n := len(s.marks)
	s.marks = slices.Grow(s.marks, m-j)[:n+m-j]
	for k, mk := range marks[j+1 : m+1] {
		s.marks[n+k] = mark{pos: mk.pos + d.pos, refs: mk.refs + d.refs, ids: mk.ids + d.ids, heads: mk.heads + d.heads, strs: mk.strs + d.strs, mains: s.mains}
	}
	s.refs = append(s.refs, s.prevRefs[from.refs:to.refs]...)
	s.ids = append(s.ids, s.prevIDs[from.ids:to.ids]...)
	s.headings = append(s.headings, s.prevHeads[from.heads:to.heads]...)
	for range to.heads - from.heads {
		s.ownHeads = append(s.ownHeads, false)
		s.dropped = append(s.dropped, false)
	}
	s.lastStrs.cur = append(s.lastStrs.cur, s.lastStrs.last[from.strs:to.strs]...)
	s.lastStrs.at = to.strs
	s.markAt = m + 1
	return to.pos - from.pos + i
}

// find returns the mark of the last page whose next lookahead bytes are
// those of data from i: the one expected (markAt) or one of the window
// marks before or after it; -1 when none is.
func (s *scanner) find(data []byte, i int) int {
	marks, prev := s.prevMarks, s.prev
	want := data[i : i+lookahead]
	eq := func(j int) bool {
		p := marks[j].pos
		return p+lookahead <= len(prev) && string(prev[p:p+lookahead]) == string(want)
	}
	if s.markAt < len(marks) && eq(s.markAt) {
		return s.markAt
	}
	for j := max(s.markAt-window, 0); j < min(s.markAt+window, len(marks)); j++ {
		if eq(j) {
			return j
		}
	}
	return -1
}

// commonPrefix returns how many bytes a and b have the same at their
// start.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i+64 <= n && string(a[i:i+64]) == string(b[i:i+64]) { // the runtime's memequal: many bytes an instruction
		i += 64
	}
	for ; i+8 <= n; i += 8 {
		if x := binary.LittleEndian.Uint64(a[i:]) ^ binary.LittleEndian.Uint64(b[i:]); x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// keepForNext keeps the page data and what its scan found, in document
// order, for the next page's replay.
func (s *scanner) keepForNext(data []byte) {
	s.prevMarks, s.marks = s.marks, s.prevMarks[:0]
	s.prevRefs, s.refs = s.refs, s.prevRefs
	s.prevIDs, s.ids = s.ids, s.prevIDs
	s.prevHeads, s.headings = s.headings, s.prevHeads
	s.prevDropped, s.dropped = s.dropped, s.prevDropped
	s.markAt = 0
	if len(data) > keepPage {
		s.prev, s.prevMarks = nil, s.prevMarks[:0]
		return
	}
	s.prev = append(s.prev[:0], data...)
}
