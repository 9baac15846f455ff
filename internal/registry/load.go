package registry

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/mail"
	"net/url"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/slug"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// file is the YAML of one registry.
type file struct {
	Organisation string        `yaml:"organisation,required"`
	Region       string        `yaml:"region"`
	Rules        *RuleSettings `yaml:"rules"`
	Units        *rawNode      `yaml:"units"`
	Pos          yamldoc.Pos
	Keys         map[string]yamldoc.Pos
}

// RuleSettings are the rules as written under rules: in a registry file or
// in site.yaml; a key that is not written is nil.
type RuleSettings struct {
	ValidityYears    *int     `yaml:"validity_years"`
	MinParticipation *percent `yaml:"min_participation"`
	ManagerRequired  *bool    `yaml:"manager_required"`
	Keys             map[string]yamldoc.Pos
}

// unitYAML is one entry under units:. The id is checked here rather than
// marked required, so that its hint can propose one made from the name.
type unitYAML struct {
	ID          string        `yaml:"id"`
	Name        string        `yaml:"name,required"`
	Kommun      string        `yaml:"kommun,required"`
	Kind        string        `yaml:"kind,required"`
	Address     string        `yaml:"address"`
	Location    *location     `yaml:"location"`
	Website     string        `yaml:"website"`
	HSAID       string        `yaml:"hsa_id"`
	URL1177     string        `yaml:"url_1177"`
	Certified   time.Time     `yaml:"certified"` // required unless started: is given (checked in code)
	Started     time.Time     `yaml:"started"`
	Progress    string        `yaml:"progress"`
	Recertified []dateItem    `yaml:"recertified"`
	FormerNames []textItem    `yaml:"former_names"`
	FormerIDs   []textItem    `yaml:"former_ids"`
	Keywords    []textItem    `yaml:"keywords"`
	Internal    *internalYAML `yaml:"internal"`
	Pos         yamldoc.Pos
	Keys        map[string]yamldoc.Pos
}

type internalYAML struct {
	Contact         string   `yaml:"contact"`
	ContactEmail    string   `yaml:"contact_email"`
	ContactPhone    string   `yaml:"contact_phone"`
	GroupSize       *int     `yaml:"group_size"`
	Participation   *percent `yaml:"participation"`
	ManagerTookPart *bool    `yaml:"manager_took_part"`
	Notes           string   `yaml:"notes"`
	Keys            map[string]yamldoc.Pos
}

// FileType and UnitType are the types a registry file and each entry of
// its units: are decoded into (by package yamldoc; units: itself is read
// item by item). Package cms reads their keys to describe the files to the
// CMS.
var (
	FileType = reflect.TypeFor[file]()
	UnitType = reflect.TypeFor[unitYAML]()
)

// rawNode keeps a node to be decoded item by item.
type rawNode struct{ n *yaml.Node }

// UnmarshalYAML keeps n.
func (r *rawNode) UnmarshalYAML(n *yaml.Node) error {
	r.n = n
	return nil
}

// percent is a share in percent, written 94, 92.5, 92,5, "94 %" or "94%".
type percent float64

// UnmarshalYAML reads a percentage from 0 to 100.
func (p *percent) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return RegPercent.With()
	}
	s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(n.Value), "%"))
	f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || f < 0 || f > 100 {
		return RegPercentNot.With(n.Value)
	}
	*p = percent(f)
	return nil
}

// dateItem is a date in a list, with its own position.
type dateItem struct {
	t   time.Time
	pos yamldoc.Pos
}

// UnmarshalYAML reads a date written 2026-09-12.
func (d *dateItem) UnmarshalYAML(n *yaml.Node) error {
	d.pos = yamldoc.Pos{Line: n.Line, Col: n.Column}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return RegEachDate.With()
	}
	t, err := yamldoc.ParseDate(n.Value)
	d.t = t
	return err
}

// textItem is a text in a list, with its own position.
type textItem struct {
	s   string
	pos yamldoc.Pos
}

// UnmarshalYAML reads one line of text.
func (t *textItem) UnmarshalYAML(n *yaml.Node) error {
	t.pos = yamldoc.Pos{Line: n.Line, Col: n.Column}
	if n.Kind != yaml.ScalarNode {
		return RegEachText.With()
	}
	if n.Tag != "!!null" {
		t.s = n.Value
	}
	return nil
}

// Load reads every registry in dir of fsys: each *.yaml or *.yml file
// directly in it, in name order. A missing dir is an empty registry. Every
// problem of every file is returned together as a diag.List, with paths
// like content/verksamheter/region-mittland.yaml; the registry then holds
// the units that had none.
func Load(fsys fs.FS, dir string, opt Options) (*Registry, error) {
	if opt.Now.IsZero() {
		// The build's day comes from -now, through the build: never the
		// clock, so that a build is the same whenever it runs.
		panic("registry.Load: Options.Now is the build's day and must be set")
	}
	switch {
	case opt.SoonWindow == 0:
		opt.SoonWindow = 6
	case opt.SoonWindow < 0:
		opt.SoonWindow = 0
	}
	l := &loader{opt: opt, today: opt.Now.Date(), ids: map[string]idUse{}}
	r := &Registry{now: l.today}
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return r, nil
	}
	if err != nil {
		l.errs.At(dir, 0, 0, RegFolderUnreadable.With(err))
	}
	for _, e := range entries {
		if !isRegistry(e) {
			continue
		}
		p := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			l.errs.At(p, 0, 0, msg.FileUnreadable.With(err))
			continue
		}
		l.file(r, p, data)
	}
	return r, l.errs.Err()
}

// isRegistry reports whether e is a registry file: *.yaml or *.yml, not
// hidden.
func isRegistry(e fs.DirEntry) bool {
	ext := strings.ToLower(path.Ext(e.Name()))
	return !e.IsDir() && (ext == ".yaml" || ext == ".yml") && !strings.HasPrefix(e.Name(), ".")
}

// loader holds what is known across files while loading.
type loader struct {
	opt   Options
	today time.Time
	errs  diag.List
	ids   map[string]idUse // every id and former id seen so far
}

// idUse is where an id was first used.
type idUse struct {
	where  string // "path:line"
	former bool   // as a former id
}

// check is the reading of one file.
type check struct {
	*loader
	d   *yamldoc.Decoder
	org *Org
}

// failed reports whether a problem with the value of key, as placed in
// keys, is among the problems found since the first ones.
func (c *check) failed(keys map[string]yamldoc.Pos, key string, since int) bool {
	p, ok := keys[key]
	if !ok {
		return false
	}
	for _, e := range c.d.Errs[since:] {
		if e.Line == p.Line && e.Col == p.Col {
			return true
		}
	}
	return false
}

// suggested reports whether a problem found from line on (the unit's
// entry) proposes key for a misspelt one ("menade du certified?"): then
// its absence is not reported again.
func (c *check) suggested(key string, line int) bool {
	for _, e := range c.d.Errs {
		if e.Line >= line && e.Hint.Key() == msg.HintDidYouMean && len(e.Hint.Args()) == 1 && e.Hint.Args()[0] == key {
			return true
		}
	}
	return false
}

func (c *check) errorf(pos yamldoc.Pos, m msg.Message) *diag.Error {
	return c.d.Errs.At(c.d.Path, pos.Line, pos.Col, m)
}

func (l *loader) file(r *Registry, p string, data []byte) {
	d := &yamldoc.Decoder{Path: p}
	defer func() { l.errs = append(l.errs, d.Errs...) }()
	n, err := d.Parse(data)
	if err != nil {
		d.Errs.Add(err)
		return
	}
	switch {
	case n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		d.Errs.At(p, 1, 0, RegNoUnits.With()).
			Tip(HintRegNoUnits.With())
		return
	case n.Kind == yaml.SequenceNode:
		d.Report(n, RegStartsWithList.With()).
			Tip(HintRegStartsWithList.With())
		return
	case n.Kind != yaml.MappingNode:
		d.Report(n, RegNotARegistry.With()).
			Tip(HintRegSeeOthers.With(path.Dir(p)))
		return
	}
	var f file
	d.Decode(n, &f)
	c := &check{loader: l, d: d, org: &Org{Name: f.Organisation, Region: f.Region, Path: p}}
	c.rules(f.Rules)
	r.Organisations = append(r.Organisations, c.org)

	units, hasUnits := f.Keys["units"]
	switch {
	case !hasUnits:
		c.errorf(f.Pos, RegUnitsMissing.With()).
			Tip(HintRegUnitsMissing.With())
		return
	case f.Units == nil:
		c.errorf(units, RegUnitsEmpty.With()).
			Tip(HintRegUnitsEmpty.With())
		return
	case f.Units.n.Kind != yaml.SequenceNode:
		c.errorf(units, RegUnitsNotList.With()).
			Tip(HintRegUnitsNotList.With())
		return
	}
	for _, item := range f.Units.n.Content {
		for item.Kind == yaml.AliasNode {
			item = item.Alias
		}
		switch u := c.unit(item); {
		case u == nil:
		case u.InProgress():
			r.InProgress = append(r.InProgress, u)
		default:
			r.Units = append(r.Units, u)
		}
	}
}

func (c *check) rules(fr *RuleSettings) {
	c.org.Rules = c.opt.Rules
	if fr == nil {
		return
	}
	// A value that could not be read has been reported; the default stays.
	if c.failed(fr.Keys, "validity_years", 0) {
		fr.ValidityYears = nil
	}
	if c.failed(fr.Keys, "min_participation", 0) {
		fr.MinParticipation = nil
	}
	if c.failed(fr.Keys, "manager_required", 0) {
		fr.ManagerRequired = nil
	}
	c.org.Rules = fr.Apply(c.org.Rules, c.d.Path, &c.d.Errs)
}

// Apply returns base with the rules that s sets, reporting a validity
// outside 1–20 years in errs at its place in path.
func (s *RuleSettings) Apply(base Rules, path string, errs *diag.List) Rules {
	if s == nil {
		return base
	}
	if v := s.ValidityYears; v != nil {
		if *v < 1 || *v > 20 {
			p := s.Keys["validity_years"]
			errs.At(path, p.Line, p.Col, RegValidity.With(*v)).
				Tip(HintRegValidity.With())
		} else {
			base.ValidityYears = *v
		}
	}
	if v := s.MinParticipation; v != nil {
		base.MinParticipation = float64(*v)
	}
	if v := s.ManagerRequired; v != nil {
		base.ManagerRequired = *v
	}
	return base
}

// unit checks one entry and returns it as a Unit, or nil when it has a
// problem.
func (c *check) unit(n *yaml.Node) *Unit {
	before := len(c.d.Errs)
	if n.Kind != yaml.MappingNode {
		c.d.Report(n, RegUnitNotMapping.With()).
			Tip(HintRegUnitNotMapping.With())
		return nil
	}
	var u unitYAML
	c.d.Decode(n, &u)
	// at is where key's value is written, or the unit's entry.
	at := func(key string) yamldoc.Pos { return yamldoc.PosOf(u.Keys, key, u.Pos) }
	failed := func(key string) bool { return c.failed(u.Keys, key, before) }

	c.id(&u, at, failed)
	if u.Kommun != "" {
		c.kommun(&u, at("kommun"))
	}
	if u.Location != nil && !failed("location") {
		c.location(&u, at("location"))
	}
	if u.Kind != "" {
		if k, ok := canonical(u.Kind, c.opt.Kinds); ok {
			u.Kind = k
		} else {
			e := c.errorf(at("kind"), RegKind.With(u.Kind))
			if near := nearest(u.Kind, c.opt.Kinds); near != "" {
				e.Hint = msg.HintDidYouMean.With(near)
			} else {
				e.Hint = msg.HintUseOneOf.With(strings.Join(c.opt.Kinds, ", "))
			}
		}
	}
	if u.Website != "" {
		c.webAddress(at("website"), "website", u.Website)
	}
	if u.URL1177 != "" {
		c.webAddress(at("url_1177"), "url_1177", u.URL1177)
	}
	if u.HSAID != "" {
		c.hsaID(at("hsa_id"), u.HSAID)
	}
	c.dates(&u, at, failed)
	c.former(&u)
	inProgress := u.Certified.IsZero() && !u.Started.IsZero()
	if u.Internal != nil {
		c.internal(u.Internal, at("internal"), before, inProgress)
	}
	if len(c.d.Errs) > before {
		return nil
	}
	out := &Unit{
		ID: u.ID, Name: u.Name, Kommun: u.Kommun, Kind: u.Kind, Address: u.Address,
		Website: strings.TrimSpace(u.Website), HSAID: u.HSAID, URL1177: strings.TrimSpace(u.URL1177),
		Certified: u.Certified, Started: u.Started, Progress: strings.TrimSpace(u.Progress),
		Org: c.org, Path: c.d.Path, Line: u.Pos.Line, Col: u.Pos.Col,
		soon: c.opt.SoonWindow, internal: &Internal{},
	}
	if u.Location != nil {
		out.Location = &Location{Lat: u.Location.Lat, Lon: u.Location.Lon}
	}
	for _, r := range u.Recertified {
		out.Recertified = append(out.Recertified, r.t)
	}
	for _, f := range u.FormerNames {
		out.FormerNames = append(out.FormerNames, f.s)
	}
	for _, f := range u.FormerIDs {
		out.FormerIDs = append(out.FormerIDs, f.s)
	}
	for _, k := range u.Keywords {
		out.Keywords = append(out.Keywords, strings.TrimSpace(k.s))
	}
	rules := c.org.Rules
	lacks := Lacking{Line: u.Pos.Line}
	if u.Internal != nil {
		lacks.Line = at("internal").Line
	}
	if rules.MinParticipation > 0 && (u.Internal == nil || u.Internal.Participation == nil) {
		lacks.Participation = rules.MinParticipation
	}
	if rules.ManagerRequired && (u.Internal == nil || u.Internal.ManagerTookPart == nil) {
		lacks.Manager = true
	}
	if (lacks.Participation > 0 || lacks.Manager) && !inProgress {
		out.lacks = &lacks
	}
	if in := u.Internal; in != nil {
		out.internal = &Internal{
			Contact: in.Contact, ContactEmail: in.ContactEmail, ContactPhone: in.ContactPhone,
			ManagerTookPart: in.ManagerTookPart, Notes: in.Notes,
		}
		if in.GroupSize != nil {
			out.internal.GroupSize = *in.GroupSize
		}
		if in.Participation != nil {
			p := float64(*in.Participation)
			out.internal.Participation = &p
		}
	}
	return out
}

func (c *check) id(u *unitYAML, at func(string) yamldoc.Pos, failed func(string) bool) {
	example := "vardcentralen-exempelbacken"
	if s := slug.Make(u.Name); s != "" {
		example = s
	}
	_, given := u.Keys["id"]
	switch {
	case !given:
		c.errorf(u.Pos, RegIDMissing.With()).Tip(HintRegIDAdd.With(example))
	case u.ID == "" && !failed("id"):
		c.errorf(at("id"), RegIDEmpty.With()).Tip(HintRegIDWrite.With(example))
	case u.ID == "":
	case slug.Make(u.ID) != u.ID:
		e := c.errorf(at("id"), RegIDChars.With(u.ID))
		if s := slug.Make(u.ID); s != "" {
			e.Hint = HintRegWriteID.With(s)
		} else {
			e.Hint = HintRegIDFromName.With()
		}
	default:
		if m, hint := idProblem(u.ID, example); !m.IsZero() {
			c.errorf(at("id"), m).Tip(hint)
			return
		}
		c.claim(at("id"), u.ID, false)
	}
}

// MaxIDBytes is the longest id of a unit: it is a folder name of the
// published site (/verksamheter/<id>/), and with room for the folders
// around it every file system takes it.
const MaxIDBytes = 100

// ReservedIDs are the directory's own addresses under /verksamheter/
// (package directory): a unit with such an id would take their place.
var ReservedIDs = []string{"kommun", "typ", "under-diplomering"}

// idProblem returns what is wrong with the well-formed id (or former id)
// id, and the hint: too long, or one of ReservedIDs.
func idProblem(id, example string) (msg.Message, msg.Message) {
	switch {
	case len(id) > MaxIDBytes:
		short := strings.TrimRight(id[:MaxIDBytes], "-")
		if len(example) <= MaxIDBytes {
			short = example
		}
		return RegIDLong.With(len(id), MaxIDBytes), HintRegWriteID.With(short)
	case slices.Contains(ReservedIDs, id):
		if example != "" && example != id && len(example) <= MaxIDBytes && !slices.Contains(ReservedIDs, example) {
			return RegIDReserved.With(id), HintRegWriteID.With(example)
		}
		return RegIDReserved.With(id), HintRegIDReserved.With(id)
	}
	return msg.Message{}, msg.Message{}
}

// claim records id as used at pos, or reports where it was used before.
func (c *check) claim(pos yamldoc.Pos, id string, former bool) {
	if prev, ok := c.ids[id]; ok {
		key := RegIDUsed
		switch {
		case former && prev.former:
			key = RegFormerIDUsedAsFormer
		case former:
			key = RegFormerIDUsed
		case prev.former:
			key = RegIDUsedAsFormer
		}
		c.errorf(pos, key.With(id, prev.where)).
			Tip(HintRegIDUnique.With())
		return
	}
	c.ids[id] = idUse{where: fmt.Sprintf("%s:%d", c.d.Path, pos.Line), former: former}
}

func (c *check) kommun(u *unitYAML, pos yamldoc.Pos) {
	if k, ok := kommunSpelt()[u.Kommun]; ok {
		u.Kommun = k
		return
	}
	if k, ok := canonical(u.Kommun, Kommuner); ok {
		u.Kommun = k
		return
	}
	if k, ok := kommunName(u.Kommun); ok {
		c.errorf(pos, RegKommunSuffix.With(u.Kommun)).Tip(HintRegKommunWrite.With(k))
		return
	}
	e := c.errorf(pos, RegKommun.With(u.Kommun))
	if near := nearest(u.Kommun, Kommuner); near != "" {
		e.Hint = msg.HintDidYouMean.With(near)
	} else {
		e.Hint = HintRegKommun.With()
	}
}

// location checks that a unit's location lies in Sweden and within reach
// of its kommun's seat (see Kommun.Reach).
func (c *check) location(u *unitYAML, pos yamldoc.Pos) {
	l := u.Location
	coords := func(lat, lon float64) string {
		return strconv.FormatFloat(lat, 'f', -1, 64) + ", " + strconv.FormatFloat(lon, 'f', -1, 64)
	}
	if !inSweden(l.Lat, l.Lon) {
		e := c.errorf(pos, RegLocationOutside.With(l.written))
		if inSweden(l.Lon, l.Lat) {
			e.Hint = HintRegLocationSwapped.With(l.lon + ", " + l.lat)
		} else {
			e.Hint = HintRegLocationSweden.With()
		}
		return
	}
	k, ok := KommunOf(u.Kommun)
	if !ok {
		return // the kommun is reported
	}
	if d := Distance(l.Lat, l.Lon, k.Lat, k.Lon); d > k.Reach {
		c.errorf(pos, RegLocationFar.With(l.written, int(math.Round(d)), k.Seat, k.Name)).
			Tip(HintRegLocationFar.With(coords(k.Lat, k.Lon)))
	}
}

// webAddress checks an address for website or url_1177.
func (c *check) webAddress(pos yamldoc.Pos, key, s string) {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	whole := err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" &&
		strings.Contains(u.Hostname(), ".") && !strings.ContainsAny(s, " \t\"<>")
	switch {
	case !whole && hostFirst(s):
		c.errorf(pos, RegNotWebAddress.With(key, s)).Tip(HintRegStartHTTPS.With(s))
	case !whole:
		c.errorf(pos, RegNotWebAddress.With(key, s)).Tip(HintRegWebAddress.With())
	case key != "url_1177":
	case u.Hostname() != "www.1177.se" && u.Hostname() != "1177.se":
		c.errorf(pos, Reg1177Host.With(u.Hostname())).
			Tip(HintReg1177Host.With())
	case u.Scheme != "https":
		c.errorf(pos, Reg1177HTTPS.With()).Tip(HintReg1177HTTPS.With(strings.TrimPrefix(s, "http://")))
	}
}

// hostRE is compiled when first asked (an address without https:// is
// rare): its letter classes cost a quarter of a millisecond at every
// start of the program.
var hostRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[\p{L}0-9-]+(\.[\p{L}0-9-]+)+(/\S*)?$`) })

// hostFirst reports whether s looks like a web address without its
// https://: www.example.se or example.se/sida.
func hostFirst(s string) bool { return hostRE().MatchString(s) }

// hsaRE is compiled when first asked, for a unit with an HSA-id.
var hsaRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^SE\d{10}-[0-9A-Za-z]{1,20}$`) })

func (c *check) hsaID(pos yamldoc.Pos, s string) {
	if hsaRE().MatchString(s) {
		return
	}
	e := c.errorf(pos, RegHSA.With(s))
	if fixed := strings.ToUpper(strings.Join(strings.Fields(s), "")); hsaRE().MatchString(fixed) {
		e.Hint = HintRegHSAWrite.With(fixed)
	} else {
		e.Hint = HintRegHSA.With()
	}
}

func (c *check) dates(u *unitYAML, at func(string) yamldoc.Pos, failed func(string) bool) {
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	_, hasCertified := u.Keys["certified"]
	_, hasStarted := u.Keys["started"]
	switch {
	case hasCertified && u.Certified.IsZero() && !failed("certified"):
		c.errorf(at("certified"), yamldoc.YAMLEmpty.With("certified")).Tip(yamldoc.HintYAMLWriteValue.With("certified"))
	case !hasCertified && !hasStarted && !c.suggested("certified", u.Pos.Line):
		c.errorf(u.Pos, yamldoc.YAMLMissing.With("certified")).Tip(HintRegCertifiedOrStarted.With())
	case hasStarted && u.Started.IsZero() && !failed("started"):
		c.errorf(at("started"), yamldoc.YAMLEmpty.With("started")).Tip(yamldoc.HintYAMLWriteValue.With("started"))
	}
	if !u.Started.IsZero() {
		switch {
		case u.Started.After(c.today):
			c.errorf(at("started"), RegStartedFuture.With(day(u.Started), day(c.today))).
				Tip(HintRegStartedFuture.With())
		case !u.Certified.IsZero() && u.Started.After(u.Certified):
			c.errorf(at("started"), RegStartedAfter.With(day(u.Started), day(u.Certified))).
				Tip(HintRegStartedAfter.With())
		}
	}
	if u.Certified.IsZero() && hasStarted {
		if r, ok := u.Keys["recertified"]; ok {
			c.errorf(r, RegRecertifiedInProgress.With()).Tip(HintRegRecertifiedInProgress.With())
		}
	}
	if _, ok := u.Keys["progress"]; ok {
		switch {
		case !u.Certified.IsZero():
			c.errorf(at("progress"), RegProgressCertified.With()).Tip(HintRegProgressCertified.With())
		case strings.TrimSpace(u.Progress) == "" && !failed("progress"):
			c.errorf(at("progress"), yamldoc.YAMLEmpty.With("progress")).Tip(HintRegProgressEmpty.With())
		}
	}
	if !u.Certified.IsZero() && u.Certified.After(c.today) {
		c.errorf(at("certified"), RegCertifiedFuture.With(day(u.Certified), day(c.today))).
			Tip(HintRegCertifiedFuture.With())
	}
	prev := u.Certified
	for _, r := range u.Recertified {
		switch {
		case r.t.IsZero():
			continue // reported when decoding
		case r.t.After(c.today):
			c.errorf(r.pos, RegRecertifiedFuture.With(day(r.t), day(c.today))).
				Tip(HintRegRecertifiedFuture.With())
		case r.t.Equal(prev):
			c.errorf(r.pos, RegRecertifiedSame.With(day(r.t))).
				Tip(HintRegRecertifiedSame.With())
		case !prev.IsZero() && r.t.Before(prev):
			c.errorf(r.pos, RegRecertifiedOrder.With(day(r.t), day(prev))).
				Tip(HintRegRecertifiedOrder.With())
		}
		prev = r.t
	}
}

func (c *check) former(u *unitYAML) {
	for _, k := range u.Keywords {
		if strings.TrimSpace(k.s) == "" {
			c.errorf(k.pos, RegKeywordEmpty.With()).Tip(HintRegKeywordEmpty.With())
		}
	}
	for _, f := range u.FormerNames {
		if strings.TrimSpace(f.s) == "" {
			c.errorf(f.pos, RegFormerNameEmpty.With()).Tip(HintRegFormerNameEmpty.With())
		}
	}
	for _, f := range u.FormerIDs {
		switch {
		case f.s == "":
			c.errorf(f.pos, RegFormerIDEmpty.With()).Tip(HintRegFormerIDEmpty.With())
		case slug.Make(f.s) != f.s:
			c.errorf(f.pos, RegFormerIDChars.With(f.s)).
				Tip(HintRegFormerIDChars.With())
		case f.s == u.ID:
			c.errorf(f.pos, RegFormerIDOwn.With(f.s)).Tip(HintRegFormerIDOwn.With())
		case len(f.s) > MaxIDBytes || slices.Contains(ReservedIDs, f.s):
			m, _ := idProblem(f.s, "")
			c.errorf(f.pos, m).Tip(HintRegFormerIDOwn.With())
		default:
			c.claim(f.pos, f.s, true)
		}
	}
}

// internal checks a unit's internal block; a unit in progress
// (inProgress) is not held to the rules' minimums yet.
func (c *check) internal(in *internalYAML, block yamldoc.Pos, before int, inProgress bool) {
	// A value that could not be read has been reported, and is left zero.
	if c.failed(in.Keys, "group_size", before) {
		in.GroupSize = nil
	}
	if c.failed(in.Keys, "participation", before) {
		in.Participation = nil
	}
	if c.failed(in.Keys, "manager_took_part", before) {
		in.ManagerTookPart = nil
	}
	at := func(key string) yamldoc.Pos { return yamldoc.PosOf(in.Keys, key, block) }
	if s := in.ContactEmail; s != "" {
		a, err := mail.ParseAddress(s)
		if _, domain, _ := strings.Cut(s, "@"); err != nil || a.Address != s || !strings.Contains(domain, ".") {
			c.errorf(at("contact_email"), RegContactEmail.With(s)).
				Tip(HintRegContactEmail.With())
		}
	}
	if s := in.ContactPhone; s != "" {
		if _, err := swedish.ParsePhone(s); err != nil {
			c.errorf(at("contact_phone"), RegContactPhone.With(s)).
				Tip(HintRegContactPhone.With())
		}
	}
	if g := in.GroupSize; g != nil && (*g < 1 || *g > 1000) {
		c.errorf(at("group_size"), RegGroupSize.With(*g)).
			Tip(HintRegGroupSize.With())
	}
	rules := c.org.Rules
	if inProgress {
		return
	}
	if p := in.Participation; p != nil && rules.MinParticipation > 0 && float64(*p) < rules.MinParticipation {
		c.errorf(at("participation"), RegParticipation.With(number(float64(*p)), number(rules.MinParticipation))).
			Tip(HintRegParticipation.With())
	}
	if m := in.ManagerTookPart; m != nil && !*m && rules.ManagerRequired {
		c.errorf(at("manager_took_part"), RegManager.With()).
			Tip(HintRegManager.With())
	}
}

// number writes a percentage the Swedish way: 92,5.
func number(f float64) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', -1, 64), ".", ",", 1)
}
