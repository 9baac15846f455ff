package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hbtq/internal/cms"
	"hbtq/internal/site"
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
	deadline := time.Now().Add(30 * time.Second)
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
		t.Fatalf("/admin/: no sign-in screen after 30 s; the page says:\n%s", text)
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
