package directory

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/dataset"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/registry"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/slug"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// # A national directory
//
// A site whose site.yaml lists other sites' open data (see package
// dataset) builds one directory of every unit, with the region (the
// source's name) as the facet "Region eller organisation"; a unit's own
// organisation, when it is another, is shown on its page (Provider):
//
//	national:
//	  max_age_days: 14        # a source's last good copy may be this old (default 14)
//	  timeout_seconds: 10     # per source (default 10)
//	  sources:
//	    - name: Region Mittland
//	      url: https://hbtq.mittland.example.se/data/verksamheter.json
//	    - name: Fjällbygd
//	      path: ../fjallbygd/public/data/verksamheter.json   # relative to the site root
//
// Sources are read in order. A unit with an HSA-id already read is the
// same unit: the first source's is kept. A unit whose id is taken gets the
// region's name after it. A unit's page names its region's page as the
// canonical one. A unit with a problem is skipped with a note naming its
// source and JSON pointer; a source that is down or invalid gives its last
// good copy (kept in .cache/oppna-data) with a note, and is an error only
// when that copy is older than max_age_days or there is none.

// siteYAML is the directory's part of site.yaml.
//
//	expired_page_months: 24   # how long an expired unit keeps its page; 0: none
//	show_in_progress: true    # publish the units under certification (see inprogress.go); false by default
type siteYAML struct {
	National          *National `yaml:"national"`
	ExpiredPageMonths *int      `yaml:"expired_page_months"`
	ShowInProgress    bool      `yaml:"show_in_progress"`
	Keys              map[string]yamldoc.Pos
}

// National is national: in site.yaml.
type National struct {
	MaxAgeDays     *int     `yaml:"max_age_days"`
	TimeoutSeconds *int     `yaml:"timeout_seconds"`
	Sources        []Source `yaml:"sources"`
	Keys           map[string]yamldoc.Pos
}

// Source is one entry of national: sources:.
type Source struct {
	Name string `yaml:"name,required"`
	URL  string `yaml:"url"`
	Path string `yaml:"path"`
	Pos  yamldoc.Pos
}

var siteType = reflect.TypeFor[siteYAML]()

// The national directory's messages.
var (
	ErrNationalSource = msg.Def("directory.national.source",
		"källan %q ska ha antingen url: eller path:",
		"the source %q needs either url: or path:")
	HintNationalSource = msg.Def("directory.national.hint.source",
		"skriv url: med adressen till regionens verksamheter.json, eller path: till filen",
		"write url: with the address of the region's verksamheter.json, or path: to the file")
	ErrNationalUnusable = msg.Def("directory.national.unusable",
		"källan %q går inte att använda (%s) och har ingen sparad kopia",
		"the source %q cannot be used (%s) and has no saved copy")
	HintNationalUnusable = msg.Def("directory.national.hint.unusable",
		"kontrollera adressen, eller ta bort källan tills den fungerar",
		"check the address, or remove the source until it works")
	ErrNationalTooOld = msg.Def("directory.national.too-old",
		"källan %q går inte att använda (%s), och den senaste fungerande kopian är %d dagar gammal, mer än max_age_days: %d",
		"the source %q cannot be used (%s), and its last good copy is %d days old, more than max_age_days: %d")
	HintNationalTooOld = msg.Def("directory.national.hint.too-old",
		"kontakta regionen, eller ta bort källan så att dess gamla uppgifter inte publiceras",
		"contact the region, or remove the source so that its old data is not published")
	NoteNationalStale = msg.Def("directory.national.note.stale",
		"källan %q går inte att använda just nu (%s); kopian från %s används",
		"the source %q cannot be used now (%s); the copy of %s is used")
	NoteNationalSkipped = msg.Def("directory.national.note.skipped",
		"källan %q: verksamheten på %s hoppades över: %s",
		"the source %q: the unit at %s was skipped: %s")
	// Why a unit of a source was skipped (NoteNationalSkipped's last part).
	NationalKommun = msg.Def("directory.national.kommun",
		"okänd kommun %s",
		"unknown kommun %s")
	NationalDate = msg.Def("directory.national.date",
		"%s: %s är inget datum",
		"%s: %s is not a date")
	NoteNationalSame = msg.Def("directory.national.note.same",
		"källan %q: %s har samma HSA-id som %s i %q och visas en gång",
		"the source %q: %s has the same HSA-id as %s in %q and is shown once")
)

// nationalUnits reads the sources of n and returns their units as the
// directory shows them, after those taken (the site's own).
func nationalUnits(b *feature.Build, n *National, taken []*Unit) []*Unit {
	maxAge, timeout := 14, 10
	if n.MaxAgeDays != nil && *n.MaxAgeDays > 0 {
		maxAge = *n.MaxAgeDays
	}
	if n.TimeoutSeconds != nil && *n.TimeoutSeconds > 0 {
		timeout = *n.TimeoutSeconds
	}
	f := &dataset.Fetcher{Client: &http.Client{Timeout: time.Duration(timeout) * time.Second}}
	if d, ok := b.Root.(interface{ Dir() string }); ok && d.Dir() != "" {
		f.Root = d.Dir()
		f.Cache = filepath.Join(f.Root, ".cache", "oppna-data")
	}
	ids := map[string]bool{}
	hsa := map[string]*Unit{}
	for _, u := range taken {
		ids[u.ID] = true
	}
	var out []*Unit
	var errs diag.List
	for _, s := range n.Sources {
		if (s.URL == "") == (s.Path == "") {
			errs.At(settings.File, s.Pos.Line, s.Pos.Col, ErrNationalSource.With(s.Name)).Tip(HintNationalSource.With())
			continue
		}
		got, err := f.Fetch(context.Background(), dataset.Source{Name: s.Name, URL: s.URL, Path: s.Path})
		switch {
		case err != nil && (s.Path != "" || errors.Is(err, dataset.ErrNoCopy)):
			problem := got.Problem
			if problem == "" {
				problem = err.Error()
			}
			errs.At(settings.File, s.Pos.Line, s.Pos.Col, ErrNationalUnusable.With(s.Name, problem)).Tip(HintNationalUnusable.With())
			continue
		case got.Stale && got.Age > time.Duration(maxAge)*24*time.Hour:
			errs.At(settings.File, s.Pos.Line, s.Pos.Col, ErrNationalTooOld.With(s.Name, got.Problem, int(got.Age.Hours()/24), maxAge)).Tip(HintNationalTooOld.With())
			continue
		case got.Stale:
			b.Note(NoteNationalStale.With(s.Name, got.Problem, got.Fetched.In(swedish.Location()).Format("2006-01-02 15:04")))
		}
		for _, sk := range got.Skipped {
			b.Note(NoteNationalSkipped.With(s.Name, sk.Pointer, sk.Reason))
		}
		for i, du := range got.File.Units {
			v, problem := nationalView(du, s, b)
			if v == nil {
				if !problem.IsZero() {
					b.Note(NoteNationalSkipped.With(s.Name, fmt.Sprintf("/units/%d", i), problem))
				}
				continue
			}
			if du.HSAID != "" {
				if first, ok := hsa[du.HSAID]; ok {
					b.Note(NoteNationalSame.With(s.Name, du.Name, first.Name, first.SourceName))
					continue
				}
				hsa[du.HSAID] = v
			}
			if ids[v.ID] {
				v.ID += "-" + slug.Make(s.Name)
				v.URL = URL + v.ID + "/"
			}
			ids[v.ID] = true
			out = append(out, v)
		}
	}
	b.Fail(errs.Err())
	return out
}

// nationalView makes a unit of the directory from one read from a source,
// or returns why it cannot be shown (none for an expired unit, which is
// published nowhere, as on its own site).
func nationalView(du dataset.Unit, s Source, b *feature.Build) (*Unit, msg.Message) {
	k, ok := registry.KommunOf(du.Kommun)
	if !ok {
		return nil, NationalKommun.With(du.Kommun)
	}
	certified, err := yamldoc.ParseDate(du.Certified)
	if err != nil {
		return nil, NationalDate.With("certified", du.Certified)
	}
	var until time.Time
	if du.ValidUntil != "" {
		if until, err = yamldoc.ParseDate(du.ValidUntil); err != nil {
			return nil, NationalDate.With("valid_until", du.ValidUntil)
		}
	}
	st := registry.Valid
	switch {
	case !until.IsZero() && b.Now.After(until):
		return nil, msg.Message{}
	case !until.IsZero() && !b.Now.AddDate(0, soonMonths, 0).Before(until):
		st = registry.ExpiringSoon
	}
	cfg := b.Settings
	kind := swedish.UpperFirst(du.Kind)
	var words []string
	if kk, ok := cfg.Kinds.Find(du.Kind); ok {
		kind, words = kk.Shown(), kk.Synonyms
	}
	// The region (the source) is the facet, the organisation is shown.
	org := s.Name
	v := &Unit{
		ID: du.ID, URL: URL + du.ID + "/",
		Name: du.Name, Kind: kind, Kommun: k.Name, Org: org,
		Address: du.Address, Website: du.Website, Link1177: du.URL1177,
		Certified: certified, ValidUntil: until,
		Status: status(st, b.Words), Soon: st == registry.ExpiringSoon,
		FormerNames:  du.FormerNames,
		keywords:     du.Keywords,
		Certificate:  swedish.UpperFirst(cfg.Programme.Diplomerad()),
		DirectoryURL: URL,
		kindSlug:     slug.Make(du.Kind), kommunSlug: slug.Make(k.Name), orgSlug: slug.Make(org),
		kindWords: words,
		source:    settings.File, line: s.Pos.Line, col: s.Pos.Col,
		lat: du.Latitude, lon: du.Longitude, exact: du.LocationSource == "verksamhet",
		Source: du.URL, SourceName: s.Name,
	}
	if du.Organisation != s.Name {
		v.Provider = du.Organisation
	}
	if !strings.HasPrefix(du.URL, "https://") && !strings.HasPrefix(du.URL, "http://") {
		v.Source = "" // a site without base_url publishes addresses on itself only
	}
	v.KindURL = "/verksamheter/typ/" + v.kindSlug + "/"
	v.KommunURL = "/verksamheter/kommun/" + v.kommunSlug + "/"
	v.History = append(v.History, CertEvent{certified, b.Words.HistoryCertified})
	for _, r := range du.Recertified {
		if t, err := yamldoc.ParseDate(r); err == nil {
			v.History = append(v.History, CertEvent{t, b.Words.HistoryRecertified})
		}
	}
	return v, msg.Message{}
}
