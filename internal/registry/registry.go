// Package registry reads the registries of certified units (diplomerade
// verksamheter) and decides which certificates are valid.
//
// # Files
//
// Every *.yaml or *.yml file in content/verksamheter/ is one registry,
// typically one per organisation or region:
//
//	organisation: Region Mittland          # required: who certifies these units
//	region: Västerbottens län              # optional: the county, for filters
//	rules:                                 # optional; these are the defaults
//	  validity_years: 4                    #   a certificate is valid this many years
//	  min_participation: 90                #   percent of the work group that must take part
//	  manager_required: true               #   the nearest manager must take part
//	units:
//	  - id: vardcentralen-exempelbacken    # required; a slug, used in the unit's address
//	    name: Vårdcentralen Exempelbacken  # required
//	    kommun: Umeå                       # required; one of Sweden's 290 kommuner
//	    kind: vårdcentral                  # required; from the site's list of kinds of care
//	    address: Exempelgatan 12, 903 25 Umeå
//	    website: https://exempelbacken.example.se
//	    hsa_id: SE2321000222-E12345        # optional
//	    url_1177: https://www.1177.se/hitta-vard/…  # optional, on 1177.se
//	    certified: 2024-03-15              # required; the day of the first certificate
//	    recertified: [2028-03-01]          # optional; days of re-certification, in order
//	    former_names: [Hälsocentralen Exempelbacken]
//	    former_ids: [hc-exempelbacken]     # old addresses that must keep working
//	    internal:                          # never published anywhere
//	      contact: Kim Exempelsson
//	      contact_email: kim.exempelsson@example.se
//	      contact_phone: 070-123 45 67
//	      group_size: 18
//	      participation: 94                # percent, 94 or "94 %"
//	      manager_took_part: true
//	      notes: Fritext för programteamet.
//
// # Checks
//
// Every problem in every file is reported together, at its file, line and
// column: broken YAML; unknown keys (with the closest known key as a hint);
// missing required keys; dates that are not dates or lie after the build's
// today; re-certifications before the certificate or out of order; an id
// that is not a slug; the same id twice, in one file or across files,
// including former ids; an unknown kommun or kind of care (with the closest
// as a hint); a website or 1177 address that is not a whole https address;
// a malformed e-mail address or phone number; participation below the
// registry's minimum, or a manager who did not take part where that is
// required; a file with no units.
//
// # Status
//
// A certificate is valid until its latest date (certified or the last
// re-certification) plus validity_years. Against the build's today a unit is
// giltig (valid), går snart ut (valid, but ends within Options.SoonWindow
// months) or utgången (expired). Expired units are not published; the
// build reports them so that the programme team can follow up.
//
// # Private fields
//
// The internal block is validated but kept in an unexported field: layouts
// reach a Unit's exported fields and methods only, so they cannot publish
// it. Only [InternalOf], a function, returns it.
package registry

import (
	_ "embed"
	"fmt"
	"io/fs"
	"net/mail"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"hbtq/internal/diag"
	"hbtq/internal/slug"
	"hbtq/internal/yamldoc"
)

// Dir is the folder of the site root that holds the registries.
const Dir = "content/verksamheter"

// DefaultKinds are the kinds of care when a site names none.
var DefaultKinds = []string{
	"vårdcentral", "ungdomsmottagning", "barnmorskemottagning", "psykiatri", "tandvård",
	"sjukhusavdelning", "specialistmottagning", "elevhälsa", "äldreomsorg", "habilitering",
	"rehabilitering", "administration",
}

//go:embed kommuner.txt
var kommunerText string

// Kommuner are Sweden's 290 municipalities.
var Kommuner = func() []string {
	var k []string
	for _, l := range strings.Split(kommunerText, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			k = append(k, l)
		}
	}
	return k
}()

// Options control loading.
type Options struct {
	Now        time.Time // the build's today
	Kinds      []string  // the kinds of care; DefaultKinds when empty
	SoonWindow int       // months before expiry that count as "går snart ut"; 6 when 0
}

// Rules are a registry's programme rules.
type Rules struct {
	ValidityYears    int     `yaml:"validity_years"`
	MinParticipation float64 `yaml:"min_participation"`
	ManagerRequired  *bool   `yaml:"manager_required"`
}

// Org is the organisation a registry file belongs to.
type Org struct {
	Name   string // "Region Mittland"
	Region string // the county, may be empty
	Rules  Rules
	Path   string // the registry file
}

// Unit is one certified unit. Its exported fields are public.
type Unit struct {
	ID          string
	Name        string
	Kommun      string
	Kind        string
	Address     string
	Website     string
	HSAID       string
	URL1177     string
	Certified   time.Time
	Recertified []time.Time
	FormerNames []string
	FormerIDs   []string
	Org         *Org
	Path        string // the registry file
	Line        int    // the line of the unit's entry

	internal Internal
}

// Internal are the fields of a unit that are never published.
type Internal struct {
	Contact         string  `yaml:"contact"`
	ContactEmail    string  `yaml:"contact_email"`
	ContactPhone    string  `yaml:"contact_phone"`
	GroupSize       int     `yaml:"group_size"`
	Participation   Percent `yaml:"participation"`
	ManagerTookPart *bool   `yaml:"manager_took_part"`
	Notes           string  `yaml:"notes"`

	Keys map[string]yamldoc.Pos
}

// InternalOf returns the internal fields of u, for checks and reports that
// are not published.
func InternalOf(u *Unit) Internal { return u.internal }

// Percent is a share in percent, written 94 or "94 %".
type Percent struct {
	Value float64
	Set   bool
}

// UnmarshalYAML reads 94, 94.5, "94 %" or "94%".
func (p *Percent) UnmarshalYAML(n *yaml.Node) error {
	s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(n.Value), "%"))
	s = strings.ReplaceAll(s, ",", ".")
	f, err := strconv.ParseFloat(s, 64)
	if n.Kind != yaml.ScalarNode || err != nil || f < 0 || f > 100 {
		return fmt.Errorf("must be a percentage from 0 to 100, like 94 or \"94 %%\", not %q", n.Value)
	}
	p.Value, p.Set = f, true
	return nil
}

// ValidUntil returns the last day the certificate is valid: the latest
// certification plus the registry's validity.
func (u *Unit) ValidUntil() time.Time {
	last := u.Certified
	for _, r := range u.Recertified {
		if r.After(last) {
			last = r
		}
	}
	return last.AddDate(u.Org.Rules.ValidityYears, 0, 0)
}

// LastCertified returns the day of the latest certification.
func (u *Unit) LastCertified() time.Time {
	last := u.Certified
	for _, r := range u.Recertified {
		if r.After(last) {
			last = r
		}
	}
	return last
}

// Status is where a certificate stands on a given day.
type Status int

// The statuses, in Swedish as the site shows them.
const (
	Valid        Status = iota // giltig
	ExpiringSoon               // går snart ut
	Expired                    // utgången
)

// String returns the status as the site shows it.
func (s Status) String() string {
	return [...]string{"giltig", "går snart ut", "utgången"}[s]
}

// Registry is every unit of every registry file.
type Registry struct {
	Orgs  []*Org
	Units []*Unit // in file order
	now   time.Time
	soon  int
}

// Status returns the status of u on the registry's today.
func (r *Registry) Status(u *Unit) Status {
	until := u.ValidUntil()
	switch {
	case r.now.After(until):
		return Expired
	case !r.now.AddDate(0, r.soon, 0).Before(until):
		return ExpiringSoon
	}
	return Valid
}

var (
	collMu sync.Mutex
	coll   = collate.New(language.Swedish)
)

// Compare orders two names in Swedish alphabetical order (… Z, Å, Ä, Ö).
func Compare(a, b string) int {
	collMu.Lock()
	defer collMu.Unlock()
	return coll.CompareString(a, b)
}

func sortUnits(us []*Unit) {
	sort.SliceStable(us, func(i, j int) bool {
		if c := Compare(us[i].Name, us[j].Name); c != 0 {
			return c < 0
		}
		return us[i].ID < us[j].ID
	})
}

// Public returns the units whose certificate is valid (including those
// that expire soon), in Swedish alphabetical order of name.
func (r *Registry) Public() []*Unit {
	var out []*Unit
	for _, u := range r.Units {
		if r.Status(u) != Expired {
			out = append(out, u)
		}
	}
	sortUnits(out)
	return out
}

// Expired returns the units whose certificate has run out, by name.
func (r *Registry) Expired() []*Unit {
	var out []*Unit
	for _, u := range r.Units {
		if r.Status(u) == Expired {
			out = append(out, u)
		}
	}
	sortUnits(out)
	return out
}

// Count is a value and how many public units have it.
type Count struct {
	Name string
	N    int
}

func (r *Registry) count(f func(*Unit) string) []Count {
	m := map[string]int{}
	for _, u := range r.Public() {
		m[f(u)]++
	}
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{k, n})
	}
	sort.Slice(out, func(i, j int) bool { return Compare(out[i].Name, out[j].Name) < 0 })
	return out
}

// Kommuner returns the kommuner of the public units, with counts.
func (r *Registry) Kommuner() []Count { return r.count(func(u *Unit) string { return u.Kommun }) }

// Kinds returns the kinds of care of the public units, with counts.
func (r *Registry) Kinds() []Count { return r.count(func(u *Unit) string { return u.Kind }) }

// OrgNames returns the organisations of the public units, with counts.
func (r *Registry) OrgNames() []Count { return r.count(func(u *Unit) string { return u.Org.Name }) }

// Redirect is an old unit id that leads to a current one.
type Redirect struct {
	From, To string // ids
	Path     string // the registry that names it
}

// Redirects returns every former id of a public unit, sorted.
func (r *Registry) Redirects() []Redirect {
	var out []Redirect
	for _, u := range r.Public() {
		for _, f := range u.FormerIDs {
			out = append(out, Redirect{From: f, To: u.ID, Path: u.Path})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From < out[j].From })
	return out
}

// file is the YAML of one registry.
type file struct {
	Organisation string     `yaml:"organisation,required"`
	Region       string     `yaml:"region"`
	Rules        *fileRules `yaml:"rules"`
	Units        *[]unit    `yaml:"units,required"`
	Keys         map[string]yamldoc.Pos
}

type fileRules struct {
	ValidityYears    *int     `yaml:"validity_years"`
	MinParticipation *Percent `yaml:"min_participation"`
	ManagerRequired  *bool    `yaml:"manager_required"`
	Keys             map[string]yamldoc.Pos
}

type unit struct {
	ID          string      `yaml:"id,required"`
	Name        string      `yaml:"name,required"`
	Kommun      string      `yaml:"kommun,required"`
	Kind        string      `yaml:"kind,required"`
	Address     string      `yaml:"address"`
	Website     string      `yaml:"website"`
	HSAID       string      `yaml:"hsa_id"`
	URL1177     string      `yaml:"url_1177"`
	Certified   time.Time   `yaml:"certified,required"`
	Recertified []time.Time `yaml:"recertified"`
	FormerNames []string    `yaml:"former_names"`
	FormerIDs   []string    `yaml:"former_ids"`
	Internal    *Internal   `yaml:"internal"`
	Pos         yamldoc.Pos
	Keys        map[string]yamldoc.Pos
}

// Load reads every registry in dir of fsys. A missing dir is an empty
// registry. Problems are returned together as a diag.List; the registry
// holds what could be read.
func Load(fsys fs.FS, dir string, opt Options) (*Registry, error) {
	if opt.SoonWindow == 0 {
		opt.SoonWindow = 6
	}
	if len(opt.Kinds) == 0 {
		opt.Kinds = DefaultKinds
	}
	r := &Registry{now: opt.Now, soon: opt.SoonWindow}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return r, nil
	}
	l := &loader{opt: opt, ids: map[string]string{}}
	for _, e := range entries {
		ext := path.Ext(e.Name())
		if e.IsDir() || (ext != ".yaml" && ext != ".yml") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			l.errs.Addf(p, 0, 0, "cannot be read: %v", err)
			continue
		}
		l.file(r, p, data)
	}
	return r, l.errs.Err()
}

type loader struct {
	opt  Options
	errs diag.List
	ids  map[string]string // id → "path:line" where it is used
}

var (
	hsaRE   = regexp.MustCompile(`^SE\d{10}-[0-9A-Za-z]{1,20}$`)
	phoneRE = regexp.MustCompile(`^\+?[0-9][0-9 \-]{5,20}$`)
)

func (l *loader) file(r *Registry, p string, data []byte) {
	d := &yamldoc.Decoder{Path: p}
	n, err := d.Parse(data)
	if err != nil {
		l.errs.Add(err)
		return
	}
	if n == nil {
		l.errs.Addf(p, 1, 1, "the registry is empty").WithHint("write organisation: and units:, or delete the file")
		return
	}
	var f file
	d.Decode(n, &f)
	l.errs = append(l.errs, d.Errs...)
	d.Errs = nil
	org := &Org{Name: f.Organisation, Region: f.Region, Path: p, Rules: Rules{ValidityYears: 4, MinParticipation: 90}}
	yes := true
	org.Rules.ManagerRequired = &yes
	if f.Rules != nil {
		if v := f.Rules.ValidityYears; v != nil {
			if *v < 1 || *v > 20 {
				pos := f.Rules.Keys["validity_years"]
				l.errs.Addf(p, pos.Line, pos.Col, "validity_years must be between 1 and 20, not %d", *v)
			} else {
				org.Rules.ValidityYears = *v
			}
		}
		if v := f.Rules.MinParticipation; v != nil {
			org.Rules.MinParticipation = v.Value
		}
		if v := f.Rules.ManagerRequired; v != nil {
			org.Rules.ManagerRequired = v
		}
	}
	r.Orgs = append(r.Orgs, org)
	if f.Units == nil {
		return
	}
	if len(*f.Units) == 0 && f.Keys["units"].Line > 0 {
		// units: [] is an explicit empty registry: allowed.
		return
	}
	for i := range *f.Units {
		u := &(*f.Units)[i]
		if unit := l.unit(p, org, u); unit != nil {
			r.Units = append(r.Units, unit)
		}
	}
}

func (l *loader) at(p string, u *unit, key string) (int, int) {
	if pos, ok := u.Keys[key]; ok {
		return pos.Line, pos.Col
	}
	return u.Pos.Line, u.Pos.Col
}

func (l *loader) claim(p string, line, col int, id, what string) {
	if id == "" {
		return
	}
	if prev, ok := l.ids[id]; ok {
		l.errs.Addf(p, line, col, "%s %s is already used in %s", what, id, prev).WithHint("every unit needs its own id; old ids must not be reused")
		return
	}
	l.ids[id] = fmt.Sprintf("%s:%d", p, line)
}

func (l *loader) unit(p string, org *Org, u *unit) *Unit {
	bad := len(l.errs)
	if u.ID != "" {
		line, col := l.at(p, u, "id")
		if s := slug.Make(u.ID); s != u.ID {
			e := l.errs.Addf(p, line, col, "id %q may hold only a–z, 0–9 and hyphens", u.ID)
			if s != "" {
				e.Hint = "write id: " + s
			}
		} else {
			l.claim(p, line, col, u.ID, "id")
		}
	}
	for _, f := range u.FormerIDs {
		line, col := l.at(p, u, "former_ids")
		if slug.Make(f) != f {
			l.errs.Addf(p, line, col, "former id %q is not an id", f).WithHint("write it as it was: lowercase a–z, 0–9 and hyphens")
			continue
		}
		l.claim(p, line, col, f, "former id")
	}
	if u.Kommun != "" {
		if k, ok := canonical(u.Kommun, Kommuner); ok {
			u.Kommun = k
		} else {
			line, col := l.at(p, u, "kommun")
			e := l.errs.Addf(p, line, col, "%q is not a Swedish kommun", u.Kommun)
			if near := diag.Closest(u.Kommun, Kommuner); near != "" {
				e.Hint = "did you mean " + near + "?"
			} else {
				e.Hint = "write the kommun's name, like Umeå or Upplands Väsby"
			}
		}
	}
	if u.Kind != "" {
		if k, ok := canonical(u.Kind, l.opt.Kinds); ok {
			u.Kind = k
		} else {
			line, col := l.at(p, u, "kind")
			e := l.errs.Addf(p, line, col, "%q is not a kind of care of this site", u.Kind)
			if near := diag.Closest(u.Kind, l.opt.Kinds); near != "" {
				e.Hint = "did you mean " + near + "?"
			} else {
				e.Hint = "use one of: " + strings.Join(l.opt.Kinds, ", ")
			}
		}
	}
	for _, k := range []struct{ key, val string }{{"website", u.Website}, {"url_1177", u.URL1177}} {
		if k.val == "" {
			continue
		}
		line, col := l.at(p, u, k.key)
		pu, err := url.Parse(k.val)
		switch {
		case err != nil || pu.Host == "" || (pu.Scheme != "https" && pu.Scheme != "http"):
			e := l.errs.Addf(p, line, col, "%s %q is not a whole web address", k.key, k.val)
			if !strings.Contains(k.val, "://") && strings.Contains(k.val, ".") && !strings.ContainsAny(k.val, " <>\"") {
				e.Hint = "start it with https://, like https://" + k.val
			} else {
				e.Hint = "write it like https://www.example.se"
			}
		case k.key == "url_1177" && pu.Host != "www.1177.se" && pu.Host != "1177.se":
			l.errs.Addf(p, line, col, "url_1177 must be an address on 1177.se, not %s", pu.Host)
		}
	}
	if u.HSAID != "" && !hsaRE.MatchString(u.HSAID) {
		line, col := l.at(p, u, "hsa_id")
		l.errs.Addf(p, line, col, "hsa_id %q is not an HSA-id", u.HSAID).WithHint("an HSA-id looks like SE2321000222-E12345")
	}
	if !u.Certified.IsZero() && u.Certified.After(l.opt.Now) {
		line, col := l.at(p, u, "certified")
		l.errs.Addf(p, line, col, "certified %s is after today (%s)", u.Certified.Format("2006-01-02"), l.opt.Now.Format("2006-01-02")).
			WithHint("write the day the unit was certified; a unit is added once it has its certificate")
	}
	prev := u.Certified
	for _, r := range u.Recertified {
		line, col := l.at(p, u, "recertified")
		switch {
		case r.After(l.opt.Now):
			l.errs.Addf(p, line, col, "recertified %s is after today (%s)", r.Format("2006-01-02"), l.opt.Now.Format("2006-01-02"))
		case !prev.IsZero() && !r.After(prev):
			l.errs.Addf(p, line, col, "recertified %s must come after %s", r.Format("2006-01-02"), prev.Format("2006-01-02")).
				WithHint("list the re-certifications oldest first, each after the certificate")
		}
		prev = r
	}
	if in := u.Internal; in != nil {
		l.internal(p, org, u, in)
	}
	if len(l.errs) > bad {
		return nil
	}
	out := &Unit{
		ID: u.ID, Name: u.Name, Kommun: u.Kommun, Kind: u.Kind, Address: u.Address, Website: u.Website,
		HSAID: u.HSAID, URL1177: u.URL1177, Certified: u.Certified, Recertified: u.Recertified,
		FormerNames: u.FormerNames, FormerIDs: u.FormerIDs, Org: org, Path: p, Line: u.Pos.Line,
	}
	if u.Internal != nil {
		out.internal = *u.Internal
		out.internal.Keys = nil
	}
	return out
}

func (l *loader) internal(p string, org *Org, u *unit, in *Internal) {
	at := func(k string) (int, int) {
		if pos, ok := in.Keys[k]; ok {
			return pos.Line, pos.Col
		}
		return l.at(p, u, "internal")
	}
	if in.ContactEmail != "" {
		if a, err := mail.ParseAddress(in.ContactEmail); err != nil || a.Address != in.ContactEmail || !strings.Contains(strings.SplitN(in.ContactEmail, "@", 2)[1], ".") {
			line, col := at("contact_email")
			l.errs.Addf(p, line, col, "contact_email %q is not an e-mail address", in.ContactEmail).WithHint("write it like kim.exempelsson@example.se")
		}
	}
	if ph := in.ContactPhone; ph != "" {
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, ph)
		national := strings.HasPrefix(ph, "0") && !strings.HasPrefix(ph, "00")
		intl := strings.HasPrefix(ph, "+46") || strings.HasPrefix(ph, "0046")
		if !phoneRE.MatchString(ph) || (!national && !intl) || len(digits) < 7 || len(digits) > 13 {
			line, col := at("contact_phone")
			l.errs.Addf(p, line, col, "contact_phone %q is not a Swedish phone number", ph).WithHint("write it like 070-123 45 67 or +46 70 123 45 67")
		}
	}
	if in.GroupSize < 0 || in.GroupSize > 1000 {
		line, col := at("group_size")
		l.errs.Addf(p, line, col, "group_size must be between 1 and 1000, not %d", in.GroupSize)
	}
	if in.Participation.Set && in.Participation.Value < org.Rules.MinParticipation {
		line, col := at("participation")
		l.errs.Addf(p, line, col, "participation is %s %%, below the %s %% the programme requires", pct(in.Participation.Value), pct(org.Rules.MinParticipation)).
			WithHint("a unit is certified only when enough of the work group took part; check the number or remove the unit")
	}
	if in.ManagerTookPart != nil && !*in.ManagerTookPart && org.Rules.ManagerRequired != nil && *org.Rules.ManagerRequired {
		line, col := at("manager_took_part")
		l.errs.Addf(p, line, col, "the nearest manager did not take part, which the programme requires").
			WithHint("a unit is certified only when its manager took part")
	}
}

func pct(f float64) string {
	return strings.ReplaceAll(strconv.FormatFloat(f, 'f', -1, 64), ".", ",")
}

// canonical finds s in list ignoring case, returning the list's spelling.
func canonical(s string, list []string) (string, bool) {
	for _, k := range list {
		if strings.EqualFold(k, strings.TrimSpace(s)) {
			return k, true
		}
	}
	return "", false
}
