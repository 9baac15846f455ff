// Package statement makes the site's accessibility statement
// (tillgänglighetsredogörelse) from checked data, and lets any page or
// document declare that it is not accessible. It is a feature of the
// engine ([Feature], see package feature).
//
// Swedish public-sector sites must publish a statement with the items that
// DIGG (Myndigheten för digital förvaltning) requires under the DOS-lagen
// (lagen om tillgänglighet till digital offentlig service): who publishes
// it, which service it covers, whether the service is fully, partly or not
// compliant, what is not accessible and why, the exemptions claimed, how
// and when the service was assessed, when the statement was last updated,
// how to give feedback and ask for content in another form, and the way to
// DIGG's report form. Here these items are front-matter keys, checked when
// the site is built, and the page is generated from them in the order of
// DIGG's model statement; the page's Markdown is free text that the layout
// places among them.
//
// # The statement page
//
// The page whose front matter has statement: is the statement; it gets the
// layout "statement" unless it names another:
//
//	statement:
//	  publisher: Region Mittland           # required: who is responsible
//	  service: hbtq.mittland.example.se     # required: the website it covers
//	  status: delvis                        # required: helt, delvis or inte (förenlig)
//	  standard: WCAG 2.1 nivå AA            # what it is measured against; the word standard of layouts/words.yaml when left out
//	  assessed: 2026-11-20                  # required: the day of the last assessment
//	  updated: 2026-11-20                   # required: the day the statement was last updated
//	  published: 2026-11-01                 # the day the website was published
//	  method: Egen granskning med …         # required: how it was assessed
//	  feedback:                             # required: email, phone or both
//	    email: tillganglighet@example.se
//	    phone: 010-123 45 00
//	    response: inom fem arbetsdagar      # how soon a reader gets an answer
//	  shortcomings:                         # content that is not accessible, besides
//	    - what: Sökfunktionen …             #   the documents and pages marked below
//	      reason: …                         # required
//	      fix_by: 2027-03-31                # the day it is planned to be accessible
//	  exemptions:                           # content the law does not cover
//	    - what: Inspelade webbsändningar från före 23 september 2020
//	      reason: Undantaget i 9 § DOS-lagen  # required
//
// Problems, each at its line: a required item missing; a status that is
// not one of the three words; status helt while some content is declared
// not accessible, or delvis or inte while none is; an assessment or update
// after the build's day, or an update before the assessment; a second page
// with statement:. Notes: an assessment more than a year before the build's
// day, and a planned day (fix_by) that has passed.
//
// # Content that is not accessible
//
// Any page may say that it is not accessible, and why, in its front
// matter; a document does the same in content/dokument.yaml (package
// document, which declares it to the build with feature.Build.Declare):
//
//	accessible: false
//	reason: Tabellerna saknar rubrikceller, så de är svåra att följa med skärmläsare.
//	fix_by: 2027-03-31
//
// reason and fix_by are required with accessible: false and only allowed
// with it. The statement lists every such declaration, with a link, and its
// status follows from them (see above). Every page's layout sees, as
// .Feature "statement", a [View]: the statement's address, its feedback
// contact and, on a page that declares itself, the declaration (Mark), so
// that base.html can say so at the top of the page and the documents page
// can offer each document that is not accessible in another form.
package statement

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// Feature is the accessibility statement, for the engine's list of
// features. It must come after the features that declare shortcomings
// (documents) in that list.
var Feature = feature.Feature{
	Name:  "statement",
	Front: reflect.TypeFor[Front](),
	Form:  form,
	Shows: map[string]*msg.Key{
		"statement":  ShownStatement,
		"accessible": ShownMark,
		"reason":     ShownMark,
		"fix_by":     ShownMark,
	},
	Load: load,
}

// Front is the part of a page's front matter that the feature reads.
type Front struct {
	Statement  *Statement `yaml:"statement"`
	Accessible *bool      `yaml:"accessible"`
	Reason     string     `yaml:"reason"`
	FixBy      time.Time  `yaml:"fix_by"`

	Keys map[string]yamldoc.Pos
}

// Statement is the statement's items (see the package comment).
type Statement struct {
	Publisher    string    `yaml:"publisher,required"`
	Service      string    `yaml:"service,required"`
	Status       string    `yaml:"status,required"`
	Standard     string    `yaml:"standard"`
	Assessed     time.Time `yaml:"assessed,required"`
	Updated      time.Time `yaml:"updated,required"`
	Published    time.Time `yaml:"published"`
	Method       string    `yaml:"method,required"`
	Feedback     *Feedback `yaml:"feedback,required"`
	Shortcomings []*Item   `yaml:"shortcomings"`
	Exemptions   []*Item   `yaml:"exemptions"`

	Pos  yamldoc.Pos
	Keys map[string]yamldoc.Pos
}

// Feedback is how readers reach the publisher about accessibility.
type Feedback struct {
	Email    string `yaml:"email"`
	Phone    string `yaml:"phone"`
	Response string `yaml:"response"` // how soon they get an answer: "inom fem arbetsdagar"

	Pos  yamldoc.Pos
	Keys map[string]yamldoc.Pos
}

// Item is a shortcoming or an exemption written in the statement itself.
type Item struct {
	What   string    `yaml:"what,required"`
	Reason string    `yaml:"reason,required"`
	FixBy  time.Time `yaml:"fix_by"`

	Pos  yamldoc.Pos
	Keys map[string]yamldoc.Pos
}

// Statuses are the words status: takes, in order.
var Statuses = []string{"helt", "delvis", "inte"}

// View is what every page's layout sees as .Feature "statement".
type View struct {
	URL      string               // the statement's address
	Feedback *Feedback            // how to reach the publisher
	Mark     *feature.Shortcoming // the page's own declaration, or nil

	// On the statement page only:
	Statement    *Statement
	Shortcomings []feature.Shortcoming // every declared shortcoming: documents, then the rest, each by title
	Exemptions   []*Item
}

type instance struct {
	page  string // the statement's address
	full  *View
	marks map[string]*feature.Shortcoming // by page address
}

func load(b *feature.Build) feature.Instance {
	var errs diag.List
	for _, p := range b.Drafts {
		if !p.Front.Features.Empty() {
			var f Front
			errs.Add(p.Front.Features.Decode(&f).Err())
		}
	}
	in := &instance{marks: map[string]*feature.Shortcoming{}}
	var statementPage *content.Page
	var st *Statement
	var pageMarks []feature.Shortcoming
	for _, p := range b.Pages {
		if !p.Front.Features.Has("statement") && !p.Front.Features.Has("accessible") && !p.Front.Features.Has("reason") && !p.Front.Features.Has("fix_by") {
			continue
		}
		var f Front
		if e := p.Front.Features.Decode(&f); len(e) > 0 {
			errs.Add(e.Err())
			continue
		}
		if m := mark(p, &f, &errs); m != nil {
			pageMarks = append(pageMarks, *m)
			in.marks[p.URL] = m
		}
		if f.Statement == nil {
			continue
		}
		if statementPage != nil {
			line, col := p.Pos("statement")
			errs.At(p.Path, line, col, StatementTwice.With(statementPage.Path)).Tip(HintStatementTwice.With())
			continue
		}
		statementPage, st = p, f.Statement
		b.SetLayout(p, "statement")
	}
	if statementPage == nil {
		b.Fail(errs.Err())
		if len(in.marks) == 0 {
			return nil
		}
		return in
	}
	all := append(append([]feature.Shortcoming(nil), b.Shortcomings()...), pageMarks...)
	for _, it := range st.Shortcomings {
		if it == nil {
			continue
		}
		all = append(all, feature.Shortcoming{What: it.What, Reason: it.Reason, FixBy: it.FixBy, Source: statementPage.Path, Line: it.Pos.Line})
	}
	check(b, statementPage, st, all, &errs)
	sort.SliceStable(all, func(i, j int) bool {
		if (all[i].Details == "") != (all[j].Details == "") {
			return all[i].Details != "" // documents first, then pages
		}
		return swedish.Compare(all[i].What, all[j].What) < 0
	})
	if st.Standard == "" {
		st.Standard = b.Words.Standard
	}
	var exemptions []*Item
	for _, it := range st.Exemptions {
		if it != nil {
			exemptions = append(exemptions, it)
		}
	}
	in.page = statementPage.URL
	in.full = &View{URL: statementPage.URL, Feedback: st.Feedback, Statement: st, Shortcomings: all, Exemptions: exemptions}
	b.Fail(errs.Err())
	return in
}

// mark returns the declaration of page p, or nil, and reports its problems.
func mark(p *content.Page, f *Front, errs *diag.List) *feature.Shortcoming {
	at := func(k string) (int, int) { return p.Pos(k) }
	if f.Accessible == nil || *f.Accessible {
		for _, k := range []string{"reason", "fix_by"} {
			if p.Front.Features.Has(k) {
				line, col := at(k)
				errs.At(p.Path, line, col, MarkWithoutFalse.With(k)).Tip(HintMarkWithoutFalse.With(k))
			}
		}
		return nil
	}
	ok := true
	if strings.TrimSpace(f.Reason) == "" {
		line, col := at("accessible")
		errs.At(p.Path, line, col, MarkNoReason.With()).Tip(HintMarkNoReason.With())
		ok = false
	}
	if f.FixBy.IsZero() {
		line, col := at("accessible")
		errs.At(p.Path, line, col, MarkNoFixBy.With()).Tip(HintMarkNoFixBy.With())
		ok = false
	}
	if !ok {
		return nil
	}
	line, _ := at("accessible")
	return &feature.Shortcoming{What: p.Front.Title, URL: p.URL, Reason: strings.TrimSpace(f.Reason), FixBy: f.FixBy, Source: p.Path, Line: line}
}

// check reports the statement's problems and notes.
func check(b *feature.Build, p *content.Page, st *Statement, all []feature.Shortcoming, errs *diag.List) {
	pos := func(k string) (int, int) {
		q := yamldoc.PosOf(st.Keys, k, st.Pos)
		return q.Line, q.Col
	}
	switch {
	case st.Status == "":
	case !contains(Statuses, st.Status):
		line, col := pos("status")
		e := errs.At(p.Path, line, col, StatusUnknown.With(st.Status))
		if near := diag.Closest(strings.TrimSuffix(strings.ToLower(st.Status), " förenlig"), Statuses); near != "" {
			e.Tip(msg.HintDidYouMean.With(near))
		} else {
			e.Tip(msg.HintUseOneOf.With(strings.Join(Statuses, ", ")))
		}
	case st.Status == "helt" && len(all) > 0:
		line, col := pos("status")
		errs.At(p.Path, line, col, StatusFullButShortcomings.With(len(all), all[0].What)).Tip(HintStatusFullButShortcomings.With())
	case st.Status != "helt" && len(all) == 0:
		line, col := pos("status")
		errs.At(p.Path, line, col, StatusPartlyButNone.With(st.Status)).Tip(HintStatusPartlyButNone.With())
	}
	if st.Feedback != nil && strings.TrimSpace(st.Feedback.Email) == "" && strings.TrimSpace(st.Feedback.Phone) == "" {
		line, col := pos("feedback")
		errs.At(p.Path, line, col, FeedbackEmpty.With()).Tip(HintFeedbackEmpty.With())
	}
	if st.Feedback != nil && st.Feedback.Email != "" && !strings.Contains(st.Feedback.Email, "@") {
		q := yamldoc.PosOf(st.Feedback.Keys, "email", st.Feedback.Pos)
		errs.At(p.Path, q.Line, q.Col, FeedbackEmail.With(st.Feedback.Email)).Tip(HintFeedbackEmail.With())
	}
	now := b.Now.Date()
	for _, k := range []struct {
		key string
		t   time.Time
	}{{"assessed", st.Assessed}, {"updated", st.Updated}, {"published", st.Published}} {
		if !k.t.IsZero() && k.t.After(now) {
			line, col := pos(k.key)
			errs.At(p.Path, line, col, DateInFuture.With(k.key, swedish.ISODate(k.t))).Tip(HintDateInFuture.With())
		}
	}
	if !st.Updated.IsZero() && !st.Assessed.IsZero() && st.Updated.Before(st.Assessed) {
		line, col := pos("updated")
		errs.At(p.Path, line, col, UpdatedBeforeAssessed.With(swedish.ISODate(st.Updated), swedish.ISODate(st.Assessed))).Tip(HintUpdatedBeforeAssessed.With())
	}
	if !st.Assessed.IsZero() && st.Assessed.AddDate(1, 0, 0).Before(now) {
		b.Note(NoteAssessmentOld.With(p.Path, swedish.Date(st.Assessed)))
	}
	for _, s := range all {
		if !s.FixBy.IsZero() && s.FixBy.Before(now) {
			b.Note(NoteFixByPassed.With(s.What, swedish.Date(s.FixBy), fmt.Sprintf("%s:%d", s.Source, s.Line)))
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// View returns what the page's layout sees: the whole statement on its own
// page, the address and contact (and the page's own mark) elsewhere.
func (in *instance) View(p *content.Page) any {
	if in.full != nil && p.URL == in.page {
		return in.full
	}
	v := &View{Mark: in.marks[p.URL]}
	if in.full != nil {
		v.URL, v.Feedback = in.full.URL, in.full.Feedback
	}
	if v.URL == "" && v.Mark == nil {
		return nil
	}
	return v
}

// Write writes nothing: the statement is a page.
func (*instance) Write(feature.Output) error { return nil }
