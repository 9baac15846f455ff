package directory

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"

	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/registry"
)

// # Nearest first
//
// Every unit has a place: its location: in the registry, or else the seat
// of its kommun (Exact is false, and the lists say "från kommunens
// centralort"). The directory's script sorts by distance from a kommun or
// place the visitor names, or, when the visitor presses a button, from the
// device's position; the position never leaves the browser. It reads the
// places from a file of their own (assets/platser.<hash>.json), fetched only
// then: each unit's id with its latitude, longitude and whether the place
// is its own, and every kommun and seat with its place. Without the script,
// each kommun's page lists the units nearest to its seat in other kommuner
// (Nearby).

const (
	nearbyMax = 5   // units listed under "Närmast i andra kommuner"
	nearbyKm  = 150 // and only those this close to the kommun's seat
)

// Near is a unit and how far it is from a place.
type Near struct {
	*Unit
	Km    int  // rounded to whole kilometres, at least 1
	Exact bool // the unit's own place; false: its kommun's seat
}

// Km returns a distance rounded the way the site writes it: whole
// kilometres, at least 1.
func km(d float64) int { return max(1, int(math.Round(d))) }

// nearby returns the units of other kommuner nearest to the seat of the
// kommun named kommun, nearest first.
func nearby(units []*Unit, kommun string) []Near {
	k, ok := registry.KommunOf(kommun)
	if !ok {
		return nil
	}
	var out []Near
	dist := map[*Unit]float64{}
	for _, u := range units {
		if u.Kommun == kommun {
			continue
		}
		d := registry.Distance(k.Lat, k.Lon, u.lat, u.lon)
		if d <= nearbyKm {
			dist[u] = d
			out = append(out, Near{Unit: u, Km: km(d), Exact: u.exact})
		}
	}
	slices.SortStableFunc(out, func(a, b Near) int {
		if c := dist[a.Unit] - dist[b.Unit]; c != 0 {
			return int(math.Copysign(1, c))
		}
		return 0
	})
	return out[:min(len(out), nearbyMax)]
}

// places returns the places file: {"u": {id: [lat, lon, 1 or 0]}, "k":
// [[kommun, seat, lat, lon], …]}, coordinates to five decimals (a metre).
func places(units []*Unit) []byte {
	type raw = json.RawMessage
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	u := map[string]raw{}
	for _, x := range units {
		exact := "0"
		if x.exact {
			exact = "1"
		}
		u[x.ID] = raw("[" + num(x.lat) + "," + num(x.lon) + "," + exact + "]")
	}
	var k [][]any
	for _, c := range registry.KommunData {
		k = append(k, []any{c.Name, c.Seat, c.Lat, c.Lon})
	}
	data, err := json.Marshal(map[string]any{"u": u, "k": k})
	if err != nil {
		panic(err)
	}
	return data
}

// writePlaces writes the places file under its fingerprinted name.
func (d *directory) writePlaces(out feature.Output) error {
	return out.WriteRaw(d.placesPath, d.source, d.places)
}
