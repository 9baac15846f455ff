// Package search is the directory's search: how units are found by what
// patients type. The index is built here, in Go, at build time; the query
// runs in the browser (layouts/assets/directory.js). [Query] is the same
// query in Go, for tests: a parity test runs both on the same index and
// queries and requires the same answer, and the relevance suite
// (testdata/relevance) holds the algorithm to what patients expect.
//
// # Fields
//
// A unit is found by its name and former names (the name field) and by the
// other fields: its kind of care (the label and the kind's search words),
// its organisation, its kommun (typed with or without the word "kommun"),
// its address and postcode, and the optional keywords: of the registry.
//
// # Folding and words
//
// Text is folded as package slug's Fold does: lowercased, marks removed
// (å, ä → a, ö → o, é → e), every run of other characters one space.
// A folded text's words are its space-separated parts; in an address a
// postcode written "903 25" is also the word "90325".
//
// # The stemmer
//
// Stem is the Snowball Swedish algorithm (snowballstem.org, version 3)
// on folded words, with steps of our own around it, chosen by measuring
// on the relevance suites: before it, the endings of nouns made from verbs
// go (kostnad → kost, anmälningar → anmäl); after it, what Snowball leaves
// of definite forms (psykiatrin → psykiatri, anmälan → anmäl, boendet →
// boend, priset → pris). It is used on the query's words and on the
// index's words alike: "tandläkare" and "Tandläkarna" both become
// "tandlak", "anmäler", "anmäl" and "anmälan" all "anmal".
//
// # Matching a word
//
// The query is folded and split into words. Stop words (Index "stop":
// i, och, på, kommun, region, …) are dropped, unless the query has
// nothing else. The words are then read as spans: a run of words that is
// a synonym of several words ("youth clinic", "sexuell hälsa") is one
// span, any other word is a span of its own. Each span must match the
// unit, by its own words (each must match some word of the unit) or by
// one of the other members of its synonym groups (each of that member's
// words must match). A query word q matches an index word w
//
//   - by prefix: w starts with q ("vård" matches "vårdcentralen");
//   - by stem: Stem(w) starts with Stem(q) ("äldreboenden" matches
//     "äldreboendet", "psykiatrin" matches "Psykiatri"); a stem is never
//     shortened further, so "pris" does not match "privata";
//   - inside a compound: w is a head (Index "heads") followed by a rest,
//     and the rest, or its stem, starts with q, or with Stem(q) (at least
//     three letters): "tandvård" matches "folktandvården", "klinik"
//     matches "kvinnokliniken", but "habilitering" does not match
//     "rehabilitering", as "re" is no head;
//   - by misspelling, only when q matches no word of the index in any of
//     the ways above (whatever the other words match): the edit distance
//     (insertions, deletions, substitutions and swaps of two neighbouring
//     letters) between q and some start of w is at most 1 when q has 5
//     letters or more, at most 2 when it has 9 or more ("vårdcentarl"
//     matches "vårdcentralen", "skelefteå" matches "Skellefteå").
//
// # Synonyms
//
// Synonyms are groups (Index "syn"): every member of a group finds what
// every other member finds, so "mvc" finds mödravårdscentraler and
// "mödravårdscentralen" finds what "mvc" finds. A span is a member when
// its words are the member's words, each equal or of the same stem. The
// groups are [DefaultSynonyms] (unless the site's settings leave them
// out) and the site's own; groups with a member in common are one.
//
// # Heads
//
// The heads are where the index's words may be split: the starts of
// words (three letters or more, leaving three or more that start with a
// word of the same list, so both sides of the split are words) made of
// whole words
// of a small word list (ord.txt, kept here), the units' words, the kinds'
// and the synonyms' words and their stems, each part possibly with a
// linking s or another final vowel (ungdoms-, kvinno-, barnmorske-); and
// the starts of five letters or more that end in s after a consonant, as
// names do (anderstorps-).
//
// # Noise words
//
// Noise words (Index "noise": [NoiseWords] and the programme's own
// words) carry no meaning for finding a unit: filler (nära, mig, hur, man,
// sig, finns) and the programme's words (hbtq, hbtqi, diplomerad,
// certifierad). When no unit matches every span, the query is run again
// without its noise words (unless nothing else is left).
//
// # Ranking
//
// Every unit that matches every span has a class, and the results are in
// class order, then in the index's order (Swedish order of names):
//
//	0  the folded query is the folded name or a former name
//	1  the name starts with the folded query
//	2  every word matches the name by prefix
//	3  every word matches by prefix, some in another field
//	4  some word matches only by stem or inside a compound
//	5  some word matches only by misspelling
//
// # Partial matches
//
// When no unit matches every span, even without the noise words, and
// the query has two spans or more (at most 16), the units that match the
// most spans are shown: of the sets of spans units match, the largest; of
// equals, the one most units match; of equals, the one that keeps the
// earliest spans. The result says which words were left out (Result.Left,
// as typed), and the units are those that match the spans kept, ranked
// as above.
//
// # Suggestions
//
// When no unit matches every span, the first one-word span that matches
// no word of the index is compared with the candidates — the kommun labels, the kind labels and
// the words of the unit names, in that order — by whole-word edit
// distance, at most 1 for words of up to 4 letters, 2 for up to 8, else 3.
// The nearest candidate (the first of equals) is the suggestion ("Menade du Skellefteå?"), with the query that has the word
// replaced by it.
//
// # Filters
//
// The kommun, kind and org filters each keep the units whose value is one
// of those chosen (none chosen keeps all). For each option of each filter
// the query also counts the units that would be found with that option
// alone chosen in its group and the other groups as they are.
//
// # The index format
//
// The contract between [Build] and the script. One JSON object, compact,
// with <, > and & written as \u003c, \u003e and \u0026:
//
//	{"v":3,
//	 "stop":["i","och",…],
//	 "noise":["hbtq","nara","mig",…],
//	 "syn":[["vardcentral","vc","halsocentral"],["ungdomsmottagning","umo","youth clinic"],…],
//	 "heads":["barnmorske","folk","kvinno","ungdoms",…],
//	 "kommun":[["umea","Umeå"]],
//	 "kind":[["tandvard","Tandvård","tandläkare"]],
//	 "org":[["region-mittland","Region Mittland"]],
//	 "units":[[0,"Vårdcentralen Ersboda","Ersbodavägen 12, 906 20 Umeå",0,0,0]]}
//
// v is the format version, 3; a script that finds another version must not
// use the file. stop lists the stop words, noise the noise words; syn the
// synonym groups, each a list of folded members; heads the heads, in byte
// order. kommun, kind and org are lookup tables of
// [slug, label], in Swedish order of the labels; a kind may have a third
// member, its search words. units holds one array per unit, in the order
// the directory lists them, with six to eight members:
//
//	0  id        the unit's id (its page is /verksamheter/<id>/), or 0 when
//	             it is the slug of the name
//	1  name      the name to show
//	2  address   the address to show, may be ""
//	3  kommun    index into the kommun table
//	4  kind      index into the kind table
//	5  org       index into the org table
//	6  former    the former names, an array; 0 or left out when none
//	7  keywords  the keywords, an array; left out when none
//
// Names and addresses are as written: the script inserts them as text,
// never as HTML.
//
// # The site search
//
// The site search (the form "Sök på webbplatsen" in every page's header,
// answered on /sok/) finds pages by their title, description, headings and
// text, and units by the directory's index and query above. Pages are
// matched with the same folding, stop words, spans, synonym groups, noise
// words, stemmer, partial matches and misspellings as units, but not
// inside compounds, and with one limit of the split index: a misspelt word
// matches only index words that start with the same two letters.
//
// Each page field has a weight: title 16, headings 8, description 4,
// text 2, added up over the fields a word is in; the words of the page's
// address count as a heading's ("/oppna-data/" is found by "öppna
// data"). A query word matches an index word equal to it (factor 4),
// starting with it (3), by stem (2) or by misspelling (1, only when
// nothing else matches); its score on a page is the best weight × factor
// of the words it matches there. A span's score is the best of its
// alternatives' (an alternative's is the least of its words'; another
// member of a synonym group counts half). A page must match every span
// but the noise words (pages are full of filler, so noise words never
// narrow a page search: a page that has one adds its score); when no page
// does, the spans fewest pages have are left out as for units, and the
// first word no page has gets a suggestion: the nearest word of the
// pages' titles and descriptions, lowercased, by the limits of the
// directory's suggestions ("prsi" → "Menade du pris?"). Pages are in
// order of the sum of their spans' scores, then in Swedish order of
// titles.
//
// # The page index format
//
// The page index is split so that a query fetches only what it needs,
// like Pagefind. /sok/index.json (a fixed name: the search page names it)
// holds the pages and the list of shards:
//
//	{"v":2,"stop":[…],"noise":[…],"syn":[…],
//	 "pages":[["/om/pris/","Pris och villkor","Vad diplomeringen kostar."]],
//	 "shards":[["a","/assets/sok/a.1b2c3d4e.json"],["ha","/assets/sok/ha.5f6a7b8c.json"]]}
//
// pages are in Swedish order of titles: address, title, description.
// Every index word belongs to the shard whose key is the greatest key not
// after the word's first two letters; a query word of one letter finds
// only that word, and needs only the shard of its key. A
// shard, named by its hash, is
//
//	{"v":2,"terms":{"pris":[0,9,3,1]}}
//
// each word with its postings: pairs of page (as the difference from the
// previous pair's page, the first from 0) and the fields the word is in
// (1 title, 2 headings, 4 description, 8 text).
//
// # Results per heading
//
// A page's fragment file (FragmentPath: /sok/f/om/pris.json for
// /om/pris/, made from the address by the script, so the main file names
// none) holds its text by heading, as Pagefind's fragments do: the text before the first heading,
// then each heading h2–h6 with its id and the text under it:
//
//	{"v":1,"s":[["","","Diplomeringen kostar …"],["omdiplomering","Omdiplomering","Efter fyra år …"]]}
//
// The search page fetches the fragments of the first five results only.
// A section is found where its words are looked for (a query word or a
// synonym's, equal, as a start or by stem, not misspelt): a result shows
// the excerpt of its section with the most such words (about twelve words
// either side of the first, the words looked for in <mark>), and up to
// three of its headings with such words, each linked to its #id with its
// own excerpt. The excerpts are made with DOM APIs: a page's text is
// never inserted as HTML.
package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/slug"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// Version is the index format version, the index's "v".
const Version = 3

// Value is a kommun, kind of care or organisation: its slug, as used in
// addresses and the query string, and its label. Words are further words
// that find it (a kind's search synonyms), written as a person would.
type Value struct {
	Slug  string
	Label string
	Words []string
}

// Entry is what the index holds of one unit. Nothing else of a unit may go
// into it: the index is public.
type Entry struct {
	ID       string // the unit's id: its page is /verksamheter/<ID>/
	Name     string
	Address  string
	Kommun   Value
	Kind     Value
	Org      Value
	Former   []string // former names: a search for one finds the unit
	Keywords []string // the registry's keywords
}

// Fold returns s as the index folds it for matching (see the package
// comment): "Vårdcentral Östra, Umeå" → "vardcentral ostra umea".
func Fold(s string) string { return slug.Fold(s) }

// Build returns the index of entries, which must be in the order the
// directory lists them, with the synonyms of s. It reports entries without
// an id or name, ids that occur twice and values that have a label but no
// slug.
func Build(entries []Entry, s Settings) ([]byte, error) {
	var tables [3]table
	rows := make([][]any, len(entries))
	seen := make(map[string]bool, len(entries))
	for i, e := range entries {
		if e.ID == "" || e.Name == "" {
			return nil, fmt.Errorf("search: entry %d has no id or no name", i)
		}
		if seen[e.ID] {
			return nil, fmt.Errorf("search: the id %q occurs twice", e.ID)
		}
		seen[e.ID] = true
		for j, v := range []Value{e.Kommun, e.Kind, e.Org} {
			if v.Slug == "" {
				return nil, fmt.Errorf("search: %s has an empty %s slug", e.ID, tableNames[j])
			}
			if err := tables[j].add(v); err != nil {
				return nil, fmt.Errorf("search: %s: %w", e.ID, err)
			}
		}
	}
	for j := range tables {
		tables[j].sort()
	}
	for i, e := range entries {
		var id any = e.ID
		if slug.Make(e.Name) == e.ID {
			id = 0
		}
		row := []any{id, e.Name, e.Address,
			tables[0].index[e.Kommun.Slug], tables[1].index[e.Kind.Slug], tables[2].index[e.Org.Slug]}
		switch {
		case len(e.Keywords) > 0 && len(e.Former) == 0:
			row = append(row, 0, e.Keywords)
		case len(e.Keywords) > 0:
			row = append(row, e.Former, e.Keywords)
		case len(e.Former) > 0:
			row = append(row, e.Former)
		}
		rows[i] = row
	}
	groups := s.groups()
	var texts []string
	for _, e := range entries {
		texts = append(texts, e.Name, e.Address)
		texts = append(texts, e.Former...)
		texts = append(texts, e.Keywords...)
	}
	for j := range tables {
		for _, v := range tables[j].values {
			texts = append(texts, v.Label)
			texts = append(texts, v.Words...)
		}
	}
	idx := struct {
		V      int        `json:"v"`
		Stop   []string   `json:"stop"`
		Noise  []string   `json:"noise"`
		Syn    [][]string `json:"syn"`
		Heads  []string   `json:"heads"`
		Kommun [][]string `json:"kommun"`
		Kind   [][]string `json:"kind"`
		Org    [][]string `json:"org"`
		Units  [][]any    `json:"units"`
	}{Version, StopWords, s.noise(), groups, heads(texts, groups), tables[0].rows(), tables[1].rows(), tables[2].rows(), rows}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // escapes <, > and & for us
	if err := enc.Encode(idx); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

var tableNames = [3]string{"kommun", "kind", "org"}

// table interns the values of one kind.
type table struct {
	values []Value
	index  map[string]int // slug → position after sort
}

func (t *table) add(v Value) error {
	if t.index == nil {
		t.index = map[string]int{}
	}
	if i, ok := t.index[v.Slug]; ok {
		if t.values[i].Label != v.Label {
			return fmt.Errorf("the slug %q stands for both %q and %q", v.Slug, t.values[i].Label, v.Label)
		}
		return nil
	}
	t.index[v.Slug] = len(t.values)
	t.values = append(t.values, v)
	return nil
}

func (t *table) sort() {
	sort.SliceStable(t.values, func(i, j int) bool {
		if d := swedish.Compare(t.values[i].Label, t.values[j].Label); d != 0 {
			return d < 0
		}
		return t.values[i].Slug < t.values[j].Slug
	})
	for i, v := range t.values {
		t.index[v.Slug] = i
	}
}

func (t *table) rows() [][]string {
	out := make([][]string, len(t.values))
	for i, v := range t.values {
		out[i] = []string{v.Slug, v.Label}
		if len(v.Words) > 0 {
			out[i] = append(out[i], strings.Join(v.Words, " "))
		}
	}
	return out
}
