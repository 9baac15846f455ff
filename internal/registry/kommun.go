package registry

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/slug"
)

//go:embed kommuner.txt
var kommunerText string

// Kommuner are Sweden's 290 municipalities, named as Statistics Sweden
// writes them, in the order of kommuner.txt (Swedish alphabetical).
var Kommuner = lines(kommunerText)

// lines returns the lines of s that are neither empty nor comments (#).
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// kommunSpelt is canonical(k, Kommuner) by k, for each kommun k as the
// list spells it: what most units write, found without going through the
// list.
var kommunSpelt = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, len(Kommuner))
	for _, k := range Kommuner {
		m[k], _ = canonical(k, Kommuner)
	}
	return m
})

// canonical finds s in list ignoring case and surrounding spaces, and
// returns the list's spelling.
func canonical(s string, list []string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, k := range list {
		if strings.EqualFold(k, s) {
			return k, true
		}
	}
	return "", false
}

// nearest returns the entry of list that s was most likely meant to be,
// or "": first one that differs only in case, marks or punctuation
// ("Umea", "upplands-vasby"), then the closest by spelling.
func nearest(s string, list []string) string {
	if f := slug.Make(s); f != "" {
		for _, k := range list {
			if slug.Make(k) == f {
				return k
			}
		}
	}
	return diag.Closest(s, list)
}

// kommunName strips what people add to a kommun's name: "Umeå kommun",
// "Jönköpings kommun", "Stockholms stad", "Region Gotland". It returns the
// kommun from Kommuner and true when that leaves one.
func kommunName(s string) (string, bool) {
	s = strings.TrimSpace(s)
	lower := strings.ToLower(s)
	var base string
	for _, suffix := range []string{" kommun", " stad"} {
		if strings.HasSuffix(lower, suffix) {
			base = s[:len(s)-len(suffix)]
		}
	}
	if strings.HasPrefix(lower, "region ") {
		base = s[len("region "):]
	}
	if base == "" {
		return "", false
	}
	if k, ok := canonical(base, Kommuner); ok {
		return k, true
	}
	// The genitive: Jönköpings kommun, Göteborgs stad.
	if strings.HasSuffix(base, "s") {
		if k, ok := canonical(strings.TrimSuffix(base, "s"), Kommuner); ok {
			return k, true
		}
	}
	return "", false
}
