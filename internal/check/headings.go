package check

import (
	"slices"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/markdown"
	"github.com/hbtq-diplomering/webbplats/internal/pagescan"
)

// headings checks the levels of the headings in a page's Markdown: they
// start at 2 (the title is the page's level 1) and never skip a level.
func (c *checker) headings(p *Page) {
	var prev *markdown.Heading
	for i := range p.Result.Headings {
		h := &p.Result.Headings[i]
		o := atMarkdown(p, h.Line, h.Col)
		switch {
		case h.Level == 1:
			c.add(o, CheckHeadingOne.With(h.Text), HintHeadingOne.With())
		case prev == nil && h.Level > 2:
			c.add(o, CheckHeadingFirst.With(h.Text, h.Level), HintHeadingFirst.With(h.Text))
		case prev != nil && h.Level > prev.Level+1:
			want := strings.Repeat("#", prev.Level+1)
			c.add(o, CheckHeadingSkip.With(h.Text, h.Level, prev.Text, prev.Line, prev.Level),
				HintHeadingSkip.With(want, prev.Level+1, prev.Level+1))
		}
		prev = h
	}
}

// DropTexts empties the texts of the headings hs of a page's Markdown
// that the rules never show, for a build that keeps the headings until it
// runs them: a heading's text is shown only when it is at level 1, when it
// is the first and below level 2, when it or the next heading skips a
// level (see headings), and when the page's HTML has its id more than once
// (repeated, sorted as pagescan.Page.Repeated is: see ids).
func DropTexts(hs []markdown.Heading, repeated []pagescan.IDCount) {
	for i := range hs {
		h := &hs[i]
		shown := h.Level == 1 || i == 0 && h.Level > 2 || i > 0 && h.Level > hs[i-1].Level+1
		if next := i + 1; next < len(hs) && hs[next].Level != 1 && hs[next].Level > h.Level+1 {
			shown = true // the next heading's message names this one
		}
		if !shown && len(repeated) > 0 {
			_, shown = slices.BinarySearchFunc(repeated, h.ID, func(r pagescan.IDCount, id string) int {
				return strings.Compare(r.ID, id)
			})
		}
		if !shown {
			h.Text = ""
		}
	}
}
