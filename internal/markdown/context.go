package markdown

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// parseContext is goldmark's parser.Context (what parser.NewContext
// returns), kept in the page's state and used again page after page
// (reset), instead of the seven allocations of a new one per page (its
// store, the maps of its references and ids…). Its methods are
// goldmark's. (Held to goldmark's by TestOracle and FuzzOracle, whose
// oracle parses with goldmark's; TestLinkLabelKey holds the key of
// IsInLinkLabel.)
type parseContext struct {
	store         []any
	refs          map[string]parser.Reference
	ids           parser.IDs // made when first asked for (New's parsers do not)
	blockOffset   int
	blockIndent   int
	delimiters    *parser.Delimiter
	lastDelimiter *parser.Delimiter
	openedBlocks  []parser.Block
}

// reset readies c for a page, as parser.NewContext makes it.
func (c *parseContext) reset() {
	if len(c.store) != int(parser.ContextKeyMax)+1 {
		c.store = make([]any, parser.ContextKeyMax+1)
	}
	clear(c.store)
	if c.refs == nil {
		c.refs = map[string]parser.Reference{}
	}
	clear(c.refs)
	c.ids = nil
	c.blockOffset, c.blockIndent = -1, -1
	c.delimiters, c.lastDelimiter = nil, nil
	clear(c.openedBlocks[:cap(c.openedBlocks)])
	c.openedBlocks = c.openedBlocks[:0]
}

func (c *parseContext) Get(key parser.ContextKey) any { return c.store[key] }

func (c *parseContext) ComputeIfAbsent(key parser.ContextKey, f func() any) any {
	v := c.store[key]
	if v == nil {
		v = f()
		c.store[key] = v
	}
	return v
}

func (c *parseContext) Set(key parser.ContextKey, value any) { c.store[key] = value }

func (c *parseContext) IDs() parser.IDs {
	if c.ids == nil {
		c.ids = parser.NewContext().IDs()
	}
	return c.ids
}

func (c *parseContext) BlockOffset() int                  { return c.blockOffset }
func (c *parseContext) SetBlockOffset(v int)              { c.blockOffset = v }
func (c *parseContext) BlockIndent() int                  { return c.blockIndent }
func (c *parseContext) SetBlockIndent(v int)              { c.blockIndent = v }
func (c *parseContext) LastDelimiter() *parser.Delimiter  { return c.lastDelimiter }
func (c *parseContext) FirstDelimiter() *parser.Delimiter { return c.delimiters }

func (c *parseContext) PushDelimiter(d *parser.Delimiter) {
	if c.delimiters == nil {
		c.delimiters = d
		c.lastDelimiter = d
	} else {
		l := c.lastDelimiter
		c.lastDelimiter = d
		l.NextDelimiter = d
		d.PreviousDelimiter = l
	}
}

func (c *parseContext) RemoveDelimiter(d *parser.Delimiter) {
	if d.PreviousDelimiter == nil {
		c.delimiters = d.NextDelimiter
	} else {
		d.PreviousDelimiter.NextDelimiter = d.NextDelimiter
		if d.NextDelimiter != nil {
			d.NextDelimiter.PreviousDelimiter = d.PreviousDelimiter
		}
	}
	if d.NextDelimiter == nil {
		c.lastDelimiter = d.PreviousDelimiter
	}
	if c.delimiters != nil {
		c.delimiters.PreviousDelimiter = nil
	}
	if c.lastDelimiter != nil {
		c.lastDelimiter.NextDelimiter = nil
	}
	d.NextDelimiter = nil
	d.PreviousDelimiter = nil
	if d.Length != 0 {
		ast.MergeOrReplaceTextSegment(d.Parent(), d, d.Segment)
	} else {
		d.Parent().RemoveChild(d.Parent(), d)
	}
}

func (c *parseContext) ClearDelimiters(bottom ast.Node) {
	if c.lastDelimiter == nil {
		return
	}
	var n ast.Node
	for n = c.lastDelimiter; n != nil && n != bottom; {
		prev := n.PreviousSibling()
		if d, ok := n.(*parser.Delimiter); ok {
			c.RemoveDelimiter(d)
		}
		n = prev
	}
}

func (c *parseContext) AddReference(ref parser.Reference) {
	key := util.ToLinkReference(ref.Label())
	if _, ok := c.refs[key]; !ok {
		c.refs[key] = ref
	}
}

func (c *parseContext) Reference(label string) (parser.Reference, bool) {
	v, ok := c.refs[label]
	return v, ok
}

func (c *parseContext) References() []parser.Reference {
	ret := make([]parser.Reference, 0, len(c.refs))
	for _, v := range c.refs {
		ret = append(ret, v)
	}
	return ret
}

func (c *parseContext) String() string {
	refs := []string{}
	for _, r := range c.refs {
		refs = append(refs, r.String())
	}
	return fmt.Sprintf("Context{Store:%#v, Refs:%s}", c.store, strings.Join(refs, ","))
}

func (c *parseContext) OpenedBlocks() []parser.Block     { return c.openedBlocks }
func (c *parseContext) SetOpenedBlocks(v []parser.Block) { c.openedBlocks = v }

func (c *parseContext) LastOpenedBlock() parser.Block {
	if l := len(c.openedBlocks); l != 0 {
		return c.openedBlocks[l-1]
	}
	return parser.Block{}
}

func (c *parseContext) IsInLinkLabel() bool { return c.Get(linkLabelKey) != nil }

// linkLabelKey is the key (not exported) under which goldmark's link
// parser keeps the link labels open, which IsInLinkLabel looks at: the
// first key it sets in a parse of "[a" to something other than the
// delimiter before the label (its "link bottom", here none).
var linkLabelKey = func() parser.ContextKey {
	rec := &keyRecorder{Context: parser.NewContext(), first: -1}
	p := parser.NewParser(parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 1000)),
		parser.WithInlineParsers(util.Prioritized(parser.NewLinkParser(), 200)))
	p.Parse(text.NewReader([]byte("[a")), parser.WithContext(rec))
	return rec.first
}()

// keyRecorder is a parser.Context that records the first key set to a
// value that is not a delimiter.
type keyRecorder struct {
	parser.Context
	first parser.ContextKey
}

func (r *keyRecorder) Set(key parser.ContextKey, value any) {
	if _, delim := value.(*parser.Delimiter); r.first < 0 && value != nil && !delim {
		r.first = key
	}
	r.Context.Set(key, value)
}
