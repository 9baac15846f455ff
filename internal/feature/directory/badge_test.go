package directory_test

import (
	"context"
	"encoding/xml"
	"image/png"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/feature/directory"
	"github.com/hbtq-diplomering/webbplats/internal/publish"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/sitetest"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// svgBadge is what a test reads of a badge's SVG.
type svgBadge struct {
	Role, LabelledBy string
	Width, Height    int
	TitleID, Title   string
	Texts            []string
}

// parseBadge parses data as XML and returns the parts of the badge.
func parseBadge(t *testing.T, name, data string) svgBadge {
	t.Helper()
	var b svgBadge
	dec := xml.NewDecoder(strings.NewReader(data))
	var in string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not XML: %v\n%s", name, err, data)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			in = tok.Name.Local
			attr := func(n string) string {
				for _, a := range tok.Attr {
					if a.Name.Local == n {
						return a.Value
					}
				}
				return ""
			}
			switch in {
			case "svg":
				if tok.Name.Space != "http://www.w3.org/2000/svg" {
					t.Errorf("%s: the root is in namespace %q", name, tok.Name.Space)
				}
				b.Role, b.LabelledBy = attr("role"), attr("aria-labelledby")
				b.Width, _ = strconv.Atoi(attr("width"))
				b.Height, _ = strconv.Atoi(attr("height"))
			case "title":
				b.TitleID = attr("id")
			case "text":
				b.Texts = append(b.Texts, "")
			}
		case xml.CharData:
			switch in {
			case "title":
				b.Title += string(tok)
			case "text":
				b.Texts[len(b.Texts)-1] += string(tok)
			}
		case xml.EndElement:
			in = ""
		}
	}
	if b.Role != "img" || b.LabelledBy == "" || b.LabelledBy != b.TitleID {
		t.Errorf("%s: role=%q aria-labelledby=%q, title id %q: want role img labelled by its title", name, b.Role, b.LabelledBy, b.TitleID)
	}
	return b
}

// TestBadgeValid: a valid unit's badge is an SVG, labelled by a title that
// names the unit, the programme, the region and the year it is valid to,
// with the same words as real text; its PNG is twice the size; a former id
// has the same badge.
func TestBadgeValid(t *testing.T) {
	o := sitetest.Load(t, "testdata/site.txtar").Build(t)
	files := o.Files()
	svg := files["verksamheter/zeta-mottagningen/diplom.svg"]
	b := parseBadge(t, "zeta's badge", svg)
	// Certified 2023-05-04, re-certified 2025-02-10, valid 4 years.
	if want := "Zeta mottagningen är hbtq-diplomerad av Region Test, giltig till 2029"; b.Title != want {
		t.Errorf("title: have %q, want %q", b.Title, want)
	}
	if want := []string{"Hbtq-diplomerad", "Region Test", "Giltig till 2029"}; strings.Join(b.Texts, "|") != strings.Join(want, "|") {
		t.Errorf("texts: have %q, want %q", b.Texts, want)
	}
	if b.Width < directory.BadgeWidth || b.Height != directory.BadgeHeight {
		t.Errorf("size %d×%d, want at least %d wide and %d high", b.Width, b.Height, directory.BadgeWidth, directory.BadgeHeight)
	}
	img, err := png.Decode(strings.NewReader(files["verksamheter/zeta-mottagningen/diplom.png"]))
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	if have := img.Bounds().Size(); have.X != b.Width*directory.PNGScale || have.Y != b.Height*directory.PNGScale {
		t.Errorf("the PNG is %v, want %d×%d", have, b.Width*directory.PNGScale, b.Height*directory.PNGScale)
	}
	// The PNG is not empty: the corner is transparent, the middle drawn.
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Errorf("the PNG's corner is not transparent (alpha %d): the corners are not round", a)
	}
	if _, _, _, a := img.At(img.Bounds().Dx()/2, img.Bounds().Dy()/2).RGBA(); a != 0xffff {
		t.Errorf("the PNG's middle is not opaque (alpha %d)", a)
	}
	for _, f := range []string{directory.BadgeSVG, directory.BadgePNG} {
		if files["verksamheter/gamla-zeta/"+f] != files["verksamheter/zeta-mottagningen/"+f] {
			t.Errorf("the former id gamla-zeta has no copy of the badge's %s", f)
		}
	}
	// A long region name widens the badge.
	s := sitetest.Load(t, "testdata/site.txtar")
	s.Edit(t, "site.yaml", "organisation: Region Test", "organisation: Region Testlänets hälso- och sjukvårdsförvaltning")
	long := parseBadge(t, "long", s.Build(t).Files()["verksamheter/zeta-mottagningen/diplom.svg"])
	if long.Width <= b.Width {
		t.Errorf("a long region's badge is %d wide, no wider than a short one's %d", long.Width, b.Width)
	}
}

// TestBadgeSameBytes: two builds write the same badges (see
// TestBadgeDeterministic for two drawings).
func TestBadgeSameBytes(t *testing.T) {
	a := sitetest.Load(t, "testdata/site.txtar").Build(t).Files()
	b := sitetest.Load(t, "testdata/site.txtar").Build(t).Files()
	for _, p := range []string{"verksamheter/zeta-mottagningen/diplom.png", "verksamheter/gammal/diplom.png"} {
		if a[p] == "" || a[p] != b[p] {
			t.Errorf("%s: missing, or not the same in two builds", p)
		}
	}
}

// TestBadgeExpired: an expired unit's badge address says that the
// certificate has run out, and when; once its page goes
// (expired_page_months), so does its badge.
func TestBadgeExpired(t *testing.T) {
	built := sitetest.Load(t, "testdata/site.txtar").Build(t)
	files := built.Files()
	b := parseBadge(t, "gammal's badge", files["verksamheter/gammal/diplom.svg"])
	if want := "Diplomet har gått ut: Den utgångna mottagningen var hbtq-diplomerad av Region Test till och med 1 maj 2025"; b.Title != want {
		t.Errorf("title: have %q, want %q", b.Title, want)
	}
	if want := "Diplomet har gått ut|Region Test|Gällde till 1 maj 2025"; strings.Join(b.Texts, "|") != want {
		t.Errorf("texts: have %q, want %q", b.Texts, want)
	}
	// The expired page shows the badge as it now is.
	built.Check("verksamheter/gammal/index.html", sitetest.In(".unit-badge img",
		sitetest.HasAttr("src", "/verksamheter/gammal/diplom.svg"),
		sitetest.HasAttr("alt", "Diplommärke: Diplomet har gått ut, Region Test, Gällde till 1 maj 2025")))
	if _, err := png.Decode(strings.NewReader(files["verksamheter/gammal/diplom.png"])); err != nil {
		t.Errorf("the expired badge's PNG: %v", err)
	}
	s := sitetest.Load(t, "testdata/site.txtar")
	s.Write("site.yaml", sitetest.Settings+"expired_page_months: 0\n")
	files = s.Build(t).Files()
	for _, f := range []string{directory.BadgeSVG, directory.BadgePNG} {
		if _, ok := files["verksamheter/gammal/"+f]; ok {
			t.Errorf("expired_page_months: 0, and the expired unit still has %s", f)
		}
	}
}

// TestBadgeSnippet: the unit's page shows the badge, says what it means
// and gives the snippet with absolute addresses; without base_url there
// is no snippet.
func TestBadgeSnippet(t *testing.T) {
	o := sitetest.Load(t, "testdata/site.txtar").Build(t)
	const page = "verksamheter/zeta-mottagningen/index.html"
	o.Check(page,
		sitetest.In(".unit-badge img", sitetest.HasAttr("src", "/verksamheter/zeta-mottagningen/diplom.svg"),
			sitetest.HasAttr("alt", "Diplommärke: Hbtq-diplomerad, Region Test, Giltig till 2029")),
		sitetest.In(".unit-badge pre code", sitetest.HasText(`<a href="https://hbtq.test.example.se/verksamheter/zeta-mottagningen/">`+
			`<img src="https://hbtq.test.example.se/verksamheter/zeta-mottagningen/diplom.svg" alt="Zeta mottagningen är hbtq-diplomerad av Region Test, giltig till 2029" width="200" height="76"></a>`)),
		sitetest.In(`.unit-badge a[href="/verksamheter/zeta-mottagningen/diplom.png"]`),
	)
	o.Check(page, sitetest.In(".unit-badge h2 + p + p", sitetest.HasTextContaining("Märket betyder att Zeta mottagningen är hbtq-diplomerad av Region Test och att diplomet gäller till och med 10 februari 2029.")))
	// The name's HTML stays text in the snippet.
	o.Check("verksamheter/skript/index.html",
		sitetest.In(".unit-badge pre code", sitetest.HasText(`<a href="https://hbtq.test.example.se/verksamheter/skript/">`+
			`<img src="https://hbtq.test.example.se/verksamheter/skript/diplom.svg" alt="Mottagningen &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt; är hbtq-diplomerad av Region Test, giltig till 2028" width="200" height="76"></a>`)))

	s := sitetest.Load(t, "testdata/site.txtar")
	s.Edit(t, "site.yaml", "base_url: https://hbtq.test.example.se\n", "")
	nb := s.Build(t)
	nb.Check(page, sitetest.In(".unit-badge img"), sitetest.None(".unit-badge pre"))
}

// TestBadgeNotListed: the badges are files, not pages: no sitemap, feed or
// search index names them; only the units' pages do.
func TestBadgeNotListed(t *testing.T) {
	files := sitetest.Load(t, "testdata/site.txtar").Build(t).Files()
	unitPage := regexp.MustCompile(`^verksamheter/[a-z0-9-]+/index\.html$`)
	n := 0
	for p, data := range files {
		if strings.Contains(data, directory.BadgeSVG) || strings.Contains(data, directory.BadgePNG) {
			if !unitPage.MatchString(p) && p != publish.Marker { // the marker lists every file the build wrote

				t.Errorf("%s names a badge", p)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no page names a badge; the test would prove nothing")
	}
	if _, ok := files["sitemap.xml"]; !ok {
		t.Error("no sitemap.xml to look in")
	}
}

// TestBadgeBoundaries builds one unit on the days around the end of its
// certificate (valid to and including 2026-11-23) and of its expired page
// (expired_page_months: 1): the badge says valid on the last day, expired
// the day after, and is gone with the page.
func TestBadgeBoundaries(t *testing.T) {
	s := sitetest.Load(t, "testdata/site.txtar")
	s.Write("site.yaml", sitetest.Settings+"expired_page_months: 1\n")
	s.Write("content/verksamheter/grans.yaml", `organisation: Region Gräns
rules:
  validity_years: 4
units:
  - id: grans
    name: Gränsmottagningen
    kommun: Lund
    kind: vårdcentral
    certified: 2022-11-23
`)
	day := func(d string) time.Time { t, _ := time.Parse(time.DateOnly, d); return t }
	for _, tc := range []struct {
		now, want string // want: the badge's first line, "" for no badge
	}{
		{"2026-11-22", "Hbtq-diplomerad"},
		{"2026-11-23", "Hbtq-diplomerad"},
		{"2026-11-24", "Diplomet har gått ut"},
		{"2026-12-22", "Diplomet har gått ut"},
		{"2026-12-23", ""},
	} {
		opt := s.Options(filepath.Join(t.TempDir(), "public"))
		opt.Now = swedish.DayOf(day(tc.now))
		if _, err := site.Build(context.Background(), opt); err != nil {
			t.Fatalf("%s: %v", tc.now, err)
		}
		files := sitetest.Open(t, opt.Out).Files()
		svg, ok := files["verksamheter/grans/diplom.svg"]
		_, okPNG := files["verksamheter/grans/diplom.png"]
		switch {
		case tc.want == "" && (ok || okPNG):
			t.Errorf("%s: the badge is still there", tc.now)
		case tc.want == "":
		case !ok || !okPNG:
			t.Errorf("%s: no badge", tc.now)
		default:
			if b := parseBadge(t, tc.now, svg); len(b.Texts) == 0 || b.Texts[0] != tc.want {
				t.Errorf("%s: the badge says %q, want %q first", tc.now, b.Texts, tc.want)
			}
		}
	}
}

// TestBadgeLive: in the dev server, which keeps the badges' drawings from
// one build to the next, a badge whose words changed is drawn anew: after
// an edit of the expired unit's certificate every badge is the one a
// build of its own writes.
func TestBadgeLive(t *testing.T) {
	s := sitetest.Load(t, "testdata/site.txtar")
	l := site.NewLive(s.Options(""))
	ctx := context.Background()
	if _, err := l.Build(ctx); err != nil {
		t.Fatal(err)
	}
	const gammal = "verksamheter/gammal/diplom.png"
	before := string(l.Files()[gammal])
	s.Edit(t, "content/verksamheter/syd.yaml", "certified: 2021-05-01", "certified: 2021-03-01")
	if _, err := l.Build(ctx); err != nil {
		t.Fatal(err)
	}
	fresh := s.Build(t).Files()
	if string(l.Files()[gammal]) == before {
		t.Errorf("%s: the edit did not change the badge", gammal)
	}
	n := 0
	for p, data := range l.Files() {
		if strings.HasSuffix(p, "/"+directory.BadgePNG) {
			n++
			if string(data) != fresh[p] {
				t.Errorf("%s: the dev server's badge is not the one a build of its own writes", p)
			}
		}
	}
	if n < 3 {
		t.Errorf("the dev server wrote %d badges, want those of the fixture's units", n)
	}
}
