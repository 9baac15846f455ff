package registry

import (
	"cmp"
	_ "embed"
	"math"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed kommundata.tsv
var kommunData string

// Kommun is one of Sweden's kommuner with Statistics Sweden's (SCB) codes
// and the place its distances are measured from: the seat of the kommun
// (centralort), from GeoNames (CC BY 4.0; see kommundata.tsv).
type Kommun struct {
	Code       string  // SCB's kommun code, four digits: "2480"
	Name       string  // as in Kommuner: "Umeå"
	County     string  // SCB's county (län) code, the code's first two digits: "24"
	CountyName string  // "Västerbottens län"
	Seat       string  // the centralort: "Umeå"
	Lat, Lon   float64 // the seat, WGS 84 degrees
	// Reach is how far from the seat, in kilometres, a unit's location may
	// lie: 2.5 times the distance to the nearest other seat, at least 50 km,
	// so that large kommuner in the north reach as far as they are wide.
	Reach float64
}

// KommunData are the 290 kommuner of kommundata.tsv, in the order of its
// lines (by code).
var KommunData = parseKommuner(kommunData)

var kommunByName = func() map[string]*Kommun {
	m := make(map[string]*Kommun, len(KommunData))
	for i := range KommunData {
		m[KommunData[i].Name] = &KommunData[i]
	}
	return m
}()

// KommunOf returns the kommun named name, as Kommuner writes it.
func KommunOf(name string) (Kommun, bool) {
	k, ok := kommunByName[name]
	if !ok {
		return Kommun{}, false
	}
	return *k, true
}

// parseKommuner reads kommundata.tsv: a header line, then code, name,
// county code, county, seat, latitude and longitude per line.
func parseKommuner(s string) []Kommun {
	var out []Kommun
	for i, l := range lines(s) {
		if i == 0 {
			continue // the header
		}
		f := strings.Split(l, "\t")
		if len(f) != 7 {
			panic("kommundata.tsv: " + l)
		}
		lat, err1 := strconv.ParseFloat(f[5], 64)
		lon, err2 := strconv.ParseFloat(f[6], 64)
		if err1 != nil || err2 != nil {
			panic("kommundata.tsv: " + l)
		}
		out = append(out, Kommun{Code: f[0], Name: f[1], County: f[2], CountyName: f[3], Seat: f[4], Lat: lat, Lon: lon})
	}
	// The nearest other seat: the seats by latitude, looked at outwards
	// from each until the difference in latitude alone (a lower bound of
	// the distance) is more than the nearest found. At every start this
	// was all 290 x 290 distances, 10-15 ms.
	byLat := make([]int, len(out))
	for i := range byLat {
		byLat[i] = i
	}
	slices.SortFunc(byLat, func(a, b int) int { return cmp.Compare(out[a].Lat, out[b].Lat) })
	const kmPerDegree = 6371.0 * math.Pi / 180
	for n, i := range byLat {
		nearest := math.Inf(1)
		for _, step := range []int{-1, 1} {
			for m := n + step; m >= 0 && m < len(byLat); m += step {
				j := byLat[m]
				if math.Abs(out[j].Lat-out[i].Lat)*kmPerDegree > nearest*(1+1e-9) {
					break
				}
				nearest = min(nearest, Distance(out[i].Lat, out[i].Lon, out[j].Lat, out[j].Lon))
			}
		}
		out[i].Reach = max(50, 2.5*nearest)
	}
	return out
}

// Distance returns the distance in kilometres between two points given in
// degrees (WGS 84), along the earth's surface as a sphere of radius 6371 km.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// Location is a unit's place, WGS 84 degrees.
type Location struct {
	Lat, Lon float64
}

// inSweden reports whether a point lies within Sweden's bounding box
// (55.3–69.1° N, 10.9–24.2° E), with a small margin.
func inSweden(lat, lon float64) bool {
	return lat >= 55.0 && lat <= 69.3 && lon >= 10.5 && lon <= 24.4
}

// location is location: as written: [63.8284, 20.2597] or
// "63.8284, 20.2597", latitude first.
type location struct {
	Location
	written  string
	lat, lon string // as written
}

// UnmarshalYAML reads a latitude and a longitude.
func (l *location) UnmarshalYAML(n *yaml.Node) error {
	var parts []string
	switch n.Kind {
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return RegLocationForm.With("…")
			}
			parts = append(parts, c.Value)
		}
		l.written = "[" + strings.Join(parts, ", ") + "]"
	case yaml.ScalarNode:
		l.written = n.Value
		parts = strings.FieldsFunc(n.Value, func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
	}
	if len(parts) != 2 {
		return RegLocationForm.With(l.written)
	}
	lat, err1 := strconv.ParseFloat(strings.TrimSpace(parts[0]), 64)
	lon, err2 := strconv.ParseFloat(strings.TrimSpace(parts[1]), 64)
	if err1 != nil || err2 != nil || math.IsNaN(lat) || math.IsNaN(lon) || math.IsInf(lat, 0) || math.IsInf(lon, 0) {
		return RegLocationForm.With(l.written)
	}
	l.Lat, l.Lon = lat, lon
	l.lat, l.lon = strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
	return nil
}
