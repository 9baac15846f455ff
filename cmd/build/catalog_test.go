package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// The catalog's tests run here, in the command, because the command links
// every package that owns messages (each in its own messages.go, see
// package msg): msg.All() holds every key only in a program that links
// them all. TestEveryMessageLinked holds that to be so.

// TestEveryMessageLinked reads every Go file of internal/ and cmd/ (not
// tests) and finds each key declared with msg.Def or msg.DefPlural (def
// and defPlural in package msg): each must be in msg.All(), or a package
// with messages is not linked into the command and the tests below miss
// its keys.
func TestEveryMessageLinked(t *testing.T) {
	linked := map[string]bool{}
	for _, k := range msg.All() {
		linked[k.ID()] = true
	}
	n := 0
	for _, dir := range []string{"../../internal", "../../cmd"} {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				t.Fatal(err)
			}
			if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, p, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(nd ast.Node) bool {
				call, ok := nd.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				var name string
				switch fn := call.Fun.(type) {
				case *ast.SelectorExpr:
					if x, ok := fn.X.(*ast.Ident); ok && x.Name == "msg" {
						name = fn.Sel.Name
					}
				case *ast.Ident:
					if f.Name.Name == "msg" {
						name = fn.Name
					}
				}
				switch name {
				case "Def", "DefPlural", "def", "defPlural":
				default:
					return true
				}
				lit, ok := call.Args[0].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				id, _ := strconv.Unquote(lit.Value)
				n++
				if !linked[id] {
					t.Errorf("%s: the key %s is not linked into cmd/build: import its package in the command", fset.Position(lit.Pos()), id)
				}
				return true
			})
			return nil
		})
	}
	if n < 100 || n != len(linked) {
		t.Errorf("found %d keys declared in the source, %d linked", n, len(linked))
	}
}

// TestGuideListsEveryMessage holds the editors' guide to the catalog: the
// Swedish pattern of every key, with its verbs written as … (see
// msg.Pattern), must occur in docs/redaktorsguide.md.
func TestGuideListsEveryMessage(t *testing.T) {
	data, err := os.ReadFile("../../docs/redaktorsguide.md")
	if err != nil {
		t.Fatal(err)
	}
	guide := guideText(string(data))
	for _, k := range msg.All() {
		for _, form := range k.Forms(msg.SV) {
			p := msg.Pattern(form)
			if !strings.ContainsFunc(p, unicode.IsLetter) {
				continue // a pure combinator, like "%s: %v"
			}
			if !strings.Contains(guide, guideText(p)) {
				t.Errorf("docs/redaktorsguide.md does not list %s: add a row with\n\t%s", k.ID(), p)
			}
		}
	}
}

// guideText is s as the guide test compares it: without the backticks of
// code spans and with \| unescaped.
func guideText(s string) string {
	return strings.NewReplacer("`", "", `\|`, "|").Replace(s)
}

var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z]`)

// TestCatalog checks every key: an id of the form area.what, both
// languages written, and the same number of arguments in each.
func TestCatalog(t *testing.T) {
	idRE := regexp.MustCompile(`^[a-z0-9-]+(\.[a-z0-9-]+)*$`)
	for _, k := range msg.All() {
		if !idRE.MatchString(k.ID()) {
			t.Errorf("id %q: write it like area.what, lowercase", k.ID())
		}
		for _, l := range []msg.Lang{msg.SV, msg.EN} {
			for _, f := range k.Forms(l) {
				if strings.TrimSpace(f) == "" {
					t.Errorf("%s has no %s text", k.ID(), l)
				}
			}
		}
		sv, en := verbRE.FindAllString(k.Text(msg.SV), -1), verbRE.FindAllString(k.Text(msg.EN), -1)
		if len(sv) != len(en) {
			t.Errorf("%s: the Swedish takes %d arguments (%v), the English %d (%v)", k.ID(), len(sv), sv, len(en), en)
		}
	}
}
