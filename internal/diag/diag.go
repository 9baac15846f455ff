// Package diag reports problems in source files so that the person who
// wrote the file can find and fix them.
//
// # Errors
//
// An [Error] names a file, a 1-based line and column and a message from the
// catalog (package msg), and prints as
//
//	content/om/pris.md:4:7: datumet måste skrivas som 2026-09-12 (tips)
//
// A zero line or column is left out of the position. The message and its
// hint stay language-neutral until they are printed: [Error.In] and
// [Format] take the language (Swedish by default, English on request);
// Error() gives the Swedish text. Messages are written for communicators,
// not programmers: they say what is wrong and, in the hint, what to write
// instead. Make one with [New] or [List.At] and a key of package msg:
//
//	errs.At(p, line, col, msg.TitleMissing.With()).Tip(msg.HintTitle.With())
//
// # Lists
//
// A build collects every problem it finds in a [List] and reports them all
// together, sorted by path and position, instead of stopping at the first.
// [Format] (or [FormatLang]) prints a list (or any error) with the offending source line and a
// caret under the column.
//
// # Control characters
//
// Whatever Format prints, and what [Line] returns, has its control
// characters (other than tab) written as escapes: ESC is shown as \x1b,
// so that a source line or a quoted value cannot retitle, clear or
// otherwise drive the terminal (or a page) it is shown in. [Escape] does it
// for any text.
package diag

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// Error is one problem at one place in one file.
type Error struct {
	Path string      // slash-separated path relative to the site root
	Line int         // 1-based; 0 when unknown
	Col  int         // 1-based, counted in characters; 0 when unknown
	Msg  msg.Message // what is wrong
	Hint msg.Message // what to write instead; may be empty
}

// New returns an Error at path:line:col with message m.
func New(path string, line, col int, m msg.Message) *Error {
	return &Error{Path: path, Line: line, Col: col, Msg: m}
}

// Tip returns e with its hint set to h, for chaining after New or At.
func (e *Error) Tip(h msg.Message) *Error {
	e.Hint = h
	return e
}

// Pos returns the position part of the message: "path:line:col".
func (e *Error) Pos() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
		if e.Col > 0 {
			b.WriteString(":" + strconv.Itoa(e.Col))
		}
	}
	return b.String()
}

// In returns "path:line:col: message (hint)" in l. A problem without a
// path is only its message.
func (e *Error) In(l msg.Lang) string {
	s := e.Msg.In(l)
	if p := e.Pos(); p != "" {
		s = p + ": " + s
	}
	if !e.Hint.IsZero() {
		s += " (" + e.Hint.In(l) + ")"
	}
	return s
}

// Error returns the problem in Swedish, as In(msg.SV) does.
func (e *Error) Error() string { return e.In(msg.SV) }

// List is a collection of problems found in one build.
type List []*Error

// Add appends errors to the list. Nil errors are ignored; a List is flattened;
// an error that is not an *Error is kept as the message of one without a
// place (a msg.Message keeps its language-neutral form).
func (l *List) Add(errs ...error) {
	for _, err := range errs {
		if err == nil {
			continue
		}
		var de *Error
		var dl List
		var m msg.Message
		switch {
		case errors.As(err, &dl):
			*l = append(*l, dl...)
		case errors.As(err, &de):
			*l = append(*l, de)
		case errors.As(err, &m):
			*l = append(*l, &Error{Msg: m})
		default:
			*l = append(*l, &Error{Msg: msg.Plain.With(err.Error())})
		}
	}
}

// At appends a new Error at path:line:col with message m and returns it, so
// a hint can be set.
func (l *List) At(path string, line, col int, m msg.Message) *Error {
	e := New(path, line, col, m)
	*l = append(*l, e)
	return e
}

// Len reports the number of problems.
func (l List) Len() int { return len(l) }

// Sort orders the list by path, line and column, and drops exact repeats.
func (l *List) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	out := s[:0]
	for i, e := range s {
		if i > 0 {
			p := s[i-1]
			if e.Path == p.Path && e.Line == p.Line && e.Col == p.Col && e.Error() == p.Error() {
				continue
			}
		}
		out = append(out, e)
	}
	*l = out
}

// Err returns the sorted list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// In returns every problem in lang, each on its own line.
func (l List) In(lang msg.Lang) string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.In(lang))
	}
	return b.String()
}

// Error returns every problem in Swedish, each on its own line.
func (l List) Error() string { return l.In(msg.SV) }

// Errors returns the problems in err: the elements of a List, a single
// *Error, or one Error holding the text of any other error.
func Errors(err error) List {
	var l List
	l.Add(err)
	return l
}

// Source looks up the text of a file by its path, for printing context.
// It returns nil when the file is not known.
type Source func(path string) []byte

// Format writes every problem in err in Swedish, as FormatLang does.
func Format(w io.Writer, err error, src Source) { FormatLang(w, err, src, msg.SV) }

// FormatLang writes every problem in err in lang, each followed by the
// offending line of its file (when src knows the file) and a caret under
// the column, then a count. It is what the command line shows; control
// characters are escaped (see Escape).
func FormatLang(w io.Writer, err error, src Source, lang msg.Lang) {
	l := Errors(err)
	for _, e := range l {
		fmt.Fprintf(w, "%s\n", Escape(e.In(lang)))
		if line, ok := sourceLine(src, e.Path, e.Line); ok {
			num := strconv.Itoa(e.Line)
			fmt.Fprintf(w, "  %s | %s\n", num, Escape(line))
			if e.Col > 0 {
				pad := strings.Map(func(r rune) rune {
					if r == '\t' {
						return '\t'
					}
					return ' '
				}, Escape(prefixRunes(line, e.Col-1)))
				fmt.Fprintf(w, "  %s | %s^\n", strings.Repeat(" ", len(num)), pad)
			}
		}
	}
	fmt.Fprintf(w, "%s\n", msg.Problems.With(len(l)).In(lang))
}

// Escape returns s with every control character other than tab (C0, DEL
// and C1, which terminals obey) written as a Go escape: \x1b for ESC,
// \x07 for BEL, \u009b for CSI. Printed text can then not drive the
// terminal it is shown in.
func Escape(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !isControl(r):
			b.WriteRune(r)
		case r < 0x100 && r <= 0x7f:
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
	}
	return b.String()
}

func isControl(r rune) bool {
	return r != '\t' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0))
}

// Line returns line n (1-based) of the file at path as known to src, with
// control characters escaped (see Escape).
func Line(src Source, path string, n int) (string, bool) {
	s, ok := sourceLine(src, path, n)
	return Escape(s), ok
}

func sourceLine(src Source, path string, n int) (string, bool) {
	if src == nil || n <= 0 || path == "" {
		return "", false
	}
	data := src(path)
	if data == nil {
		return "", false
	}
	for i := 1; ; i++ {
		j := strings.IndexByte(string(data), '\n')
		if i == n {
			if j >= 0 {
				data = data[:j]
			}
			s := strings.TrimSuffix(string(data), "\r")
			if !utf8.ValidString(s) {
				s = strings.ToValidUTF8(s, "\uFFFD")
			}
			return s, true
		}
		if j < 0 {
			return "", false
		}
		data = data[j+1:]
	}
}

func prefixRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}
