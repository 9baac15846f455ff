package render

import (
	"errors"
	"html/template"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"
)

// The escaped layouts, tightened
//
// html/template escapes a layout by adding its escapers to the end of each
// action's pipeline: {{.URL}} in href="…" becomes {{.URL | urlfilter |
// urlnormalizer | attrescaper}} (by their names in the set, which start
// with _html_template_), {{timetag .Date}} in text becomes {{timetag .Date
// | htmlescaper}}. text/template then calls each of them by reflection,
// and those calls, not the escaping, are most of what executing a layout
// costs. Load has html/template escape every layout and every part
// partialCached names at once (executing each with no data to a writer
// that fails, so that nothing runs: see escapeAll), and then tightens the
// escaped trees, with the contexts and escapers html/template chose:
//
//   - the three escapers of an address that is a whole attribute value
//     (href="{{.URL}}", src="{{.}}") become one function, urlAttr, that
//     does what the three do, in one call;
//   - the escaper of text after a function of this package that returns
//     template.HTML (timetag, shorttimetag, partialCached) is left out:
//     for template.HTML it returns its argument as it is;
//   - the escapers of text, of an attribute value and of a <title> become
//     functions of one argument (escapeText, escapeAttr, escapeRCDATA)
//     rather than of any number, which text/template calls with less work;
//   - a call {{template "name" .}} (a block too) becomes the body of the
//     template it calls, escaped as html/template escaped it there (see
//     inliner): text/template calls a template with a state and variables
//     of its own, the body inlined runs in the caller's.
//
// Nothing is marked safe that was not: each of these functions escapes a
// string as html/template's escapers do (FuzzEscapers holds them to it),
// takes template.HTML in text as it is, as htmlescaper does, writes an int
// or a bool as fmt does (FuzzEscapersNumber), and gives any other value to
// html/template itself. The rewriting is checked when the
// package is first used (see tightenable): when html/template no longer
// escapes as it did (another Go release), Load leaves the trees as they
// are. TestTightAsEscaped executes every layout of several themes both
// ways and fails on any difference.

// The names html/template gives its escapers in a set.
const (
	escURLFilter     = "_html_template_urlfilter"
	escURLNormalizer = "_html_template_urlnormalizer"
	escAttr          = "_html_template_attrescaper"
	escHTML          = "_html_template_htmlescaper"
	escRCDATA        = "_html_template_rcdataescaper"
	fnURLAttr        = "_render_urlattr" // urlAttr, in each set's functions
	fnText           = "_render_text"    // escapeText
	fnAttr           = "_render_attr"    // escapeAttr
	fnRCDATA         = "_render_rcdata"  // escapeRCDATA
)

// single are the escapers tightenPipe replaces one for one.
var single = map[string]string{escHTML: fnText, escAttr: fnAttr, escRCDATA: fnRCDATA}

// escapeRun is the data escapeAll executes a layout with: any field of it
// is an error, so execution stops at the first field; partialCached returns
// at once for it.
type escapeRun struct{}

// errEscapeRun is what partialCached returns during escapeAll.
var errEscapeRun = errors.New("render: executed only to be escaped")

// failWriter fails every write: escapeAll's execution stops at the first
// text it writes.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errEscapeRun }

// escapeAll has html/template escape the templates names of set: executing
// a template escapes it and every template it calls first. An error
// (escaping or executing) is html/template's to report again when the
// template is executed for a page.
//
// It returns the names html/template escaped without an error.
func escapeAll(set *template.Template, names []string) map[string]bool {
	escaped := map[string]bool{}
	for _, name := range names {
		if set.Lookup(name) != nil {
			err := set.ExecuteTemplate(failWriter{}, name, &escapeRun{})
			var e *template.Error // an error escaping, not executing
			escaped[name] = !errors.As(err, &e)
		}
	}
	return escaped
}

// tightenSet rewrites the escaped trees of set as the comment above says.
// entries are the templates escapeAll escaped; htmlFuncs are the names of
// the functions of the set that return template.HTML. It calls Funcs on
// set, so it runs before any page is executed. It reports whether it
// rewrote the trees (see tightenable).
func tightenSet(set *template.Template, entries []string, htmlFuncs map[string]bool) bool {
	if !tightenable() {
		return false
	}
	defer func() {
		in := &inliner{set: set, state: map[*parse.Tree]int{}}
		for _, name := range entries {
			if tt := set.Lookup(name); tt != nil && tt.Tree != nil {
				in.tree(tt.Tree)
			}
		}
	}()
	set.Funcs(template.FuncMap{fnURLAttr: urlAttr, fnText: escapeText, fnAttr: escapeAttr, fnRCDATA: escapeRCDATA})
	seen := map[*parse.Tree]bool{}
	for _, tt := range set.Templates() {
		if tt.Tree == nil || seen[tt.Tree] {
			continue
		}
		seen[tt.Tree] = true
		walkTree(tt.Tree.Root, func(n parse.Node) {
			if a, ok := n.(*parse.ActionNode); ok && a.Pipe != nil && len(a.Pipe.Decl) == 0 {
				tightenPipe(a.Pipe, htmlFuncs)
			}
		})
	}
	return true
}

// tightenPipe rewrites the escapers at the end of the pipe p.
func tightenPipe(p *parse.PipeNode, htmlFuncs map[string]bool) {
	n := len(p.Cmds)
	if n >= 4 && isIdent(p.Cmds[n-3], escURLFilter) && isIdent(p.Cmds[n-2], escURLNormalizer) && isIdent(p.Cmds[n-1], escAttr) {
		p.Cmds[n-3].Args[0].(*parse.IdentifierNode).Ident = fnURLAttr
		p.Cmds = p.Cmds[:n-2]
		return
	}
	if n >= 2 && isIdent(p.Cmds[n-1], escHTML) {
		if id, ok := p.Cmds[n-2].Args[0].(*parse.IdentifierNode); ok && htmlFuncs[id.Ident] {
			p.Cmds = p.Cmds[:n-1]
			return
		}
	}
	if n >= 2 && len(p.Cmds[n-1].Args) == 1 {
		if id, ok := p.Cmds[n-1].Args[0].(*parse.IdentifierNode); ok && single[id.Ident] != "" {
			id.Ident = single[id.Ident]
		}
	}
}

// isIdent reports whether c is the identifier name alone: an escaper
// html/template added to a pipeline.
func isIdent(c *parse.CommandNode, name string) bool {
	if len(c.Args) != 1 {
		return false
	}
	id, ok := c.Args[0].(*parse.IdentifierNode)
	return ok && id.Ident == name
}

// returnsHTML reports whether f is a function whose first result is
// template.HTML.
func returnsHTML(f any) bool {
	t := reflect.TypeOf(f)
	return t != nil && t.Kind() == reflect.Func && t.NumOut() > 0 && t.Out(0) == reflect.TypeFor[template.HTML]()
}

// urlAttr is what html/template's escapers of an address that is a whole
// quoted attribute value (urlfilter, urlnormalizer, attrescaper) make of
// v, in one call: a string in Go, any other value by html/template itself.
func urlAttr(v any) string {
	if s, ok := v.(string); ok {
		return escapeURLAttr(s)
	}
	if s, ok := plainNumber(v); ok {
		return s
	}
	return viaTemplate(v)
}

// plainNumber returns an int or a bool as html/template writes it in
// every context the escapers here replace: in decimal digits, a minus,
// true or false, none of which any of them escapes.
func plainNumber(v any) (string, bool) {
	switch v := v.(type) {
	case int:
		return strconv.Itoa(v), true
	case int64:
		return strconv.FormatInt(v, 10), true
	case bool:
		return strconv.FormatBool(v), true
	}
	return "", false
}

// escapeURLAttr is urlAttr for a string: an address with a scheme other
// than http, https or mailto becomes #ZgotmplZ; bytes that may not stand
// in an address are percent-encoded (valid escapes kept); then &, + and
// the quotes are escaped for the attribute.
func escapeURLAttr(s string) string {
	if !isSafeURL(s) {
		return "#ZgotmplZ"
	}
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var repl string
		switch {
		case c == '&':
			repl = "&amp;"
		case c == '+':
			repl = "&#43;"
		case urlKeeps(c), c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		if repl != "" {
			b.WriteString(repl)
		} else {
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

const hexDigits = "0123456789abcdef"

// urlKeeps reports whether html/template's urlnormalizer keeps the byte c
// of an address as it is: the unreserved and the reserved characters of
// RFC 3986, but the single quote and the parentheses. (It keeps & and +,
// which attrescaper then escapes.)
func urlKeeps(c byte) bool {
	switch c {
	case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']', '-', '.', '_', '~':
		return true
	}
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// isSafeURL reports whether s is an address html/template's urlfilter lets
// through: a relative one, or one with the scheme http, https or mailto.
func isSafeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return false
		}
	}
	return true
}

// escapeText is html/template's htmlescaper for one value.
func escapeText(v any) string {
	switch v := v.(type) {
	case string:
		return htmlEscaper.Replace(v)
	case template.HTML:
		return string(v)
	}
	if s, ok := plainNumber(v); ok {
		return s
	}
	return textTmpl.via(v)
}

// escapeAttr is html/template's attrescaper for one value.
func escapeAttr(v any) string {
	if s, ok := v.(string); ok {
		return htmlEscaper.Replace(s)
	}
	if s, ok := plainNumber(v); ok {
		return s
	}
	return attrTmpl.via(v)
}

// escapeRCDATA is html/template's rcdataescaper for one value.
func escapeRCDATA(v any) string {
	if s, ok := v.(string); ok {
		return htmlEscaper.Replace(s)
	}
	if s, ok := plainNumber(v); ok {
		return s
	}
	return rcdataTmpl.via(v)
}

// contextTmpl is a template of one action, {{.}}, between before and
// after: it escapes a value as html/template does in that context.
type contextTmpl struct {
	*template.Template
	before, after string
}

func newContext(before, after string) contextTmpl {
	return contextTmpl{template.Must(template.New("").Parse(before + "{{.}}" + after)), before, after}
}

// via returns what html/template writes for v in the context of c.
func (c contextTmpl) via(v any) string {
	var b strings.Builder
	if err := c.Execute(&b, v); err != nil {
		return "" // not reached: the template calls no function that can fail
	}
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), c.before), c.after)
}

// The contexts of the escapers tightenSet replaces: they check the
// rewriting (tightenable) and escape what the functions above do not.
var (
	urlAttrTmpl = newContext(`<a href="`, `">`)
	textTmpl    = newContext(``, ``)
	attrTmpl    = newContext(`<a title="`, `">`)
	rcdataTmpl  = newContext(`<title>`, `</title>`)
	tightOnce   sync.Once
	tightOK     bool
)

// viaTemplate returns what html/template writes for v as a whole href value.
func viaTemplate(v any) string { return urlAttrTmpl.via(v) }

// tightenable reports whether html/template escapes as tightenSet expects:
// an address as a whole attribute value with urlfilter, urlnormalizer and
// attrescaper, text with htmlescaper, which gives template.HTML back as
// it is.
func tightenable() bool {
	tightOnce.Do(func() {
		var b strings.Builder
		html := template.HTML(`<b title="a&amp;b">&lt;x&gt;</b>`)
		if textTmpl.Execute(&b, html) != nil || b.String() != string(html) {
			return
		}
		for _, c := range []contextTmpl{urlAttrTmpl, textTmpl, attrTmpl, rcdataTmpl} {
			if c.Execute(io.Discard, "") != nil {
				return
			}
		}
		tightOK = pipeIs(urlAttrTmpl.Template, escURLFilter, escURLNormalizer, escAttr) && pipeIs(textTmpl.Template, escHTML) &&
			pipeIs(attrTmpl.Template, escAttr) && pipeIs(rcdataTmpl.Template, escRCDATA)
	})
	return tightOK
}

// pipeIs reports whether the one action of the escaped template t is {{.}}
// followed by the escapers names.
func pipeIs(t *template.Template, names ...string) bool {
	var pipe *parse.PipeNode
	walkTree(t.Tree.Root, func(n parse.Node) {
		if a, ok := n.(*parse.ActionNode); ok {
			pipe = a.Pipe
		}
	})
	if pipe == nil || len(pipe.Cmds) != len(names)+1 {
		return false
	}
	if _, ok := pipe.Cmds[0].Args[0].(*parse.DotNode); !ok {
		return false
	}
	for i, name := range names {
		if !isIdent(pipe.Cmds[i+1], name) {
			return false
		}
	}
	return true
}

// inliner replaces calls of templates with their bodies in escaped trees.
//
// A call {{template "name" .}} that html/template left with its name was
// escaped in text, as the template it calls: the call is replaced by that
// template's body (its nodes, shared by every caller), whose nodes keep
// their own file for errors. The
// body runs with the caller's dot, which is the dot it is given; its
// variables are the caller's, so a body that declares a variable outside
// any if, with or range is put in {{if true}} … {{end}}, whose end drops
// them, and a body that reads $ (the data it was given) is inlined only
// where the caller's dot is its $: outside any with and range. A call
// with another argument, of a template escaped in another context (a
// name html/template made) or of a template that calls itself is left
// as it is.
type inliner struct {
	set   *template.Template
	state map[*parse.Tree]int // 1 while its calls are inlined, 2 after
}

// tree inlines the calls in t, after those in the templates it calls.
func (in *inliner) tree(t *parse.Tree) {
	if in.state[t] != 0 {
		return
	}
	in.state[t] = 1
	in.list(t.Root, false)
	in.state[t] = 2
}

// list inlines the calls in l; moved says that the dot is not the
// template's $ there.
func (in *inliner) list(l *parse.ListNode, moved bool) {
	if l == nil {
		return
	}
	var out []parse.Node
	changed := false
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TemplateNode:
			if body, ok := in.body(n, moved); ok {
				out = append(out, body...)
				changed = true
				continue
			}
		case *parse.IfNode:
			in.list(n.List, moved)
			in.list(n.ElseList, moved)
		case *parse.WithNode:
			in.list(n.List, true)
			in.list(n.ElseList, true)
		case *parse.RangeNode:
			in.list(n.List, true)
			in.list(n.ElseList, true)
		}
		out = append(out, n)
	}
	if changed {
		l.Nodes = out
	}
}

// body returns the nodes that replace the call n, or false when it stays.
func (in *inliner) body(n *parse.TemplateNode, moved bool) ([]parse.Node, bool) {
	if n.Pipe == nil || len(n.Pipe.Decl) != 0 || len(n.Pipe.Cmds) != 1 || len(n.Pipe.Cmds[0].Args) != 1 {
		return nil, false
	}
	if _, ok := n.Pipe.Cmds[0].Args[0].(*parse.DotNode); !ok {
		return nil, false
	}
	callee := in.set.Lookup(n.Name)
	if callee == nil || callee.Tree == nil || callee.Tree.Root == nil || in.state[callee.Tree] == 1 {
		return nil, false
	}
	in.tree(callee.Tree)
	if in.state[callee.Tree] != 2 || moved && readsDollar(callee.Tree.Root) {
		return nil, false
	}
	// The body's nodes themselves, not a copy: nothing changes a tree
	// once it is inlined, and executing one only reads it.
	root := callee.Tree.Root
	declares := false
	for _, c := range root.Nodes {
		if a, ok := c.(*parse.ActionNode); ok && len(a.Pipe.Decl) > 0 {
			declares = true
		}
	}
	if !declares {
		return root.Nodes, true
	}
	yes := &parse.PipeNode{NodeType: parse.NodePipe, Pos: n.Pos, Line: n.Line, Cmds: []*parse.CommandNode{
		{NodeType: parse.NodeCommand, Pos: n.Pos, Args: []parse.Node{&parse.BoolNode{NodeType: parse.NodeBool, Pos: n.Pos, True: true}}},
	}}
	return []parse.Node{&parse.IfNode{BranchNode: parse.BranchNode{NodeType: parse.NodeIf, Pos: n.Pos, Line: n.Line, Pipe: yes, List: root}}}, true
}

// readsDollar reports whether a variable $ (the template's data) is read
// under n.
func readsDollar(n parse.Node) bool {
	found := false
	walkTree(n, func(n parse.Node) {
		if v, ok := n.(*parse.VariableNode); ok && v.Ident[0] == "$" {
			found = true
		}
	})
	return found
}
