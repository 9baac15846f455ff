package site

// Languages: a page's lang sets <html lang> and, for a language written
// right to left, dir="rtl"; translations: and easy_read: link pages to
// each other both ways (see package content for the keys).
//
// Pages that name each other under translations: form one group, and
// every page of a group links every other, with <link rel="alternate"
// hreflang> in the head and a visible link in the page's own language
// name ("English", "suomi", "العربية"). A page's easy_read: names its
// version in easy Swedish (lättläst); the two link each other, with the
// site's words easy_read ("Lättläst") and plain_text ("Vanlig text").

import (
	"path"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// DefaultLang is the language of a page without lang:.
const DefaultLang = "sv"

// Alternate is a link to a version of the page in another language, or
// in easy Swedish.
type Alternate struct {
	URL  string
	Lang string // hreflang and lang of the link: en
	Name string // the language's own name: English; the word easy_read or plain_text for easy Swedish
}

// AbsURL returns u, an address on the site such as an Alternate's URL, as
// an absolute address when the base URL is known (hreflang links must be
// absolute), else u unchanged.
func (v *View) AbsURL(u string) string {
	if v.Canonical == "" || v.Page == nil || !strings.HasPrefix(u, "/") {
		return u
	}
	return strings.TrimSuffix(v.Canonical, v.Page.URL) + u
}

// langs is the builder's state for languages.
type langs struct {
	alternates map[*content.Page][]Alternate
	easy       map[*content.Page]Alternate // easy Swedish version, or the normal one
	easyOf     map[*content.Page]bool      // the page is the easy version
	stale      map[*content.Page]Stale     // a version older than its original
}

// langOf returns p's language tag.
func langOf(p *content.Page) string {
	if p.Front.Lang != "" {
		return p.Front.Lang
	}
	return DefaultLang
}

// dirOf returns "rtl" for a language written right to left, else "".
func dirOf(lang string) string {
	t, err := language.Parse(lang)
	if err != nil {
		return ""
	}
	s, _ := t.Script()
	switch s.String() {
	case "Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr":
		return "rtl"
	}
	return ""
}

// langName returns the language's own name, with a capital: "English", "Suomi".
func langName(lang string) string {
	t, err := language.Parse(lang)
	if err != nil {
		return lang
	}
	n := display.Self.Name(t)
	if n == "" {
		return lang
	}
	return swedish.UpperFirst(n)
}

// resolvePage finds the page that ref names from page p: a Markdown file
// (relative to p's folder, or /… from content/) or an address.
func (b *builder) resolvePage(p *content.Page, ref string) (*content.Page, bool) {
	ref = strings.TrimSpace(ref)
	if path.Ext(ref) == ".md" {
		var f string
		if strings.HasPrefix(ref, "/") {
			f = path.Join(content.Dir, ref)
		} else {
			f = path.Join(path.Dir(p.Path), ref)
		}
		ref = content.URLFor(f)
	}
	if !strings.HasSuffix(ref, "/") && path.Ext(ref) == "" {
		ref += "/"
	}
	q, ok := b.byURL[ref]
	return q, ok
}

// linkLanguages resolves every page's translations: and easy_read:.
func (b *builder) linkLanguages() {
	b.langs = langs{alternates: map[*content.Page][]Alternate{}, easy: map[*content.Page]Alternate{}, easyOf: map[*content.Page]bool{}}
	parent := map[*content.Page]*content.Page{}
	var find func(p *content.Page) *content.Page
	find = func(p *content.Page) *content.Page {
		if q, ok := parent[p]; ok && q != p {
			r := find(q)
			parent[p] = r
			return r
		}
		return p
	}
	// link returns the page that ref, written at key of p, leads to; nil
	// when it leads to no page or to p itself (reported with self and hint).
	link := func(p *content.Page, key, ref string, self, hint msg.Message) *content.Page {
		q, ok := b.resolvePage(p, ref)
		line, col := p.Pos(key)
		switch {
		case !ok:
			b.fail(diag.New(p.Path, line, col, LangNoPage.With(key, ref)).Tip(HintLangNoPage.With()))
		case q == p:
			b.fail(diag.New(p.Path, line, col, self).Tip(hint))
		default:
			return q
		}
		return nil
	}
	easyTo := map[*content.Page]*content.Page{} // page → its easy-read version
	for _, p := range b.pages {
		for _, ref := range p.Front.Translations {
			if q := link(p, "translations", ref, LangSelf.With(), HintLangSelf.With(ref)); q != nil {
				parent[find(q)] = find(p)
			}
		}
		if ref := p.Front.EasyRead; ref != "" {
			if q := link(p, "easy_read", ref, LangEasySelf.With(), HintLangEasySelf.With()); q != nil {
				easyTo[p] = q
			}
		}
	}
	// A page is a normal text with an easy-read version, or the easy-read
	// version of one, never both: a → b → c → a would call each page
	// "Lättläst" and "Vanlig text" at once.
	for _, p := range b.pages {
		q, ok := easyTo[p]
		if !ok {
			continue
		}
		if r, both := easyTo[q]; both {
			// Follow the chain from p: back to p is a ring, reported once
			// at its first page in file order; else q has both roles.
			ring, at := []string{p.Path}, p
			for x := q; x != nil && len(ring) <= len(easyTo); x = easyTo[x] {
				ring = append(ring, x.Path)
				if x == p {
					break
				}
				if x.Path < at.Path {
					at = x
				}
			}
			line, col := p.Pos("easy_read")
			switch {
			case ring[len(ring)-1] == p.Path && at == p:
				b.fail(diag.New(p.Path, line, col, LangEasyRing.With(strings.Join(ring, " → "))).Tip(HintLangEasyRing.With()))
			case ring[len(ring)-1] != p.Path:
				b.fail(diag.New(p.Path, line, col, LangEasyChain.With(q.Path, r.Path)).Tip(HintLangEasyRing.With()))
			}
			continue
		}
		if _, isEasy := easyOfAny(easyTo, p); isEasy {
			continue // reported where p's own easy_read: is
		}
		b.langs.easy[p] = Alternate{URL: q.URL, Lang: langOf(q), Name: b.words.EasyRead}
		b.langs.easy[q] = Alternate{URL: p.URL, Lang: langOf(p), Name: b.words.PlainText}
		b.langs.easyOf[q] = true
	}
	groups := map[*content.Page][]*content.Page{}
	for _, p := range b.pages {
		if _, ok := parent[p]; ok {
			r := find(p)
			groups[r] = append(groups[r], p)
		}
	}
	for r, g := range groups {
		if _, in := parent[r]; !in {
			g = append([]*content.Page{r}, g...)
		}
		for _, p := range g {
			for _, q := range g {
				if q != p && langOf(q) == langOf(p) {
					line, col := p.Pos("translations")
					b.fail(diag.New(p.Path, line, col, LangSame.With(q.Path, langOf(p))).
						Tip(HintLangSame.With(q.Path)))
				}
				if q != p {
					b.langs.alternates[p] = append(b.langs.alternates[p], Alternate{URL: q.URL, Lang: langOf(q), Name: langName(langOf(q))})
				}
			}
		}
	}
	for p, alts := range b.langs.alternates {
		b.langs.alternates[p] = dedupe(alts)
	}
}

// easyOfAny returns a page whose easy-read version p is.
func easyOfAny(easyTo map[*content.Page]*content.Page, p *content.Page) (*content.Page, bool) {
	for from, to := range easyTo {
		if to == p {
			return from, true
		}
	}
	return nil, false
}

func dedupe(alts []Alternate) []Alternate {
	seen := map[string]bool{}
	var out []Alternate
	for _, a := range alts {
		if !seen[a.URL] {
			seen[a.URL] = true
			out = append(out, a)
		}
	}
	return out
}

// Stale is the original of a translation or easy-read version that
// changed after it.
type Stale struct {
	URL      string    // the original's address
	Lang     string    // its language
	Changed  time.Time // when the original last changed
	Since    time.Time // when the version last changed
	Original string    // its file, for the note
}

// checkStale compares each translation and easy-read version with its
// original (the Swedish page of a translations: group; the normal text of
// an easy_read: pair) by when each last changed (lastmod:, else the last
// commit): a version older than its original is a note naming both files
// and days, and, when site.yaml has stale_notice: true, the version says
// "Den här sidan kan vara äldre än originalet" with a link. A page whose
// day is unknown (outside git, no lastmod:) is not compared.
func (b *builder) checkStale() {
	b.langs.stale = map[*content.Page]Stale{}
	type pair struct{ orig, version *content.Page }
	var pairs []pair
	byURL := map[string]*content.Page{}
	for _, p := range b.pages {
		byURL[p.URL] = p
	}
	for _, p := range b.pages {
		if langOf(p) != DefaultLang || b.langs.easyOf[p] {
			continue
		}
		for _, a := range b.langs.alternates[p] {
			if q := byURL[a.URL]; q != nil && langOf(q) != DefaultLang {
				pairs = append(pairs, pair{p, q})
			}
		}
		if e, ok := b.langs.easy[p]; ok {
			if q := byURL[e.URL]; q != nil && b.langs.easyOf[q] {
				pairs = append(pairs, pair{p, q})
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].orig.Path != pairs[j].orig.Path {
			return pairs[i].orig.Path < pairs[j].orig.Path
		}
		return pairs[i].version.Path < pairs[j].version.Path
	})
	for _, pr := range pairs {
		o, v := b.lastmod(pr.orig), b.lastmod(pr.version)
		if o.IsZero() || v.IsZero() || !v.Before(o) {
			continue
		}
		b.langs.stale[pr.version] = Stale{URL: pr.orig.URL, Lang: langOf(pr.orig), Changed: o, Since: v, Original: pr.orig.Path}
		b.note(NoteStale.With(pr.version.Path, swedish.ISODate(v), pr.orig.Path, swedish.ISODate(o)))
	}
}
