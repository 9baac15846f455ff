package site

// The unit directory: the pages made from the unit registries under
// content/verksamheter/ (see package registry).
//
//	/verksamheter/                  the directory (layout directory): search form,
//	                                filters, and every public unit grouped by kommun
//	/verksamheter/<id>/             one page per unit (layout unit)
//	/verksamheter/kommun/<slug>/    the units of one kommun (layout units-by)
//	/verksamheter/typ/<slug>/       the units of one kind of care (layout units-by)
//	/assets/verksamheter.<hash>.json  the search index (see package search)
//
// A Markdown page at content/verksamheter/_index.md, when there is one,
// becomes the directory page: its title, description and body stand above
// the search form. Otherwise the directory gets the title "Diplomerade
// verksamheter". Expired units are published nowhere; each one, and the
// number of units whose certificate expires soon, is a note in the build
// summary. A unit's former ids redirect to its page.
//
// Layouts see only the public view of a unit (unitView), which is copied
// field by field from the registry: a registry's internal fields cannot
// reach a page or the index.

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"hbtq/internal/content"
	"hbtq/internal/registry"
	"hbtq/internal/search"
	"hbtq/internal/settings"
	"hbtq/internal/slug"
	"hbtq/internal/swedish"
)

// DirectoryURL is the address of the unit directory.
const DirectoryURL = "/verksamheter/"

const (
	directoryTitle       = "Diplomerade verksamheter"
	directoryDescription = "Sök bland de verksamheter som är %s, per namn, ort, kommun eller typ av vård."
	directoryWeight      = 20
	soonMonths           = 6 // a certificate that ends within this many months "går snart ut"
)

func init() { register("directory", loadDirectory) }

// unitView is what the layout unit (and the lists) see of one unit.
type unitView struct {
	ID, URL     string
	Name        string
	Kind        string // label, "Vårdcentral"
	KindURL     string
	Kommun      string
	KommunURL   string
	Org         string
	Address     string
	Website     string
	Link1177    string
	Certified   time.Time // first certified
	ValidUntil  time.Time // zero when the rules set no validity
	Status      string    // "Giltig" or "Går snart ut"
	Soon        bool
	History     []certEvent
	FormerNames []string

	ValidityYears int    // 0 when the rules set none: then no text states one
	Certificate   string // "Hbtq-diplomerad", in the programme's word
	DirectoryURL  string

	kindSlug, kommunSlug, orgSlug string
	kindWords                     []string // the kind's search synonyms (kinds: in site.yaml)
	keywords                      []string // for the search index only
	source                        string
	line, col                     int // of the unit's entry in source
}

// certEvent is one line of a unit's certification history.
type certEvent struct {
	Date  time.Time
	Label string // "Diplomerad" or "Omdiplomerad"
}

// facet is one value of a filter: a kommun, kind of care or organisation.
type facet struct {
	Slug, Label string
	URL         string // its page; "" for organisations
	Count       int
}

// filterGroup is one of the directory's filters.
type filterGroup struct {
	Name    string // the query parameter: kommun, kind or org
	Legend  string
	Options []facet
}

// unitGroup is a heading and the units under it.
type unitGroup struct {
	Slug, Label string
	Units       []*unitView
}

// directoryData is the directory page's .Data.
type directoryData struct {
	Index    string // the search index's address
	Total    int
	Kommuner []facet
	Kinds    []facet
	Orgs     []facet
	Filters  []filterGroup
	Groups   []unitGroup // by kommun
}

// unitsByData is .Data of a page per kommun or kind of care.
type unitsByData struct {
	By           string // "kommun" or "typ"
	GroupBy      string // what the headings are: "typ" or "kommun"
	Label        string // "Umeå", "Vårdcentral"
	Lower        string // "umeå", "vårdcentral": for use inside a sentence
	Total        int
	Groups       []unitGroup
	DirectoryURL string
}

// directory is the feature's state between load and write.
type directory struct {
	index     []byte
	indexPath string // assets/verksamheter.<hash>.json
	source    string
}

// buildDirectory adds the directory's pages for units, which are public and
// in the directory's order, and returns what write needs. dir, when not
// nil, is the Markdown page to use as the directory page.
func (b *builder) buildDirectory(units []*unitView, dir *content.Page, source string) (*directory, error) {
	entries := make([]search.Entry, len(units))
	for i, u := range units {
		entries[i] = search.Entry{
			ID: u.ID, Name: u.Name, Address: u.Address, Former: u.FormerNames, Keywords: u.keywords,
			Kommun: search.Value{Slug: u.kommunSlug, Label: u.Kommun},
			Kind:   search.Value{Slug: u.kindSlug, Label: u.Kind, Words: u.kindWords},
			Org:    search.Value{Slug: u.orgSlug, Label: u.Org},
		}
	}
	idx, err := search.Build(entries, b.searchSettings())
	if err != nil {
		return nil, err
	}
	d := &directory{index: idx, indexPath: "assets/" + fingerprint("verksamheter.json", idx), source: source}

	kommuner := facets(units, func(u *unitView) (string, string) { return u.kommunSlug, u.Kommun }, "/verksamheter/kommun/")
	kinds := facets(units, func(u *unitView) (string, string) { return u.kindSlug, u.Kind }, "/verksamheter/typ/")
	orgs := facets(units, func(u *unitView) (string, string) { return u.orgSlug, u.Org }, "")
	data := &directoryData{
		Index: "/" + d.indexPath, Total: len(units),
		Kommuner: kommuner, Kinds: kinds, Orgs: orgs,
		Filters: []filterGroup{
			{"kommun", "Kommun", kommuner},
			{"kind", "Typ av vård", kinds},
			{"org", "Region eller organisation", orgs},
		},
		Groups: groups(units, func(u *unitView) (string, string) { return u.kommunSlug, u.Kommun }),
	}
	if dir != nil {
		dir.Data = data
		if dir.Front.Layout == "" {
			dir.Front.Layout = "directory"
		}
	} else {
		b.addPage(&content.Page{
			Path: source, URL: DirectoryURL, Section: true,
			Front: content.Front{Title: directoryTitle, Description: fmt.Sprintf(directoryDescription, b.cfg.Programme.Diplomerade()), Menu: "main", Weight: directoryWeight, Layout: "directory"},
			Data:  data,
		})
	}

	for _, u := range units {
		b.addPage(&content.Page{
			Path: u.source, URL: u.URL, Line: u.line, Col: u.col,
			Front: content.Front{Title: u.Name, Description: b.unitDescription(u), Layout: "unit"},
			Data:  u,
		})
	}
	for _, f := range kommuner {
		var in []*unitView
		for _, u := range units {
			if u.kommunSlug == f.Slug {
				in = append(in, u)
			}
		}
		b.addPage(&content.Page{
			Path: source, URL: f.URL,
			Front: content.Front{Title: "Diplomerade verksamheter i " + f.Label, Layout: "units-by",
				Description: fmt.Sprintf("%s verksamheter i %s, per typ av vård.", upperFirst(b.cfg.Programme.Diplomerade()), f.Label)},
			Data: &unitsByData{By: "kommun", GroupBy: "typ", Label: f.Label, Lower: f.Label, Total: len(in), DirectoryURL: DirectoryURL,
				Groups: groups(in, func(u *unitView) (string, string) { return u.kindSlug, u.Kind })},
		})
	}
	for _, f := range kinds {
		var in []*unitView
		for _, u := range units {
			if u.kindSlug == f.Slug {
				in = append(in, u)
			}
		}
		b.addPage(&content.Page{
			Path: source, URL: f.URL,
			Front: content.Front{Title: "Diplomerade verksamheter: " + lowerFirst(f.Label), Layout: "units-by",
				Description: fmt.Sprintf("%s verksamheter av typen %s, per kommun.", upperFirst(b.cfg.Programme.Diplomerade()), lowerFirst(f.Label))},
			Data: &unitsByData{By: "typ", GroupBy: "kommun", Label: f.Label, Lower: lowerFirst(f.Label), Total: len(in), DirectoryURL: DirectoryURL,
				Groups: groups(in, func(u *unitView) (string, string) { return u.kommunSlug, u.Kommun })},
		})
	}
	return d, nil
}

// searchSettings returns the search: block of site.yaml with the kinds'
// synonyms added: each synonym of a kind finds the kind by its name and
// its label.
func (b *builder) searchSettings() search.Settings {
	s := b.cfg.Search
	s.Synonyms = slices.Clone(s.Synonyms)
	for _, k := range b.cfg.Kinds {
		for _, w := range k.Synonyms {
			exp := []string{k.Name}
			if k.Shown() != upperFirst(k.Name) {
				exp = append(exp, k.Shown())
			}
			s.Synonyms = append(s.Synonyms, search.Synonym{Key: w, Expansion: exp})
		}
	}
	return s
}

// write writes the search index under its fingerprinted name. The bytes
// are written as they are: the name is the hash of exactly these bytes.
func (d *directory) write(b *builder) error {
	return b.out.copyBytes(d.indexPath, d.source, d.index)
}

func (b *builder) unitDescription(u *unitView) string {
	return fmt.Sprintf("%s i %s, %s sedan %d.", u.Kind, u.Kommun, b.cfg.Programme.Diplomerad(), u.Certified.Year())
}

// facets returns the values key gives the units, in the order of first
// appearance (so in Swedish order when the caller sorts the values), with
// the number of units of each.
func facets(units []*unitView, key func(*unitView) (slug, label string), base string) []facet {
	var out []facet
	at := map[string]int{}
	for _, u := range units {
		s, l := key(u)
		i, ok := at[s]
		if !ok {
			i = len(out)
			at[s] = i
			f := facet{Slug: s, Label: l}
			if base != "" {
				f.URL = base + s + "/"
			}
			out = append(out, f)
		}
		out[i].Count++
	}
	sortFacets(out)
	return out
}

// groups returns the units under one heading per value of key, the
// headings in Swedish order, the units in their given order.
func groups(units []*unitView, key func(*unitView) (slug, label string)) []unitGroup {
	var out []unitGroup
	at := map[string]int{}
	for _, u := range units {
		s, l := key(u)
		i, ok := at[s]
		if !ok {
			i = len(out)
			at[s] = i
			out = append(out, unitGroup{Slug: s, Label: l})
		}
		out[i].Units = append(out[i].Units, u)
	}
	sortGroups(out)
	return out
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	if strings.ToUpper(s) == s && n < len(s) { // an abbreviation: BUP
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func sortFacets(fs []facet) {
	slices.SortStableFunc(fs, func(a, b facet) int { return swedish.Compare(a.Label, b.Label) })
}

func sortGroups(gs []unitGroup) {
	slices.SortStableFunc(gs, func(a, b unitGroup) int { return swedish.Compare(a.Label, b.Label) })
}

func loadDirectory(b *builder) oldFeature {
	reg, err := registry.Load(b.opt.Root, registry.Dir, registry.Options{
		Now: b.opt.Now, SoonWindow: soonMonths, Kinds: b.cfg.Kinds.Names(), Rules: b.cfg.SiteRules})
	if err != nil {
		b.fail(err)
		return nil
	}
	var dir *content.Page
	for _, p := range b.pages {
		if p.URL == DirectoryURL {
			dir = p
		}
	}
	if len(reg.Units) == 0 && dir == nil {
		return nil // a site without registries has no directory
	}

	// Expired units: a note each, for the programme team; published nowhere.
	for _, u := range reg.Expired() {
		b.note(fmt.Sprintf("utgången: %s (%s), giltig till %s — %s:%d", u.ID, u.Name, swedish.ISODate(u.ValidUntil()), u.Path, u.Line))
	}
	public := reg.Public()
	views := make([]*unitView, len(public))
	soon := 0
	for i, u := range public {
		views[i] = publicView(u, reg.Status(u), b.cfg)
		if views[i].Soon {
			soon++
		}
	}
	switch {
	case soon == 1:
		b.note(fmt.Sprintf("1 diplomerad verksamhet går snart ut (inom %d månader)", soonMonths))
	case soon > 1:
		b.note(fmt.Sprintf("%d diplomerade verksamheter går snart ut (inom %d månader)", soon, soonMonths))
	}
	for _, r := range reg.Redirects() {
		b.redirect(DirectoryURL+r.From+"/", DirectoryURL+r.To+"/", r.Path)
	}
	d, err := b.buildDirectory(views, dir, registry.Dir)
	if err != nil {
		b.fail(err)
		return nil
	}
	return d
}

// publicView copies the public fields of u, and nothing else.
func publicView(u *registry.Unit, st registry.Status, cfg *settings.Site) *unitView {
	kind := upperFirst(u.Kind)
	var words []string
	if k, ok := cfg.Kinds.Find(u.Kind); ok {
		kind, words = k.Shown(), k.Synonyms
	}
	v := &unitView{
		ID: u.ID, URL: DirectoryURL + u.ID + "/",
		Name: u.Name, Kind: kind, Kommun: u.Kommun, Org: u.Org.Name,
		Address: u.Address, Website: u.Website, Link1177: u.URL1177,
		Certified: u.Certified, ValidUntil: u.ValidUntil(),
		Status: upperFirst(st.String()), Soon: st == registry.ExpiringSoon,
		FormerNames:   u.FormerNames,
		keywords:      u.Keywords,
		ValidityYears: u.Org.Rules.ValidityYears,
		Certificate:   upperFirst(cfg.Programme.Diplomerad()),
		DirectoryURL:  DirectoryURL,
		kindSlug:      slug.Make(u.Kind), kommunSlug: slug.Make(u.Kommun), orgSlug: slug.Make(u.Org.Name),
		kindWords: words,
		source:    u.Path, line: u.Line, col: u.Col,
	}
	v.KindURL = "/verksamheter/typ/" + v.kindSlug + "/"
	v.KommunURL = "/verksamheter/kommun/" + v.kommunSlug + "/"
	v.History = append(v.History, certEvent{u.Certified, "Diplomerad"})
	for _, r := range u.Recertified {
		v.History = append(v.History, certEvent{r, "Omdiplomerad"})
	}
	return v
}
