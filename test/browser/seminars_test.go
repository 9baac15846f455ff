package browser

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestSeminarScriptHidesPastSessions opens the fixture's seminar page
// (testdata/journeys.txtar: sessions on 10 December 2026, 9 February,
// 16 March and 20 April 2027) with the browser's clock on the day of the
// build, then on 1 March 2027: the page's script hides the sessions that
// have been, and keeps the rest.
func TestSeminarScriptHidesPastSessions(t *testing.T) {
	s := fixtureSite(t, "journeys")
	const u = "/seminarier/seminarium/"
	count := func(clock string) (visible, all int) {
		t.Helper()
		ctx := browser(t, 1280)
		err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
				Source: `{ const t = Date.parse("` + clock + `"); Date.now = () => t; }`,
			})
			return err
		}))
		if err != nil {
			t.Fatal(err)
		}
		open(t, ctx, s.url+u)
		type c struct{ Visible, All int }
		r, err := chromedp.Run(ctx, chromedp.Evaluate[c](`({Visible: [...document.querySelectorAll(".session")].filter(e => !e.hidden).length, All: document.querySelectorAll(".session").length})`))
		if err != nil {
			t.Fatal(err)
		}
		return r.Visible, r.All
	}
	if visible, all := count("2026-11-23T12:00:00+01:00"); all != 4 || visible != 4 {
		t.Errorf("on the day of the build %d of %d sessions are shown, want all 4", visible, all)
	}
	if visible, all := count("2027-03-01T12:00:00+01:00"); all != 4 || visible != 2 {
		t.Errorf("on 1 March 2027 %d of %d sessions are shown, want the 2 after it", visible, all)
	}
}
