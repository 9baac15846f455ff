package directory

import (
	"testing"
)

// BenchmarkDrawYear draws and encodes (pngWriter.draw) a year's expired
// badges of one look on their base, drawn once, one after the other.
func BenchmarkDrawYear(b *testing.B) {
	bs := expiredDays(b, 365, 1)
	k0, _ := bs[0].baseKey()
	sh := &shared{}
	var one []*badge
	for _, x := range bs {
		if k, _ := x.baseKey(); k == k0 {
			one = append(one, x)
		}
	}
	sh.img, _ = one[0].base()
	sh.rows = filterRows(sh.img)
	var pw pngWriter
	for b.Loop() {
		for _, x := range one {
			pw.draw(x, sh)
		}
	}
}
