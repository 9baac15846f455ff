package content

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
)

// scanTextPlain is scanText written the plain way, rune by rune: the
// oracle of TestScanText and FuzzScanText.
func scanTextPlain(data []byte, from int) (bad, ctrl int) {
	ctrl = -1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i, ctrl
		}
		if ctrl < 0 && i >= from && diag.IsControl(r) {
			ctrl = i
		}
		i += size
	}
	return -1, ctrl
}

// TestScanText: texts made of ASCII, Swedish letters, characters of three
// and four bytes, control characters of every kind and bytes that are not
// UTF-8, cut anywhere and scanned from anywhere: scanText finds what the
// plain scan finds.
func TestScanText(t *testing.T) {
	pieces := []string{
		"a", "Ett stycke om diplomering. ", "\n", "\t", " ", "å", "ä", "Ö", "é", "\u00a0", "\u00ad", "€", "\u2028", "\U0001F600", "\ufffd",
		"\x00", "\x01", "\x1f", "\r", "\x7f", "\u0080", "\u0085", "\u009f", "\xc2", "\xc3", "\xff", "\x80", "\xe2\x82", "\xf0\x9f\x98", "\xed\xa0\x80", "\xc0\xaf",
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		var b strings.Builder
		for range rnd.IntN(40) {
			p := pieces[rnd.IntN(len(pieces))]
			if rnd.IntN(3) > 0 {
				p = pieces[rnd.IntN(8)] // mostly text
			}
			b.WriteString(p)
		}
		data := []byte(b.String())
		from := rnd.IntN(len(data) + 1)
		bad, ctrl := scanText(data, from)
		wantBad, wantCtrl := scanTextPlain(data, from)
		if bad != wantBad || ctrl != wantCtrl {
			t.Fatalf("scanText(%q, %d) = %d, %d; want %d, %d", data, from, bad, ctrl, wantBad, wantCtrl)
		}
	}
}

func FuzzScanText(f *testing.F) {
	f.Add([]byte("---\ntitle: Å\n---\nEtt stycke\x01 om\tdiplomering\u0085.\n"), 4)
	f.Add([]byte("abcdefgh\xffijklmnop"), 0)
	f.Fuzz(func(t *testing.T, data []byte, from int) {
		if from < 0 {
			from = -from
		}
		from %= len(data) + 1
		bad, ctrl := scanText(data, from)
		wantBad, wantCtrl := scanTextPlain(data, from)
		if bad != wantBad || ctrl != wantCtrl {
			t.Fatalf("scanText(%q, %d) = %d, %d; want %d, %d", data, from, bad, ctrl, wantBad, wantCtrl)
		}
	})
}

func BenchmarkScanText(b *testing.B) {
	data := []byte(strings.Repeat("Giltig verksamhet svar bemötandet kön psykiatri blanketter vårdcentral samverkan psykiatri hälsa journal. Se [Bemötande normer](/avsnitt-087/sida-08746/).\n\n", 50))
	b.SetBytes(int64(len(data)))
	b.Run("scanText", func(b *testing.B) {
		for b.Loop() {
			scanText(data, 0)
		}
	})
	b.Run("utf8.Valid+controlIn", func(b *testing.B) {
		for b.Loop() {
			if utf8.Valid(data) {
				scanTextPlainControl(data)
			}
		}
	})
}

// scanTextPlainControl is how Parse looked for a control character
// before scanText: byte by byte.
func scanTextPlainControl(body []byte) int {
	for j, c := range body {
		if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f || c == 0xc2 && j+1 < len(body) && body[j+1] >= 0x80 && body[j+1] < 0xa0 {
			return j
		}
	}
	return -1
}
