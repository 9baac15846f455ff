package browser

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBadgeCopyButton opens a unit's page (testdata/journeys.txtar) with
// the clipboard recorded: the copy button, hidden in the HTML, is shown
// by its script, and a click copies the badge's snippet with absolute
// addresses and says so in its status line.
func TestBadgeCopyButton(t *testing.T) {
	s := fixtureSite(t, "journeys")
	ctx := browser(t, 375)
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `Object.defineProperty(navigator, "clipboard", {value: {writeText: async (t) => { window.copied = t; }}});`,
		})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	open(t, ctx, s.url+"/verksamheter/vardcentralen-norr/")
	type state struct {
		Hidden         bool
		Copied, Status string
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[state](`(async () => {
		const b = document.querySelector("[data-copy]");
		const hidden = b.hidden;
		b.click();
		await new Promise(r => setTimeout(r, 100));
		return {Hidden: hidden, Copied: window.copied || "", Status: document.getElementById(b.dataset.copyStatus).textContent};
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if r.Hidden {
		t.Error("the copy button is still hidden with JavaScript and a clipboard")
	}
	if !strings.HasPrefix(r.Copied, `<a href="https://`) || !strings.Contains(r.Copied, `/verksamheter/vardcentralen-norr/diplom.svg"`) {
		t.Errorf("copied %q, want the snippet with absolute addresses", r.Copied)
	}
	if r.Status != "Koden är kopierad." {
		t.Errorf("the status says %q", r.Status)
	}
}
