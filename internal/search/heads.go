package search

import (
	_ "embed"
	"sort"
	"strings"
)

//go:embed ord.txt
var ordTxt string

// dictionary is the kept word list ord.txt, folded.
var dictionary = func() []string {
	var out []string
	for _, line := range strings.Split(ordTxt, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, Words(line, false)...)
	}
	return out
}()

// heads returns where the words of texts may be split as compounds: the
// starts of words (at least minPart letters, leaving at least minPart
// that start with a word) that are made of whole words, each a word of the dictionary, of texts or
// of the synonym groups, or such a word's stem. A part may end in a
// linking s ("ungdoms"), or in another vowel than the word's last
// ("kvinno" for kvinna, "barnmorske" for barnmorska); a start of five
// letters or more that ends in s after a consonant is a part too, as names
// are ("anderstorps"). In byte order.
func heads(texts []string, groups [][]string) []string {
	words := map[string]bool{}
	addWord := func(w string) {
		if len(w) >= minPart {
			words[w] = true
			if s := Stem(w); len(s) >= minPart {
				words[s] = true
			}
		}
	}
	for _, w := range dictionary {
		addWord(w)
	}
	terms := map[string]bool{}
	for _, t := range texts {
		for _, w := range Words(t, true) {
			terms[w] = true
			addWord(w)
		}
	}
	for _, g := range groups {
		for _, m := range g {
			for _, w := range Words(m, false) {
				addWord(w)
			}
		}
	}
	memo := map[string]bool{}
	var isPart func(s string) bool
	isWord := func(s string) bool {
		if words[s] {
			return true
		}
		n := len(s)
		// A genitive s of a name: "anderstorps" in anderstorpsgymnasiet.
		if n >= 5 && s[n-1] == 's' && !vowel(s[n-2]) {
			return true
		}
		if n > minPart && s[n-1] == 's' && words[s[:n-1]] {
			return true
		}
		if n > minPart && vowel(s[n-1]) {
			for _, v := range []string{"a", "e", "o", "u", ""} {
				if words[s[:n-1]+v] {
					return true
				}
			}
		}
		return false
	}
	isPart = func(s string) bool {
		if v, ok := memo[s]; ok {
			return v
		}
		ok := isWord(s)
		for p := minPart; !ok && p+minPart <= len(s); p++ {
			ok = isWord(s[:p]) && isPart(s[p:])
		}
		memo[s] = ok
		return ok
	}
	// startsWord reports whether r starts with a word: the other side of a
	// real boundary.
	startsWord := func(r string) bool {
		for k := minPart; k <= len(r); k++ {
			if words[r[:k]] {
				return true
			}
		}
		return false
	}
	set := map[string]bool{}
	for t := range terms {
		for p := minPart; p+minPart <= len(t); p++ {
			if h := t[:p]; !set[h] && startsWord(t[p:]) && isPart(h) {
				set[h] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for h := range set {
		out = append(out, h)
	}
	sort.Strings(out)
	return out
}
