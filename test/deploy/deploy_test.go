// Package deploy tests the publishing setup: netlify.toml, the _headers and
// robots.txt the build writes, and the GitHub workflows (with actionlint).
package deploy

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/rhysd/actionlint"

	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

const root = "../.."

type netlifyConfig struct {
	Build struct {
		Command     string
		Publish     string
		Environment map[string]string
	}
	Context map[string]struct {
		Command string
	}
}

func TestNetlifyToml(t *testing.T) {
	var cfg netlifyConfig
	md, err := toml.DecodeFile(filepath.Join(root, "netlify.toml"), &cfg)
	if err != nil {
		t.Fatal(err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		t.Errorf("netlify.toml has keys this test does not know: %v", u)
	}
	if have, want := cfg.Build.Command, `go run ./cmd/build -base-url "$URL"`; have != want {
		t.Errorf("build command %q, want %q", have, want)
	}
	if cfg.Build.Publish != "public" {
		t.Errorf("publish %q, want public", cfg.Build.Publish)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(gomod)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	if have := cfg.Build.Environment["GO_VERSION"]; have != string(m[1]) {
		t.Errorf("GO_VERSION %q, want %q as in go.mod", have, m[1])
	}
	if have := cfg.Build.Environment["TZ"]; have != "Europe/Stockholm" {
		t.Errorf("TZ %q, want Europe/Stockholm", have)
	}
	for _, ctx := range []string{"deploy-preview", "branch-deploy"} {
		c := cfg.Context[ctx].Command
		if !strings.Contains(c, "-drafts") || !strings.Contains(c, `-base-url "$DEPLOY_PRIME_URL"`) {
			t.Errorf("context %s builds with %q; want -drafts and -base-url \"$DEPLOY_PRIME_URL\"", ctx, c)
		}
	}
}

// parseHeaders reads a Netlify _headers file: a path line, then indented
// "Name: value" lines.
func parseHeaders(t *testing.T, data []byte) map[string]map[string]string {
	t.Helper()
	rules := map[string]map[string]string{}
	var cur map[string]string
	for i, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#"):
		case !strings.HasPrefix(line, " "):
			cur = map[string]string{}
			rules[line] = cur
		default:
			name, value, ok := strings.Cut(strings.TrimSpace(line), ":")
			if !ok || cur == nil {
				t.Fatalf("_headers line %d is not a header: %q", i+1, line)
			}
			if _, dup := cur[name]; dup {
				t.Errorf("_headers line %d: %s given twice for one path", i+1, name)
			}
			cur[name] = strings.TrimSpace(value)
		}
	}
	return rules
}

// buildMinimal builds a fixture site of one page, with drafts or without
// (as a deploy preview or production does).
func buildMinimal(t *testing.T, drafts bool) string {
	t.Helper()
	s := sitetest.Parse(t, "-- content/_index.md --\n---\ntitle: Start\n---\nHej\n")
	opt := s.Options(filepath.Join(t.TempDir(), "public"))
	opt.Drafts = drafts
	if _, err := site.Build(context.Background(), opt); err != nil {
		t.Fatal(err)
	}
	return opt.Out
}

func TestHeaders(t *testing.T) {
	out := buildMinimal(t, false)
	data, err := os.ReadFile(filepath.Join(out, "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	rules := parseHeaders(t, data)
	all := rules["/*"]
	want := map[string]string{
		"Content-Security-Policy":   "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
		"Strict-Transport-Security": "max-age=63072000; includeSubDomains",
		"X-Content-Type-Options":    "nosniff",
		"Referrer-Policy":           "strict-origin-when-cross-origin",
	}
	for k, v := range want {
		if all[k] != v {
			t.Errorf("/* %s = %q, want %q", k, all[k], v)
		}
	}
	pp := all["Permissions-Policy"]
	for _, feature := range []string{"camera=()", "microphone=()", "payment=()"} {
		if !strings.Contains(pp, feature) {
			t.Errorf("Permissions-Policy %q does not deny %s", pp, feature)
		}
	}
	// The directory's "Närmast först" may ask for the position, for the site itself only.
	if !strings.Contains(pp, "geolocation=(self)") {
		t.Errorf("Permissions-Policy %q does not limit geolocation to the site itself", pp)
	}
	if _, ok := all["X-Robots-Tag"]; ok {
		t.Error("the production build carries X-Robots-Tag")
	}
	if have := rules["/assets/*"]["Cache-Control"]; have != "public, max-age=31536000, immutable" {
		t.Errorf("/assets/* Cache-Control = %q", have)
	}
	if _, ok := all["Cache-Control"]; ok {
		t.Error("/* sets Cache-Control; Netlify would merge it into the assets' value")
	}
	robots, _ := os.ReadFile(filepath.Join(out, "robots.txt"))
	if !bytes.Contains(robots, []byte("Allow: /")) {
		t.Errorf("robots.txt of production:\n%s", robots)
	}
}

func TestPreviewNotIndexed(t *testing.T) {
	out := buildMinimal(t, true)
	data, _ := os.ReadFile(filepath.Join(out, "_headers"))
	if have := parseHeaders(t, data)["/*"]["X-Robots-Tag"]; have != "noindex" {
		t.Errorf("a build with drafts has X-Robots-Tag %q, want noindex", have)
	}
	robots, _ := os.ReadFile(filepath.Join(out, "robots.txt"))
	if !bytes.Contains(robots, []byte("Disallow: /")) {
		t.Errorf("robots.txt of a preview:\n%s", robots)
	}
}

// TestWorkflows lints .github/workflows with actionlint.
func TestWorkflows(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(root, ".github/workflows/*.yml"))
	if len(files) < 2 {
		t.Fatalf("found workflows %v; want the test and publish workflows", files)
	}
	var out bytes.Buffer
	l, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.LintFiles(files, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("%s:%d:%d: %s [%s]", e.Filepath, e.Line, e.Column, e.Message, e.Kind)
	}
	publish, _ := os.ReadFile(filepath.Join(root, ".github/workflows/publish.yml"))
	for _, want := range []string{"schedule:", "branches: [main]", "netlify-cli", "secrets.NETLIFY_AUTH_TOKEN", "secrets.NETLIFY_SITE_ID"} {
		if !bytes.Contains(publish, []byte(want)) {
			t.Errorf("publish.yml lacks %q", want)
		}
	}
}

// TestCommandsEnforceContentRules runs every build command that publishes
// (netlify.toml's build and contexts, the publish workflow's build step) on
// a site with a dead link: each must exit 1, name the link's line and
// leave no public/, because the content rules are part of the build.
func TestCommandsEnforceContentRules(t *testing.T) {
	var cfg netlifyConfig
	if _, err := toml.DecodeFile(filepath.Join(root, "netlify.toml"), &cfg); err != nil {
		t.Fatal(err)
	}
	commands := map[string]string{"netlify.toml [build]": cfg.Build.Command}
	for name, c := range cfg.Context {
		if c.Command != "" {
			commands["netlify.toml [context."+name+"]"] = c.Command
		}
	}
	wf, err := os.ReadFile(filepath.Join(root, ".github/workflows/publish.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`(?m)^\s*run: (go run \./cmd/build.*)$`).FindAllSubmatch(wf, -1) {
		commands["publish.yml"] = string(m[1])
	}
	if _, ok := commands["publish.yml"]; !ok {
		t.Fatal("publish.yml has no step that runs go run ./cmd/build")
	}
	bin := filepath.Join(t.TempDir(), "build")
	if out, err := exec.Command("go", "build", "-C", root, "-o", bin, "./cmd/build").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for name, command := range commands {
		t.Run(name, func(t *testing.T) {
			args := strings.Fields(os.Expand(command, func(string) string { return "https://hbtq.test.example.se" }))
			if len(args) < 3 || strings.Join(args[:3], " ") != "go run ./cmd/build" {
				t.Fatalf("%q does not run go run ./cmd/build", command)
			}
			for i, a := range args {
				args[i] = strings.Trim(a, `"'`)
			}
			dir := sitetest.Parse(t, "-- content/_index.md --\n---\ntitle: Start\n---\nLäs om [priset](/om/prs/).\n").Dir(t)
			cmd := exec.Command(bin, args[3:]...)
			cmd.Dir = dir
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				t.Fatalf("%s: %v, want exit status 1\n%s", command, err, stderr.String())
			}
			if !strings.Contains(stderr.String(), "content/_index.md:4:8: ") {
				t.Errorf("%s does not name the dead link's place:\n%s", command, stderr.String())
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
				t.Errorf("%s wrote public/ although the build failed", command)
			}
		})
	}
}
