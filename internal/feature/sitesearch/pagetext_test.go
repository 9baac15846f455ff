package sitesearch

import (
	"bytes"
	"testing"
)

// TestPageTextLeavesThePageAlone: pageText reads a page kept in memory by
// the dev server or check, so it must not write into it, not even into the
// spare capacity after its <main>. (The lexer put a NUL after </main> once,
// which broke every page the dev server served.)
func TestPageTextLeavesThePageAlone(t *testing.T) {
	page := `<!doctype html><html><body><header>Sidhuvud</header><main><h1>Titel</h1><h2>Priser</h2><p>Text om priser.</p></main></div><footer>Sidfot</footer></body></html>`
	spare := bytes.Repeat([]byte("x"), 64)
	buf := append([]byte(page), spare...)[:len(page)]
	d := pageText(buf)
	if string(buf) != page || !bytes.Equal(buf[len(page):len(page)+len(spare)], spare) {
		t.Errorf("pageText changed the page:\n%q", buf[:len(page)+len(spare)])
	}
	if d.Text != "Priser Text om priser." && d.Text != "Text om priser." || len(d.Headings) != 1 || d.Headings[0] != "Priser" {
		t.Errorf("pageText = %+v; want the heading Priser and the text of <main> without its h1, header or footer", d)
	}
}
