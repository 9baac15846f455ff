package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/search"
	"github.com/hbtq-diplomering/webbplats/internal/site"
)

// The site search's targets (issue 13).
const (
	targetSample = 40 << 10  // the sample site's whole page index, gzipped
	targetFirst  = 110 << 10 // what the first query fetches on a 1 000-page site, gzipped (issue 23; was 250)
)

// pagesResult is what the site search measured.
type pagesResult struct {
	Name      string // "sample site" or "1 000 pages"
	Pages     int
	Shards    int
	IndexGz   int // the main file and every shard
	MetaGz    int // the main file
	FirstGz   int // the most a first query fetched: main file, shards, scripts, unit index
	FirstWhat string
}

// common are frequent Swedish words, for text that looks like a site's.
var common = strings.Fields("och att det som en på är av för med till den har de inte om ett men var jag sig så vi kan man när ska vill även eller efter hur alla får där mer här dessa utan under inom vid mellan genom både vara göra finns gäller behöver kommer")

// domain are the words of the programme, weighted by repetition.
var domain = strings.Fields("diplomering diplomeringen omdiplomering hbtq hbtqi bemötande arbetsgrupp arbetsgruppen handlingsplan webbkurs seminarium seminariet anmälan pris kostnad vårdcentral tandvård äldreomsorg utvärdering chef deltagande normer kunskap hälsa patienter personal organisation region kommun tillgänglighet kontakt frågor svar utbildning utbildningen verksamhet verksamheten diplom certifikat elevhälsa ungdomsmottagning psykiatri")

// generatePages writes n Markdown pages under root/content/sidor/: a title,
// a description, four headings and about 400 words each, from a
// vocabulary of some 5 000 words.
func generatePages(root string, n int) error {
	r := rand.New(rand.NewPCG(11, uint64(n)))
	var rare []string
	for _, a := range syll1 {
		for _, b := range syll2 {
			for _, c := range []string{"", "arna", "en", "ning", "skap", "heten"} {
				rare = append(rare, strings.ToLower(a+b+c))
			}
		}
	}
	word := func() string {
		switch x := r.Float64(); {
		case x < 0.45:
			return common[r.IntN(len(common))]
		case x < 0.7:
			return domain[r.IntN(len(domain))]
		default:
			// Zipf-like: a few rare words often, most seldom.
			return rare[int(float64(len(rare))*r.Float64()*r.Float64()*r.Float64())]
		}
	}
	words := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = word()
		}
		return strings.Join(ws, " ")
	}
	dir := filepath.Join(root, "content", "sidor")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	os.WriteFile(filepath.Join(dir, "_index.md"), []byte("---\ntitle: Sidor\n---\n"), 0o644)
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\ndescription: %s.\n---\n", capital(words(3)), words(14))
		for h := 0; h < 4; h++ {
			fmt.Fprintf(&b, "\n## %s\n\n%s.\n\n%s.\n", capital(words(3)), words(50), words(50))
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("sida-%04d.md", i)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// pageSizes measures the page index of the site built at out: its size and
// what each of queries fetches first (the main file, the shards it needs,
// the fragment files of its first five results, both scripts and the unit
// index).
func pageSizes(name, out string, queries []string) (pagesResult, error) {
	r := pagesResult{Name: name}
	meta, err := os.ReadFile(filepath.Join(out, "sok", "index.json"))
	if err != nil {
		return r, err
	}
	r.MetaGz = gzipSize(meta)
	p, err := search.ParsePages(meta)
	if err != nil {
		return r, err
	}
	r.Pages = len(p.Docs)
	all := make([]int, p.NumShards())
	for i := range all {
		all[i] = i
	}
	r.Shards = len(all)
	r.IndexGz = r.MetaGz
	shardGz := map[int]int{}
	for _, i := range all {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(p.Path(i), "/"))))
		if err != nil {
			return r, err
		}
		shardGz[i] = gzipSize(data)
		r.IndexGz += shardGz[i]
	}
	// The scripts and the unit index the search page names.
	page, err := os.ReadFile(filepath.Join(out, "sok", "index.html"))
	if err != nil {
		return r, err
	}
	fixed := 0
	for _, re := range []string{`src="(/assets/sitesearch\.[0-9a-f]+\.js)"`, `data-script="(/assets/directory\.[0-9a-f]+\.js)"`, `data-units="(/assets/verksamheter\.[0-9a-f]+\.json)"`} {
		m := regexpFind(re, page)
		if m == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(m, "/"))))
		if err != nil {
			return r, err
		}
		fixed += gzipSize(data)
	}
	// A query fetches the main file, the scripts and unit index, the shards
	// it needs, and the fragment files of its first five results.
	shardData := map[int][]byte{}
	for _, i := range all {
		shardData[i], _ = os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(p.Path(i), "/"))))
	}
	for _, q := range queries {
		n := r.MetaGz + fixed
		pq, err := search.ParsePages(meta)
		if err != nil {
			return r, err
		}
		for _, i := range pq.Needed(q) {
			n += shardGz[i]
			if err := pq.Add(i, shardData[i]); err != nil {
				return r, err
			}
		}
		for k, h := range pq.Query(q).Hits {
			if k == 5 {
				break
			}
			if f := pq.Docs[h.Page][3]; f != "" {
				data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(f, "/"))))
				if err != nil {
					return r, err
				}
				n += gzipSize(data)
			}
		}
		if n > r.FirstGz {
			r.FirstGz, r.FirstWhat = n, q
		}
	}
	return r, nil
}

// measurePages measures the repository's own site and a generated site of
// 1 000 pages and 1 000 units.
func measurePages(repo, dir string) ([]pagesResult, error) {
	queries := []string{"pris", "diplomering", "s", "hbtq", "vårdcentral umeå", "anmälan seminarium", "kontakt", "tillgänglighet", "och", "björkbacken"}
	var out []pagesResult
	sample := filepath.Join(dir, "sample")
	if _, err := site.Build(context.Background(), site.Options{Features: all.Features(), Root: os.DirFS(repo), Out: sample, Now: now}); err != nil {
		return nil, fmt.Errorf("the sample site does not build:\n%w", err)
	}
	r, err := pageSizes("sample site", sample, queries)
	if err != nil {
		return nil, err
	}
	out = append(out, r)

	root := filepath.Join(dir, "pages")
	if err := writeSite(repo, root, generate(1000)); err != nil {
		return nil, err
	}
	if err := generatePages(root, 1000); err != nil {
		return nil, err
	}
	public := filepath.Join(dir, "pages-public")
	start := time.Now()
	if _, err := site.Build(context.Background(), site.Options{Features: all.Features(), Root: os.DirFS(root), Out: public, Now: now}); err != nil {
		return nil, fmt.Errorf("the 1 000-page site does not build:\n%w", err)
	}
	_ = start
	r, err = pageSizes("1 000 pages", public, queries)
	if err != nil {
		return nil, err
	}
	out = append(out, r)
	return out, nil
}

func capital(s string) string {
	r := []rune(s)
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}
