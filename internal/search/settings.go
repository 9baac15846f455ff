package search

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// StopWords are the words that do not narrow a search: "vårdcentralen i
// umeå" finds what "vårdcentralen umeå" finds. Folded.
var StopWords = []string{"i", "och", "pa", "for", "av", "med", "vid", "en", "ett", "den", "det", "kommun", "kommunen", "region", "regionen"}

// DefaultSynonyms are the synonyms and abbreviations every site has: a
// key typed in a search also finds what its expansions find. A site adds
// its own in site.yaml (see [Settings]).
var DefaultSynonyms = []Synonym{
	{"vc", []string{"vårdcentral"}},
	{"hc", []string{"vårdcentral", "hälsocentral"}},
	{"hälsocentral", []string{"vårdcentral"}},
	{"vårdcentral", []string{"hälsocentral"}},
	{"umo", []string{"ungdomsmottagning"}},
	{"bup", []string{"barn- och ungdomspsykiatri", "barnpsykiatri"}},
	{"bvc", []string{"barnavårdscentral"}},
	{"mvc", []string{"mödravårdscentral", "barnmorskemottagning"}},
	{"tandläkare", []string{"tandvård"}},
	{"tandvård", []string{"tandläkare"}},
	{"sjukhus", []string{"sjukhusavdelning", "lasarett"}},
	{"lasarett", []string{"sjukhus"}},
	{"psykolog", []string{"psykiatri"}},
	{"skolsköterska", []string{"elevhälsa"}},
	{"skolhälsovård", []string{"elevhälsa"}},
	{"äldrevård", []string{"äldreomsorg"}},
}

// Synonym is a word and what it also finds.
type Synonym struct {
	Key       string
	Expansion []string
}

// Settings are a site's search settings, the search: block of site.yaml:
//
//	search:
//	  synonyms:
//	    vc: [vårdcentral]
//	    hjärtmottagning: [kardiologi, hjärtklinik]
//
// Each synonym is one word and a list of what it also finds (a single
// text is a list of one); it adds to [DefaultSynonyms]. The zero value is
// the defaults alone.
type Settings struct {
	Synonyms []Synonym

	problems diag.List
}

// UnmarshalYAML reads the search: block; what is wrong is kept for
// [Settings.Problems], each at its line.
func (s *Settings) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		if n.Tag == "!!null" {
			return nil
		}
		return msg.SearchNotMapping.With()
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Value != "synonyms" {
			s.problem(k, msg.SearchUnknownKey.With(k.Value)).Tip(msg.HintSearchUnknownKey.With())
			continue
		}
		if v.Kind != yaml.MappingNode {
			if v.Tag != "!!null" {
				s.problem(v, msg.SearchSynonymsNotMapping.With()).Tip(msg.HintSearchSynonymExample.With())
			}
			continue
		}
		seen := map[string]bool{}
		for j := 0; j+1 < len(v.Content); j += 2 {
			key, list := v.Content[j], v.Content[j+1]
			f := Fold(key.Value)
			switch {
			case f == "":
				s.problem(key, msg.SearchSynonymNoWord.With()).Tip(msg.HintSearchSynonymExample.With())
				continue
			case strings.Contains(f, " "):
				s.problem(key, msg.SearchSynonymWords.With(key.Value)).Tip(msg.HintSearchSynonymWords.With())
				continue
			case seen[f]:
				s.problem(key, msg.SearchSynonymTwice.With(key.Value)).Tip(msg.HintSearchSynonymTwice.With())
				continue
			}
			seen[f] = true
			var exp []string
			items := []*yaml.Node{list}
			if list.Kind == yaml.SequenceNode {
				items = list.Content
			}
			bad := false
			for _, it := range items {
				if it.Kind != yaml.ScalarNode || Fold(it.Value) == "" {
					s.problem(it, msg.SearchSynonymItem.With(key.Value)).Tip(msg.HintSearchSynonymExample.With())
					bad = true
					continue
				}
				exp = append(exp, it.Value)
			}
			if !bad && len(exp) == 0 {
				s.problem(key, msg.SearchSynonymEmpty.With(key.Value)).Tip(msg.HintSearchSynonymEmpty.With(key.Value))
				continue
			}
			if !bad {
				s.Synonyms = append(s.Synonyms, Synonym{key.Value, exp})
			}
		}
	}
	return nil
}

func (s *Settings) problem(n *yaml.Node, m msg.Message) *diag.Error {
	return s.problems.At("", n.Line, n.Column, m)
}

// Problems returns what is wrong with the search: block, at path (the
// settings file), with lineOffset added to each line.
func (s *Settings) Problems(path string, lineOffset int) diag.List {
	var out diag.List
	for _, e := range s.problems {
		c := *e
		c.Path = path
		c.Line += lineOffset
		out = append(out, &c)
	}
	return out
}

// synonym is one synonym as the index holds it: folded.
type synonym struct {
	key string
	exp []string
}

// synonyms returns the defaults and the site's own, folded: a site's key
// that is also a default's adds to it.
func (s Settings) synonyms() []synonym {
	var out []synonym
	at := map[string]int{}
	for _, l := range [][]Synonym{DefaultSynonyms, s.Synonyms} {
		for _, sy := range l {
			k := Fold(sy.Key)
			i, ok := at[k]
			if !ok {
				i = len(out)
				at[k] = i
				out = append(out, synonym{key: k})
			}
			for _, e := range sy.Expansion {
				f := Fold(e)
				if !contains(out[i].exp, f) {
					out[i].exp = append(out[i].exp, f)
				}
			}
		}
	}
	return out
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
