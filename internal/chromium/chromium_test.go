package chromium

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/hbtq-diplomering/webbplats/internal/testtools"
)

// TestStart starts the browser, opens a page, and stops it: the profile
// folder is gone after Stop. Without a browser it skips, or fails under CI.
func TestStart(t *testing.T) {
	path, err := Find()
	if err != nil {
		testtools.Need(t, testtools.Chromium)
	}
	before, _ := filepath.Glob(filepath.Join(os.TempDir(), "hbtq-chromium-*"))
	ctx, stop, err := Start(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	tab, cancel := chromedp.NewContext(ctx)
	ua, err := chromedp.Run(tab, chromedp.Evaluate[string](`navigator.userAgent`))
	cancel()
	stop()
	if err != nil {
		t.Fatal(err)
	}
	if ua == "" {
		t.Error("the browser has no user agent")
	}
	after, _ := filepath.Glob(filepath.Join(os.TempDir(), "hbtq-chromium-*"))
	if len(after) > len(before) {
		t.Errorf("profile folders left: %v (before: %v)", after, before)
	}
}

// TestFind: $CHROMIUM wins, and one that cannot run is an error naming it.
func TestFind(t *testing.T) {
	t.Setenv("CHROMIUM", "/nonexistent/chromium")
	if _, err := Find(); err == nil {
		t.Error("Find accepts a CHROMIUM that does not exist")
	}
	self, _ := os.Executable()
	t.Setenv("CHROMIUM", self)
	if p, err := Find(); err != nil || p != self {
		t.Errorf("Find = %q, %v; want $CHROMIUM %q", p, err, self)
	}
}

func TestMain(m *testing.M) { os.Exit(testtools.Main(m, "internal/chromium")) }
