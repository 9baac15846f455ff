// Package contact reads the site's contacts, content/kontakter.yaml, which
// any page can show by id (contacts: [hbtq-team]).
//
//	contacts:
//	  - id: hbtq-team                        # required; a slug
//	    mailbox: Hbtq-diplomering             # a functional mailbox (preferred) …
//	    name: Kim Exempelsson                 # … or a person, with a role
//	    role: Hälsoutvecklare
//	    organisation: Region Mittland
//	    email: hbtq.diplomering@mittland.example.se
//	    phone: 010-123 45 00                  # a Swedish number, any usual way
//	    note: Vi svarar inom tre arbetsdagar.
//
// An entry needs a mailbox or a name, and an e-mail address or a phone
// number. Phone numbers are shown the Swedish way (010-123 45 00) and
// linked as tel:+46101234500. E-mail addresses are plain mailto: links.
package contact

import (
	"io/fs"
	"net/mail"
	"strings"

	"hbtq/internal/diag"
	"hbtq/internal/slug"
	"hbtq/internal/swedish"
	"hbtq/internal/yamldoc"
)

// File is where the contacts are kept, relative to the site root.
const File = "content/kontakter.yaml"

// Contact is one entry.
type Contact struct {
	ID           string `yaml:"id,required"`
	Mailbox      string `yaml:"mailbox"`
	Name         string `yaml:"name"`
	Role         string `yaml:"role"`
	Organisation string `yaml:"organisation"`
	Email        string `yaml:"email"`
	PhoneText    string `yaml:"phone"`
	Note         string `yaml:"note"`

	Phone string `yaml:"-"` // as shown: 010-123 45 00
	Tel   string `yaml:"-"` // for tel: links: +46101234500

	Pos  yamldoc.Pos
	Keys map[string]yamldoc.Pos
}

// Title returns the mailbox or the person's name.
func (c *Contact) Title() string {
	if c.Mailbox != "" {
		return c.Mailbox
	}
	return c.Name
}

// Book is every contact by id.
type Book struct {
	List []*Contact
	byID map[string]*Contact
}

// Get returns the contact with id.
func (b *Book) Get(id string) (*Contact, bool) {
	c, ok := b.byID[id]
	return c, ok
}

// Resolve returns the contacts named by ids, reporting unknown ones at pos
// in the file at path.
func (b *Book) Resolve(path string, line, col int, ids []string) ([]*Contact, diag.List) {
	var out []*Contact
	var errs diag.List
	var known []string
	for _, c := range b.List {
		known = append(known, c.ID)
	}
	for _, id := range ids {
		c, ok := b.byID[id]
		if !ok {
			e := errs.Addf(path, line, col, "there is no contact %q in %s", id, File)
			if near := diag.Closest(id, known); near != "" {
				e.Hint = "did you mean " + near + "?"
			} else if len(known) > 0 {
				e.Hint = "known contacts: " + strings.Join(known, ", ")
			} else {
				e.Hint = "add it to " + File
			}
			continue
		}
		out = append(out, c)
	}
	return out, errs
}

type file struct {
	Contacts []*Contact `yaml:"contacts,required"`
}

// Load reads File from fsys. A missing file is an empty book.
func Load(fsys fs.FS) (*Book, error) {
	b := &Book{byID: map[string]*Contact{}}
	data, err := fs.ReadFile(fsys, File)
	if err != nil {
		return b, nil
	}
	d := &yamldoc.Decoder{Path: File}
	n, err := d.Parse(data)
	if err != nil {
		return b, err
	}
	if n == nil {
		return b, nil
	}
	var f file
	d.Decode(n, &f)
	for _, c := range f.Contacts {
		if c == nil {
			continue
		}
		at := func(k string) (int, int) {
			if p, ok := c.Keys[k]; ok {
				return p.Line, p.Col
			}
			return c.Pos.Line, c.Pos.Col
		}
		if c.ID != "" && slug.Make(c.ID) != c.ID {
			l, col := at("id")
			d.Errs.Addf(File, l, col, "id %q may hold only a–z, 0–9 and hyphens", c.ID).WithHint("write id: %s", slug.Make(c.ID))
		}
		if prev, dup := b.byID[c.ID]; dup && c.ID != "" {
			l, col := at("id")
			d.Errs.Addf(File, l, col, "the contact %s is already on line %d", c.ID, prev.Pos.Line)
		}
		if c.Mailbox == "" && c.Name == "" {
			d.Errs.Addf(File, c.Pos.Line, c.Pos.Col, "the contact %s has neither mailbox nor name", c.ID).WithHint("add mailbox: for a functional mailbox, or name: and role: for a person")
		}
		if c.Email == "" && c.PhoneText == "" {
			d.Errs.Addf(File, c.Pos.Line, c.Pos.Col, "the contact %s has neither email nor phone", c.ID)
		}
		if c.Email != "" {
			if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email || !strings.Contains(c.Email[strings.LastIndex(c.Email, "@")+1:], ".") {
				l, col := at("email")
				d.Errs.Addf(File, l, col, "email %q is not an e-mail address", c.Email).WithHint("write it like hbtq.diplomering@region.example.se")
			}
		}
		if c.PhoneText != "" {
			p, err := swedish.ParsePhone(c.PhoneText)
			if err != nil {
				l, col := at("phone")
				d.Errs.Addf(File, l, col, "phone: %v", err).WithHint("write a Swedish number like 010-123 45 00 or +46 10 123 45 00")
			} else {
				c.Phone, c.Tel = p.String(), p.E164()
			}
		}
		b.List = append(b.List, c)
		b.byID[c.ID] = c
	}
	return b, d.Errs.Err()
}
