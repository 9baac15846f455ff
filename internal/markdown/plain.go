package markdown

import (
	"bytes"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Plain text blocks.
//
// goldmark parses the text of each paragraph, heading and list item byte
// by byte (parser.parseBlock), trying its inline parsers at every byte
// they start at (`, !, [, ], <, *, _, ~) and keeping track of escapes (\).
// A block whose lines hold none of these bytes becomes, line by line, one
// ast.Text each: most of a page's text is such. New's parser for plain
// pages (without Linkify) makes these Text nodes itself:
//
//   - when a paragraph, heading or list is closed (markingParser), a
//     plainMark is given as only child to the paragraph, heading or each
//     of the list's items' paragraphs or text blocks whose lines are plain
//     (see plainLines and state.plain). A block with a task list's [ ] is
//     not plain, so its checkbox parser never finds a mark in it;
//   - goldmark parses each block's inline text after its children's,
//     asking each whether it is raw (ast.Node.IsRaw) first. The mark says
//     yes, and takes its parent's lines if they are still plain and the
//     mark still its only child, so that goldmark finds nothing to parse
//     in the parent;
//   - before the site's rules look at the page (linkRewriter), each mark
//     is removed, and the lines it took become its parent's again, with
//     the Text nodes that goldmark would have made of them (plainTexts).
//
// A mark that took nothing is just removed: its block was parsed by
// goldmark. (Held to goldmark by TestPlain and FuzzPlain: the same tree
// and HTML as without marks; and by TestOracle and FuzzOracle.)

// kindPlainMark is the kind of a plainMark.
var kindPlainMark = ast.NewNodeKind("PlainMark")

// A plainMark is a block's child while goldmark parses the page, see
// above.
type plainMark struct {
	ast.BaseBlock
	st    *state
	lines text.Segments // the parent's lines, when taken
	whole int           // how many of them are plain, taken whole
	cut   int           // where the plain start of the next ends, if not all are
	line  text.Segment  // that next line
	taken bool
}

// Kind returns kindPlainMark.
func (m *plainMark) Kind() ast.NodeKind { return kindPlainMark }

// Dump prints the node, for debugging.
func (m *plainMark) Dump(src []byte, level int) { ast.DumpHelper(m, src, level, nil, nil) }

// IsRaw takes the parent's lines (see take): goldmark asks just before it
// parses the parent.
func (m *plainMark) IsRaw() bool {
	m.take()
	return true
}

// take takes the plain start of the parent's lines (see prefix), if the
// mark is still its only child (goldmark has not parsed it yet), and
// leaves goldmark the rest.
func (m *plainMark) take() {
	p := m.Parent()
	if m.taken || p == nil || p.FirstChild() != m || p.LastChild() != m || p.Lines().Len() == 0 {
		return
	}
	lines, st := p.Lines(), m.st
	whole, cut := st.prefix(lines)
	n := lines.Len()
	if whole < n && cut <= lines.At(whole).Start && whole == 0 {
		return
	}
	m.lines, m.whole, m.cut, m.taken = *lines, whole, cut, true
	if debugTaken != nil {
		debugTaken()
	}
	if whole == n {
		p.SetLines(&noLines)
		return
	}
	// The rest: the lines from line whole on, in place, that line from cut
	// (unmark puts it back).
	m.line = lines.At(whole)
	lines.SetSliced(whole, n)
	if cut > m.line.Start {
		lines.Set(0, text.NewSegment(cut, m.line.Stop))
	}
}

// noLines are no lines, for SetLines (which copies them).
var noLines text.Segments

// inlineStarts are the bytes that make a block's text not plain: those
// an inline parser of New's plain parser starts at, and \.
var inlineStarts = func() (t [256]bool) {
	t['\\'] = true
	for _, v := range parser.DefaultInlineParsers() {
		for _, c := range v.Value.(parser.InlineParser).Trigger() {
			t[c] = true
		}
	}
	for _, p := range []parser.InlineParser{extension.NewStrikethroughParser(), extension.NewTaskCheckBoxParser()} {
		for _, c := range p.Trigger() {
			t[c] = true
		}
	}
	return t
}()

// indexInline finds for each line of the page the offsets of the first
// and the last byte of inlineStarts on it, or -1, for prefix.
func (st *state) indexInline() {
	st.firstStart, st.lastStart = st.firstStart[:0], st.lastStart[:0]
	for range st.starts {
		st.firstStart = append(st.firstStart, -1)
		st.lastStart = append(st.lastStart, -1)
	}
	for c, ok := range inlineStarts {
		if !ok {
			continue
		}
		for i := 0; ; {
			j := bytes.IndexByte(st.body[i:], byte(c))
			if j < 0 {
				break
			}
			if k := strings.IndexByte(changedBytes, byte(c)); k >= 0 && i == 0 {
				st.found |= 1 << k
			}
			i += j
			l := st.line(i)
			if f := st.firstStart[l]; f < 0 || i < f {
				st.firstStart[l] = i
			}
			st.lastStart[l] = max(st.lastStart[l], i)
			i++
		}
	}
	st.indexed = true
}

// line returns the index of the line of the body that holds offset off.
func (st *state) line(off int) int {
	return sort.Search(len(st.starts), func(i int) bool { return st.starts[i] > off }) - 1
}

// prefix returns how much of lines is plain (see plainLines): the first
// whole of them, and of the next, if whole is not all, the bytes before
// cut, up to the last space before its first inline start (or none: cut is
// where it starts). goldmark parses the rest from there as it would have
// in the whole line: it starts with a space, where no inline parser
// starts, and an inline parser that looks back (at the character before
// a * or _) finds the same bytes. It finds inline starts by the page's
// index (indexInline), looking at a line's bytes only if the body's line
// has one before it (a list's * or the like). (Held to plainLines by
// FuzzPlainIndex, to goldmark by FuzzPlain.)
func (st *state) prefix(lines *text.Segments) (whole, cut int) {
	if !st.indexed {
		st.indexInline()
	}
	n := lines.Len()
	for i := range n {
		seg := lines.At(i)
		if seg.Padding != 0 || seg.Start >= seg.Stop || seg.Start < 0 || seg.Stop > len(st.body) {
			return i, seg.Start
		}
		l := st.line(seg.Start)
		if l+1 < len(st.starts) && seg.Stop > st.starts[l+1] {
			return i, seg.Start
		}
		if st.lastStart[l] >= seg.Start {
			f := st.firstStart[l]
			if f < seg.Start {
				f = seg.Start + indexInlineStart(st.body[seg.Start:seg.Stop])
			}
			if f >= seg.Start && f < seg.Stop {
				cut := seg.Start
				if j := bytes.LastIndexByte(st.body[seg.Start:f], ' '); j > 0 {
					cut += j
				}
				return i, cut
			}
		}
		if i < n-1 && st.body[seg.Stop-1] != '\n' {
			return i, seg.Start
		}
	}
	return n, 0
}

// indexInlineStart returns the index of the first byte of inlineStarts in
// b, or -1.
func indexInlineStart(b []byte) int {
	for i, c := range b {
		if inlineStarts[c] {
			return i
		}
	}
	return -1
}

// plainLines reports whether lines are plain: none holds a byte of
// inlineStarts, none is empty or has padding (a tab partly taken as
// indentation), and each but the last ends with a newline.
func plainLines(lines *text.Segments, src []byte) bool {
	n := lines.Len()
	if n == 0 {
		return false
	}
	for i := range n {
		seg := lines.At(i)
		if seg.Padding != 0 || seg.Start >= seg.Stop || seg.Start < 0 || seg.Stop > len(src) {
			return false
		}
		line := src[seg.Start:seg.Stop]
		if i < n-1 && line[len(line)-1] != '\n' {
			return false
		}
		for _, c := range line {
			if inlineStarts[c] {
				return false
			}
		}
	}
	return true
}

// Line breaks, as goldmark's parser tells them apart.
const (
	breakHard uint8 = 1 << iota
	breakSoft
	breakVisible
)

// lineBreak returns the length of line's text before a hard line break
// (two spaces or \ before the newline) and which break ends it, as
// goldmark's parseBlock does.
func lineBreak(line []byte) (int, uint8) {
	n := len(line)
	newline := line[n-1] == '\n'
	switch {
	case !newline:
		return n, 0
	case (n >= 3 && line[n-2] == '\\' && line[n-3] != '\\') || n == 2 && line[0] == '\\':
		return n - 2, breakHard | breakVisible
	case (n >= 4 && line[n-3] == '\\' && line[n-2] == '\r' && line[n-4] != '\\') || (n == 3 && line[0] == '\\' && line[1] == '\r'):
		return n - 3, breakHard | breakVisible
	case n >= 3 && line[n-3] == ' ' && line[n-2] == ' ':
		return n - 3, breakHard
	case n >= 4 && line[n-4] == ' ' && line[n-3] == ' ' && line[n-2] == '\r':
		return n - 4, breakHard
	}
	return n, breakSoft
}

// plainTexts puts into n, before the node before (or at the end if
// nil), the Text nodes goldmark's parser makes of the plain start of
// lines (see prefix): one a whole line, up to its newline or hard line
// break, its white space at the end trimmed unless a visible hard line
// break (\) follows; and one of the start of the next up to cut.
func (st *state) plainTexts(n, before ast.Node, lines *text.Segments, whole, cut int) {
	src := st.body
	put := func(t *ast.Text) {
		if before == nil {
			n.AppendChild(n, t)
		} else {
			n.InsertBefore(n, before, t)
		}
	}
	for i := range whole {
		seg := lines.At(i)
		line := src[seg.Start:seg.Stop]
		end, br := lineBreak(line)
		if j := bytes.IndexByte(line[:end], '\n'); j >= 0 {
			end = j
		}
		s := text.NewSegment(seg.Start, seg.Start+end)
		if br&(breakHard|breakVisible) != breakHard|breakVisible {
			s = s.TrimRightSpace(src)
		}
		t := st.newText()
		t.Segment = s
		t.SetSoftLineBreak(br&breakSoft != 0)
		t.SetHardLineBreak(br&breakHard != 0)
		put(t)
	}
	if whole < lines.Len() {
		if start := lines.At(whole).Start; cut > start {
			t := st.newText()
			t.Segment = text.NewSegment(start, cut)
			put(t)
		}
	}
}

// mark gives n a plainMark if its lines start plain (see prefix) and it
// has no children.
func (st *state) mark(n ast.Node) {
	lines := n.Lines()
	if n.Parent() == nil || n.HasChildren() || lines.Len() == 0 {
		return
	}
	if whole, cut := st.prefix(lines); whole == 0 && cut <= lines.At(0).Start {
		return
	}
	m := st.newMark()
	m.st = st
	n.AppendChild(n, m)
	st.marks = append(st.marks, m)
}

// A slab hands out values of T from an array of them, which the state's
// reset clears to hand them out again for the next page: most pages
// allocate none.
type slab[T any] struct {
	items []T
	used  int // how many of items are handed out
}

// next returns a zero T. When the array is used up it makes another,
// twice as long and at least least: what was handed out stays where it
// is, in the page's tree.
func (s *slab[T]) next(least int) *T {
	if s.used == len(s.items) {
		s.items = make([]T, max(2*len(s.items), least))
		s.used = 0
	}
	v := &s.items[s.used]
	s.used++
	return v
}

// reset clears what s handed out of its array, not to keep a page's
// nodes, and hands it out again.
func (s *slab[T]) reset() {
	clear(s.items[:s.used])
	s.used = 0
}

// newMark returns a new plainMark, from the state's (see slab).
func (st *state) newMark() *plainMark {
	return st.markSlab.next(32)
}

// newText returns a new ast.Text (as ast.NewTextSegment does), from the
// state's, as newMark.
func (st *state) newText() *ast.Text {
	return st.textSlab.next(64)
}

// unmark removes the page's marks, giving their blocks back the lines
// they took as Text nodes.
func (st *state) unmark() {
	for _, m := range st.marks {
		p := m.Parent()
		if p == nil {
			continue
		}
		p.RemoveChild(p, m)
		if m.taken {
			if m.whole < m.lines.Len() {
				m.lines.Set(m.whole, m.line)
			}
			p.SetLines(&m.lines)
			st.plainTexts(p, p.FirstChild(), &m.lines, m.whole, m.cut)
		}
	}
}

// markingParser is a block parser (the headings' and the list's) that
// gives the headings it closes their ids (with ids, see state.headingID)
// and marks the blocks it closes with marks (unless marks is nil).
type markingParser struct {
	parser.BlockParser
	ids   bool
	marks func(st *state, n ast.Node)
}

func (p markingParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	p.BlockParser.Close(node, reader, pc)
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		return
	}
	if p.ids {
		st.headingID(node, reader.Source())
	}
	if p.marks != nil {
		p.marks(st, node)
	}
}

// SetOption passes options on, but for parser.WithAutoHeadingID's: the
// ids are the markingParser's.
func (p markingParser) SetOption(name parser.OptionName, value any) {
	if so, ok := p.BlockParser.(parser.SetOptioner); ok && !(p.ids && name == autoHeadingID) {
		so.SetOption(name, value)
	}
}

// autoHeadingID is the name of parser.WithAutoHeadingID's option.
const autoHeadingID parser.OptionName = "AutoHeadingID"

// markItems marks the text of a list's items: paragraphs, or text blocks
// if the list is tight (paragraphs that goldmark made text blocks, without
// the marks they would have had, so paragraphs in lists are marked here).
func markItems(st *state, list ast.Node) {
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.TextBlock, *ast.Paragraph:
				st.mark(c)
			}
		}
	}
}

// markParagraph marks a paragraph that is not a list item's (see
// markItems).
func markParagraph(st *state, n ast.Node) {
	if _, ok := n.Parent().(*ast.ListItem); !ok {
		st.mark(n)
	}
}

// blockParsers are goldmark's parser.DefaultBlockParsers, the headings'
// giving ids (see state.headingID) and, with marks, the headings' and the
// list's marking what they close.
func blockParsers(marks bool) []util.PrioritizedValue {
	var heading func(*state, ast.Node)
	list, paragraph := parser.BlockParser(listParser{parser.NewListParser()}), parser.BlockParser(paragraphParser{parser.NewParagraphParser()})
	if marks {
		heading = (*state).mark
		list, paragraph = markingParser{list, false, markItems}, markingParser{paragraph, false, markParagraph}
	}
	return []util.PrioritizedValue{
		util.Prioritized(markingParser{parser.NewSetextHeadingParser(), true, heading}, 100),
		util.Prioritized(parser.NewThematicBreakParser(), 200),
		util.Prioritized(list, 300),
		util.Prioritized(parser.NewListItemParser(), 400),
		util.Prioritized(parser.NewCodeBlockParser(), 500),
		util.Prioritized(markingParser{parser.NewATXHeadingParser(), true, heading}, 600),
		util.Prioritized(parser.NewFencedCodeBlockParser(), 700),
		util.Prioritized(parser.NewBlockquoteParser(), 800),
		util.Prioritized(parser.NewHTMLBlockParser(), 900),
		util.Prioritized(paragraph, 1000),
	}
}

// paragraphParser is goldmark's paragraph parser (embedded), its
// paragraphs and their lines taken from the state's instead of two
// allocations each: a page has about as many paragraphs as lines of text.
//
// A paragraph's lines are its part of the state's bank of segments, from
// where its first line is to the end of the bank: goldmark's
// text.Segments only appends. Only the page's last paragraph, the one
// open, is appended to, by Continue, which moves the bank's next free
// slot on; and once, when a setext heading that turned out not to be one
// is closed (a line of = or - after link reference definitions only),
// goldmark's parser puts that line in front of the paragraph after it,
// which may be the open one: for that each paragraph leaves one slot
// free after its lines. A paragraph that outgrows the bank gets lines of
// its own from append; the next one a new bank.
type paragraphParser struct{ parser.BlockParser }

// Open is goldmark's paragraphParser.Open with a paragraph and lines of
// the state's.
func (p paragraphParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		return p.BlockParser.Open(parent, reader, pc)
	}
	line, segment := reader.PeekLine()
	if util.IsBlank(line) {
		return nil, parser.NoChildren
	}
	n := st.newParagraph()
	if st.bankNext+2 > st.bank.Len() {
		st.bank = text.Segments{}
		st.bank.AppendAll(make([]text.Segment, bankSize))
		st.bankNext = 0
	}
	lines := st.bank
	lines.SetSliced(st.bankNext, st.bankNext)
	lines.Append(segment)
	n.SetLines(&lines)
	st.bankNext += 2 // the line and one free slot
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

// Continue is goldmark's paragraphParser.Continue, moving the bank's
// next free slot on for each line.
func (p paragraphParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		return p.BlockParser.Continue(node, reader, pc)
	}
	line, segment := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Close
	}
	node.Lines().Append(segment)
	st.bankNext++
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// bankSize is how many segments a bank of paragraph lines has.
const bankSize = 512

// newParagraph returns a new ast.Paragraph (as ast.NewParagraph does),
// from the state's, as newMark.
func (st *state) newParagraph() *ast.Paragraph {
	return st.paraSlab.next(32)
}

// listParser is goldmark's list parser (embedded), the text blocks that
// a tight list's paragraphs become taken from the state's (as newText).
type listParser struct{ parser.BlockParser }

// Close is goldmark's listParser.Close with text blocks of the state's:
// a list is tight unless an item but the first, or a block of an item
// but its first, follows a blank line; a tight list's paragraphs become
// text blocks.
func (p listParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		p.BlockParser.Close(node, reader, pc)
		return
	}
	list := node.(*ast.List)
	for c := node.FirstChild(); c != nil && list.IsTight; c = c.NextSibling() {
		if c.FirstChild() != nil && c.FirstChild() != c.LastChild() {
			for c1 := c.FirstChild().NextSibling(); c1 != nil; c1 = c1.NextSibling() {
				if c1.HasBlankPreviousLines() {
					list.IsTight = false
					break
				}
			}
		}
		if c != node.FirstChild() && c.HasBlankPreviousLines() {
			list.IsTight = false
		}
	}
	if !list.IsTight {
		return
	}
	for child := node.FirstChild(); child != nil; child = child.NextSibling() {
		for gc := child.FirstChild(); gc != nil; {
			paragraph, ok := gc.(*ast.Paragraph)
			gc = gc.NextSibling()
			if ok {
				tb := st.newTextBlock()
				tb.SetLines(paragraph.Lines())
				child.ReplaceChild(child, paragraph, tb)
			}
		}
	}
}

// newTextBlock returns a new ast.TextBlock (as ast.NewTextBlock does),
// from the state's, as newMark.
func (st *state) newTextBlock() *ast.TextBlock {
	return st.blockSlab.next(32)
}

// debugTaken is called by take when a mark takes its lines, by the tests.
var debugTaken func()
