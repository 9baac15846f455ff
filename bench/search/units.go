package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/slug"
)

// unit is one generated unit: fictional names in real kommuner, with the
// variety of a real registry (districts, streets, postcodes, house numbers).
type unit struct {
	ID, Name, Kommun, Kind, Org, Address, Website string
}

// orgs are the generated organisations and the kommuner of their regions.
var orgs = []struct {
	name     string
	kommuner []string
}{
	{"Region Västerbotten", []string{"Bjurholm", "Dorotea", "Lycksele", "Malå", "Nordmaling", "Norsjö", "Robertsfors", "Skellefteå", "Sorsele", "Storuman", "Umeå", "Vilhelmina", "Vindeln", "Vännäs", "Åsele"}},
	{"Västra Götalandsregionen", []string{"Ale", "Alingsås", "Bengtsfors", "Bollebygd", "Borås", "Dals-Ed", "Essunga", "Falköping", "Färgelanda", "Grästorp", "Gullspång", "Göteborg", "Götene", "Herrljunga", "Hjo", "Härryda", "Karlsborg", "Kungälv", "Lerum", "Lidköping", "Lilla Edet", "Lysekil", "Mariestad", "Mark", "Mellerud", "Munkedal", "Mölndal", "Orust", "Partille", "Skara", "Skövde", "Sotenäs", "Stenungsund", "Strömstad", "Svenljunga", "Tanum", "Tibro", "Tidaholm", "Tjörn", "Tranemo", "Trollhättan", "Töreboda", "Uddevalla", "Ulricehamn", "Vara", "Vårgårda", "Vänersborg", "Åmål", "Öckerö"}},
	{"Region Jönköpings län", []string{"Aneby", "Eksjö", "Gislaved", "Gnosjö", "Habo", "Jönköping", "Mullsjö", "Nässjö", "Sävsjö", "Tranås", "Vaggeryd", "Vetlanda", "Värnamo"}},
}

var kinds = []struct{ kind, prefix, suffix string }{
	{"vårdcentral", "Vårdcentralen", ""},
	{"vårdcentral", "Hälsocentral", ""},
	{"ungdomsmottagning", "Ungdomsmottagningen", ""},
	{"barnmorskemottagning", "Barnmorskemottagningen", ""},
	{"psykiatri", "Psykiatriska mottagningen", ""},
	{"tandvård", "Folktandvården", ""},
	{"sjukhusavdelning", "Avdelning", "medicinkliniken"},
	{"elevhälsa", "Elevhälsan", "skolan"},
	{"äldreomsorg", "", "äldreboende"},
	{"administration", "Kansliet för", ""},
}

var (
	syll1 = []string{"Björk", "Ek", "Gran", "Tall", "Sol", "Sjö", "Berg", "Äng", "Strand", "Lind", "Ås", "Öster", "Väster", "Norr", "Söder", "Mal", "Hag", "Lö", "Ros", "Al", "Fur", "Hassel", "Kvarn", "Bro", "Vik", "Hög", "Dal", "Mos", "Rön", "Sand", "Sten", "Ström", "Tegel", "Ugg", "Vall", "Ängel", "Ödes", "Åker", "Fors", "Holm"}
	syll2 = []string{"backen", "boda", "dalen", "gården", "hagen", "holmen", "lund", "näs", "torp", "viken", "vallen", "berga", "by", "höjden", "ängen", "sund", "heden", "åsen", "stad", "ö"}
	roads = []string{"vägen", "gatan", "stigen", "allén", "gränd", "plan"}
)

// generate returns n units, the same ones for the same n. Certification
// dates are chosen when the registry is written (see writeSite), within
// the last three years, so that every unit is public.
func generate(n int) []unit {
	r := rand.New(rand.NewPCG(3, uint64(n)))
	out := make([]unit, 0, n)
	var ids slug.IDs
	for i := 0; i < n; i++ {
		o := orgs[r.IntN(len(orgs))]
		kommun := o.kommuner[r.IntN(len(o.kommuner))]
		k := kinds[r.IntN(len(kinds))]
		place := syll1[r.IntN(len(syll1))] + syll2[r.IntN(len(syll2))]
		var name string
		switch {
		case k.kind == "sjukhusavdelning":
			name = fmt.Sprintf("Avdelning %d, %s %s", 1+r.IntN(90), k.suffix, kommun)
		case k.suffix != "":
			name = place + k.suffix
			if k.prefix != "" {
				name = k.prefix + " " + name
			}
		default:
			name = k.prefix + " " + place
		}
		id := ids.Unique(name)
		street := syll1[r.IntN(len(syll1))] + roads[r.IntN(len(roads))]
		addr := fmt.Sprintf("%s %d, %03d %02d %s", street, 1+r.IntN(60), 100+r.IntN(900), r.IntN(100), kommun)
		out = append(out, unit{
			ID: id, Name: name, Kommun: kommun, Kind: k.kind, Org: o.name, Address: addr,
			Website: "https://" + slug.Make(o.name) + ".example.se/" + id,
		})
	}
	return out
}

// writeSite writes a site root at dir with the repository's settings,
// layouts and static files, a home page and units in three registries.
func writeSite(repo, dir string, units []unit) error {
	for _, p := range []string{"layouts", "static"} {
		if err := os.CopyFS(filepath.Join(dir, p), os.DirFS(filepath.Join(repo, p))); err != nil {
			return err
		}
	}
	cfg, err := os.ReadFile(filepath.Join(repo, "site.yaml"))
	if err != nil {
		return err
	}
	files := map[string]string{
		"site.yaml":         string(cfg),
		"content/_index.md": "---\ntitle: Start\n---\nEn webbplats för mätningar av katalogen.\n",
		// site.yaml's dated: [nyheter] needs the section to exist.
		"content/nyheter/_index.md": "---\ntitle: Nyheter\n---\n",
	}
	// The settings' own links (footer_links) must lead somewhere: the build
	// refuses dead links.
	for _, m := range regexp.MustCompile(`(?m)^\s*-?\s*url:\s*"?(/[a-z0-9/-]*)`).FindAllStringSubmatch(string(cfg), -1) {
		p := strings.Trim(m[1], "/")
		if p != "" {
			files["content/"+p+".md"] = "---\ntitle: " + p + "\n---\nEn sida som inställningarna länkar till.\n"
		}
	}
	r := rand.New(rand.NewPCG(5, uint64(len(units))))
	byOrg := map[string]*strings.Builder{}
	for _, u := range units {
		b := byOrg[u.Org]
		if b == nil {
			b = &strings.Builder{}
			fmt.Fprintf(b, "organisation: %s\nrules:\n  validity_years: 4\n  min_participation: 90\n  manager_required: true\nunits:\n", u.Org)
			byOrg[u.Org] = b
		}
		fmt.Fprintf(b, "  - id: %s\n    name: %q\n    kommun: %s\n    kind: %s\n    address: %q\n    website: %s\n",
			u.ID, u.Name, u.Kommun, u.Kind, u.Address, u.Website)
		fmt.Fprintf(b, "    certified: %d-%02d-%02d\n", 2023+r.IntN(3), 1+r.IntN(12), 1+r.IntN(28))
		fmt.Fprintf(b, "    internal:\n      contact: Kim Exempelsson\n      group_size: %d\n      participation: %d\n      manager_took_part: true\n", 5+r.IntN(20), 90+r.IntN(11))
	}
	for org, b := range byOrg {
		files["content/verksamheter/"+slug.Make(org)+".yaml"] = b.String()
	}
	for p, s := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			return err
		}
	}
	return nil
}
