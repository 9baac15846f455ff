package opendata

import (
	"reflect"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// siteYAML is the feature's part of site.yaml:
//
//	open_data:
//	  licence: CC0          # CC0 (the default) or CC BY 4.0
type siteYAML struct {
	OpenData *Settings `yaml:"open_data"`
}

// Settings is open_data: in site.yaml.
type Settings struct {
	Licence string `yaml:"licence"`
	Keys    map[string]yamldoc.Pos
}

// Licence is a licence the data can be published under.
type Licence struct {
	Name        string // as site.yaml writes it, and its key in the site's words licences: "CC0"
	URL         string // as DCAT-AP-SE names it
	Attribution bool   // a reuser must name the publisher
}

// Licences are the licences open_data: licence: may name; the first is the
// default. The page names each one with the site's word for it
// (settings.Words.Licences: "CC0 1.0 Universell").
var Licences = []Licence{
	{Name: "CC0", URL: CC0},
	{Name: "CC BY 4.0", URL: "http://creativecommons.org/licenses/by/4.0/", Attribution: true},
}

var siteType = reflect.TypeFor[siteYAML]()

// licenceOf reads open_data: of cfg and returns the licence, reporting a
// licence it does not know in errs.
func licenceOf(cfg *settings.Site, errs *diag.List) Licence {
	var s siteYAML
	*errs = append(*errs, cfg.Features.Decode(&s)...)
	if s.OpenData == nil || s.OpenData.Licence == "" {
		return Licences[0]
	}
	norm := func(x string) string {
		return strings.NewReplacer("-", "", " ", "", ".0", "", "1.0", "").Replace(strings.ToLower(x))
	}
	var names []string
	for _, l := range Licences {
		if norm(l.Name) == norm(s.OpenData.Licence) {
			return l
		}
		names = append(names, l.Name)
	}
	p := yamldoc.PosOf(s.OpenData.Keys, "licence", yamldoc.Pos{})
	errs.At(settings.File, p.Line, p.Col, ErrLicence.With(s.OpenData.Licence)).Tip(HintLicence.With(strings.Join(names, " eller ")))
	return Licences[0]
}
