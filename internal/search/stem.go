package search

import "strings"

// The stemmer is the Snowball Swedish algorithm (snowballstem.org,
// algorithms/swedish.sbl, version 3), run on folded words, followed by a
// few steps of our own for what it leaves apart and patients type: see
// Stem. The script (layouts/assets/directory.js) has the same steps; the
// parity test holds the two together.

// vowel reports whether c is a vowel of the Snowball Swedish algorithm,
// on folded letters (ä, å → a, ö → o are vowels either way).
func vowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// mainSuffixes are Snowball's main suffixes, longest first, so that the
// first that fits is the longest: Snowball's among.
var mainSuffixes = strings.Fields("heterna hetens anden andes andet arens arnas ernas ornas heten heter arna erna orna ande arne aste aren ades erns ade are ern ens het ast ad en ar er or as es at et a e s")

// etExceptions are the endings before "et" that keep it (Snowball's
// et_condition): frihet, societet, paket, …
var etExceptions = strings.Fields("h iet uit fab cit dit alit ilit mit nit pit rit sit tit ivit kvit xit kom rak pak stak")

// r1 returns Snowball's p1: the position after the first non-vowel that
// follows a vowel, and at least 3.
func r1(w string) int {
	p := len(w)
	for i := 1; i < len(w); i++ {
		if !vowel(w[i]) && vowel(w[i-1]) {
			p = i + 1
			break
		}
	}
	if len(w) < 3 {
		return len(w)
	}
	return max(p, 3)
}

// etCondition is Snowball's et_condition: at is where "et" starts.
func etCondition(w string, at, p1 int) bool {
	if at-2 <= p1 || vowel(w[at-1]) || !vowel(w[at-2]) {
		return false
	}
	for _, e := range etExceptions {
		if at-len(e) >= p1 && strings.HasSuffix(w[:at], e) {
			return false
		}
	}
	return true
}

// snowball returns the Snowball Swedish stem of the folded word w
// (without its step for "öst", which folding makes "ost").
func snowball(w string) string {
	p1 := r1(w)
	// main_suffix
	for _, s := range mainSuffixes {
		at := len(w) - len(s)
		if at < p1 || !strings.HasSuffix(w, s) {
			continue
		}
		switch s {
		case "s":
			if at-2 >= p1 && strings.HasSuffix(w[:at], "et") && etCondition(w, at-2, p1) {
				w = w[:at-2]
			} else if at-1 >= p1 && strings.IndexByte("bcdfghjklmnoprtvy", w[at-1]) >= 0 {
				w = w[:at]
			}
		case "et":
			if etCondition(w, at, p1) {
				w = w[:at]
			}
		default:
			w = w[:at]
		}
		break
	}
	// consonant_pair
	for _, s := range []string{"dd", "gd", "nn", "dt", "gt", "kt", "tt"} {
		if len(w)-2 >= p1 && strings.HasSuffix(w, s) {
			w = w[:len(w)-1]
			break
		}
	}
	// other_suffix
	for _, s := range []string{"fullt", "lig", "els", "ig"} {
		if len(w)-len(s) >= p1 && strings.HasSuffix(w, s) {
			if s == "fullt" {
				w = w[:len(w)-1]
			} else {
				w = w[:len(w)-len(s)]
			}
			break
		}
	}
	return w
}

// derivations are the endings of nouns made from verbs, longest first,
// that Stem takes off before Snowball's steps (kostnad → kost,
// anmälningar → anmäl, utbildning → utbild, omdiplomeringen →
// omdiplomer as omdiplomeras), and the definite plural of
// neuter nouns in -en, which Snowball leaves (boendena → boend).
var derivations = strings.Fields("naderna nadernas eringarna eringarnas eringars eringens eringar eringen nadens nader naden ningarna ningarnas ningars ningens ningar ningen endena ering nads ning nad")

// Stem returns the stem of the folded word w: its inflections and
// the endings of nouns made from verbs taken off, so that the forms of a
// word meet (see The stemmer in the package comment):
//
//  1. an ending of derivations goes when at least four letters are left;
//  2. Snowball's Swedish algorithm;
//  3. what Snowball leaves of a definite form: a final n after a vowel
//     other than e goes, and then a final a or e ("psykiatrin" →
//     "psykiatri", "anmälan" → "anmäl", "barnmorskan" → "barnmorsk"); a
//     final et after a consonant goes ("boendet" → "boend", "priset" →
//     "pris"); the Latin -um and its definite -et after i or e go
//     ("gymnasium" and "gymnasiet" → "gymnasi").
//
// The last step needs at least four letters left.
func Stem(w string) string {
	for _, d := range derivations {
		if len(w)-len(d) >= 4 && strings.HasSuffix(w, d) {
			w = w[:len(w)-len(d)]
			switch {
			case d == "endena":
				w += "end"
			case strings.HasPrefix(d, "ering"):
				w += "er" // utvärdering → utvärder, as utvärdera
			}
			break
		}
	}
	w = snowball(w)
	n := len(w)
	switch {
	case n >= 6 && w[n-1] == 'n' && vowel(w[n-2]) && w[n-2] != 'e':
		w = w[:n-1]
		if c := w[len(w)-1]; c == 'a' || c == 'e' {
			w = w[:len(w)-1]
		}
	case n >= 6 && strings.HasSuffix(w, "et") && !vowel(w[n-3]):
		w = w[:n-2]
	case n >= 7 && (strings.HasSuffix(w, "ium") || strings.HasSuffix(w, "eum")):
		w = w[:n-2] // gymnasium → gymnasi, as gymnasiet
	case n >= 7 && (strings.HasSuffix(w, "iet") || strings.HasSuffix(w, "eet")):
		w = w[:n-2]
	}
	return w
}

// stemTail is the most letters a word's stem may have after the query
// word's stem for the word to match by stem: an ending Snowball leaves
// ("psykiatrisk" for "psykiatrin"), not another word ("diplomering" for
// "diplomet").
const stemTail = 3

// stemMatch reports whether a word of stem st matches a query word of
// stem sq by stem.
func stemMatch(st, sq string) bool {
	return strings.HasPrefix(st, sq) && len(st)-len(sq) <= stemTail
}
