package registry

import (
	"math"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

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
