package markdown

import (
	"os"
	"strconv"
	"testing"
)

func TestZZCount(t *testing.T) {
	if os.Getenv("ZZCOUNT") == "" {
		t.Skip()
	}
	files := []string{"testdata/gen/sida-00000.md", "testdata/gen/sida-00001.md", "testdata/gen/sida-00002.md", "testdata/gen/sida-00003.md", "testdata/gen/sida-00005.md"}
	var pages [][]byte
	for _, f := range files {
		src, _ := os.ReadFile(f)
		pages = append(pages, pageBody(src))
	}
	r := New(url)
	n, _ := strconv.Atoi(os.Getenv("ZZCOUNT"))
	for range n {
		for _, p := range pages {
			r.Render("content/a.md", p, 5)
		}
	}
}
