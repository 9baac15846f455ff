package check

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/markdown"
	"github.com/hbtq-diplomering/webbplats/internal/msg"
	"github.com/hbtq-diplomering/webbplats/internal/programme"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// link checks a link on page p: its address, its text and, for a
// document, the type and size in its text. named is false when the link's
// text cannot be known (a layout link named by aria-labelledby).
func (c *checker) link(p *Page, o origin, dest, text string, named bool) {
	c.sum.Links++
	u, err := c.parse(dest)
	if err != nil {
		c.add(o, CheckLinkNotAddress.With(dest), HintCheckAddress.With())
		return
	}
	if c.runsCode(o, u, "link") {
		return
	}
	var target *Page
	file, internal, missing := "", false, false
	switch {
	case u.Scheme == "mailto":
		c.mailto(o, u)
	case u.Scheme == "tel":
		c.tel(o, u)
	case c.isInternal(u):
		internal = true
		var ok bool
		target, file, ok = c.internal(p, o, u, dest, "link")
		missing = !ok
	case c.isExternal(u) && c.extern:
		c.res.ext = append(c.res.ext, linkAt{externalKey(u), o})
	}
	if named {
		c.text(o, u, dest, text, target)
	}
	if typ := docTypes[ext(u.Path)]; typ != "" && named && !missing {
		c.document(o, u, typ, file, internal, text)
	}
}

// image checks an image on page p at its published address src; alt is
// nil when an <img> has no alt attribute. fromMarkdown is true for a
// Markdown image, and written is its address as the editor wrote it, which
// messages name (src may be a smaller copy standing in for a large
// original); "" when it is src.
func (c *checker) image(p *Page, o origin, src, written string, alt *string, fromMarkdown bool) {
	c.sum.Links++
	if written == "" {
		written = src
	}
	switch {
	case alt == nil:
		c.add(o, CheckNoAltAttr.With(src), HintNoAltAttr.With())
	case fromMarkdown && strings.TrimSpace(*alt) == "":
		c.add(o, msg.MarkdownNoAlt.With(written), msg.HintMarkdownAlt.With(written))
	case fromMarkdown && (isFileName(*alt, written) || isFileName(*alt, src)):
		c.add(o, CheckAltFileName.With(*alt), HintAltFileName.With(written))
	}
	u, err := c.parse(src)
	switch {
	case err != nil:
		c.add(o, CheckImageNotAddress.With(src), HintCheckAddress.With())
	case c.runsCode(o, u, "image"):
	case c.isInternal(u):
		c.internal(p, o, u, src, "image")
	case c.isExternal(u):
		c.add(o, CheckImageExternal.With(src), HintImageExternal.With())
	}
}

var imageExt = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".svg": true, ".webp": true, ".avif": true}

func isFileName(alt, src string) bool {
	a := strings.ToLower(strings.TrimSpace(alt))
	if strings.ContainsAny(a, " \u00a0") {
		return false
	}
	return imageExt[path.Ext(a)] || a == strings.ToLower(path.Base(src))
}

// resource checks an address in the HTML that is not a link or an image:
// style sheets, scripts, icons, a form's action, data-* addresses.
func (c *checker) resource(p *Page, o origin, r ref) {
	c.sum.Links++
	u, err := c.parse(r.URL)
	if err != nil {
		c.add(o, CheckResourceNotAddress.With(r.URL, r.Tag, r.Attr), HintCheckAddress.With())
		return
	}
	switch {
	case c.runsCode(o, u, "resource"):
	case c.isInternal(u):
		c.internal(p, o, u, r.URL, c.element(r))
	case c.isExternal(u) && loads(r):
		c.add(o, CheckResourceExternal.With(r.Tag, r.Attr, r.URL), HintResourceExternal.With())
	}
}

// element returns "<tag attr>" for the address r, as messages name it.
func (c *checker) element(r ref) string {
	k := [2]string{r.Tag, r.Attr}
	w, ok := c.elements[k]
	if !ok {
		w = fmt.Sprintf("<%s %s>", r.Tag, r.Attr)
		if c.elements != nil {
			c.elements[k] = w
		}
	}
	return w
}

// runsCode reports a link, image or other address whose scheme runs code
// or embeds content (javascript:, vbscript:, data:) instead of leading to
// a file: the site's security policy blocks them, and a link that runs a
// script is a way in for an attacker. A link or image with any scheme
// but http:, https:, mailto: and tel: (file:, ftp:, …) is reported too.
// what is "link", "image" or "resource".
func (c *checker) runsCode(o origin, u *url.URL, what string) bool {
	switch u.Scheme {
	case "javascript", "vbscript":
		c.add(o, CheckRunsCode.With(u.Scheme), HintRunsCode.With())
	case "data":
		if what == "image" {
			c.add(o, CheckDataImage.With(), HintDataImage.With())
		} else {
			c.add(o, CheckDataLink.With(), HintDataLink.With())
		}
	case "", "http", "https", "mailto", "tel":
		return false
	default:
		// file:, ftp:, and any other scheme: a visitor's browser cannot
		// follow it to anything the site publishes (file:///etc/passwd is
		// the reader's own disk), and goldmark drops some of them
		// silently, leaving an empty address.
		if what == "resource" {
			return false
		}
		c.add(o, CheckScheme.With(u.Scheme+":"), HintScheme.With())
	}
	return true
}

// parse returns the address s, without spaces around it, parsed. A
// worker keeps the first addresses it parses (those of the layouts, on
// every page, among them): the rules only read them.
func (c *checker) parse(s string) (*url.URL, error) {
	if u, ok := c.urls[s]; ok {
		return u, nil
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err == nil && c.urls != nil && len(c.urls) < keepURLs {
		c.urls[s] = u
	}
	return u, err
}

// keepURLs is how many parsed addresses a worker keeps.
const keepURLs = 4096

func (c *checker) isInternal(u *url.URL) bool {
	if u.Scheme == "" && u.Host == "" && u.Opaque == "" {
		return true
	}
	return c.r.BaseURL != "" && (u.Scheme == "http" || u.Scheme == "https") && strings.HasPrefix(u.String(), c.r.BaseURL+"/")
}

func (c *checker) isExternal(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "") && u.Host != ""
}

// internal checks that an address of the site leads to a published file
// and, with a #fragment, to an id in it. It returns the page it leads to
// (nil for other files), the published file, and whether it exists. what
// is "link", "image" or the tag and attribute the address is in.
func (c *checker) internal(p *Page, o origin, u *url.URL, dest, what string) (*Page, string, bool) {
	ref := *u
	ref.Scheme, ref.Host, ref.User = "", "", nil
	from := p.URL
	if from == "" {
		from = "/"
	}
	var target string
	if strings.HasPrefix(ref.Path, "/") && !strings.Contains(ref.Path, "/.") {
		target = ref.Path // what ResolveReference gives: no . or .. to resolve
	} else {
		target = (&url.URL{Path: from}).ResolveReference(&ref).Path
	}
	if target == "" {
		target = "/"
	}
	file, ok, tp, looked := c.fileAt(target)
	if !ok {
		var m msg.Message
		switch what {
		case "link":
			m = CheckLinkNowhere.With(strings.TrimSpace(dest))
		case "image":
			m = CheckImageMissing.With(strings.TrimSpace(dest))
		default:
			m = CheckResourceNowhere.With(strings.TrimSpace(dest), what)
		}
		if u.Path != "" && !strings.HasPrefix(u.Path, "/") {
			m = CheckRelative.With(m, pageName(p), target)
		}
		rest := ""
		if u.RawQuery != "" {
			rest += "?" + u.RawQuery
		}
		if u.Fragment != "" {
			rest += "#" + u.EscapedFragment()
		}
		c.add(o, m, c.suggest(target, rest))
		return nil, "", false
	}
	final := target
	for range 10 {
		to, ok := c.r.Redirects[final]
		c.ask(lookup{kind: 'r', a: final, b: to, ok: ok})
		if !ok {
			break
		}
		final = to
	}
	if final != target || !looked {
		tp = c.byURL[final].page
	}
	if u.Fragment != "" && u.Fragment != "top" {
		if ff, ok := c.fileOf(final); ok && strings.HasSuffix(ff, ".html") {
			c.fragment(p, o, u, final, ff, tp)
		}
	}
	return tp, file, true
}

// suggest returns a "did you mean" hint for an address that leads
// nowhere; rest is its ?query and #fragment.
func (c *checker) suggest(target, rest string) msg.Message {
	k := target + "\x00" + rest
	if h, ok := c.hints[k]; ok {
		return h
	}
	h := c.suggestNew(target, rest)
	c.hints[k] = h
	return h
}

func (c *checker) suggestNew(target, rest string) msg.Message {
	if strings.HasSuffix(target, "/") {
		if _, ok := c.fileOf(strings.TrimSuffix(target, "/")); ok && target != "/" {
			return HintFileNoSlash.With(strings.TrimSuffix(target, "/") + rest)
		}
	} else if _, ok := c.fileOf(target + "/"); ok {
		return HintPageSlash.With(target + "/" + rest)
	}
	if dec, err := url.PathUnescape(target); err == nil {
		for _, a := range c.addrs() {
			if here, there, ok := diag.Difference(dec, a); ok {
				return HintNFC.With(a, here, there)
			}
		}
	}
	if near := diag.Closest(target, c.addrs()); near != "" {
		return msg.HintDidYouMean.With(near + rest)
	}
	return msg.Message{}
}

// fragment checks that the page at address final (file ff) has the id
// u.Fragment.
func (c *checker) fragment(p *Page, o origin, u *url.URL, final, ff string, tp *Page) {
	d := c.doc(ff)
	has := d == nil || d.HasID(u.Fragment)
	c.ask(lookup{kind: '#', a: ff, b: u.Fragment, ok: has})
	if has {
		return
	}
	var m msg.Message
	if u.Path == "" && ff == p.File {
		m = CheckFragmentHere.With(u.Fragment, u.Fragment)
	} else {
		m = CheckFragment.With(strings.TrimSuffix(u.String(), "#"+u.EscapedFragment()), u.Fragment, final, u.Fragment)
	}
	hint := HintFragmentID.With()
	if near := diag.Closest(u.Fragment, d.IDs); near != "" {
		hint = msg.HintDidYouMean.With("#" + near)
	} else if o.page == nil && tp != nil && len(tp.Result.Headings) > 0 {
		var ids []string
		for i, h := range tp.Result.Headings {
			if i == 6 {
				ids = append(ids, "…")
				break
			}
			ids = append(ids, "#"+h.ID)
		}
		hint = HintFragmentHeadings.With(strings.Join(ids, ", "))
	}
	c.add(o, m, hint)
}

// vague are the link texts that do not say where a link leads.
var vague = map[string]bool{
	"klicka här": true, "klicka": true, "här": true, "läs mer": true, "läs mer här": true, "mer": true,
	"mer info": true, "mer information": true, "länk": true, "länken": true,
	"click here": true, "read more": true, "here": true, "more": true, "link": true,
}

// trimText returns a link text for comparison: single spaces (&nbsp; is
// a space too), without punctuation at its end; lowercase where it counts.
func trimText(s string) string {
	return strings.TrimRight(oneSpaced(s), ".,:;!?…»›→>)-– ")
}

// textDropped is the text of a Markdown link that DropLinkTexts let go:
// no text a page can have (goldmark writes U+FFFD for a NUL).
const textDropped = "\x00"

// DropLinkTexts lets go of the texts of the links (not images) of a page's
// Markdown that no rule reads, for a build that keeps the links until it
// runs the rules, with the page's scan out of them (see DropMarkdownRefs):
// a text is read when it is empty, vague or an address (see text) or may
// be a document's (an address with a dot or a %-escape: see document).
func DropLinkTexts(links []markdown.Link) {
	for i := range links {
		l := &links[i]
		if l.Image || strings.ContainsAny(l.Dest, ".%") {
			continue
		}
		t := trimText(l.Text)
		if t == "" || isVague(t) || bare(t, l.Dest) {
			continue
		}
		l.Text = textDropped
	}
}

// vagueLen is the length in bytes above which no text is vague: the
// longest of vague, "mer information", with every letter at most three
// bytes before strings.ToLower.
const vagueLen = 3 * len("mer information")

// vagueMax is the length of the longest of vague in bytes ("mer
// information").
const vagueMax = len("mer information")

// isVague reports whether the link text t (see trimText) is one of vague
// in any case: len(t) <= vagueLen && vague[strings.ToLower(t)], without
// a lowercase copy of each text. A text of ASCII alone is as long
// lowercase, so one longer than vague's longest is not vague, and a
// shorter one is lowered in place; another goes to strings.ToLower, as
// some letters change their length lowercase (the Kelvin sign is k).
// TestVague and FuzzVague hold it to the expression.
func isVague(t string) bool {
	if len(t) > vagueLen {
		return false
	}
	var buf [vagueMax]byte
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 0x80 {
			return vague[strings.ToLower(t)]
		}
		if i >= vagueMax {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return vague[string(buf[:len(t)])]
}

// text checks that a link's text says where it leads.
func (c *checker) text(o origin, u *url.URL, dest, text string, target *Page) {
	t := trimText(text) // lowercase only where it counts
	switch {
	case t == "":
		c.add(o, CheckLinkNoText.With(dest), textHint(o, dest, target))
	case isVague(t):
		c.add(o, CheckLinkVague.With(strings.TrimSpace(text)), textHint(o, dest, target))
	case u.Scheme == "mailto" || u.Scheme == "tel":
		// an address or a number is its own best text
	case bare(t, dest):
		c.add(o, CheckLinkBare.With(strings.TrimSpace(text)), textHint(o, dest, target))
	}
}

// textHint returns the example a problem with a link's text gives.
func textHint(o origin, dest string, target *Page) msg.Message {
	switch {
	case o.page != nil:
		return HintLinkText.With()
	case target != nil && target.Title != "":
		return HintLinkTextTitle.With(target.Title, dest)
	default:
		return HintLinkTextName.With(dest)
	}
}

// bare reports whether the link text t (see trimText) is the address dest
// or any address.
func bare(t, dest string) bool {
	if hasPrefixASCII(t, "http://") || hasPrefixASCII(t, "https://") || hasPrefixASCII(t, "www.") {
		return true
	}
	if strings.Contains(t, " ") {
		return false
	}
	strip := func(s string) string {
		s = strings.ToLower(s)
		for _, p := range []string{"https://", "http://", "www."} {
			s = strings.TrimPrefix(s, p)
		}
		return strings.TrimRight(s, "/")
	}
	return strip(t) == strip(dest)
}

// hasPrefixASCII reports whether strings.ToLower(s) starts with the
// lowercase ASCII prefix, which has no k or i (no other letter than
// those of ASCII lowercases into them).
func hasPrefixASCII(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		b := s[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if b != prefix[i] {
			return false
		}
	}
	return true
}

// docTypes are the documents whose links must say type and size, with
// the type as the text says it.
var docTypes = map[string]string{".pdf": "PDF", ".docx": "Word", ".xlsx": "Excel", ".pptx": "PowerPoint", ".odt": "ODF-text"}

var (
	parenRE = regexp.MustCompile(`\(([^()]*)\)`)
	sizeRE  = regexp.MustCompile(`(?i)\d+(?:[.,]\d+)?\s*(?:b|kb|mb|gb)\b`)
)

// document checks that the text of a link to a document says its type
// and size; for a file of the site (file), the size must be right.
func (c *checker) document(o origin, u *url.URL, typ, file string, internal bool, text string) {
	norm := oneSpaced(text) // &nbsp; is a space too
	var said []string       // parentheses with a size in them
	for _, m := range parenRE.FindAllString(norm, -1) {
		if sizeRE.MatchString(m) {
			said = append(said, m)
		}
	}
	shown := strings.TrimSuffix(u.String(), "#"+u.EscapedFragment())
	if !internal {
		if len(said) == 0 {
			c.add(o, CheckDocNoSize.With(shown), HintDocTypeSize.With(typ))
		}
		return
	}
	info, err := fs.Stat(c.out, file)
	if err != nil {
		c.ask(lookup{kind: 's', a: file})
		return
	}
	c.ask(lookup{kind: 's', a: file, ok: true, n: info.Size()})
	want := "(" + typ + ", " + strings.ReplaceAll(swedish.Bytes(info.Size()), "\u00a0", " ") + ")"
	for _, s := range said {
		if strings.EqualFold(s, want) {
			return
		}
	}
	if len(said) == 0 {
		c.add(o, CheckDocNoSize.With(shown), HintDocEnd.With(want))
		return
	}
	c.add(o, CheckDocWrongSize.With(said[len(said)-1], shown, want), HintDocWrite.With(want))
}

// mailto checks that a mailto: link has e-mail addresses that can exist.
func (c *checker) mailto(o origin, u *url.URL) {
	raw := u.Opaque
	if s, err := url.PathUnescape(raw); err == nil {
		raw = s
	}
	if strings.TrimSpace(raw) == "" {
		c.add(o, CheckMailtoEmpty.With(), HintMailtoEmpty.With())
		return
	}
	for _, a := range strings.Split(raw, ",") {
		if a = strings.TrimSpace(a); !programme.IsEmail(a) {
			c.add(o, CheckMailto.With(a), HintMailto.With())
		}
	}
}

// tel checks that a tel: link has a number in E.164 form.
func (c *checker) tel(o origin, u *url.URL) {
	num := u.Opaque
	if s, err := url.PathUnescape(num); err == nil {
		num = s
	}
	if programme.IsPhone(num) {
		return
	}
	hint := HintTel.With()
	if ph, err := swedish.ParsePhone(num); err == nil {
		hint = HintTelWrite.With(ph.E164())
	}
	c.add(o, CheckTel.With(num), hint)
}

// normal returns an address in a form that the same address has in the
// Markdown and in the HTML: without %-escapes.
func normal(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}
