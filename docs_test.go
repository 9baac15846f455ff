package hbtq_test

import (
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// TestDocLinks holds the README and docs/*.md to their own links: every
// relative link leads to a file of the repository, and every #fragment to
// a heading of the file it names (GitHub's heading anchors), so moving a
// section from one file to another cannot leave a dead link behind.
func TestDocLinks(t *testing.T) {
	files, _ := filepath.Glob("docs/*.md")
	files = append([]string{"README.md"}, files...)
	anchors := map[string]map[string]bool{}
	links := map[string][]string{}
	for _, f := range files {
		a, l := readDoc(t, f)
		anchors[f], links[f] = a, l
	}
	for _, f := range files {
		for _, dest := range links[f] {
			if strings.Contains(dest, "://") || strings.HasPrefix(dest, "mailto:") {
				continue
			}
			file, frag, _ := strings.Cut(dest, "#")
			target := f
			if file != "" {
				target = path.Join(path.Dir(f), file)
				if _, err := os.Stat(target); err != nil {
					t.Errorf("%s: the link %s leads to %s, which does not exist", f, dest, target)
					continue
				}
			}
			if frag == "" {
				continue
			}
			a, ok := anchors[target]
			if !ok {
				a, _ = readDoc(t, target)
			}
			if !a[frag] {
				t.Errorf("%s: the link %s names #%s, which is no heading of %s", f, dest, frag, target)
			}
		}
	}
}

// readDoc returns the heading anchors of a Markdown file and the
// destinations of its links.
func readDoc(t *testing.T, name string) (anchors map[string]bool, links []string) {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	anchors = map[string]bool{}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	doc := md.Parser().Parse(text.NewReader(src))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id := githubAnchor(plain(n, src))
			for i := 1; anchors[id]; i++ {
				id = githubAnchor(plain(n, src)) + "-" + strconv.Itoa(i)
			}
			anchors[id] = true
		case *ast.Link:
			links = append(links, string(n.Destination))
		}
		return ast.WalkContinue, nil
	})
	return anchors, links
}

// plain is the text of a node and its children, code spans included.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(src))
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// githubAnchor is GitHub's id of a heading: lowercase, letters, digits,
// hyphens and underscores kept, spaces made hyphens, the rest dropped.
func githubAnchor(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// TestPackageMap holds the map of internal/ in docs/engine.md to the
// folders as they are: every package under internal/ (a folder with Go
// files, tests aside) is a row of the table under "## The packages", a
// feature's by its folder name under internal/feature/, and every row
// names a package that exists.
func TestPackageMap(t *testing.T) {
	src, err := os.ReadFile("docs/engine.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(src), "\n## The packages\n")
	if !ok {
		t.Fatal("docs/engine.md has no section \"## The packages\"")
	}
	if i := strings.Index(table, "\n## "); i >= 0 {
		table = table[:i]
	}
	rows := map[string]bool{}
	for _, line := range strings.Split(table, "\n") {
		if name, ok := strings.CutPrefix(line, "| `"); ok {
			name, _, _ = strings.Cut(name, "`")
			rows[name] = true
		}
	}
	have := map[string]string{} // row name -> folder
	err = filepath.WalkDir("internal", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if d.Name() == "testdata" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		gofiles, _ := filepath.Glob(filepath.Join(p, "*.go"))
		for _, f := range gofiles {
			if !strings.HasSuffix(f, "_test.go") {
				name := strings.TrimPrefix(filepath.ToSlash(p), "internal/")
				name = strings.TrimPrefix(name, "feature/")
				have[name] = p
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, dir := range have {
		if !rows[name] {
			t.Errorf("docs/engine.md: the map of internal/ has no row for %s (a row: | `%s` | what it is responsible for |)", dir, name)
		}
	}
	for name := range rows {
		if _, ok := have[name]; !ok {
			t.Errorf("docs/engine.md: the map of internal/ names `%s`, which is no package under internal/ or internal/feature/", name)
		}
	}
}
