package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/hbtq-diplomering/webbplats/internal/content"
)

// Week makes, in the site root root, the ordinary edits of a week of
// communicators' work, choosing what to edit from what the site has (so it
// works on any site, not just this repository's):
//
//  1. two new pages in a section (the first folder with an _index.md that
//     is not the news);
//  2. a news item, in the first folder whose pages have a date: (or a new
//     folder nyheter/);
//  3. a new paragraph at the end of the start page;
//  4. a new unit in the first registry under content/verksamheter/, of the
//     same kind and kommun as the registry's first unit;
//  5. a new session on the first page with sessions:, 45 days after today;
//  6. a new phone number for the first phone: of site.yaml;
//  7. a page removed (the last page, in path order, of a section that no
//     layout names and that is no seminar), with every Markdown link to
//     it, or to one of its old addresses, turned into plain text.
//
// It returns one line per edit, saying what it did.
func Week(root string, today time.Time) ([]string, error) {
	w := &week{root: root, today: today}
	for _, edit := range []func() (string, error){w.removePage, w.newPages, w.news, w.startPage, w.unit, w.session, w.phone} {
		msg, err := edit()
		if err != nil {
			return w.done, err
		}
		w.done = append(w.done, msg)
	}
	return w.done, nil
}

type week struct {
	root  string
	today time.Time
	done  []string
}

// free returns the first of name(1), name(2), … for which taken is false.
func free(name func(n int) string, taken func(string) bool) string {
	for n := 1; ; n++ {
		if s := name(n); !taken(s) {
			return s
		}
	}
}

// exists reports whether the site file name exists.
func (w *week) exists(name string) bool {
	_, err := os.Stat(w.file(name))
	return err == nil
}

func (w *week) file(name string) string { return filepath.Join(w.root, filepath.FromSlash(name)) }

func (w *week) read(name string) (string, error) {
	data, err := os.ReadFile(w.file(name))
	return string(data), err
}

func (w *week) write(name, text string) error {
	if err := os.MkdirAll(filepath.Dir(w.file(name)), 0o755); err != nil {
		return err
	}
	return os.WriteFile(w.file(name), []byte(text), 0o644)
}

// pages returns the Markdown files under content/, as slash paths from the
// site root, sorted.
func (w *week) pages() ([]string, error) {
	var out []string
	err := fs.WalkDir(os.DirFS(w.root), "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			out = append(out, p)
		}
		return err
	})
	sort.Strings(out)
	return out, err
}

// front returns the front matter of a page as YAML values.
func front(text string) map[string]any {
	m := map[string]any{}
	text = strings.ReplaceAll(strings.TrimPrefix(text, "\uFEFF"), "\r\n", "\n")
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return m
	}
	fm, _, ok := strings.Cut(rest, "\n---")
	if ok {
		yaml.Unmarshal([]byte(fm), &m)
	}
	return m
}

// sections returns the folders under content/ that have an _index.md,
// with whether any of their pages has a date and whether any is a seminar.
func (w *week) sections() (names []string, dated, seminars map[string]bool, err error) {
	pages, err := w.pages()
	if err != nil {
		return nil, nil, nil, err
	}
	dated, seminars = map[string]bool{}, map[string]bool{}
	for _, p := range pages {
		dir := path.Dir(p)
		if path.Base(p) == "_index.md" && dir != "content" {
			names = append(names, dir)
			continue
		}
		text, err := w.read(p)
		if err != nil {
			return nil, nil, nil, err
		}
		fm := front(text)
		if _, ok := fm["date"]; ok {
			dated[dir] = true
		}
		if _, ok := fm["sessions"]; ok {
			seminars[dir] = true
		}
	}
	return names, dated, seminars, nil
}

func (w *week) newsFolder() (string, error) {
	names, dated, seminars, err := w.sections()
	if err != nil {
		return "", err
	}
	for _, n := range names {
		if dated[n] && !seminars[n] {
			return n, nil
		}
	}
	return "content/nyheter", w.write("content/nyheter/_index.md", "---\ntitle: Nyheter\n---\n")
}

func (w *week) newPages() (string, error) {
	names, dated, seminars, err := w.sections()
	if err != nil {
		return "", err
	}
	news, err := w.newsFolder()
	if err != nil {
		return "", err
	}
	section := ""
	for _, n := range names {
		if n != news && !dated[n] && !seminars[n] && n != "content/verksamheter" {
			section = n
			break
		}
	}
	if section == "" {
		section = "content/nytt"
		if err := w.write(section+"/_index.md", "---\ntitle: Nytt avsnitt\n---\n"); err != nil {
			return "", err
		}
	}
	for i, title := range []string{"Veckans första sida", "Veckans andra sida"} {
		name := free(func(n int) string { return fmt.Sprintf("%s/veckans-sida-%d.md", section, n) }, w.exists)
		text := fmt.Sprintf("---\ntitle: %s\ndescription: En sida som en kommunikatör lade till i veckan.\nweight: %d\n---\n"+
			"Den här sidan är ny.\n\n## Mer om det\n\nLäs också [avsnittets första sida](_index.md).\n", title, 90+i)
		if err := w.write(name, text); err != nil {
			return "", err
		}
	}
	return "two new pages in " + section + "/", nil
}

func (w *week) news() (string, error) {
	folder, err := w.newsFolder()
	if err != nil {
		return "", err
	}
	name := free(func(n int) string { return fmt.Sprintf("%s/veckans-nyhet-%d.md", folder, n) }, w.exists)
	text := fmt.Sprintf("---\ntitle: Veckans nyhet\ndescription: En nyhet från veckan.\ndate: %s\n---\n"+
		"Något hände i veckan. Läs mer på [startsidan](/).\n", w.today.AddDate(0, 0, -1).Format(time.DateOnly))
	return "a news item " + name, w.write(name, text)
}

func (w *week) startPage() (string, error) {
	const name = "content/_index.md"
	text, err := w.read(name)
	if err != nil {
		return "", err
	}
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	text += "\nDen här veckan har vi fått fler frågor än vanligt. Tack för dem!\n"
	return "a new paragraph on the start page", w.write(name, text)
}

func (w *week) unit() (string, error) {
	files, _ := filepath.Glob(w.file("content/verksamheter/*.yaml"))
	sort.Strings(files)
	if len(files) == 0 {
		return "no registry: no unit added", nil
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		return "", err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return "", err
	}
	units := mapValue(doc.Content[0], "units")
	if units == nil || units.Kind != yaml.SequenceNode || len(units.Content) == 0 {
		return "", fmt.Errorf("%s has no units to copy", files[0])
	}
	first := units.Content[0]
	unit := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	var all strings.Builder
	for _, f := range files {
		data, _ := os.ReadFile(f)
		all.Write(data)
	}
	n := 0
	id := free(func(i int) string { n = i; return fmt.Sprintf("veckans-nya-verksamhet-%d", i) }, func(id string) bool { return strings.Contains(all.String(), id) })
	keep := map[string]string{
		"id": id, "name": fmt.Sprintf("Veckans nya verksamhet %d", n),
		"certified": w.today.AddDate(0, 0, -7).Format(time.DateOnly),
	}
	for i := 0; i+1 < len(first.Content); i += 2 {
		k, v := first.Content[i], first.Content[i+1]
		switch k.Value {
		case "id", "name", "certified":
			v = &yaml.Node{Kind: yaml.ScalarNode, Value: keep[k.Value]}
		case "kommun", "kind", "internal":
		default:
			continue
		}
		unit.Content = append(unit.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k.Value}, v)
	}
	units.Content = append(units.Content, unit)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return "", err
	}
	rel, _ := filepath.Rel(w.root, files[0])
	return "a new unit in " + filepath.ToSlash(rel), os.WriteFile(files[0], b.Bytes(), 0o644)
}

// mapValue returns the value of key k in the mapping m.
func mapValue(m *yaml.Node, k string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == k {
			return m.Content[i+1]
		}
	}
	return nil
}

var sessionsLine = regexp.MustCompile(`(?m)^sessions:[ \t]*\n([ \t]*)- `)

func (w *week) session() (string, error) {
	pages, err := w.pages()
	if err != nil {
		return "", err
	}
	for _, p := range pages {
		text, err := w.read(p)
		if err != nil {
			return "", err
		}
		m := sessionsLine.FindStringSubmatchIndex(text)
		if m == nil {
			continue
		}
		indent := text[m[2]:m[3]]
		date := free(func(n int) string { return w.today.AddDate(0, 0, 44+n).Format(time.DateOnly) }, func(d string) bool { return strings.Contains(text, d) })
		line := fmt.Sprintf("%s- {date: %s, start: \"10:00\", end: \"12:00\", online: true}\n", indent, date)
		text = text[:m[2]] + line + text[m[2]:]
		return "a new session on " + p, w.write(p, text)
	}
	return "no seminar page: no session added", nil
}

var phoneLine = regexp.MustCompile(`(?m)^([ \t]*phone:[ \t]*).*$`)

func (w *week) phone() (string, error) {
	text, err := w.read("site.yaml")
	if err != nil {
		return "", err
	}
	m := phoneLine.FindStringSubmatchIndex(text)
	if m == nil {
		return "no phone in site.yaml: none changed", nil
	}
	text = text[:m[0]] + text[m[2]:m[3]] + "010-987 65 43" + text[m[1]:]
	return "a new phone number in site.yaml", w.write("site.yaml", text)
}

var mdLink = regexp.MustCompile(`(!?)\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)`)

func (w *week) removePage() (string, error) {
	pages, err := w.pages()
	if err != nil {
		return "", err
	}
	layouts := ""
	filepath.WalkDir(w.file("layouts"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			layouts += string(data)
		}
		return nil
	})
	victim := ""
	for i := len(pages) - 1; i >= 0; i-- {
		p := pages[i]
		if path.Base(p) == "_index.md" || path.Dir(p) == "content" {
			continue
		}
		text, err := w.read(p)
		if err != nil {
			return "", err
		}
		fm := front(text)
		if _, ok := fm["sessions"]; ok {
			continue
		}
		if strings.Contains(layouts, `"`+content.URLFor(p)+`"`) {
			continue
		}
		victim = p
		break
	}
	if victim == "" {
		return "no page that can go: none removed", nil
	}
	text, err := w.read(victim)
	if err != nil {
		return "", err
	}
	gone := map[string]bool{content.URLFor(victim): true}
	if as, ok := front(text)["aliases"].([]any); ok {
		for _, a := range as {
			s := fmt.Sprint(a)
			gone[strings.TrimSuffix(s, "/")+"/"] = true
		}
	}
	if err := os.Remove(w.file(victim)); err != nil {
		return "", err
	}
	links := 0
	for _, p := range pages {
		if p == victim {
			continue
		}
		text, err := w.read(p)
		if err != nil {
			return "", err
		}
		edited := mdLink.ReplaceAllStringFunc(text, func(s string) string {
			m := mdLink.FindStringSubmatch(s)
			if m[1] == "" && gone[target(p, m[3])] {
				links++
				return m[2]
			}
			return s
		})
		if edited != text {
			if err := w.write(p, edited); err != nil {
				return "", err
			}
		}
	}
	return fmt.Sprintf("removed %s and %d links to it", victim, links), nil
}

// target returns the address that the link dest on the page at p leads
// to, without fragment or query, ending in a slash; "" for other sites.
func target(p, dest string) string {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return ""
	}
	if strings.HasSuffix(u.Path, ".md") {
		return content.URLFor(path.Join(path.Dir(p), u.Path))
	}
	if u.Path == "" {
		return ""
	}
	base, _ := url.Parse(content.URLFor(p))
	r := base.ResolveReference(&url.URL{Path: u.Path}).Path
	return strings.TrimSuffix(r, "/") + "/"
}
