package browser

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	devserver "github.com/hbtq-diplomering/webbplats/internal/serve"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
)

// TestServeProblemPanel opens a page of the dev server that breaks two
// content rules (a dead link, a vague link text: faults axe does not see on
// the page itself) in Chromium, under
// the site's Content-Security-Policy: the panel is visible at the top, is a
// region named by its heading, lists both problems, passes axe at 1280 and
// 320 px, and breaks no policy (the browser's cleanup fails the test on any
// violation, script error or foreign request).
func TestServeProblemPanel(t *testing.T) {
	need(t)
	dir := sitetest.Parse(t, `-- content/_index.md --
---
title: Start
---
Välkommen.
-- content/om.md --
---
title: Om diplomeringen
menu: main
---
Läs om [priset](/pris/) eller gå till starten [här](/).
`).Dir(t)
	s, err := devserver.Start(devserver.Options{Dir: dir, Addr: "127.0.0.1:0", Site: site.Options{Features: all.Features(), Root: os.DirFS(dir), Now: sitetest.Today}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, width := range []int{1280, 320} {
		ctx := browser(t, width)
		// Not open: the reload script's event stream never finishes loading.
		if err := chromedp.Do(ctx, chromedp.Navigate(s.URL()+"om/")); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.WaitVisible(`section.dev-problems li`)); err != nil {
			t.Fatal(err)
		}
		region := eval[string](t, ctx, `(() => {
			const s = document.querySelector('section.dev-problems');
			const h = document.getElementById(s.getAttribute('aria-labelledby'));
			const r = s.getBoundingClientRect();
			return [h.textContent, s.querySelectorAll('li').length, r.top < window.innerHeight && r.height > 0,
				getComputedStyle(s).backgroundColor].join('|');
		})()`)
		parts := strings.Split(region, "|")
		if parts[0] != "Att rätta på den här sidan" || parts[1] != "2" || parts[2] != "true" || parts[3] == "rgba(0, 0, 0, 0)" {
			t.Errorf("at %d px the panel is %q; want its heading, 2 problems, visible at the top, styled by /_dev/problems.css", width, region)
		}
		axeCheck(t, ctx, pageAt("/om/ (dev server)", width))
	}
}
