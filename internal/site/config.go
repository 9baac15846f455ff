package site

import (
	"io/fs"
	"net/url"
	"strings"

	"hbtq/internal/cms"
	"hbtq/internal/diag"
	"hbtq/internal/search"
	"hbtq/internal/swedish"
	"hbtq/internal/yamldoc"
)

// ConfigFile is the site's settings file at the site root.
const ConfigFile = "site.yaml"

// Config is the content of site.yaml.
type Config struct {
	Title        string          `yaml:"title,required"`        // the site's name, in the header and <title>
	Organisation string          `yaml:"organisation,required"` // who publishes it
	Description  string          `yaml:"description"`           // the home page's meta description
	BaseURL      string          `yaml:"base_url"`              // https://… ; -base-url overrides it
	Contact      Contact         `yaml:"contact"`               // shown in every page's footer
	Search       search.Settings `yaml:"search"`                // the directory search's synonyms (see package search)
	CMS          CMS             `yaml:"cms"`                   // the editing tool at /admin/ (see package cms)

	Keys map[string]yamldoc.Pos
}

// CMS says where the editing tool at /admin/ saves: without a repo the
// site has no /admin/.
type CMS struct {
	Repo   string `yaml:"repo"`   // the GitHub repository, owner/name
	Branch string `yaml:"branch"` // empty for the repository's default branch

	Keys map[string]yamldoc.Pos
}

// Contact is the footer's contact line.
type Contact struct {
	Name  string `yaml:"name"`
	Email string `yaml:"email"`
	Phone string `yaml:"phone"`
}

func loadConfig(fsys fs.FS) (*Config, diag.List) {
	var cfg Config
	data, err := fs.ReadFile(fsys, ConfigFile)
	if err != nil {
		var errs diag.List
		errs.Addf(ConfigFile, 0, 0, "the site settings file is missing").WithHint("create site.yaml with at least title: and organisation:")
		return nil, errs
	}
	dec := yamldoc.Decoder{Path: ConfigFile}
	n, err := dec.Parse(data)
	if err != nil {
		dec.Errs.Add(err)
		return nil, dec.Errs
	}
	if n == nil {
		dec.Errs.Addf(ConfigFile, 1, 1, "the file is empty").WithHint("write at least title: and organisation:")
		return nil, dec.Errs
	}
	dec.Decode(n, &cfg)
	dec.Errs = append(dec.Errs, cfg.Search.Problems(ConfigFile, 0)...)
	if cfg.BaseURL != "" {
		if msg := checkBaseURL(cfg.BaseURL); msg != "" {
			p := cfg.Keys["base_url"]
			dec.Errs.Addf(ConfigFile, p.Line, p.Col, "base_url %s", msg).WithHint("write it like https://hbtq.example.se")
		}
	}
	if r := cfg.CMS.Repo; r != "" {
		if msg := cms.CheckRepo(r); msg != "" {
			p := cfg.CMS.Keys["repo"]
			dec.Errs.Addf(ConfigFile, p.Line, p.Col, "cms: repo %s", msg)
		}
	}
	if ph := cfg.Contact.Phone; ph != "" {
		if _, err := swedish.ParsePhone(ph); err != nil {
			dec.Errs.Addf(ConfigFile, 0, 0, "contact phone: %v", err).WithHint("write a Swedish number like 010-123 45 00")
		}
	}
	return &cfg, dec.Errs
}

// checkBaseURL returns what is wrong with u as the site's address, or "".
func checkBaseURL(u string) string {
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" || (pu.Scheme != "https" && pu.Scheme != "http") {
		return "must be a whole address starting with https://"
	}
	if pu.RawQuery != "" || pu.Fragment != "" || strings.Trim(pu.Path, "/") != "" {
		return "must be the site's address only, with no path, ? or #"
	}
	return ""
}
