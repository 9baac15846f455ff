package registry

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// BenchmarkLoad loads a registry of 1 000 units, as bench/gen writes them
// (reports allocations: the registry is read once per build and per edit
// of it in the dev server).
func BenchmarkLoad(b *testing.B) {
	var y strings.Builder
	y.WriteString("organisation: Organisation 0\nregion: Exempellän\nunits:\n")
	kommuner := []string{"Eksjö", "Vetlanda", "Skellefteå", "Östersund", "Örebro"}
	for i := range 1000 {
		k := kommuner[i%len(kommuner)]
		fmt.Fprintf(&y, `  - id: enhet-%05d
    name: Habilitering Älvkanten %d
    kommun: %s
    kind: habilitering
    address: Exempelgatan %d, 903 65 %s
    website: https://enhet-%05d.example.se
    certified: 2025-%02d-%02d
    internal:
      contact: Kim Exempelsson
      contact_email: kim@example.se
      participation: 100
      manager_took_part: true
`, i, i, k, i%100, k, i, 1+i%12, 1+i%28)
	}
	fsys := fstest.MapFS{"content/verksamheter/org.yaml": {Data: []byte(y.String())}}
	opt := Options{Now: swedish.DayOf(time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)), Kinds: []string{"habilitering"}}
	b.ReportAllocs()
	for b.Loop() {
		r, err := Load(fsys, "content/verksamheter", opt)
		if err != nil || len(r.Units) != 1000 {
			b.Fatalf("%v, %d units", err, len(r.Units))
		}
	}
}
