package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var (
	genKommuner = []string{"Umeå", "Skellefteå", "Lycksele", "Vilhelmina", "Vännäs", "Robertsfors", "Nordmaling", "Storuman",
		"Jönköping", "Värnamo", "Nässjö", "Vetlanda", "Tranås", "Eksjö", "Gislaved", "Malmö", "Göteborg", "Örebro", "Åre", "Östersund"}
	genKinds = []string{"vårdcentral", "ungdomsmottagning", "barnmorskemottagning", "psykiatri", "tandvård",
		"sjukhusavdelning", "specialistmottagning", "elevhälsa", "äldreomsorg", "habilitering", "rehabilitering", "administration"}
	genNames = []string{"Exempelbacken", "Solgläntan", "Provmyran", "Älvkanten", "Fyren", "Norrskenet", "Åsen", "Lindgården", "Havsbandet", "Fjällvägen"}
)

// writeUnits writes n certified units as YAML registries under
// content/verksamheter/, 1 000 units a file, in the format of package
// registry, with internal fields filled in.
func writeUnits(r *rand.Rand, out string, n int) error {
	for f := 0; f*1000 < n; f++ {
		var b strings.Builder
		fmt.Fprintf(&b, "organisation: Organisation %d\nregion: Exempellän\nunits:\n", f)
		for i := f * 1000; i < min(n, (f+1)*1000); i++ {
			kommun := genKommuner[r.IntN(len(genKommuner))]
			kind := genKinds[r.IntN(len(genKinds))]
			fmt.Fprintf(&b, "  - id: enhet-%05d\n    name: %s %s %d\n    kommun: %s\n    kind: %s\n",
				i, capitalize(kind), genNames[r.IntN(len(genNames))], i, kommun, kind)
			fmt.Fprintf(&b, "    address: Exempelgatan %d, 903 %02d %s\n    website: https://enhet-%05d.example.se\n", 1+r.IntN(90), r.IntN(100), kommun, i)
			fmt.Fprintf(&b, "    certified: %d-%02d-%02d\n", 2021+r.IntN(5), 1+r.IntN(12), 1+r.IntN(28))
			fmt.Fprintf(&b, "    internal:\n      contact: Kim Exempelsson\n      contact_email: kim@example.se\n      participation: %d\n      manager_took_part: true\n", 90+r.IntN(11))
		}
		if err := write(out, fmt.Sprintf("content/verksamheter/organisation-%02d.yaml", f), b.String()); err != nil {
			return err
		}
	}
	return nil
}
