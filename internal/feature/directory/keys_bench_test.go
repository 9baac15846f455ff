package directory

import (
	"fmt"
	"testing"
)

// BenchmarkBadgeKeys makes the draw and SVG keys of 64 expired badges
// with appends (the build's) and with fmt (as before).
func BenchmarkBadgeKeys(b *testing.B) {
	bs := expiredBadges(b, 64)
	b.Run("appends", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, x := range bs {
				_, _ = x.drawKey(), x.svgKey()
			}
		}
	})
	b.Run("fmt", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, x := range bs {
				_ = fmt.Sprintf("%q|%v|%v|%v|%v", x.lines, x.expired, x.bg, x.fg, x.border)
				_ = fmt.Sprintf("%q|%q|%v|%v|%v|%v", x.title, x.lines, x.expired, x.bg, x.fg, x.border)
			}
		}
	})
}
