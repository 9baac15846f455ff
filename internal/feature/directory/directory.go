// Package directory is the feature that publishes the unit directory: the
// pages made from the unit registries under content/verksamheter/ (see
// package registry) and the directory's search index (see package search).
//
//	/verksamheter/                  the directory (layout directory): search form,
//	                                filters, and every public unit grouped by kommun
//	/verksamheter/<id>/             one page per unit (layout unit)
//	/verksamheter/<id>/diplom.svg   the unit's badge for its own website, and diplom.png (see badge.go)
//	/verksamheter/kommun/<slug>/    the units of one kommun (layout units-by)
//	/verksamheter/typ/<slug>/       the units of one kind of care (layout units-by)
//	/assets/verksamheter.<hash>.json  the search index (see package search)
//	/assets/platser.<hash>.json       every unit's place and every kommun's seat, for "Närmast först" (see near.go)
//
// A Markdown page at content/verksamheter/_index.md, when there is one,
// becomes the directory page: its title, description and body stand above
// the search form. Otherwise the directory gets the title "Diplomerade
// verksamheter". Expired units are published nowhere; each one, and the
// number of units whose certificate expires soon, is a note in the build
// summary. A unit's former ids redirect to its page.
//
// Layouts see only the public view of a unit (Unit), which is copied
// field by field from the registry: a registry's internal fields cannot
// reach a page or the index.
//
// # What the layouts see
//
// The feature's name is "directory"; a layout reaches its data with
// {{.Feature "directory"}}:
//
//	layout directory   a *Data: the search index's address, the facets and filters, the units by kommun
//	layout unit        a *Unit: one unit
//	layout unit-expired  an *Expired: a unit whose certificate has run out
//	layout unit-started  a *Started: a unit under certification (see inprogress.go)
//	layout units-started a *StartedList: the units under certification, by kommun
//	layout units-by    a *UnitsBy: the units of one kommun or kind of care, grouped;
//	                   on a kommun's page also the nearest units in other kommuner (Nearby)
//
// No other page gets it.
package directory

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/registry"
	"github.com/hbtq-diplomering/webbplats/internal/search"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/slug"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// URL is the address of the unit directory.
const URL = "/verksamheter/"

const (
	directoryWeight = 20
	soonMonths      = 6 // a certificate that ends within this many months "går snart ut"
)

// Feature is the unit directory, for the engine's list of features.
var Feature = feature.Feature{Name: name, Site: siteType, Data: data, Load: load}

// name is the feature's name.
const name = "directory"

// DefaultExpiredPageMonths is how many months after its certificate ran
// out an expired unit keeps its page, when site.yaml does not say.
const DefaultExpiredPageMonths = 24

// Expired is what the layout unit-expired sees of a unit whose
// certificate has run out: enough to say so honestly at the address a
// patient, a link or a diploma's QR code knows, and nothing more.
type Expired struct {
	ID, URL      string
	Name         string
	Kind         string // label, "Vårdcentral"
	Kommun       string
	ValidUntil   time.Time
	Certified    string // the programme's word, "hbtq-diplomerad"
	Certifieds   string // and its plural, "hbtq-diplomerade"
	DirectoryURL string
	Badge        *Badge // the badge a unit's website may still show, which says the certificate has run out
}

// Unit is what the layout unit (and the lists) see of one unit.
type Unit struct {
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
	History     []CertEvent
	FormerNames []string

	ValidityYears int    // 0 when the rules set none: then no text states one
	Certificate   string // "Hbtq-diplomerad", in the programme's word
	DirectoryURL  string
	// Badge is the unit's badge for its own website (see badge.go); nil
	// for a unit of a national directory, which is another region's.
	Badge *Badge

	formerIDs []string

	kindSlug, kommunSlug, orgSlug string
	kindWords                     []string // the kind's search synonyms (kinds: in site.yaml)
	keywords                      []string // for the search index only
	source                        string
	line, col                     int     // of the unit's entry in source
	lat, lon                      float64 // its place (see near.go)
	// Source is the unit's page on its region's site, in a national
	// directory (see national.go): the canonical page; SourceName names the
	// source.
	Source, SourceName string
	Provider           string // in a national directory: the unit's organisation, when not its region
	exact              bool   // its own place, not its kommun's seat
}

// CertEvent is one line of a unit's certification history.
type CertEvent struct {
	Date  time.Time
	Label string // the site's words history_certified or history_recertified: "Diplomerad", "Omdiplomerad"
}

// Facet is one value of a filter: a kommun, kind of care or organisation.
type Facet struct {
	Slug, Label string
	URL         string // its page; "" for organisations
	Count       int
}

// FilterGroup is one of the directory's filters.
type FilterGroup struct {
	Name    string // the query parameter: kommun, kind or org
	Legend  string
	Options []Facet
}

// UnitGroup is a heading and the units under it.
type UnitGroup struct {
	Slug, Label string
	Units       []*Unit
}

// Data is what the directory page's layout sees.
type Data struct {
	Index    string // the search index's address
	Places   string // the places file's address (see near.go)
	Total    int
	Kommuner []Facet
	Kinds    []Facet
	Orgs     []Facet
	Filters  []FilterGroup
	Groups   []UnitGroup // by kommun
	// InProgress is the list of units under certification (see
	// inprogress.go); nil unless site.yaml's show_in_progress: is true.
	InProgress *InProgress
}

// UnitsBy is what the layout of a page per kommun or kind of care sees.
type UnitsBy struct {
	By           string // "kommun" or "typ"
	GroupBy      string // what the headings are: "typ" or "kommun"
	Label        string // "Umeå", "Vårdcentral"
	Lower        string // "umeå", "vårdcentral": for use inside a sentence
	Total        int
	Groups       []UnitGroup
	DirectoryURL string
	Nearby       []Near // on a kommun's page: the nearest units in other kommuner
	// InProgress are, on a kommun's page, its units under certification
	// when site.yaml shows them (see inprogress.go), under a heading of
	// their own.
	InProgress []*Started
}

// directory is the feature's state in one build.
type directory struct {
	index      []byte
	indexPath  string // assets/verksamheter.<hash>.json
	places     []byte
	placesPath string // assets/platser.<hash>.json
	source     string
	views      map[string]any // page address → what its layout sees
	badges     []badgeFiles   // the units' badges (see badge.go)
	drawings   drawings       // their PNGs, drawn in the background
}

// build adds the directory's pages for units, which are public and in the
// directory's order, and returns the feature's state. dir, when not nil,
// is the Markdown page to use as the directory page.
func build(b *feature.Build, units []*Unit, dir *content.Page, source string) (*directory, error) {
	entries := make([]search.Entry, len(units))
	for i, u := range units {
		entries[i] = search.Entry{
			ID: u.ID, Name: u.Name, Address: u.Address, Former: u.FormerNames, Keywords: u.keywords,
			Kommun: search.Value{Slug: u.kommunSlug, Label: u.Kommun},
			Kind:   search.Value{Slug: u.kindSlug, Label: u.Kind, Words: u.kindWords},
			Org:    search.Value{Slug: u.orgSlug, Label: u.Org},
		}
	}
	idx, err := search.Build(entries, b.Settings.SearchSettings())
	if err != nil {
		return nil, err
	}
	d := &directory{index: idx, indexPath: "assets/" + feature.Fingerprint("verksamheter.json", idx), source: source, views: map[string]any{}}
	d.drawings.keep(keptOf(b.Kept))
	if d.drawings.last == nil {
		// Not after the dev server's first build, which has the drawings
		// in memory (see drawings.keep): the folder is not read, nor its
		// entries marked used, at every edit.
		d.drawings.cache = openBadgeCache(b)
	}
	d.places = places(units)
	d.placesPath = "assets/" + feature.Fingerprint("platser.json", d.places)
	w, p := b.Words, b.Settings.Programme
	prog := []string{"diplomerade", p.Diplomerade(), "Diplomerade", swedish.UpperFirst(p.Diplomerade()), "diplomerad", p.Diplomerad()}

	kommuner := facets(units, byKommun, "/verksamheter/kommun/")
	kinds := facets(units, byKind, "/verksamheter/typ/")
	orgs := facets(units, func(u *Unit) (string, string) { return u.orgSlug, u.Org }, "")
	data := &Data{
		Index: "/" + d.indexPath, Places: "/" + d.placesPath, Total: len(units),
		Kommuner: kommuner, Kinds: kinds, Orgs: orgs,
		Filters: []FilterGroup{
			{"kommun", w.FilterKommun, kommuner},
			{"kind", w.FilterKind, kinds},
			{"org", w.FilterOrg, orgs},
		},
		Groups: groups(units, byKommun),
	}
	d.views[URL] = data
	if dir != nil {
		b.SetLayout(dir, "directory")
	} else {
		b.AddPage(&feature.Page{
			Source: source, URL: URL, Section: true,
			Title: settings.Fill(w.DirectoryTitle, prog...), Description: settings.Fill(w.DirectoryDescription, prog...),
			Menu: "main", Weight: directoryWeight, Layout: "directory",
		})
	}

	for _, u := range units {
		b.AddPage(&feature.Page{
			Source: u.source, Line: u.line, Col: u.col, URL: u.URL, Canonical: u.Source,
			Title: u.Name, Description: unitDescription(w.UnitDescription, prog, u), Layout: "unit",
		})
		d.views[u.URL] = u
		if u.Source == "" {
			bg, err := d.addBadge(b.BaseURL, u.ID, u.formerIDs, validBadge(b.Settings, b.Words, u.Name, u.Certified, u.ValidUntil), u.source)
			if err != nil {
				return nil, err
			}
			u.Badge = bg
		}
	}
	for _, f := range kommuner {
		d.addUnitsBy(b, source, units, f, byKommun, byKind, &UnitsBy{By: "kommun", GroupBy: "typ", Label: f.Label, Lower: f.Label, Nearby: nearby(units, f.Label)},
			settings.Fill(w.KommunTitle, append(prog, "kommun", f.Label)...), settings.Fill(w.KommunDescription, append(prog, "kommun", f.Label)...))
	}
	for _, f := range kinds {
		lower := lowerFirst(f.Label)
		d.addUnitsBy(b, source, units, f, byKind, byKommun, &UnitsBy{By: "typ", GroupBy: "kommun", Label: f.Label, Lower: lower},
			settings.Fill(w.KindTitle, append(prog, "typ", lower)...), settings.Fill(w.KindDescription, append(prog, "typ", lower)...))
	}
	return d, nil
}

// byKommun and byKind are the keys of a unit's pages per kommun and per
// kind of care: a slug and the label shown.
func byKommun(u *Unit) (string, string) { return u.kommunSlug, u.Kommun }
func byKind(u *Unit) (string, string)   { return u.kindSlug, u.Kind }

// addUnitsBy adds the page of the facet f (a kommun or a kind of care): the
// units whose key is f's, under a heading per value of group; v says
// which page it is.
func (d *directory) addUnitsBy(b *feature.Build, source string, units []*Unit, f Facet, key, group func(*Unit) (string, string), v *UnitsBy, title, description string) {
	var in []*Unit
	for _, u := range units {
		if s, _ := key(u); s == f.Slug {
			in = append(in, u)
		}
	}
	b.AddPage(&feature.Page{Source: source, URL: f.URL, Title: title, Description: description, Layout: "units-by"})
	v.Total, v.Groups, v.DirectoryURL = len(in), groups(in, group), URL
	d.views[f.URL] = v
}

// View returns what the directory's pages see; nil for other pages.
func (d *directory) View(p *content.Page) any { return d.views[p.URL] }

// SearchIndex returns the address of the directory's search index: the
// directory's page has a search of its own (feature.OwnSearch), so the
// site search links to it.
func (v *Data) SearchIndex() string { return v.Index }

// SearchedBy returns the directory's address: a unit's page is found by
// the directory's search (feature.SearchedBy), so the site search leaves
// it out.
func (u *Unit) SearchedBy() string { return URL }

// Write writes the search index and the places file under their
// fingerprinted names. The bytes are written as they are: the name is the
// hash of exactly these bytes.
func (d *directory) Write(out feature.Output) error {
	if err := out.WriteRaw(d.indexPath, d.source, d.index); err != nil {
		return err
	}
	if err := d.writeBadges(out); err != nil {
		return err
	}
	return d.writePlaces(out)
}

// unitDescription is a unit's description in the site's words (pattern,
// unit_description), with the programme's words prog.
func unitDescription(pattern string, prog []string, u *Unit) string {
	return settings.Fill(pattern, append(prog, "typ", u.Kind, "kommun", u.Kommun, "år", strconv.Itoa(u.Certified.Year()))...)
}

// facets returns the values key gives the units, in Swedish order (the
// order of groups), with the number of units of each; base, when not "",
// is the address the value's page is under.
func facets(units []*Unit, key func(*Unit) (slug, label string), base string) []Facet {
	gs := groups(units, key)
	out := make([]Facet, len(gs))
	for i, g := range gs {
		out[i] = Facet{Slug: g.Slug, Label: g.Label, Count: len(g.Units)}
		if base != "" {
			out[i].URL = base + g.Slug + "/"
		}
	}
	return out
}

// groups returns the units under one heading per value of key, the
// headings in Swedish order, the units in their given order.
func groups(units []*Unit, key func(*Unit) (slug, label string)) []UnitGroup {
	var out []UnitGroup
	at := map[string]int{}
	for _, u := range units {
		s, l := key(u)
		i, ok := at[s]
		if !ok {
			i = len(out)
			at[s] = i
			out = append(out, UnitGroup{Slug: s, Label: l})
		}
		out[i].Units = append(out[i].Units, u)
	}
	slices.SortStableFunc(out, func(a, b UnitGroup) int { return swedish.Compare(a.Label, b.Label) })
	return out
}

// sortUnits sorts us in Swedish alphabetical order of name, then by id,
// as registry.SortUnits sorts a registry's units.
func sortUnits(us []*Unit) {
	keys := make(map[*Unit][]byte, len(us))
	for _, u := range us {
		keys[u] = swedish.Key(u.Name)
	}
	slices.SortStableFunc(us, func(a, b *Unit) int {
		if d := bytes.Compare(keys[a], keys[b]); d != 0 {
			return d
		}
		return strings.Compare(a.ID, b.ID)
	})
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

func load(b *feature.Build) feature.Instance {
	var part siteYAML
	if errs := b.Settings.Features.Decode(&part); len(errs) > 0 {
		b.Fail(errs.Err())
		return nil
	}
	// The open data reads the registries with the same options: it shares
	// what this reads (feature.Build.Shared).
	opt := registry.Options{Now: b.Now, SoonWindow: soonMonths, Kinds: b.Settings.Kinds.Names(), Rules: b.Settings.SiteRules}
	r, err := b.Shared(fmt.Sprintf("%s %+v", registry.Dir, opt), func() (any, error) {
		if k := keptOf(b.Kept); k != nil {
			return k.registries.Load(b.Root, registry.Dir, opt)
		}
		return registry.Load(b.Root, registry.Dir, opt)
	})
	reg := r.(*registry.Registry)
	if err != nil {
		b.Fail(err)
		return nil
	}
	var dir *content.Page
	for _, p := range b.Pages {
		if p.URL == URL {
			dir = p
		}
	}
	if len(reg.Units) == 0 && len(reg.InProgress) == 0 && dir == nil && part.National == nil {
		return nil // a site without registries has no directory
	}
	// In the dev server, the last build's directory when what it is made
	// of is the same (see keptLoad).
	k := keptOf(b.Kept)
	var key *loadKey
	if k != nil && part.National == nil { // a national directory reads other sites' data too
		key = loadKeyOf(b, reg, dir != nil)
	}
	if key != nil && k.load != nil && k.load.key.same(key) {
		return k.load.replay(b, dir)
	}
	pages0, _, redirects0, notes0, errs0 := b.Added()
	d := loadUnits(b, reg, dir, &part)
	if d == nil {
		return nil
	}
	if key != nil {
		pages, _, redirects, notes, errs := b.Added()
		if len(errs) == len(errs0) {
			k.load = &keptLoad{key: key, d: d, redirects: slices.Clone(redirects[len(redirects0):]), notes: slices.Clone(notes[len(notes0):])}
			for _, p := range pages[len(pages0):] {
				c := *p
				k.load.pages = append(k.load.pages, &c)
			}
		} else {
			k.load = nil
		}
	}
	return d
}

// keptLoad is the directory of the dev server's last build, with what
// load added to it (pages, redirects, notes) and what it was made of.
type keptLoad struct {
	key       *loadKey
	d         *directory
	pages     []*feature.Page
	redirects []feature.Redirect
	notes     []msg.Message
}

// loadKey is everything loadUnits reads: the registries as read (the
// same Registry from registry.Cache while no registry file and none of
// its options changed, the build's day among them), site.yaml and the
// words file as bytes (the settings and the words are made of them), the
// site's address, the day, and whether a Markdown page is the
// directory's.
type loadKey struct {
	reg             *registry.Registry
	settings, words []byte
	base            string
	now             swedish.Day
	dir             bool
}

// loadKeyOf returns b's loadKey, or nil when a file cannot be read.
func loadKeyOf(b *feature.Build, reg *registry.Registry, dir bool) *loadKey {
	cfg, err := fs.ReadFile(b.Root, settings.File)
	if err != nil {
		return nil
	}
	words, err := fs.ReadFile(b.Root, settings.WordsFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return &loadKey{reg: reg, settings: cfg, words: words, base: b.BaseURL, now: b.Now, dir: dir}
}

func (k *loadKey) same(o *loadKey) bool {
	return k.reg == o.reg && bytes.Equal(k.settings, o.settings) && bytes.Equal(k.words, o.words) &&
		k.base == o.base && k.now == o.now && k.dir == o.dir
}

// replay adds to b what load added in the last build and returns its
// directory; dir is this build's directory page, when a Markdown page.
func (l *keptLoad) replay(b *feature.Build, dir *content.Page) feature.Instance {
	for _, m := range l.notes {
		b.Note(m)
	}
	for _, r := range l.redirects {
		b.Redirect(r.From, r.To, r.Source)
	}
	if dir != nil {
		b.SetLayout(dir, "directory")
	}
	for _, p := range l.pages {
		c := *p
		b.AddPage(&c)
	}
	return l.d
}

// loadUnits is load once the registries are read: the directory of reg.
func loadUnits(b *feature.Build, reg *registry.Registry, dir *content.Page, part *siteYAML) *directory {

	// Expired units: a note each, for the programme team; published nowhere.
	for _, u := range reg.Expired() {
		b.Note(NoteExpired.With(u.ID, u.Name, swedish.ISODate(u.ValidUntil()), u.Path, u.Line))
	}
	// Units that lack participation data their rules require: a note
	// each, at the line to complete; the unit is published.
	for _, u := range reg.Units {
		l := registry.LackingOf(u)
		if l == nil {
			continue
		}
		var what msg.Message
		part := NoteLacksParticipation.With(strings.Replace(strconv.FormatFloat(l.Participation, 'f', -1, 64), ".", ",", 1))
		switch {
		case l.Participation > 0 && l.Manager:
			what = NoteLacksBoth.With(part, NoteLacksManager.With())
		case l.Participation > 0:
			what = part
		default:
			what = NoteLacksManager.With()
		}
		b.Note(NoteUnitLacks.With(u.ID, u.Name, what, u.Path, l.Line))
	}
	public := reg.Public()
	views := make([]*Unit, len(public))
	var soon []*registry.Unit
	for i, u := range public {
		views[i] = publicView(u, reg.Status(u), b.Settings, b.Words)
		if views[i].Soon {
			soon = append(soon, u)
		}
	}
	if len(soon) > 0 {
		b.Note(soonNote(soon))
	}
	for _, r := range reg.Redirects() {
		b.Redirect(URL+r.From+"/", URL+r.To+"/", r.Path)
	}
	if part.National != nil {
		views = append(views, nationalUnits(b, part.National, views)...)
		sortUnits(views)
	}
	d, err := build(b, views, dir, registry.Dir)
	if err != nil {
		b.Fail(err)
		return nil
	}
	d.expired(b, reg.Expired(), part)
	d.drawings.asked()
	d.inProgress(b, reg.Started(), part.ShowInProgress)
	return d
}

// kept is what the directory keeps from one of the dev server's builds to
// the next (feature.Build.Kept): the badges' drawings (see
// drawings.keep) and the registries as read (registry.Cache), which the
// open data shares (feature.Build.Shared).
type kept struct {
	drawings   *drawings
	registries registry.Cache
	load       *keptLoad
}

// keptOf returns the directory's kept state in m (feature.Build.Kept),
// made when it has none; nil outside the dev server (m is nil).
func keptOf(m map[string]any) *kept {
	if m == nil {
		return nil
	}
	k, _ := m[name].(*kept)
	if k == nil {
		k = &kept{}
		m[name] = k
	}
	return k
}

// expired gives each expired unit an honest page at its address (and its
// former ids) for expired_page_months after its certificate ran out: the
// page says until when it was valid, is kept out of search engines, the
// sitemap, the site search and the directory, and links to the current
// list. After that time the unit's addresses lead to the directory. cfg
// is the directory's part of site.yaml, as load read it.
func (d *directory) expired(b *feature.Build, units []*registry.Unit, cfg *siteYAML) {
	months := DefaultExpiredPageMonths
	if cfg.ExpiredPageMonths != nil {
		months = *cfg.ExpiredPageMonths
		if months < 0 || months > 1200 {
			p := yamldoc.PosOf(cfg.Keys, "expired_page_months", yamldoc.Pos{})
			b.Fail(diag.New(settings.File, p.Line, p.Col, ExpiredMonths.With(months)).Tip(HintExpiredMonths.With()))
			months = DefaultExpiredPageMonths
		}
	}
	for _, u := range units {
		url := URL + u.ID + "/"
		to := URL
		if months > 0 && b.Now.Before(u.ValidUntil().AddDate(0, months, 0)) {
			kind := swedish.UpperFirst(u.Kind)
			if k, ok := b.Settings.Kinds.Find(u.Kind); ok {
				kind = k.Shown()
			}
			b.AddPage(&feature.Page{
				Source: u.Path, Line: u.Line, Col: u.Col, URL: url, Title: u.Name, NoIndex: true,
				Description: settings.Fill(b.Words.ExpiredDescription, "typ", kind, "kommun", u.Kommun, "datum", swedish.Date(u.ValidUntil())),
				Layout:      "unit-expired",
			})
			e := &Expired{ID: u.ID, URL: url, Name: u.Name, Kind: kind, Kommun: u.Kommun,
				ValidUntil: u.ValidUntil(), Certified: b.Settings.Programme.Diplomerad(),
				Certifieds: b.Settings.Programme.Diplomerade(), DirectoryURL: URL}
			bg, err := d.addBadge(b.BaseURL, u.ID, u.FormerIDs, expiredBadge(b.Settings, b.Words, u.Name, u.ValidUntil()), u.Path)
			if err != nil {
				b.Fail(err)
			}
			e.Badge = bg
			d.views[url] = e
			to = url
		} else {
			b.Redirect(url, URL, u.Path)
		}
		for _, f := range u.FormerIDs {
			b.Redirect(URL+f+"/", to, u.Path)
		}
	}
}

// publicView copies the public fields of u, and nothing else.
func publicView(u *registry.Unit, st registry.Status, cfg *settings.Site, w *settings.Words) *Unit {
	kind := swedish.UpperFirst(u.Kind)
	var words []string
	if k, ok := cfg.Kinds.Find(u.Kind); ok {
		kind, words = k.Shown(), k.Synonyms
	}
	v := &Unit{
		ID: u.ID, URL: URL + u.ID + "/",
		Name: u.Name, Kind: kind, Kommun: u.Kommun, Org: u.Org.Name,
		Address: u.Address, Website: u.Website, Link1177: u.URL1177,
		Certified: u.Certified, ValidUntil: u.ValidUntil(),
		Status: status(st, w), Soon: st == registry.ExpiringSoon,
		FormerNames:   u.FormerNames,
		formerIDs:     u.FormerIDs,
		keywords:      u.Keywords,
		ValidityYears: u.Org.Rules.ValidityYears,
		Certificate:   swedish.UpperFirst(cfg.Programme.Diplomerad()),
		DirectoryURL:  URL,
		kindSlug:      slug.Make(u.Kind), kommunSlug: slug.Make(u.Kommun), orgSlug: slug.Make(u.Org.Name),
		kindWords: words,
		source:    u.Path, line: u.Line, col: u.Col,
	}
	v.lat, v.lon, v.exact = u.Place()
	v.KindURL = "/verksamheter/typ/" + v.kindSlug + "/"
	v.KommunURL = "/verksamheter/kommun/" + v.kommunSlug + "/"
	v.History = append(v.History, CertEvent{u.Certified, w.HistoryCertified})
	for _, r := range u.Recertified {
		v.History = append(v.History, CertEvent{r, w.HistoryRecertified})
	}
	return v
}

// status returns a shown unit's status in the site's words: status_valid
// or status_soon.
func status(st registry.Status, w *settings.Words) string {
	if st == registry.ExpiringSoon {
		return w.StatusSoon
	}
	return w.StatusValid
}

// soonListed is how many of the units that expire soon a note names.
const soonListed = 5

// soonNote says how many units expire soon and names them, the soonest
// first: "3 diplomerade verksamheter går snart ut (inom 6 månader):
// Vårdcentralen Exempel (vardcentralen-exempel, giltig till 2027-01-10), …".
// After soonListed units it says how many more.
func soonNote(units []*registry.Unit) msg.Message {
	units = slices.Clone(units)
	slices.SortStableFunc(units, func(a, b *registry.Unit) int {
		if c := a.ValidUntil().Compare(b.ValidUntil()); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	var names list
	for _, u := range units[:min(len(units), soonListed)] {
		names = append(names, NoteSoonUnit.With(u.Name, u.ID, swedish.ISODate(u.ValidUntil())))
	}
	if n := len(units) - soonListed; n > 0 {
		names = append(names, NoteSoonMore.With(n))
	}
	return NoteSoon.With(len(units), soonMonths, names)
}

// list is messages written one after the other, separated by commas.
type list []msg.Message

// In returns the list in l.
func (ms list) In(l msg.Lang) string {
	s := make([]string, len(ms))
	for i, m := range ms {
		s[i] = m.In(l)
	}
	return strings.Join(s, ", ")
}
