package render

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
)

func layouts(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for p, s := range files {
		m[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return m
}

var noAsset = func(name string) (string, error) { return "/assets/" + name, nil }

// TestExecute: a layout fills the base's block, partials are named by file,
// the template functions write Swedish dates, numbers and phone numbers,
// and values are escaped.
func TestExecute(t *testing.T) {
	fsys := layouts(map[string]string{
		"layouts/base.html":          `<main>{{block "main" .}}{{end}}</main>{{template "partials/foot.html" .}}`,
		"layouts/partials/foot.html": `<footer>{{phone .Phone}} {{tel .Phone}}</footer>`,
		"layouts/page.html":          `{{define "main"}}<h1>{{.Title}}</h1><p>{{date .Date}} {{isodate .Date}} {{number .N}} {{asset "style.css"}}</p>{{end}}`,
	})
	tm, err := Load(fsys, Funcs(noAsset))
	if err != nil {
		t.Fatal(err)
	}
	if !tm.Has("page") || tm.Has("base") || tm.Has("foot") {
		t.Errorf("Names = %v, want [page]", tm.Names())
	}
	var b strings.Builder
	data := map[string]any{"Title": "Pris <och> villkor", "Date": time.Date(2026, 8, 31, 0, 0, 0, 0, time.UTC), "N": 5900, "Phone": "010-1234500"}
	if err := tm.Execute(&b, "page", data); err != nil {
		t.Fatal(err)
	}
	want := "<main><h1>Pris &lt;och&gt; villkor</h1><p>31 augusti 2026 2026-08-31 5\u00a0900 /assets/style.css</p></main><footer>010-123\u00a045\u00a000 &#43;46101234500</footer>"
	if have := b.String(); have != want {
		t.Errorf("have %s\nwant %s", have, want)
	}
}

// TestErrors: a missing base, a parse error and an execution error are
// reported at the layout's file and line; a missing layout names its file.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		exec  string // layout to execute; "" when Load must fail
		want  string
	}{
		{"no base", map[string]string{"layouts/page.html": `x`}, "", "layouts/base.html"},
		{"parse error", map[string]string{
			"layouts/base.html": "<main>\n{{block \"main\" .}}{{end}}</main>",
			"layouts/page.html": "{{define \"main\"}}\n\n{{if}}{{end}}",
		}, "", "layouts/page.html:3"},
		{"partial parse error", map[string]string{
			"layouts/base.html":       `{{block "main" .}}{{end}}`,
			"layouts/partials/x.html": "\n{{end}}",
			"layouts/page.html":       `{{define "main"}}{{end}}`,
		}, "", "layouts/partials/x.html:2"},
		{"execution error", map[string]string{
			"layouts/base.html": `{{block "main" .}}{{end}}`,
			"layouts/page.html": "{{define \"main\"}}\n{{.Missing.Field}}{{end}}",
		}, "page", "layouts/page.html:2"},
		{"missing layout", map[string]string{
			"layouts/base.html": `{{block "main" .}}{{end}}`,
		}, "unit", "layouts/unit.html"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tm, err := Load(layouts(tc.files), Funcs(noAsset))
			if tc.exec != "" {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				err = tm.Execute(&strings.Builder{}, tc.exec, map[string]any{"Missing": 1})
			}
			if err == nil {
				t.Fatal("no error")
			}
			var de *diag.Error
			if l := diag.Errors(err); len(l) > 0 {
				de = l[0]
			} else if !errors.As(err, &de) {
				t.Fatalf("%v is not a diag error", err)
			}
			if !strings.HasPrefix(de.Pos(), tc.want) {
				t.Errorf("the error is at %s (%v), want %s", de.Pos(), err, tc.want)
			}
		})
	}
}

// TestErrorPlain: an error without a place keeps its text.
func TestErrorPlain(t *testing.T) {
	err := Error(errors.New("something else"))
	if !strings.Contains(err.Error(), "something else") {
		t.Errorf("Error lost the text: %v", err)
	}
}
