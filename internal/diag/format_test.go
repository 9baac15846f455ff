package diag

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

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
	err := New("content/a.md", 2, 22, msg.YAMLMissing.With("\x1b]0;pwned\x07\u009b2J"))
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
	l.At("content/a.md", 3, 7, msg.YAMLMissing.With("title")).Tip(msg.HintYAMLAddLine.With("title"))
	l.At("content/b.md", 1, 1, msg.YAMLEmpty.With("title"))
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

// TestFormatBounded: 20 000 problems on one line of 449 kB print five of
// them with a window of the line each, and how many more there are; a
// file with many problems on many lines, and a list of many files, are
// cut too. The output stays under 120 kB (it was 13.4 GB for the line).
func TestFormatBounded(t *testing.T) {
	line := strings.Repeat("[död](/x/) ", 40_800) // 449 kB
	files := map[string]string{"content/a.md": "---\ntitle: A\n---\n" + line + "\n"}
	var l List
	for i := range 20_000 {
		l.At("content/a.md", 4, 1+11*i, msg.Plain.With("länken /x/ leder ingenstans"))
	}
	many := strings.Repeat("rad\n", 100)
	files["content/b.md"] = many
	for i := range 100 {
		l.At("content/b.md", i+1, 1, msg.Plain.With("fel"))
	}
	for i := range 400 {
		l.At(fmt.Sprintf("content/c%03d.md", i), 0, 0, msg.Plain.With(strings.Repeat("lång ", 1000)))
	}
	src := func(p string) []byte {
		if s, ok := files[p]; ok {
			return []byte(s)
		}
		return nil
	}
	var b bytes.Buffer
	FormatLang(&b, l.Err(), src, msg.SV)
	out := b.String()
	if b.Len() > 120_000 {
		t.Errorf("the output is %d bytes", b.Len())
	}
	for _, want := range []string{
		"… och 19995 till på rad 4, som inte visas\n",
		"… och 50 till i content/b.md, som inte visas\n",
		"… och 255 till, som inte visas; rätta de här först och bygg igen\n",
		"20500 problem\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the output lacks %q", want)
		}
	}
	if n := strings.Count(out, "content/a.md:4:"); n != 5 {
		t.Errorf("%d problems of the line shown, want 5", n)
	}
}

// TestWindow: a long line is shown as a window around the column, and the
// caret still points at the column.
func TestWindow(t *testing.T) {
	line := strings.Repeat("a", 1000) + "X" + strings.Repeat("b", 1000)
	var b bytes.Buffer
	FormatLang(&b, New("p.md", 1, 1001, msg.Plain.With("här")), func(string) []byte { return []byte(line) }, msg.SV)
	lines := strings.Split(b.String(), "\n")
	src, caret := lines[1], lines[2]
	if n := utf8.RuneCountInString(src); n > LineWindow+10 {
		t.Errorf("the quoted line is %d characters", n)
	}
	if !strings.HasPrefix(src, "  1 | …") || !strings.HasSuffix(src, "…") {
		t.Errorf("the window is not marked as cut: %q", src)
	}
	i := strings.Index(caret, "^")
	if []rune(src)[utf8.RuneCountInString(caret[:i])] != 'X' {
		t.Errorf("the caret does not point at X:\n%s\n%s", src, caret)
	}
	if w, c := Window("kort", 3); w != "kort" || c != 3 {
		t.Errorf("Window(kort, 3) = %q, %d", w, c)
	}
	if s := Clip(strings.Repeat("x", 1000)+"SLUT", 100); utf8.RuneCountInString(s) != 100 || !strings.HasSuffix(s, "SLUT") {
		t.Errorf("Clip = %q", s)
	}
}
