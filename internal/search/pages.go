package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"math/bits"
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
	mu     sync.Mutex
	ids    map[string]uint32 // term → its number
	terms  []string          // by number
	free   []*addScratch     // the scratches of Adds done: one per Add at once
	lex    []byte            // the main file's lexicon of lexOf (see lexicon)
	lexOf  Settings
	sorted []uint32          // the terms' numbers by word, as far as sortedTerms made them
	keys   map[string][]byte // by title: its swedish.Key (see TitleKeys)
	last   *lastBuild        // what the last Build made, with KeepBuilds

	// With WriteFragments: how Add writes each page's fragment file.
	write func(path string, data []byte) error
	err   error // the first error of write
}

// WriteFragments makes Add write each page's fragment file at once with
// write (at FragmentPath), so that the entry does not keep the page's
// text; Build then returns no fragments, and the first error of write.
// write must not keep data: it is a buffer of the index's, which the
// fragment of a later page is written over. Call it before Add.
func (x *PageIndex) WriteFragments(write func(path string, data []byte) error) {
	x.write = write
}

// NewPageIndex returns an empty PageIndex.
func NewPageIndex() *PageIndex { return &PageIndex{ids: map[string]uint32{}} }

// PageEntry is one page of a PageIndex: its address, title and
// description, and its words with the fields they occur in.
type PageEntry struct {
	URL, Title, Description string
	terms                   []uint32 // term number << 4 | field mask, in the order the terms first come
	fragment                []byte   // the page's fragment file; nil once written (WriteFragments)
	key                     []byte   // swedish.Key of the title, to sort by
}

// Add returns the entry of d. It is safe for concurrent use.
//
// A page's text is cut into runs of letters and digits as written (ASCII
// punctuation and spaces end a run), and each run is looked up in the
// scratch's words: folding (see slug.Fold) maps each character on its
// own, so a run folds the same wherever it stands, and a word seen before
// costs one look-up, not a fold and the index's lock.
func (x *PageIndex) Add(d Doc) PageEntry {
	sc := x.scratch()
	sc.gen++
	sc.terms = sc.terms[:0]
	sc.add(x, d.Title, FieldTitle)
	for _, h := range d.Headings {
		sc.add(x, h, FieldHeading)
	}
	sc.add(x, d.URL, FieldHeading) // the address's words count as a heading's
	sc.add(x, d.Description, FieldDescription)
	sc.add(x, d.Text, FieldText)
	for _, sec := range d.Sections {
		sc.add(x, sec.Text, FieldText)
	}
	// A copy of its own size (the scratch is used again), with each
	// term's fields.
	terms := make([]uint32, len(sc.terms))
	for i, id := range sc.terms {
		terms[i] = id<<4 | sc.seen[id].fields
	}
	e := PageEntry{URL: d.URL, Title: d.Title, Description: d.Description, terms: terms, key: x.TitleKeys(d.Title)[0]}
	var err error
	if x.write != nil {
		// Written at once from the scratch's buffer, which the next
		// page's fragment is written over.
		sc.fragment = appendFragment(sc.fragment[:0], d.Sections)
		err = x.write(FragmentPath(d.URL), sc.fragment)
		if cap(sc.fragment) > keepFragment {
			sc.fragment = nil
		}
	} else {
		e.fragment = appendFragment(nil, d.Sections)
	}
	x.mu.Lock()
	x.free = append(x.free, sc)
	x.err = cmp.Or(x.err, err)
	x.mu.Unlock()
	return e
}

// keepFragment is the largest fragment buffer a scratch keeps for the
// next page (the pages of a site are mostly alike in size).
const keepFragment = 256 << 10

// TitleKeys returns swedish.Key of each title (the order of the index's
// pages, and of the search page's list A–Ö), each made once for the
// index: the keys are the index's, to be read only.
func (x *PageIndex) TitleKeys(titles ...string) [][]byte {
	keys := make([][]byte, len(titles))
	var missing []int
	x.mu.Lock()
	for i, t := range titles {
		var ok bool
		if keys[i], ok = x.keys[t]; !ok {
			missing = append(missing, i)
		}
	}
	x.mu.Unlock()
	if len(missing) == 0 {
		return keys
	}
	for _, i := range missing {
		keys[i] = swedish.Key(titles[i])
	}
	x.mu.Lock()
	if x.keys == nil {
		x.keys = map[string][]byte{}
	}
	for _, i := range missing {
		x.keys[titles[i]] = keys[i]
	}
	x.mu.Unlock()
	return keys
}

// scratch returns a scratch no other Add is using.
func (x *PageIndex) scratch() *addScratch {
	x.mu.Lock()
	defer x.mu.Unlock()
	if n := len(x.free); n > 0 {
		sc := x.free[n-1]
		x.free = x.free[:n-1]
		return sc
	}
	return &addScratch{words: newWordTable(), multi: make([][]uint32, 1)}
}

// addScratch is what Add works in, kept by the PageIndex from one page
// to the next.
type addScratch struct {
	words    wordTable  // a run as written → its term's number, or noWord, or multiWord + its place in multi
	multi    [][]uint32 // the terms of runs that fold to more than one word; [0] is the last run not kept
	ids      []uint32   // a run's terms, as learn numbers them
	fold     []byte     // a run folded
	fragment []byte     // the page's fragment file, with WriteFragments
	terms    []uint32   // the page's terms' numbers, in the order they first come
	seen     []seen     // by term number: whether it is in terms, and its fields
	gen      uint32     // which Add seen's marks are of
}

type seen struct {
	gen    uint32
	fields uint32 // the fields the term is in on the page
}

const (
	noWord    = 1 << 31        // a run that folds to nothing (marks, symbols)
	multiWord = noWord | 1<<30 // a run that folds to several words
)

// maxWords is the most runs a scratch keeps: past it, a new run is folded
// each time it comes (a site of very many distinct words).
var maxWords = 1 << 18

// inRun marks the bytes of a run: ASCII letters and digits, and every
// byte of a character outside ASCII (which folding may keep, drop or make
// a separator).
var inRun = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
	}
	return t
}()

// add adds the words of text, in field, to the page's terms. It reads
// text eight bytes at a time (see runMask): the start of the next run, and
// the run's end and key (see runKey) for a run of up to 24 bytes that does
// not reach into the last seven bytes of text; other runs byte by byte.
// The eight bytes a run ends in mostly show where the next one starts
// too (a word, a space, a word): it is taken from them, not read again.
func (sc *addScratch) add(x *PageIndex, text string, field uint32) {
	n := len(text)
	next := -1 // the start of the next run, when the last eight bytes read showed it
	for i := 0; i < n; {
		start := next
		if start < 0 {
			if i+8 <= n {
				m := runMask(load8(text, i))
				if m == 0 {
					i += 8
					continue
				}
				start = i + bits.TrailingZeros64(m)/8
			} else {
				for i < n && !inRun[text[i]] {
					i++
				}
				if i == n {
					return
				}
				start = i
			}
		}
		next = -1
		var k runKey
		end := -1
		for j, p := 0, start; j < len(k) && p+8 <= n; j, p = j+1, p+8 {
			w := load8(text, p)
			r := runMask(w)
			if e := ^r & hi8; e != 0 {
				l := bits.TrailingZeros64(e) / 8
				k[j] = w & (1<<(8*l) - 1)
				end = p + l
				if rest := r >> (8 * l); rest != 0 {
					next = end + bits.TrailingZeros64(rest)/8
				}
				break
			}
			k[j] = w
		}
		if end < 0 {
			end = start + 1
			for end < n && inRun[text[end]] {
				end++
			}
			k = runKey{}
			if end-start <= len(k)*8 {
				k.set(text, start, end)
			}
		}
		i = end
		run := text[start:end]
		// The slot a run is looked for first holds it, mostly: looked at
		// here, the others by get.
		var id uint32
		if sl := &sc.words.slots[sc.words.slot(&k, len(run))]; len(run) <= len(k)*8 && sl.n == uint32(len(run)) && sl.key == k {
			id = sl.val
		} else if v, ok := sc.words.get(run, &k); ok {
			id = v
		} else {
			id = sc.learn(x, run, &k)
		}
		switch {
		case id < noWord:
			sc.term(id, field)
		case id >= multiWord:
			for _, id := range sc.multi[id-multiWord] {
				sc.term(id, field)
			}
		}
	}
}

// load8 returns the eight bytes of s from i, little-endian.
func load8(s string, i int) uint64 {
	t := s[i : i+8]
	return uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
}

// runMask returns 0x80 in each byte of w that inRun marks (a letter or
// digit of ASCII, or a byte outside ASCII) and 0 in the others: the low
// seven bits of each byte are compared with the ranges by adding, no
// carry reaching the next byte.
func runMask(w uint64) uint64 {
	v := w &^ hi8
	l := v | lo8*0x20 // A–Z as a–z
	alpha := (l + lo8*(0x80-'a')) &^ (l + lo8*(0x7f-'z'))
	digit := (v + lo8*(0x80-'0')) &^ (v + lo8*(0x7f-'9'))
	return (alpha | digit | w) & hi8
}

// learn folds run, numbers its words and keeps the result in words.
func (sc *addScratch) learn(x *PageIndex, run string, k *runKey) uint32 {
	sc.fold = slug.AppendFold(sc.fold[:0], run)
	ids := sc.ids[:0]
	x.mu.Lock()
	for rest := sc.fold; len(rest) > 0; {
		w := rest
		if i := bytes.IndexByte(rest, ' '); i >= 0 {
			w, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		id, ok := x.ids[string(w)]
		if !ok {
			id = uint32(len(x.terms))
			t := string(w)
			x.terms = append(x.terms, t)
			x.ids[t] = id
		}
		ids = append(ids, id)
	}
	x.mu.Unlock()
	sc.ids = ids
	keep := sc.words.len() < maxWords
	var id uint32
	switch {
	case len(ids) == 0:
		id = noWord
	case len(ids) == 1:
		id = ids[0]
	case !keep:
		sc.multi[0] = ids // the place of a run not kept
		id = multiWord
	default:
		id = multiWord + uint32(len(sc.multi))
		sc.multi = append(sc.multi, slices.Clone(ids))
	}
	if keep {
		sc.words.put(run, k, id)
	}
	return id
}

// runKey is the first 24 bytes of a run, little-endian, zero after its
// end: a run that fits is compared and hashed by these three numbers.
type runKey [3]uint64

// set sets k to the run text[start:end], of at most 24 bytes.
func (k *runKey) set(text string, start, end int) {
	for j := 0; start+8*j < end; j++ {
		p := start + 8*j
		var w uint64
		if p+8 <= len(text) {
			t := text[p : p+8]
			w = uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
				uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		} else {
			for b, c := range []byte(text[p:]) {
				w |= uint64(c) << (8 * b)
			}
		}
		if n := end - p; n < 8 {
			w &= 1<<(8*n) - 1
		}
		k[j] = w
	}
}

// wordTable is a hash table from a run to a number, for looking up every
// word of every page: runs of up to 24 bytes (nearly every word) are kept
// in the table's slots, open addressing with linear probing, and looked
// up by three numbers, without reading a string or calling a hash
// function; longer runs in a Go map.
type wordTable struct {
	slots []wordSlot // a power of two, at most half full
	shift uint       // 64 - log2(len(slots))
	n     int        // slots used
	long  map[string]uint32
}

type wordSlot struct {
	key runKey
	n   uint32 // the run's length; 0 for a free slot
	val uint32
}

func newWordTable() wordTable {
	return wordTable{slots: make([]wordSlot, 1<<10), shift: 64 - 10, long: map[string]uint32{}}
}

// len returns how many runs t holds.
func (t *wordTable) len() int { return t.n + len(t.long) }

// slot returns the slot to look for k in first.
func (t *wordTable) slot(k *runKey, n int) uint64 {
	h := k[0]*0x9e3779b97f4a7c15 ^ k[1]*0xc2b2ae3d27d4eb4f ^ k[2]*0x165667b19e3779f9 ^ uint64(n)
	return (h ^ h>>29) * 0xbf58476d1ce4e5b9 >> t.shift
}

// get returns the value of run, whose key is k.
func (t *wordTable) get(run string, k *runKey) (uint32, bool) {
	if len(run) > len(k)*8 {
		v, ok := t.long[run]
		return v, ok
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.slot(k, len(run)); ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.n == uint32(len(run)) && sl.key == *k {
			return sl.val, true
		}
		if sl.n == 0 {
			return 0, false
		}
	}
}

// put sets the value of run (not in t), whose key is k.
func (t *wordTable) put(run string, k *runKey, val uint32) {
	if len(run) > len(k)*8 {
		t.long[strings.Clone(run)] = val // not a piece of the page's text
		return
	}
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots, t.shift, t.n = make([]wordSlot, 2*len(old)), t.shift-1, 0
		for _, sl := range old {
			if sl.n > 0 {
				t.insert(sl)
			}
		}
	}
	t.insert(wordSlot{key: *k, n: uint32(len(run)), val: val})
}

func (t *wordTable) insert(sl wordSlot) {
	mask := uint64(len(t.slots) - 1)
	i := t.slot(&sl.key, int(sl.n))
	for t.slots[i].n != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = sl
	t.n++
}

// term adds the term numbered id, in field, to the page's terms.
func (sc *addScratch) term(id, field uint32) {
	if int(id) >= len(sc.seen) {
		sc.seen = append(sc.seen, make([]seen, int(id)+1-len(sc.seen)+len(sc.seen)/2)...)
	}
	// Without a branch on whether the page had the term before (a
	// guess the processor gets wrong for many words): its
	// number is written after the terms either way, and they grow by one
	// when it is new.
	s := &sc.seen[id]
	var isNew uint32
	if s.gen != sc.gen {
		isNew = 1
	}
	s.fields = s.fields&(isNew-1) | field
	s.gen = sc.gen
	n := len(sc.terms)
	if n == cap(sc.terms) {
		sc.terms = slices.Grow(sc.terms, 1)
	}
	sc.terms = sc.terms[:n+1]
	sc.terms[n] = id
	sc.terms = sc.terms[:n+int(isNew)]
}

// appendFragment appends a page's fragment file, {"v":1,"s":[[id,
// heading, text],…]}, to dst: what encoding/json makes of it, without
// reflection.
func appendFragment(dst []byte, secs []Section) []byte {
	n := 16
	for _, sec := range secs {
		n += len(sec.ID) + len(sec.Heading) + len(sec.Text) + 12
	}
	dst = slices.Grow(dst, n+n/16)
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

// jsonSafe marks the bytes appendJSON copies as they are: ASCII from
// space up but ", \, <, > and &.
var jsonSafe = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// Bytes eight at a time: lo8 and hi8 have 1 and 0x80 in every byte; zero8
// is not 0 when a byte of w is 0, less8 when one is less than n (≤ 0x80).
const (
	lo8 = 0x0101010101010101
	hi8 = 0x8080808080808080
)

func zero8(w uint64) uint64           { return (w - lo8) &^ w & hi8 }
func less8(w uint64, n uint64) uint64 { return (w - lo8*n) &^ w & hi8 }

// zeros8 has 0x80 in each byte of w that is 0, and nothing else (zero8
// may mark the bytes above a 0 too).
func zeros8(w uint64) uint64 { return ^((w&(lo8*0x7F) + lo8*0x7F) | w) & hi8 }

// twoByteChars returns how many bytes from the start of w (8 or 7, 0 for
// none) are ASCII and whole characters of two bytes (U+0080–U+07FF: å, ä,
// ö, é …), each lead byte (0xC2–0xDF) followed by its continuation byte:
// 7 when the last byte (the highest) is a lead byte, whose continuation
// is in the next eight.
func twoByteChars(w uint64) int {
	lead := zeros8(w&(lo8*0xE0) ^ lo8*0xC0)
	cont := zeros8(w&(lo8*0xC0) ^ lo8*0x80)
	overlong := zeros8(w&(lo8*0xFE) ^ lo8*0xC0) // 0xC0 and 0xC1
	if overlong != 0 || lead<<8 != cont || lead|cont != w&hi8 {
		return 0
	}
	return 8 - int(lead>>63)
}

// appendJSON appends s as a JSON string as encoding/json writes it: <, >
// and & escaped, invalid UTF-8 as U+FFFD, U+2028 and U+2029 escaped.
func appendJSON(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight bytes at a time while none needs a look (seven when the
		// last starts a character of two bytes).
		for i+8 <= len(s) {
			t := s[i : i+8]
			w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
				uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
			// " and & differ in one bit, as < and > do: a test for each pair.
			if less8(w, 0x20)|zero8((w^lo8*'"')&^(lo8*('"'^'&')))|zero8((w^lo8*'<')&^(lo8*('<'^'>')))|zero8(w^lo8*'\\') != 0 {
				break
			}
			if w&hi8 == 0 {
				i += 8
				continue
			}
			k := twoByteChars(w)
			if k == 0 {
				break
			}
			i += k
		}
		for i < len(s) && jsonSafe[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		b := s[i]
		if b < utf8.RuneSelf {
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
		if b >= 0xC2 && b < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2 // å, ä, ö and the other two-byte characters
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
	// The pages in the order of swedish.Compare of the titles (keys made
	// once), then the title and address, then the order of entries: their
	// positions sorted, not the entries moved. With KeepBuilds, the same
	// pages given in the same order are in the last Build's order.
	last := x.last
	var order []int32
	if last != nil && len(last.inputs) == len(entries) {
		order = last.order
		for i := range entries {
			if e, in := &entries[i], &last.inputs[i]; e.URL != in.url || e.Title != in.title || e.Description != in.description {
				order = nil
				break
			}
		}
	}
	if order == nil {
		order = make([]int32, len(entries))
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(i, j int32) int {
			a, b := &entries[i], &entries[j]
			return cmp.Or(CompareTitles(a.key, a.Title, a.URL, b.key, b.Title, b.URL), cmp.Compare(i, j))
		})
		if last != nil {
			last.order, last.inputs = order, make([]lastPage, len(entries))
			for i := range entries {
				e := &entries[i]
				last.inputs[i] = lastPage{url: e.URL, title: e.Title, description: e.Description}
			}
		}
	}
	lex := x.lexicon(s)
	again := last != nil && last.post != nil && last.dir == dir && len(last.pages) == len(order)
	for i := 0; again && i < len(order); i++ {
		p, e := &last.pages[i], &entries[order[i]]
		again = p.url == e.URL && p.title == e.Title && p.description == e.Description
	}
	var byID [][]uint32 // term number → page, mask pairs
	var dirty []bool    // term number → its pairs changed since the last Build (again only)
	if again {
		// The same pages in the same places: only the pairs of the pages
		// whose words changed are taken out and put in.
		byID = append(last.post, make([][]uint32, len(x.terms)-len(last.post))...)
		dirty = make([]bool, len(x.terms))
		for i, e := range order {
			p, terms := &last.pages[i], entries[e].terms
			if len(p.terms) == len(terms) && (len(terms) == 0 || &p.terms[0] == &terms[0] || slices.Equal(p.terms, terms)) {
				continue
			}
			// The terms both have in the same fields stay as they are.
			was, is := slices.Sorted(slices.Values(p.terms)), slices.Sorted(slices.Values(terms))
			for len(was) > 0 || len(is) > 0 {
				switch {
				case len(is) == 0 || len(was) > 0 && was[0]>>4 < is[0]>>4:
					byID[was[0]>>4] = removePage(byID[was[0]>>4], uint32(i))
					dirty[was[0]>>4] = true
					was = was[1:]
				case len(was) == 0 || is[0]>>4 < was[0]>>4:
					byID[is[0]>>4] = insertPage(byID[is[0]>>4], uint32(i), is[0]&15)
					dirty[is[0]>>4] = true
					is = is[1:]
				default:
					if was[0] != is[0] { // other fields
						post := byID[is[0]>>4]
						j, _ := pageAt(post, uint32(i))
						post[2*j+1] = is[0] & 15
						dirty[is[0]>>4] = true
					}
					was, is = was[1:], is[1:]
				}
			}
			p.terms = terms
		}
	} else {
		// All pairs in one array: each term's pairs counted first, so
		// that nothing grows (at 10 000 pages the pairs are millions),
		// each term's its own part of it.
		count := make([]int, len(x.terms))
		n := 0
		for i := range entries {
			for _, t := range entries[i].terms {
				count[t>>4] += 2
			}
			n += 2 * len(entries[i].terms)
		}
		all := make([]uint32, 0, n)
		byID = make([][]uint32, len(x.terms))
		for id, c := range count {
			if c > 0 {
				byID[id] = all[len(all) : len(all) : len(all)+c]
				all = all[:len(all)+c]
			}
		}
		for i, e := range order {
			for _, t := range entries[e].terms {
				byID[t>>4] = append(byID[t>>4], uint32(i), t&15)
			}
		}
	}
	// The terms of these pages by word, by key (the first two letters, or
	// one), the keys into shards of about ShardBytes, each written as
	// encoding/json writes {"v":2,"terms":{term:[page delta, mask, …],…}}.
	// Again, a shard of the same terms, none of them changed, is the last
	// one.
	var ids []uint32
	for _, id := range x.sortedTerms() {
		if len(byID[id]) > 0 {
			ids = append(ids, id)
		}
	}
	var lastAt map[uint32]int // a last shard by its first term
	if again {
		lastAt = make(map[uint32]int, len(last.shards))
		for i, sh := range last.shards {
			lastAt[sh.ids[0]] = i
		}
	}
	key := func(t string) string { return t[:min(len(t), 2)] }
	var shards []Shard
	var made []builtShard
	var buf []byte
	flush := func(ids []uint32) {
		if j, ok := lastAt[ids[0]]; ok && slices.Equal(last.shards[j].ids, ids) &&
			!slices.ContainsFunc(ids, func(id uint32) bool { return dirty[id] }) {
			shards = append(shards, last.shards[j].Shard)
			made = append(made, last.shards[j])
			return
		}
		buf = append(buf[:0], `{"v":`...)
		buf = strconv.AppendInt(buf, PagesVersion, 10)
		buf = append(buf, `,"terms":{`...)
		for i, id := range ids {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = appendJSON(buf, x.terms[id])
			buf = append(buf, ':', '[')
			prev := uint32(0)
			for j, p := range byID[id] {
				if j > 0 {
					buf = append(buf, ',')
				}
				if j%2 == 0 {
					p, prev = p-prev, p
				}
				if p < 10 { // masks, and most gaps between pages
					buf = append(buf, byte('0'+p))
				} else {
					buf = strconv.AppendUint(buf, uint64(p), 10)
				}
			}
			buf = append(buf, ']')
		}
		buf = append(buf, "}}"...)
		sum := sha256.Sum256(buf)
		k := key(x.terms[ids[0]])
		sh := Shard{Key: k, Path: dir + "/" + k + "." + hex.EncodeToString(sum[:4]) + ".json", Data: bytes.Clone(buf)}
		shards = append(shards, sh)
		made = append(made, builtShard{ids, sh})
	}
	start, size := 0, 0 // the shard being filled: ids[start:], its size so far
	for i := 0; i < len(ids); {
		// The group of the terms of ids[i]'s key.
		k := key(x.terms[ids[i]])
		j, gsize := i, 0
		for ; j < len(ids) && key(x.terms[ids[j]]) == k; j++ {
			gsize += len(x.terms[ids[j]]) + 4 + 4*len(byID[ids[j]])
		}
		if size > 0 && size+gsize > ShardBytes {
			flush(ids[start:i])
			start, size = i, 0
		}
		size += gsize
		i = j
	}
	if start < len(ids) {
		flush(ids[start:])
	}
	// The main file: every page in order, its fragment file (the text by
	// heading, fetched for the results shown) named by its address. Again,
	// with the same shards and lexicon, it is the last one.
	var fragments []Shard
	for _, e := range order {
		if d := &entries[e]; d.fragment != nil {
			fragments = append(fragments, Shard{Path: FragmentPath(d.URL), Data: d.fragment})
		}
	}
	var meta []byte
	if again && len(lex) > 0 && len(last.lex) > 0 && &lex[0] == &last.lex[0] &&
		slices.EqualFunc(made, last.shards, func(a, b builtShard) bool { return a.Path == b.Path }) {
		meta = last.meta
	} else {
		var pages []byte // the pages' part: again, the last one
		if again {
			pages = last.pagesJSON
		} else {
			for i, e := range order {
				d := &entries[e]
				if i > 0 {
					pages = append(pages, ',')
				}
				pages = append(pages, '[')
				pages = appendJSON(pages, d.URL)
				pages = append(pages, ',')
				pages = appendJSON(pages, d.Title)
				pages = append(pages, ',')
				pages = appendJSON(pages, d.Description)
				pages = append(pages, ']')
			}
		}
		buf = append(buf[:0], `{"v":`...)
		buf = strconv.AppendInt(buf, PagesVersion, 10)
		buf = append(buf, ',')
		buf = append(buf, lex...)
		buf = append(buf, `,"pages":[`...)
		buf = append(buf, pages...)
		buf = append(buf, `],"shards":[`...)
		for i, sh := range shards {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, '[')
			buf = appendJSON(buf, sh.Key)
			buf = append(buf, ',')
			buf = appendJSON(buf, "/"+sh.Path)
			buf = append(buf, ']')
		}
		meta = append(buf, "]}"...)
		if last != nil {
			last.pagesJSON = pages
		}
	}
	if last != nil {
		if !again {
			last.pages = make([]lastPage, len(order))
			for i, e := range order {
				d := &entries[e]
				last.pages[i] = lastPage{url: d.URL, title: d.Title, description: d.Description, terms: d.terms}
			}
		}
		last.dir, last.post, last.shards, last.lex, last.meta = dir, byID, made, lex, meta
	}
	x.mu.Lock()
	err := x.err
	x.mu.Unlock()
	return meta, append(shards, fragments...), err
}

// KeepBuilds makes Build keep what it made, so that a Build of the same
// pages (the same addresses, titles and descriptions) makes again only
// what the pages whose words changed are in: their words' page, mask
// pairs and the shards of those words. The dev server calls it: after an
// edit of one page's text, the index is that page's words, not the
// site's. Call it before Build.
func (x *PageIndex) KeepBuilds() {
	if x.last == nil {
		x.last = &lastBuild{}
	}
}

// lastBuild is what Build made, with KeepBuilds.
type lastBuild struct {
	inputs    []lastPage // the entries, as given (no terms)
	order     []int32    // their order in the index
	dir       string
	pages     []lastPage   // in the index's order
	post      [][]uint32   // by term number: page, mask pairs
	shards    []builtShard // in order
	lex       []byte       // the lexicon the main file was made with
	meta      []byte
	pagesJSON []byte // the main file's pages, "[url,title,description],…"
}

type lastPage struct {
	url, title, description string
	terms                   []uint32
}

// builtShard is a shard and its terms, by word.
type builtShard struct {
	ids []uint32
	Shard
}

// removePage returns post (page, mask pairs by page) without page.
func removePage(post []uint32, page uint32) []uint32 {
	if i, ok := pageAt(post, page); ok {
		return slices.Delete(post, 2*i, 2*i+2)
	}
	return post
}

// insertPage returns post (page, mask pairs by page) with page, mask.
func insertPage(post []uint32, page, mask uint32) []uint32 {
	i, _ := pageAt(post, page)
	return slices.Insert(post, 2*i, page, mask)
}

// pageAt returns the pair of page in post, or where it would go.
func pageAt(post []uint32, page uint32) (int, bool) {
	i := sort.Search(len(post)/2, func(i int) bool { return post[2*i] >= page })
	return i, i < len(post)/2 && post[2*i] == page
}

// sortedTerms returns every term's number in the order of their words:
// the terms numbered since the last call are sorted and merged in.
func (x *PageIndex) sortedTerms() []uint32 {
	x.mu.Lock()
	defer x.mu.Unlock()
	n := len(x.sorted)
	if n == len(x.terms) {
		return x.sorted
	}
	byWord := func(a, b uint32) int { return strings.Compare(x.terms[a], x.terms[b]) }
	add := make([]uint32, 0, len(x.terms)-n)
	for id := n; id < len(x.terms); id++ {
		add = append(add, uint32(id))
	}
	slices.SortFunc(add, byWord)
	merged := make([]uint32, 0, len(x.terms))
	old := x.sorted
	for len(old) > 0 && len(add) > 0 {
		if byWord(old[0], add[0]) < 0 {
			merged, old = append(merged, old[0]), old[1:]
		} else {
			merged, add = append(merged, add[0]), add[1:]
		}
	}
	x.sorted = append(append(merged, old...), add...)
	return x.sorted
}

// lexicon returns the stop words, noise words and synonyms of s as the
// main file has them, "stop":[…],"noise":[…],"syn":[[…],…]: made once
// for the same settings (the dev server builds again and again).
func (x *PageIndex) lexicon(s Settings) []byte {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.lex != nil && sameSettings(x.lexOf, s) {
		return x.lex
	}
	var b []byte
	for i, part := range []struct {
		name string
		v    any
	}{{"stop", StopWords}, {"noise", s.noise()}, {"syn", s.groups()}} {
		data, err := json.Marshal(part.v)
		if err != nil {
			panic(err) // lists of strings
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, part.name...)
		b = append(b, '"', ':')
		b = append(b, data...)
	}
	x.lex, x.lexOf = b, s
	return b
}

// sameSettings reports whether a and b make the same lexicon.
func sameSettings(a, b Settings) bool {
	return a.NoDefaults == b.NoDefaults && slices.Equal(a.Noise, b.Noise) &&
		slices.EqualFunc(a.Synonyms, b.Synonyms, func(a, b Synonym) bool {
			return a.Key == b.Key && slices.Equal(a.Expansion, b.Expansion)
		})
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

// CompareTitles orders two pages as their titles sort in Swedish (key is
// swedish.Key of the title), then by the titles' bytes, then by their
// addresses: the order of the site search's index and of its A–Ö list.
func CompareTitles(aKey []byte, aTitle, aURL string, bKey []byte, bTitle, bURL string) int {
	if c := bytes.Compare(aKey, bKey); c != 0 {
		return c
	}
	if c := strings.Compare(aTitle, bTitle); c != 0 {
		return c
	}
	return strings.Compare(aURL, bURL)
}
