package settings

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestThemeWords: the theme's layouts/words.yaml gives every word, and
// site.yaml's words: changes only the ones it names.
func TestThemeWords(t *testing.T) {
	w, errs := LoadWords(os.DirFS("../.."), &Words{Home: "Hem", DocumentKinds: map[string]string{"rapport": "Årsrapporter"},
		OpenDataFields: map[string]FieldWords{"kommun": {Title: "Kommunnamn"}}, CatalogKeywords: []string{"diplom"}})
	if w == nil || len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	if w.Home != "Hem" || w.NotFound != "Sidan finns inte" || w.DocumentKinds["rapport"] != "Årsrapporter" || w.DocumentKinds["verktyg"] != "Verktyg" {
		t.Errorf("merged words: %+v", w)
	}
	if k := w.OpenDataFields["kommun"]; k.Title != "Kommunnamn" || k.About == "" || w.OpenDataFields["kommun_code"].Title != "Kommunkod" {
		t.Errorf("merged open_data_fields: %+v", w.OpenDataFields)
	}
	if !reflect.DeepEqual(w.CatalogKeywords, []string{"diplom"}) || len(w.CatalogKeywordsEn) == 0 {
		t.Errorf("merged catalog_keywords: %q, %q", w.CatalogKeywords, w.CatalogKeywordsEn)
	}
	v := reflect.ValueOf(w).Elem()
	for i := range v.NumField() {
		if f := v.Field(i); (f.Kind() == reflect.String || f.Kind() == reflect.Slice || f.Kind() == reflect.Map) && f.Len() == 0 {
			t.Errorf("%s gives no %s", WordsFile, v.Type().Field(i).Tag.Get("yaml"))
		}
	}
	if have := Fill(w.KommunTitle, "kommun", "Umeå"); have != "Diplomerade verksamheter i Umeå" {
		t.Errorf("Fill(kommun_title) = %q", have)
	}
}

// FuzzFill holds Fill to strings.NewReplacer with the pairs ("{name}",
// value, …), what it was written as: the same text for any pattern and
// names, braces inside names and names given twice included.
func FuzzFill(f *testing.F) {
	f.Add("Diplomerade verksamheter i {kommun}", "kommun", "Umeå", "", "")
	f.Add("{a}{b}{{a}}{a", "a", "1", "b", "{a}")
	f.Add("{a}{a}", "a", "x", "a", "y")
	f.Add("{}", "", "tom", "x", "")
	f.Add("{a}b}", "a}b", "1", "a", "2")
	f.Fuzz(func(t *testing.T, pattern, n1, v1, n2, v2 string) {
		want := strings.NewReplacer("{"+n1+"}", v1, "{"+n2+"}", v2).Replace(pattern)
		if have := Fill(pattern, n1, v1, n2, v2); have != want {
			t.Errorf("Fill(%q, %q, %q, %q, %q) = %q, want %q", pattern, n1, v1, n2, v2, have, want)
		}
	})
}
