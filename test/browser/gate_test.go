package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

var (
	axeOnce   sync.Once
	axeSource string
)

// Violation is one failed axe rule on one page.
type Violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

func (v Violation) String() string {
	var targets []string
	for _, n := range v.Nodes {
		targets = append(targets, fmt.Sprint(n.Target...))
	}
	return fmt.Sprintf("%s (%s): %s — %s", v.ID, v.Impact, v.Help, strings.Join(targets, ", "))
}

// axe runs axe-core on the page loaded in ctx.
func axe(ctx context.Context) ([]Violation, error) {
	axeOnce.Do(func() {
		b, _ := os.ReadFile(axePath)
		axeSource = string(b)
	})
	type result struct {
		Violations []Violation `json:"violations"`
	}
	tags, _ := json.Marshal(axeTags)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axeSource+";true")); err != nil {
		return nil, err
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[result](`axe.run(document, {runOnly: {type: "tag", values: `+string(tags)+`}, resultTypes: ["violations"]})`, chromedp.EvalAwaitPromise))
	return res.Violations, err
}

// TestAxeEveryPage runs axe on every page of the sitemap and the 404 page,
// wide and at 320 px.
func TestAxeEveryPage(t *testing.T) {
	s := sampleSite(t)
	urls := append(append([]string{}, s.urls...), s.url+"/finns-inte/")
	for _, width := range []int{1280, 320} {
		ctx := browser(t, width)
		for _, u := range urls {
			if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
				t.Fatalf("%s: %v", u, err)
			}
			vs, err := axe(ctx)
			if err != nil {
				t.Fatalf("%s: axe: %v", u, err)
			}
			for _, v := range vs {
				t.Errorf("%s at %d px: %s", strings.TrimPrefix(u, s.url), width, v)
			}
		}
	}
	t.Logf("axe checked %d pages at 1280 and 320 px", len(urls))
}

// vnuMessage is one message of the Nu Html Checker.
type vnuMessage struct {
	Type     string `json:"type"`
	URL      string `json:"url"`
	LastLine int    `json:"lastLine"`
	FirstCol int    `json:"firstColumn"`
	Message  string `json:"message"`
	SubType  string `json:"subType"`
}

// vnu checks every HTML file under dir and returns the errors.
func vnu(t *testing.T, dir string) []vnuMessage {
	t.Helper()
	need(t)
	cmd := exec.Command("java", "-jar", vnuPath, "--errors-only", "--format", "json", "--skip-non-html", dir)
	out, _ := cmd.CombinedOutput() // exits 1 when it finds errors
	var res struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("the checker's output is not JSON: %v\n%s", err, out)
	}
	var errs []vnuMessage
	for _, m := range res.Messages {
		if m.Type == "error" || m.SubType == "fatal" {
			errs = append(errs, m)
		}
	}
	return errs
}

// TestHTMLValid runs the Nu Html Checker over all of public/.
func TestHTMLValid(t *testing.T) {
	s := sampleSite(t)
	files := 0
	filepath.Walk(s.dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			files++
		}
		return nil
	})
	for _, m := range vnu(t, s.dir) {
		rel, _ := filepath.Rel(s.dir, strings.TrimPrefix(m.URL, "file:"))
		t.Errorf("%s:%d:%d: %s", rel, m.LastLine, m.FirstCol, m.Message)
	}
	t.Logf("the Nu Html Checker checked %d HTML files", files)
}

// TestGateCanFail builds a site with known faults and checks that axe and
// the HTML checker name each one.
func TestGateCanFail(t *testing.T) {
	need(t)
	root := t.TempDir()
	for _, p := range []string{"site.yaml", "layouts"} {
		if err := os.CopyFS(filepath.Join(root, p), os.DirFS(filepath.Join("../..", p))); err != nil {
			data, err := os.ReadFile(filepath.Join("../..", p))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(root, p), data, 0o644)
		}
	}
	if err := os.CopyFS(root, os.DirFS("testdata/broken")); err != nil {
		t.Fatal(err)
	}
	// Low contrast: light grey text on white.
	css := filepath.Join(root, "layouts/assets/style.css")
	data, err := os.ReadFile(css)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(css, append(data, "\n.blek { color: #c8c8c8; }\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := buildSite(root, out); err != nil {
		t.Fatal(err)
	}
	srv, err := serve(out)
	if err != nil {
		t.Fatal(err)
	}
	ctx := browser(t, 1280)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.url+"/trasig/")); err != nil {
		t.Fatal(err)
	}
	vs, err := axe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, v := range vs {
		found[v.ID] = true
		t.Logf("/trasig/: %s", v)
	}
	for _, rule := range []string{"image-alt", "heading-order", "color-contrast"} {
		if !found[rule] {
			t.Errorf("axe did not report %s on the broken page", rule)
		}
	}
	var dupID bool
	for _, m := range vnu(t, out) {
		t.Logf("vnu: %s:%d: %s", filepath.Base(filepath.Dir(m.URL)), m.LastLine, m.Message)
		if strings.Contains(m.Message, "Duplicate ID") && strings.Contains(m.URL, "trasig") {
			dupID = true
		}
	}
	if !dupID {
		t.Error("the HTML checker did not report the duplicate id on /trasig/")
	}
}

// TestScreenshots writes screenshots for a person to look at.
func TestScreenshots(t *testing.T) {
	s := sampleSite(t)
	dir := filepath.Join("..", "artifacts", "screenshots")
	os.MkdirAll(dir, 0o755)
	pages := map[string]string{"start": "/", "verksamheter": "/verksamheter/", "seminarier": "/seminarier/"}
	for _, u := range s.urls {
		p := strings.TrimPrefix(u, s.url)
		if strings.HasPrefix(p, "/verksamheter/") && strings.Count(p, "/") == 3 && !strings.Contains(p, "/kommun/") && !strings.Contains(p, "/typ/") {
			pages["verksamhet"] = p
			break
		}
	}
	for _, width := range []int{375, 1280} {
		ctx := browser(t, width)
		for name, p := range pages {
			if err := chromedp.Do(ctx, chromedp.Navigate(s.url+p)); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			file := filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, width))
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
