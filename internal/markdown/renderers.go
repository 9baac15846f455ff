package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Node renderers that stand in for goldmark's where these do work that
// the site's pages never need. Each writes what goldmark's writes: held
// to it by TestOracle and FuzzOracle, whose oracle renders with
// goldmark's own.

// linkRenderer renders links as goldmark's html.Renderer does, but for
// a faster test of dangerous addresses (see dangerous).
type linkRenderer struct{ w html.Writer }

// RegisterFuncs registers the Link renderer.
func (r linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.renderLink)
}

func (r linkRenderer) renderLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<a href=\"")
	dest := util.URLEscape(n.Destination, true)
	if !dangerous(dest) {
		_, _ = w.Write(util.EscapeHTML(dest))
	}
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		r.w.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.LinkAttributeFilter)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// dangerous is html.IsDangerousURL, which makes lower-case copies of the
// address's start for each scheme it knows: all of them (javascript:,
// vbscript:, file:, data:) have a colon, so an address without one is
// not dangerous. (Held to it by FuzzDangerous.)
func dangerous(url []byte) bool {
	return bytes.IndexByte(url, ':') >= 0 && html.IsDangerousURL(url)
}

// tableCells renders table cells: one without alignment or attributes as
// <td> or <th>, as goldmark's extension.TableHTMLRenderer does with
// fmt.Fprintf, others with it.
type tableCells struct {
	table renderer.NodeRenderer // extension.NewTableHTMLRenderer()
	cell  renderer.NodeRendererFunc
}

// SetOption passes the renderer's options (XHTML) on to the table's
// renderer.
func (t *tableCells) SetOption(name renderer.OptionName, value any) {
	if so, ok := t.table.(renderer.SetOptioner); ok {
		so.SetOption(name, value)
	}
}

// RegisterFuncs registers the TableCell renderer.
func (t *tableCells) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	t.table.RegisterFuncs(registerer(func(k ast.NodeKind, f renderer.NodeRendererFunc) {
		if k == east.KindTableCell {
			t.cell = f
		}
	}))
	reg.Register(east.KindTableCell, t.renderCell)
}

// registerer is a func as a renderer.NodeRendererFuncRegisterer.
type registerer func(ast.NodeKind, renderer.NodeRendererFunc)

func (f registerer) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) { f(k, fn) }

func (t *tableCells) renderCell(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*east.TableCell)
	if n.Alignment != east.AlignNone || n.Attributes() != nil {
		return t.cell(w, src, node, entering)
	}
	th := n.Parent() != nil && n.Parent().Kind() == east.KindTableHeader
	switch {
	case entering && th:
		_, _ = w.WriteString("<th>")
	case entering:
		_, _ = w.WriteString("<td>")
	case th:
		_, _ = w.WriteString("</th>\n")
	default:
		_, _ = w.WriteString("</td>\n")
	}
	return ast.WalkContinue, nil
}
