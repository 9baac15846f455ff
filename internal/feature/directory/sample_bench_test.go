package directory

import (
	"testing"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/settings"
)

// sampleBadges are the nine distinct badges of the sample site
// (content/, at -now 2026-12-07): four valid, five expired, on three
// bases.
func sampleBadges(t testing.TB) []*badge {
	cfg := &settings.Site{Organisation: "Region Mittland", Programme: "hbtq"}
	w := themeWords(t)
	var bs []*badge
	for _, y := range []int{2027, 2028, 2029, 2030} {
		d := time.Date(y, 3, 1, 0, 0, 0, 0, time.UTC)
		bs = append(bs, validBadge(cfg, w, "A", d.AddDate(-3, 0, 0), d))
	}
	for _, d := range []string{"2025-10-01", "2026-06-10", "2026-09-12", "2026-10-04", "2026-12-05"} {
		day, _ := time.Parse(time.DateOnly, d)
		bs = append(bs, expiredBadge(cfg, w, "A", day))
	}
	return bs
}

// BenchmarkBadgeSample draws the sample's nine PNGs as a cold build does
// (drawings, no cache): what every build in a fresh clone pays. Run it
// with -cpu 1 for its CPU time.
func BenchmarkBadgeSample(b *testing.B) {
	bs := sampleBadges(b)
	for b.Loop() {
		var ds drawings
		for _, x := range bs {
			ds.draw(x)
		}
		ds.wait()
	}
}
