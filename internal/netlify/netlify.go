// Package netlify reads the _headers and _redirects files that the build
// writes for Netlify, and applies them to a request the way Netlify does,
// so that the dev server (package serve) and the browser tests serve a
// built site as it is published.
//
// # _headers
//
// A path on a line of its own, then its headers indented, as "Name:
// value"; lines starting with # are comments. A path may hold * (any
// rest of the address, slashes too) and :placeholder (one part between
// slashes); it matches with or without a slash at the end, in any case.
// Every rule whose path matches a request applies, in the order of the
// file: a later rule's header replaces an earlier one's of the same name
// (so the build's /admin/* policy replaces /*'s), and a name given twice
// in one rule is joined with commas.
//
// # _redirects
//
// One rule a line: "from to [status][!]", the status 301 when none is
// given. from may end in * (its match is :splat in to) and hold
// :placeholders. The first rule that matches applies, but a rule does not
// apply to an address that has a file (Netlify's shadowing) unless it is
// forced with !. A status of 3xx redirects to to; 200 serves to's file at
// the address (a rewrite); 404 serves to's file with status 404.
package netlify

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// Headers are the rules of a _headers file, in its order.
type Headers []HeaderRule

// HeaderRule is one path of a _headers file and the headers under it.
type HeaderRule struct {
	Path    string
	Headers [][2]string // name and value, in the file's order
	pattern *regexp.Regexp
}

// ParseHeaders reads a _headers file.
func ParseHeaders(data string) (Headers, error) {
	var rules Headers
	for i, line := range strings.Split(data, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case strings.HasPrefix(trimmed, "/"):
			re, err := headerPattern(trimmed)
			if err != nil {
				return nil, fmt.Errorf("_headers:%d: %v", i+1, err)
			}
			rules = append(rules, HeaderRule{Path: trimmed, pattern: re})
		default:
			k, v, ok := strings.Cut(trimmed, ":")
			if !ok || len(rules) == 0 || strings.TrimSpace(k) == "" {
				return nil, fmt.Errorf("_headers:%d: %q is neither a path nor a header", i+1, line)
			}
			r := &rules[len(rules)-1]
			r.Headers = append(r.Headers, [2]string{strings.TrimSpace(k), strings.TrimSpace(v)})
		}
	}
	return rules, nil
}

// headerPattern turns a path with * and :placeholder into a regular
// expression: case-insensitive, with or without a slash at the end.
func headerPattern(p string) (*regexp.Regexp, error) {
	var parts []string
	for _, s := range strings.Split(p, "/") {
		switch {
		case s == "":
		case s == "*":
			parts = append(parts, ".*")
		case strings.HasPrefix(s, ":"):
			parts = append(parts, "[^/]+")
		default:
			parts = append(parts, strings.ReplaceAll(regexp.QuoteMeta(s), `\*`, ".*"))
		}
	}
	return regexp.Compile("(?i)^/" + strings.Join(parts, "/") + "/?$")
}

// For returns the headers of a request for the address p (its path, not
// percent-encoded), in the order they are first named.
func (h Headers) For(p string) [][2]string {
	var out [][2]string
	at := map[string]int{}
	for _, r := range h {
		if !r.pattern.MatchString(p) {
			continue
		}
		seen := map[string]bool{}
		for _, kv := range r.Headers {
			k := http.CanonicalHeaderKey(kv[0])
			i, ok := at[k]
			switch {
			case !ok:
				at[k] = len(out)
				out = append(out, [2]string{k, kv[1]})
			case seen[k]: // twice in one rule
				out[i][1] += ", " + kv[1]
			default: // a later rule replaces it
				out[i][1] = kv[1]
			}
			seen[k] = true
		}
	}
	return out
}

// Redirects are the rules of a _redirects file, in its order.
type Redirects []Redirect

// Redirect is one rule of a _redirects file.
type Redirect struct {
	From, To string
	Status   int
	Force    bool // written with !: applies even where a file is
	from     *regexp.Regexp
}

// ParseRedirects reads a _redirects file.
func ParseRedirects(data string) (Redirects, error) {
	var rules Redirects
	for i, line := range strings.Split(data, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("_redirects:%d: %q has no target", i+1, line)
		}
		rd := Redirect{From: f[0], To: f[1], Status: http.StatusMovedPermanently}
		if len(f) > 2 {
			s := f[2]
			rd.Force = strings.HasSuffix(s, "!")
			n, err := strconv.Atoi(strings.TrimSuffix(s, "!"))
			if err != nil || n < 200 || n > 599 {
				return nil, fmt.Errorf("_redirects:%d: %q is not a status", i+1, s)
			}
			rd.Status = n
		}
		var re strings.Builder
		re.WriteString("(?i)^")
		for j, s := range strings.Split(strings.TrimSuffix(rd.From, "/"), "/") {
			if j > 0 {
				re.WriteString("/")
			}
			switch {
			case s == "*":
				re.WriteString("(?P<splat>.*)")
			case strings.HasPrefix(s, ":") && len(s) > 1:
				re.WriteString("(?P<" + regexp.QuoteMeta(s[1:]) + ">[^/]+)")
			default:
				re.WriteString(regexp.QuoteMeta(s))
			}
		}
		re.WriteString("/?$")
		from, err := regexp.Compile(re.String())
		if err != nil {
			return nil, fmt.Errorf("_redirects:%d: %v", i+1, err)
		}
		rd.from = from
		rules = append(rules, rd)
	}
	return rules, nil
}

// Match returns where the rule leads the address p, with :splat and the
// :placeholders filled in, or false when it does not match p.
func (rd Redirect) Match(p string) (string, bool) {
	m := rd.from.FindStringSubmatch(p)
	if m == nil {
		return "", false
	}
	to := rd.To
	for i, name := range rd.from.SubexpNames() {
		if name != "" {
			to = strings.ReplaceAll(to, ":"+name, m[i])
		}
	}
	return to, true
}

// Find returns the rule that applies to the address p and where it leads:
// the first that matches, skipping the rules that are not forced when p
// has a file (hasFile).
func (rs Redirects) Find(p string, hasFile bool) (Redirect, string, bool) {
	for _, rd := range rs {
		if hasFile && !rd.Force {
			continue
		}
		if to, ok := rd.Match(p); ok {
			return rd, to, true
		}
	}
	return Redirect{}, "", false
}
