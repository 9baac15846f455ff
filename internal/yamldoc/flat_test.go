package yamldoc

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// sameAsYAML fails t when flat takes src and makes other nodes than
// yaml.v3 makes of it, or takes what yaml.v3 refuses; it reports whether
// flat took src.
func sameAsYAML(t *testing.T, src string) bool {
	t.Helper()
	have, ok := flat([]byte(src))
	if !ok {
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatalf("flat took %q, which yaml.v3 refuses: %v", src, err)
	}
	if len(doc.Content) != 1 {
		t.Fatalf("flat took %q, in which yaml.v3 finds %d nodes", src, len(doc.Content))
	}
	if line := secondDocument([]byte(src)); line > 0 {
		t.Fatalf("flat took %q, which has a second document at line %d", src, line)
	}
	if d := nodeDiff(have, doc.Content[0]); d != "" {
		t.Fatalf("flat(%q) differs from yaml.v3: %s", src, d)
	}
	return true
}

// nodeDiff describes the first difference between the trees a and b, or
// returns "".
func nodeDiff(a, b *yaml.Node) string {
	// Comments are not compared: flat leaves them out, and nothing reads
	// them.
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor ||
		a.Alias != b.Alias || a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
		return fmt.Sprintf("flat made %s, yaml.v3 %s", describe(a), describe(b))
	}
	for i := range a.Content {
		if d := nodeDiff(a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

func describe(n *yaml.Node) string {
	return fmt.Sprintf("{Kind %d Style %d Tag %q Value %q at %d:%d, %d nodes in it, comments %q %q %q}",
		n.Kind, n.Style, n.Tag, n.Value, n.Line, n.Column, len(n.Content), n.HeadComment, n.LineComment, n.FootComment)
}

// pieces are lines and values that flat must read as yaml.v3 does, or
// leave to it.
var (
	flatKeys   = []string{"title", "description", "weight", "date", "easy_read", "x-y", "true", "null", "y", "N", "_a", "a1", "1a", "-a", "Titel", "Å", "a b", "a\tb", "<<", "a:b"}
	flatValues = []string{
		"Pris och villkor", "Äldreomsorg och hälsa 9900", "4", "-1", "-a", "- a", "0x1F", "1_000", "07", "3.5", ".5", ".inf", "-.inf", ".nan",
		"2026-11-20", "2026-02-30", "2026-1-2", "2026-11-20T10:00:00Z", "2026-11-20 10:00", "true", "false", "True", "yes", "no", "on", "off", "~",
		"null", "Null", "NULL", "<<", "=", "a:b", "a: b", "a:", "https://example.org/x?y=1#z", "C#", "a #b", "#a", "a#b",
		"[a, b]", "[/pris/]", "{a: 1}", "[]", "[ ]", "[a,b]", "[a, b,]", "[Åre, Umeå, x]", "[ä,ö]", "[a, [b]]", "[a: b]", "[a:b]", "[a #b]",
		"[a]  ", "[a] x", "[-1, 2026-01-02, true, ~, null, .5]", "[\"a\", b]", "[a, 'b']", "[a", "[,]", "[a , b ]", "[ Åre,Umeå ]", "[hbtq-team, kim-exempelsson]",
		"[a\tb]", "[<<]", "[- a]", "[?a]", "[a]]", "[a]#",
		"a # c", "a  #c", "'a' # c", "\"a\" #c", "\"a # b\"", "'a #b' # c", "[a, b] # c", "# c", "a #", "a#c", "'a'# c", "[a]# c", "[a] #", "\"a\" x # c", "a: b # c",
		"\"a\\\"b\"", "\"a\\\\b\"", "\"\\\"\"", "\"a\\nb\"", "\"a\\\"", "\"a\\\\\"", "\"C:\\\\mapp\\\\\" # c", "\"a\\\" # c\"",
		"[\"{a}\", b, 'c, d', \"e\\\"]\"]", "[\"a\" , 'b' ]", "[\"a\"b]", "[\"a, b]", "['a'', b]", "[\"a\\\", b]", "[ \"Å\", ö, \"ä\"]", "[\"a: b\"]",
		"a # \xd9", "a #\tb", "a # \x01", "'a' # \u2028", "# \xff", "[a] # \u0085b", "a # \ufeff", "se [länk](/x/)", "a, b", "&x", "*x", "!x", "!!str a", "|", ">", "%x", "@x", "`x`", "?", "? a", "?a",
		":a", "a ", "a  ", "\"a\"", "\"a: b\"", "\"a\\nb\"", "\"a\"b\"", "\"\"", "''", "'a'", "'a''b'", "'a: #b'", "\"a", "'a", "a\"", "Det är 'bra'",
		"tab\there", "\u00a0", "a\u00a0", "\u0085", "a\u2028b", "\ufeffa", "\u00ad", "\U0001F600", "\ue000", "\ufffd", "\xff", "a\x01", "a\x7f",
		"\u200b", "", " ", "...", "--- a", "---", "a\r", "0o17", "0b101", "+1", "1e3", "١٢", "a:\u00a0b", "-", "--", "-1-", "- 1",
	}
)

// TestFlatAsYAML: documents made of flat's lines and of lines it must
// leave to yaml.v3, in many combinations and nestings: whatever flat
// takes, it reads as yaml.v3 does, and it takes the usual front matter and
// registry.
func TestFlatAsYAML(t *testing.T) {
	for _, src := range []string{
		"title: Pris och villkor\ndescription: Vad det kostar.\nweight: 4\nlastmod: 2026-11-20\n",
		"title: Om oss\naliases:\n  - /om-oss/\n  - /om/\nmenu: main\n",
		"title: Om oss\naliases:\n- /om-oss/\n\n- /om/\n\nweight: 2",
		"title: \"Pris: 5 900 kr\"\nlayout: 'start'\n",
		"title: \"Om \\\"oss\\\" och C:\\\\mapp\" # escapes\n",
		"catalog_keywords: [\"{diplomering}\", hbtq, vård]\n",
		"title: Kontakt\ncontacts: [hbtq-team, kim-exempelsson, robin-testsson]\naliases: [/pris/]\ntags: []\nkommuner: [Åre, Umeå, Skellefteå]\n",
		"organisation: Organisation 0\nregion: Exempellän\nunits:\n  - id: enhet-00000\n    name: Habilitering Älvkanten 0\n" +
			"    certified: 2025-02-03\n    internal:\n      contact: Kim Exempelsson\n      participation: 100\n      manager_took_part: true\n" +
			"  - id: enhet-00001\n    name: Administration Solgläntan 1\n",
		"- id: a\n  tags:\n  - x\n  - y\n- id: b\n",
		"# Enheter\norganisation: Region # länet\nunits: # alla\n  # den första\n  - id: a # id\n    name: 'A # B' # namn\n    tags: [x, y] # två\n\n   \n  - b # ett värde\n",
	} {
		if !sameAsYAML(t, src) {
			t.Errorf("flat leaves %q to yaml.v3", src)
		}
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	pick := func(s []string) string { return s[rnd.IntN(len(s))] }
	// indent returns n spaces, now and then one more or one less.
	indent := func(n int) string {
		switch rnd.IntN(16) {
		case 0:
			n++
		case 1:
			n = max(n-1, 0)
		}
		return strings.Repeat(" ", n)
	}
	var block func(b *strings.Builder, n, depth int, first string)
	// block writes a mapping or a list at indent n; first, when not
	// empty, stands before its first line instead of the indent (a
	// list's item that is a mapping).
	block = func(b *strings.Builder, n, depth int, first string) {
		list := first == "" && rnd.IntN(3) == 0
		for i := range 1 + rnd.IntN(3) {
			lead := indent(n)
			if i == 0 && first != "" {
				lead = first
			}
			switch rnd.IntN(12) {
			case 0:
				b.WriteString(strings.Repeat(" ", rnd.IntN(2)) + "\n")
			case 1:
				b.WriteString(strings.Repeat(" ", rnd.IntN(n+3)) + pick([]string{"# en kommentar", "#\tx", "# \xd9", "# \u0085 x", "#"}) + "\n")
			}
			if list {
				item := lead + "-" + strings.Repeat(" ", 1+rnd.IntN(2))
				if depth < 3 && rnd.IntN(3) == 0 {
					block(b, len(item), depth+1, item)
				} else {
					b.WriteString(item + pick(flatValues) + "\n")
				}
				continue
			}
			key := lead + pick(flatKeys) + ":"
			if depth < 3 && rnd.IntN(3) == 0 {
				b.WriteString(key + "\n")
				block(b, n+rnd.IntN(4), depth+1, "")
				continue
			}
			b.WriteString(key + strings.Repeat(" ", rnd.IntN(3)) + pick(flatValues) + "\n")
		}
	}
	took, nested := 0, 0
	for range 300000 {
		var b strings.Builder
		block(&b, 0, 0, "")
		src := b.String()
		if rnd.IntN(4) == 0 {
			src = strings.TrimSuffix(src, "\n")
		}
		if sameAsYAML(t, src) {
			took++
			if strings.Contains(src, ":\n ") || strings.Contains(src, "- ") {
				nested++
			}
		}
	}
	t.Logf("flat took %d documents, %d of them nested", took, nested)
	if took < 3000 || nested < 1000 {
		t.Errorf("flat took %d documents, %d of them nested; want at least 3000 and 1000", took, nested)
	}
}

// FuzzFlat: whatever flat takes, it reads as yaml.v3 does.
func FuzzFlat(f *testing.F) {
	for _, s := range []string{
		"title: a\n", "title: a\naliases:\n  - /b/\n", "a: 'b'\nc: \"d\"", "a:\n- 1\n- 2\nb: 3\n", "a: b\n\nc: 2026-01-02\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		sameAsYAML(t, src)
	})
}

// BenchmarkParseFrontMatter: a page's front matter through Parse, which
// takes the flat form itself, against yaml.v3.
func BenchmarkParseFrontMatter(b *testing.B) {
	src := []byte("title: Äldreomsorg och hälsa 9900\ndescription: Sexualitet kommun kallelse omdiplomering ungdomar kommun vårdcentral forskning.\nweight: 19\nlastmod: 2026-01-02\n")
	b.Run("flat", func(b *testing.B) {
		for b.Loop() {
			d := Decoder{Path: "x.md"}
			if n, err := d.Parse(src); n == nil || err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		for b.Loop() {
			var doc yaml.Node
			if err := yaml.Unmarshal(src, &doc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkParseRegistry: a registry of 100 units through Parse, which
// takes its form itself, against yaml.v3.
func BenchmarkParseRegistry(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("organisation: Organisation 0\nregion: Exempellän\nunits:\n")
	for i := range 100 {
		fmt.Fprintf(&sb, "  - id: enhet-%05d\n    name: Habilitering Älvkanten %d\n    kommun: Eksjö\n    kind: habilitering\n"+
			"    address: Exempelgatan 83, 903 65 Eksjö\n    website: https://enhet-%05d.example.se\n    certified: 2025-02-03\n"+
			"    internal:\n      contact: Kim Exempelsson\n      contact_email: kim@example.se\n      participation: 100\n      manager_took_part: true\n", i, i, i)
	}
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	b.Run("flat", func(b *testing.B) {
		for b.Loop() {
			d := Decoder{Path: "r.yaml"}
			if n, err := d.Parse(src); n == nil || err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		for b.Loop() {
			var doc yaml.Node
			if err := yaml.Unmarshal(src, &doc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestPlainTagDates holds plainTag to yaml.v3's tag for plain scalars that
// look like a date, 2006-01-02: every month and day from 00 to 99 in
// years common, leap and at the ends, with the digits of other shapes
// around. It fails if isDate takes a day out of the calendar (2026-02-29,
// 2026-13-01, 2026-04-31) for a date.
func TestPlainTagDates(t *testing.T) {
	var vals []string
	for _, y := range []string{"0000", "0001", "1900", "2000", "2024", "2026", "2100", "9999"} {
		for m := 0; m < 100; m++ {
			for d := 0; d < 100; d++ {
				vals = append(vals, fmt.Sprintf("%s-%02d-%02d", y, m, d))
			}
		}
	}
	grid := len(vals)
	vals = append(vals, "2026-1-02", "2026-01-2", "20260-01-02", "2026-01-021", "2026/01/02", "2026-01-02 ",
		"2026-01-02T10:00:00Z", "2026-01-02 10:00", "-2026-01-02", "+2026-01-02", "2026-0a-02", "2026--1-02", "12345", "0x1F")
	dates := 0
	for i, v := range vals {
		n := &yaml.Node{Kind: yaml.ScalarNode, Value: v}
		have, want := plainTag(n), n.ShortTag()
		if have != want {
			t.Errorf("plainTag(%q): have %s, want %s", v, have, want)
		}
		if have == "!!timestamp" && i < grid {
			dates++
		}
	}
	// 366 or 365 days in each of the eight years of the grid (0000, 2000
	// and 2024 leap).
	if want := 3*366 + 5*365; dates != want {
		t.Errorf("have %d dates, want %d", dates, want)
	}
}
