package check_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/check"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestMessagesFromCatalog holds every problem the rules report on the
// sites under testdata to the catalog: its message and hint are keys of
// package msg (text passed through with msg.Plain does not count), so
// each has its Swedish text, its English one and a row in the editors'
// guide (see msg.TestGuideListsEveryMessage).
func TestMessagesFromCatalog(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	seen := map[string]bool{}
	for _, file := range files {
		s := sitetest.Load(t, file)
		for _, e := range run(t, s.Files, check.Options{}).Problems {
			for i, m := range []msg.Message{e.Msg, e.Hint} {
				if i == 1 && m.IsZero() {
					continue // no hint
				}
				if id, ok := fromCatalog(m); !ok {
					t.Errorf("%s: %q is not a message of the catalog (%s)", file, m.In(msg.SV), id)
				} else {
					seen[m.Key().ID()] = true
				}
				if m.In(msg.SV) == m.In(msg.EN) {
					t.Errorf("%s: %q is the same in Swedish and English", file, m.In(msg.SV))
				}
			}
		}
	}
	if len(seen) < 20 {
		t.Errorf("the sites under testdata show only %d messages of the catalog; they should show most rules", len(seen))
	}
}

// fromCatalog reports whether m, and every message it holds, is a key of
// the catalog other than msg.Plain.
func fromCatalog(m msg.Message) (string, bool) {
	if m.Key() == nil || m.Key() == msg.Plain {
		return "msg.Plain", false
	}
	for _, a := range m.Args() {
		switch a := a.(type) {
		case msg.Message:
			if id, ok := fromCatalog(a); !ok {
				return id, false
			}
		case *diag.Error:
			return "a diag.Error", false
		}
	}
	return m.Key().ID(), true
}

// TestNoTextOutsideCatalog reads the package's source: the rules report
// with keys of package msg only. msg.Plain, which passes text through, is
// allowed only where the text is not ours (the network library's reason
// why an address did not answer, in describe; an unusual status code's
// name, in statusText). (Package diag has no way to
// report free text besides it.)
func TestNoTextOutsideCatalog(t *testing.T) {
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			ast.Inspect(fn, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				x, _ := sel.X.(*ast.Ident)
				if x != nil && x.Name == "msg" && sel.Sel.Name == "Plain" && fn.Name.Name != "describe" && fn.Name.Name != "statusText" {
					t.Errorf("%s: msg.Plain in %s: add a key to internal/check/messages.go", fset.Position(sel.Pos()), fn.Name.Name)
				}
				return true
			})
		}
	}
}
