// Package settings reads site.yaml, the settings of one site: its name,
// publisher, address, footer contact, and the programme's own words, rules,
// kinds of care, look and links (see package programme for those keys and
// their checks). Layouts see the settings as .Site.
package settings

import (
	"io/fs"
	"net/mail"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/programme"
	"github.com/hbtq-diplomering/webbplats/internal/registry"
	"github.com/hbtq-diplomering/webbplats/internal/search"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// File is the site's settings file at the site root.
const File = "site.yaml"

// Site is the content of site.yaml.
type Site struct {
	Title        string          `yaml:"title,required"`        // the site's name, in the header and <title>
	Organisation string          `yaml:"organisation,required"` // who publishes it
	Description  string          `yaml:"description"`           // the home page's meta description
	BaseURL      string          `yaml:"base_url"`              // https://… ; -base-url overrides it
	Contact      Contact         `yaml:"contact"`               // shown in every page's footer
	Search       search.Settings `yaml:"search"`                // the directory search's synonyms (see package search)
	CMS          CMS             `yaml:"cms"`                   // the editing tool at /admin/ (see package cms; its repo is checked there)
	Images       Images          `yaml:"images"`                // limits on the images the build reads

	// The region's own words, rules, kinds of care, look and links; see
	// package programme for each key and its checks.
	Programme          programme.Name         `yaml:"programme"`           // hbtq or hbtqi
	Rules              *registry.RuleSettings `yaml:"rules"`               // the default programme rules
	Kinds              programme.Kinds        `yaml:"kinds"`               // the kinds of care; the words file's when empty (see UseKinds)
	RegistrationButton string                 `yaml:"registration_button"` // a seminar's registration button
	LogoFile           string                 `yaml:"logo"`                // an SVG in static/
	Color              string                 `yaml:"color"`               // the brand colour, #rrggbb
	FooterLinks        []programme.Link       `yaml:"footer_links"`        // links in the footer
	Words              Words                  `yaml:"words"`               // the fixed words of the build's own pages, over layouts/words.yaml (see Words)

	// Dated are the sections whose pages are dated, as folders of
	// content/ (nyheter, om/rapporter): each page in them (not the section
	// page) must have date:, its publication date, which it shows and
	// lists show ("Publicerad 10 nov 2026"); their lists are newest first,
	// and their pages are the entries of the feed. [DefaultDated] when the
	// key is left out; dated: [] for none.
	Dated []string `yaml:"dated"`

	// StaleNotice makes a translation or easy-read version that is older
	// than its original say so at its top, with a link to the original
	// (see package site); the build notes such versions either way.
	StaleNotice bool `yaml:"stale_notice"`

	// Set by the build from the keys above.
	SiteRules registry.Rules     `yaml:"-"` // the rules: what a text may state
	Logo      *programme.Logo    `yaml:"-"` // nil without a logo
	Palette   *programme.Palette `yaml:"-"` // nil without a colour

	// Features holds the keys of site.yaml that the features read (see
	// feature.Feature.Site), undecoded; each feature decodes its own with
	// Features.Decode.
	Features yamldoc.Rest

	Keys map[string]yamldoc.Pos
}

// CMS says where the editing tool at /admin/ saves: without a repo the
// site has no /admin/.
type CMS struct {
	Repo   string `yaml:"repo"`   // the GitHub repository, owner/name
	Branch string `yaml:"branch"` // empty for the repository's default branch

	Keys map[string]yamldoc.Pos
}

// Images bounds the images the build reads (see package picture).
type Images struct {
	// MaxMegapixels is the largest image the build decodes, in millions
	// of pixels: 1 to 1000, default picture.DefaultMaxMegapixels (50).
	MaxMegapixels int `yaml:"max_megapixels"`

	Keys map[string]yamldoc.Pos
}

// Button returns the registration button's text: registration_button:,
// which the build sets to the site's word register when site.yaml does
// not say (see Words).
func (c *Site) Button() string { return c.RegistrationButton }

// Contact is the footer's contact line.
type Contact struct {
	Name  string `yaml:"name"`
	Email string `yaml:"email"`
	Phone string `yaml:"phone"`

	Keys map[string]yamldoc.Pos
}

// Load reads and checks site.yaml in fsys. It returns the settings (nil
// when the file cannot be read at all) and every problem found. features
// are the keys that the features read (see Site.Features).
func Load(fsys fs.FS, features ...string) (*Site, diag.List) {
	var cfg Site
	cfg.Features.Accept = features
	data, err := fs.ReadFile(fsys, File)
	if err != nil {
		var errs diag.List
		errs.At(File, 0, 0, SettingsMissing.With()).Tip(HintSettingsMissing.With())
		return nil, errs
	}
	dec := yamldoc.Decoder{Path: File}
	n, err := dec.Parse(data)
	if err != nil {
		dec.Errs.Add(err)
		return nil, dec.Errs
	}
	if n == nil {
		dec.Errs.At(File, 1, 1, SettingsEmpty.With()).Tip(HintSettingsEmpty.With())
		return nil, dec.Errs
	}
	dec.Decode(n, &cfg)
	dec.Errs = append(dec.Errs, cfg.Search.Problems(File, 0)...)
	if cfg.BaseURL != "" {
		if m := CheckBaseURL("base_url", cfg.BaseURL); !m.IsZero() {
			p := cfg.Keys["base_url"]
			dec.Errs.At(File, p.Line, p.Col, m).Tip(HintBaseURL.With())
		}
	}
	if ph := cfg.Contact.Phone; ph != "" {
		if _, err := swedish.ParsePhone(ph); err != nil {
			p := cfg.Contact.Keys["phone"]
			dec.Errs.At(File, p.Line, p.Col, SettingsContactPhone.With(err)).Tip(msg.HintContactPhone.With())
		}
	}
	if em := cfg.Contact.Email; em != "" && !isEmail(em) {
		p := cfg.Contact.Keys["email"]
		dec.Errs.At(File, p.Line, p.Col, SiteContactEmail.With(em)).Tip(msg.HintContactEmail.With())
	}
	if mp := cfg.Images.MaxMegapixels; mp != 0 && (mp < 1 || mp > 1000) {
		p := cfg.Images.Keys["max_megapixels"]
		dec.Errs.At(File, p.Line, p.Col, SettingsMegapixels.With(mp)).Tip(HintSettingsMegapixels.With())
	}
	programme.CheckName(cfg.Programme, cfg.Keys["programme"], &dec.Errs)
	cfg.SiteRules = cfg.Rules.Apply(registry.Rules{}, File, &dec.Errs)
	programme.CheckKinds(File, cfg.Kinds, &dec.Errs)
	if p, ok := cfg.Words.Keys["kinds"]; ok {
		// The words' kinds: are the theme's default; a site says its own
		// with kinds: (merge would not take a list of kinds over).
		dec.Errs.At(File, p.Line, p.Col, WordsKindsInSite.With()).Tip(HintWordsKindsInSite.With())
	}
	programme.CheckLinks(cfg.FooterLinks, &dec.Errs)
	cfg.Dated = checkDated(fsys, cfg.Dated, cfg.Keys, &dec.Errs)
	if cfg.LogoFile != "" {
		if l, ok := programme.CheckLogo(fsys, cfg.LogoFile, cfg.Keys["logo"], &dec.Errs); ok {
			cfg.Logo = &l
		}
	}
	if cfg.Color != "" {
		css, _ := fs.ReadFile(fsys, "layouts/assets/style.css")
		if p, ok := programme.CheckColor(cfg.Color, cfg.Keys["color"], programme.BaseFromCSS(css), &dec.Errs); ok {
			cfg.Palette = &p
		}
	}
	return &cfg, dec.Errs
}

// UseKinds gives a site whose site.yaml names no kinds of care the words
// file's kinds: (w.Kinds, the theme's default list), checked there; a
// words file without them is an error at its start.
func (c *Site) UseKinds(w *Words) diag.List {
	var errs diag.List
	if len(c.Kinds) > 0 {
		return errs
	}
	if len(w.Kinds) == 0 {
		errs.At(WordsFile, 1, 1, WordsNoKinds.With()).Tip(HintWordsNoKinds.With())
		return errs
	}
	programme.CheckKinds(WordsFile, w.Kinds, &errs)
	c.Kinds = w.Kinds
	return errs
}

// DefaultDated are the dated sections of a site.yaml without dated:.
var DefaultDated = []string{"nyheter"}

// checkDated returns the dated sections as folders of content/ without
// slashes around them, DefaultDated when the key is left out, and
// reports, at the key's line, a folder that is not a folder of content/.
func checkDated(fsys fs.FS, dirs []string, keys map[string]yamldoc.Pos, errs *diag.List) []string {
	p, given := keys["dated"]
	if !given {
		return DefaultDated
	}
	out := []string{}
	for _, d := range dirs {
		clean := strings.Trim(strings.TrimPrefix(strings.Trim(d, "/"), "content/"), "/")
		if st, err := fs.Stat(fsys, path.Join("content", clean)); clean == "" || !fs.ValidPath(clean) || err != nil || !st.IsDir() {
			errs.At(File, p.Line, p.Col, SettingsDatedNoFolder.With(d)).Tip(HintSettingsDated.With())
			continue
		}
		out = append(out, clean)
	}
	return out
}

// isEmail reports whether s is an e-mail address alone: a name, an @ and
// a domain with a dot, as the footer's mailto: link needs it.
func isEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndex(s, "@")+1:], ".")
}

// CheckBaseURL returns what is wrong with u as the site's address, written
// under name (base_url, -base-url), or the zero Message.
func CheckBaseURL(name, u string) msg.Message {
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" || (pu.Scheme != "https" && pu.Scheme != "http") {
		return BaseURLWhole.With(name)
	}
	if pu.RawQuery != "" || pu.Fragment != "" || strings.Trim(pu.Path, "/") != "" {
		return BaseURLOnly.With(name)
	}
	return msg.Message{}
}

// SearchSettings returns, for both searches (the directory's and the
// site search), the search: block of site.yaml with the kinds'
// synonyms added (each synonym of a kind finds the kind by its name and
// its label) and the programme's own words as noise words (hbtqi,
// hbtqi-diplomerad, …: every unit is certified, so they find nothing).
func (cfg *Site) SearchSettings() search.Settings {
	s := cfg.Search
	s.Synonyms = slices.Clone(s.Synonyms)
	p := cfg.Programme.Or()
	s.Noise = append(slices.Clone(s.Noise), string(p), p.Diplomering(), p.Diplomerad(), p.Diplomerade())
	for _, k := range cfg.Kinds {
		for _, w := range k.Synonyms {
			exp := []string{k.Name}
			if k.Shown() != swedish.UpperFirst(k.Name) {
				exp = append(exp, k.Shown())
			}
			s.Synonyms = append(s.Synonyms, search.Synonym{Key: w, Expansion: exp})
		}
	}
	return s
}
