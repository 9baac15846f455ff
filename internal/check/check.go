// Package check finds problems in a built site that a browser would not
// report, and points at the Markdown line that causes each one. It is the
// command "go run ./cmd/build check"; it needs no browser.
//
// # Rules
//
//   - link: an internal link leads to a page or file of the site; a link to a
//     folder without its slash gets a hint with the right address; a
//     #fragment names an id in the target page (or in the page itself).
//   - heading: the body's headings start at level 2 (## — the title is the
//     page's only level 1) and never skip a level (## then ####).
//   - link-text: a link's text says where it leads: not "klicka här",
//     "här", "läs mer", "mer", "länk", "click here", "read more", "here",
//     "more", and not a bare address.
//   - document: a link to a document (.pdf, .docx, .xlsx, .pptx, .odt)
//     states its type and size: "Årsrapport (PDF, 1,2 MB)".
//   - mailto and tel: an e-mail address that can be one; a phone number in
//     E.164 (+46…).
//   - image: every image has alt text (also enforced by the build).
//   - external (with -external): every external http(s) address answers
//     with a status below 400. Each is asked once, four at a time.
package check

import (
	"context"
	"fmt"
	"net/http"
	"net/mail"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"hbtq/internal/diag"
	"hbtq/internal/site"
	"hbtq/internal/swedish"
)

// Options control a check.
type Options struct {
	External bool         // ask external addresses too
	Client   *http.Client // for -external; http.DefaultClient with a timeout when nil
}

// Summary counts what was checked.
type Summary struct {
	Pages, Links, External int
}

// Run checks the inspected site and returns every problem.
func Run(ctx context.Context, r *site.Report, opt Options) (Summary, error) {
	c := &checker{out: r.Out, ids: map[string]map[string]bool{}}
	var sum Summary
	external := map[string][]pos{}
	for _, p := range r.Pages {
		sum.Pages++
		c.headings(p)
		for _, l := range p.Result.Links {
			sum.Links++
			if l.Image {
				if strings.TrimSpace(l.Text) == "" {
					c.errs.Addf(p.Path, l.Line, l.Col, "the image %s has no alt text", l.Dest)
				}
				continue
			}
			u, err := url.Parse(l.Dest)
			if err != nil {
				c.errs.Addf(p.Path, l.Line, l.Col, "the link %q is not an address", l.Dest)
				continue
			}
			c.linkText(p, l.Text, l.Dest, l.Line, l.Col)
			switch {
			case u.Scheme == "mailto":
				if a, err := mail.ParseAddress(u.Opaque); err != nil || a.Address != u.Opaque {
					c.errs.Addf(p.Path, l.Line, l.Col, "mailto:%s is not an e-mail address", u.Opaque)
				}
			case u.Scheme == "tel":
				if !regexp.MustCompile(`^\+[1-9]\d{6,14}$`).MatchString(u.Opaque) {
					e := c.errs.Addf(p.Path, l.Line, l.Col, "tel:%s is not a number in international form", u.Opaque)
					if ph, err := swedish.ParsePhone(u.Opaque); err == nil {
						e.Hint = "write tel:" + ph.E164()
					}
				}
			case u.Scheme == "http" || u.Scheme == "https":
				external[l.Dest] = append(external[l.Dest], pos{p.Path, l.Line, l.Col})
			case u.Scheme == "" && u.Host == "":
				c.internal(p, u, l.Text, l.Line, l.Col)
			}
		}
	}
	if opt.External {
		sum.External = len(external)
		c.external(ctx, external, opt.Client)
	}
	return sum, c.errs.Err()
}

type pos struct {
	path      string
	line, col int
}

type checker struct {
	out  string
	mu   sync.Mutex
	errs diag.List
	ids  map[string]map[string]bool // published HTML file → its ids
}

func (c *checker) headings(p site.Inspected) {
	prev := 1
	for _, h := range p.Result.Headings {
		switch {
		case h.Level == 1:
			c.errs.Addf(p.Path, h.Line, h.Col, "the heading %q is at level 1, but the page's title is its only level-1 heading", h.Text).WithHint("start headings in the text at ## (level 2)")
		case h.Level > prev+1:
			c.errs.Addf(p.Path, h.Line, h.Col, "the heading %q skips from level %d to level %d", h.Text, prev, h.Level).
				WithHint("use %s, one level below the heading before it", strings.Repeat("#", prev+1))
		}
		prev = h.Level
	}
}

var vague = map[string]bool{
	"klicka här": true, "klicka": true, "här": true, "läs mer": true, "mer": true, "länk": true, "länken": true,
	"click here": true, "read more": true, "here": true, "more": true, "link": true, "mer info": true, "mer information": true,
}

func (c *checker) linkText(p site.Inspected, text, dest string, line, col int) {
	t := strings.ToLower(strings.TrimRight(strings.TrimSpace(text), ".:!…»› "))
	switch {
	case t == "":
		c.errs.Addf(p.Path, line, col, "the link to %s has no text", dest).WithHint("write what the link leads to in the brackets")
	case vague[t]:
		c.errs.Addf(p.Path, line, col, "the link text %q does not say where the link leads", text).WithHint("describe the target, like [Pris och villkor](/om/pris/)")
	case strings.HasPrefix(dest, "mailto:"):
		// an e-mail address is its own best link text
	case t == strings.ToLower(dest) || strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "www."):
		c.errs.Addf(p.Path, line, col, "the link text is a bare address: %s", text).WithHint("describe the target in words, like [Diggs anmälningsformulär](%s)", dest)
	}
}

var docExt = map[string]string{".pdf": "PDF", ".docx": "Word", ".xlsx": "Excel", ".pptx": "PowerPoint", ".odt": "ODF-text"}

func (c *checker) internal(p site.Inspected, u *url.URL, text string, line, col int) {
	target := u.Path
	if target == "" {
		target = p.URL
	} else if !strings.HasPrefix(target, "/") {
		target = path.Join(p.URL, target)
		if strings.HasSuffix(u.Path, "/") {
			target += "/"
		}
	}
	file, ok := c.resolve(target)
	if !ok {
		e := c.errs.Addf(p.Path, line, col, "the link %s leads nowhere", u.Path)
		if _, ok := c.resolve(target + "/"); ok && !strings.HasSuffix(target, "/") {
			e.Hint = "write " + target + "/ with the slash at the end"
		}
		return
	}
	if typ, isDoc := docExt[strings.ToLower(path.Ext(target))]; isDoc {
		info, err := os.Stat(file)
		if err == nil {
			want := fmt.Sprintf("(%s, %s)", typ, swedish.Bytes(info.Size()))
			if !strings.Contains(strings.ReplaceAll(text, " ", "\u00a0"), strings.ReplaceAll(want, " ", "\u00a0")) {
				c.errs.Addf(p.Path, line, col, "the link to the document %s does not say its type and size", target).
					WithHint("end the link text with %s", strings.ReplaceAll(want, "\u00a0", " "))
			}
		}
	}
	if u.Fragment != "" && strings.HasSuffix(file, ".html") {
		if !c.hasID(file, u.Fragment) {
			c.errs.Addf(p.Path, line, col, "the link %s#%s leads to a part of the page that does not exist", target, u.Fragment).
				WithHint("link to the id of a heading on that page; a heading's id is its text in lowercase with hyphens")
		}
	}
}

// resolve finds the published file for a site path.
func (c *checker) resolve(p string) (string, bool) {
	full := filepath.Join(c.out, filepath.FromSlash(path.Clean("/"+p)))
	if strings.HasSuffix(p, "/") {
		full = filepath.Join(full, "index.html")
	}
	info, err := os.Stat(full)
	if err != nil || info.IsDir() {
		return "", false
	}
	return full, true
}

var idRE = regexp.MustCompile(`\sid="?([^"\s>]+)`)

func (c *checker) hasID(file, id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	ids, ok := c.ids[file]
	if !ok {
		ids = map[string]bool{}
		if b, err := os.ReadFile(file); err == nil {
			for _, m := range idRE.FindAllSubmatch(b, -1) {
				ids[string(m[1])] = true
			}
		}
		c.ids[file] = ids
	}
	return ids[id]
}

func (c *checker) external(ctx context.Context, urls map[string][]pos, client *http.Client) {
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	var list []string
	for u := range urls {
		list = append(list, u)
	}
	sort.Strings(list)
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for _, u := range list {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			status, err := ask(ctx, client, u)
			if err == nil && status < 400 {
				return
			}
			c.mu.Lock()
			defer c.mu.Unlock()
			for _, p := range urls[u] {
				if err != nil {
					c.errs.Addf(p.path, p.line, p.col, "the external link %s does not answer: %v", u, err)
				} else {
					c.errs.Addf(p.path, p.line, p.col, "the external link %s answers %d %s", u, status, http.StatusText(status))
				}
			}
		}()
	}
	wg.Wait()
}

// ask asks for u with HEAD, and with GET when the server refuses HEAD.
func ask(ctx context.Context, client *http.Client, u string) (int, error) {
	status := 0
	for _, method := range []string{http.MethodHead, http.MethodGet} {
		req, err := http.NewRequestWithContext(ctx, method, u, nil)
		if err != nil {
			return 0, err
		}
		req.Header.Set("User-Agent", "hbtq-site-check/1")
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		status = resp.StatusCode
		if status != http.StatusMethodNotAllowed && status != http.StatusNotImplemented {
			break
		}
	}
	return status, nil
}
