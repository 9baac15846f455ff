package check

import (
	"fmt"
	"strings"

	"hbtq/internal/markdown"
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
			c.add(o, "start the headings in the text at ## (level 2)",
				"the heading %q is at level 1, but the page's title is its only level-1 heading", h.Text)
		case prev == nil && h.Level > 2:
			c.add(o, fmt.Sprintf("make it ## %s, or put a ## heading before it", h.Text),
				"the heading %q is at level %d, but the first heading in the text is at level 2 (##)", h.Text, h.Level)
		case prev != nil && h.Level > prev.Level+1:
			want := strings.Repeat("#", prev.Level+1)
			c.add(o, fmt.Sprintf("make it %s (level %d), or put a level-%d heading between them", want, prev.Level+1, prev.Level+1),
				"the heading %q is at level %d, but the heading before it, %q on line %d, is at level %d", h.Text, h.Level, prev.Text, prev.Line, prev.Level)
		}
		prev = h
	}
}
