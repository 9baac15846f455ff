package programme

import (
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/slug"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// Kind is one kind of care (typ av vård) of the site.
type Kind struct {
	Name     string   `yaml:"name,required"` // as the registries write it: "vårdcentral"
	Label    string   `yaml:"label"`         // as shown: "Vårdcentral"; see [Kind.Shown]
	Synonyms []string `yaml:"synonyms"`      // more words the search finds it by
	Pos      yamldoc.Pos
	Keys     map[string]yamldoc.Pos
}

// Shown returns the label, or the name with a capital when there is none.
func (k Kind) Shown() string {
	if k.Label != "" {
		return k.Label
	}
	return UpperFirst(k.Name)
}

// Kinds is the site's list of kinds of care.
type Kinds []Kind

// Names returns the names, as the registries write them.
func (ks Kinds) Names() []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.Name
	}
	return out
}

// Find returns the kind named name (case does not matter).
func (ks Kinds) Find(name string) (Kind, bool) {
	for _, k := range ks {
		if strings.EqualFold(k.Name, strings.TrimSpace(name)) {
			return k, true
		}
	}
	return Kind{}, false
}

// CheckKinds reports kinds named twice, names that are not lowercase text,
// and two kinds that would get the same address, at their lines of file
// (site.yaml's kinds:, or the words file's when site.yaml names none).
func CheckKinds(file string, ks Kinds, errs *diag.List) {
	seen := map[string]Kind{}
	slugs := map[string]Kind{}
	for _, k := range ks {
		if k.Name == "" {
			continue // reported as empty
		}
		p := k.Keys["name"]
		low := strings.ToLower(strings.TrimSpace(k.Name))
		if low != k.Name {
			errs.At(file, p.Line, p.Col, ProgKindLower.With(k.Name)).
				Tip(HintProgKindLower.With(low))
		}
		if prev, ok := seen[low]; ok {
			errs.At(file, p.Line, p.Col, ProgKindTwice.With(k.Name, prev.Keys["name"].Line)).
				Tip(HintProgKindTwice.With())
			continue
		}
		seen[low] = k
		s := slug.Make(k.Name)
		if s == "" {
			errs.At(file, p.Line, p.Col, ProgKindNoLetters.With(k.Name)).Tip(HintProgKindNoLetters.With())
			continue
		}
		if prev, ok := slugs[s]; ok {
			errs.At(file, p.Line, p.Col, ProgKindSameAddress.With(k.Name, prev.Name, prev.Keys["name"].Line, s)).
				Tip(HintProgKindSameAddress.With())
			continue
		}
		slugs[s] = k
		for _, syn := range k.Synonyms {
			if strings.TrimSpace(syn) == "" {
				sp := k.Keys["synonyms"]
				errs.At(file, sp.Line, sp.Col, ProgSynonymEmpty.With(k.Name)).Tip(HintProgSynonymEmpty.With())
			}
		}
	}
}
