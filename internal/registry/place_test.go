package registry

import (
	"math"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestKommunData: the table has one row per kommun of Kommuner, SCB's codes
// unique and well formed, the county code the kommun code's first two
// digits, every seat in Sweden; and the codes the project's domain names.
func TestKommunData(t *testing.T) {
	if len(KommunData) != 290 || len(Kommuner) != 290 {
		t.Fatalf("%d rows in kommundata.tsv and %d names in kommuner.txt, want 290", len(KommunData), len(Kommuner))
	}
	codes := map[string]bool{}
	for _, k := range KommunData {
		if len(k.Code) != 4 || k.County != k.Code[:2] || codes[k.Code] {
			t.Errorf("%s %s: bad or doubled code, county %s", k.Code, k.Name, k.County)
		}
		codes[k.Code] = true
		if !inSweden(k.Lat, k.Lon) {
			t.Errorf("%s: seat %s at %v, %v is not in Sweden", k.Name, k.Seat, k.Lat, k.Lon)
		}
	}
	for _, n := range Kommuner {
		if _, ok := KommunOf(n); !ok {
			t.Errorf("kommun %s has no row in kommundata.tsv", n)
		}
	}
	for name, want := range map[string][2]string{"Umeå": {"2480", "24"}, "Göteborg": {"1480", "14"}, "Jönköping": {"0680", "06"}, "Gotland": {"0980", "09"}, "Stockholm": {"0180", "01"}} {
		if k, _ := KommunOf(name); k.Code != want[0] || k.County != want[1] {
			t.Errorf("%s: code %s county %s, want %s %s", name, k.Code, k.County, want[0], want[1])
		}
	}
}

// TestDistance: Umeå to Göteborg is about 815 km, Stockholm to Uppsala
// about 64 km (between the seats).
func TestDistance(t *testing.T) {
	u, _ := KommunOf("Umeå")
	g, _ := KommunOf("Göteborg")
	s, _ := KommunOf("Stockholm")
	up, _ := KommunOf("Uppsala")
	for _, tc := range []struct {
		a, b Kommun
		want float64
	}{{u, g, 815}, {s, up, 64}, {u, u, 0}} {
		if d := Distance(tc.a.Lat, tc.a.Lon, tc.b.Lat, tc.b.Lon); math.Abs(d-tc.want) > 3 {
			t.Errorf("%s–%s: %.1f km, want about %v", tc.a.Name, tc.b.Name, d, tc.want)
		}
	}
}

// TestPlace: a unit's location, or its kommun's seat, marked as not exact.
func TestPlace(t *testing.T) {
	r := loadUnits(t, "", unitYAMLText("a", "A", "2024-01-10", "location: [63.8258, 20.2630]"), unitYAMLText("b", "B", "2024-01-10"))
	if lat, lon, exact := r.Units[0].Place(); lat != 63.8258 || lon != 20.2630 || !exact {
		t.Errorf("with location: %v, %v, %v", lat, lon, exact)
	}
	if lat, lon, exact := r.Units[1].Place(); lat != 63.82842 || lon != 20.25972 || exact {
		t.Errorf("without location: %v, %v, %v; want Umeå's seat, not exact", lat, lon, exact)
	}
}

// FuzzLocation: location: never panics, and what it accepts is two finite
// numbers.
func FuzzLocation(f *testing.F) {
	for _, s := range []string{"[63.8, 20.2]", `"63.8, 20.2"`, "63.8 20.2", "[1e400, 2]", "[NaN, 1]", "[[1], 2]", "{a: 1}", "", "~"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v struct {
			L location `yaml:"l"`
		}
		if err := yaml.Unmarshal([]byte("l: "+s), &v); err != nil {
			return
		}
		if math.IsNaN(v.L.Lat) || math.IsInf(v.L.Lat, 0) || math.IsNaN(v.L.Lon) || math.IsInf(v.L.Lon, 0) {
			t.Errorf("%q gave %v, %v", s, v.L.Lat, v.L.Lon)
		}
	})
}
