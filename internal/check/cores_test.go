package check_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	. "github.com/hbtq-diplomering/webbplats/internal/check"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestSameOnEveryCore: a site of 200 pages, each with problems in its
// Markdown and one of its own that its layout shows (reported at the
// layout, without a line: in the order the pages are checked), gives
// the same problems in the same order, and the same problems per page,
// on one core as on four workers (Run takes the pages 16 at a time).
func TestSameOnEveryCore(t *testing.T) {
	s := sitetest.Parse(t, "-- content/_index.md --\n---\ntitle: Start\n---\n"+
		"-- layouts/special.html --\n{{define \"main\"}}<h1>{{.Page.Title}}</h1>{{.Page.Content}}<h6>{{.Page.Title}} längst ner</h6>{{end}}\n")
	for i := range 200 {
		s.Write(fmt.Sprintf("content/s%d/p%d.md", i/20, i), fmt.Sprintf(
			"---\ntitle: Sida %d\nlayout: special\n---\n## Del\n\n#### Hopp %d\n\nLäs [här](/s%d/p%d/) och [sidan](/ingen-sida-%d/) och [rubriken](#saknas-%d).\n",
			i, i, (i+1)%200/20, (i+1)%200, i%7, i))
	}
	report := func(procs int) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		r := run(t, s.Files, Options{})
		var b strings.Builder
		b.WriteString(r.Summary.String() + "\n" + r.Problems.Error() + "\n")
		for i := range 200 {
			u := fmt.Sprintf("/s%d/p%d/", i/20, i)
			fmt.Fprintf(&b, "-- %s\n%s\n", u, r.OnPage[u].Error())
		}
		return b.String()
	}
	one := report(1)
	if strings.Count(one, "\n") < 800 {
		t.Fatalf("too few problems to compare:\n%s", one)
	}
	if d := cmp.Diff(one, report(4)); d != "" {
		t.Errorf("problems on four workers (-one core +four):\n%s", d)
	}
}

// TestOneSpaced: oneSpaced gives what strings.Join(strings.Fields(s), " ")
// gives.
func TestOneSpaced(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u2003b", "\u00a0",
		"Läs mer", "Rapporten (PDF, 1,2 MB)", "ä ö", "a\u0085b", "x\xffy", "x \xff", "  ",
	} {
		if have, want := OneSpaced(s), strings.Join(strings.Fields(s), " "); have != want {
			t.Errorf("OneSpaced(%q) = %q, want %q", s, have, want)
		}
	}
}
