package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hbtq-diplomering/webbplats/internal/slug"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// PagesVersion is the page index format version.
const PagesVersion = 2

// Fields of a page, as the postings' bits.
const (
	FieldTitle       = 1
	FieldHeading     = 2
	FieldDescription = 4
	FieldText        = 8
)

// Doc is what the site search indexes of one page.
type Doc struct {
	URL, Title, Description string
	Headings                []string
	Text                    string    // indexed with the text of Sections
	Sections                []Section // the text by heading, for results per heading and excerpts
}

// Section is a part of a page's <main>: the text before the first
// heading (no id, no heading), or a heading and the text under it.
type Section struct {
	ID, Heading, Text string
}

// FragmentVersion is the version of a page's fragment file.
const FragmentVersion = 1

// FragmentPath returns where the fragment file of the page at url is
// published: sok/f/ and the page's path ("/om/pris/" → sok/f/om/pris.json,
// "/" → sok/f/index.json). It is not in the main file: the script makes
// it from the page's address, so that a site of many pages does not send
// a name per page with its first query.
func FragmentPath(url string) string {
	p := strings.Trim(url, "/")
	if p == "" {
		p = "index"
	}
	return "sok/f/" + p + ".json"
}

// Shard is one file of the page index: a shard of words, or a page's
// fragment file (Key "").
type Shard struct {
	Key  string // the first two letters (or one) of its first word; "" for a fragment
	Path string // where it is published, like assets/sok/a.1b2c3d4e.json
	Data []byte
}

// ShardBytes is the size, uncompressed, a shard is filled to before the
// next one starts.
const ShardBytes = 12 << 10

// BuildPages returns the page index of docs: the main file and its shards,
// to be published under dir (like "assets/sok").
func BuildPages(docs []Doc, s Settings, dir string) ([]byte, []Shard, error) {
	x := NewPageIndex()
	entries := make([]PageEntry, len(docs))
	for i, d := range docs {
		entries[i] = x.Add(d)
	}
	return x.Build(entries, s, dir)
}

// PageIndex makes a page index a page at a time: Add takes a page's words
// as soon as the page is written (from any goroutine), so that what the
// build keeps of a page until the index is written is its entry, not its
// text. Every distinct word is kept once, as a number.
type PageIndex struct {
	mu    sync.Mutex
	ids   map[string]uint32 // term → its number
	terms []string          // by number

	// With WriteFragments: how Add writes each page's fragment file.
	write func(path string, data []byte) error
	err   error // the first error of write
}

// WriteFragments makes Add write each page's fragment file at once with
// write (at FragmentPath), so that the entry does not keep the page's
// text; Build then returns no fragments, and the first error of write.
// Call it before Add.
func (x *PageIndex) WriteFragments(write func(path string, data []byte) error) {
	x.write = write
}

// NewPageIndex returns an empty PageIndex.
func NewPageIndex() *PageIndex { return &PageIndex{ids: map[string]uint32{}} }

// PageEntry is one page of a PageIndex: its address, title and
// description, and its words with the fields they occur in.
type PageEntry struct {
	URL, Title, Description string
	terms                   []uint32 // term number << 4 | field mask, by term number
	fragment                []byte   // the page's fragment file; nil once written (WriteFragments)
	key                     []byte   // swedish.Key of the title, to sort by
}

// Add returns the entry of d. It is safe for concurrent use.
func (x *PageIndex) Add(d Doc) PageEntry {
	sc := addScratches.Get().(*addScratch)
	defer addScratches.Put(sc)
	// Fold every field into one buffer outside the lock, then take the
	// words' numbers under it.
	parts := sc.parts[:0]
	f := sc.fold[:0]
	fold := func(text string, field uint32) {
		f = append(slug.AppendFold(f, text), ' ')
		parts = append(parts, [2]int{len(f), int(field)})
	}
	fold(d.Title, FieldTitle)
	for _, h := range d.Headings {
		fold(h, FieldHeading)
	}
	fold(d.URL, FieldHeading) // the address's words count as a heading's
	fold(d.Description, FieldDescription)
	fold(d.Text, FieldText)
	for _, sec := range d.Sections {
		fold(sec.Text, FieldText)
	}
	sc.fold, sc.parts = f, parts
	// One entry per term, its fields together: a term's place in terms is
	// marked in seen (for this Add's gen) the first time it comes.
	sc.gen++
	terms := sc.terms[:0]
	start := 0
	x.mu.Lock()
	for _, pt := range parts {
		field := uint32(pt[1])
		for rest := f[start:pt[0]]; len(rest) > 0; {
			i := bytes.IndexByte(rest, ' ')
			w := rest[:i]
			rest = rest[i+1:]
			if len(w) == 0 {
				continue // an empty field
			}
			id, ok := x.ids[string(w)]
			if !ok {
				id = uint32(len(x.terms))
				t := string(w)
				x.terms = append(x.terms, t)
				x.ids[t] = id
			}
			if int(id) >= len(sc.seen) {
				sc.seen = append(sc.seen, make([]seen, int(id)+1-len(sc.seen)+len(sc.seen)/2)...)
			}
			if s := &sc.seen[id]; s.gen == sc.gen {
				terms[s.at] |= field
			} else {
				*s = seen{gen: sc.gen, at: int32(len(terms))}
				terms = append(terms, id<<4|field)
			}
		}
		start = pt[0]
	}
	x.mu.Unlock()
	sc.terms = terms
	slices.Sort(terms)
	// A copy of its own size: the scratch is used again.
	e := PageEntry{URL: d.URL, Title: d.Title, Description: d.Description, terms: slices.Clone(terms), key: swedish.Key(d.Title)}
	e.fragment = appendFragment(nil, d.Sections)
	if x.write != nil {
		if err := x.write(FragmentPath(d.URL), e.fragment); err != nil {
			x.mu.Lock()
			x.err = cmp.Or(x.err, err)
			x.mu.Unlock()
		}
		e.fragment = nil
	}
	return e
}

// addScratch is what Add works in, kept from one page to the next.
type addScratch struct {
	fold  []byte   // the folded fields, each ended by a space
	parts [][2]int // where each field ends in fold, and its bit
	terms []uint32 // the page's terms: number << 4 | fields
	seen  []seen   // by term number: whether it is in terms, and where
	gen   uint32   // which Add seen's marks are of
}

type seen struct {
	gen uint32
	at  int32
}

var addScratches = sync.Pool{New: func() any { return new(addScratch) }}

// appendFragment appends a page's fragment file, {"v":1,"s":[[id,
// heading, text],…]}, to dst: what encoding/json makes of it, without
// reflection.
func appendFragment(dst []byte, secs []Section) []byte {
	n := 16
	for _, sec := range secs {
		n += len(sec.ID) + len(sec.Heading) + len(sec.Text) + 12
	}
	if dst == nil {
		dst = make([]byte, 0, n+n/16)
	}
	dst = append(dst, `{"v":`...)
	dst = strconv.AppendInt(dst, FragmentVersion, 10)
	dst = append(dst, `,"s":[`...)
	for i, sec := range secs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '[')
		dst = appendJSON(dst, sec.ID)
		dst = append(dst, ',')
		dst = appendJSON(dst, sec.Heading)
		dst = append(dst, ',')
		dst = appendJSON(dst, sec.Text)
		dst = append(dst, ']')
	}
	return append(dst, "]}"...)
}

// appendJSON appends s as a JSON string as encoding/json writes it: <, >
// and & escaped, invalid UTF-8 as U+FFFD, U+2028 and U+2029 escaped.
func appendJSON(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// Build returns the page index of the pages of entries (in the order of
// the site: the index lists them by title): the main file and its shards,
// to be published under dir (like "assets/sok").
func (x *PageIndex) Build(entries []PageEntry, s Settings, dir string) ([]byte, []Shard, error) {
	docs := slices.Clone(entries)
	// In the order of swedish.Compare of the titles, with keys made once.
	slices.SortStableFunc(docs, func(a, b PageEntry) int {
		if c := bytes.Compare(a.key, b.key); c != 0 {
			return c
		}
		if c := strings.Compare(a.Title, b.Title); c != 0 {
			return c
		}
		return strings.Compare(a.URL, b.URL)
	})
	// Term number → page, mask pairs, all in one array: each term's pairs
	// counted first, so that nothing grows (at 10 000 pages the pairs
	// are millions).
	count := make([]int, len(x.terms))
	for _, d := range docs {
		for _, t := range d.terms {
			count[t>>4] += 2
		}
	}
	all := make([]uint32, 0, func() (n int) {
		for _, c := range count {
			n += c
		}
		return n
	}())
	byID := make([][]uint32, len(x.terms))
	for id, c := range count {
		byID[id] = all[len(all) : len(all) : len(all)+c]
		all = all[:len(all)+c]
	}
	for i, d := range docs {
		for _, t := range d.terms {
			byID[t>>4] = append(byID[t>>4], uint32(i), t&15)
		}
	}
	post := make(map[string][]uint32, len(byID))
	for id, p := range byID {
		if len(p) > 0 {
			post[x.terms[id]] = p
		}
	}
	terms := make([]string, 0, len(post))
	for t := range post {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	// Group the terms by key, then keys into shards.
	type group struct {
		key   string
		terms []string
		size  int
	}
	var groups []group
	for _, t := range terms {
		k := t
		if len(k) > 2 {
			k = k[:2]
		}
		if len(groups) == 0 || groups[len(groups)-1].key != k {
			groups = append(groups, group{key: k})
		}
		g := &groups[len(groups)-1]
		g.terms = append(g.terms, t)
		g.size += len(t) + 4 + 4*len(post[t])
	}
	var shards []Shard
	var cur []group
	size := 0
	flush := func() error {
		if len(cur) == 0 {
			return nil
		}
		m := map[string][]int{}
		for _, g := range cur {
			for _, t := range g.terms {
				p := post[t]
				enc := make([]int, len(p))
				prev := 0
				for j := 0; j < len(p); j += 2 {
					enc[j], enc[j+1] = int(p[j])-prev, int(p[j+1])
					prev = int(p[j])
				}
				m[t] = enc
			}
		}
		data, err := json.Marshal(struct {
			V     int              `json:"v"`
			Terms map[string][]int `json:"terms"`
		}{PagesVersion, m})
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		key := cur[0].key
		shards = append(shards, Shard{Key: key, Path: dir + "/" + key + "." + hex.EncodeToString(sum[:4]) + ".json", Data: data})
		cur, size = nil, 0
		return nil
	}
	for _, g := range groups {
		if size > 0 && size+g.size > ShardBytes {
			if err := flush(); err != nil {
				return nil, nil, err
			}
		}
		cur = append(cur, g)
		size += g.size
	}
	if err := flush(); err != nil {
		return nil, nil, err
	}
	// Each page's fragment file: the text by heading, fetched for the
	// results shown.
	var fragments []Shard
	pages := make([][3]string, len(docs))
	for i, d := range docs {
		pages[i] = [3]string{d.URL, d.Title, d.Description}
		if d.fragment != nil {
			fragments = append(fragments, Shard{Path: FragmentPath(d.URL), Data: d.fragment})
		}
	}
	list := make([][2]string, len(shards))
	for i, sh := range shards {
		list[i] = [2]string{sh.Key, "/" + sh.Path}
	}
	meta, err := json.Marshal(struct {
		V      int         `json:"v"`
		Stop   []string    `json:"stop"`
		Noise  []string    `json:"noise"`
		Syn    [][]string  `json:"syn"`
		Pages  [][3]string `json:"pages"`
		Shards [][2]string `json:"shards"`
	}{PagesVersion, StopWords, s.noise(), s.groups(), pages, list})
	if err == nil {
		err = x.err
	}
	return meta, append(shards, fragments...), err
}

// Pages is a parsed page index with the shards loaded so far.
type Pages struct {
	Docs   [][4]string // address, title, description, fragment file (FragmentPath, from the root)
	lex    lexicon
	keys   []string // shard keys, in order
	paths  []string
	loaded []bool
	terms  map[string][]int // decoded postings: page, mask pairs
}

// ParsePages reads the main file of a page index.
func ParsePages(meta []byte) (*Pages, error) {
	var raw struct {
		V      int
		Stop   []string
		Noise  []string
		Syn    [][]string
		Pages  [][3]string
		Shards [][2]string
	}
	if err := json.Unmarshal(meta, &raw); err != nil {
		return nil, err
	}
	if raw.V != PagesVersion {
		return nil, fmt.Errorf("search: page index version %d, want %d", raw.V, PagesVersion)
	}
	p := &Pages{lex: newLexicon(raw.Stop, raw.Noise, raw.Syn), terms: map[string][]int{}}
	for _, d := range raw.Pages {
		p.Docs = append(p.Docs, [4]string{d[0], d[1], d[2], "/" + FragmentPath(d[0])})
	}
	for _, s := range raw.Shards {
		p.keys = append(p.keys, s[0])
		p.paths = append(p.paths, s[1])
	}
	p.loaded = make([]bool, len(p.keys))
	return p, nil
}

// Needed returns the shards (their positions) that a query for q needs
// and are not loaded yet: those of its words and of its synonyms' words.
func (p *Pages) Needed(q string) []int {
	var out []int
	seen := map[int]bool{}
	for _, sp := range p.lex.plan(q) {
		for _, a := range append([][]string{sp.words}, sp.alts...) {
			for _, w := range a {
				for _, i := range p.shardsFor(w) {
					if !p.loaded[i] && !seen[i] {
						seen[i] = true
						out = append(out, i)
					}
				}
			}
		}
	}
	sort.Ints(out)
	return out
}

// shardsFor returns the shards that may hold words starting with w.
func (p *Pages) shardsFor(w string) []int {
	var out []int
	k := w
	if len(k) > 2 {
		k = k[:2]
	}
	for i := range p.keys {
		lo := p.keys[i]
		hi := "\x7f"
		if i+1 < len(p.keys) {
			hi = p.keys[i+1]
		}
		// The shard holds the keys from lo up to (not including) hi; the
		// words starting with k have keys from k up to k+"\x7f". A word of
		// one letter is only looked up as itself: the shard of its key.
		if len(w) == 1 && lo <= k && hi > k || len(w) > 1 && lo < k+"\x7f" && hi > k {
			out = append(out, i)
		}
	}
	return out
}

// NumShards returns how many shards the index has.
func (p *Pages) NumShards() int { return len(p.keys) }

// Path returns where shard i is published.
func (p *Pages) Path(i int) string { return p.paths[i] }

// Add loads shard i.
func (p *Pages) Add(i int, data []byte) error {
	var raw struct {
		V     int
		Terms map[string][]int
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	for t, enc := range raw.Terms {
		dec := make([]int, len(enc))
		prev := 0
		for j := 0; j < len(enc); j += 2 {
			prev += enc[j]
			dec[j], dec[j+1] = prev, enc[j+1]
		}
		p.terms[t] = dec
	}
	p.loaded[i] = true
	return nil
}

// PageHit is a page found.
type PageHit struct {
	Page  int // position in Docs
	Score int
}

func weight(mask int) int {
	w := 0
	if mask&FieldTitle != 0 {
		w += 16
	}
	if mask&FieldHeading != 0 {
		w += 8
	}
	if mask&FieldDescription != 0 {
		w += 4
	}
	if mask&FieldText != 0 {
		w += 2
	}
	return w
}

// PageResult is the answer to a page query.
type PageResult struct {
	Hits       []PageHit
	Left       []string // the words left out, as typed, when no page has them all
	Suggestion string   // a word to suggest when no page has every word, "" when none
	Suggested  string   // the query with the suggestion in it
}

// Query returns the pages q finds, best first, from the shards loaded
// (load [Pages.Needed] first). Noise words never narrow a page search
// (pages are full of them): a page must match every other span, and a
// noise word it has adds to its score; a query of noise words alone needs
// them all. When no page has every span, the spans fewest pages have are
// left out, as the directory's query does, and the first word no page has
// gets a suggestion.
func (p *Pages) Query(q string) PageResult {
	spans := p.lex.plan(q)
	if len(spans) == 0 {
		return PageResult{}
	}
	terms := make([]string, 0, len(p.terms))
	for t := range p.terms {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	// Per span, the score of each page it matches; what a synonym finds
	// counts half.
	scores := make([]map[int]int, len(spans))
	for i, sp := range spans {
		best := map[int]int{}
		for k, a := range append([][]string{sp.words}, sp.alts...) {
			// Every word of the alternative must match; its score is the least.
			var sc map[int]int
			for _, w := range a {
				ws := p.wordScores(w, terms)
				if sc == nil {
					sc = ws
					continue
				}
				for pg, s := range sc {
					if t, ok := ws[pg]; ok {
						sc[pg] = min(s, t)
					} else {
						delete(sc, pg)
					}
				}
			}
			for pg, s := range sc {
				if k > 0 {
					s /= 2
				}
				best[pg] = max(best[pg], s)
			}
		}
		scores[i] = best
	}
	var need, noise []int
	for i, sp := range spans {
		if sp.noise {
			noise = append(noise, i)
		} else {
			need = append(need, i)
		}
	}
	if len(need) == 0 {
		need, noise = noise, nil
	}
	var res PageResult
	res.Hits = pageHits(scores, need, noise)
	if len(res.Hits) > 0 {
		return res
	}
	for _, i := range need {
		if len(spans[i].words) == 1 && len(scores[i]) == 0 {
			res.Suggestion, res.Suggested = p.suggest(spans[i].words[0], q)
			break
		}
	}
	if len(need) > 1 && len(need) <= maxPartial {
		var masks []uint32
		for pg := range p.Docs {
			var m uint32
			for b, i := range need {
				if _, ok := scores[i][pg]; ok {
					m |= 1 << b
				}
			}
			masks = append(masks, m)
		}
		if m := partial(masks, len(need), 0); m != 0 {
			var in []int
			for b, i := range need {
				if m&(1<<b) != 0 {
					in = append(in, i)
				} else {
					res.Left = append(res.Left, spans[i].text)
				}
			}
			res.Hits = pageHits(scores, in, noise)
		}
	}
	return res
}

// suggest returns the word of the pages' titles and descriptions nearest
// w, lowercased, and q with w replaced by it, as the directory's
// suggestions are made (the first of equals, in the order of the pages).
func (p *Pages) suggest(w, q string) (string, string) {
	limit := maxEdits(w)
	best, label := limit+1, ""
	seen := map[string]bool{}
	for _, d := range p.Docs {
		for _, field := range d[1:3] {
			for _, raw := range strings.Fields(field) {
				c := strings.ToLower(strings.Trim(raw, trimSet))
				f := Fold(c)
				if f == "" || seen[f] || strings.Contains(f, " ") {
					continue
				}
				seen[f] = true
				if abs(len(f)-len(w)) > limit {
					continue
				}
				if d := Distance(w, f, false); d < best {
					best, label = d, c
				}
			}
		}
	}
	if label == "" {
		return "", ""
	}
	parts := strings.Fields(q)
	done := false
	for i, part := range parts {
		if !done && strings.Contains(" "+Fold(part)+" ", " "+w+" ") {
			parts[i] = label
			done = true
		}
	}
	if !done {
		parts = append(parts, label)
	}
	return label, strings.Join(parts, " ")
}

// pageHits returns the pages every span of at matches, with the sum of
// their scores and of the scores of the spans of extra they match, best
// first.
func pageHits(scores []map[int]int, at, extra []int) []PageHit {
	var total map[int]int
	for _, i := range at {
		if total == nil {
			total = maps.Clone(scores[i])
			continue
		}
		for pg, s := range total {
			if t, ok := scores[i][pg]; ok {
				total[pg] = s + t
			} else {
				delete(total, pg)
			}
		}
	}
	out := make([]PageHit, 0, len(total))
	for pg, s := range total {
		for _, i := range extra {
			s += scores[i][pg]
		}
		out = append(out, PageHit{pg, s})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Page < out[j].Page
	})
	return out
}

// wordScores returns the score of one query word on each page it matches.
func (p *Pages) wordScores(w string, terms []string) map[int]int {
	sw := Stem(w)
	out := map[int]int{}
	add := func(t string, factor int) {
		post := p.terms[t]
		for j := 0; j < len(post); j += 2 {
			out[post[j]] = max(out[post[j]], weight(post[j+1])*factor)
		}
	}
	for _, t := range terms {
		switch {
		case t == w:
			add(t, 4)
		case len(w) == 1: // a letter alone finds only itself
		case strings.HasPrefix(t, w):
			add(t, 3)
		case stemMatch(Stem(t), sw):
			add(t, 2)
		}
	}
	if len(out) > 0 {
		return out
	}
	if k := allowed(len(w)); k > 0 {
		for _, t := range terms {
			if strings.HasPrefix(t, w[:2]) && len(t)+k >= len(w) && Distance(w, t, true) <= k {
				add(t, 1)
			}
		}
	}
	return out
}
