package dataset

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// The schema's rules are checked here, without a JSON Schema library:
// the one this package used (santhosh-tekuri/jsonschema) compiles the
// meta-schemas of every draft when a program starts, 4 ms and 1.7 MB in
// every build, and the schema again on every check. check gives each
// problem the library's words at the library's place (TestCheckAsLibrary
// compares the two on files broken in every way the schema forbids); the
// library checks the published schema against the open data of the
// fixture sites in the tests of package opendata.

// problem is one way a file breaks the schema: where, as a JSON
// pointer's parts, and what, in the schema library's words.
type problem struct {
	loc []string
	msg string
}

// decode reads a file as the schema library does: one JSON value, its
// numbers as json.Number.
func decode(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil || err != io.EOF {
		return nil, fmt.Errorf("invalid character after top-level value")
	}
	return doc, nil
}

// Check checks a file against the schema's rules (those of Schema, with
// formats asserted: dates, URIs) and returns an error naming each
// problem at its JSON pointer.
func Check(data []byte) error {
	doc, err := decode(data)
	if err != nil {
		return err
	}
	probs := check(doc)
	if len(probs) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("the file does not match its schema:")
	for _, p := range probs {
		fmt.Fprintf(&b, "\n- at %s: %s", quote(pointer(p.loc)), p.msg)
	}
	return fmt.Errorf("%s", b.String())
}

// rule is what the schema says of one value.
type rule struct {
	typ       string // string, number, array (of strings with item's rule)
	format    string
	pattern   *regexp.Regexp
	enum      []string
	minLength bool     // at least one letter
	min, max  *big.Rat // bounds of a number
	item      *rule
}

// rules are the rules of a unit's fields by name, and frame those of the
// file's other keys; made once, when first needed.
var rules = sync.OnceValues(func() (map[string]*rule, map[string]*rule) {
	units := map[string]*rule{}
	for _, f := range Fields {
		r := &rule{typ: f.Type}
		item := r
		if f.Type == "array" {
			item = &rule{typ: "string"}
			r.item = item
		}
		item.format, item.enum = f.Format, f.Enum
		if f.Pattern != "" {
			item.pattern = regexp.MustCompile(f.Pattern)
		}
		item.minLength = f.Type == "string"
		switch f.Name {
		case "latitude":
			r.min, r.max = big.NewRat(55, 1), big.NewRat(139, 2)
		case "longitude":
			r.min, r.max = big.NewRat(10, 1), big.NewRat(49, 2)
		}
		units[f.Name] = r
	}
	frame := map[string]*rule{
		"$schema":   {typ: "string"},
		"license":   {typ: "string", format: "uri"},
		"publisher": {typ: "string", minLength: true},
		"modified":  {typ: "string", format: "date"},
	}
	return units, frame
})

// frameKeys and unitKeys are the keys a file and a unit must have.
var frameKeys = []string{"license", "publisher", "modified", "units"}

func unitKeys() []string {
	var keys []string
	for _, f := range Fields {
		if f.Required {
			keys = append(keys, f.Name)
		}
	}
	return keys
}

// check returns the problems of doc, a file as decode reads it: in the
// file, those of the frame's keys in the order of their names, then the
// units' in their order; in an object, its missing keys, then each key's
// problems (a unit's in the order of Fields), then the keys it may not
// have. The schema library finds the same, in the order in which it
// happens to visit an object's keys.
func check(doc any) []problem {
	c := &checker{}
	obj, ok := doc.(map[string]any)
	if !ok {
		c.add(nil, "got %s, want %s", typeName(doc), "object")
		return c.probs
	}
	units, frame := rules()
	c.required(nil, obj, frameKeys)
	var extra []string
	for _, k := range sortedKeys(obj) {
		if r, ok := frame[k]; ok {
			c.value([]string{k}, obj[k], r)
		} else if k == "units" {
			c.units(obj[k], units)
		} else {
			extra = append(extra, k)
		}
	}
	c.additional(nil, extra)
	return c.probs
}

// checker collects problems.
type checker struct {
	probs []problem
}

// add adds a problem at loc, in the words of format and args as the
// schema library's printer writes them.
func (c *checker) add(loc []string, format string, args ...any) {
	c.probs = append(c.probs, problem{slices.Clone(loc), printer.Sprintf(format, args...)})
}

func (c *checker) required(loc []string, obj map[string]any, keys []string) {
	var missing []string
	for _, k := range keys {
		if _, ok := obj[k]; !ok {
			missing = append(missing, k)
		}
	}
	switch {
	case len(missing) == 1:
		c.add(loc, "missing property %s", quote(missing[0]))
	case len(missing) > 1:
		c.add(loc, "missing properties %s", joinQuoted(missing, ", "))
	}
}

func (c *checker) additional(loc []string, extra []string) {
	if len(extra) > 0 {
		c.add(loc, "additional properties %s not allowed", joinQuoted(extra, ", "))
	}
}

// units checks the file's units.
func (c *checker) units(v any, rules map[string]*rule) {
	arr, ok := v.([]any)
	if !ok {
		c.add([]string{"units"}, "got %s, want %s", typeName(v), "array")
		return
	}
	fields := unitKeys()
	var buf [4]string // the place: units, the unit, a field, an item
	buf[0] = "units"
	for i, u := range arr {
		buf[1] = strconv.Itoa(i)
		loc := buf[:2]
		obj, ok := u.(map[string]any)
		if !ok {
			c.add(loc, "got %s, want %s", typeName(u), "object")
			continue
		}
		c.required(loc, obj, fields)
		known := 0
		for _, f := range Fields {
			if v, ok := obj[f.Name]; ok {
				known++
				buf[2] = f.Name
				c.value(buf[:3], v, rules[f.Name])
			}
		}
		if known == len(obj) {
			continue
		}
		var extra []string
		for _, k := range sortedKeys(obj) {
			if rules[k] == nil {
				extra = append(extra, k)
			}
		}
		c.additional(loc, extra)
	}
}

// value checks v against r, in the schema library's order: type, enum,
// format (each the only problem when it is one), then a string's length
// and pattern, a number's bounds, an array's items.
func (c *checker) value(loc []string, v any, r *rule) {
	if t := typeName(v); t != r.typ {
		c.add(loc, "got %s, want %s", t, r.typ)
		return
	}
	switch v := v.(type) {
	case string:
		if r.enum != nil && !slices.Contains(r.enum, v) {
			c.add(loc, "%s", enumWords(r.enum))
			return
		}
		if err := validFormat(r.format, v); err != nil {
			c.add(loc, "%s is not valid %s: %v", quote(v), r.format, err)
			return
		}
		if n := utf8.RuneCountInString(v); r.minLength && n < 1 {
			c.add(loc, "minLength: got %d, want %d", n, 1)
		}
		if r.pattern != nil && !r.pattern.MatchString(v) {
			c.add(loc, "%s does not match pattern %s", quote(v), quote(r.pattern.String()))
		}
	case json.Number:
		if r.min == nil || within(v, r) {
			return
		}
		n, _ := new(big.Rat).SetString(v.String())
		if n.Cmp(r.min) < 0 {
			got, _ := n.Float64()
			want, _ := r.min.Float64()
			c.add(loc, "minimum: got %v, want %v", got, want)
		}
		if n.Cmp(r.max) > 0 {
			got, _ := n.Float64()
			want, _ := r.max.Float64()
			c.add(loc, "maximum: got %v, want %v", got, want)
		}
	case []any:
		for i, x := range v {
			// loc has room for the item's place (see units).
			c.value(append(loc, strconv.Itoa(i)), x, r.item)
		}
	}
}

// within says whether n is inside r's bounds by more than float64's
// rounding of it: most numbers are, and are not compared exactly.
func within(n json.Number, r *rule) bool {
	f, err := strconv.ParseFloat(n.String(), 64)
	if err != nil {
		return false
	}
	lo, _ := r.min.Float64()
	hi, _ := r.max.Float64()
	return f > lo+1e-9 && f < hi-1e-9
}

// typeName is the JSON type of a value as decode gives it.
func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// enumWords is the schema library's problem with a value not in enum.
func enumWords(enum []string) string {
	if len(enum) == 1 {
		return printer.Sprintf("value must be %s", quote(enum[0]))
	}
	var want []string
	for _, v := range enum {
		want = append(want, quote(v))
	}
	return printer.Sprintf("value must be one of %s", strings.Join(want, ", "))
}

// validFormat checks s against a format of the schema ("" for none) as
// the schema library does, with its words for what is wrong.
func validFormat(format, s string) error {
	switch format {
	case "date":
		_, err := time.Parse("2006-01-02", s)
		return err
	case "uri":
		u, err := parseURL(s)
		if err != nil {
			return err
		}
		if !u.IsAbs() {
			return fmt.Errorf("relative url")
		}
	case "uri-reference":
		if strings.Contains(s, `\`) {
			return fmt.Errorf(`contains \`)
		}
		_, err := parseURL(s)
		return err
	}
	return nil
}

// parseURL is url.Parse, which does not check an IPv6 host, and that
// check.
func parseURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, err
	}
	if host := u.Hostname(); strings.Contains(host, ":") {
		if !strings.Contains(u.Host, "[") || !strings.Contains(u.Host, "]") {
			return nil, fmt.Errorf("ipv6 address not enclosed in brackets")
		}
		addr, err := netip.ParseAddr(host)
		if err != nil {
			return nil, fmt.Errorf("invalid ipv6 address: %v", err)
		}
		if addr.Zone() != "" {
			return nil, fmt.Errorf("invalid ipv6 address: %v", "zone id is not a part of ipv6 address")
		}
	}
	return u, nil
}

// quote is the schema library's quoting: Go's, in single quotes.
func quote(s string) string {
	s = strconv.Quote(s)
	s = strings.ReplaceAll(s, `\"`, `"`)
	s = strings.ReplaceAll(s, `'`, `\'`)
	return "'" + s[1:len(s)-1] + "'"
}

func joinQuoted(a []string, sep string) string {
	q := make([]string, len(a))
	for i, s := range a {
		q[i] = quote(s)
	}
	return strings.Join(q, sep)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
