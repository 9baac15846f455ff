package search

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// StopWords are the words that do not narrow a search: "vårdcentralen i
// umeå" finds what "vårdcentralen umeå" finds. Folded.
var StopWords = []string{"i", "och", "pa", "for", "av", "med", "vid", "en", "ett", "den", "det", "kommun", "kommunen", "region", "regionen"}

// NoiseWords are words that carry no meaning for finding a unit or page
// (filler a patient types, and the programme's own words, which every
// unit has): a query that finds nothing with them is run without them.
// Folded. A site's programme word (hbtq, hbtqi) is added by the
// directory (see [Settings]).
var NoiseWords = strings.Fields("hbtq hbtqi lgbt lgbtq lgbtqi diplomerad diplomerade diplomering certifierad certifierade certifiering nara mig mej hur man sig finns jag min mitt mina vill kan var vara vad vilken vilka vilket som ar har maste ska skall behover hitta hittar soker soka sok nagon nagot nagra near me my find certified")

// DefaultSynonyms are the synonym groups every site has, unless its
// settings say default_synonyms: false: the everyday words, abbreviations
// and English words for the default kinds of care. Every member of a
// group finds what every other member finds (see docs/search.md).
var DefaultSynonyms = []Synonym{
	{"vårdcentral", []string{"vc", "hälsocentral", "hc", "husläkare", "närhälsan", "health centre", "health center", "primary care", "gp"}},
	{"ungdomsmottagning", []string{"umo", "youth clinic", "youth centre"}},
	{"barn- och ungdomspsykiatri", []string{"bup", "barnpsykiatri", "child psychiatry"}},
	{"barnavårdscentral", []string{"bvc", "child health centre", "child health clinic"}},
	{"barnmorskemottagning", []string{"mvc", "mödravårdscentral", "mödravård", "barnmorska", "midwife", "maternity clinic", "antenatal clinic"}},
	{"tandvård", []string{"tandläkare", "tandklinik", "tandhygienist", "dentist", "dental care", "dental clinic"}},
	{"sjukhus", []string{"lasarett", "sjukhusavdelning", "hospital", "ward"}},
	{"psykiatri", []string{"psykiatrisk mottagning", "psykolog", "psychiatry", "mental health", "psykisk hälsa"}},
	{"elevhälsa", []string{"skolsköterska", "skolhälsovård", "skolkurator", "skolläkare", "school nurse", "school health"}},
	{"studenthälsa", []string{"studenthälsovård", "student health"}},
	{"äldreomsorg", []string{"äldrevård", "äldreboende", "äldreboenden", "elderly care", "nursing home", "care home"}},
	{"rehabilitering", []string{"rehab", "sjukgymnast", "sjukgymnastik", "fysioterapi", "fysioterapeut", "arbetsterapeut", "physiotherapy", "physiotherapist", "rehabilitation"}},
	{"habilitering", []string{"habilitation"}},
	{"specialistmottagning", []string{"specialistvård", "specialist clinic", "outpatient clinic"}},
	{"infektionsmottagning", []string{"infektionsklinik", "infectious diseases"}},
	{"kvinnoklinik", []string{"kvinnosjukvård", "gynekologi", "gynekolog", "gynaecology", "gynecology"}},
	{"hudmottagning", []string{"hudklinik", "hudläkare", "dermatologi", "dermatology"}},
	{"sexuell hälsa", []string{"sexual health"}},
	{"hemtjänst", []string{"home care", "home help"}},
	{"personalavdelning", []string{"hr", "human resources"}},
	{"akutmottagning", []string{"akuten", "emergency"}},
	// The programme's own pages.
	{"pris", []string{"kostnad", "kosta", "avgift", "price", "cost", "fee"}},
	{"gratis", []string{"avgiftsfri", "kostnadsfri", "free of charge"}},
	{"anmälan", []string{"registrering", "registration", "sign up"}},
	{"e-post", []string{"epost", "mejl", "mail", "email", "e-mail"}},
	{"telefon", []string{"ringa", "ring", "phone"}},
	{"vanliga frågor", []string{"faq", "frågor och svar"}},
	{"öppna data", []string{"open data"}},
	{"tillgänglighet", []string{"accessibility"}},
	{"catch up", []string{"nyanställd", "ny personal", "ny medarbetare", "new staff"}},
	{"seminarium", []string{"webbinarium", "seminar", "webinar"}},
	{"handlingsplan", []string{"action plan"}},
	{"utvärdering", []string{"evaluation"}},
}

// Synonym is one synonym group: its first member and the others.
type Synonym struct {
	Key       string
	Expansion []string
}

// Settings are a site's search settings, the search: block of site.yaml:
//
//	search:
//	  synonyms:                       # groups: each member finds what the others find
//	    - [vc, vårdcentral, hälsocentral]
//	    - [youth clinic, ungdomsmottagning]
//	  default_synonyms: false         # the engine's groups are not used
//
// A group is a list of two or more members, each a word or words; it adds
// to [DefaultSynonyms] (groups with a member in common become one). The
// older form, a word with what it also finds (vc: [vårdcentral]), is one
// group too. The zero value is the defaults alone.
type Settings struct {
	Synonyms   []Synonym
	NoDefaults bool     // default_synonyms: false
	Noise      []string // more noise words: the programme's own (hbtq, hbtqi-diplomerad)

	problems diag.List
}

// UnmarshalYAML reads the search: block; what is wrong is kept for
// [Settings.Problems], each at its line.
func (s *Settings) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		if n.Tag == "!!null" {
			return nil
		}
		return SearchNotMapping.With()
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "synonyms":
			s.synonymsYAML(v)
		case "default_synonyms":
			var b bool
			if v.Kind != yaml.ScalarNode || v.Decode(&b) != nil {
				s.problem(v, SearchDefaultsNotBool.With()).Tip(HintSearchDefaultsNotBool.With())
				continue
			}
			s.NoDefaults = !b
		default:
			s.problem(k, SearchUnknownKey.With(k.Value)).Tip(HintSearchUnknownKey.With())
		}
	}
	return nil
}

// synonymsYAML reads synonyms: a list of groups, or the older mapping.
func (s *Settings) synonymsYAML(v *yaml.Node) {
	switch v.Kind {
	case yaml.SequenceNode:
		for _, g := range v.Content {
			if g.Kind != yaml.SequenceNode {
				s.problem(g, SearchGroupNotList.With()).Tip(HintSearchGroupExample.With())
				continue
			}
			var members []string
			bad := false
			for _, it := range g.Content {
				if it.Kind != yaml.ScalarNode || Fold(it.Value) == "" {
					s.problem(it, SearchGroupItem.With()).Tip(HintSearchGroupExample.With())
					bad = true
					continue
				}
				members = append(members, it.Value)
			}
			if bad {
				continue
			}
			if len(members) < 2 {
				s.problem(g, SearchGroupSmall.With()).Tip(HintSearchGroupExample.With())
				continue
			}
			s.Synonyms = append(s.Synonyms, Synonym{members[0], members[1:]})
		}
		return
	case yaml.MappingNode:
	default:
		if v.Tag != "!!null" {
			s.problem(v, SearchSynonymsNotMapping.With()).Tip(HintSearchGroupExample.With())
		}
		return
	}
	seen := map[string]bool{}
	for j := 0; j+1 < len(v.Content); j += 2 {
		key, list := v.Content[j], v.Content[j+1]
		f := Fold(key.Value)
		switch {
		case f == "":
			s.problem(key, SearchSynonymNoWord.With()).Tip(HintSearchSynonymExample.With())
			continue
		case seen[f]:
			s.problem(key, SearchSynonymTwice.With(key.Value)).Tip(HintSearchSynonymTwice.With())
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
				s.problem(it, SearchSynonymItem.With(key.Value)).Tip(HintSearchSynonymExample.With())
				bad = true
				continue
			}
			exp = append(exp, it.Value)
		}
		if !bad && len(exp) == 0 {
			s.problem(key, SearchSynonymEmpty.With(key.Value)).Tip(HintSearchSynonymEmpty.With(key.Value))
			continue
		}
		if !bad {
			s.Synonyms = append(s.Synonyms, Synonym{key.Value, exp})
		}
	}
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

// groups returns the synonym groups the index holds: the defaults (unless
// left out) and the site's own, folded, with groups that share a member
// made one, in the order their first members came.
func (s Settings) groups() [][]string {
	var out [][]string
	at := map[string]int{} // member → group
	lists := [][]Synonym{DefaultSynonyms, s.Synonyms}
	if s.NoDefaults {
		lists = lists[1:]
	}
	for _, l := range lists {
		for _, sy := range l {
			var ms []string
			for _, m := range append([]string{sy.Key}, sy.Expansion...) {
				if f := Fold(m); f != "" && !contains(ms, f) {
					ms = append(ms, f)
				}
			}
			// The groups these members are in already, merged into the first.
			into := -1
			for _, m := range ms {
				g, ok := at[m]
				if !ok || g == into {
					continue
				}
				if into < 0 {
					into = g
					continue
				}
				for _, x := range out[g] {
					if !contains(out[into], x) {
						out[into] = append(out[into], x)
					}
					at[x] = into
				}
				out[g] = nil
			}
			if into < 0 {
				into = len(out)
				out = append(out, nil)
			}
			for _, m := range ms {
				if !contains(out[into], m) {
					out[into] = append(out[into], m)
				}
				at[m] = into
			}
		}
	}
	var kept [][]string
	for _, g := range out {
		if len(g) > 1 {
			kept = append(kept, g)
		}
	}
	return kept
}

// noise returns the noise words the index holds, folded.
func (s Settings) noise() []string {
	out := slices.Clone(NoiseWords)
	for _, n := range s.Noise {
		for _, w := range Words(n, false) {
			if !contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}

func contains(l []string, s string) bool {
	return slices.Contains(l, s)
}
