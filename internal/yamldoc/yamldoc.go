// Package yamldoc reads the YAML that communicators write (front matter and
// unit registries) strictly, and reports every problem at its file, line and
// column in plain words.
//
// # Decoding
//
// [Decoder.Decode] fills a struct from a mapping node, field by field, by the
// fields' yaml tags. It differs from yaml.v3's own decoding in what it does
// with mistakes:
//
//   - An unknown key is an error, with a hint naming the closest known key
//     ("titel" → "did you mean title?").
//   - A key given twice is an error at the second one.
//   - A key marked required (`yaml:"title,required"`) that is missing or
//     empty is an error at the mapping.
//   - A value of the wrong kind says what to write: "weight must be a whole
//     number, like 3"; "draft must be true or false".
//   - A time.Time must be a calendar date written 2026-09-12; 2026-02-30 is
//     "not a date in the calendar".
//   - A []T accepts a single value as a list of one.
//
// Every problem is collected; decoding goes on after one, so a file's
// problems are reported together.
//
// A struct may record where it was written: a field `Pos yamldoc.Pos` gets
// the position of its mapping, and a field `Keys map[string]yamldoc.Pos`
// gets the position of each value by key, for checks made after decoding.
// Types with their own UnmarshalYAML are decoded by it; its error becomes
// the message at the value's position.
//
// # Keys that another package decodes
//
// A struct may accept keys that it does not decode itself: a field of type
// [Rest] whose Accept, set before decoding, names them. Decode checks them
// like the struct's own keys (a key given twice is an error; a misspelt key
// is matched against them too; hints list them at the place of the field)
// and keeps their values undecoded, with their positions, in the Rest (and
// in Keys). The package that owns them decodes them later with
// [Rest.Decode], with the same messages at the same positions as if they had
// been fields of the struct.
package yamldoc

import (
	"bytes"
	"errors"
	"io/fs"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// Pos is a position in a source file.
type Pos struct {
	Line, Col int
}

// Decoder decodes nodes from one file.
type Decoder struct {
	Path       string    // file path used in errors
	LineOffset int       // added to node lines: the lines before the YAML in the file
	Errs       diag.List // problems found so far
}

// PosOf returns where the value of key k is written, by keys (a struct's
// Keys field), or else or: the position of the mapping, when k was not
// written.
func PosOf(keys map[string]Pos, k string, or Pos) Pos {
	if p, ok := keys[k]; ok {
		return p
	}
	return or
}

// At returns the position of n in the file.
func (d *Decoder) At(n *yaml.Node) Pos {
	return Pos{Line: n.Line + d.LineOffset, Col: n.Column}
}

// Report records the problem m at n and returns it, so a hint can be added.
func (d *Decoder) Report(n *yaml.Node, m msg.Message) *diag.Error {
	p := d.At(n)
	return d.Errs.At(d.Path, p.Line, p.Col, m)
}

// ReadFile reads the file d.Path of fsys, which a site need not have, and
// parses it (see Parse). A missing file gives a nil node and no error; a
// file that cannot be read is an error at d.Path.
func (d *Decoder) ReadFile(fsys fs.FS) (*yaml.Node, error) {
	data, err := fs.ReadFile(fsys, d.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, diag.New(d.Path, 0, 0, msg.FileUnreadable.With(err))
	}
	return d.Parse(data)
}

// lineRE finds the line in yaml.v3's errors; made when first needed, not
// when a program starts.
var lineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// Parse parses data as a single YAML document and returns the node of its
// content, or nil for an empty document. A syntax error is returned as a
// *diag.Error at its line, with a hint for the usual causes. A mapping of
// the plainest form (keys with one-line values or lists of them, as most
// front matter is) is read without yaml.v3, into the nodes it would make.
func (d *Decoder) Parse(data []byte) (*yaml.Node, error) {
	if n, ok := flat(data); ok {
		return n, nil // no second document in that form
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		// yaml.v3 leaves the line out when the problem is on the first line.
		line, text := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := lineRE().FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			text = m[2]
		}
		// yaml.v3 gives some parser errors the line before the one at fault:
		// look for the line that really holds the problem.
		switch {
		case strings.Contains(text, "tab character"):
			line = findLine(data, line, func(l string) bool {
				return strings.Contains(l[:len(l)-len(strings.TrimLeft(l, " \t"))], "\t")
			})
		case strings.Contains(text, "expected ',' or ']'"), strings.Contains(text, "expected ',' or '}'"):
			line = findLine(data, line, func(l string) bool { return strings.ContainsAny(l, "[{") })
		}
		c := complaintOf(text)
		e := diag.New(d.Path, line+d.LineOffset, 0, YAMLUnreadable.With(reason(c, text)))
		if c.hint != nil {
			e.Hint = c.hint.With()
		}
		if c.reason == YAMLReasonColon {
			// yaml.v3 gives no column: point at the second ": " on the line.
			if l := nthLine(data, line); l != "" {
				if i := strings.Index(l, ": "); i >= 0 {
					if j := strings.Index(l[i+2:], ": "); j >= 0 {
						e.Col = len([]rune(l[:i+2+j])) + 1
					}
				}
			}
		}
		return nil, e
	}
	if line := secondDocument(data); line > 0 {
		e := diag.New(d.Path, line+d.LineOffset, 1, YAMLSecondDoc.With())
		e.Hint = HintYAMLSecondDoc.With()
		return nil, e
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// secondDocument returns the line of a document marker (--- or ...) at the
// start of a line that has content before and after it, or 0. The parser
// reads only the first document of a file, so without this check what
// follows such a line (pasted units, say) would silently be left out. A
// marker in the first column cannot be part of a value: the lines of a
// block value are indented.
func secondDocument(data []byte) int {
	content := false
	marker := 0
	i := -1
	for l := range bytes.Lines(data) { // not a string per line: a registry has thousands
		i++
		l = bytes.TrimRight(l, " \t\r\n")
		if string(l) == "---" || string(l) == "..." || bytes.HasPrefix(l, []byte("--- ")) || bytes.HasPrefix(l, []byte("... ")) {
			if content && marker == 0 {
				marker = i + 1
			}
			continue
		}
		if t := bytes.TrimSpace(l); len(t) == 0 || t[0] == '#' {
			continue
		}
		if marker > 0 {
			return marker
		}
		content = true
	}
	return 0
}

// A complaint is one of the parser's usual complaints: words it contains,
// the reason in the catalog's words (nil: the parser's own words) and the
// hint.
type complaint struct {
	words        []string
	reason, hint *msg.Key
}

// complaints are tried in order; the first whose words occur wins.
var complaints = []complaint{
	{[]string{"mapping values are not allowed"}, YAMLReasonColon, HintYAMLColon},
	{[]string{"tab character"}, YAMLReasonTab, HintYAMLTab},
	{[]string{"cannot start any token"}, YAMLReasonToken, HintYAMLToken},
	{[]string{"did not find expected key", "block mapping"}, YAMLReasonIndent, HintYAMLIndent},
	{[]string{"expected '-' indicator"}, YAMLReasonList, HintYAMLIndent},
	{[]string{"block sequence entries are not allowed"}, YAMLReasonListInline, HintYAMLListInline},
	{[]string{"unknown escape"}, YAMLReasonEscape, HintYAMLEscape},
	{[]string{"could not find expected ':'"}, YAMLReasonNoColon, HintYAMLNoColon},
	{[]string{"unknown anchor", "expected alphabetic or numeric"}, YAMLReasonAnchor, HintYAMLAnchor},
	{[]string{"control characters"}, YAMLReasonControl, HintYAMLControl},
	{[]string{"UTF-8"}, YAMLReasonUTF8, msg.HintPageUTF8},
	{[]string{"expected ',' or ']'", "expected ',' or '}'"}, YAMLReasonBracket, HintYAMLClose},
	{[]string{"unexpected end"}, YAMLReasonEnd, HintYAMLClose},
	{[]string{"did not find expected"}, nil, HintYAMLClose},
}

// reason is why the parser could not read the file, as c says it in the
// catalog's words, or text, the parser's own words, for a rare complaint.
func reason(c complaint, text string) msg.Message {
	if c.reason == nil {
		return msg.Plain.With(text)
	}
	return c.reason.With()
}

// complaintOf returns the usual complaint s is, or the zero complaint.
func complaintOf(s string) complaint {
	for _, c := range complaints {
		for _, w := range c.words {
			if strings.Contains(s, w) {
				return c
			}
		}
	}
	return complaint{}
}

// Decode fills v, a pointer to a struct, from the mapping node n. Problems
// are added to d.Errs; what can be decoded is decoded.
func (d *Decoder) Decode(n *yaml.Node, v any) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("yamldoc: Decode needs a non-nil pointer")
	}
	d.value(n, rv.Elem(), "")
}

var (
	timeType      = reflect.TypeFor[time.Time]()
	posType       = reflect.TypeFor[Pos]()
	keysType      = reflect.TypeFor[map[string]Pos]()
	restType      = reflect.TypeFor[Rest]()
	unmarshalType = reflect.TypeFor[yaml.Unmarshaler]()
)

// Rest holds the keys of a mapping that another package decodes (see
// "Keys that another package decodes" above).
type Rest struct {
	// Accept names the keys the Rest takes, in the order hints list them.
	// Set it before decoding.
	Accept []string

	path   string     // the file
	offset int        // the decoder's LineOffset
	at     *yaml.Node // the mapping they were written in, without its content
	pairs  []*yaml.Node
}

// Has reports whether the key k was written.
func (r *Rest) Has(k string) bool {
	for i := 0; i+1 < len(r.pairs); i += 2 {
		if r.pairs[i].Value == k {
			return true
		}
	}
	return false
}

// Empty reports whether none of the accepted keys was written.
func (r *Rest) Empty() bool { return len(r.pairs) == 0 }

// Decode fills v, a pointer to a struct, from the keys the Rest holds that
// are keys of v, as Decoder.Decode would have filled it from the whole
// mapping: problems are at their positions in the file, and a field
// `Keys map[string]yamldoc.Pos` gets the positions of v's keys.
func (r *Rest) Decode(v any) diag.List {
	d := Decoder{Path: r.path, LineOffset: r.offset}
	if r.at == nil {
		d.Decode(&yaml.Node{Kind: yaml.MappingNode}, v)
		return d.Errs
	}
	own, _, _ := fields(reflect.TypeOf(v).Elem())
	n := *r.at
	n.Content = nil
	for i := 0; i+1 < len(r.pairs); i += 2 {
		if _, ok := own[r.pairs[i].Value]; ok {
			n.Content = append(n.Content, r.pairs[i], r.pairs[i+1])
		}
	}
	d.Decode(&n, v)
	return d.Errs
}

func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// value decodes n into v; key is the key it was written under, for
// messages (nameOf).
func (d *Decoder) value(n *yaml.Node, v reflect.Value, key string) {
	n = resolve(n)
	if reflect.PointerTo(v.Type()).Implements(unmarshalType) {
		if err := n.Decode(v.Addr().Interface()); err != nil {
			d.Report(n, msg.YAMLValue.With(nameOf(key), trimYAML(err)))
		}
		return
	}
	if v.Type() == timeType {
		d.date(n, v, key)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			return
		}
		p := reflect.New(v.Type().Elem())
		d.value(n, p.Elem(), key)
		v.Set(p)
	case reflect.Struct:
		d.mapping(n, v, nameOf(key))
	case reflect.Slice:
		d.slice(n, v, key, nameOf(key))
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.Report(n, YAMLNotText.With(nameOf(key), kindName(n))).Tip(HintYAMLText.With())
			return
		}
		if !isNull(n) {
			if i := strings.IndexFunc(n.Value, diag.IsControl); i >= 0 {
				r, _ := utf8.DecodeRuneInString(n.Value[i:])
				d.Report(n, YAMLControl.With(nameOf(key), diag.CodePoint(r))).Tip(HintYAMLControlValue.With())
				// Reported once, here: what follows sees the text without them.
				v.SetString(strings.Map(func(r rune) rune {
					if diag.IsControl(r) {
						return -1
					}
					return r
				}, n.Value))
				return
			}
			v.SetString(n.Value)
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.Report(n, YAMLNotBool.With(nameOf(key), n.Value))
			return
		}
		b, _ := strconv.ParseBool(strings.ToLower(n.Value))
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, err := strconv.ParseInt(n.Value, 10, 64)
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil || v.OverflowInt(i) {
			d.Report(n, YAMLNotWhole.With(nameOf(key), n.Value))
			return
		}
		v.SetInt(i)
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(n.Value, 64)
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") || err != nil {
			d.Report(n, YAMLNotNumber.With(nameOf(key), n.Value))
			return
		}
		v.SetFloat(f)
	default:
		if err := n.Decode(v.Addr().Interface()); err != nil {
			d.Report(n, msg.YAMLValue.With(nameOf(key), trimYAML(err)))
		}
	}
}

// nameOf returns how a message names the value of key: the key, or "the
// value" for an item of a list. It is made where a message or a mapping
// needs it, not for every value (a string in an interface is an
// allocation).
func nameOf(key string) any {
	if key == "" {
		return YAMLTheValue.With()
	}
	return key
}

// trimYAML returns err without yaml.v3's "yaml: " prefix; an error of ours
// (a msg.Message) is kept as it is, to be printed in the reader's language.
func trimYAML(err error) any {
	var m msg.Message
	if errors.As(err, &m) {
		return m
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

func (d *Decoder) date(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		d.Report(n, YAMLNotDate.With(nameOf(key)))
		return
	}
	t, err := ParseDate(n.Value)
	if err != nil {
		d.Report(n, msg.YAMLValue.With(nameOf(key), err))
		return
	}
	*v.Addr().Interface().(*time.Time) = t // not through an interface of its own
}

// dateParts splits s, written YYYY-M-D (four digits, one or two, one or
// two), into m[1], m[2], m[3] as the expression ^(\d{4})-(\d{1,2})-(\d{1,2})$
// would, which it was (TestDateParts holds it to that).
func dateParts(s string) (m [4]string, ok bool) {
	digits := func(s string) bool {
		for i := range len(s) {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return len(s) > 0
	}
	if len(s) < 8 || len(s) > 10 || s[4] != '-' || !digits(s[:4]) {
		return m, false
	}
	rest := s[5:]
	j := strings.IndexByte(rest, '-')
	if j < 1 || j > 2 || len(rest)-j-1 < 1 || len(rest)-j-1 > 2 || !digits(rest[:j]) || !digits(rest[j+1:]) {
		return m, false
	}
	return [4]string{s, s[:4], rest[:j], rest[j+1:]}, true
}

// ParseDate parses a calendar date written YYYY-MM-DD, as midnight UTC, with
// errors in the words the package uses (a msg.Message).
func ParseDate(s string) (time.Time, error) {
	m, ok := dateParts(s)
	if !ok {
		return time.Time{}, DateFormat.With(s)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	dd, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), dd, 0, 0, 0, 0, time.UTC)
	if mo < 1 || mo > 12 || t.Day() != dd || t.Month() != time.Month(mo) {
		return time.Time{}, DateNotInCalendar.With(s)
	}
	if len(m[2]) != 2 || len(m[3]) != 2 {
		return time.Time{}, DateTwoDigits.With(s, t.Format("2006-01-02"))
	}
	return t, nil
}

func kindName(n *yaml.Node) msg.Message {
	switch n.Kind {
	case yaml.MappingNode:
		return YAMLKindMapping.With()
	case yaml.SequenceNode:
		return YAMLKindList.With()
	}
	return YAMLKindValue.With()
}

func (d *Decoder) slice(n *yaml.Node, v reflect.Value, key string, name any) {
	if isNull(n) {
		return
	}
	items := n.Content
	if n.Kind != yaml.SequenceNode {
		if n.Kind == yaml.MappingNode && v.Type().Elem().Kind() != reflect.Struct {
			d.Report(n, YAMLNotList.With(name))
			return
		}
		items = []*yaml.Node{n}
	}
	out := reflect.MakeSlice(v.Type(), len(items), len(items))
	for i, item := range items {
		d.value(item, out.Index(i), key)
	}
	v.Set(out)
}

type field struct {
	key      string
	index    int
	required bool
}

// fields lists the decodable fields of struct type t by key. rest is the
// index of its Rest field, or -1, and at the place in order of the keys
// the Rest takes. The lists are made once per type (see typeFields) and
// shared: callers do not change them.
func fields(t reflect.Type) (byKey map[string]field, order []string, rest restField) {
	f := structFieldsOf(t)
	return f.byKey, f.order, f.rest
}

// structFieldsOf returns t's fields, made once.
func structFieldsOf(t reflect.Type) *structFields {
	if f, ok := typeFields.Load(t); ok {
		return f.(*structFields)
	}
	f := &structFields{}
	f.byKey, f.order, f.rest = makeFields(t)
	f.order = slices.Clip(f.order)
	if p, ok := t.FieldByName("Pos"); ok && p.Type == posType {
		f.pos = p.Index
	}
	if k, ok := t.FieldByName("Keys"); ok && k.Type == keysType {
		f.keys = k.Index
	}
	typeFields.Store(t, f)
	return f
}

// typeFields are the struct types' fields (*structFields by
// reflect.Type): a registry of thousands of units decodes the same few
// types again and again.
var typeFields sync.Map

type structFields struct {
	byKey     map[string]field
	order     []string
	rest      restField
	pos, keys []int // the indexes of its fields Pos and Keys, or nil
}

// makeFields is fields, made.
func makeFields(t reflect.Type) (byKey map[string]field, order []string, rest restField) {
	byKey = map[string]field{}
	rest = restField{index: -1}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		if f.Type == restType && rest.index < 0 {
			rest = restField{index: i, at: len(order)}
			continue
		}
		if tag == "-" || !f.IsExported() || f.Type == posType && f.Name == "Pos" || f.Type == keysType && f.Name == "Keys" {
			continue
		}
		parts := strings.Split(tag, ",")
		key := parts[0]
		if key == "" {
			key = strings.ToLower(f.Name)
		}
		fl := field{key: key, index: i}
		for _, p := range parts[1:] {
			if p == "required" {
				fl.required = true
			}
		}
		byKey[key] = fl
		order = append(order, key)
	}
	return byKey, order, rest
}

// restField is where a struct holds a Rest.
type restField struct {
	index int // the field, or -1
	at    int // the place of its keys among the struct's own
}

// insert returns order with more inserted at i.
func insert(order []string, i int, more []string) []string {
	out := make([]string, 0, len(order)+len(more))
	out = append(out, order[:i]...)
	out = append(out, more...)
	return append(out, order[i:]...)
}

// Key is one key that Decode accepts in a mapping decoded into a struct.
type Key struct {
	Name     string       // the key as written in YAML
	Required bool         // marked `yaml:"…,required"`
	Type     reflect.Type // the Go type of its value
}

// Keys returns the keys that Decode accepts for struct type t, in the
// order of its fields: exactly the keys an unknown-key error lists as known.
// When t has a Rest field, the keys of the struct types rest (those its
// Accept names) stand at its place. Tools that describe a format (like the
// CMS forms of package cms) read it here, so they follow the decoder.
func Keys(t reflect.Type, rest ...reflect.Type) []Key {
	return keys(t, rest...)
}

// KeyNames returns the names of the keys of each struct type in ts, in
// order: the keys features read, as content must accept them.
func KeyNames(ts ...reflect.Type) []string {
	var out []string
	for _, t := range ts {
		for _, k := range keys(t) {
			out = append(out, k.Name)
		}
	}
	return out
}

func keys(t reflect.Type, rest ...reflect.Type) []Key {
	byKey, order, rf := fields(t)
	own := func(keys []string) []Key {
		out := make([]Key, len(keys))
		for i, k := range keys {
			f := byKey[k]
			out[i] = Key{Name: k, Required: f.required, Type: t.Field(f.index).Type}
		}
		return out
	}
	if rf.index < 0 {
		return own(order)
	}
	out := own(order[:rf.at])
	for _, r := range rest {
		out = append(out, Keys(r)...)
	}
	return append(out, own(order[rf.at:])...)
}

func (d *Decoder) mapping(n *yaml.Node, v reflect.Value, name any) {
	if n.Kind != yaml.MappingNode {
		if isNull(n) {
			return
		}
		d.Report(n, YAMLNotMapping.With(name, kindName(n)))
		return
	}
	t := v.Type()
	sf := structFieldsOf(t)
	byKey, order, rf := sf.byKey, sf.order, sf.rest
	var rest *Rest
	var accept map[string]bool
	if rf.index >= 0 {
		rest = v.Field(rf.index).Addr().Interface().(*Rest)
		// The mapping without its content: what Rest.Decode needs of it
		// (its place and style), not the rest of the file's nodes, which
		// the Rest would keep alive as long as the page.
		head := *n
		head.Content = nil
		rest.path, rest.offset, rest.at, rest.pairs = d.Path, d.LineOffset, &head, nil
		accept = map[string]bool{}
		for _, k := range rest.Accept {
			accept[k] = true
		}
		order = insert(order, rf.at, rest.Accept)
	}
	if sf.pos != nil {
		v.FieldByIndex(sf.pos).Set(reflect.ValueOf(d.At(n)))
	}
	var keys map[string]Pos
	if sf.keys != nil {
		keys = make(map[string]Pos, len(n.Content)/2)
		v.FieldByIndex(sf.keys).Set(reflect.ValueOf(keys))
	}
	seen := make(map[string]*yaml.Node, len(n.Content)/2)
	var suggested map[string]bool // keys named in a "did you mean" hint
	suggest := func(k string) {
		if suggested == nil {
			suggested = map[string]bool{}
		}
		suggested[k] = true
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := resolve(n.Content[i]), resolve(n.Content[i+1])
		if k.Kind == yaml.MappingNode && k.Tag == "!!merge" || k.Value == "<<" {
			d.Report(k, YAMLMergeKey.With())
			continue
		}
		f, ok := byKey[k.Value]
		if !ok && !accept[k.Value] {
			e := d.Report(k, YAMLUnknownKey.With(k.Value))
			if near := diag.Closest(k.Value, order); near != "" {
				e.Hint = msg.HintDidYouMean.With(near)
				suggest(near)
			} else {
				e.Hint = HintKnownKeys.With(strings.Join(order, ", "))
			}
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			d.Report(k, YAMLKeyTwice.With(k.Value, d.At(prev).Line)).Tip(HintKeepOne.With())
			continue
		}
		seen[k.Value] = k
		if keys != nil {
			keys[k.Value] = d.At(val)
		}
		if !ok {
			rest.pairs = append(rest.pairs, k, val)
			continue
		}
		before := len(d.Errs)
		d.value(val, v.Field(f.index), k.Value)
		if len(d.Errs) > before {
			suggest(k.Value) // reported already: not "empty" too
		}
	}
	for _, key := range order {
		f := byKey[key]
		if !f.required {
			continue
		}
		k, ok := seen[key]
		switch {
		case !ok && suggested[key]:
			// the misspelt key has been reported already
		case !ok:
			d.Report(n, YAMLMissing.With(key)).Tip(HintYAMLAddLine.With(key))
		case v.Field(f.index).IsZero() && !suggested[key]:
			d.Report(k, YAMLEmpty.With(key)).Tip(HintYAMLWriteValue.With(key))
		}
	}
}

// nthLine returns line n (1-based) of data, or "".
func nthLine(data []byte, n int) string {
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// findLine returns the first line from line on (1-based) for which ok
// holds, or line when none does.
func findLine(data []byte, line int, ok func(string) bool) int {
	lines := strings.Split(string(data), "\n")
	for n := max(line, 1); n <= len(lines); n++ {
		if ok(lines[n-1]) {
			return n
		}
	}
	return line
}
