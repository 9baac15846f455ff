package cms

import (
	"bytes"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The configuration is some 2 600 lines of YAML; yaml.v3's encoder took
// most of a sample build's time in this package (~11 ms of ~13.5 ms of
// CPU). writeYAML writes the same bytes as yaml.v3's Encoder with
// SetIndent(2) for the configuration's types (structs of strings, bools,
// float pointers, slices and any holding a string or a bool), in block
// style: each scalar as yaml.v3 writes it, asked of yaml.v3 once per
// distinct text unless the text is plainly a plain scalar (scalarText).
// Anything else (a text with a line break, a kind it does not know) makes
// it give up, and encode uses yaml.v3. TestFastYAML holds the two to the
// same bytes on the configurations of the test sites and on texts of
// every kind (FuzzFastYAML).

// yamlWriter writes a value as YAML, or gives up (ok false).
type yamlWriter struct {
	buf     bytes.Buffer
	ok      bool
	scalars map[string]string // text -> as yaml.v3 writes it
	types   map[reflect.Type]typeFields
}

// typeFields are a struct type's fields (see fields), found once per
// writer: a configuration has thousands of values of a few types.
type typeFields struct {
	fields []yamlField
	ok     bool // false: a field yaml.v3 writes in a way not done here
}

// writeYAML returns v (a pointer to a struct) as yaml.v3 writes it, and
// false when it cannot.
func writeYAML(v any) ([]byte, bool) {
	w := &yamlWriter{ok: true, scalars: map[string]string{}, types: map[reflect.Type]typeFields{}}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return nil, false
	}
	if !w.mapping(rv, 0, false) {
		w.buf.WriteString("{}\n")
	}
	return w.buf.Bytes(), w.ok
}

// yamlField is a struct field as yaml.v3 sees it.
type yamlField struct {
	index     int
	name      string
	omitEmpty bool
}

// fields returns the fields of the struct type t; when one is written by
// yaml.v3 in a way not done here, none, and the writer is not ok.
func (w *yamlWriter) fields(t reflect.Type) []yamlField {
	tf, seen := w.types[t]
	if !seen {
		tf = fieldsOf(t)
		w.types[t] = tf
	}
	if !tf.ok {
		w.ok = false
		return nil
	}
	return tf.fields
}

// fieldsOf returns the fields of the struct type t as yaml.v3 sees them.
func fieldsOf(t reflect.Type) typeFields {
	var out []yamlField
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || (opts != "" && opts != "omitempty") || f.Anonymous {
			return typeFields{}
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out = append(out, yamlField{i, name, opts == "omitempty"})
	}
	return typeFields{out, true}
}

// empty reports whether yaml.v3's omitempty leaves v out.
func empty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Pointer, reflect.Interface:
		return v.IsNil()
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && !empty(v.Field(i)) {
				return false
			}
		}
		return true
	}
	return false
}

// mapping writes the fields of the struct v, the first one after what
// the line holds already when inItem ("- "), the others at indent; it
// reports whether it wrote any.
func (w *yamlWriter) mapping(v reflect.Value, indent int, inItem bool) bool {
	first := true
	for _, f := range w.fields(v.Type()) {
		fv := v.Field(f.index)
		if f.omitEmpty && empty(fv) {
			continue
		}
		if !(first && inItem) {
			w.indent(indent)
		}
		first = false
		w.buf.WriteString(f.name)
		w.buf.WriteByte(':')
		w.value(fv, indent)
		if !w.ok {
			return true
		}
	}
	return !first
}

func (w *yamlWriter) indent(n int) {
	for range n {
		w.buf.WriteByte(' ')
	}
}

// value writes v after "key:" of a mapping at indent.
func (w *yamlWriter) value(v reflect.Value, indent int) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			w.buf.WriteString(" null\n")
			return
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct:
		mark := w.buf.Len()
		w.buf.WriteByte('\n')
		if !w.mapping(v, indent+2, false) { // every field left out
			w.buf.Truncate(mark)
			w.buf.WriteString(" {}\n")
		}
	case reflect.Slice:
		if v.Len() == 0 {
			w.buf.WriteString(" []\n")
			return
		}
		w.buf.WriteByte('\n')
		for i := range v.Len() {
			w.indent(indent + 2)
			w.buf.WriteString("- ")
			w.item(v.Index(i), indent+2)
			if !w.ok {
				return
			}
		}
	default:
		w.buf.WriteByte(' ')
		w.scalar(v)
	}
}

// item writes v after "- " at indent.
func (w *yamlWriter) item(v reflect.Value, indent int) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			w.buf.WriteString("null\n")
			return
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct:
		if !w.mapping(v, indent+2, true) {
			w.buf.WriteString("{}\n")
		}
	case reflect.Slice:
		w.ok = false // a list in a list: not in the configuration
	default:
		w.scalar(v)
	}
}

// scalar writes a string, bool or number and the line's end.
func (w *yamlWriter) scalar(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		t, ok := w.scalars[s]
		if !ok {
			t, ok = scalarText(s)
			if !ok {
				w.ok = false
				return
			}
			w.scalars[s] = t
		}
		w.buf.WriteString(t)
	case reflect.Bool:
		w.buf.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.buf.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Float64:
		f := v.Float()
		switch {
		case math.IsInf(f, 1):
			w.buf.WriteString(".inf")
		case math.IsInf(f, -1):
			w.buf.WriteString("-.inf")
		case math.IsNaN(f):
			w.buf.WriteString(".nan")
		default:
			w.buf.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
		}
	default:
		w.ok = false
		return
	}
	w.buf.WriteByte('\n')
}

// scalarText returns the text s as yaml.v3 writes it as a mapping's value
// in block style: as it is when that is plainly what yaml.v3 does (a
// word-like text: a letter first, then letters, digits, spaces and
// .,()/–- only, not ending in a space, and not a word YAML reads as a bool
// or null), otherwise as yaml.v3 writes it. A text with a line
// break (a literal block, indented by where it stands) is not done here.
func scalarText(s string) (string, bool) {
	if strings.ContainsAny(s, "\n\r\u0085\u2028\u2029") { // the line breaks of YAML
		return "", false
	}
	if plainWord(s) {
		return s, true
	}
	out, err := yaml.Marshal(struct {
		V string `yaml:"v"`
	}{s})
	if err != nil {
		return "", false
	}
	t, ok := strings.CutPrefix(string(out), "v: ")
	t, nl := strings.CutSuffix(t, "\n")
	if !ok || !nl || strings.Contains(t, "\n") {
		return "", false
	}
	return t, true
}

// yamlWords are the words, each a letter first, that yaml.v3 quotes: the
// bools and the null of YAML 1.2, and the bools of YAML 1.1. (Every other
// text YAML reads as a number, a date or a null begins with a digit or one
// of -+.~<.)
var yamlWords = map[string]bool{
	"true": true, "True": true, "TRUE": true, "false": true, "False": true, "FALSE": true,
	"null": true, "Null": true, "NULL": true,
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true, "n": true, "N": true, "no": true, "No": true, "NO": true,
	"on": true, "On": true, "ON": true, "off": true, "Off": true, "OFF": true,
}

// plainWord reports whether yaml.v3 surely writes s as it is: see
// scalarText.
func plainWord(s string) bool {
	if s == "" || yamlWords[s] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) || s[len(s)-1] == ' ' {
		return false
	}
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'):
		case r == ' ', r == '.', r == ',', r == '(', r == ')', r == '/', r == '-', r == '–':
		case r >= utf8.RuneSelf && unicode.IsLetter(r) && r != utf8.RuneError:
		default:
			return false
		}
	}
	return true
}
