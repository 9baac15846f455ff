package search

import (
	"strings"
	"unicode"
)

// lexicon is what a query is read with: the stop and noise words and the
// synonym groups of an index.
type lexicon struct {
	stop   map[string]bool
	noise  map[string]bool // noise words and their stems
	groups [][][]string    // per group, per member, its words (stop words left out)
}

func newLexicon(stop, noise []string, groups [][]string) lexicon {
	l := lexicon{stop: map[string]bool{}, noise: map[string]bool{}}
	for _, w := range stop {
		l.stop[w] = true
	}
	for _, w := range noise {
		l.noise[w] = true
		l.noise[Stem(w)] = true
	}
	for _, g := range groups {
		var ms [][]string
		for _, m := range g {
			if ws := l.words(m); len(ws) > 0 {
				ms = append(ms, ws)
			}
		}
		l.groups = append(l.groups, ms)
	}
	return l
}

// words returns the folded words of q without stop words, or all of them
// when all are stop words.
func (l lexicon) words(q string) []string {
	all := Words(q, false)
	var out []string
	for _, w := range all {
		if !l.stop[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// span is one part of a query: a word, or the words of a synonym of
// several words ("youth clinic"), with its alternatives.
type span struct {
	words []string   // its folded words
	text  string     // as typed, for "Visar träffar utan …"
	noise bool       // a noise word: dropped when the query finds nothing with it
	alts  [][]string // what else finds what it finds: the other members of its synonym groups
}

// sameWord reports whether the folded words a and b are one word for
// synonyms: equal, or of the same stem.
func sameWord(a, b string) bool { return a == b || Stem(a) == Stem(b) }

// rawWords returns the words of q as typed: its runs of letters, digits
// and marks.
func rawWords(q string) []string {
	return strings.FieldsFunc(q, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r)
	})
}

// plan returns the spans of the query q (see Synonyms and Noise words in
// the package comment).
func (l lexicon) plan(q string) []span {
	all := Words(q, false)
	raw := rawWords(q)
	if len(raw) != len(all) {
		raw = all
	}
	// The words left after stop words, each with its text as typed.
	var ws, texts []string
	for i, w := range all {
		if !l.stop[w] {
			ws = append(ws, w)
			texts = append(texts, raw[i])
		}
	}
	if len(ws) == 0 {
		ws, texts = all, raw
	}
	var out []span
	for i := 0; i < len(ws); {
		// The longest member of several words that starts here.
		n := 1
		for _, g := range l.groups {
			for _, m := range g {
				if len(m) <= n || i+len(m) > len(ws) {
					continue
				}
				ok := true
				for k, mw := range m {
					ok = ok && sameWord(ws[i+k], mw)
				}
				if ok {
					n = len(m)
				}
			}
		}
		s := span{words: ws[i : i+n], text: strings.Join(texts[i:i+n], " ")}
		s.noise = n == 1 && (l.noise[ws[i]] || l.noise[Stem(ws[i])])
		for _, g := range l.groups {
			in := false
			for _, m := range g {
				in = in || sameSpan(m, s.words)
			}
			if !in {
				continue
			}
			for _, m := range g {
				if !sameSpan(m, s.words) && !containsSpan(s.alts, m) {
					s.alts = append(s.alts, m)
				}
			}
		}
		out = append(out, s)
		i += n
	}
	return out
}

func sameSpan(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameWord(a[i], b[i]) {
			return false
		}
	}
	return true
}

func containsSpan(l [][]string, s []string) bool {
	for _, x := range l {
		if strings.Join(x, " ") == strings.Join(s, " ") {
			return true
		}
	}
	return false
}

// partial returns which spans to keep when no unit or page has them all:
// of the masks (bit i set for span i) of what each unit or page matches,
// the one with the most spans; of equals, the one that leaves out the
// fewest spans that are not places (places has bit i set when span i
// names a kommun: a patient who asks for a kind of care in a place with
// none is shown that kind elsewhere); of equals, the one most have; of
// equals, the one that keeps the earliest spans. 0 when nothing matches
// any span.
func partial(masks []uint32, n int, places uint32) uint32 {
	count := map[uint32]int{}
	for _, m := range masks {
		if m != 0 {
			count[m]++
		}
	}
	all := uint32(1)<<n - 1
	best, bits, lost, many := uint32(0), 0, 0, 0
	for m, c := range count {
		b, l := popcount(m), popcount(all&^m&^places)
		switch {
		case b > bits, b == bits && l < lost, b == bits && l == lost && c > many,
			b == bits && l == lost && c == many && earlier(m, best, n):
			best, bits, lost, many = m, b, l, c
		}
	}
	return best
}

func popcount(m uint32) int {
	n := 0
	for ; m != 0; m &= m - 1 {
		n++
	}
	return n
}

// earlier reports whether mask a keeps an earlier span than b where they
// first differ.
func earlier(a, b uint32, n int) bool {
	for i := 0; i < n; i++ {
		x, y := a&(1<<i) != 0, b&(1<<i) != 0
		if x != y {
			return x
		}
	}
	return false
}
