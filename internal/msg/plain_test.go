package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// plainAllowed are the only places that pass text through with Plain, each
// because the text is not ours: file and function.
var plainAllowed = map[string]string{
	"internal/diag/diag.go List.Add":        "an error that is not a Message or diag.Error (the system's own words)",
	"internal/yamldoc/yamldoc.go reason":    "a rare complaint of the YAML parser that has no key of its own",
	"internal/check/external.go statusText": "the name of an unusual HTTP status code, like 418 I'm a teapot",
	"internal/check/external.go describe":   "the network library's reason why an address did not answer",
	"internal/picture/picture.go TooLarge":  "a size written by swedish.Bytes, like 2,5 MB",
	"cmd/build/help.go flagError":           "a complaint of package flag that has no key of its own",
}

// TestPlainOnlyWhereTextIsNotOurs reads every Go file of the engine
// (internal/ and cmd/, not tests): a message a communicator can meet is a
// key, so Plain, which passes text through, appears only
// where the text is not ours (plainAllowed). Anything else needs a key.
func TestPlainOnlyWhereTextIsNotOurs(t *testing.T) {
	seen := map[string]bool{}
	for _, dir := range []string{"../../internal", "../../cmd"} {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				t.Fatal(err)
			}
			if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules" || p == "../../internal/msg") {
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
			rel := strings.TrimPrefix(filepath.ToSlash(p), "../../")
			for _, decl := range f.Decls {
				fn, ok := decl.(*ast.FuncDecl)
				if !ok {
					continue
				}
				name := fn.Name.Name
				if fn.Recv != nil && len(fn.Recv.List) == 1 {
					typ := fn.Recv.List[0].Type
					if s, ok := typ.(*ast.StarExpr); ok {
						typ = s.X
					}
					if id, ok := typ.(*ast.Ident); ok {
						name = id.Name + "." + name
					}
				}
				ast.Inspect(fn, func(n ast.Node) bool {
					sel, ok := n.(*ast.SelectorExpr)
					if !ok || sel.Sel.Name != "Plain" {
						return true
					}
					if x, ok := sel.X.(*ast.Ident); ok && x.Name == "msg" {
						k := rel + " " + name
						seen[k] = true
						if _, ok := plainAllowed[k]; !ok {
							t.Errorf("%s: msg.Plain in %s: give the message a key of its own in the package's messages.go, and a row in docs/redaktorsguide.md", fset.Position(sel.Pos()), name)
						}
					}
					return true
				})
			}
			return nil
		})
	}
	var gone []string
	for k := range plainAllowed {
		if !seen[k] {
			gone = append(gone, k)
		}
	}
	sort.Strings(gone)
	for _, k := range gone {
		t.Errorf("plainAllowed lists %s, which no longer uses msg.Plain: remove it from the list", k)
	}
}
