// Package render executes the site's layouts.
//
// # Layouts
//
// Layouts are html/template files under layouts/:
//
//	layouts/base.html        the whole document; other layouts fill its blocks
//	layouts/partials/*.html  shared pieces, named by file: {{template "partials/footer.html" .}}
//	layouts/<name>.html      a page layout; it defines the block "main" (and may
//	                         define "head" for extra tags in <head>)
//	layouts/assets/*         CSS and JavaScript, published fingerprinted
//
// The layout rule: the front-matter key layout picks layouts/<layout>.html;
// otherwise the home page uses home, a section page list, the not-found page
// 404 and every other page page. A layout that does not exist is an error
// at the layout key.
//
// # Template functions
//
//	date t       "31 augusti 2026" (Swedish, Europe/Stockholm)
//	shortdate t  "10 nov 2026": a publication date, in lists and on the page
//	isodate t    "2026-08-31", for datetime attributes
//	asset name   the fingerprinted address of layouts/assets/<name>: /assets/style.3f2a9c1b.css
//	number n     5900 → "5 900"
//	phone s      a Swedish phone number as shown: "010-123 45 00"
//	tel s        the same for tel: links: "+46101234500" ("" when it is not a number)
//
// Errors in a layout, at parse or execution time, are reported as
// layouts/<file>:line:col with the template's message.
package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// Dir is the folder of the site root that holds the layouts.
const Dir = "layouts"

// Templates is the parsed set of layouts. It is safe for concurrent use.
type Templates struct {
	sets   map[string]*template.Template // by layout name
	source map[string][]byte             // file contents by path, for errors
}

// Funcs returns the template functions, with asset resolving asset names.
func Funcs(asset func(string) (string, error)) template.FuncMap {
	return template.FuncMap{
		"date":      func(t time.Time) string { return swedish.Date(t) },
		"isodate":   func(t time.Time) string { return swedish.ISODate(t) },
		"shortdate": func(t time.Time) string { return swedish.AbbrDate(t) },
		"number":    swedish.Number,
		"phone": func(s string) string {
			if p, err := swedish.ParsePhone(s); err == nil {
				return p.String()
			}
			return s
		},
		"tel": func(s string) string {
			if p, err := swedish.ParsePhone(s); err == nil {
				return p.E164()
			}
			return ""
		},
		"asset": asset,
	}
}

// Load parses every layout in fsys. funcs are the template functions (see
// Funcs); more may be added by the caller.
func Load(fsys fs.FS, funcs template.FuncMap) (*Templates, error) {
	var errs diag.List
	t := &Templates{sets: map[string]*template.Template{}, source: map[string][]byte{}}
	read := func(p string) string {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs.At(p, 0, 0, msg.FileUnreadable.With(err))
			return ""
		}
		t.source[p] = b
		return string(b)
	}
	basePath := Dir + "/base.html"
	if _, err := fs.Stat(fsys, basePath); err != nil {
		errs.At(basePath, 0, 0, LayoutBaseMissing.With()).Tip(HintLayoutBase.With())
		return nil, errs.Err()
	}
	base := template.New(basePath).Funcs(funcs)
	if _, err := base.Parse(read(basePath)); err != nil {
		errs.Add(Error(err))
	}
	partials, _ := fs.Glob(fsys, Dir+"/partials/*.html")
	for _, p := range partials {
		name := strings.TrimPrefix(p, Dir+"/")
		if _, err := base.New(name).Parse(read(p)); err != nil {
			errs.Add(Error(err))
		}
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	layouts, _ := fs.Glob(fsys, Dir+"/*.html")
	for _, p := range layouts {
		if p == basePath {
			continue
		}
		set, err := base.Clone()
		if err != nil {
			errs.Add(err)
			continue
		}
		if _, err := set.New(p).Parse(read(p)); err != nil {
			errs.Add(Error(err))
			continue
		}
		t.sets[strings.TrimSuffix(path.Base(p), ".html")] = set
	}
	return t, errs.Err()
}

// Has reports whether layouts/<name>.html exists.
func (t *Templates) Has(name string) bool {
	_, ok := t.sets[name]
	return ok
}

// Names returns the layout names, sorted.
func (t *Templates) Names() []string {
	var n []string
	for k := range t.sets {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}

// Source returns the text of a layout file, for error context.
func (t *Templates) Source(p string) []byte { return t.source[p] }

// Execute renders data with layout name, starting from the base layout.
func (t *Templates) Execute(w io.Writer, name string, data any) error {
	set, ok := t.sets[name]
	if !ok {
		return diag.New(Dir+"/"+name+".html", 0, 0, LayoutMissing.With())
	}
	if err := set.ExecuteTemplate(w, Dir+"/base.html", data); err != nil {
		return Error(err)
	}
	return nil
}

var tmplErrRE = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// Error turns an error from html/template into a *diag.Error at the
// layout's line and column when the message carries them.
func Error(err error) error {
	var de *diag.Error
	if errors.As(err, &de) {
		return de
	}
	text := err.Error()
	var te *template.Error
	if errors.As(err, &te) && te.Name != "" {
		text = fmt.Sprintf("template: %s:%d: %s", te.Name, te.Line, te.Description)
	}
	m := tmplErrRE.FindStringSubmatch(text)
	if m == nil {
		return &diag.Error{Msg: LayoutError.With(text)}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	p := m[1]
	if !strings.HasPrefix(p, Dir+"/") {
		p = Dir + "/" + p
	}
	text = m[4]
	if i := strings.Index(text, ": "); strings.HasPrefix(text, "executing") && i >= 0 {
		text = text[i+2:]
	}
	return &diag.Error{Path: p, Line: line, Col: col, Msg: LayoutError.With(text)}
}
