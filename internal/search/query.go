package search

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/slug"
)

// Match tiers of one query word against one index word (see Matching a
// word in the package comment). Lower is better; none is no match.
const (
	tierPrefix = 1
	tierStem   = 2
	tierFuzzy  = 3
	tierNone   = 9
)

// Classes of a result (see Ranking).
const (
	ClassExact    = 0
	ClassNameHead = 1
	ClassName     = 2
	ClassField    = 3
	ClassStem     = 4
	ClassFuzzy    = 5
)

// Words returns the words of s, folded; with postcode set, "903 25" also
// gives "90325".
func Words(s string, postcode bool) []string {
	ws := strings.Fields(Fold(s))
	if postcode {
		n := len(ws)
		for i := 0; i+1 < n; i++ {
			if len(ws[i]) == 3 && len(ws[i+1]) == 2 && digits(ws[i]) && digits(ws[i+1]) {
				ws = append(ws, ws[i]+ws[i+1])
			}
		}
	}
	return ws
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Distance returns the edit distance between a and b (optimal string
// alignment: insertions, deletions, substitutions and swaps of two
// neighbouring letters), in bytes of folded words. With prefix set it is
// the least distance between a and any start of b of at least one letter.
func Distance(a, b string, prefix bool) int {
	n, m := len(a), len(b)
	prev2 := make([]int, m+1)
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	for j := 0; j <= m; j++ {
		prev[j] = j
	}
	for i := 1; i <= n; i++ {
		cur[0] = i
		for j := 1; j <= m; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if !prefix {
		return prev[m]
	}
	best := prev[m]
	for j := 1; j < m; j++ {
		best = min(best, prev[j])
	}
	return best
}

// allowed returns how many edits a query word of n letters may have.
func allowed(n int) int {
	switch {
	case n >= 9:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}

// Index is a parsed index, ready for queries.
type Index struct {
	Tables [3][][2]string // kommun, kind, org: slug and label
	Units  []Unit
	lex    lexicon
	heads  map[string]bool // where compounds may be split
	terms  []string        // every word of the index, once
	stems  []string        // Stem of each term
	termAt map[string]int  // term → position in terms
	splits []split         // the terms' compound splits
	cands  []candidate     // suggestion candidates
}

// split is a term that is a compound: the part after a head, and its stem.
type split struct {
	term       int
	rest, stem string
}

// Unit is one unit of an index.
type Unit struct {
	ID, Name, Address string
	Values            [3]int   // kommun, kind, org: positions in the tables
	Former            []string // former names
	name, other       []int    // term positions of the name field and the other fields
	folded            []string // the folded name and former names
}

type candidate struct{ fold, label string }

// Parse reads an index made by [Build] and prepares it for queries as the
// script's prepare does.
func Parse(data []byte) (*Index, error) {
	var raw struct {
		V      int
		Stop   []string
		Noise  []string
		Syn    [][]string
		Heads  []string
		Kommun [][]string
		Kind   [][]string
		Org    [][]string
		Units  [][]json.RawMessage
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	if raw.V != Version {
		return nil, fmt.Errorf("search: index version %d, want %d", raw.V, Version)
	}
	x := &Index{lex: newLexicon(raw.Stop, raw.Noise, raw.Syn), termAt: map[string]int{}, heads: map[string]bool{}}
	for _, h := range raw.Heads {
		x.heads[h] = true
	}
	for j, t := range [][][]string{raw.Kommun, raw.Kind, raw.Org} {
		x.Tables[j] = make([][2]string, len(t))
		for i, r := range t {
			x.Tables[j][i] = [2]string{r[0], r[1]}
		}
	}
	valueTerms := [3][][]int{}
	for j := range x.Tables {
		valueTerms[j] = make([][]int, len(x.Tables[j]))
		rows := [][][]string{raw.Kommun, raw.Kind, raw.Org}[j]
		for i, r := range rows {
			text := r[1]
			if len(r) > 2 {
				text += " " + r[2]
			}
			valueTerms[j][i] = x.add(Words(text, false))
		}
	}
	for _, r := range raw.Units {
		var u Unit
		var id any
		json.Unmarshal(r[0], &id)
		json.Unmarshal(r[1], &u.Name)
		json.Unmarshal(r[2], &u.Address)
		for j := 0; j < 3; j++ {
			json.Unmarshal(r[3+j], &u.Values[j])
		}
		if s, ok := id.(string); ok {
			u.ID = s
		} else {
			u.ID = slug.Make(u.Name)
		}
		var keywords []string
		if len(r) > 6 {
			json.Unmarshal(r[6], &u.Former) // 0 leaves it nil
		}
		if len(r) > 7 {
			json.Unmarshal(r[7], &keywords)
		}
		u.folded = []string{Fold(u.Name)}
		u.name = x.add(Words(u.Name, false))
		for _, f := range u.Former {
			u.folded = append(u.folded, Fold(f))
			u.name = append(u.name, x.add(Words(f, false))...)
		}
		u.other = x.add(Words(u.Address, true))
		for _, k := range keywords {
			u.other = append(u.other, x.add(Words(k, false))...)
		}
		for j := 0; j < 3; j++ {
			u.other = append(u.other, valueTerms[j][u.Values[j]]...)
		}
		x.Units = append(x.Units, u)
	}
	for i, t := range x.terms {
		for p := minPart; p+minPart <= len(t); p++ {
			if x.heads[t[:p]] {
				x.splits = append(x.splits, split{i, t[p:], Stem(t[p:])})
			}
		}
	}
	// Suggestion candidates: kommun labels, kind labels, words of names.
	seen := map[string]bool{}
	addCand := func(label string) {
		f := Fold(label)
		if f == "" || seen[f] {
			return
		}
		seen[f] = true
		x.cands = append(x.cands, candidate{f, label})
	}
	for _, t := range x.Tables[0] {
		addCand(t[1])
	}
	for _, t := range x.Tables[1] {
		addCand(t[1])
	}
	for _, u := range x.Units {
		for _, w := range strings.Fields(u.Name) {
			addCand(strings.Trim(w, trimSet))
		}
	}
	return x, nil
}

// minPart is the least length of either part of a compound split.
const minPart = 3

// trimSet is what is cut from either end of a name's word to make a
// suggestion: "(Umeå)," → "Umeå".
const trimSet = ".,;:!?()[]\"'«»”“-–—/"

// add interns words as terms and returns their positions.
func (x *Index) add(ws []string) []int {
	out := make([]int, 0, len(ws))
	for _, w := range ws {
		i, ok := x.termAt[w]
		if !ok {
			i = len(x.terms)
			x.termAt[w] = i
			x.terms = append(x.terms, w)
			x.stems = append(x.stems, Stem(w))
		}
		out = append(out, i)
	}
	return out
}

// State is what the directory's form holds: the text and the chosen
// values of each filter, by slug.
type State struct {
	Q      string
	Kommun []string
	Kind   []string
	Org    []string
}

// Result is the answer to a query.
type Result struct {
	Hits       []int    // positions in Units, best first
	Classes    []int    // the class of each hit
	Counts     [3][]int // per filter option, as Filters in the package comment says
	Suggestion string   // the label to suggest, "" when none
	Suggested  string   // the query with the suggestion in it
	Left       []string // the words left out, as typed, when no unit has them all
}

// alt is one way a span can match: one or more words that must all match.
type alt [][]int // per word, the tier of each term

// Query runs st over the index, as the script's filter does.
func (x *Index) Query(st State) Result {
	spans := x.lex.plan(st.Q)
	phrase := Fold(st.Q)
	// Per span, its alternatives; per alternative word, a tier per term.
	alts := make([][]alt, len(spans))
	unmatched := make([]bool, len(spans))
	for i, s := range spans {
		var own alt
		found := true
		for _, w := range s.words {
			tiers, f := x.tiers(w, true)
			own = append(own, tiers)
			found = found && f
		}
		unmatched[i] = !found
		alts[i] = []alt{own}
		for _, m := range s.alts {
			var a alt
			for _, w := range m {
				tiers, _ := x.tiers(w, false)
				a = append(a, tiers)
			}
			alts[i] = append(alts[i], a)
		}
	}
	chosen := [3]map[string]bool{}
	for j, vals := range [][]string{st.Kommun, st.Kind, st.Org} {
		if len(vals) == 0 {
			continue
		}
		chosen[j] = map[string]bool{}
		for _, v := range vals {
			chosen[j][v] = true
		}
	}
	res := x.run(alts, chosen, phrase)
	if len(res.Hits) > 0 {
		return res
	}
	// Nothing has every span: suggest for the first word nothing matches,
	// then leave out the noise words, then the spans fewest units have.
	var sugg, suggested string
	for i, s := range spans {
		if unmatched[i] && len(s.words) == 1 {
			sugg, suggested = x.suggest(s.words[0], st.Q)
			break
		}
	}
	keep := make([]int, 0, len(spans))
	for i, s := range spans {
		if !s.noise {
			keep = append(keep, i)
		}
	}
	if len(keep) > 0 && len(keep) < len(spans) {
		res = x.run(pick(alts, keep), chosen, "")
	}
	if len(res.Hits) == 0 && len(keep) > 1 && len(keep) <= maxPartial {
		masks := x.masks(pick(alts, keep), chosen)
		var places uint32
		for b, i := range keep {
			if x.place(alts[i]) {
				places |= 1 << b
			}
		}
		if m := partial(masks, len(keep), places); m != 0 {
			var in []int
			for b, i := range keep {
				if m&(1<<b) != 0 {
					in = append(in, i)
				} else {
					res.Left = append(res.Left, spans[i].text)
				}
			}
			left := res.Left
			res = x.run(pick(alts, in), chosen, "")
			res.Left = left
		}
	}
	res.Suggestion, res.Suggested = sugg, suggested
	return res
}

// place reports whether a span's own words all match a kommun's label.
func (x *Index) place(as []alt) bool {
	for _, tiers := range as[0] {
		hit := false
		for _, u := range x.Units {
			for _, t := range x.add(Words(x.Tables[0][u.Values[0]][1], false)) {
				hit = hit || tiers[t] < tierNone
			}
			if hit {
				break
			}
		}
		if !hit {
			return false
		}
	}
	return true
}

// maxPartial is the most spans a query may have for its partial matches
// to be looked for.
const maxPartial = 16

func pick(alts [][]alt, at []int) [][]alt {
	out := make([][]alt, len(at))
	for k, i := range at {
		out[k] = alts[i]
	}
	return out
}

// run returns the units that match every span's alternatives and the
// filters, with their classes and the filters' counts.
func (x *Index) run(alts [][]alt, chosen [3]map[string]bool, phrase string) Result {
	var res Result
	for j := range res.Counts {
		res.Counts[j] = make([]int, len(x.Tables[j]))
	}
	var byClass [6][]int
	for ui := range x.Units {
		u := &x.Units[ui]
		var ok [3]bool
		fails := 0
		for j := 0; j < 3; j++ {
			ok[j] = chosen[j] == nil || chosen[j][x.Tables[j][u.Values[j]][0]]
			if !ok[j] {
				fails++
			}
		}
		if fails > 1 {
			continue
		}
		class := x.class(u, alts, phrase)
		if class < 0 {
			continue
		}
		if ok[1] && ok[2] {
			res.Counts[0][u.Values[0]]++
		}
		if ok[0] && ok[2] {
			res.Counts[1][u.Values[1]]++
		}
		if ok[0] && ok[1] {
			res.Counts[2][u.Values[2]]++
		}
		if fails == 0 {
			byClass[class] = append(byClass[class], ui)
		}
	}
	for c, l := range byClass {
		res.Hits = append(res.Hits, l...)
		for range l {
			res.Classes = append(res.Classes, c)
		}
	}
	return res
}

// masks returns, for each unit that passes the filters, the spans it
// matches (bit i for span i).
func (x *Index) masks(alts [][]alt, chosen [3]map[string]bool) []uint32 {
	var out []uint32
	for ui := range x.Units {
		u := &x.Units[ui]
		pass := true
		for j := 0; j < 3; j++ {
			pass = pass && (chosen[j] == nil || chosen[j][x.Tables[j][u.Values[j]][0]])
		}
		if !pass {
			continue
		}
		var m uint32
		for i := range alts {
			if spanClass(u, alts[i]) <= ClassFuzzy {
				m |= 1 << i
			}
		}
		out = append(out, m)
	}
	return out
}

// tiers returns the tier of w against every term, and whether some term
// matches it other than by misspelling. With fuzzy set, a word that
// matches no term otherwise is matched by misspelling.
func (x *Index) tiers(w string, fuzzy bool) ([]int, bool) {
	out := make([]int, len(x.terms))
	sw := Stem(w)
	found := false
	for i, t := range x.terms {
		tier := tierNone
		switch {
		case strings.HasPrefix(t, w):
			tier = tierPrefix
		case stemMatch(x.stems[i], sw):
			tier = tierStem
		}
		if tier != tierNone {
			found = true
		}
		out[i] = tier
	}
	if len(sw) >= minPart {
		for _, s := range x.splits {
			if strings.HasPrefix(s.rest, w) || stemMatch(s.stem, sw) {
				out[s.term] = min(out[s.term], tierStem)
				found = true
			}
		}
	}
	if found || !fuzzy {
		return out, found
	}
	k := allowed(len(w))
	if k == 0 {
		return out, false
	}
	for i, t := range x.terms {
		if len(t)+k >= len(w) && Distance(w, t, true) <= k {
			out[i] = tierFuzzy
		}
	}
	return out, false
}

// class returns the class of u for the query, or -1 when a span does not
// match.
func (x *Index) class(u *Unit, alts [][]alt, phrase string) int {
	worst := ClassName
	for i := range alts {
		best := spanClass(u, alts[i])
		if best > ClassFuzzy {
			return -1
		}
		worst = max(worst, best)
	}
	if worst == ClassName && phrase != "" {
		for _, f := range u.folded {
			if f == phrase {
				return ClassExact
			}
		}
		if strings.HasPrefix(u.folded[0], phrase) {
			return ClassNameHead
		}
	}
	return worst
}

// spanClass returns the best class a span's alternatives give u.
func spanClass(u *Unit, as []alt) int {
	best := tierNone + 10
	for _, a := range as {
		wa := 0
		for _, tiers := range a {
			wa = max(wa, wordClass(u, tiers))
		}
		best = min(best, wa)
	}
	return best
}

// wordClass returns the best class one word's tiers give u.
func wordClass(u *Unit, tiers []int) int {
	best := tierNone + 10
	for _, t := range u.name {
		switch tiers[t] {
		case tierPrefix:
			return ClassName
		case tierStem:
			best = min(best, ClassStem)
		case tierFuzzy:
			best = min(best, ClassFuzzy)
		}
	}
	for _, t := range u.other {
		switch tiers[t] {
		case tierPrefix:
			best = min(best, ClassField)
		case tierStem:
			best = min(best, ClassStem)
		case tierFuzzy:
			best = min(best, ClassFuzzy)
		}
	}
	return best
}

// maxEdits is how far a suggestion may be from the word w typed (in
// edits): one for a word of up to 4 bytes, two up to 8, three beyond. The
// directory's and the pages' suggestions (and the script's) use the same.
func maxEdits(w string) int {
	switch {
	case len(w) <= 4:
		return 1
	case len(w) <= 8:
		return 2
	}
	return 3
}

// suggest returns the candidate nearest w and q with w replaced by it.
func (x *Index) suggest(w, q string) (string, string) {
	limit := maxEdits(w)
	best, at := limit+1, -1
	for i, c := range x.cands {
		if abs(len(c.fold)-len(w)) > limit {
			continue
		}
		if d := Distance(w, c.fold, false); d < best {
			best, at = d, i
		}
	}
	if at < 0 {
		return "", ""
	}
	label := x.cands[at].label
	parts := strings.Fields(q)
	done := false
	for i, p := range parts {
		if !done && strings.Contains(" "+Fold(p)+" ", " "+w+" ") {
			parts[i] = label
			done = true
		}
	}
	if !done {
		parts = append(parts, label)
	}
	return label, strings.Join(parts, " ")
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
