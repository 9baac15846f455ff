package directory

// # Units under certification
//
// A unit of a registry with started: and no certified: is under
// certification (registry.Unit.InProgress). It is published only when
// site.yaml asks:
//
//	show_in_progress: true   # default false: units under certification are published nowhere
//
// Then it gets
//
//	/verksamheter/under-diplomering/  the list of units under certification, by kommun (layout units-started)
//	/verksamheter/<id>/               its page (layout unit-started): "Under diplomering", since when, and its progress:
//
// and the directory page links to the list (Data.InProgress); the page of
// a kommun with certified units lists its units under certification under
// a heading of their own (UnitsBy.InProgress). A unit under
// certification is never shown as certified: its own label, no badge, no
// validity, and it is in no list, search index, open data or note of
// certified units (the "går snart ut" note included). Its page is left out
// of the site search (the list page is in it). Without the setting, the
// build notes how many units under certification it leaves out.

import (
	"slices"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/registry"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/slug"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// InProgressURL is the address of the list of units under certification.
const InProgressURL = URL + "under-diplomering/"

// Started is what the layout unit-started sees of a unit under
// certification.
type Started struct {
	ID, URL      string
	Name         string
	Kind         string // label, "Vårdcentral"
	Kommun       string
	Org          string
	Address      string
	Website      string
	Started      time.Time // the day it began
	Progress     string    // how far it has come, as the registry says; may be ""
	Label        string    // the site's word in_progress: "Under diplomering"
	Diplomering  string    // the programme's word, "hbtq-diplomering"
	Diplomerad   string    // "hbtq-diplomerad"
	ListURL      string    // the list of units under certification
	DirectoryURL string
}

// SearchedBy returns the list of units under certification: the site
// search lists that page, not each unit's.
func (s *Started) SearchedBy() string { return s.ListURL }

// StartedList is what the layout units-started sees.
type StartedList struct {
	Total        int
	Groups       []StartedGroup // by kommun
	Diplomering  string         // "hbtq-diplomering"
	DirectoryURL string
}

// StartedGroup is a kommun and its units under certification.
type StartedGroup struct {
	Slug, Label string
	Units       []*Started
}

// InProgress is what the directory page's layout sees of the units under
// certification: nil unless site.yaml shows them.
type InProgress struct {
	URL   string
	Total int
}

// startedView copies the public fields of u, and nothing else.
func startedView(u *registry.Unit, cfg *settings.Site, w *settings.Words) *Started {
	kind := swedish.UpperFirst(u.Kind)
	if k, ok := cfg.Kinds.Find(u.Kind); ok {
		kind = k.Shown()
	}
	return &Started{
		ID: u.ID, URL: URL + u.ID + "/", Name: u.Name, Kind: kind, Kommun: u.Kommun, Org: u.Org.Name,
		Address: u.Address, Website: u.Website, Started: u.Started, Progress: u.Progress,
		Label: w.InProgress, Diplomering: cfg.Programme.Diplomering(), Diplomerad: cfg.Programme.Diplomerad(),
		ListURL: InProgressURL, DirectoryURL: URL,
	}
}

// inProgress publishes the units under certification, in Swedish order, when
// show is true; otherwise it notes how many it leaves out.
func (d *directory) inProgress(b *feature.Build, units []*registry.Unit, show bool) {
	if len(units) == 0 {
		return
	}
	if !show {
		b.Note(NoteInProgressHidden.With(len(units)))
		return
	}
	list := &StartedList{Total: len(units), Diplomering: b.Settings.Programme.Diplomering(), DirectoryURL: URL}
	at := map[string]int{}
	for _, u := range units {
		v := startedView(u, b.Settings, b.Words)
		b.AddPage(&feature.Page{
			Source: u.Path, Line: u.Line, Col: u.Col, URL: v.URL, Title: u.Name, Layout: "unit-started",
			Description: settings.Fill(b.Words.InProgressUnit, "typ", v.Kind, "kommun", u.Kommun, "diplomering", v.Diplomering, "datum", swedish.Date(u.Started)),
		})
		d.views[v.URL] = v
		for _, f := range u.FormerIDs {
			b.Redirect(URL+f+"/", v.URL, u.Path)
		}
		s := slug.Make(u.Kommun)
		i, ok := at[s]
		if !ok {
			i = len(list.Groups)
			at[s] = i
			list.Groups = append(list.Groups, StartedGroup{Slug: s, Label: u.Kommun})
		}
		list.Groups[i].Units = append(list.Groups[i].Units, v)
		if by, ok := d.views[URL+"kommun/"+s+"/"].(*UnitsBy); ok {
			by.InProgress = append(by.InProgress, v)
		}
	}
	sortGroups(list.Groups)
	b.AddPage(&feature.Page{
		Source: registry.Dir, URL: InProgressURL, Title: b.Words.InProgressTitle, Layout: "units-started",
		Description: settings.Fill(b.Words.InProgressDescription, "diplomering", b.Settings.Programme.Diplomering()),
	})
	d.views[InProgressURL] = list
	if data, ok := d.views[URL].(*Data); ok {
		data.InProgress = &InProgress{URL: InProgressURL, Total: len(units)}
	}
}

// sortGroups sorts the kommuner in Swedish order.
func sortGroups(gs []StartedGroup) {
	slices.SortStableFunc(gs, func(a, b StartedGroup) int { return swedish.Compare(a.Label, b.Label) })
}
