package diag

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// FuzzFormat: whatever the source line, the column and the number of
// problems on it, the printed list has no control character, its quoted
// line is at most a window, its caret is under the column, and its size is
// bounded whatever the input's.
//
//	go test -run XXX -fuzz FuzzFormat -fuzztime 5m ./internal/diag/
func FuzzFormat(f *testing.F) {
	f.Add("title: Om\nmenu: \x1b]0;pwned\x07\x1b[2J x\n", 2, 22, 3, "\x1b]0;x\x07")
	f.Add(strings.Repeat("[död](/x/) ", 500), 1, 2000, 900, "länken")
	f.Add("\t\tflikar\u009b och \xff\xfe trasig UTF-8", 1, 5, 1, "")
	f.Add("a\r\nb\r\n", 2, 1, 7, strings.Repeat("lång ", 400))
	f.Add("", 0, 0, 0, "")
	f.Fuzz(func(t *testing.T, text string, line, col, n int, words string) {
		n = min(max(n, 0), 3000)
		var l List
		for i := range n {
			l.At("content/a.md", line, col+i, msg.Plain.With(words))
		}
		l.At("content/b.md", 1, 1, msg.Plain.With(words))
		src := func(p string) []byte {
			if p == "content/a.md" {
				return []byte(text)
			}
			return nil
		}
		var b bytes.Buffer
		FormatLang(&b, l.Err(), src, msg.SV)
		out := b.String()
		if strings.IndexFunc(out, func(r rune) bool { return r != '\n' && r != '\t' && isControl(r) }) >= 0 {
			t.Errorf("the output holds a control character: %q", out)
		}
		// Each problem shown prints its message (clipped), at most two
		// lines of source and caret, and notes of what is left out.
		limit := (MaxShown + 1) * (4*MaxMessage + 2*4*(LineWindow+40) + 200)
		if b.Len() > limit {
			t.Errorf("%d bytes printed for %d problems, over %d", b.Len(), n+1, limit)
		}
		for _, ln := range strings.Split(out, "\n") {
			if strings.Contains(ln, " | ") && utf8.RuneCountInString(ln) > 4*(LineWindow+40) {
				t.Errorf("a quoted line of %d characters", utf8.RuneCountInString(ln))
			}
		}
		w, c := Window(text, col)
		if c < 1 || c > utf8.RuneCountInString(w)+1 {
			t.Errorf("Window(%q, %d) puts the column at %d of %q", text, col, c, w)
		}
	})
}
