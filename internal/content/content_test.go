package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

func TestURLFor(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"content/_index.md", "/"},
		{"content/om/_index.md", "/om/"},
		{"content/om/pris.md", "/om/pris/"},
		{"content/Västerbotten/Åre.md", "/vasterbotten/are/"},
		{"content/Ödeshög.md", "/odeshog/"},
		{"content/om/Vanliga frågor.md", "/om/vanliga-fragor/"},
	} {
		if have := URLFor(tc.in); have != tc.want {
			t.Errorf("URLFor(%q) = %q, want %q", tc.in, have, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	src := "\uFEFF\n---\r\ntitle: Pris\r\nweight: 2\r\naliases: [/pris, /gamla/pris.html]\r\n---\r\n\r\nText\r\n"
	p, errs := Parse("content/om/pris.md", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if p.Front.Title != "Pris" || p.Front.Weight != 2 {
		t.Errorf("front matter %+v", p.Front)
	}
	if have, want := p.Front.Aliases, []string{"/pris/", "/gamla/pris.html"}; strings.Join(have, " ") != strings.Join(want, " ") {
		t.Errorf("aliases %v, want %v", have, want)
	}
	if p.BodyLine != 7 {
		t.Errorf("BodyLine = %d, want 7", p.BodyLine)
	}
	if string(p.Body) != "\nText\n" {
		t.Errorf("Body = %q", p.Body)
	}
	if pos := p.Front.Keys["weight"]; pos.Line != 4 || pos.Col != 9 {
		t.Errorf("weight at %v, want 4:9", pos)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"---\ntitle: a\nmenu: sidfot\n---\n", `p.md:3:7: menu "sidfot" är ingen meny på webbplatsen (skriv menu: main, eller ta bort nyckeln)`},
		{"---\ntitle: a\naliases: [om oss]\n---\n", `p.md:3:11: aliaset "om oss" är ingen adress på webbplatsen: den börjar inte med / (skriv det som /om-oss/)`},
		{"---\ntitle: a\nlayout: Min Sida\n---\n", `p.md:3:9: layout "Min Sida" är inget namn på en sidmall (skriv namnet på en fil i layouts/ utan .html, som page)`},
		{"---\n---\nText\n", `p.md:1:1: sidan saknar title (lägg till en rad som title: Om diplomeringen mellan raderna med ---)`},
		{"", `p.md:1:1: sidan har ingen front matter (börja filen med ---, sedan en rad som title: Om diplomeringen, sedan ---)`},
	} {
		_, errs := Parse("p.md", []byte(tc.src))
		if have := errs.Error(); have != tc.want {
			t.Errorf("Parse(%q):\nhave %s\nwant %s", tc.src, have, tc.want)
		}
	}
}

// TestAliasInjection: an alias becomes a line of Netlify's _redirects, so
// one that would add a rule, catch other addresses or break the line is
// an error at its line.
func TestAliasInjection(t *testing.T) {
	for _, tc := range []struct{ alias, want string }{
		{`"/gammal\n/*\thttps://example.com/:splat\t200!"`, "den har mellanslag, tabb eller radbrytning i sig"},
		{`"/gammal\t/ny/"`, "den har mellanslag, tabb eller radbrytning i sig"},
		{`"/gammal\u00a0sida/"`, "den har mellanslag, tabb eller radbrytning i sig"},
		{`"/gammal\rsida/"`, "aliases innehåller styrtecknet U+000D (CR), som inte syns men kan ändra hur texten visas"},
		{`"/gammal\u0000/"`, "aliases innehåller styrtecknet U+0000 (NUL), som inte syns men kan ändra hur texten visas"},
		{`"/gammal\u200b/"`, "den har ett osynligt styrtecken i sig"},
		{`"/*"`, "den har en * i sig, som skulle fånga andra adresser"},
		{`"/nyheter/:ar/"`, "en del av den börjar med :, som skulle fånga andra adresser"},
		{`"/gammal!"`, "den har tecknet ! i sig"},
		{`"//example.com/"`, "den har // i sig"},
		{`"gammal/"`, "den börjar inte med /"},
	} {
		src := "---\ntitle: a\naliases:\n  - /ok/\n  - " + tc.alias + "\n---\n"
		_, errs := Parse("p.md", []byte(src))
		if len(errs) != 1 || errs[0].Line != 5 || !strings.HasSuffix(errs[0].Msg.String(), ": "+tc.want) && errs[0].Msg.String() != tc.want {
			t.Errorf("alias %s: %v, want one error at line 5 ending %q", tc.alias, errs, tc.want)
		}
	}
	for _, ok := range []string{"/om-oss/", "/Om_Oss/Pris.aspx", "/nyheter/2019/05/", "/dokument/årsrapport.pdf", "/a:b/"} {
		if why := PathProblem(ok); !why.IsZero() {
			t.Errorf("PathProblem(%q) = %q, want it allowed", ok, why)
		}
	}
}

func TestTree(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":    {Data: []byte("---\ntitle: Start\n---\n")},
		"content/om/_index.md": {Data: []byte("---\ntitle: Om\n---\n")},
		"content/om/b.md":      {Data: []byte("---\ntitle: B\nweight: 1\n---\n")},
		"content/om/a.md":      {Data: []byte("---\ntitle: A\nweight: 2\n---\n")},
		"content/om/c.md":      {Data: []byte("---\ntitle: C\nweight: 1\n---\n")},
		"content/om/x/y.md":    {Data: []byte("---\ntitle: Y\n---\n")},
		"content/notes.txt":    {Data: []byte("not a page")},
	}
	pages, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	Tree(pages)
	var om *Page
	for _, p := range pages {
		if p.URL == "/om/" {
			om = p
		}
	}
	var titles []string
	for _, c := range om.Children {
		titles = append(titles, c.Front.Title)
	}
	if have, want := strings.Join(titles, " "), "B C A Y"; have != want {
		t.Errorf("children of /om/: %s, want %s (weight, then title; y.md has no weight, so it comes last)", have, want)
	}
	if om.Parent == nil || om.Parent.URL != "/" {
		t.Errorf("the parent of /om/ is %v, want the home page", om.Parent)
	}
}

// FuzzParse feeds arbitrary files to the page parser: it must not panic,
// and every problem must name the file and a line.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: a\n---\nText",
		"\uFEFF---\r\ntitle: a\r\n---\r\n",
		"---\ntitle: [\n---\n",
		"---\ntitel: a\ndate: 2026-02-30\n---\n",
		"no front matter",
		"---\n",
		"---\ntitle: a\naliases: {x: 1}\n---\n",
		"\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, errs := Parse("content/x.md", src)
		for _, e := range errs {
			if e.Path != "content/x.md" || e.Line < 1 {
				t.Fatalf("problem without a position: %v", e)
			}
			if !utf8.ValidString(e.Msg.In(msg.SV)) {
				t.Fatalf("message is not UTF-8: %q", e.Msg)
			}
		}
		if p == nil && len(errs) == 0 {
			t.Fatal("no page and no problem")
		}
	})
}

func TestLessSwedish(t *testing.T) {
	var pages []*Page
	for _, title := range []string{"Östra", "Åre", "Zeta", "Ängelholm", "alfa", "Beta"} {
		pages = append(pages, &Page{URL: "/" + title + "/", Front: Front{Title: title}})
	}
	sort.Slice(pages, func(i, j int) bool { return Less(pages[i], pages[j]) })
	var have []string
	for _, p := range pages {
		have = append(have, p.Front.Title)
	}
	if got, want := strings.Join(have, " "), "alfa Beta Zeta Åre Ängelholm Östra"; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
}

// TestCacheLoad: a Cache gives the pages Load gives, each Load copies of
// its own, and a changed file is read anew.
func TestCacheLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":    {Data: []byte("---\ntitle: Start\n---\nHej.\n")},
		"content/om/_index.md": {Data: []byte("---\ntitle: Om\n---\n")},
		"content/om/pris.md":   {Data: []byte("---\ntitle: Pris\nweight: 2\n---\nDet kostar.\n")},
		"content/fel.md":       {Data: []byte("---\ntitle: [\n---\n")},
	}
	var c Cache
	for i, title := range []string{"Pris", "Pris", "Nytt pris"} {
		if i == 2 {
			fsys["content/om/pris.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Nytt pris\n---\nDet kostar mer.\n")}
		}
		want, werr := Load(fsys)
		have, herr := c.Load(fsys)
		if fmt.Sprint(werr) != fmt.Sprint(herr) || werr == nil {
			t.Fatalf("load %d: have error %v, want %v", i, herr, werr)
		}
		if len(have) != len(want) {
			t.Fatalf("load %d: have %d pages, want %d", i, len(have), len(want))
		}
		for j := range want {
			if !reflect.DeepEqual(want[j], have[j]) {
				t.Errorf("load %d: Cache.Load gives\n%+v\nLoad gives\n%+v", i, have[j], want[j])
			}
		}
		Tree(have) // links this load's pages only
		if p := have[len(have)-1]; p.Front.Title != title || p.Parent == nil {
			t.Errorf("load %d: %s has title %q and parent %v, want %q and its section", i, p.Path, p.Front.Title, p.Parent, title)
		}
	}
	if p := c.files["content/om/pris.md"].page; p.Parent != nil || p.Front.Title != "Nytt pris" {
		t.Errorf("the kept page was changed by a load: parent %v, title %q", p.Parent, p.Front.Title)
	}
}

// countingFS counts the files read; Stat goes to the folder.
type countingFS struct {
	fs.FS
	reads int
}

func (c *countingFS) ReadFile(name string) ([]byte, error) {
	c.reads++
	return fs.ReadFile(c.FS, name)
}

func (c *countingFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.FS, name) }

// TestCacheStamp: a file unchanged for a while is not read again while
// its stamp is the same; a file rewritten with the same size and its old
// modification time (as rsync -a or cp -p leave it) is read again, since
// the system sets its change time.
func TestCacheStamp(t *testing.T) {
	defer func(d time.Duration) { stampCutoff = d }(stampCutoff)
	stampCutoff = 50 * time.Millisecond
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/_index.md", "---\ntitle: Start\n---\nHej.\n")
	write("content/pris.md", "---\ntitle: Pris A\n---\nDet kostar.\n")
	fsys := &countingFS{FS: os.DirFS(dir)}
	var c Cache
	load := func() (map[string]string, int) {
		t.Helper()
		fsys.reads = 0
		pages, err := c.Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		titles := map[string]string{}
		for _, p := range pages {
			titles[p.Path] = p.Front.Title
		}
		return titles, fsys.reads
	}
	if _, n := load(); n != 2 {
		t.Fatalf("the first load read %d files, want 2", n)
	}
	if _, n := load(); n != 2 {
		t.Fatalf("files changed just now were not read again: %d reads, want 2", n)
	}
	time.Sleep(3 * stampCutoff)
	load() // read once more, now that they have been still: their stamps are kept
	if titles, n := load(); n != 0 || titles["content/pris.md"] != "Pris A" {
		t.Fatalf("unchanged files: %d reads, want 0 (titles %v)", n, titles)
	}
	p := filepath.Join(dir, "content", "pris.md")
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	write("content/pris.md", "---\ntitle: Pris B\n---\nDet kostar.\n")
	if err := os.Chtimes(p, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	if titles, n := load(); n != 1 || titles["content/pris.md"] != "Pris B" {
		t.Errorf("a file rewritten with its size and modification time: %d reads, title %q; want 1 read and Pris B", n, titles["content/pris.md"])
	}
}
