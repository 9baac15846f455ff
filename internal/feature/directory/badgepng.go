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
// (Go 1.26), the one with the least sum of absolute differences. The
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
// other: per row the filter's byte, then the filtered pixels.
func filterRows(img *image.NRGBA) []byte {
	var f pngFilter
	n := 1 + 4*img.Rect.Dx()
	rows := make([]byte, 0, n*img.Rect.Dy())
	for y := range img.Rect.Dy() {
		rows = append(rows, f.row(img, y)...)
	}
	return rows
}

// pngFilter filters rows; its buffers are kept from row to row.
type pngFilter struct {
	cr [5][]byte // the row as each filter leaves it, after its filter's byte
	pr []byte    // the row above, after a byte for the filter
}

// row returns row y of img filtered as image/png does, against row y-1
// (zeros above the first row). The result is valid until the next call.
func (f *pngFilter) row(img *image.NRGBA, y int) []byte {
	n := 1 + 4*img.Rect.Dx()
	for i := range f.cr {
		if len(f.cr[i]) != n {
			f.cr[i] = make([]byte, n)
			f.cr[i][0] = byte(i)
		}
	}
	if len(f.pr) != n {
		f.pr = make([]byte, n)
	}
	if y == 0 {
		clear(f.pr)
	} else {
		copy(f.pr[1:], img.Pix[(y-1)*img.Stride:])
	}
	copy(f.cr[0][1:], img.Pix[y*img.Stride:])
	return f.cr[filter(&f.cr, f.pr, 4)]
}

// pngWriter writes badges' PNGs (see encode). Its buffers, about a
// megabyte with the compressor's, are kept for the next badge.
type pngWriter struct {
	pix  []byte // the image drawn (see badge.onBase)
	rows []byte // its filtered rows
	z    []byte // their zlib stream
	out  bytes.Buffer
	enc  deflate.Encoder
	f    pngFilter
}

// encode returns img as image/png's Encoder at pngLevel writes it,
// filtering only the rows that differ from base's (or whose row above
// does) and compressing from the first of them on; sh holds base.
func (pw *pngWriter) encode(img *image.NRGBA, sh *shared) ([]byte, error) {
	base := sh.img
	pw.out.Reset()
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
	pw.rows = append(pw.rows[:0], sh.rows...)
	first := -1   // the first row that differs
	above := true // row -1 is zeros in both
	for y := range img.Rect.Dy() {
		here := same(y)
		if !here || !above {
			copy(pw.rows[y*(1+rowLen):], pw.f.row(img, y))
			if first < 0 {
				first = y
			}
		}
		above = here
	}
	if first < 0 {
		first = img.Rect.Dy()
	}
	pw.z = pw.enc.Resume(pw.z[:0], pw.rows, sh.mark(first*(1+rowLen)))
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

// filter is image/png's (Go 1.26): it fills the rows of cr after the
// first (row 0 is the row as it is, pr the row above, each after a byte
// for the filter) and returns the filter whose row has the least sum of
// absolute values, trying Up, Paeth, None, Sub and Average in that order.
func filter(cr *[5][]byte, pr []byte, bpp int) int {
	cdat0 := cr[0][1:]
	cdat1 := cr[1][1:]
	cdat2 := cr[2][1:]
	cdat3 := cr[3][1:]
	cdat4 := cr[4][1:]
	pdat := pr[1:]
	n := len(cdat0)

	sum := 0
	for i := range n {
		cdat2[i] = cdat0[i] - pdat[i]
		sum += abs8(cdat2[i])
	}
	best := sum
	filter := ftUp

	sum = 0
	for i := range bpp {
		cdat4[i] = cdat0[i] - pdat[i]
		sum += abs8(cdat4[i])
	}
	for i := bpp; i < n; i++ {
		cdat4[i] = cdat0[i] - paeth(cdat0[i-bpp], pdat[i], pdat[i-bpp])
		sum += abs8(cdat4[i])
		if sum >= best {
			break
		}
	}
	if sum < best {
		best = sum
		filter = ftPaeth
	}

	sum = 0
	for i := range n {
		sum += abs8(cdat0[i])
		if sum >= best {
			break
		}
	}
	if sum < best {
		best = sum
		filter = ftNone
	}

	sum = 0
	for i := range bpp {
		cdat1[i] = cdat0[i]
		sum += abs8(cdat1[i])
	}
	for i := bpp; i < n; i++ {
		cdat1[i] = cdat0[i] - cdat0[i-bpp]
		sum += abs8(cdat1[i])
		if sum >= best {
			break
		}
	}
	if sum < best {
		best = sum
		filter = ftSub
	}

	sum = 0
	for i := range bpp {
		cdat3[i] = cdat0[i] - pdat[i]/2
		sum += abs8(cdat3[i])
	}
	for i := bpp; i < n; i++ {
		cdat3[i] = cdat0[i] - uint8((int(cdat0[i-bpp])+int(pdat[i]))/2)
		sum += abs8(cdat3[i])
		if sum >= best {
			break
		}
	}
	if sum < best {
		filter = ftAverage
	}
	return filter
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
