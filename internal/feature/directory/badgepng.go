package directory

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"io"

	"github.com/hbtq-diplomering/webbplats/internal/feature/directory/deflate"
)

// A badge's PNG is written here with the bytes image/png's Encoder gives
// it at pngLevel (an NRGBA image with transparent corners: colour type 6,
// 8 bits a channel), in less time. PNG filters each row against the row
// above, so the rows that a unit's last line leaves as they are in its
// look's base (see base) keep the base's filtered rows, and only the rows
// around the line are filtered again. The filter is image/png's choice
// (Go 1.26), the one with the least sum of absolute differences, found
// in one pass over the row (choose). The
// filtered rows are compressed as compress/zlib does at BestSpeed
// (package deflate), from where they begin to differ from the base's: the
// compression of the rows above is done once per look and line (a
// deflate.Mark); image/png writes the stream through a 32 KiB buffer,
// which makes IDAT chunks of 32 KiB. TestBadgeShared compares the bytes
// with image/png's.

// pngLevel is the compression of a badge's PNG: BestSpeed, not the
// default, because it makes the badges' files a little smaller (their
// flat colours suit its matching) in half the time; the pixels are the
// same.
const pngLevel = png.BestSpeed

// idatSize is the size of image/png's IDAT chunks: its buffer's.
const idatSize = 1 << 15

// filterRows returns img's rows as PNG filters them, one after the
// other: per row the filter's byte, then the filtered pixels. A row
// filtered depends on its pixels and those of the row above, so a row
// that repeats the two above it (a badge's flat colours between its
// lines) is filtered as the row above was.
func filterRows(img *image.NRGBA) []byte {
	var f pngFilter
	n := 1 + 4*img.Rect.Dx()
	rows := make([]byte, 0, n*img.Rect.Dy())
	pix := func(y int) []byte { return img.Pix[y*img.Stride : y*img.Stride+n-1] }
	for y := range img.Rect.Dy() {
		if y >= 2 && bytes.Equal(pix(y), pix(y-1)) && bytes.Equal(pix(y-1), pix(y-2)) {
			rows = append(rows, rows[len(rows)-n:]...)
			continue
		}
		rows = append(rows, f.row(img, y)...)
	}
	return rows
}

// pngFilter filters rows; its buffer is kept from row to row.
type pngFilter struct {
	out []byte // the row filtered: the filter's byte, then the row
	pr  []byte // zeros, the row above the first, when zeros is too short
}

// row returns row y of img filtered as image/png does, against row y-1
// (zeros above the first row). The result is valid until the next call.
func (f *pngFilter) row(img *image.NRGBA, y int) []byte {
	n := 4 * img.Rect.Dx()
	cur := img.Pix[y*img.Stride : y*img.Stride+n]
	var prev []byte
	switch {
	case y > 0:
		prev = img.Pix[(y-1)*img.Stride : (y-1)*img.Stride+n]
	case n <= len(zeros):
		prev = zeros[:n]
	default:
		if len(f.pr) != n {
			f.pr = make([]byte, n)
		}
		prev = f.pr
	}
	if len(f.out) != 1+n {
		f.out = make([]byte, 1+n)
	}
	filterAs(choose(cur, prev), f.out, cur, prev)
	return f.out
}

// pngWriter writes badges' PNGs (see encode). Its buffers, about a
// megabyte with the compressor's, are kept for the next badge, and so is
// what they hold: a badge differs from its base in the rows of its last
// line, so the next badge on the same base copies only those rows back
// from the base, not the whole image and its filtered rows (draw, encode).
type pngWriter struct {
	pix    []byte  // the image drawn (see draw)
	pixOn  *shared // the base whose pixels pix holds, nil for none
	rows   []byte  // its filtered rows
	rowsOn *shared // the base whose filtered rows rows holds, nil for none
	// differ is the rows the last image encode encoded on its base
	// differs from it in, [lo, hi); lo < 0 when it did not compare them.
	differ [2]int
	z      []byte // their zlib stream
	out    bytes.Buffer
	enc    deflate.Encoder
	f      pngFilter
}

// draw returns b's PNG: b.onBase(sh.img, ...) encoded (see encode), drawn
// on pw.pix, which holds sh's pixels before and after.
func (pw *pngWriter) draw(b *badge, sh *shared) ([]byte, error) {
	base := sh.img
	if pw.pixOn != sh || len(pw.pix) != len(base.Pix) {
		pw.pix = append(pw.pix[:0], base.Pix...)
	}
	pw.pixOn = nil // until the rows drawn on are the base's again
	img := &image.NRGBA{Pix: pw.pix, Stride: base.Stride, Rect: base.Rect}
	if err := b.drawLine(img, len(b.lines)-1); err != nil {
		return nil, err
	}
	data, err := pw.encode(img, sh, b.lines[len(b.lines)-1])
	if lo, hi := pw.differ[0], pw.differ[1]; lo >= 0 {
		// The rows drawn on: the base's again.
		copy(pw.pix[lo*img.Stride:hi*img.Stride], base.Pix[lo*img.Stride:hi*img.Stride])
		pw.pixOn = sh
	}
	return data, err
}

// encode returns img as image/png's Encoder at pngLevel writes it,
// filtering only the rows that differ from base's (or whose row above
// does) and compressing from the first of them on; sh holds base; line
// is the badge's last line, which chooses its ref.
func (pw *pngWriter) encode(img *image.NRGBA, sh *shared, line string) ([]byte, error) {
	base := sh.img
	pw.out.Reset()
	pw.differ = [2]int{-1, -1}
	if img.Opaque() || img.Rect != base.Rect || img.Rect.Min != (image.Point{}) {
		// Not a badge on its base: image/png chooses another colour type.
		enc := png.Encoder{CompressionLevel: pngLevel}
		err := enc.Encode(&pw.out, img)
		return bytes.Clone(pw.out.Bytes()), err
	}
	rowLen := 4 * img.Rect.Dx()
	same := func(y int) bool {
		o := y * img.Stride
		return bytes.Equal(img.Pix[o:o+rowLen], base.Pix[o:o+rowLen])
	}
	if pw.rowsOn != sh || len(pw.rows) != len(sh.rows) {
		pw.rows = append(pw.rows[:0], sh.rows...)
	}
	pw.rowsOn = nil // until the rows filtered here are the base's again
	last := -1      // the last row filtered here
	// r is nil when every row that differs is filtered here.
	r := sh.reference(img, line)
	first := -1   // the first row that differs
	above := true // row -1 is zeros in both
	// Where rows differ from the ref's (see refRow.filter), row y-1's
	// kept when row y is filtered after it.
	diff := func(y int) (int, int) {
		o := y * img.Stride
		return diffSpan(img.Pix[o:o+rowLen], r.row(y, rowLen))
	}
	kept, lo0, hi0 := -1, 0, 0
	differ := [2]int{0, 0}
	for y := range img.Rect.Dy() {
		here := same(y)
		if !here {
			if differ[0] == differ[1] {
				differ[0] = y
			}
			differ[1] = y + 1
		}
		if !here || !above {
			dst := pw.rows[y*(1+rowLen) : (y+1)*(1+rowLen)]
			if rr := r.rowOf(y); rr != nil {
				lo, hi := diff(y)
				if y > 0 && kept != y-1 {
					lo0, hi0 = diff(y - 1)
				}
				kept = y
				l, h := lo, hi
				if lo0 < hi0 {
					l, h = lo0, hi0
					if lo < hi {
						l, h = min(lo, lo0), max(hi, hi0)
					}
				}
				lo0, hi0 = lo, hi
				rr.filter(dst, img, y, l, h)
			} else {
				copy(dst, pw.f.row(img, y))
			}
			if first < 0 {
				first = y
			}
			last = y
		}
		above = here
	}
	if first < 0 {
		first = img.Rect.Dy()
	}
	pw.differ = differ
	pw.z = pw.enc.Resume(pw.z[:0], pw.rows, sh.mark(first*(1+rowLen), &pw.enc))
	if last >= 0 { // the base's rows again
		lo, hi := first*(1+rowLen), (last+1)*(1+rowLen)
		copy(pw.rows[lo:hi], sh.rows[lo:hi])
	}
	pw.rowsOn = sh
	if pw.enc.Large() {
		// A block stored as it is, which image/png writes in a chunk of
		// its own size; never in a badge's flat colours.
		enc := png.Encoder{CompressionLevel: pngLevel}
		err := enc.Encode(&pw.out, img)
		return bytes.Clone(pw.out.Bytes()), err
	}

	cw := &chunks{w: &pw.out}
	pw.out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(img.Rect.Dx()))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(img.Rect.Dy()))
	ihdr[8], ihdr[9] = 8, 6 // 8 bits a channel, true colour with alpha
	cw.chunk("IHDR", ihdr[:])
	for z := pw.z; len(z) > 0; {
		n := min(len(z), idatSize)
		cw.chunk("IDAT", z[:n])
		z = z[n:]
	}
	cw.chunk("IEND", nil)
	return bytes.Clone(pw.out.Bytes()), cw.err
}

// ref is a badge encoded on a base, its rows around its line filtered in
// every way (once a badge after it is filtered against it, see build),
// so that the badges after it filter only the part of those rows where
// they differ from it (a line that differs in a few letters
// from its, "Gällde till 15 mars 2026" from "Gällde till 22 mars 2026"):
// a filtered byte depends on its pixel and the one to its left, in its
// row and the row above, so the rest of the row is the ref's, and the
// sums that choose the filter are the ref's there too. (The image drawn
// from a line is the same whichever ref it is filtered against.)
type ref struct {
	line string // the badge's last line
	base *image.NRGBA
	pix  [][]byte  // by y: the ref's pixels where rows has a row or the row below; else nil, the base's
	rows []*refRow // by y; nil where the ref's row is its base's
	// need is, by y, where rows has a row once built: the rows that
	// differ from the base's, or whose row above does.
	need  []bool
	built bool
}

// sumStep is the pixels between the sums kept of a ref's row.
const sumStep = 8

// refRow is what is kept of a row of a ref filtered in every way: the
// sums, and the row filtered as image/png chooses for the ref, which
// most badges choose too (a badge that chooses another filters its row
// again in that way: the five rows cost 8 KB a row).
type refRow struct {
	// sum by filter: sum[f][j] is the sum of the absolute values of the
	// row filtered before pixel min(j*sumStep, width).
	sum    [5][]int32
	chosen int    // the filter image/png chooses for the ref's row
	row    []byte // the row filtered by it, after its byte
}

// newRef keeps img, a badge on base, as a ref: its pixels where they
// differ from base's. Its rows are filtered when a badge is first
// filtered against it (build): most badges of a site with few units
// share no ref, and filtering a ref's rows in every way costs more than
// filtering a badge's rows in image/png's way.
func newRef(img, base *image.NRGBA) *ref {
	h := img.Rect.Dy()
	r := &ref{base: base, pix: make([][]byte, h), rows: make([]*refRow, h), need: make([]bool, h)}
	rowLen := 4 * img.Rect.Dx()
	same := func(y int) bool {
		o := y * img.Stride
		return bytes.Equal(img.Pix[o:o+rowLen], base.Pix[o:o+rowLen])
	}
	above := true
	for y := range r.rows {
		here := same(y)
		if !here || !above {
			r.need[y] = true
			for _, y := range []int{y - 1, y} {
				if y >= 0 && r.pix[y] == nil {
					r.pix[y] = bytes.Clone(img.Pix[y*img.Stride : y*img.Stride+rowLen])
				}
			}
		}
		above = here
	}
	return r
}

// build filters the ref's rows in every way (see refRow).
func (r *ref) build() {
	if r.built {
		return
	}
	r.built = true
	for y, need := range r.need {
		if !need {
			continue
		}
		n := 4 * r.base.Rect.Dx()
		prev := zeros[:n:n]
		if y > 0 {
			prev = r.row(y-1, n)
		}
		r.rows[y] = newRefRow(r.row(y, n), prev)
	}
}

// rowOf returns the ref's row y, nil where it is its base's or r is nil.
func (r *ref) rowOf(y int) *refRow {
	if r == nil {
		return nil
	}
	return r.rows[y]
}

// row returns the ref's pixels in row y, n bytes.
func (r *ref) row(y, n int) []byte {
	if p := r.pix[y]; p != nil {
		return p
	}
	return r.base.Pix[y*r.base.Stride : y*r.base.Stride+n]
}

// newRefRow filters the row cur (4 bytes a pixel), below prev, in
// every way and keeps the sums and the chosen row.
func newRefRow(cur, prev []byte) *refRow {
	w := len(cur) / 4
	rr := &refRow{}
	row := make([]byte, 1+4*w)
	for f := range rr.sum {
		rr.sum[f] = make([]int32, (w+sumStep-1)/sumStep+1)
		filterAs(f, row, cur, prev)
		s := int32(0)
		for i, v := range row[1:] {
			if i%(4*sumStep) == 0 {
				rr.sum[f][i/(4*sumStep)] = s
			}
			s += int32(abs8(v))
		}
		rr.sum[f][len(rr.sum[f])-1] = s
	}
	// image/png's choice: the least sum, in its order.
	total := func(f int) int32 { return rr.sum[f][len(rr.sum[f])-1] }
	rr.chosen = ftUp
	for _, f := range []int{ftPaeth, ftNone, ftSub, ftAverage} {
		if total(f) < total(rr.chosen) {
			rr.chosen = f
		}
	}
	filterAs(rr.chosen, row, cur, prev)
	rr.row = row
	return rr
}

// filterAs writes the row cur, filtered against prev with filter f as
// image/png filters it (4 bytes a pixel), to dst: f's byte, then the row.
func filterAs(f int, dst, cur, prev []byte) {
	dst[0] = byte(f)
	out := dst[1 : 1+len(cur)]
	prev = prev[:len(cur)]
	switch f {
	case ftNone:
		copy(out, cur)
	case ftSub:
		copy(out[:4], cur)
		for i := 4; i < len(cur); i++ {
			out[i] = cur[i] - cur[i-4]
		}
	case ftUp:
		for i := range cur {
			out[i] = cur[i] - prev[i]
		}
	case ftAverage, ftPaeth:
		for i := range 4 {
			out[i] = cur[i] - prev[i]
			if f == ftAverage {
				out[i] = cur[i] - prev[i]/2
			}
		}
		// A pixel that is its left neighbour's and the one above's
		// filters to zeros in both (see choose).
		for i := 4; i < len(cur); i += 4 {
			if i+4 <= len(cur) {
				px := binary.LittleEndian.Uint32(cur[i:])
				if px == binary.LittleEndian.Uint32(cur[i-4:]) && px == binary.LittleEndian.Uint32(prev[i:]) {
					binary.LittleEndian.PutUint32(out[i:], 0)
					continue
				}
			}
			for j := i; j < min(i+4, len(cur)); j++ {
				if f == ftAverage {
					out[j] = cur[j] - uint8((int(cur[j-4])+int(prev[j]))/2)
				} else {
					out[j] = cur[j] - paeth(cur[j-4], prev[j], prev[j-4])
				}
			}
		}
	}
}

// filter writes row y of img, filtered as image/png does, to dst: the
// ref's row but where img differs from the ref's image r in this row or
// the one above (span, from diffSpan: [lo, hi) of the row's bytes).
func (rr *refRow) filter(dst []byte, img *image.NRGBA, y, lo, hi int) {
	w := img.Rect.Dx()
	n := 4 * w
	cur := img.Pix[y*img.Stride : y*img.Stride+n]
	prev := zeros[:n:n]
	if y > 0 {
		prev = img.Pix[(y-1)*img.Stride : (y-1)*img.Stride+n]
	}
	// The pixels whose filtered bytes may differ: those that differ, and
	// the one after; widened to the sums kept, [j0, j1) steps.
	j0, j1 := 1, 1
	if lo < hi {
		j0, j1 = lo/4/sumStep, min(((hi-1)/4+2+sumStep-1)/sumStep, len(rr.sum[0])-1)
	}
	x0, x1 := j0*sumStep, min(j1*sumStep, w)
	if x0 == 0 || x1 < x0 || n > len(zeros) {
		// The first pixels differ (never in a badge, whose corners are
		// transparent), or a row too narrow or longer than zeros.
		copy(dst, (&pngFilter{}).row(img, y))
		return
	}
	// The sums of image/png's choice, in its order and with its early
	// ends: the ref's outside the span, img's in it.
	outside := func(f int) int {
		s := rr.sum[f]
		return int(s[j0] + s[len(s)-1] - s[j1])
	}
	b0, b1 := 4*x0, 4*x1
	c, c4, p, p4 := cur[b0:b1], cur[b0-4:b1-4], prev[b0:b1], prev[b0-4:b1-4]
	best, filter := outside(ftUp), ftUp
	for i := range c {
		best += abs8(c[i] - p[i])
	}
	sum := outside(ftPaeth)
	for i := 0; i < len(c) && sum < best; i++ {
		sum += abs8(c[i] - paeth(c4[i], p[i], p4[i]))
	}
	if sum < best {
		best, filter = sum, ftPaeth
	}
	sum = outside(ftNone)
	for i := 0; i < len(c) && sum < best; i++ {
		sum += abs8(c[i])
	}
	if sum < best {
		best, filter = sum, ftNone
	}
	sum = outside(ftSub)
	for i := 0; i < len(c) && sum < best; i++ {
		sum += abs8(c[i] - c4[i])
	}
	if sum < best {
		best, filter = sum, ftSub
	}
	sum = outside(ftAverage)
	for i := 0; i < len(c) && sum < best; i++ {
		sum += abs8(c[i] - uint8((int(c4[i])+int(p[i]))/2))
	}
	if sum < best {
		filter = ftAverage
	}
	if filter != rr.chosen {
		filterAs(filter, dst, cur, prev)
		return
	}
	copy(dst, rr.row)
	out := dst[1+b0 : 1+b1]
	switch filter {
	case ftUp:
		for i := range out {
			out[i] = c[i] - p[i]
		}
	case ftPaeth:
		for i := range out {
			out[i] = c[i] - paeth(c4[i], p[i], p4[i])
		}
	case ftNone:
		copy(out, c)
	case ftSub:
		for i := range out {
			out[i] = c[i] - c4[i]
		}
	case ftAverage:
		for i := range out {
			out[i] = c[i] - uint8((int(c4[i])+int(p[i]))/2)
		}
	}
}

// zeros is the row above the first.
var zeros [1 << 14]byte

// diffSpan returns the bytes of a and b from the first that differs to
// the last, [lo, hi); lo == hi when they are equal.
//
// It compares sixteen bytes a step from each end, taken as slices of that
// length (whose loads need no more checks of bounds), then eight, then
// one. TestDiffSpan holds it to a byte loop.
func diffSpan(a, b []byte) (lo, hi int) {
	b = b[:len(a)]
	le := binary.LittleEndian
	for ; lo+16 <= len(a); lo += 16 {
		x, y := a[lo:lo+16:lo+16], b[lo:lo+16:lo+16]
		if (le.Uint64(x)^le.Uint64(y))|(le.Uint64(x[8:])^le.Uint64(y[8:])) != 0 {
			break
		}
	}
	for lo+8 <= len(a) && le.Uint64(a[lo:]) == le.Uint64(b[lo:]) {
		lo += 8
	}
	for lo < len(a) && a[lo] == b[lo] {
		lo++
	}
	if lo == len(a) {
		return 0, 0
	}
	hi = len(a)
	for ; hi-16 >= lo; hi -= 16 {
		x, y := a[hi-16:hi:hi], b[hi-16:hi:hi]
		if (le.Uint64(x)^le.Uint64(y))|(le.Uint64(x[8:])^le.Uint64(y[8:])) != 0 {
			break
		}
	}
	for hi-8 >= lo && le.Uint64(a[hi-8:]) == le.Uint64(b[hi-8:]) {
		hi -= 8
	}
	for a[hi-1] == b[hi-1] {
		hi--
	}
	return lo, hi
}

// chunks writes PNG chunks.
type chunks struct {
	w   io.Writer
	err error
}

// chunk writes one chunk: its length, name, data and their CRC.
func (c *chunks) chunk(name string, data []byte) {
	if c.err != nil {
		return
	}
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], name)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	var foot [4]byte
	binary.BigEndian.PutUint32(foot[:], crc.Sum32())
	for _, b := range [][]byte{head[:], data, foot[:]} {
		if _, c.err = c.w.Write(b); c.err != nil {
			return
		}
	}
}

// The PNG filters.
const (
	ftNone = iota
	ftSub
	ftUp
	ftAverage
	ftPaeth
)

// choose returns the filter image/png (Go 1.26) chooses for the row cur
// (4 bytes a pixel) under prev: the one whose filtered bytes, read as
// signed, have the least sum of absolute values, trying Up, Paeth, None,
// Sub and Average in that order (a later one only when its sum is less).
// image/png computes each filter's row in turn, stopping a sum once it
// is no less than the best; here the five sums are taken in one pass,
// and a pixel that is its left neighbour's and the one above's adds to
// None's sum only: the other four filter it to zeros. TestChoose and
// FuzzChoose hold it to image/png's code.
func choose(cur, prev []byte) int {
	n := len(cur)
	prev = prev[:n]
	var up, pa, none, sub, avg int
	// The first pixel: its left and upper left are zeros.
	for i := range min(4, n) {
		c, b := cur[i], prev[i]
		up += abs8(c - b)
		pa += abs8(c - b)
		none += abs8(c)
		sub += abs8(c)
		avg += abs8(c - b/2)
	}
	var flat uint32 // the last flat pixel, and its bytes' sum for None
	flatSum := 0
	for i := 4; i+4 <= n; i += 4 {
		px := binary.LittleEndian.Uint32(cur[i:])
		if px == binary.LittleEndian.Uint32(cur[i-4:]) && px == binary.LittleEndian.Uint32(prev[i:]) {
			if px != flat {
				flat = px
				flatSum = abs8(cur[i]) + abs8(cur[i+1]) + abs8(cur[i+2]) + abs8(cur[i+3])
			}
			none += flatSum
			continue
		}
		c, b := cur[i:i+4], prev[i:i+4]
		a, d := cur[i-4:i], prev[i-4:i]
		for j := range 4 {
			up += abs8(c[j] - b[j])
			pa += abs8(c[j] - paeth(a[j], b[j], d[j]))
			none += abs8(c[j])
			sub += abs8(c[j] - a[j])
			avg += abs8(c[j] - uint8((int(a[j])+int(b[j]))/2))
		}
	}
	for i := max(4, n&^3); i < n; i++ { // a row that is not whole pixels
		c, b, a, d := cur[i], prev[i], cur[i-4], prev[i-4]
		up += abs8(c - b)
		pa += abs8(c - paeth(a, b, d))
		none += abs8(c)
		sub += abs8(c - a)
		avg += abs8(c - uint8((int(a)+int(b))/2))
	}
	best, f := up, ftUp
	for _, c := range [...]struct{ sum, f int }{{pa, ftPaeth}, {none, ftNone}, {sub, ftSub}, {avg, ftAverage}} {
		if c.sum < best {
			best, f = c.sum, c.f
		}
	}
	return f
}

// abs8 is the absolute value of d read as a signed byte.
func abs8(d uint8) int {
	if d < 128 {
		return int(d)
	}
	return 256 - int(d)
}

// paeth is the PNG Paeth predictor of a (left), b (above) and c (above
// left).
func paeth(a, b, c uint8) uint8 {
	pc := int(c)
	pa := int(b) - pc
	pb := int(a) - pc
	pc = abs(pa + pb)
	pa = abs(pa)
	pb = abs(pb)
	if pa <= pb && pa <= pc {
		return a
	} else if pb <= pc {
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
