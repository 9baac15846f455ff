package all_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/hbtq-diplomering/webbplats/"

// imports returns the packages of this module that the package in dir
// (relative to the repository) imports, tests left out.
func imports(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("../../..", dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		ast, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range ast.Imports {
			p, _ := strconv.Unquote(i.Path.Value)
			if rest, ok := strings.CutPrefix(p, module); ok {
				out = append(out, rest)
			}
		}
	}
	return out
}

// isFeature reports whether p (relative to the module) is a feature's
// package: internal/feature/<name>, but not the list (all).
func isFeature(p string) bool {
	name, ok := strings.CutPrefix(p, "internal/feature/")
	return ok && !strings.Contains(name, "/") && name != "all"
}

// TestNoFeatureImportsAnother: a feature imports no other feature; what
// one needs from another comes through the build (package feature).
func TestNoFeatureImportsAnother(t *testing.T) {
	dirs, err := os.ReadDir("..")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range dirs {
		p := "internal/feature/" + d.Name()
		if !d.IsDir() || !isFeature(p) {
			continue
		}
		n++
		for _, i := range imports(t, p) {
			if isFeature(i) {
				t.Errorf("%s imports %s: a feature imports no other feature; give what it needs through package feature", p, i)
			}
		}
	}
	if n < 7 {
		t.Errorf("found %d features under internal/feature, want every one", n)
	}
}

// TestEngineImportsNoFeature: nothing that internal/site depends on is a
// feature (go list -deps ./internal/site names none): the engine hosts the
// features it is given in site.Options.Features.
func TestEngineImportsNoFeature(t *testing.T) {
	seen := map[string]bool{}
	var walk func(p, from string)
	walk = func(p, from string) {
		if seen[p] {
			return
		}
		seen[p] = true
		if isFeature(p) || p == "internal/feature/all" {
			t.Errorf("internal/site depends on %s (through %s)", p, from)
			return
		}
		for _, i := range imports(t, p) {
			walk(i, p)
		}
	}
	walk("internal/site", "")
	if !seen["internal/feature"] || !seen["internal/content"] {
		t.Errorf("the walk missed the engine's own imports: %v", seen)
	}
}

// TestCMSKnowsNoFeature: the editing tool builds its forms from what the
// build hands it (the features' Form and Data, package feature): of this
// module it imports only that contract and the engine's packages of pages,
// settings, messages and YAML keys, and no package of a feature's data
// (internal/registry, internal/dataset).
func TestCMSKnowsNoFeature(t *testing.T) {
	allowed := map[string]bool{
		"internal/feature": true, "internal/content": true, "internal/settings": true,
		"internal/msg": true, "internal/diag": true, "internal/yamldoc": true, "internal/swedish": true,
	}
	for _, i := range imports(t, "internal/feature/cms") {
		if !allowed[i] {
			t.Errorf("internal/feature/cms imports %s: the editing tool knows the features only through package feature (Feature.Form, Feature.Data)", i)
		}
	}
}
