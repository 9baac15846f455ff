package diag

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// c0 are the short names of the C0 control characters.
var c0 = [...]string{"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
	"DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"}

// names are the names of the invisible characters people paste most.
var names = map[rune]string{
	0x20: "mellanslag", 0x7f: "DEL", 0xa0: "hårt mellanslag", 0xad: "mjukt bindestreck", 0x200b: "nollbrett mellanslag",
	0x200c: "ZWNJ", 0x200d: "ZWJ", 0x200e: "LRM", 0x200f: "RLM", 0x2060: "WJ", 0xfeff: "BOM",
	0x202a: "LRE", 0x202b: "RLE", 0x202c: "PDF", 0x202d: "LRO", 0x202e: "RLO",
	0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI", 0x301: "kombinerande akut accent",
	0x308: "kombinerande trema", 0x30a: "kombinerande ring",
}

// CodePoint names the character r so that a person can tell it apart
// from what it looks like: "U+001B (ESC)", "U+200B (nollbrett
// mellanslag)", "U+00E5 å".
func CodePoint(r rune) string {
	s := fmt.Sprintf("U+%04X", r)
	switch {
	case r >= 0 && r < 0x20:
		return s + " (" + c0[r] + ")"
	case names[r] != "":
		return s + " (" + names[r] + ")"
	case unicode.IsGraphic(r) && !unicode.Is(unicode.Mn, r):
		return s + " " + string(r)
	}
	return s
}

// CodePoints names every character of s with CodePoint, separated by
// spaces.
func CodePoints(s string) string {
	var parts []string
	for _, r := range s {
		parts = append(parts, CodePoint(r))
	}
	return strings.Join(parts, " ")
}

// IsControl reports whether r is a control character that text may not
// hold: C0 other than tab and newline, DEL and C1.
func IsControl(r rune) bool {
	return r != '\t' && r != '\n' && isControl(r)
}

// Invisible reports whether r shows nothing by itself: white space, a
// control or format character (zero-width space, joiners, direction
// marks, BOM, soft hyphen).
func Invisible(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == 0x115f || r == 0x1160 || r == 0x3164 || r == 0xffa0
}

// Difference returns the parts of a and b that differ, each named with
// CodePoints, when a and b are the same text in Unicode's NFC and differ
// only in how their letters are written (å as U+00E5, or as a and
// U+030A): "U+00E5 å" and "U+0061 a U+030A (kombinerande ring)". ok is
// false otherwise.
func Difference(a, b string) (da, db string, ok bool) {
	if a == b || norm.NFC.String(a) != norm.NFC.String(b) {
		return "", "", false
	}
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	for i > 0 && !utf8.RuneStart(a[i]) {
		i--
	}
	j := 0
	for j < len(a)-i && j < len(b)-i && a[len(a)-1-j] == b[len(b)-1-j] {
		j++
	}
	for j > 0 && !utf8.RuneStart(a[len(a)-j]) {
		j--
	}
	// Keep the letter a combining mark belongs to.
	for i > 0 {
		r, _ := utf8.DecodeRuneInString(a[i:])
		rb, _ := utf8.DecodeRuneInString(b[i:])
		if !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mn, rb) {
			break
		}
		_, n := utf8.DecodeLastRuneInString(a[:i])
		i -= n
	}
	return CodePoints(a[i : len(a)-j]), CodePoints(b[i : len(b)-j]), true
}
