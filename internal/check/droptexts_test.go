package check_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/check"
	"github.com/hbtq-diplomering/webbplats/internal/markdown"
	"github.com/hbtq-diplomering/webbplats/internal/pagescan"
)

// TestDropTexts gives DropTexts headings by their levels (a heading whose
// id the HTML repeats is marked r) and wants the texts it keeps, by
// position: those the rules of headings and ids show in a message.
func TestDropTexts(t *testing.T) {
	for _, c := range []struct{ levels, want string }{
		{"2 3 3 2", ""},
		{"1 2", "0"},
		{"2 1 2", "1"},
		{"3 4", "0"},
		{"2 4 3", "0 1"},
		{"2 3 5", "1 2"},
		{"2 1 3", "1 2"}, // 1 -> 3 skips 2: the message names both
		{"2 2r 3", "1"},
		{"2r 4 2", "0 1"},
		{"", ""},
	} {
		var hs []markdown.Heading
		var rep []pagescan.IDCount
		for i, l := range strings.Fields(c.levels) {
			h := markdown.Heading{ID: fmt.Sprintf("h%d", i), Text: fmt.Sprint(i)}
			if r, ok := strings.CutSuffix(l, "r"); ok {
				l = r
				rep = append(rep, pagescan.IDCount{ID: h.ID, N: 2})
			}
			fmt.Sscan(l, &h.Level)
			hs = append(hs, h)
		}
		check.DropTexts(hs, rep)
		var kept []string
		for _, h := range hs {
			if h.Text != "" {
				kept = append(kept, h.Text)
			}
		}
		if have := strings.Join(kept, " "); have != c.want {
			t.Errorf("%q: kept the texts of %q, want %q", c.levels, have, c.want)
		}
	}
}

// TestDropLinkTexts wants DropLinkTexts to keep every link text a rule
// reads (empty, vague, an address, maybe a document's) and an image's alt
// text, and to let go of the others.
func TestDropLinkTexts(t *testing.T) {
	for _, c := range []struct {
		dest, text  string
		image, kept bool
	}{
		{"/om/", "Om diplomeringen", false, false},
		{"/om/#mal", "Målen", false, false},
		{"/om/", "", false, true},
		{"/om/", "Läs mer", false, true},
		{"/om/", "klicka här.", false, true},
		{"/om/", "/om/", false, true},
		{"https://exempel.se", "Exempel", false, true},
		{"/dokument/plan.pdf", "Planen", false, true},
		{"/dokument/plan%2Epdf", "Planen", false, true},
		{"/om/", "Om oss", true, true},
	} {
		links := []markdown.Link{{Dest: c.dest, Text: c.text, Image: c.image}}
		check.DropLinkTexts(links)
		if kept := links[0].Text == c.text; kept != c.kept {
			t.Errorf("[%s](%s), image %v: kept %v, want %v", c.text, c.dest, c.image, kept, c.kept)
		}
	}
}
