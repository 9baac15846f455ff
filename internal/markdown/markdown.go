// Package markdown turns a page's Markdown into HTML with the site's rules.
//
// # The dialect
//
// CommonMark with GitHub's tables, strikethrough, task lists and autolinks
// (www.example.se and https://… become links). Headings get ids by the slug
// rule of package slug, unique within the page ("Priser", "priser-1").
//
// # Rules
//
// These are errors, reported at the line and column of the Markdown:
//
//   - raw HTML (<br>, <div>, <script>…): pages are Markdown only, so no
//     markup can break the layout or the Content-Security-Policy;
//   - an image without alt text: ![Beskrivning av bilden](bild.png);
//   - a list or quote nested deeper than MaxDepth levels (the page is then
//     not converted: such nesting takes the parser minutes, and no page
//     needs it).
//
// # Links
//
// A link to another page may be written as its Markdown file, relative to
// the page or from the site root: [Pris](pris.md), [Pris](/om/pris.md),
// [Start](../_index.md). It is rewritten to the page's address (/om/pris/),
// keeping any #fragment.
//
// # Images
//
// With [WithImages] every image is looked up when the page is rendered: a
// relative address is the file beside the Markdown file (bild.png next to
// content/om/pris.md, or in the page's folder next to its index.md), and
// an image that does not exist or cannot be read is an error at its line.
// The <img> gets width and height, and srcset and sizes when there are
// smaller copies. An image with a title, alone in its paragraph, becomes
// a figure with the title as its visible caption, so a credit can be
// written: ![Två personer vid ett bord](bild.png "Illustratör: Kim Exempelsson").
//
// The [Result] lists the headings, links and images with their positions,
// for the site checker.
package markdown

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/bits"
	neturl "net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/slug"
)

// URLFunc returns the address of the page at a path under content/, for
// rewriting links to Markdown files.
type URLFunc func(path string) string

// Renderer converts Markdown to HTML. It is safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	plain  parser.Parser // md's parser without autolinks, for pages that cannot have one (see linkifies)
	url    URLFunc
	files  func(string) bool
	images ImageFunc

	// straight is set by the tests: Linkify on every page and goldmark's
	// own text writer, the renderer that New's shortcuts are held to.
	straight bool

	// Set by the tests: unmarked parses plain pages without plainMarks;
	// plainOnly parses every page as a plain one (without Linkify);
	// parsed is given each page's tree before it is rendered.
	unmarked, plainOnly bool
	parsed              func(doc ast.Node, src []byte)
}

// Img is an image as a page shows it.
type Img struct {
	Src           string // its address, percent-encoded
	Width, Height int
	SrcSet        string // "/om/bild.480.png 480w, …", or ""
	Sizes         string // for srcset
}

// ImageFunc finds the image dest written in the page at path, or says why
// it cannot be shown.
type ImageFunc func(path, dest string) (Img, error)

// WithImages looks every image up with f (see Images in the package
// comment).
func WithImages(f ImageFunc) Option {
	return func(r *Renderer) { r.images = f }
}

// An Option changes a Renderer.
type Option func(*Renderer)

// WithFiles tells the renderer which addresses are published files
// (static/dokument/a b?.pdf is "/dokument/a b?.pdf"): a link to one is
// written percent-encoded (/dokument/a%20b%3F.pdf), so that a file name
// may hold spaces, quotes, ?, #, % and å, ä, ö.
func WithFiles(published func(addr string) bool) Option {
	return func(r *Renderer) { r.files = published }
}

// New returns a Renderer. url maps a content file path to its address.
func New(url URLFunc, opts ...Option) *Renderer {
	r := &Renderer{url: url}
	for _, o := range opts {
		o(r)
	}
	r.md = newGoldmark(r.straight, false, extension.GFM)
	r.plain = r.md.Parser()
	if !r.straight {
		r.plain = newGoldmark(false, !r.unmarked, gfmParts...).Parser()
	}
	return r
}

// newGoldmark returns goldmark with the extensions exts and the site's
// rules; with straight, goldmark's own parts where New has shortcuts
// (textWriter, linkDefs, state.headingID); with plain, one that parses plain text blocks
// itself (see plainMark: only for exts without extension.Linkify, whose
// parser starts at every space). goldmark's XHTML option closes void
// elements (<br />), which the HTML checker accepts; unsafe HTML stays
// off.
func newGoldmark(straight, plain bool, exts ...goldmark.Extender) goldmark.Markdown {
	var w html.Writer = textWriter{}
	p := parser.NewParser(parser.WithBlockParsers(blockParsers(plain)...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(util.Prioritized(linkDefs{}, 100)))
	if straight {
		w, p = html.DefaultWriter, parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
			parser.WithInlineParsers(parser.DefaultInlineParsers()...),
			parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
	}
	renderers := []util.PrioritizedValue{util.Prioritized(figureRenderer{}, 500)}
	if !straight {
		renderers = append(renderers, util.Prioritized(linkRenderer{w}, 500), util.Prioritized(headingRenderer{}, 500),
			util.Prioritized(&tableCells{table: extension.NewTableHTMLRenderer()}, 400))
	}
	return goldmark.New(
		goldmark.WithParser(p),
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(linkRewriter{}, 100)),
		),
		goldmark.WithRendererOptions(html.WithXHTML(), html.WithWriter(w),
			renderer.WithNodeRenderers(renderers...)),
	)
}

// linkDefs is goldmark's parser.LinkReferenceParagraphTransformer, which
// takes the link reference definitions ([a]: /adress) from the start of a
// paragraph, with a shortcut: a paragraph whose first byte other than
// white space (by util.IsSpace, as goldmark skips it) is not [ starts with
// none and is left as it is, without the reader goldmark makes for every
// paragraph to look. (Held to goldmark's by TestOracle and FuzzOracle.)
type linkDefs struct{}

func (linkDefs) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	lines := node.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		for _, c := range src[seg.Start:seg.Stop] {
			if util.IsSpace(c) {
				continue
			}
			if c == '[' {
				parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
			}
			return
		}
	}
}

// textWriter is goldmark's html.DefaultWriter, which writes the text of
// the page's HTML, with a shortcut: text without a byte that it changes is
// written as it is in one piece. Most text is such, and DefaultWriter
// looks at each byte twice and writes piece by piece. (Held to
// DefaultWriter by FuzzTextWriter.)
type textWriter struct{}

// Bytes that DefaultWriter's Write (1) and RawWrite (2) change: NUL
// becomes U+FFFD, & " < > are escaped, and Write also reads & as the start
// of an entity and \ as that of an escape.
var changed = func() (t [256]uint8) {
	for _, c := range []byte{0, '&', '"', '<', '>'} {
		t[c] = 1 | 2
	}
	t['\\'] = 1
	return t
}()

// changedBytes are the bytes of changed, of kind 1 (all) and 2 (all but
// the last).
const changedBytes = "\x00&\"<>\\"

// unchanged reports whether src has no byte of the kind in changed,
// looking only for the bytes of present (a bit for each byte of
// changedBytes, see presentIn): for text longer than a few words, by a
// search for each (bytes.IndexByte, which looks at many bytes at once),
// else byte by byte.
func unchanged(src []byte, kind, present uint8) bool {
	if kind == 2 {
		present &^= 1 << (len(changedBytes) - 1)
	}
	if present == 0 {
		return true
	}
	if len(src) >= 64 {
		for i := range len(changedBytes) {
			if present&(1<<i) != 0 && bytes.IndexByte(src, changedBytes[i]) >= 0 {
				return false
			}
		}
		return true
	}
	for _, c := range src {
		if changed[c]&kind != 0 {
			return false
		}
	}
	return true
}

// allChanged is every byte of changedBytes present.
const allChanged = 1<<len(changedBytes) - 1

// presentIn returns which bytes of changedBytes body has, a bit each. The
// text that goldmark's renderer writes with the textWriter is the page's
// (its text, code, link titles and alt texts: parts of the body, less
// the \ of escapes), so a byte the body does not have need not be looked
// for in it: most pages have none of them. (Held by FuzzTextWriter and
// FuzzOracle.)
func presentIn(body []byte) uint8 {
	return presentKnown(body, 0, 0)
}

// presentKnown is presentIn, the bytes of known (a bit each) known to be
// in body or not by found: the page's index of inline starts found them
// (see state.indexInline), so they are not looked for again.
func presentKnown(body []byte, known, found uint8) uint8 {
	p := found & known
	for i := range len(changedBytes) {
		if known&(1<<i) == 0 && bytes.IndexByte(body, changedBytes[i]) >= 0 {
			p |= 1 << i
		}
	}
	return p
}

// present returns presentIn(st.body), with what indexInline found.
func (st *state) present() uint8 {
	if !st.indexed {
		return presentIn(st.body)
	}
	return presentKnown(st.body, inlineChanged, st.found)
}

// inlineChanged are the bytes of changedBytes that are inline starts
// (< and \), a bit each as in presentIn.
var inlineChanged = func() (k uint8) {
	for i := range len(changedBytes) {
		if inlineStarts[changedBytes[i]] {
			k |= 1 << i
		}
	}
	return k
}()

// present returns which bytes of changedBytes w's page has: all unless w
// is Render's bufWriter.
func present(w util.BufWriter) uint8 {
	if bw, ok := w.(bufWriter); ok {
		return bw.present
	}
	return allChanged
}

func (textWriter) Write(w util.BufWriter, src []byte) {
	if unchanged(src, 1, present(w)) {
		w.Write(src)
		return
	}
	html.DefaultWriter.Write(w, src)
}

func (textWriter) RawWrite(w util.BufWriter, src []byte) {
	if unchanged(src, 2, present(w)) {
		w.Write(src)
		return
	}
	html.DefaultWriter.RawWrite(w, src)
}

func (textWriter) SecureWrite(w util.BufWriter, src []byte) {
	html.DefaultWriter.SecureWrite(w, src)
}

// gfmParts are the parts of extension.GFM other than extension.Linkify.
var gfmParts = []goldmark.Extender{extension.Table, extension.Strikethrough, extension.TaskList}

// linkifies reports whether extension.Linkify may find an autolink in
// body. Its parser makes one of text that starts with http://, https://
// or ftp:// (a URL: so the body has "://"), www. (a host) or has an @ (an
// e-mail address), and else leaves the text as it is; but it is tried at
// every space, tab, *, _, ~ and ( of the page's text, which costs about a
// fifth of the parse. A page without any of these, and without a line
// that keepsSpace, is parsed without it, into the same HTML (held by
// TestOracle and FuzzOracle).
func linkifies(body []byte) bool {
	return bytes.IndexByte(body, '@') >= 0 || bytes.Contains(body, []byte("://")) ||
		bytes.Contains(body, []byte("www."))
}

// keepsSpace reports whether goldmark may keep some of the white space
// at the end of line (a line of the body, with its newline) when
// extension.Linkify is on and trim it when it is off. goldmark trims the
// white space at the end of a line's last piece of text (before its
// newline, or before the two spaces of a hard line break), and a piece of
// text ends wherever an inline parser is tried: with Linkify, at each
// space and tab, so that of white space "a \t\n" only the tab is trimmed,
// without it both. So a line keeps space if the white space it ends with
// (by goldmark's util.IsSpace) has a space or tab after its first byte;
// trimmed lines (headings, table cells, a paragraph's last line) and the
// visible hard line break (a \ at the end) keep none.
func keepsSpace(line []byte) bool {
	n := len(line)
	if n == 0 || line[n-1] != '\n' {
		// The body's last line, without a newline.
	} else if (n >= 3 && line[n-2] == '\\' && line[n-3] != '\\') || (n == 2 && line[0] == '\\') ||
		(n >= 4 && line[n-3] == '\\' && line[n-2] == '\r' && line[n-4] != '\\') || (n == 3 && line[0] == '\\' && line[1] == '\r') {
		return false // a hard line break, its text not trimmed
	} else if n >= 3 && line[n-3] == ' ' && line[n-2] == ' ' {
		n -= 3
	} else if n >= 4 && line[n-4] == ' ' && line[n-3] == ' ' && line[n-2] == '\r' {
		n -= 4
	} else {
		n--
	}
	i := n
	for i > 0 && util.IsSpace(line[i-1]) {
		i--
	}
	for i++; i < n; i++ {
		if c := line[i]; c != '\r' && c != '\n' {
			return true
		}
	}
	return false
}

// Heading is a heading in a page body.
type Heading struct {
	Level     int
	ID        string
	Text      string
	Line, Col int
}

// Link is a link or image in a page body.
type Link struct {
	Dest      string // after rewriting
	Written   string // as written in the Markdown, for messages: an image's Dest may be a smaller copy
	Text      string // the link text, or the image's alt text
	Image     bool
	Line, Col int
}

// Result is a rendered page body.
type Result struct {
	HTML     string // a string, so that a layout shows it as template.HTML without a copy
	Headings []Heading
	Links    []Link
}

type state struct {
	path     string
	url      URLFunc
	files    func(string) bool
	images   ImageFunc
	body     []byte
	lineBase int
	starts   []int // byte offsets of line starts in body
	errs     diag.List
	res      *Result

	// The texts and addresses of the page's headings and links, written
	// one after another and made one string when the page is done (see
	// finish): what the build keeps of a page is then one allocation, not
	// one per text. Where each heading's and link's strings are in it.
	text        []byte
	headings    []Heading
	links       []Link
	hrefs       []headingRefs
	lrefs       []linkRefs
	figures     []*ast.Paragraph // paragraphs to turn into figures
	ids         []headingIDRef   // the headings' ids, in the order they were closed (headingID)
	renderedIDs int              // the first of ids not yet rendered (idOf)
	seen        map[string]bool  // the ids handed out (see reserve)
	next        map[string]int   // for an id handed out, the suffix to try next
	marks       []*plainMark     // the page's plain text blocks (see plainMark)
	rest        []text.Segment   // for plainMark.take
	indexed     bool             // firstStart and lastStart are made
	found       uint8            // the bytes of changedBytes indexInline found, as presentIn's
	firstStart  []int            // for each line, the offset of its first inline start (see prefix)
	lastStart   []int            // and of its last

	// Nodes to hand out (newMark, newText, newParagraph, newTextBlock):
	// the page's tree is gone when the state is used again.
	markSlab  slab[plainMark]
	textSlab  slab[ast.Text]
	paraSlab  slab[ast.Paragraph]
	blockSlab slab[ast.TextBlock]
	bank      text.Segments // the paragraphs' lines (see paragraphParser)
	bankNext  int           // the bank's first slot free

	// The last position found, to count the next column from: the links
	// of a line come in order, so a line of n links costs O(line), not
	// O(n × line).
	lastOff, lastLine, lastCol int

	// spaced: the page may have a link with a space in its address (see
	// maySpace); if not, spacedLinks is not asked.
	spaced bool
}

// A ref is where a string is in state.text: text[off:end].
type ref struct{ off, end int32 }

type headingRefs struct{ id, text ref }

type linkRefs struct{ dest, written, text ref }

// keep appends b to the page's text and returns where it is.
func (st *state) keep(b []byte) ref {
	off := len(st.text)
	st.text = append(st.text, b...)
	return ref{int32(off), int32(len(st.text))}
}

// keepString is keep for a string.
func (st *state) keepString(s string) ref {
	off := len(st.text)
	st.text = append(st.text, s...)
	return ref{int32(off), int32(len(st.text))}
}

// finish makes the page's headings and links, their strings taken from
// one string of all their texts, in slices of their own size.
func (st *state) finish() {
	all := string(st.text)
	str := func(r ref) string { return all[r.off:r.end] }
	if len(st.headings) > 0 {
		st.res.Headings = make([]Heading, len(st.headings))
		for i, h := range st.headings {
			h.ID, h.Text = str(st.hrefs[i].id), str(st.hrefs[i].text)
			st.res.Headings[i] = h
		}
	}
	if len(st.links) > 0 {
		st.res.Links = make([]Link, len(st.links))
		for i, l := range st.links {
			r := st.lrefs[i]
			l.Dest, l.Text = str(r.dest), str(r.text)
			if l.Image {
				l.Written = str(r.written)
			}
			st.res.Links[i] = l
		}
	}
}

// reset readies st for another page, keeping its slices' memory.
func (st *state) reset() {
	// Not to keep the page's nodes.
	clear(st.marks)
	st.markSlab.reset()
	st.textSlab.reset()
	st.paraSlab.reset()
	st.blockSlab.reset()
	clear(st.ids)
	seen, next := st.seen, st.next
	if len(seen) > maxIDs {
		seen, next = nil, nil // clear costs the size the map grew to, page after page
	}
	clear(seen)
	clear(next)
	*st = state{
		markSlab: st.markSlab, textSlab: st.textSlab, paraSlab: st.paraSlab, blockSlab: st.blockSlab, bank: st.bank, seen: seen, next: next,
		starts: st.starts[:0], text: st.text[:0], headings: st.headings[:0], links: st.links[:0],
		ids: st.ids[:0], hrefs: st.hrefs[:0], lrefs: st.lrefs[:0], figures: st.figures[:0], marks: st.marks[:0], firstStart: st.firstStart[:0], lastStart: st.lastStart[:0],
	}
}

// maxIDs is how many ids a page's maps of ids may have held to be kept
// for the next page.
const maxIDs = 256

// states are the states of pages being rendered, kept for the next page.
var states = sync.Pool{New: func() any { return new(state) }}

// renderBuffers hold the HTML of pages being rendered: the Result gets a
// copy of its own size.
var renderBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// bufWriter is a bytes.Buffer as goldmark's renderer writes to it, so
// that it needs no bufio.Writer of its own for each page.
type bufWriter struct {
	*bytes.Buffer
	present uint8  // the bytes of changedBytes the page has (presentIn)
	st      *state // the page's, for its headings' ids
}

func (w bufWriter) Buffered() int { return w.Len() }
func (w bufWriter) Flush() error  { return nil }

var stateKey = parser.NewContextKey()

// position returns the file line and column of byte offset off in the body.
func (s *state) position(off int) (int, int) {
	if off < 0 {
		return s.lineBase, 0
	}
	off = min(off, len(s.body))
	i := sort.Search(len(s.starts), func(i int) bool { return s.starts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	from, col := s.starts[i], 1
	if s.lastLine == i && s.lastOff <= off && s.lastCol > 0 {
		from, col = s.lastOff, s.lastCol
	}
	col += runeCount(s.body[from:off])
	s.lastOff, s.lastLine, s.lastCol = off, i, col
	return s.lineBase + i, col
}

// runeCount is utf8.RuneCount (an invalid byte counts as one), without
// its copy: utf8.RuneCount converts what follows its first non-ASCII byte
// to a string, a copy of most of a Swedish line for each link on it. It
// looks at eight bytes at a time, skipping the ASCII ones before the
// first that is not, and decodes that rune: one of two bytes (å, ä, ö) by
// hand, others with utf8.DecodeRune. (Held to utf8.RuneCount by
// FuzzRuneCount.)
func runeCount(b []byte) int {
	n, i := 0, 0
	for i < len(b) {
		if i+8 <= len(b) {
			hi := binary.LittleEndian.Uint64(b[i:]) & 0x8080808080808080
			if hi == 0 {
				n, i = n+8, i+8
				continue
			}
			k := bits.TrailingZeros64(hi) / 8
			n, i = n+k, i+k
		} else if b[i] < utf8.RuneSelf {
			n, i = n+1, i+1
			continue
		}
		if c := b[i]; c >= 0xc2 && c <= 0xdf && i+1 < len(b) && b[i+1]&0xc0 == 0x80 {
			n, i = n+1, i+2
			continue
		}
		_, size := utf8.DecodeRune(b[i:])
		n, i = n+1, i+size
	}
	return n
}

// MaxDepth is how deeply lists and quotes may be nested.
const MaxDepth = 100

// depth returns an upper bound of how deeply the line is nested in lists
// and quotes: its quote markers (>), its list markers (-, *, +, 1., 1)) and
// half the white space between them, before the text. Each level takes a
// marker on the line that opens it, or two columns of indentation on the
// lines inside it.
func depth(line []byte) int {
	d, width := 0, 0
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == ' ':
			width++
		case c == '\t':
			width += 4 - width%4
		case c == '>':
			d++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			d++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				d++
				i = j
				continue
			}
			return d + width/2
		default:
			return d + width/2
		}
	}
	return d + width/2
}

// Render converts body, the Markdown of the file at path starting on line
// bodyLine, to HTML.
func (r *Renderer) Render(path string, body []byte, bodyLine int) (Result, diag.List) {
	buf := renderBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	res, errs := r.RenderTo(buf, path, body, bodyLine)
	res.HTML = buf.String()
	if buf.Cap() <= keepBuffer {
		renderBuffers.Put(buf)
	}
	return res, errs
}

// RenderTo renders as Render does, but writes the HTML to buf, which is
// empty, and leaves the Result's HTML empty: for a caller that is done
// with the HTML before buf changes, without a copy of it as a string.
func (r *Renderer) RenderTo(buf *bytes.Buffer, path string, body []byte, bodyLine int) (Result, diag.List) {
	res := Result{}
	st := states.Get().(*state)
	defer func() {
		st.reset()
		states.Put(st)
	}()
	st.path, st.url, st.files, st.images, st.body, st.lineBase, st.res = path, r.url, r.files, r.images, body, bodyLine, &res
	st.spaced = r.straight || maySpace(body)
	st.starts = append(st.starts, 0)
	for i := 0; ; {
		j := bytes.IndexByte(body[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		st.starts = append(st.starts, i)
	}
	plain := !linkifies(body)
	for i, start := range st.starts {
		end := len(body)
		if i+1 < len(st.starts) {
			end = st.starts[i+1]
		}
		plain = plain && !keepsSpace(body[start:end])
		if depth(body[start:end]) > MaxDepth {
			st.errs.At(path, bodyLine+i, 1, MarkdownDeep.With(MaxDepth)).Tip(HintMarkdownDeep.With())
			return res, st.errs
		}
	}
	ctx := parser.NewContext()
	if r.straight {
		ctx = parser.NewContext(parser.WithIDs(&ids{}))
	}
	ctx.Set(stateKey, st)
	p := r.md.Parser()
	if plain || r.plainOnly {
		p = r.plain
	}
	doc := p.Parse(text.NewReader(body), parser.WithContext(ctx))
	if r.parsed != nil {
		r.parsed(doc, body)
	}
	if err := r.md.Renderer().Render(bufWriter{buf, st.present(), st}, body, doc); err != nil {
		st.errs.At(path, bodyLine, 0, MarkdownBroken.With(err))
	}
	return res, st.errs
}

// keepBuffer is the largest render buffer kept for the next page: one
// grown for a page far larger than most is let go.
const keepBuffer = 256 << 10

// ids gives headings unique ids by the slug rule, for the oracle's
// parser.WithAutoHeadingID (New's parsers use state.headingID).
type ids struct{ slug.IDs }

// headingID gives the heading n its id as goldmark's
// parser.WithAutoHeadingID does with ids (the slug of its last line as
// written, unique in the page), when its parser closes it, without the
// strings and copies that costs: the slug is made in the page's text
// (slug.AppendFold, its spaces made hyphens, as slug.Make does) and
// looked up in maps kept from page to page (see reserve). (Held to ids
// by FuzzHeadingID, TestOracle and FuzzOracle.)
func (st *state) headingID(n ast.Node, src []byte) {
	var line []byte
	if lines := n.Lines(); lines.Len() > 0 {
		last := lines.At(lines.Len() - 1)
		line = last.Value(src)
	}
	start := len(st.text)
	var safe bool
	if st.text, safe = appendSlug(st.text, line); !safe {
		st.text = slug.AppendFold(st.text, util.BytesToReadOnlyString(line))
		for i := start; i < len(st.text); i++ {
			if st.text[i] == ' ' {
				st.text[i] = '-'
			}
		}
	}
	if len(st.text) == start {
		st.text = append(st.text, "avsnitt"...)
	}
	st.ids = append(st.ids, headingIDRef{n, st.reserve(start), safe})
}

// A headingIDRef is the id headingID gave a heading: kept in the state,
// not as the node's attribute, which would cost two allocations.
type headingIDRef struct {
	n  ast.Node
	id []byte
	// safe: the id has no byte that util.EscapeHTML changes (appendSlug
	// made it: a-z, 0-9 and -, and reserve adds - and digits).
	safe bool
}

// idOf returns the id headingID gave the heading n, or nil, looking from
// *next on among the page's headings in the order they were closed, and
// sets *next after it. The headings of the page's tree are closed in its
// order (each before the next is), so walking the tree finds each where
// *next is, or after headings left out of it (a setext heading goldmark
// took back); else it looks from the start.
func (st *state) idOf(n ast.Node, next *int) []byte {
	id, _ := st.idRef(n, next)
	return id
}

// idRef is idOf, also saying whether the id is safe (see headingIDRef).
func (st *state) idRef(n ast.Node, next *int) ([]byte, bool) {
	for i := *next; i < len(st.ids); i++ {
		if st.ids[i].n == n {
			*next = i + 1
			return st.ids[i].id, st.ids[i].safe
		}
	}
	for i := range min(*next, len(st.ids)) {
		if st.ids[i].n == n {
			*next = i + 1
			return st.ids[i].id, st.ids[i].safe
		}
	}
	return nil, false
}

// headingRenderer renders headings as goldmark's html.Renderer does, with
// the id that headingID gave them (see idOf) as their first attribute.
type headingRenderer struct{}

// RegisterFuncs registers the Heading renderer.
func (headingRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, renderHeading)
}

func renderHeading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	if !entering {
		_, _ = w.WriteString("</h")
		_ = w.WriteByte("0123456"[n.Level])
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<h")
	_ = w.WriteByte("0123456"[n.Level])
	if bw, ok := w.(bufWriter); ok && bw.st != nil {
		if id, safe := bw.st.idRef(n, &bw.st.renderedIDs); id != nil {
			_, _ = w.WriteString(` id="`)
			if safe {
				_, _ = w.Write(id)
			} else {
				_, _ = w.Write(util.EscapeHTML(id))
			}
			_ = w.WriteByte('"')
		}
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, node, html.HeadingAttributeFilter)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// appendSlug appends the slug of s (slug.Make's) to b when s is ASCII
// and the letters å, ä, ö and é, large or small, as most headings are,
// looking at each byte once; for other text it returns b as it was and
// false. (Held to slug.Make by FuzzHeadingID.)
func appendSlug(b, s []byte) ([]byte, bool) {
	start := len(b)
	b = slices.Grow(b, len(s))
	// The slug is no longer than s: each byte it has stands for one of s
	// or more (a hyphen for the bytes left out before a letter).
	out := b[start : start+len(s)]
	n, pending := 0, false
	for i := 0; i < len(s); i++ {
		c := slugASCII[s[i]]
		switch {
		case c > 1:
		case c == 1:
			pending = true
			continue
		case s[i] == 0xc3 && i+1 < len(s):
			switch s[i+1] {
			case 0xa5, 0xa4, 0x85, 0x84: // å ä Å Ä
				c = 'a'
			case 0xb6, 0x96: // ö Ö
				c = 'o'
			case 0xa9, 0x89: // é É
				c = 'e'
			default:
				return b[:start], false
			}
			i++
		default:
			return b[:start], false
		}
		if pending && n > 0 {
			out[n] = '-'
			n++
		}
		pending = false
		out[n] = c
		n++
	}
	return b[:start+n], true
}

// slugASCII is what appendSlug makes of a byte: a letter (small) or
// digit, 1 for other ASCII (left out), 0 for the bytes of other runes.
var slugASCII = func() (t [256]byte) {
	for c := range utf8.RuneSelf {
		t[c] = 1
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	return t
}()

// reserve makes the id at st.text[start:] unique in the page as
// slug.IDs.Reserve does, and returns it: it or it with the first
// "-1", "-2" … not handed out, after the last one given it. The id stays
// where it is in st.text (a page's text is only appended to), and the
// maps' keys are the ids where they are there, not copies: their bytes
// do not change while the maps hold them (reset clears the maps before
// st.text is written again; a suffix is tried only after the ids kept).
func (st *state) reserve(start int) []byte {
	if st.seen == nil {
		st.seen, st.next = map[string]bool{}, map[string]int{}
	}
	id := st.text[start:]
	if !st.seen[string(id)] {
		st.seen[util.BytesToReadOnlyString(id)] = true
		return id[:len(id):len(id)]
	}
	base := len(id)
	i := max(st.next[string(id)], 1)
	for {
		st.text = strconv.AppendInt(append(st.text[:start+base], '-'), int64(i), 10)
		if !st.seen[string(st.text[start:])] {
			break
		}
		i++
	}
	st.next[util.BytesToReadOnlyString(st.text[start:start+base])] = i + 1
	id = st.text[start:]
	st.seen[util.BytesToReadOnlyString(id)] = true
	return id[:len(id):len(id)]
}

func (i *ids) Generate(value []byte, _ ast.NodeKind) []byte {
	return []byte(i.Unique(string(value)))
}

func (i *ids) Put(value []byte) { i.Reserve(string(value)) }

type linkRewriter struct{}

// nodeText appends the text of n to the page's text, without the white
// space at its ends, and returns where it is.
func (st *state) nodeText(n ast.Node, src []byte) ref {
	start := len(st.text)
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			st.text = append(st.text, t.Segment.Value(src)...)
			if t.SoftLineBreak() || t.HardLineBreak() {
				st.text = append(st.text, ' ')
			}
		case *ast.String:
			st.text = append(st.text, t.Value...)
		case *ast.CodeSpan:
			for cc := t.FirstChild(); cc != nil; cc = cc.NextSibling() {
				if tt, ok := cc.(*ast.Text); ok {
					st.text = append(st.text, tt.Segment.Value(src)...)
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	// As strings.TrimSpace: the same white space, at both ends.
	t := st.text[start:]
	lead := len(t) - len(bytes.TrimLeftFunc(t, unicode.IsSpace))
	t = bytes.TrimRightFunc(t[lead:], unicode.IsSpace)
	return ref{int32(start + lead), int32(start + lead + len(t))}
}

// nodePos finds a byte offset for n: its own, or its first child's, or its
// block's first line.
func nodePos(n ast.Node) int {
	for c := n; c != nil; c = c.Parent() {
		if p := c.Pos(); p >= 0 {
			return p
		}
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
	}
	return -1
}

func (linkRewriter) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		return
	}
	st.unmark()
	src := reader.Source()
	walked := 0 // the first of st.ids not yet walked (idOf)
	// One walk over the page: its headings, links, images, raw HTML, and
	// the paragraphs that become figures.
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Paragraph:
			if img, ok := t.FirstChild().(*ast.Image); ok && t.ChildCount() == 1 && len(img.Title) > 0 {
				st.figures = append(st.figures, t)
			}
		case *ast.Heading:
			line, col := st.position(nodePos(t))
			id := st.idOf(t, &walked)
			if id == nil {
				a, _ := t.AttributeString("id") // the oracle's
				id, _ = a.([]byte)
			}
			st.hrefs = append(st.hrefs, headingRefs{id: st.keep(id), text: st.nodeText(t, src)})
			st.headings = append(st.headings, Heading{Level: t.Level, Line: line, Col: col})
		case *ast.Link:
			// Not a copy: rewrite and what it calls keep no part of
			// dest, which keepString copies.
			dest := util.BytesToReadOnlyString(t.Destination)
			if d := st.rewrite(dest); d != dest {
				dest, t.Destination = d, []byte(d)
			}
			line, col := st.position(nodePos(t))
			st.lrefs = append(st.lrefs, linkRefs{dest: st.keepString(dest), text: st.nodeText(t, src)})
			st.links = append(st.links, Link{Line: line, Col: col})
		case *ast.AutoLink:
			line, col := st.position(nodePos(t))
			u := t.URL(src)
			var r ref
			if t.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(u), []byte("mailto:")) {
				r = st.keepString("mailto:")
				r.end = st.keep(u).end
			} else {
				r = st.keep(u)
			}
			st.lrefs = append(st.lrefs, linkRefs{dest: r, text: st.keep(t.Label(src))})
			st.links = append(st.links, Link{Line: line, Col: col})
		case *ast.Image:
			line, col := st.position(nodePos(t))
			written := string(t.Destination)
			if st.images != nil && !strings.Contains(string(t.Destination), ":") && !strings.HasPrefix(string(t.Destination), "//") {
				img, err := st.images(st.path, string(t.Destination))
				if err != nil {
					hint := HintImageNextTo.With()
					var h interface{ HintMessage() msg.Message }
					if errors.As(err, &h) {
						hint = h.HintMessage()
					}
					st.errs.At(st.path, line, col, msg.ImageProblem.With(string(t.Destination), err)).
						Tip(hint)
				} else {
					t.Destination = []byte(img.Src)
					t.SetAttributeString("width", []byte(strconv.Itoa(img.Width)))
					t.SetAttributeString("height", []byte(strconv.Itoa(img.Height)))
					if img.SrcSet != "" {
						t.SetAttributeString("srcset", []byte(img.SrcSet))
						t.SetAttributeString("sizes", []byte(img.Sizes))
					}
					t.SetAttributeString("loading", []byte("lazy"))
				}
			} else {
				t.Destination = []byte(st.rewrite(string(t.Destination)))
			}
			alt := st.nodeText(t, src)
			st.lrefs = append(st.lrefs, linkRefs{dest: st.keep(t.Destination), written: st.keepString(written), text: alt})
			st.links = append(st.links, Link{Image: true, Line: line, Col: col})
			if alt.off == alt.end {
				// The image as the editor wrote it, not the copy that
				// stands in for a large original (bild.1600.jpg).
				st.errs.At(st.path, line, col, msg.MarkdownNoAlt.With(written)).
					Tip(msg.HintMarkdownAlt.With(written))
			}
		case *ast.Text:
			if !st.spaced {
				break
			}
			_, code := t.Parent().(*ast.CodeSpan)
			if _, after := t.PreviousSibling().(*ast.Text); !after && !code {
				st.spacedLinks(t, src)
			}
		case *ast.RawHTML:
			off := -1
			if t.Segments.Len() > 0 {
				off = t.Segments.At(0).Start
			}
			line, col := st.position(off)
			st.errs.At(st.path, line, col, MarkdownHTML.With(firstTag(t.Segments.Value(src)))).
				Tip(HintMarkdownHTML.With())
		case *ast.HTMLBlock:
			off := -1
			if t.Lines().Len() > 0 {
				off = t.Lines().At(0).Start
			}
			line, col := st.position(off)
			var first []byte
			if t.Lines().Len() > 0 {
				seg := t.Lines().At(0)
				first = seg.Value(src)
			}
			st.errs.At(st.path, line, col, MarkdownHTML.With(firstTag(first))).
				Tip(HintMarkdownHTML.With())
		}
		return ast.WalkContinue, nil
	})
	figures(st.figures)
	st.finish()
}

// spacedRE finds what looks like a link or image whose address has a
// space: CommonMark does not read [text](a b.pdf) as a link, so it would
// be published as that text.
var spacedRE = regexp.MustCompile(`!?\[[^\[\]\n]*\]\(([^()<>\n]*[ \t][^()<>\n]*)\)`)

// maySpace reports whether body may have what spacedRE finds: a ]( with
// a space or tab after it before any of ( ) < > and the line's end. Most
// pages have none, and their text is then not looked at run by run.
// (Held by TestOracle and FuzzOracle: the oracle looks at every page.)
func maySpace(body []byte) bool {
	for i := 0; ; {
		j := bytes.Index(body[i:], []byte("]("))
		if j < 0 {
			return false
		}
		i += j + 2
		for k := i; k < len(body); k++ {
			switch body[k] {
			case ' ', '\t':
				return true
			case '(', ')', '<', '>', '\n':
				k = len(body)
			}
		}
	}
}

// spacedLinks reports each link or image in the run of text nodes that
// starts at first whose address has a space (see spacedRE). A run that is
// escaped (\[) is left alone.
func (st *state) spacedLinks(first *ast.Text, src []byte) {
	start, stop := first.Segment.Start, first.Segment.Stop
	for n := first.NextSibling(); n != nil; n = n.NextSibling() {
		t, ok := n.(*ast.Text)
		if !ok {
			break
		}
		stop = t.Segment.Stop
	}
	if stop <= start || stop > len(src) {
		return
	}
	run := src[start:stop]
	if !bytes.Contains(run, []byte("](")) {
		return // nothing spacedRE can match: most text, without the regexp's cost
	}
	for _, m := range spacedRE.FindAllSubmatchIndex(run, -1) {
		if m[0] > 0 && run[m[0]-1] == '\\' {
			continue
		}
		dest := strings.TrimSpace(string(run[m[2]:m[3]]))
		if strings.ContainsAny(dest, "\"'") {
			continue // an address with a title: that is a link CommonMark read, or not ours to guess
		}
		text := string(run[m[0]:m[1]])
		fixed := strings.Replace(text, string(run[m[2]:m[3]]), strings.ReplaceAll(dest, " ", "%20"), 1)
		line, col := st.position(start + m[0])
		st.errs.At(st.path, line, col, MarkdownLinkSpace.With(text)).Tip(HintMarkdownLinkSpace.With(fixed))
	}
}

// KindFigure is the kind of a Figure node.
var KindFigure = ast.NewNodeKind("Figure")

// Figure is an image with a title, alone in its paragraph: it renders as
// <figure> with the title as <figcaption>.
type Figure struct {
	ast.BaseBlock
	Caption []byte
}

// Kind returns KindFigure.
func (f *Figure) Kind() ast.NodeKind { return KindFigure }

// Dump prints the node, for debugging.
func (f *Figure) Dump(src []byte, level int) { ast.DumpHelper(f, src, level, nil, nil) }

// figures turns the paragraphs paras, each holding only an image with a
// title, into Figures.
func figures(paras []*ast.Paragraph) {
	for _, p := range paras {
		img := p.FirstChild().(*ast.Image)
		f := &Figure{Caption: img.Title}
		img.Title = nil
		p.RemoveChild(p, img)
		f.AppendChild(f, img)
		p.Parent().ReplaceChild(p.Parent(), p, f)
	}
}

// figureRenderer renders Figure nodes.
type figureRenderer struct{}

// RegisterFuncs registers the Figure renderer.
func (figureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindFigure, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString("<figure>")
			return ast.WalkContinue, nil
		}
		w.WriteString("<figcaption>")
		w.Write(util.EscapeHTML(n.(*Figure).Caption))
		w.WriteString("</figcaption></figure>\n")
		return ast.WalkContinue, nil
	})
}

func firstTag(b []byte) string {
	s := strings.TrimSpace(string(b))
	if i := strings.IndexByte(s, '>'); i >= 0 {
		s = s[:i+1]
	}
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return s
}

// rewrite turns a link to a Markdown file into the page's address, and a
// link to a published file into its percent-encoded address.
func (st *state) rewrite(dest string) string {
	if st.url == nil || strings.Contains(dest, ":") || strings.HasPrefix(dest, "//") {
		return dest
	}
	if st.files != nil && strings.HasPrefix(dest, "/") {
		// A published file whose name holds ? or #: the whole destination
		// is the name, not a query or fragment.
		if p, err := neturl.PathUnescape(dest); err == nil && st.files(p) {
			return slug.EscapePath(p)
		}
		if st.files(dest) {
			return slug.EscapePath(dest)
		}
	}
	frag := ""
	if i := strings.IndexByte(dest, '#'); i >= 0 {
		dest, frag = dest[:i], dest[i:]
	}
	if path.Ext(dest) != ".md" {
		return dest + frag
	}
	var p string
	if strings.HasPrefix(dest, "/") {
		p = path.Join("content", dest)
		if strings.HasPrefix(dest, "/content/") {
			p = path.Clean(dest[1:])
		}
	} else {
		p = path.Join(path.Dir(st.path), dest)
	}
	return st.url(p) + frag
}
