package markdown

import (
	"testing"

	"github.com/yuin/goldmark/parser"
)

// TestLinkLabelKey: linkLabelKey is the key goldmark's own context's
// IsInLinkLabel looks at, and no other key is.
func TestLinkLabelKey(t *testing.T) {
	for k := parser.ContextKey(0); k <= parser.ContextKeyMax; k++ {
		gc, c := parser.NewContext(), new(parseContext)
		c.reset()
		gc.Set(k, true)
		c.Set(k, true)
		if have, want := c.IsInLinkLabel(), gc.IsInLinkLabel(); have != want {
			t.Errorf("key %d (linkLabelKey %d): IsInLinkLabel %v, goldmark's %v", k, linkLabelKey, have, want)
		}
	}
}
