package markdown

import (
	"strings"
	"testing"
)

// nestedList returns a list nested n levels deep, one item a line.
func nestedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- nivå\n")
	}
	return b.String()
}

// nestedQuote returns a quote nested n levels deep, one more a line.
func nestedQuote(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(">", i+1) + " nivå\n")
	}
	return b.String()
}

// TestNestingLimit: a list or quote nested deeper than MaxDepth is an
// error at the line that goes too deep (the parser would take minutes);
// MaxDepth levels are fine.
func TestNestingLimit(t *testing.T) {
	r := New(url)
	for _, tc := range []struct {
		name, body string
		line       int // of the error, 0 for none
	}{
		{"list", "Text.\n\n" + nestedList(MaxDepth+1), 3 + MaxDepth},
		{"quote", nestedQuote(MaxDepth + 1), 1 + MaxDepth},
		{"quote on one line", strings.Repeat("> ", 5000) + "x\n", 1},
		{"list on one line", strings.Repeat("- ", 5000) + "x\n", 1},
		{"numbered list", strings.Repeat("1. ", 200) + "x\n", 1},
		{"mixed", strings.Repeat("> - ", 60) + "x\n", 1},
		{"list at the limit", nestedList(MaxDepth), 0},
		{"quote at the limit", nestedQuote(MaxDepth), 0},
		{"code in a list", "- punkt\n\n      kod\n", 0},
	} {
		res, errs := r.Render("content/a.md", []byte(tc.body), 1)
		switch {
		case tc.line == 0 && len(errs) > 0:
			t.Errorf("%s: %v", tc.name, errs)
		case tc.line == 0 && len(res.HTML) == 0:
			t.Errorf("%s: no HTML", tc.name)
		case tc.line > 0 && (len(errs) != 1 || errs[0].Line != tc.line || !strings.Contains(errs[0].Error(), "fler än 100 nivåer")):
			t.Errorf("%s: %v, want one error at line %d", tc.name, errs, tc.line)
		}
	}
}

// BenchmarkNesting renders the deepest list and quote allowed.
func BenchmarkNesting(b *testing.B) {
	r := New(url)
	for name, body := range map[string]string{"list": nestedList(MaxDepth), "quote": nestedQuote(MaxDepth)} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				r.Render("content/a.md", []byte(body), 1)
			}
		})
	}
}
