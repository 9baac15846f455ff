// Package deflate is compress/zlib at BestSpeed, with compress/flate's
// BestSpeed compressor copied from Go 1.26 (deflatefast.go,
// huffman_bit_writer.go, huffman_code.go and token.go, less what BestSpeed
// does not use; licence in LICENSE), so that a compression can be saved
// part way (Mark) and resumed on other data that starts the same
// (Resume): images that share their top rows share the work of
// compressing them.
//
// The bytes are compress/zlib's: NewWriterLevel(w, BestSpeed), one or
// more Writes of data and Close write the same stream as Compress, and as
// Resume from a Mark saved on data that started the same. At BestSpeed
// flate cuts the data into blocks of 65 535 bytes, whatever the Writes,
// and encodes each block on its own but for matches into the block before
// it; so a Mark is the compressor's state at a place in the block where
// the data may begin to differ: the blocks before it are written, and the
// encoder has read nothing from that place on. TestSame compares the
// bytes with compress/zlib's.
package deflate

import (
	"encoding/binary"
	"hash/adler32"
	"slices"
)

// From compress/flate's deflate.go and inflate.go.
const (
	baseMatchLength   = 3       // The smallest match length per the RFC section 3.2.5
	maxMatchLength    = 258     // The largest match length
	baseMatchOffset   = 1       // The smallest match offset
	maxMatchOffset    = 1 << 15 // The largest match offset
	maxStoreBlockSize = 65535
	maxNumLit         = 286
)

// largeWrite is the size above which a Write to a bufio.Writer of 32 KiB
// (image/png's) is handed on whole instead of in pieces of the buffer's
// size.
const largeWrite = 1 << 15

// An Encoder compresses streams, one at a time; it keeps its buffers
// (about 400 KB) for the next.
type Encoder struct {
	fast   deflateFast
	w      *huffmanBitWriter
	out    appender
	tokens []token
}

// appender is where the bit writer writes: the stream so far.
type appender struct {
	b     []byte
	large bool // a Write of more than largeWrite bytes
}

func (a *appender) Write(p []byte) (int, error) {
	a.large = a.large || len(p) > largeWrite
	a.b = append(a.b, p...)
	return len(p), nil
}

// start begins a stream after dst: zlib's header at BestSpeed.
func (e *Encoder) start(dst []byte) {
	if e.w == nil {
		e.w = newHuffmanBitWriter(&e.out)
		e.fast = deflateFast{cur: maxStoreBlockSize, prev: make([]byte, 0, maxStoreBlockSize)}
		e.tokens = make([]token, 0, maxStoreBlockSize)
	} else {
		e.w.reset(&e.out)
		e.fast.reset()
	}
	e.out = appender{b: append(dst, 0x78, 0x01)}
}

// Compress appends to dst data's zlib stream at BestSpeed and returns it.
func (e *Encoder) Compress(dst, data []byte) []byte {
	e.start(dst)
	e.blocks(data, 0)
	return e.end(adler32.Checksum(data))
}

// Large reports whether the last stream had a block stored as it is of
// more than 32 KiB (data that does not compress): compress/zlib writes
// such a block in one Write, which a bufio.Writer of 32 KiB (image/png's
// IDAT chunks) hands on whole, so the chunks of the stream are not all
// 32 KiB but the last.
func (e *Encoder) Large() bool { return e.out.large }

// blocks encodes data's blocks from block k on and flate's end of stream,
// as compress/flate's compressor does at BestSpeed (encSpeed and close).
func (e *Encoder) blocks(data []byte, k int) {
	for start := k * maxStoreBlockSize; start < len(data); start += maxStoreBlockSize {
		src := data[start:min(start+maxStoreBlockSize, len(data))]
		if len(src) < 128 { // the last block, small
			if len(src) <= 16 {
				e.w.writeStoredHeader(len(src), false)
				e.w.writeBytes(src)
			} else {
				e.w.writeBlockHuff(false, src)
			}
			e.fast.reset()
			continue
		}
		e.tokens = e.fast.encode(e.tokens[:0], src)
		e.write(src, nil)
	}
	e.w.writeStoredHeader(0, true)
	e.w.flush()
}

// write writes the block src, encoded in e.tokens; counted, when not nil,
// holds the frequencies of its first tokens.
func (e *Encoder) write(src []byte, counted *counts) {
	// If we removed less than 1/16th, Huffman compress the block.
	if len(e.tokens) > len(src)-(len(src)>>4) {
		e.w.writeBlockHuff(false, src)
	} else {
		e.w.writeBlockDynamic(e.tokens, false, src, counted)
	}
}

// end ends the stream with the data's checksum and returns it.
func (e *Encoder) end(adler uint32) []byte {
	return binary.BigEndian.AppendUint32(e.out.b, adler)
}

// A Mark is a compression saved part way (see the package comment).
type Mark struct {
	n, at   int // the data's length; the data resumed on shares data[:at]
	block   int // the block at is in
	mid     bool
	loop    loop // with mid, where the block's encoding goes on
	tokens  []token
	counts  *counts // of tokens, with mid
	table   [tableSize]tableEntry
	cur     int32
	bits    uint64
	nbits   uint
	written []byte // the stream so far, from zlib's header
	adler   uint32 // of data[:at]
}

// Mark compresses data as Compress does, up to a place no later than at,
// and returns the state there.
func (e *Encoder) Mark(data []byte, at int) *Mark {
	at = min(max(at, 0), len(data))
	e.start(nil)
	m := &Mark{n: len(data), at: at, block: at / maxStoreBlockSize}
	if m.block > 0 && m.block*maxStoreBlockSize >= len(data) {
		m.block-- // the last block is full: flate encodes it at Close
	}
	for k := range m.block {
		src := data[k*maxStoreBlockSize : (k+1)*maxStoreBlockSize]
		e.tokens = e.fast.encode(e.tokens[:0], src)
		e.write(src, nil)
	}
	start := m.block * maxStoreBlockSize
	src := data[start:min(start+maxStoreBlockSize, len(data))]
	if stop := int32(at - start); len(src) >= 128 && stop >= 16 {
		if e.fast.cur >= bufferReset { // as encode does first
			e.fast.shiftOffsets()
		}
		cv := load32(src, 0)
		var tokens []token
		tokens, m.loop = e.fast.run(e.tokens[:0], src, loop{cv: cv, nextHash: hash(cv)}, stop)
		m.tokens, m.mid = slices.Clone(tokens), true
		// Resume counts only the tokens after these.
		m.counts = &counts{n: len(tokens)}
		countTokens(tokens, m.counts.lit[:], m.counts.off[:])
	}
	m.table, m.cur = e.fast.table, e.fast.cur
	m.bits, m.nbits = e.w.bits, e.w.nbits
	m.written = slices.Concat(e.out.b, e.w.bytes[:e.w.nbytes])
	m.adler = adler32.Checksum(data[:at])
	// Past the block, for the next stream: its entries in the table are
	// out of reach then, as after a whole block.
	e.fast.cur += maxStoreBlockSize
	return m
}

// Resume appends to dst data's zlib stream at BestSpeed, as Compress,
// going on from m; data must have the length of the data m was saved on
// and start with the same m's at bytes.
func (e *Encoder) Resume(dst, data []byte, m *Mark) []byte {
	if len(data) != m.n {
		return e.Compress(dst, data)
	}
	e.start(dst)
	e.out.b = append(e.out.b[:len(dst)], m.written...)
	e.w.bits, e.w.nbits = m.bits, m.nbits
	e.fast.table, e.fast.cur = m.table, m.cur
	e.fast.prev = e.fast.prev[:0]
	if m.block > 0 {
		e.fast.prev = append(e.fast.prev, data[(m.block-1)*maxStoreBlockSize:m.block*maxStoreBlockSize]...)
	}
	k := m.block
	if m.mid {
		start := k * maxStoreBlockSize
		src := data[start:min(start+maxStoreBlockSize, len(data))]
		e.tokens, _ = e.fast.run(append(e.tokens[:0], m.tokens...), src, m.loop, -1)
		e.write(src, m.counts)
		k++
	}
	e.blocks(data, k)
	return e.end(adler32Update(m.adler, data[m.at:]))
}

// adler32Update returns the checksum of the data whose checksum is sum
// followed by p: hash/adler32's, sixteen bytes a step instead of one,
// the modulo taken as often (every nmax bytes). After bytes b0 … b15, s1
// grows by their sum and s2 by 16×s1 and their sum weighted 16, 15, …, 1:
// both are taken from two loads by multiplications that gather 16-bit
// lanes into the top one. FuzzAdler32 holds it to hash/adler32.
func adler32Update(sum uint32, p []byte) uint32 {
	const (
		mod  = 65521 // hash/adler32's
		nmax = 5552  // the most bytes before s2 could overflow; a multiple of 16
		lane = 0x00ff00ff00ff00ff
		ones = 0x0001000100010001
		// The weights of a word's even bytes (0, 2, 4, 6: 8, 6, 4, 2) and
		// odd ones (1, 3, 5, 7: 7, 5, 3, 1), each in the lane that
		// multiplies its byte into the top lane; the first word's are 8
		// more.
		even, odd   = 0x0008000600040002, 0x0007000500030001
		even0, odd0 = even + 8*ones, odd + 8*ones
	)
	s1, s2 := sum&0xffff, sum>>16
	for len(p) > 0 {
		q := p[min(len(p), nmax):]
		p = p[:min(len(p), nmax)]
		n := len(p) &^ 15
		for i := 0; i < n; i += 16 {
			b := p[i : i+16 : i+16]
			x, y := binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])
			// Each lane at most 255, of a product at most 255×90 in all:
			// no carry between lanes.
			xl, xh, yl, yh := x&lane, x>>8&lane, y&lane, y>>8&lane
			s2 += 16*s1 + uint32((xl*even0+xh*odd0+yl*even+yh*odd)>>48)
			s1 += uint32((xl + xh + yl + yh) * ones >> 48)
		}
		for _, x := range p[n:] {
			s1 += uint32(x)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
		p = q
	}
	return s2<<16 | s1
}
