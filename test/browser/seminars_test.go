package browser

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestSeminarScriptHidesPastSessions opens a seminar page with the
// browser's clock set after some of its sessions: the page's script hides
// those, and keeps the rest.
func TestSeminarScriptHidesPastSessions(t *testing.T) {
	s := sampleSite(t)
	ctx := browser(t, 1280)
	count := func() (visible, all int) {
		type c struct{ Visible, All int }
		r, err := chromedp.Run(ctx, chromedp.Evaluate[c](`({Visible: [...document.querySelectorAll(".session")].filter(e => !e.hidden).length, All: document.querySelectorAll(".session").length})`))
		if err != nil {
			t.Fatal(err)
		}
		return r.Visible, r.All
	}
	const u = "/seminarier/individuell-del/"
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+u)); err != nil {
		t.Fatal(err)
	}
	visible, all := count()
	if all < 2 || visible != all {
		t.Fatalf("with today's clock %d of %d sessions are shown, want all", visible, all)
	}
	// Now the browser believes it is 1 March 2027.
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `{ const t = Date.parse("2027-03-01T12:00:00+01:00"); Date.now = () => t; }`,
		})
		return err
	}), chromedp.Navigate(s.url+u))
	if err != nil {
		t.Fatal(err)
	}
	later, _ := count()
	if later >= visible || later == 0 {
		t.Errorf("on 1 March 2027 %d sessions are shown, want fewer than %d but not none", later, visible)
	}
}
