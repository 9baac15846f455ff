// Package registry reads the registries of certified units (diplomerade
// verksamheter) and decides which certificates are valid.
//
// # Files
//
// Every *.yaml or *.yml file directly in content/verksamheter/ is one
// registry, typically one per organisation or region. Files are read in
// name order; a file whose name starts with a dot is skipped. A registry
// names its organisation and the programme rules that apply to it, then
// lists its units:
//
//	organisation: Region Mittland          # required: who runs the programme for these units
//	region: Västerbottens län              # optional: the county
//	rules:                                 # optional; the site's rules (Options.Rules) otherwise
//	  validity_years: 4                    #   a certificate is valid this many years (1–20)
//	  min_participation: 90                #   percent of the work group that must take part
//	  manager_required: true               #   the nearest manager must take part
//	units:
//	  - id: vardcentralen-exempelbacken    # required; the unit's address: /verksamheter/<id>/
//	    name: Vårdcentralen Exempelbacken  # required
//	    kommun: Umeå                       # required; one of Sweden's 290 kommuner
//	    kind: vårdcentral                  # required; one of the site's kinds of care
//	    address: Exempelgatan 12, 903 25 Umeå
//	    location: [63.8258, 20.2630]         # latitude, longitude (WGS 84); the kommun's seat otherwise
//	    website: https://exempelbacken.example.se
//	    hsa_id: SE2321000222-E12345
//	    url_1177: https://www.1177.se/hitta-vard/kontaktkort/vardcentralen-exempelbacken/
//	    certified: 2024-03-15              # required (or started:); the day of the first certificate
//	    recertified: [2028-03-01]          # days of re-certification, oldest first
//	    former_names: [Hälsocentralen Exempelbacken]
//	    former_ids: [halsocentralen-exempelbacken]  # old addresses that must keep working
//	    keywords: [hbtq-mottagning, sexuell hälsa]  # public: more words that find the unit
//	    internal:                          # checked, but never published
//	      contact: Kim Exempelsson
//	      contact_email: kim.exempelsson@example.se
//	      contact_phone: 070-123 45 67
//	      group_size: 18                   # people in the work group, 1–1000
//	      participation: 94                # percent who took part: 94 or "94 %"
//	      manager_took_part: true
//	      notes: Fritext för programteamet.
//
// A file that is empty, or has no units: key, is a mistake; a registry with
// no units yet says so with units: [].
//
// # Keys of a unit
//
//   - id: lowercase a–z, 0–9 and hyphens, as slug.Make writes it
//     ("Vårdcentralen Ås" → vardcentralen-as). Unique across every
//     registry, including every former id.
//   - name: the unit's name as it is shown. Text is kept exactly as
//     written; escaping is the renderer's job.
//   - kommun: the municipality's name as Statistics Sweden (SCB) writes it,
//     without "kommun": Umeå, Upplands Väsby, Malung-Sälen. Case does not
//     matter; the list's spelling is kept.
//   - kind: one of the site's kinds of care ([Options].Kinds: site.yaml's,
//     or the words file's by default). Case does not matter.
//   - address: free text, one line.
//   - location: where the unit is, latitude then longitude in degrees
//     (WGS 84), as a map shows them: [63.8258, 20.2630] or
//     "63.8258, 20.2630". It must lie in Sweden and within reach of its
//     kommun's seat ([Kommun].Reach); a swapped pair is pointed out.
//     Without it, distances are measured from the seat of the kommun
//     ([Unit.Place]), and the site says so.
//   - website: a whole web address starting with https:// (or http://).
//   - hsa_id: the unit's HSA-id, SE, ten digits, a hyphen and letters or
//     digits: SE2321000222-E12345.
//   - url_1177: the unit's page on 1177, an https address on 1177.se.
//   - certified: the day the first certificate was given, written
//     2024-03-15; not after the build's today.
//   - started: the day the unit began its certification. A unit with
//     started: and no certified: is under certification ("under
//     diplomering", see [Unit.InProgress]); with both, started: must not be
//     after certified:. Not after the build's today. One of certified: and
//     started: is required.
//   - progress: public text: how far a unit under certification has come
//     ("Arbetsgruppen har gått den första halvdagen."); only for a unit
//     under certification, and not empty.
//   - recertified: the days of re-certification (omdiplomering), oldest
//     first, each after the one before and not after the build's today.
//   - former_names: names the unit has had; shown as history.
//   - former_ids: ids the unit has had; each becomes a redirect to the
//     unit's page (see [Registry.Redirects]).
//   - keywords: words or short phrases that also find the unit in the
//     directory's search (see package search), like a service it offers
//     ("hiv-test", "sexuell hälsa"); public, and checked not to be empty.
//   - internal: contact, contact_email, contact_phone (a Swedish number),
//     group_size, participation, manager_took_part and notes. These are
//     for the programme team only; see Private fields.
//
// # Checks
//
// Every problem in every file is reported together as a diag.List, each
// at its file, line and column, in words for the person who edits the file
// and with a hint saying what to write instead: broken YAML; unknown keys
// (with the closest known key); missing or empty required keys; dates that
// are not dates, lie after the build's today, or are out of order; an id
// that is not a slug (with the slug); the same id twice, in one file or
// across files, current or former, naming the place of the first; an
// unknown kommun or kind of care (with the closest); a web address without
// https://; a malformed HSA-id, e-mail address or phone number; a group
// size outside 1–1000; participation below the registry's minimum
// ("participation is 85 %, below the 90 % the programme requires"), or a
// nearest manager who did not take part where the rules require it; and a
// file with no units. A unit with a problem is left out of the registry.
//
// A unit whose rules set min_participation but whose internal block has no
// participation:, or whose rules require the manager but which has no
// manager_took_part:, is published (it was certified) and noted for the
// programme team at its line: see [LackingOf].
//
// # Status
//
// A certificate is valid to and including [Unit.ValidUntil]: its latest
// date (certified or the last re-certification) plus validity_years. On a
// given day a unit is
//
//   - giltig ([Valid]): valid for longer than the soon window;
//   - går snart ut ([ExpiringSoon]): valid, but ending within
//     [Options].SoonWindow months (6 by default);
//   - utgången ([Expired]): no longer valid.
//
// A unit under certification has no certificate and so no status: it is
// in [Registry].InProgress (and [Registry.Started]), never in Units, so
// nothing that lists certified units can count it, and it is not held to
// the rules' minimums of participation and manager yet (it has not
// finished). Package directory shows such units only where site.yaml asks.
//
// [Registry.Public] lists the valid and soon-expiring units; expired units
// are published nowhere, and [Registry.Expired] lists them for the build
// summary so that the programme team can follow up.
//
// # Order
//
// Lists of units, kommuner, kinds and organisations are in Swedish
// alphabetical order ([swedish.Compare]): … X, Y, Z, Å, Ä, Ö.
//
// # Private fields
//
// The internal block is validated, then kept behind an unexported field of
// [Unit]. Layouts reach a unit's exported fields and methods only, and
// printing a Unit shows the internal block as an address, not its text, so
// no template can publish it. Only [InternalOf], a package function that
// templates cannot call, returns it.
package registry

import (
	"bytes"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"slices"
	"strings"
	"time"
)

// Dir is the folder of the site root that holds the registries.
const Dir = "content/verksamheter"

// Options control loading.
type Options struct {
	Now        swedish.Day // the build's day (required: there is no clock fallback)
	Kinds      []string    // the site's kinds of care (site.yaml's, or the words file's)
	SoonWindow int         // months before the end of a certificate that count as "går snart ut"; 6 when 0
	Rules      Rules       // the site's rules (site.yaml), which a registry's rules: override
}

// Rules are the programme rules of a registry: the site's (Options.Rules)
// with what the registry's own rules: change. A rule nobody sets is not a
// rule: no validity means a certificate has no end date, no minimum means
// participation is not checked, and the manager is required only when a
// rule says so.
type Rules struct {
	ValidityYears    int     // how many years a certificate is valid; 0: no end
	MinParticipation float64 // the share of the work group, in percent, that must take part; 0: not checked
	ManagerRequired  bool    // whether the nearest manager must take part
}

// Org is the organisation a registry file belongs to.
type Org struct {
	Name   string // "Region Mittland"
	Region string // the county, like "Västerbottens län"; may be empty
	Rules  Rules
	Path   string // the registry file, like content/verksamheter/region-mittland.yaml
}

// Unit is one certified unit. Its exported fields and methods are public
// information; see the package comment for the meaning of each.
type Unit struct {
	ID          string
	Name        string
	Kommun      string // as in Kommuner
	Kind        string // as in Options.Kinds
	Address     string
	Location    *Location // nil when not given: the kommun's seat stands in (see Place)
	Website     string
	HSAID       string
	URL1177     string
	Certified   time.Time   // midnight UTC; zero for a unit in progress (see InProgress)
	Started     time.Time   // the day the unit began its certification; zero when not given
	Progress    string      // public: how far a unit in progress has come, as the registry says
	Recertified []time.Time // oldest first
	FormerNames []string
	FormerIDs   []string
	Keywords    []string // public: more words that find the unit
	Org         *Org
	Path        string // the registry file
	Line        int    // the line where the unit's entry starts
	Col         int    // and its column

	soon     int       // Options.SoonWindow
	internal *Internal // behind a pointer: printing a Unit shows an address, not the text
	lacks    *Lacking  // nil when nothing the rules require is missing
}

// Lacking is what a unit's internal block lacks that its registry's
// rules require: participation: where min_participation is set,
// manager_took_part: where manager_required is true.
type Lacking struct {
	Participation float64 // the rule's minimum percent when participation: is missing, else 0
	Manager       bool    // manager_took_part: is missing and the rules require the manager
	Line          int     // the first line inside internal:, or the unit's entry when it has none
}

// LackingOf returns what u's internal block lacks that its rules require,
// or nil. Like InternalOf it is a function, so that templates cannot call
// it: the programme team is told (a build note each), nothing is
// published. A unit that lacks such data is still published: it was
// certified, and the data is the programme's own bookkeeping.
func LackingOf(u *Unit) *Lacking { return u.lacks }

// Internal are the fields of a unit that are checked but never published.
type Internal struct {
	Contact         string
	ContactEmail    string
	ContactPhone    string
	GroupSize       int      // 0 when not given
	Participation   *float64 // percent; nil when not given
	ManagerTookPart *bool    // nil when not given
	Notes           string
}

// InternalOf returns the internal fields of u, for checks and reports
// that are not published. It is a function, not a method, so that
// templates cannot call it.
func InternalOf(u *Unit) Internal {
	if u.internal == nil {
		return Internal{}
	}
	return *u.internal
}

// Place returns where the unit is: its location, or else the seat of its
// kommun (exact is then false: a text must say the place is the kommun's).
func (u *Unit) Place() (lat, lon float64, exact bool) {
	if u.Location != nil {
		return u.Location.Lat, u.Location.Lon, true
	}
	k, _ := KommunOf(u.Kommun)
	return k.Lat, k.Lon, false
}

// LastCertified returns the day of the latest certification: the last
// re-certification, or the first certificate.
func (u *Unit) LastCertified() time.Time {
	last := u.Certified
	for _, r := range u.Recertified {
		if r.After(last) {
			last = r
		}
	}
	return last
}

// ValidUntil returns the last day the certificate is valid: the latest
// certification plus the registry's validity in years. A certificate from
// 29 February runs to 28 February. It is the zero time when the rules set
// no validity: the certificate has no end date.
func (u *Unit) ValidUntil() time.Time {
	if u.Org == nil || u.Org.Rules.ValidityYears == 0 {
		return time.Time{}
	}
	return addMonths(u.LastCertified(), 12*u.Org.Rules.ValidityYears)
}

// InProgress reports whether the unit is under certification: it has
// started: and no certified: yet.
func (u *Unit) InProgress() bool { return u.Certified.IsZero() && !u.Started.IsZero() }

// Started returns the units under certification, in Swedish alphabetical
// order of name.
func (r *Registry) Started() []*Unit {
	out := slices.Clone(r.InProgress)
	SortUnits(out)
	return out
}

// Status returns where the unit's certificate stands on the day of now,
// with the soon window given to Load.
func (u *Unit) Status(now time.Time) Status {
	today, until := dateOf(now), u.ValidUntil()
	switch {
	case until.IsZero():
		return Valid
	case today.After(until):
		return Expired
	case !addMonths(today, u.soon).Before(until):
		return ExpiringSoon
	}
	return Valid
}

// dateOf returns the calendar day of t as midnight UTC, the form dates
// are read in.
func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// addMonths adds n months to t, keeping to the last day of a shorter
// month: 31 August plus 6 months is 28 (or 29) February.
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(t.Day(), last), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}

// Status is where a certificate stands on a given day.
type Status int

// The statuses. Their String is the Swedish word the site shows.
const (
	Valid        Status = iota // giltig
	ExpiringSoon               // går snart ut
	Expired                    // utgången
)

// String returns the status in Swedish: "giltig", "går snart ut" or
// "utgången".
func (s Status) String() string {
	switch s {
	case Valid:
		return "giltig"
	case ExpiringSoon:
		return "går snart ut"
	case Expired:
		return "utgången"
	}
	return "okänd"
}

// Registry is every unit of every registry file.
type Registry struct {
	Organisations []*Org  // one per file, in file order
	Units         []*Unit // every certified unit without problems, in file order
	// InProgress are the units under certification (started: without
	// certified:), without problems, in file order: never among Units, so
	// that nothing that lists certified units (Public, Expired, the open
	// data) can count them.
	InProgress []*Unit
	now        time.Time
}

// Status returns the status of u on the registry's today.
func (r *Registry) Status(u *Unit) Status { return u.Status(r.now) }

// Public returns the units whose certificate is valid, including those
// that expire soon, in Swedish alphabetical order of name.
func (r *Registry) Public() []*Unit {
	return r.filter(func(u *Unit) bool { return u.Status(r.now) != Expired })
}

// Expired returns the units whose certificate has run out, in Swedish
// alphabetical order of name. They are for the build summary only.
func (r *Registry) Expired() []*Unit {
	return r.filter(func(u *Unit) bool { return u.Status(r.now) == Expired })
}

func (r *Registry) filter(keep func(*Unit) bool) []*Unit {
	var out []*Unit
	for _, u := range r.Units {
		if keep(u) {
			out = append(out, u)
		}
	}
	SortUnits(out)
	return out
}

// Redirect is an old unit id that leads to a current one.
type Redirect struct {
	From, To string // ids
	Path     string // the registry that names the former id
}

// Redirects returns the former ids of the public units, each leading to
// the unit's current id, sorted by former id. Expired units have no page,
// so their former ids lead nowhere and are left out.
func (r *Registry) Redirects() []Redirect {
	var out []Redirect
	for _, u := range r.Units {
		if u.Status(r.now) == Expired {
			continue
		}
		for _, f := range u.FormerIDs {
			out = append(out, Redirect{From: f, To: u.ID, Path: u.Path})
		}
	}
	slices.SortFunc(out, func(a, b Redirect) int { return strings.Compare(a.From, b.From) })
	return out
}

// SortUnits sorts us in Swedish alphabetical order of name, then by id.
func SortUnits(us []*Unit) {
	keys := make(map[*Unit][]byte, len(us))
	for _, u := range us {
		keys[u] = swedish.Key(u.Name)
	}
	slices.SortStableFunc(us, func(a, b *Unit) int {
		if d := bytes.Compare(keys[a], keys[b]); d != 0 {
			return d
		}
		if d := strings.Compare(a.Name, b.Name); d != 0 {
			return d
		}
		return strings.Compare(a.ID, b.ID)
	})
}
