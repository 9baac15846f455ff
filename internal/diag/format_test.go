package diag

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// TestFormatEscapesControlCharacters: a line that would retitle (OSC 0 …
// BEL) and clear (CSI 2J) the terminal is printed with its control
// characters escaped, in the source line and in the message, and the
// caret still points under the column.
func TestFormatEscapesControlCharacters(t *testing.T) {
	src := "title: Om\nmenu: \x1b]0;pwned\x07\x1b[2J x\n"
	sources := func(p string) []byte {
		if p == "content/a.md" {
			return []byte(src)
		}
		return nil
	}
	err := New("content/a.md", 2, 22, testMissing.With("\x1b]0;pwned\x07\u009b2J"))
	var b bytes.Buffer
	FormatLang(&b, err, sources, msg.SV)
	have := b.String()
	want := `content/a.md:2:22: \x1b]0;pwned\x07\u009b2J saknas
  2 | menu: \x1b]0;pwned\x07\x1b[2J x
    |                               ^
1 problem
`
	if have != want {
		t.Errorf("Format:\nhave %s\nwant %s", have, want)
	}
	if strings.ContainsAny(have, "\x1b\x07\u009b") {
		t.Errorf("Format printed a control character: %q", have)
	}
}

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"vanlig text, å ä ö", "vanlig text, å ä ö"},
		{"tab\tstays", "tab\tstays"},
		{"\x1b[2J", `\x1b[2J`},
		{"bell\x07", `bell\x07`},
		{"del\x7f", `del\x7f`},
		{"csi\u009b2J", `csi\u009b2J`},
		{"cr\rlf", `cr\x0dlf`},
	} {
		if have := Escape(tc.in); have != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, have, tc.want)
		}
	}
}

// TestFormatLanguage: the same problem prints in Swedish by default and in
// English on request, with the count in the same language.
func TestFormatLanguage(t *testing.T) {
	var l List
	l.At("content/a.md", 3, 7, testMissing.With("title")).Tip(testAddLine.With("title"))
	l.At("content/b.md", 1, 1, testEmpty.With("title"))
	for _, tc := range []struct {
		lang msg.Lang
		want string
	}{
		{msg.SV, "content/a.md:3:7: title saknas (lägg till en rad som title: …)\ncontent/b.md:1:1: title är tom\n2 problem\n"},
		{msg.EN, "content/a.md:3:7: title is missing (add a line like title: …)\ncontent/b.md:1:1: title is empty\n2 problems\n"},
	} {
		var b bytes.Buffer
		FormatLang(&b, l.Err(), nil, tc.lang)
		if b.String() != tc.want {
			t.Errorf("Format(%s):\nhave %s\nwant %s", tc.lang, b.String(), tc.want)
		}
	}
	if have, want := l.Error(), "content/a.md:3:7: title saknas (lägg till en rad som title: …)\ncontent/b.md:1:1: title är tom"; have != want {
		t.Errorf("Error():\nhave %s\nwant %s", have, want)
	}
}
