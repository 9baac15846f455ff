// Package msg is the mechanism of every message a communicator can see:
// build and check problems and their hints, notes such as expiring units,
// the summary line, the dev server's pages and the command's usage errors.
// Each package owns its messages, declared in its own messages.go; msg
// holds only the mechanism and the few keys that several packages share
// (shared.go: a count of pages, the hints "menade du …?" and
// "skriv en av …", a file that cannot be read, …).
//
// Messages are plain Swedish by default, in the words of the editors' guide
// (docs/redaktorsguide.md). English is for engine developers, on request
// (go run ./cmd/build -lang en).
//
// # Keys and messages
//
// A [Key] is one entry of the catalogue: a stable id and a fmt pattern per
// language. Keys are package-level variables, declared with [Def] in the
// messages.go of the package that reports them:
//
//	// SemTime: a session's start or end that is no time of day.
//	SemTime = msg.Def("seminar.time",
//		"%q är ingen tid på dagen; skriv den som 13:30",
//		"%q is not a time of day; write it like 13:30")
//
// A [Message] is a key with its arguments, made by [Key.With]. It stays
// language-neutral until it is printed: [Message.In] formats it in a
// [Lang]. An argument that is itself a Message (or anything with a method
// In(Lang) string, such as a diag.Error) is formatted in the same language,
// so messages nest: "telefon: %v" with the phone parser's message as %v.
// Message is an error too, so a parser may return one; its Error method
// gives the Swedish text. No language is ever stored in a global: whoever
// prints (cmd/build, the dev server) passes the Lang along.
//
// A diag.Error holds a Message and a hint Message:
//
//	errs.At(path, line, col, msg.TitleMissing.With()).
//		Tip(msg.HintTitle.With())
//
// # How to add a message
//
//  1. Add a variable to the messages.go of the package that reports the
//     message (make the file if the package has none), with
//     msg.Def(id, sv, en). The id is "<area>.<what>", lowercase, unique (a
//     duplicate panics at start-up); the area is usually the package's
//     name. Hints are keys of their own; by custom their names start with
//     Hint and their ids with "<area>.hint.". A key that several packages
//     report belongs here, in shared.go, declared with def.
//  2. Write the Swedish first: plain words a communicator uses, the terms of
//     the editors' guide (sida, front matter, register, verksamhet, nyckel,
//     länk, rubrik, mall …), no programmer's jargon. Quote what the person
//     wrote with %q, or with ”%s” if the text has quotes of its own. The
//     English says the same to an engine developer. Both patterns take the
//     same arguments; use %[2]s to change their order.
//  3. For a count, use msg.DefPlural with the form for one and the form for
//     many: msg.DefPlural("site.files", "%d fil", "%d filer", "%d file", "%d files").
//  4. List the message in docs/redaktorsguide.md, in the table of its area,
//     with what to do about it. TestGuideListsEveryMessage (in cmd/build,
//     which links every package, so All holds every key; its
//     TestEveryMessageLinked fails on a package with messages that the
//     command does not link) renders the Swedish pattern of each key with
//     every verb (%s, %q, %d, %v, %[2]s …) replaced by … (and %q by "…"),
//     and fails unless the guide holds that text (backticks and \| in the
//     guide do not count). So write the guide's cell as the pattern with …
//     for each value. A pattern with no letters outside its verbs (like
//     Plain's "%s") needs no row.
//  5. Assert the Swedish text in the test of the package that reports it.
//
// Text that is not ours (an error of the operating system or of a template)
// goes in as an argument of a key, with %v; [Plain] passes such text through
// unchanged when there is no better key. Package diag has no other way to
// report text of its own, and TestPlainOnlyWhereTextIsNotOurs holds the
// engine (internal/, cmd/) to a short list of places that use Plain, each
// with its reason: anything else a communicator can meet has a key.
package msg

import (
	"fmt"
	"regexp"
	"strings"
)

// Lang is a language messages can be printed in.
type Lang uint8

// The languages of the catalog. SV is the default.
const (
	SV Lang = iota // Swedish, for communicators
	EN             // English, for engine developers
)

// String returns the language's code: "sv" or "en".
func (l Lang) String() string {
	if l == EN {
		return "en"
	}
	return "sv"
}

// ParseLang returns the language with code s ("sv" or "en").
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(s) {
	case "sv", "":
		return SV, nil
	case "en":
		return EN, nil
	}
	return SV, LangUnknown.With(s)
}

// Key is one message of the catalog. Its patterns are fmt patterns: a
// literal % is written %%. It is made once, by def or defPlural,
// and never changes.
type Key struct {
	id string
	// text holds the pattern per language; plural holds the form for a
	// count of one, when the key is plural.
	text   [2]string
	one    [2]string
	plural bool
}

var all []*Key

// def declares a key with its Swedish and English patterns.
func def(id, sv, en string) *Key {
	k := &Key{id: id, text: [2]string{sv, en}}
	register(k)
	return k
}

// defPlural declares a key whose first argument is a count: the "one"
// patterns are used when it is 1, the others for any other count.
func defPlural(id, svOne, sv, enOne, en string) *Key {
	k := &Key{id: id, text: [2]string{sv, en}, one: [2]string{svOne, enOne}, plural: true}
	register(k)
	return k
}

// Def declares a key of a package's own catalogue, in its messages.go,
// exactly as def declares the shared keys here. The id's area is usually
// the owning package's name ("seminar.time").
func Def(id, sv, en string) *Key { return def(id, sv, en) }

// DefPlural declares a plural key of another package's catalogue (see Def).
func DefPlural(id, svOne, sv, enOne, en string) *Key {
	return defPlural(id, svOne, sv, enOne, en)
}

func register(k *Key) {
	for _, o := range all {
		if o.id == k.id {
			panic("msg: the id " + k.id + " is declared twice")
		}
	}
	all = append(all, k)
}

// All returns every key declared in the program (by the packages it
// links), in declaration order.
func All() []*Key { return append([]*Key(nil), all...) }

// ID returns the key's id, like "yaml.unreadable".
func (k *Key) ID() string { return k.id }

// Text returns the key's pattern in l (the form for many, for a plural key).
func (k *Key) Text(l Lang) string { return k.text[l] }

// Forms returns every pattern of the key in l: the one of Text and, for a
// plural key, the form for one.
func (k *Key) Forms(l Lang) []string {
	if k.plural {
		return []string{k.one[l], k.text[l]}
	}
	return []string{k.text[l]}
}

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// Pattern returns p with each verb replaced by … (and %q by "…"), as the
// editors' guide writes a message: "länken … leder ingenstans".
func Pattern(p string) string {
	return verb.ReplaceAllStringFunc(p, func(v string) string {
		switch v[len(v)-1] {
		case '%':
			return "%"
		case 'q':
			return `"…"`
		}
		return "…"
	})
}

// With returns the message of k with args.
func (k *Key) With(args ...any) Message { return Message{key: k, args: args} }

// Message is a key with its arguments, formatted only when printed.
// The zero Message is empty: it prints as "".
type Message struct {
	key  *Key
	args []any
}

// Localizer is anything that can print itself in a language, as Message
// and diag.Error do. Arguments that are Localizers are printed in the
// language of the message that holds them.
type Localizer interface {
	In(Lang) string
}

// IsZero reports whether m is the empty message.
func (m Message) IsZero() bool { return m.key == nil }

// Key returns the message's key, or nil for the empty message.
func (m Message) Key() *Key { return m.key }

// Args returns the message's arguments.
func (m Message) Args() []any { return m.args }

// In returns the message in l.
func (m Message) In(l Lang) string {
	if m.key == nil {
		return ""
	}
	if l > EN {
		l = SV
	}
	p := m.key.text[l]
	if m.key.plural && len(m.args) > 0 && isOne(m.args[0]) {
		p = m.key.one[l]
	}
	args := make([]any, len(m.args))
	for i, a := range m.args {
		switch a := a.(type) {
		case Localizer:
			args[i] = a.In(l)
		case error:
			if lz := unwrapLocalizer(a); lz != nil {
				args[i] = lz.In(l)
			} else {
				args[i] = a.Error()
			}
		default:
			args[i] = a
		}
	}
	return fmt.Sprintf(p, args...)
}

func unwrapLocalizer(err error) Localizer {
	for err != nil {
		if lz, ok := err.(Localizer); ok {
			return lz
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return nil
		}
		err = u.Unwrap()
	}
	return nil
}

func isOne(a any) bool {
	switch n := a.(type) {
	case int:
		return n == 1
	case int64:
		return n == 1
	case uint64:
		return n == 1
	}
	return false
}

// Error returns the message in Swedish, so that a Message can be returned
// as an error.
func (m Message) Error() string { return m.In(SV) }

// String returns the message in Swedish.
func (m Message) String() string { return m.In(SV) }

// Text returns the message held by err in l: err's own In method when it
// has one (a Message, a diag.Error or List, or an error wrapping one), else
// err.Error().
func Text(err error, l Lang) string {
	if err == nil {
		return ""
	}
	if lz := unwrapLocalizer(err); lz != nil {
		return lz.In(l)
	}
	return err.Error()
}
