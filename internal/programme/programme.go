// Package programme holds what a region says its own way about its
// programme, as written in site.yaml, and checks it. Layouts and Go code take
// every region-specific word, rule, colour and link from here; none is fixed
// in the engine.
//
// # Settings in site.yaml
//
//	programme: hbtqi                  # the programme's word: hbtq (default) or hbtqi
//	rules:                            # optional; a rule that is not set is stated nowhere
//	  validity_years: 4               #   a certificate is valid this many years (1–20)
//	  min_participation: 90           #   percent of the work group that must take part
//	  manager_required: true          #   the nearest manager must take part
//	kinds:                            # the kinds of care; the defaults when left out
//	  - name: vårdcentral             #   as written in the unit registries (kind:)
//	    label: Hälsocentral           #   as shown; the name with a capital when left out
//	    synonyms: [husläkare]         #   more words the directory's search finds it by
//	  - name: studenthälsa
//	registration_button: Anmäl dig    # the text of a seminar's registration button
//	logo: logo.svg                    # an SVG file in static/, shown in the header
//	color: "#3d1e63"                  # the brand colour: header, buttons, links
//	footer_links:                     # links in the footer, in this order
//	  - text: Tillgänglighetsredogörelse
//	    url: /tillganglighet/
//	search:                           # the search's own synonyms: see package search
//	  synonyms: {vc: [vårdcentral]}
//
// # Checks
//
// Every problem is reported at its line in site.yaml with a hint: a
// programme word that is not a lowercase word like hbtq or hbtqi; a kind
// named twice or with a name that is not lowercase; a logo that is not an
// SVG file in static/ or has no size; a colour that is not #rrggbb, or that
// would give text, links or buttons a contrast below 4.5:1 against the
// backgrounds the stylesheet uses (WCAG 2.2, 1.4.3), with a darker colour
// that passes as the hint; a footer link without text or with an address
// that is neither a path on the site (/…) nor https://, mailto: or tel:.
// The rules are checked by package registry (see [registry.RuleSettings]).
package programme

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// File is the settings file the positions refer to.
const File = "site.yaml"

// Name is the programme's word as the region writes it: "hbtq" or
// "hbtqi". Its methods give the words the layouts and the engine use.
type Name string

// DefaultName is the word when site.yaml names none.
const DefaultName Name = "hbtq"

// Or returns n, or DefaultName when n is empty.
func (n Name) Or() Name {
	if n == "" {
		return DefaultName
	}
	return n
}

// Diplomering returns "hbtq-diplomering".
func (n Name) Diplomering() string { return string(n.Or()) + "-diplomering" }

// Diplomerad returns "hbtq-diplomerad".
func (n Name) Diplomerad() string { return string(n.Or()) + "-diplomerad" }

// Diplomerade returns "hbtq-diplomerade".
func (n Name) Diplomerade() string { return string(n.Or()) + "-diplomerade" }

var nameRE = regexp.MustCompile(`^[a-zåäö]{2,12}\+?$`)

// CheckName reports a programme word that cannot be used.
func CheckName(n Name, at yamldoc.Pos, errs *diag.List) {
	if n == "" || nameRE.MatchString(string(n)) {
		return
	}
	e := errs.At(File, at.Line, at.Col, msg.ProgName.With(string(n)))
	if l := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(string(n)), "-diplomering")); nameRE.MatchString(l) {
		e.Tip(msg.HintProgNameWrite.With(l))
	} else {
		e.Tip(msg.HintProgName.With())
	}
}

// UpperFirst returns s with its first letter a capital: "Hbtq-diplomerad".
func UpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Link is one link of the footer.
type Link struct {
	Text string `yaml:"text,required"`
	URL  string `yaml:"url,required"`
	Pos  yamldoc.Pos
	Keys map[string]yamldoc.Pos
}

// CheckLinks reports footer links whose address cannot work.
func CheckLinks(links []Link, errs *diag.List) {
	for _, l := range links {
		if l.URL == "" {
			continue // reported as empty
		}
		p := l.Keys["url"]
		u := l.URL
		switch {
		case strings.HasPrefix(u, "//"):
			errs.At(File, p.Line, p.Col, msg.ProgLinkNoScheme.With(u)).Tip(msg.HintProgLinkNoScheme.With(u))
		case strings.HasPrefix(u, "/"), strings.HasPrefix(u, "https://"), strings.HasPrefix(u, "http://"),
			strings.HasPrefix(u, "mailto:"), strings.HasPrefix(u, "tel:"):
			if strings.ContainsAny(u, " \t") {
				errs.At(File, p.Line, p.Col, msg.ProgLinkSpace.With(u)).Tip(msg.HintProgLinkSpace.With())
			}
		default:
			errs.At(File, p.Line, p.Col, msg.ProgLinkNeither.With(u)).
				Tip(msg.HintProgLinkNeither.With())
		}
	}
}

// Button is the default text of a seminar's registration button.
const Button = "Anmäl dig"

// ButtonOr returns s, or Button when s is empty.
func ButtonOr(s string) string {
	if strings.TrimSpace(s) == "" {
		return Button
	}
	return s
}

// hint formats a hint for errors built by hand.
