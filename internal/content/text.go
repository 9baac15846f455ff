package content

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// Bytes of every byte of a word, for the checks of scanText made on eight
// bytes at once.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
	lows  = 0x7f7f7f7f7f7f7f7f
)

// zeros returns the word with the high bit set in each byte of x that is
// zero and nowhere else (exact, no carries between bytes).
func zeros(x uint64) uint64 {
	return ^((x & lows) + lows | x | lows)
}

// scanText makes one pass over data for what Parse must know of a file's
// text: bad is the offset of the first byte that is not part of a UTF-8
// character (-1 when data is UTF-8), and ctrl the offset of the first
// control character (diag.IsControl: C0 but tab and line feed, DEL, C1)
// at or after offset from, before any such byte (-1 when there is none).
//
// It reads eight bytes at once while they are ASCII with no control
// character in them, and goes back to that after each character that is
// not: utf8.Valid reads byte by byte after the first non-ASCII byte, and a
// Swedish text has one in every line.
func scanText(data []byte, from int) (bad, ctrl int) {
	ctrl = -1
	n := len(data)
	i := 0
	for i < n {
		if i+8 <= n {
			w := binary.LittleEndian.Uint64(data[i:])
			hi := w & highs
			a := w & lows
			// A byte below 0x20: adding 0x60 leaves its high bit clear;
			// DEL: adding 1 sets it. Tab and line feed are no controls.
			low := (^(a + 0x6060606060606060) | (a + ones)) & highs
			low &^= hi | zeros(a^0x0a0a0a0a0a0a0a0a) | zeros(a^0x0909090909090909)
			k := 8 // the ASCII bytes at the start of the word
			if hi != 0 {
				k = bits.TrailingZeros64(hi) / 8
				low &= 1<<(8*k) - 1
			}
			if low != 0 && ctrl < 0 {
				for j := i + bits.TrailingZeros64(low)/8; j < i+k; j++ {
					if c := data[j]; j >= from && (c < 0x20 && c != '\t' && c != '\n' || c == 0x7f) {
						ctrl = j
						break
					}
				}
			}
			i += k
			if k == 8 {
				continue
			}
		}
		c := data[i]
		if c < utf8.RuneSelf {
			if ctrl < 0 && i >= from && (c < 0x20 && c != '\t' && c != '\n' || c == 0x7f) {
				ctrl = i
			}
			i++
			continue
		}
		// A character of two bytes (Latin letters: å, ä, ö) without the
		// general decoder.
		if 0xc2 <= c && c <= 0xdf && i+1 < n && data[i+1]&0xc0 == 0x80 {
			if c == 0xc2 && data[i+1] < 0xa0 && ctrl < 0 && i >= from { // U+0080–U+009F
				ctrl = i
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i, ctrl
		}
		i += size
	}
	return -1, ctrl
}
