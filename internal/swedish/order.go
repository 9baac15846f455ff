package swedish

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collators holds Swedish collators for reuse: a collate.Collator keeps
// state between calls, so one goroutine at a time may use each.
var collators = sync.Pool{New: func() any { return collate.New(language.Swedish) }}

// Compare orders two strings in Swedish alphabetical order (… X, Y, Z, Å,
// Ä, Ö; v and w apart), letters before marks before case, and strings the
// collation cannot tell apart by their bytes, so that it returns 0 only for
// equal strings. It is the one Swedish order of the site: pages, units,
// kommuner, kinds of care, documents and the search index all sort with
// it. It is safe for concurrent use.
func Compare(a, b string) int {
	if a == b {
		return 0
	}
	c := collators.Get().(*collate.Collator)
	d := c.CompareString(a, b)
	collators.Put(c)
	if d != 0 {
		return d
	}
	return strings.Compare(a, b)
}

// Key returns a sort key for s in the order of Compare: for two strings
// that the collation tells apart, bytes.Compare of their keys is the sign
// of Compare; equal keys leave the tie to the caller (compare the strings).
// Keys are for sorting many values at once, each key computed once.
func Key(s string) []byte {
	c := collators.Get().(*collate.Collator)
	buf := keyBuffers.Get().(*collate.Buffer)
	buf.Reset()
	// A copy of its own: k lies in buf, whose array of 4 kB is used again.
	k := bytes.Clone(c.KeyFromString(buf, s))
	keyBuffers.Put(buf)
	collators.Put(c)
	return k
}

// keyBuffers hold the buffers Key makes keys in: 4 kB each, which every
// key left as garbage before.
var keyBuffers = sync.Pool{New: func() any { return new(collate.Buffer) }}

// UpperFirst returns s with its first letter in upper case: "vårdcentral"
// → "Vårdcentral", for a label that starts a sentence or a heading.
func UpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
