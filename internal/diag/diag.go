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
// # Bounded output
//
// However many problems a build finds and however long their lines, what is
// printed stays small: [Shown] keeps at most [MaxPerLine] problems of one
// line, [MaxPerFile] of one file and [MaxShown] in all, and says after the
// last one shown how many more there are ("… och 19995 till på rad 3, som
// inte visas"). A quoted source line is a window of at most [LineWindow]
// characters around the column, with … where it is cut ([Window]), and a
// message longer than [MaxMessage] characters is cut in its middle
// ([Clip]). The count under the list is of every problem. The dev server's
// pages use the same bounds.
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

// FormatLang writes the problems in err in lang (those [Shown] keeps),
// each followed by a window of the offending line of its file (when src
// knows the file) and a caret under the column, then a count of all. It is
// what the command line shows; control characters are escaped (see
// Escape).
func FormatLang(w io.Writer, err error, src Source, lang msg.Lang) {
	l := Errors(err)
	for _, sh := range Shown(l) {
		e := sh.Err
		fmt.Fprintf(w, "%s\n", Clip(Escape(e.In(lang)), MaxMessage))
		if line, ok := sourceLine(src, e.Path, e.Line); ok {
			num := strconv.Itoa(e.Line)
			text, col := Window(line, e.Col)
			fmt.Fprintf(w, "  %s | %s\n", num, text)
			if e.Col > 0 {
				pad := strings.Map(func(r rune) rune {
					if r == '\t' {
						return '\t'
					}
					return ' '
				}, prefixRunes(text, col-1))
				fmt.Fprintf(w, "  %s | %s^\n", strings.Repeat(" ", len(num)), pad)
			}
		}
		for _, m := range sh.More {
			fmt.Fprintf(w, "%s\n", Escape(m.In(lang)))
		}
	}
	fmt.Fprintf(w, "%s\n", msg.Problems.With(len(l)).In(lang))
}

// The bounds of what is shown of a list of problems (see Shown, Window
// and Clip).
const (
	MaxPerLine = 5   // problems shown of one line
	MaxPerFile = 50  // problems shown of one file
	MaxShown   = 200 // problems shown in all
	LineWindow = 120 // characters shown of a source line
	MaxMessage = 400 // characters shown of one message
)

// ShownError is one problem to show, and what to say after it about the
// problems left out (of its line, its file, the whole list).
type ShownError struct {
	Err  *Error
	More []msg.Message
}

// Shown returns the problems of l to show, in l's order (sort it first),
// at most MaxPerLine of one line, MaxPerFile of one file and MaxShown in
// all, each with what was left out after it.
func Shown(l List) []ShownError {
	var out []ShownError
	var perLine, perFile, lineSkip, fileSkip, allSkip int
	for i, e := range l {
		newFile := i == 0 || e.Path != l[i-1].Path
		if newFile {
			perFile = 0
		}
		if newFile || e.Line != l[i-1].Line {
			perLine = 0
		}
		perLine++
		switch {
		case len(out) >= MaxShown:
			allSkip++
		case perLine > MaxPerLine:
			lineSkip++
		case perFile >= MaxPerFile:
			fileSkip++
		default:
			perFile++
			out = append(out, ShownError{Err: e})
		}
		last := &out[len(out)-1]
		endFile := i == len(l)-1 || l[i+1].Path != e.Path
		if lineSkip > 0 && (endFile || l[i+1].Line != e.Line) {
			last.More = append(last.More, MoreOnLine.With(lineSkip, e.Line))
			lineSkip = 0
		}
		if fileSkip > 0 && endFile {
			last.More = append(last.More, MoreInFile.With(fileSkip, e.Path))
			fileSkip = 0
		}
	}
	if allSkip > 0 {
		last := &out[len(out)-1]
		last.More = append(last.More, MoreInAll.With(allSkip))
	}
	return out
}

// Window returns at most LineWindow characters of line around the 1-based
// column col (the start when col is 0), with control characters escaped
// and … where it is cut, and the column of col in what it returns.
func Window(line string, col int) (string, int) {
	runes := []rune(line)
	if col < 1 {
		col = 1
	}
	if col > len(runes)+1 {
		col = len(runes) + 1
	}
	start := 0
	if len(runes) > LineWindow {
		start = max(0, min(col-1-LineWindow/2, len(runes)-LineWindow))
	}
	end := min(len(runes), start+LineWindow)
	var b strings.Builder
	newCol := 1
	if start > 0 {
		b.WriteString("…")
		newCol++
	}
	newCol += len([]rune(Escape(string(runes[start : col-1]))))
	b.WriteString(Escape(string(runes[start:end])))
	if end < len(runes) {
		b.WriteString("…")
	}
	return b.String(), newCol
}

// Clip returns s, or when it has more than n characters, its start and its
// end with " … " between them, n characters in all.
func Clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	tail := n / 5
	return string(r[:n-tail-3]) + " … " + string(r[len(r)-tail:])
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
// control characters escaped (see Escape), at most its first LineWindow
// characters (see Window).
func Line(src Source, path string, n int) (string, bool) {
	return LineAt(src, path, n, 0)
}

// LineAt returns the window of line n of the file at path around the
// column col (see Window).
func LineAt(src Source, path string, n, col int) (string, bool) {
	s, ok := sourceLine(src, path, n)
	w, _ := Window(s, col)
	return w, ok
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
