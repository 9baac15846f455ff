// Command gen writes a synthetic site for benchmarks: N Markdown pages with
// realistic Swedish bodies (headings, paragraphs, lists, links, now and then
// a table; 5–10 KB each) and M certified units in YAML registries, into a
// site root that also gets the repository's site.yaml, layouts and static.
//
//	go run ./bench/gen -pages 1000 -units 1000 -out /tmp/site
//
// The same flags always give the same files.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	pages := flag.Int("pages", 100, "number of Markdown pages")
	units := flag.Int("units", 100, "number of certified units")
	out := flag.String("out", "", "the site root to create (must not exist or be empty)")
	repo := flag.String("repo", ".", "the repository, for site.yaml, layouts and static")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out is required\nTry: go run ./bench/gen -pages 100 -units 100 -out /tmp/site")
		os.Exit(2)
	}
	if err := run(*repo, *out, *pages, *units); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(repo, out string, pages, units int) error {
	for _, p := range []string{"site.yaml", "layouts", "static"} {
		if err := copyTree(filepath.Join(repo, p), filepath.Join(out, p)); err != nil {
			return err
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	if err := writePages(r, out, pages); err != nil {
		return err
	}
	return writeUnits(r, out, units)
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

var words = strings.Fields(`diplomering verksamhet vårdcentral mottagning bemötande patient personal
arbetsmiljö organisation normer kön sexualitet hälsa levnadsvillkor kunskap utbildning seminarium
handlingsplan utvecklingsarbete chef deltagare grupp region kommun omdiplomering giltig uppföljning
jämlik vård trygghet respekt identitet uttryck ungdomar äldreomsorg elevhälsa tandvård psykiatri
forskning erfarenhet utvärdering mål ansvar samverkan inkludering språk frågor svar information
samtal rutiner dokumentation lokaler blanketter journal kallelse väntrum bemötandet öppenhet`)

func sentence(r *rand.Rand) string {
	n := 6 + r.IntN(12)
	var b strings.Builder
	for i := range n {
		w := words[r.IntN(len(words))]
		if i == 0 {
			w = capitalize(w)
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
	return b.String()
}

func title(r *rand.Rand, i int) string {
	return fmt.Sprintf("%s och %s %d", capitalize(words[r.IntN(len(words))]), words[r.IntN(len(words))], i)
}

func capitalize(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

func pagePath(i int) string {
	return fmt.Sprintf("content/avsnitt-%03d/sida-%05d.md", i/100, i)
}

func pageURL(i int) string {
	return fmt.Sprintf("/avsnitt-%03d/sida-%05d/", i/100, i)
}

func writePages(r *rand.Rand, out string, n int) error {
	home := "---\ntitle: Start\ndescription: Syntetisk webbplats för mätningar.\n---\nEn webbplats med många sidor.\n"
	if err := write(out, "content/_index.md", home); err != nil {
		return err
	}
	// The layouts' footer links to the accessibility statement, and every
	// build checks that links lead somewhere.
	if err := write(out, "content/tillganglighet.md", "---\ntitle: Tillgänglighetsredogörelse\n---\nSå tillgänglig är webbplatsen.\n"); err != nil {
		return err
	}
	// site.yaml's dated: [nyheter] needs the section, its pages dated.
	news := "---\ntitle: Nyheter\nweight: 50\n---\nNyheter om diplomeringen.\n"
	if err := write(out, "content/nyheter/_index.md", news); err != nil {
		return err
	}
	for i := range 10 {
		page := fmt.Sprintf("---\ntitle: Nyhet %d\ndescription: %s\ndate: 2026-%02d-%02d\n---\n%s %s\n", i, sentence(r), 1+i, 1+r.IntN(28), sentence(r), sentence(r))
		if err := write(out, fmt.Sprintf("content/nyheter/nyhet-%02d.md", i), page); err != nil {
			return err
		}
	}
	for s := 0; s*100 < n; s++ {
		idx := fmt.Sprintf("---\ntitle: Avsnitt %d\nweight: %d\nmenu: main\n---\n%s\n", s, s+1, sentence(r))
		if s >= 5 {
			idx = strings.Replace(idx, "menu: main\n", "", 1)
		}
		if err := write(out, fmt.Sprintf("content/avsnitt-%03d/_index.md", s), idx); err != nil {
			return err
		}
	}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\ndescription: %s\nweight: %d\nlastmod: 2026-%02d-%02d\n---\n", title(r, i), sentence(r), 1+r.IntN(20), 1+r.IntN(11), 1+r.IntN(28))
		target := 5*1024 + r.IntN(5*1024)
		for h := 1; b.Len() < target; h++ {
			fmt.Fprintf(&b, "\n## %s\n\n", strings.TrimSuffix(sentence(r), "."))
			for range 1 + r.IntN(3) {
				for range 3 + r.IntN(4) {
					b.WriteString(sentence(r) + " ")
				}
				if r.IntN(3) == 0 {
					j := r.IntN(n)
					fmt.Fprintf(&b, "Se [%s](%s). ", strings.TrimSuffix(sentence(r), "."), pageURL(j))
				}
				b.WriteString("\n\n")
			}
			if r.IntN(2) == 0 {
				for range 3 + r.IntN(4) {
					fmt.Fprintf(&b, "- %s\n", sentence(r))
				}
				b.WriteString("\n")
			}
			if h == 2 && i%5 == 0 {
				b.WriteString("| Vad | När | Pris |\n|---|---|---|\n")
				for k := range 4 {
					fmt.Fprintf(&b, "| %s | 2026-%02d-%02d | %d kr |\n", words[r.IntN(len(words))], 1+k, 1+r.IntN(28), 1000+r.IntN(9000))
				}
				b.WriteString("\n")
			}
		}
		if err := write(out, pagePath(i), b.String()); err != nil {
			return err
		}
	}
	return nil
}

func write(root, p, s string) error {
	full := filepath.Join(root, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	return os.WriteFile(full, []byte(s), 0o644)
}
