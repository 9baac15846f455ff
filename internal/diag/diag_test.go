package diag

import (
	"bytes"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// TestFormatCaret: the caret stands under the column, counted in
// characters: å, ä and ö take one column like any letter, a tab stays a tab
// so that the terminal moves the caret as far as the line, and CRLF files
// and a column of 0 (no caret) print as expected.
func TestFormatCaret(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line, col int
		want      string
	}{
		{"ascii", "title: Om\nmenu: x\n", 2, 7,
			"  2 | menu: x\n    |       ^\n"},
		{"swedish letters", "title: Åäö är här\n", 1, 15,
			"  1 | title: Åäö är här\n    |               ^\n"},
		{"two-byte before and at the column", "ööö x\n", 1, 3,
			"  1 | ööö x\n    |   ^\n"},
		{"tab", "\t- namn: x\n", 1, 4,
			"  1 | \t- namn: x\n    | \t  ^\n"},
		{"tabs among letters", "å\tä\tö\n", 1, 5,
			"  1 | å\tä\tö\n    |  \t \t^\n"},
		{"crlf", "a: 1\r\nbb: 2\r\n", 2, 5,
			"  2 | bb: 2\n    |     ^\n"},
		{"no column", "a: 1\n", 1, 0,
			"  1 | a: 1\n"},
		{"line 10", "1\n2\n3\n4\n5\n6\n7\n8\n9\nåtta: x\n", 10, 7,
			"  10 | åtta: x\n     |       ^\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := func(p string) []byte { return []byte(tc.src) }
			var b bytes.Buffer
			FormatLang(&b, New("a.md", tc.line, tc.col, testMissing.With("x")), src, msg.SV)
			lines := bytes.SplitN(b.Bytes(), []byte("\n"), 2)
			have := string(lines[1])
			want := tc.want + "1 problem\n"
			if have != want {
				t.Errorf("have\n%s\nwant\n%s", have, want)
			}
		})
	}
}

// TestPos: a zero line or column is left out of the position.
func TestPos(t *testing.T) {
	for _, tc := range []struct {
		line, col int
		want      string
	}{
		{3, 7, "a.md:3:7"}, {3, 0, "a.md:3"}, {0, 0, "a.md"},
	} {
		if have := New("a.md", tc.line, tc.col, testMissing.With("x")).Pos(); have != tc.want {
			t.Errorf("Pos of %d:%d = %q, want %q", tc.line, tc.col, have, tc.want)
		}
	}
}

// TestListSorted: a list reports its problems by path, then position,
// whatever order they were found in, and nil errors are not problems.
func TestListSorted(t *testing.T) {
	var l List
	l.Add(nil)
	l.At("b.md", 1, 1, testMissing.With("1"))
	l.At("a.md", 10, 2, testMissing.With("2"))
	l.At("a.md", 2, 5, testMissing.With("3"))
	l.Add(nil, New("a.md", 2, 1, testMissing.With("4")))
	err := l.Err()
	if err == nil {
		t.Fatal("Err of a list with problems is nil")
	}
	var have []string
	for _, e := range Errors(err) {
		have = append(have, e.Pos())
	}
	want := []string{"a.md:2:1", "a.md:2:5", "a.md:10:2", "b.md:1:1"}
	if len(have) != len(want) {
		t.Fatalf("have %v, want %v", have, want)
	}
	for i := range want {
		if have[i] != want[i] {
			t.Fatalf("have %v, want %v", have, want)
		}
	}
	var empty List
	empty.Add(nil)
	if empty.Err() != nil {
		t.Error("Err of a list without problems is not nil")
	}
}

// Keys of the tests' own, with the patterns of yamldoc's (which imports
// this package).
var (
	testMissing = msg.Def("diagtest.missing", "%s saknas", "%s is missing")
	testAddLine = msg.Def("diagtest.hint.add-line", "lägg till en rad som %s: …", "add a line like %s: …")
	testEmpty   = msg.Def("diagtest.empty", "%s är tom", "%s is empty")
)
