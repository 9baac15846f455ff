// Package chromium starts headless Chromium for the browser gate
// (test/browser) and the benchmarks that drive a browser (bench/search),
// with one set of flags:
//
//	--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
//	--disable-background-networking --disable-component-update --disable-sync
//
// on top of chromedp's defaults, and a fresh profile folder each start, so
// no run sees another's cookies, storage or cache. The browser is found by
// Find: $CHROMIUM, else the first of chromium, chromium-browser and
// google-chrome on PATH (Debian: apt-get install -y chromium).
package chromium

import (
	"context"
	"errors"
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// Install is the command that installs the browser on Debian.
const Install = "apt-get install -y chromium"

// Find returns the path of the browser to run: $CHROMIUM, or the first of
// /usr/bin/chromium, chromium, chromium-browser and google-chrome found.
func Find() (string, error) {
	if c := os.Getenv("CHROMIUM"); c != "" {
		if p, err := exec.LookPath(c); err == nil {
			return p, nil
		}
		return "", errors.New("CHROMIUM is " + c + ", which cannot be run")
	}
	for _, c := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(c); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no Chromium found (install it with: " + Install + ", or set CHROMIUM to its path)")
}

// Options returns the allocator options: the browser at path, the flags of
// the package comment, and the profile folder userDataDir.
func Options(path, userDataDir string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(userDataDir),
	)
}

// Start starts the browser at path with a new profile folder and returns
// its context: chromedp.NewContext on it opens a tab. Stop closes the
// browser and removes the profile folder.
func Start(ctx context.Context, path string) (browser context.Context, stop func(), err error) {
	profile, err := os.MkdirTemp("", "hbtq-chromium-")
	if err != nil {
		return nil, nil, err
	}
	actx, acancel := chromedp.NewExecAllocator(ctx, Options(path, profile)...)
	bctx, bcancel := chromedp.NewContext(actx)
	stop = func() {
		bcancel()
		acancel()
		os.RemoveAll(profile)
	}
	if err := chromedp.Do(bctx); err != nil { // start the browser
		stop()
		return nil, nil, err
	}
	return bctx, stop, nil
}
