package browser

import (
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
)

// splitWords lists the words of up to 22 letters that an h1 or h2 of the
// page shows on more than one line: a Range over each word has client
// rects at more than one height. Swedish compounds such as
// "Barnmorskemottagningen" (22 letters) are ordinary words in headings; a
// longer word may break anywhere (overflow-wrap, the last resort). A word
// is a run of letters and digits: a compound with a hyphen
// (hbtq-diplomerad) may break after it.
const splitWords = `(() => {
  const out = [];
  for (const h of document.querySelectorAll("h1, h2")) {
    const walk = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
    for (let n; (n = walk.nextNode()); ) {
      for (const m of n.data.matchAll(/[\p{L}\p{N}]+/gu)) {
        if ([...m[0]].length > 22) continue;
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].filter(c => c.width > 0).map(c => Math.round(c.top)));
        if (tops.size > 1) {
          out.push(h.localName + " “" + h.textContent.trim().replace(/\s+/g, " ") + "”: “" + m[0] + "” is split over " + tops.size + " lines");
        }
      }
    }
  }
  return out;
})()`

// largerThanH1 names the first text of main whose letters are larger than
// the h1's, when the headings' sizes on a phone would turn the page's
// order upside down ("" when none is, or the page has no h1 in main).
const largerThanH1 = `(() => {
  const h = document.querySelector("main h1");
  if (!h) return "";
  const size = parseFloat(getComputedStyle(h).fontSize);
  for (const e of document.querySelectorAll("main :is(p, li, dt, dd, h2, h3, h4, th, td)")) {
    const s = parseFloat(getComputedStyle(e).fontSize);
    if (s > size + 0.01 && e.textContent.trim() !== "") {
      return e.localName + (e.className ? "." + e.className.split(" ")[0] : "") + " “" + e.textContent.trim().slice(0, 40) + "” is " + s.toFixed(1) + " px, the h1 " + size.toFixed(1) + " px";
    }
  }
  return "";
})()`

// TestHeadingWordsWhole holds every page of the fixture testdata/headings
// (long compounds in every kind of heading) and of every site, at 375 and
// 320 px (a phone, and WCAG's narrowest reflow width), to headings whose
// words of ordinary length stay whole: the headings get smaller on a
// narrow screen, as GOV.UK's and 1177's do, instead of breaking
// "Ungdomsmottagni-ngen" mid-word; and no text of main is larger than its
// h1 then.
func TestHeadingWordsWhole(t *testing.T) {
	t.Run("testdata/headings", func(t *testing.T) {
		t.Parallel()
		headingWordsWhole(t, fixtureSite(t, "headings"))
	})
	forEachSite(t, func(t *testing.T, s *served) {
		t.Parallel()
		headingWordsWhole(t, s)
	})
}

// headingWordsWhole checks the words of the headings of every page of s.
func headingWordsWhole(t *testing.T, s *served) {
	urls := append(slices.Clone(s.urls), s.url+"/finns-inte/")
	urls = append(urls, noindexPages(t, s)...)
	ctx := browser(t, 375)
	headings := 0
	for _, u := range urls {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 900)); err != nil {
			t.Fatal(err)
		}
		open(t, ctx, u)
		for _, width := range []int{375, 320} {
			if width != 375 {
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), 900)); err != nil {
					t.Fatal(err)
				}
				settle(t, ctx)
			}
			if w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`innerWidth`)); err != nil || w != width {
				t.Fatalf("%s: the viewport is %d px wide, not %d (%v)", s.path(u), w, width, err)
			}
			split, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](splitWords))
			if err != nil {
				t.Fatalf("%s: %v", pageAt(s.path(u), width), err)
			}
			for _, m := range split {
				t.Errorf("%s: %s", pageAt(s.path(u), width), m)
			}
			larger, err := chromedp.Run(ctx, chromedp.Evaluate[string](largerThanH1))
			if err != nil {
				t.Fatalf("%s: %v", pageAt(s.path(u), width), err)
			}
			if larger != "" {
				t.Errorf("%s: larger than the h1: %s", pageAt(s.path(u), width), larger)
			}
		}
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("h1, h2").length`))
		if err != nil {
			t.Fatal(err)
		}
		headings += n
	}
	if headings == 0 {
		t.Fatal("no page has an h1 or h2: the test checks nothing")
	}
	t.Logf("checked the words of %d headings on %d pages at 375 and 320 px", headings, len(urls))
}
