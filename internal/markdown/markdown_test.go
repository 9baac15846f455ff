package markdown

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
)

func url(p string) string {
	p = strings.TrimSuffix(strings.TrimPrefix(p, "content/"), ".md")
	p = strings.TrimSuffix(p, "_index")
	if p == "" {
		return "/"
	}
	return "/" + strings.TrimSuffix(p, "/") + "/"
}

func TestCollect(t *testing.T) {
	r := New(url)
	res, errs := r.Render("content/a.md", []byte("Intro\n\n## Ett\n\nText [länk](b.md) och ![Alt](c.png).\n\n### Två\n"), 5)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(res.Headings) != 2 || res.Headings[0].Line != 7 || res.Headings[1].Level != 3 || res.Headings[1].ID != "tva" {
		t.Errorf("headings %+v", res.Headings)
	}
	if len(res.Links) != 2 || res.Links[0].Dest != "/b/" || res.Links[0].Line != 9 || res.Links[0].Col != 6 || !res.Links[1].Image || res.Links[1].Text != "Alt" {
		t.Errorf("links %+v", res.Links)
	}
}

func FuzzRender(f *testing.F) {
	f.Add("## a\n\n![](x)\n<b>")
	f.Add("| a |\n|---|\n| <i> |\n")
	f.Add("[a](x y) *[b](c d)* `[e](f g)` \\[h](i j) ![k](l\tm)\n[n](\n o p)")
	r := New(url)
	f.Fuzz(func(t *testing.T, src string) {
		res, errs := r.Render("content/a.md", []byte(src), 3)
		for _, e := range errs {
			if e.Line < 3 {
				t.Fatalf("position before the body: %v", e)
			}
		}
		if strings.Contains(string(res.HTML), "<script") {
			t.Fatalf("script in output: %s", res.HTML)
		}
	})
}

// TestLinkWithSpaces: a link or image whose address has a space is not a
// link in CommonMark and would be published as text: it is an error at
// its line and column, with the address written with %20 as the hint.
// Written with %20, in < >, escaped, or in code, it is fine.
func TestLinkWithSpaces(t *testing.T) {
	r := New(url)
	for _, tc := range []struct{ name, src, want string }{
		{"link", "Läs\n[rapporten](/dokument/Utvärdering 2026 slutversion.pdf) nu.\n",
			"content/om/sida.md:3:1: [rapporten](/dokument/Utvärdering 2026 slutversion.pdf) blir ingen länk, eftersom adressen har mellanslag, utan står kvar som text på sidan (skriv [rapporten](/dokument/Utvärdering%202026%20slutversion.pdf), eller sätt adressen inom < >, eller byt namn på filen så att namnet saknar mellanslag)"},
		{"image", "Text ![Två personer](bild ett.png)\n",
			"content/om/sida.md:2:6: ![Två personer](bild ett.png) blir ingen länk, eftersom adressen har mellanslag, utan står kvar som text på sidan (skriv ![Två personer](bild%20ett.png), eller sätt adressen inom < >, eller byt namn på filen så att namnet saknar mellanslag)"},
		{"two on a line", "[a](x y) och [b](z w)\n",
			"content/om/sida.md:2:1: [a](x y) blir ingen länk, eftersom adressen har mellanslag, utan står kvar som text på sidan (skriv [a](x%20y), eller sätt adressen inom < >, eller byt namn på filen så att namnet saknar mellanslag)\ncontent/om/sida.md:2:14: [b](z w) blir ingen länk, eftersom adressen har mellanslag, utan står kvar som text på sidan (skriv [b](z%20w), eller sätt adressen inom < >, eller byt namn på filen så att namnet saknar mellanslag)"},
		{"with %20", "[a](/dokument/a%20b.pdf)\n", ""},
		{"in < >", "[a](</dokument/a b.pdf>)\n", ""},
		{"with a title", "[a](/om/ \"Om oss\")\n", ""},
		{"escaped", "\\[a](x y)\n", ""},
		{"code", "`[a](x y)`\n", ""},
		{"prose", "Se (till exempel) [a] och (b c).\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := r.Render("content/om/sida.md", []byte(tc.src), 2)
			have := ""
			if len(errs) > 0 {
				have = errs.Error()
			}
			if have != tc.want {
				t.Errorf("have\n%s\nwant\n%s", have, tc.want)
			}
		})
	}
}

// TestRenderAtOnce: pages rendered at the same time, on a renderer whose
// per-page state and buffers are pooled, give what each gives alone: no
// heading, link, text, problem or HTML of one page reaches another.
func TestRenderAtOnce(t *testing.T) {
	r := New(url, WithImages(func(page, dest string) (Img, error) {
		return Img{Src: "/bilder/" + dest, Width: 4, Height: 3}, nil
	}))
	pages := []string{
		"## Ett\n\nText med [länk](b.md) och www.example.se.\n\n## Ett\n",
		"# Rubrik\n\n![Alt](c.png \"Foto: Kim\")\n\n- [a](x y)\n- <b>fet</b>\n",
		"Bara text, ingen rubrik.\n",
		"### Tre `kod` och *kursiv*\n\n| a | b |\n|---|---|\n| [c](/om/c.md#del) | ![](d.png) |\n",
		"",
	}
	type result struct {
		res  Result
		errs string
	}
	render := func(i int) result {
		res, errs := r.Render(fmt.Sprintf("content/sida-%d.md", i), []byte(pages[i]), 4+i)
		return result{res, fmt.Sprint(errs)}
	}
	want := make([]result, len(pages))
	for i := range pages {
		want[i] = render(i)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for n := range 200 {
				i := (n + w) % len(pages)
				if have := render(i); !reflect.DeepEqual(have, want[i]) {
					t.Errorf("page %d rendered beside others:\n%+v\nalone:\n%+v", i, have, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}
