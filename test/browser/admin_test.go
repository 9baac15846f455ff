package browser

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"gopkg.in/yaml.v3"

	"github.com/hbtq-diplomering/webbplats/internal/feature/cms"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestAdmin loads the editing tool from the built sample site, with its
// policy in force, and waits for its sign-in screen (in Swedish). Nothing
// may be asked of another host and nothing may break the policy (the tab
// fails the test for either); the public pages keep their own policy.
func TestAdmin(t *testing.T) {
	s := sampleSite(t)
	ctx := browser(t, 1280)
	open(t, ctx, s.url+"/admin/")
	if csp, _ := documentCSP(ctx, s.url+"/admin/"); csp != cms.Policy {
		t.Errorf("/admin/ came with the policy\n\t%s\nwant\n\t%s", csp, cms.Policy)
	}
	var text string
	deadline := time.Now().Add(60 * time.Second)
	for {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
		if err != nil {
			t.Fatal(err)
		}
		text = v
		if strings.Contains(text, "Logga in med") || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if !strings.Contains(text, "Logga in med") {
		t.Fatalf("/admin/: no sign-in screen after 60 s; the page says:\n%s", text)
	}
	settle(t, ctx)
	robots, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('meta[name=robots]').content`))
	if err != nil || !strings.Contains(robots, "noindex") {
		t.Errorf("/admin/: robots meta is %q (%v), want noindex", robots, err)
	}

	open(t, ctx, s.url+"/")
	if csp, _ := documentCSP(ctx, s.url+"/"); csp != site.ContentSecurityPolicy {
		t.Errorf("/ came with the policy\n\t%s\nwant the public pages' policy\n\t%s", csp, site.ContentSecurityPolicy)
	}
}

// TestAdminForms opens every form of the generated configuration in the
// real CMS and finds each field's label there. It builds the CMS's fixture
// site and swaps its backend for the CMS's built-in test repository (no
// GitHub, no sign-in); everything else is the configuration the build wrote.
func TestAdminForms(t *testing.T) {
	need(t)
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(context.Background(), sitetest.Load(t, "../../internal/feature/cms/testdata/site.txtar").Options(dir)); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "admin", "config.yml")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Collections []struct {
			Name   string `yaml:"name"`
			Folder string `yaml:"folder"`
			Fields []struct {
				Label string `yaml:"label"`
			} `yaml:"fields"`
			Files []struct {
				Fields []struct {
					Label string `yaml:"label"`
				} `yaml:"fields"`
			} `yaml:"files"`
		} `yaml:"collections"`
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	test := regexp.MustCompile(`(?s)backend:\n.*?\npublish_mode`).ReplaceAll(data, []byte("backend:\n  name: test-repo\npublish_mode"))
	if err := os.WriteFile(p, test, 0o644); err != nil {
		t.Fatal(err)
	}
	srv, err := serve(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := browser(t, 1280)
	// Tall enough that the CMS, which draws fields as they scroll into
	// view, draws every field of the longest form.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 8000)); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, srv.url+"/admin/")
	waitText(t, ctx, "the start screen", "Arbeta med test-repo")
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`[...document.querySelectorAll("button")].find(b => b.innerText.includes("test-repo")).click() || true`)); err != nil {
		t.Fatal(err)
	}
	waitText(t, ctx, "the collections", "Samlingar")
	for _, c := range cfg.Collections {
		hash := "#/collections/" + c.Name + "/new"
		var labels []string
		for _, f := range c.Fields {
			labels = append(labels, f.Label)
		}
		if len(c.Files) > 0 {
			hash = "#/collections/" + c.Name + "/entries/" + c.Name
			for _, f := range c.Files[0].Fields {
				labels = append(labels, f.Label)
			}
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(location.hash = `+mustJSON(hash)+`, true)`)); err != nil {
			t.Fatal(err)
		}
		waitText(t, ctx, "the form "+hash, labels...)
	}
}

// waitText waits up to 60 s (a loaded CI machine) until the page's text
// holds every one of want.
func waitText(t *testing.T, ctx context.Context, what string, want ...string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
		if err != nil {
			t.Fatal(err)
		}
		var missing []string
		for _, w := range want {
			if !strings.Contains(text, w) {
				missing = append(missing, w)
			}
		}
		if len(missing) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: after 60 s the page does not show %q; it says:\n%s", what, missing, text)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
