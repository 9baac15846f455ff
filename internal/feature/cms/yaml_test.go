package cms_test

import (
	"os"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/feature/cms"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
)

// TestFastYAML: the configuration as the build writes it (cms.writeYAML,
// not yaml.v3's encoder, for speed) is yaml.v3's byte for byte, for every
// site of roots.
func TestFastYAML(t *testing.T) {
	words, errs := settings.LoadWords(os.DirFS("../../.."), nil)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	for name, root := range roots(t) {
		fast, v3, err := cms.FastAndYAMLv3(cms.Site{
			Root: os.DirFS(root), Settings: reflect.TypeFor[settings.Site](), Title: "Hbtq-diplomering",
			URL: "https://hbtq.example.se", Repo: "region-exempel/hbtq-diplomering",
			Values: &settings.Site{Kinds: words.Kinds}, Logo: "/favicon.svg", Features: all.Features(),
		})
		if err != nil {
			t.Fatal(err)
		}
		if fast == nil {
			t.Errorf("%s: the configuration is not written fast", name)
			continue
		}
		if d := cmp.Diff(string(v3), string(fast)); d != "" {
			t.Errorf("%s: written fast, the configuration differs from yaml.v3's (-yaml.v3 +fast):\n%s", name, d)
		}
	}
}

// FuzzFastYAML: a text anywhere in the configuration is written as yaml.v3
// writes it, or the fast writer gives up (a text with a line break).
func FuzzFastYAML(f *testing.F) {
	for _, s := range []string{"", " ", "a", "Rubrik", "Sidans rubrik. Måste finnas.", " inleds med mellanslag", "slutar med mellanslag ",
		"yes", "No", "off", "ON", "y", "true", "False", "null", "~", "Yes", "YES", "n", "N", "NO", "on", "On", "Off", "OFF", "True", "TRUE", "false", "FALSE", "Null", "NULL",
		"yES", "nO", "oN", "tRUE", "nulL", "yess", "e", "E", "i", "x", "inf", "nan", "NaN", "Inf", "title", "date", "a1", "a-", "a.", "a,", "a b", "ab ", "a(b)", "a/b", "a–b", "É", "ß", "1", "1.5", "-1", "+1", ".5", "1e3", "0x1F", "0o17", "1_000",
		"2026-01-01", "2026-01-01T10:00:00Z", "12:30", "1:20:30", ".inf", "-.inf", ".NaN", "<<",
		"a: b", "a:b", "a #b", "#a", "- a", "-a", "? a", "?a", ": a", "'a", "\"a\"", "a'b", "a\"b", "a\\b", "a\tb",
		"{a}", "[a]", "a,b", "a, b", "*a", "&a", "!a", "|a", ">a", "%a", "@a", "`a", "a`", "---", "...", "--- a", "... a",
		"å ä ö", "Ändra", "Öppet – stängt", "a\u00a0b", "\u00a0a", "a\u2028b", "\ufeffa", "a\u0085b", "a\x01b", "a\x7fb", "\xff",
		"{{slug}}/", "nyheter/{{slug}}/", "{{fields.what}}", "Skriv färgen med # och sex tecken, till exempel #0b5e6b.",
		"^[a-z0-9-]+$", "https://example.se/a?b=c#d", "a\nb", "a\r\nb", "a\n", "\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fast, v3, err := cms.TextFastAndYAMLv3(s)
		if err != nil {
			t.Skip() // yaml.v3 cannot write it either
		}
		if fast != nil && string(fast) != string(v3) {
			t.Fatalf("%q written fast differs from yaml.v3's (-yaml.v3 +fast):\n%s", s, cmp.Diff(string(v3), string(fast)))
		}
	})
}
