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
// that is neither a path on the site (/…) nor https://, mailto: with an
// e-mail address or tel: with a number in E.164 form (tel:+46101234500); an
// address with http:// (the hint gives it with https://), spaces or a line
// break. A footer link's address renders exactly as written in every
// layout: CheckLinks marks each address it accepts safe (Link.URL), so
// html/template does not filter tel: and mailto:.
// The rules are checked by package registry (see [registry.RuleSettings]).
package programme

import (
	"html/template"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
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
	e := errs.At(File, at.Line, at.Col, ProgName.With(string(n)))
	if l := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(string(n)), "-diplomering")); nameRE.MatchString(l) {
		e.Tip(HintProgNameWrite.With(l))
	} else {
		e.Tip(HintProgName.With())
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
	// Address is the address as written in site.yaml (url:).
	Address string `yaml:"url,required"`
	// URL is the address once CheckLinks has accepted it, marked safe for
	// html/template: layouts write it as it is ({{.URL}}), so a tel: or
	// mailto: link is not filtered to #ZgotmplZ. It is empty for an address
	// that was refused (the build then fails at its line in site.yaml).
	URL  template.URL `yaml:"-"`
	Pos  yamldoc.Pos
	Keys map[string]yamldoc.Pos
}

// IsPhone reports whether s is a phone number in E.164 form, as a tel:
// link holds it: what `^\+[1-9][0-9]{6,14}$` matches, without a regular
// expression compiled when a program starts (FuzzIsPhone holds it to
// that).
func IsPhone(s string) bool {
	if len(s) < 8 || len(s) > 16 || s[0] != '+' || s[1] < '1' || s[1] > '9' {
		return false
	}
	for i := 2; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// IsEmail reports whether s is an e-mail address that can exist, as a
// mailto: link holds it: what
// `^[^\s@<>()\[\],;:"]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$`
// matches (a name, @, and two or more parts of letters, digits and -
// with dots between, the last of two letters or more), without a regular
// expression compiled when a program starts (FuzzIsEmail holds it to
// that).
func IsEmail(s string) bool {
	name, domain, ok := strings.Cut(s, "@")
	if !ok || name == "" || strings.ContainsAny(name, " \t\n\f\r<>()[],;:\"") {
		return false
	}
	last, dot := "", strings.LastIndexByte(domain, '.')
	if dot < 0 {
		return false
	}
	domain, last = domain[:dot], domain[dot+1:]
	for part := range strings.SplitSeq(domain, ".") {
		if part == "" || strings.ContainsFunc(part, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '-' }) {
			return false
		}
	}
	return utf8.RuneCountInString(last) >= 2 && !strings.ContainsFunc(last, func(r rune) bool { return !unicode.IsLetter(r) })
}

// CheckLinks checks every footer link's address and, for each address it
// accepts, sets URL: the one place where a setting's address is marked
// safe for the layouts. It accepts a page of the site (/tillganglighet/),
// a whole https:// address, mailto: with an e-mail address and tel: with a
// number in E.164 form (tel:+46101234500), each without spaces or line
// breaks; anything else is reported at its line in site.yaml, so that no
// layout ever gets an address the content rules would refuse on every page.
func CheckLinks(links []Link, errs *diag.List) {
	for i := range links {
		l := &links[i]
		l.URL = ""
		if l.Address == "" {
			continue // reported as empty
		}
		p := l.Keys["url"]
		u := l.Address
		at := func(m msg.Message, hint msg.Message) { errs.At(File, p.Line, p.Col, m).Tip(hint) }
		if strings.ContainsFunc(u, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			at(ProgLinkLineBreak.With(u), HintProgLinkLineBreak.With())
			continue
		}
		switch {
		case strings.HasPrefix(u, "//"):
			at(ProgLinkNoScheme.With(u), HintProgLinkNoScheme.With(u))
			continue
		case strings.HasPrefix(u, "http://"):
			at(ProgLinkHTTP.With(u), HintProgLinkHTTP.With("https://"+strings.TrimPrefix(u, "http://")))
			continue
		case strings.HasPrefix(u, "mailto:"), strings.HasPrefix(u, "tel:"):
			// checked below
		case strings.HasPrefix(u, "/"), strings.HasPrefix(u, "https://"):
			if strings.ContainsAny(u, " \u00a0") {
				at(ProgLinkSpace.With(u), HintProgLinkSpace.With())
				continue
			}
		default:
			at(ProgLinkNeither.With(u), HintProgLinkNeither.With())
			continue
		}
		switch {
		case u == "https://" || strings.HasPrefix(u, "https:///"):
			at(ProgLinkNeither.With(u), HintProgLinkNeither.With())
			continue
		case strings.HasPrefix(u, "mailto:"):
			if a := strings.TrimPrefix(u, "mailto:"); !IsEmail(a) {
				at(ProgLinkMailto.With(u), HintProgLinkMailto.With())
				continue
			}
		case strings.HasPrefix(u, "tel:"):
			if n := strings.TrimPrefix(u, "tel:"); !IsPhone(n) {
				hint := HintProgLinkTel.With()
				if ph, err := swedish.ParsePhone(n); err == nil {
					hint = HintProgLinkTelWrite.With(ph.E164())
				}
				at(ProgLinkTel.With(u), hint)
				continue
			}
		}
		l.URL = template.URL(u)
	}
}

// hint formats a hint for errors built by hand.
