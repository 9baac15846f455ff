package browser

import (
	"context"
	"strings"
	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// nearState is what "Närmast först" shows: the status line and, per
// result, its kommun (from the meta line) and its distance text.
type nearState struct {
	Status string
	Metas  []string
	Kms    []string
}

const readNear = `({
  Status: document.getElementById("dir-near-status").textContent,
  Metas: [...document.querySelectorAll("#dir-list li .dir-hit__meta")].map(e => e.textContent),
  Kms: [...document.querySelectorAll("#dir-list li")].map(li => (li.querySelector(".dir-hit__km") || {textContent: ""}).textContent),
})`

// kmOf reads the number of "ca 12 km …".
func kmOf(t *testing.T, s string) int {
	t.Helper()
	var n int
	rest, ok := strings.CutPrefix(s, "ca ")
	if !ok {
		t.Fatalf("distance %q does not start with ca", s)
	}
	for _, r := range rest {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// sortedByKm checks that every result shows a distance, nearest first.
func sortedByKm(t *testing.T, st nearState) {
	t.Helper()
	if len(st.Kms) == 0 {
		t.Fatal("no results")
	}
	prev := 0
	for i, k := range st.Kms {
		n := kmOf(t, k)
		if n < prev {
			t.Errorf("result %d (%s) is %s, after one at %d km: not nearest first", i, st.Metas[i], k, prev)
		}
		prev = n
	}
}

// setPermission grants or denies geolocation to the served site, and
// places the device in Umeå.
func setPermission(t *testing.T, ctx context.Context, origin string, setting cdpbrowser.PermissionSetting) {
	t.Helper()
	lat, lon, acc := 63.851, 20.251, 10.0 // beside Vårdcentralen Norr, 2–3 km from Umeå's seat
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: "geolocation"}, Setting: setting, Origin: origin,
			BrowserContextID: chromedp.FromContext(ctx).BrowserContextID,
		}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, emulation.SetGeolocationOverride, emulation.SetGeolocationOverrideParams{Latitude: &lat, Longitude: &lon, Accuracy: &acc})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

// TestNearFirst: "Närmast först" from a kommun typed in the field, from the
// device's position when it is granted (the device is in Umeå), and a plain
// message when it is denied; distances as "ca 12 km", from the kommun's
// seat when the unit has no location of its own.
func TestNearFirst(t *testing.T) {
	s := fixtureSite(t, "journeys")

	t.Run("kommun", func(t *testing.T) {
		ctx := browser(t, 375)
		openDirectory(t, ctx, s.url, "")
		if err := chromedp.Do(ctx, chromedp.Click("#dir-near summary"), chromedp.SendKeys("#dir-near-from", "malmö")); err != nil {
			t.Fatal(err)
		}
		eval[bool](t, ctx, `document.getElementById("dir-near-from").dispatchEvent(new Event("change"))`)
		waitFor(t, ctx, "sorted from Malmö", `document.getElementById("dir-near-status").textContent === "Närmast först från Malmö."`)
		st := eval[nearState](t, ctx, readNear)
		sortedByKm(t, st)
		if !strings.Contains(st.Metas[0], "Malmö") || !strings.HasPrefix(st.Kms[0], "ca 1 km (från kommunens centralort)") {
			t.Errorf("first from Malmö: %q, %q; want the Malmö unit at ca 1 km from the seat", st.Metas[0], st.Kms[0])
		}
		if err := chromedp.Do(ctx, chromedp.Click("#dir-near-off")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "distances gone", `!document.querySelector("#dir-list .dir-hit__km")`)
	})

	t.Run("granted", func(t *testing.T) {
		ctx := browser(t, 375)
		setPermission(t, ctx, s.url, cdpbrowser.PermissionSettingGranted)
		openDirectory(t, ctx, s.url, "")
		if err := chromedp.Do(ctx, chromedp.Click("#dir-near summary"), chromedp.Click("#dir-near-me")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "sorted from the position", `document.getElementById("dir-near-status").textContent === "Närmast först från din position."`)
		st := eval[nearState](t, ctx, readNear)
		sortedByKm(t, st)
		if st.Metas[0] != "Vårdcentral · Umeå" || st.Kms[0] != "ca 1 km" || st.Kms[1] != "ca 3 km (från kommunens centralort)" {
			t.Errorf("from a position beside Vårdcentralen Norr: %q at %q, then %q; want it (its own location) at ca 1 km, then the others at Umeå's seat", st.Metas[0], st.Kms[0], st.Kms[1])
		}
		if last := st.Metas[len(st.Metas)-1]; !strings.Contains(last, "Malmö") {
			t.Errorf("last from Umeå is %q, want the Malmö unit", last)
		}
	})

	t.Run("denied", func(t *testing.T) {
		ctx := browser(t, 375)
		setPermission(t, ctx, s.url, cdpbrowser.PermissionSettingDenied)
		before := openDirectory(t, ctx, s.url, "")
		if err := chromedp.Do(ctx, chromedp.Click("#dir-near summary"), chromedp.Click("#dir-near-me")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the message", `document.getElementById("dir-near-status").textContent === "Din position kunde inte hämtas. Skriv en kommun eller ort i stället."`)
		if d := directory(t, ctx); strings.Join(d.Hits, "|") != strings.Join(before.Hits, "|") {
			t.Errorf("a denied position changed the results:\n%q\n%q", before.Hits, d.Hits)
		}
	})
}
