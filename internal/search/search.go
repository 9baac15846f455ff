// Package search builds the search index of the unit directory: one small
// JSON file, written at build time and fetched by the directory's script
// (layouts/assets/directory.js), which searches and filters it in the
// browser.
//
// # The index format
//
// This is the contract between Build and the script. The file is one JSON
// object, compact (no spaces), with the characters <, > and & written as
// \u003c, \u003e and \u0026:
//
//	{"v":1,
//	 "kommun":[["umea","Umeå"],["vannas","Vännäs"]],
//	 "kind":[["vardcentral","Vårdcentral"]],
//	 "org":[["region-vasterbotten","Region Västerbotten"]],
//	 "units":[["ersboda","Vårdcentralen Ersboda","Ersbodavägen 12, 906 20 Umeå",0,0,0,0,"ersbodavagen 12 906 20 umea"]]}
//
// v is the format version, 1; a script that finds another version must not
// use the file. kommun, kind and org are lookup tables: each entry is the
// value's slug (as used in the directory's addresses and its query string,
// ?kommun=umea&kind=vardcentral) and its label. Each table is in Swedish
// alphabetical order of the labels.
//
// units holds one array per unit, in the order the directory lists them
// (Swedish alphabetical order of names), with eight members:
//
//	0  id        the unit's id; its page is /verksamheter/<id>/
//	1  name      the name to show
//	2  address   the address to show, may be ""
//	3  kommun    index into the kommun table
//	4  kind      index into the kind table
//	5  org       index into the org table
//	6  name fold the name and the unit's former names, folded for matching
//	             and joined by spaces; or 0 when that is the id with each
//	             hyphen replaced by a space (the usual case: the id is made
//	             from the name and there are no former names)
//	7  place     the address folded for matching, may be ""
//
// Folded text is what package slug's Fold makes of a string: lowercased,
// marks removed (å, ä → a, ö → o, é → e), every run of other characters
// one space. The script folds the query the same way and matches each of
// its words against the start of a word: "umea" finds "Umeå", "vård"
// finds "Vårdcentralen". A unit's place words are its address's and its
// kommun's (the kommun's folded label is its slug with hyphens as spaces).
// Names and addresses are otherwise not touched: the script must insert
// them as text, never as HTML.
package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"hbtq/internal/slug"
)

// Version is the index format version, the index's "v".
const Version = 1

// Value is a kommun, kind of care or organisation: its slug, as used in
// addresses and the query string, and its label.
type Value struct {
	Slug  string
	Label string
}

// Entry is what the index holds of one unit. Nothing else of a unit may go
// into it: the index is public.
type Entry struct {
	ID      string // the unit's id: its page is /verksamheter/<ID>/
	Name    string
	Address string
	Kommun  Value
	Kind    Value
	Org     Value
	Former  []string // former names: a search for one finds the unit
}

// Fold returns s as the index folds it for matching (see the package
// comment): "Vårdcentral Östra, Umeå" → "vardcentral ostra umea".
func Fold(s string) string { return slug.Fold(s) }

// Build returns the index of entries, which must be in the order the
// directory lists them. It reports entries without an id or name, ids
// that occur twice and values that have a label but no slug.
func Build(entries []Entry) ([]byte, error) {
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
				return nil, fmt.Errorf("search: %s: %v", e.ID, err)
			}
		}
	}
	for j := range tables {
		tables[j].sort()
	}
	for i, e := range entries {
		var name any = 0
		if f := Fold(strings.Join(append([]string{e.Name}, e.Former...), " ")); f != strings.ReplaceAll(e.ID, "-", " ") {
			name = f
		}
		rows[i] = []any{e.ID, e.Name, e.Address,
			tables[0].index[e.Kommun.Slug], tables[1].index[e.Kind.Slug], tables[2].index[e.Org.Slug],
			name, Fold(e.Address)}
	}
	idx := struct {
		V      int         `json:"v"`
		Kommun [][2]string `json:"kommun"`
		Kind   [][2]string `json:"kind"`
		Org    [][2]string `json:"org"`
		Units  [][]any     `json:"units"`
	}{Version, tables[0].pairs(), tables[1].pairs(), tables[2].pairs(), rows}
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
	c := collate.New(language.Swedish)
	sort.SliceStable(t.values, func(i, j int) bool {
		if d := c.CompareString(t.values[i].Label, t.values[j].Label); d != 0 {
			return d < 0
		}
		return t.values[i].Slug < t.values[j].Slug
	})
	for i, v := range t.values {
		t.index[v.Slug] = i
	}
}

func (t *table) pairs() [][2]string {
	out := make([][2]string, len(t.values))
	for i, v := range t.values {
		out[i] = [2]string{v.Slug, v.Label}
	}
	return out
}
