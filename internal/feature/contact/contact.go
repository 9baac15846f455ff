// Package contact reads the site's contacts, content/kontakter.yaml, which
// any page can show by id. It is a feature of the engine ([Feature], see
// package feature): a page's layout sees its contacts as .Feature "contacts".
//
// # The file
//
//	contacts:
//	  - id: hbtq-team                         # required; a–z, 0–9 and hyphens
//	    mailbox: Hbtq-diplomering             # a functional mailbox (preferred) …
//	    organisation: Region Mittland
//	    email: hbtq.diplomering@mittland.example.se
//	    phone: 010-123 45 00                  # a Swedish number, written any usual way
//	    note: Vi svarar inom tre arbetsdagar.
//	  - id: kim-exempelsson
//	    name: Kim Exempelsson                 # … or a person, with a role
//	    role: Hälsoutvecklare
//	    organisation: Region Mittland
//	    email: kim.exempelsson@mittland.example.se
//
// Each entry is a functional mailbox (mailbox:) or a person (name: and
// role:), not both, and has an e-mail address, a phone number or both.
// Unknown keys, an id given twice, an e-mail address that is not one and a
// phone number that cannot be Swedish are errors at their line. A site
// without the file has no contacts.
//
// # Pages
//
// A page lists the contacts it shows by id in its front matter:
//
//	contacts: [hbtq-team, kim-exempelsson]
//
// [Book.Resolve] turns the ids into contacts; an unknown id is an error at
// the page's contacts: line, with the closest id as a suggestion.
//
// # Showing a contact
//
// [Contact.Title] is the mailbox or the person's name. Phone is the number
// the Swedish way ("010-123 45 00", with no-break spaces) and Tel the same
// number for a tel: link ("+46101234500", E.164). E-mail addresses are
// shown as they are, as plain mailto: links.
package contact

import (
	"io/fs"
	"net/mail"
	"reflect"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/slug"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// File is where the contacts are kept, relative to the site root.
const File = "content/kontakter.yaml"

// Contact is one entry of the file.
type Contact struct {
	ID           string `yaml:"id,required"`
	Mailbox      string `yaml:"mailbox"`      // the name of a functional mailbox
	Name         string `yaml:"name"`         // a person's name
	Role         string `yaml:"role"`         // the person's role
	Organisation string `yaml:"organisation"` // "Region Mittland"
	Email        string `yaml:"email"`
	PhoneText    string `yaml:"phone"` // as written in the file
	Note         string `yaml:"note"`  // one line shown with the contact

	Phone string `yaml:"-"` // set by Load: as shown, "010-123 45 00" (no-break spaces)
	Tel   string `yaml:"-"` // set by Load: for tel: links, "+46101234500"

	Pos  yamldoc.Pos            // where the entry is written
	Keys map[string]yamldoc.Pos // where each of its values is
}

// Title returns the mailbox or the person's name: the contact's heading.
func (c *Contact) Title() string {
	if c.Mailbox != "" {
		return c.Mailbox
	}
	return c.Name
}

// Book is every contact of the file.
type Book struct {
	List []*Contact // in the order of the file
	byID map[string]*Contact
}

// Get returns the contact with id, and whether there is one.
func (b *Book) Get(id string) (*Contact, bool) {
	c, ok := b.byID[id]
	return c, ok
}

// Resolve returns the contacts named by ids, in their order and each once.
// An unknown id is an error at path:line:col (the page's contacts: key),
// with the closest known id, or the known ids, as a hint.
func (b *Book) Resolve(path string, line, col int, ids []string) ([]*Contact, diag.List) {
	var out []*Contact
	var errs diag.List
	var known []string
	for _, c := range b.List {
		known = append(known, c.ID)
	}
	done := map[string]bool{}
	for _, id := range ids {
		if done[id] {
			continue
		}
		done[id] = true
		c, ok := b.byID[id]
		if !ok {
			e := errs.At(path, line, col, ContactUnknown.With(id, File))
			if near := diag.Closest(id, known); near != "" {
				e.Hint = msg.HintDidYouMean.With(near)
			} else if len(known) > 0 {
				e.Hint = HintContactKnown.With(strings.Join(known, ", "))
			} else {
				e.Hint = HintContactAdd.With(File)
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

// FileType is the type File is decoded into (by package yamldoc). Package
// cms reads its keys to describe the file to the CMS.
var FileType = reflect.TypeFor[file]()

// Load reads File from fsys, the site root, and checks every entry by the
// rules in the package comment. A site without the file has an empty book.
// The error, when not nil, is a diag.List of every problem; the book then
// holds the entries that could be read.
func Load(fsys fs.FS) (*Book, error) {
	b := &Book{byID: map[string]*Contact{}}
	d := &yamldoc.Decoder{Path: File}
	n, err := d.ReadFile(fsys)
	if err != nil || n == nil {
		return b, err
	}
	var f file
	d.Decode(n, &f)
	for _, c := range f.Contacts {
		if c == nil {
			continue
		}
		at := func(k string) (int, int) { p := yamldoc.PosOf(c.Keys, k, c.Pos); return p.Line, p.Col }
		if c.ID != "" && slug.Make(c.ID) != c.ID {
			l, col := at("id")
			d.Errs.At(File, l, col, ContactIDChars.With(c.ID)).Tip(HintContactWriteID.With(slug.Make(c.ID)))
		}
		if prev, dup := b.byID[c.ID]; dup && c.ID != "" {
			l, col := at("id")
			d.Errs.At(File, l, col, ContactTwice.With(c.ID, prev.Pos.Line)).Tip(HintContactTwice.With())
		}
		switch {
		case c.Mailbox == "" && c.Name == "":
			d.Errs.At(File, c.Pos.Line, c.Pos.Col, ContactNeither.With(c.ID)).Tip(HintContactNeither.With())
		case c.Mailbox != "" && c.Name != "":
			l, col := at("name")
			d.Errs.At(File, l, col, ContactBoth.With(c.ID)).Tip(HintContactBoth.With())
		case c.Name != "" && c.Role == "":
			d.Errs.At(File, c.Pos.Line, c.Pos.Col, ContactNoRole.With(c.ID)).Tip(HintContactNoRole.With())
		}
		if c.Email == "" && c.PhoneText == "" {
			d.Errs.At(File, c.Pos.Line, c.Pos.Col, ContactNoWay.With(c.ID)).Tip(HintContactNoWay.With())
		}
		if c.Email != "" {
			if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email || !strings.Contains(c.Email[strings.LastIndex(c.Email, "@")+1:], ".") {
				l, col := at("email")
				d.Errs.At(File, l, col, ContactEmail.With(c.Email)).Tip(msg.HintContactEmail.With())
			}
		}
		if c.PhoneText != "" {
			p, err := swedish.ParsePhone(c.PhoneText)
			if err != nil {
				l, col := at("phone")
				d.Errs.At(File, l, col, ContactPhone.With(err)).Tip(msg.HintContactPhone.With())
			} else {
				c.Phone, c.Tel = p.String(), p.E164()
			}
		}
		b.List = append(b.List, c)
		if _, dup := b.byID[c.ID]; !dup {
			b.byID[c.ID] = c
		}
	}
	return b, d.Errs.Err()
}
