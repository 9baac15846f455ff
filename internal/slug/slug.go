// Package slug turns titles, file names and place names into the URL
// segments and fragment ids the site uses.
//
// # The rule
//
// One rule, used for page URLs, heading ids, unit ids and the pages per
// kommun and kind of care, so that a name always gives the same address:
//
//  1. Letters are lowercased.
//  2. Swedish and other Latin letters with marks lose them, as Swedish public
//     sites write addresses: å and ä become a, ö becomes o, é becomes e,
//     ü becomes u. A few letters without a decomposition are spelled out:
//     æ → ae, ø → o, ß → ss, þ → th, ð → d, ł → l, œ → oe.
//  3. Every run of other characters (spaces, punctuation, symbols, letters
//     outside a–z) becomes one hyphen; hyphens at either end are dropped.
//
// So "Västerbotten" → "vasterbotten", "Ödeshög" → "odeshog" and
// "Pris & villkor (2026)" → "pris-villkor-2026". The rule is stable: changing
// it changes published addresses.
//
// # Files under their own names
//
// A file published as it is (static/dokument/Rapport 2021.pdf, an image
// and its smaller copies) keeps its name: EscapePath percent-encodes each
// segment of its address for a link instead.
package slug

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var spelled = map[rune]string{
	'æ': "ae", 'ø': "o", 'ß': "ss", 'þ': "th", 'ð': "d", 'ł': "l", 'œ': "oe", 'đ': "d", 'ı': "i",
}

// Make returns the slug of s by the package rule. It returns "" when s has no
// letters or digits.
func Make(s string) string { return fold(s, '-', true) }

// Fold returns s lowercased with marks removed by the same rule as Make, but
// keeping spaces and punctuation as single spaces: "Umeå C" → "umea c". It is
// the form in which search matches names.
func Fold(s string) string { return fold(s, ' ', true) }

// AppendFold appends Fold(s) to dst and returns the extended slice: for
// folding much text into a buffer that is used again.
func AppendFold(dst []byte, s string) []byte { return appendFold(dst, s, ' ', true) }

// latin1 holds what fold makes of the letters U+00C0–U+00FF (å, ä, ö, é
// and their neighbours, nearly every non-ASCII letter of Swedish text), so
// that they need no decomposition; "" is a separator (× and ÷).
var latin1 [0x100]string

func init() {
	for r := rune(0xC0); r < 0x100; r++ {
		latin1[r] = fold(string(r), '-', false)
	}
}

// fold applies the rule with sep between runs of letters and digits. ASCII
// is handled byte by byte; only other characters are decomposed (NFD), one
// at a time. That gives the same result as decomposing the whole string:
// decomposition maps each character on its own, and the reordering of
// marks it adds cannot matter, as every mark is dropped or becomes sep.
// With table set, the letters of latin1 are looked up instead.
func fold(s string, sep byte, table bool) string {
	return string(appendFold(make([]byte, 0, len(s)), s, sep, table))
}

// appendFold is fold appending to b.
func appendFold(b []byte, s string, sep byte, table bool) []byte {
	start := len(b)
	pending := false
	emit := func(c byte) {
		if pending && len(b) > start {
			b = append(b, sep)
		}
		pending = false
		b = append(b, c)
	}
	var enc [utf8.UTFMax]byte
	var dec []byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				emit(c)
			case c >= 'A' && c <= 'Z':
				emit(c + 'a' - 'A')
			default:
				pending = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if table && r >= 0xC0 && r < 0x100 {
			if f := latin1[r]; f != "" {
				for _, c := range []byte(f) {
					emit(c)
				}
			} else {
				pending = true
			}
			continue
		}
		dec = norm.NFD.Append(dec[:0], enc[:utf8.EncodeRune(enc[:], r)]...)
		for _, r := range string(dec) {
			r = unicode.ToLower(r)
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
				emit(byte(r))
			case unicode.Is(unicode.Mn, r):
				// a mark left by decomposition: dropped
			case spelled[r] != "":
				for _, c := range []byte(spelled[r]) {
					emit(c)
				}
			default:
				pending = true
			}
		}
	}
	return b
}

// IDs hands out unique fragment ids within one page: the first "Priser"
// gets "priser", the next "priser-1", and so on. Empty slugs become
// "avsnitt" (Swedish for section). The zero value is ready to use.
type IDs struct {
	seen map[string]bool
	next map[string]int // the suffix to try first for a taken id
}

// Unique returns the slug of s, made unique among the ids handed out so far.
func (u *IDs) Unique(s string) string {
	base := Make(s)
	if base == "" {
		base = "avsnitt"
	}
	return u.Reserve(base)
}

// Reserve marks id as taken, or, if it is taken, returns the first free
// id-1, id-2, … and marks that.
func (u *IDs) Reserve(id string) string {
	if u.seen == nil {
		u.seen = map[string]bool{}
	}
	if !u.seen[id] {
		u.seen[id] = true
		return id
	}
	// Ids are never given back: the suffixes below the last one handed
	// out for id are taken still, so a page of n equal headings costs
	// O(n), not O(n²).
	if u.next == nil {
		u.next = map[string]int{}
	}
	i := max(u.next[id], 1)
	out := id + "-" + itoa(i)
	for u.seen[out] {
		i++
		out = id + "-" + itoa(i)
	}
	u.next[id] = i + 1
	u.seen[out] = true
	return out
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var buf [20]byte
	n := len(buf)
	for i > 0 {
		n--
		buf[n] = byte('0' + i%10)
		i /= 10
	}
	return string(buf[n:])
}

// EscapePath percent-encodes each segment of the path p, so that any file
// name (spaces, quotes, ?, #, %, å, ä, ö) can be linked:
// "/dokument/Rapport 2021?.pdf" → "/dokument/Rapport%202021%3F.pdf".
func EscapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
