package document

import (
	"os"
	"testing"
	"testing/fstest"

	"hbtq/internal/diag"
)

func TestLoad(t *testing.T) {
	m := fstest.MapFS{
		"static/dokument/rapport-2021.pdf": {Data: make([]byte, 1_234_567)},
		"static/dokument/trappa.pdf":       {Data: make([]byte, 2048)},
		File: {Data: []byte(`documents:
  - file: dokument/rapport-2021.pdf
    title: Rapport
    year: 2021
    kind: utvärdering
  - file: dokument/rapport-2012.pdf
    title: Saknas
    year: 2012
    kind: rapport
  - file: dokument/trappa.pdf
    title: Trappa
    year: 2024
    kind: verktyget
`)},
	}
	l, err := Load(m)
	want := "content/dokument.yaml:6:11: the file static/dokument/rapport-2012.pdf does not exist (did you mean dokument/rapport-2021.pdf?)\n" +
		"content/dokument.yaml:13:11: \"verktyget\" is not a kind of document (did you mean verktyg?)"
	if have := diag.Errors(err).Error(); have != want {
		t.Errorf("have\n%s\nwant\n%s", have, want)
	}
	d, ok := l.ByURL("/dokument/rapport-2021.pdf")
	if !ok {
		t.Fatal("the report is not listed")
	}
	if have, want := d.LinkText(), "Rapport (PDF, 1,2\u00a0MB)"; have != want {
		t.Errorf("LinkText %q, want %q", have, want)
	}
}

func TestSample(t *testing.T) {
	l, err := Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	g := l.Groups()
	if len(g) != 2 || g[0].Kind != "utvärdering" || len(g[0].Documents) != 2 {
		t.Errorf("groups %+v", g)
	}
}
