// Package diag reports problems in source files so that the person who
// wrote the file can find and fix them.
//
// # Errors
//
// An [Error] names a file, a 1-based line and column and a message in plain
// words, and prints as
//
//	content/om/pris.md:4:7: date must look like 2026-09-12
//
// A zero line or column is left out of the position. Messages are written for
// communicators, not programmers: they say what is wrong and, in the Hint,
// what to write instead.
//
// # Lists
//
// A build collects every problem it finds in a [List] and reports them all
// together, sorted by path and position, instead of stopping at the first.
// [Format] prints a list (or any error) with the offending source line and a
// caret under the column.
package diag

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is one problem at one place in one file.
type Error struct {
	Path string // slash-separated path relative to the site root
	Line int    // 1-based; 0 when unknown
	Col  int    // 1-based, counted in characters; 0 when unknown
	Msg  string // what is wrong
	Hint string // what to write instead; may be empty
}

// Errorf returns an Error at path:line:col with a formatted message.
func Errorf(path string, line, col int, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// WithHint returns e with its hint set, for chaining after Errorf.
func (e *Error) WithHint(format string, args ...any) *Error {
	e.Hint = fmt.Sprintf(format, args...)
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

// Error returns "path:line:col: message", with the hint after a semicolon.
func (e *Error) Error() string {
	s := e.Pos() + ": " + e.Msg
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

// List is a collection of problems found in one build.
type List []*Error

// Add appends errors to the list. Nil errors are ignored; a List is flattened;
// an error that is not an *Error is kept with its text as the message.
func (l *List) Add(errs ...error) {
	for _, err := range errs {
		if err == nil {
			continue
		}
		var de *Error
		var dl List
		switch {
		case errors.As(err, &dl):
			*l = append(*l, dl...)
		case errors.As(err, &de):
			*l = append(*l, de)
		default:
			*l = append(*l, &Error{Msg: err.Error()})
		}
	}
}

// Addf appends a new Error built as by Errorf and returns it, so a hint can be set.
func (l *List) Addf(path string, line, col int, format string, args ...any) *Error {
	e := Errorf(path, line, col, format, args...)
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
		if i > 0 && *e == *s[i-1] {
			continue
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

// Error returns every problem on its own line.
func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

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

// Format writes every problem in err, each followed by the offending line of
// its file (when src knows the file) and a caret under the column, then a
// count. It is what the command line and the dev server's error page show.
func Format(w io.Writer, err error, src Source) {
	l := Errors(err)
	for _, e := range l {
		fmt.Fprintf(w, "%s\n", e.Error())
		if line, ok := sourceLine(src, e.Path, e.Line); ok {
			num := strconv.Itoa(e.Line)
			fmt.Fprintf(w, "  %s | %s\n", num, line)
			if e.Col > 0 {
				pad := strings.Map(func(r rune) rune {
					if r == '\t' {
						return '\t'
					}
					return ' '
				}, prefixRunes(line, e.Col-1))
				fmt.Fprintf(w, "  %s | %s^\n", strings.Repeat(" ", len(num)), pad)
			}
		}
	}
	if len(l) == 1 {
		fmt.Fprintf(w, "1 problem\n")
	} else {
		fmt.Fprintf(w, "%d problems\n", len(l))
	}
}

// Line returns line n (1-based) of the file at path as known to src.
func Line(src Source, path string, n int) (string, bool) {
	return sourceLine(src, path, n)
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
