package check

import (
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/markdown"
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
