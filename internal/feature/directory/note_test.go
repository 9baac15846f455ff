package directory

import (
	"fmt"
	"testing"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/registry"
)

// TestSoonNoteNamesTheUnits: the note about units that expire soon names
// them, the soonest first, five at most and then how many more, in both
// languages.
func TestSoonNoteNamesTheUnits(t *testing.T) {
	org := &registry.Org{Rules: registry.Rules{ValidityYears: 4}}
	var units []*registry.Unit
	for i := range 7 {
		units = append(units, &registry.Unit{
			ID: fmt.Sprintf("enhet-%d", i), Name: fmt.Sprintf("Enhet %d", i), Org: org,
			Certified: time.Date(2023, 6, 10-i, 0, 0, 0, 0, time.UTC),
		})
	}
	for _, tc := range []struct {
		n    int
		lang msg.Lang
		want string
	}{
		{1, msg.SV, "1 diplomerad verksamhet går snart ut (inom 6 månader): Enhet 0 (enhet-0, giltig till 2027-06-10)"},
		{7, msg.SV, "7 diplomerade verksamheter går snart ut (inom 6 månader): Enhet 6 (enhet-6, giltig till 2027-06-04), " +
			"Enhet 5 (enhet-5, giltig till 2027-06-05), Enhet 4 (enhet-4, giltig till 2027-06-06), Enhet 3 (enhet-3, giltig till 2027-06-07), " +
			"Enhet 2 (enhet-2, giltig till 2027-06-08), och 2 till"},
		{6, msg.EN, "6 certified units expire soon (within 6 months): Enhet 5 (enhet-5, valid until 2027-06-05), " +
			"Enhet 4 (enhet-4, valid until 2027-06-06), Enhet 3 (enhet-3, valid until 2027-06-07), Enhet 2 (enhet-2, valid until 2027-06-08), " +
			"Enhet 1 (enhet-1, valid until 2027-06-09), and 1 more"},
	} {
		if have := soonNote(units[:tc.n]).In(tc.lang); have != tc.want {
			t.Errorf("%d units:\nhave %s\nwant %s", tc.n, have, tc.want)
		}
	}
}
