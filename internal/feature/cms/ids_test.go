package cms_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"regexp"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/slug"
	"github.com/hbtq-diplomering/webbplats/internal/testtools"
)

// TestIDSlugParity runs the slug of ids.js (in node) and slug.Make on the
// same names: the id the tool makes from a unit's name is the one the
// build's hint proposes and the address rule gives.
func TestIDSlugParity(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		testtools.Need(t, testtools.Node)
	}
	src, err := os.ReadFile("ids.js")
	if err != nil {
		t.Fatal(err)
	}
	fn := regexp.MustCompile(`(?s)const spelled = .*?;\n  const slug = .*?;\n`).Find(src)
	if fn == nil {
		t.Fatal("ids.js has no const spelled and const slug")
	}
	names := []string{
		"Vårdcentralen Ålidhem", "Ungdomsmottagningen i Umeå", "Folktandvården Skellefteå – Centrum",
		"BUP Jönköping (öppenvård)", "Hälsocentral Ærø & Øresund", "Straße 5", "Þór Ðoe Łódź Œuvre",
		"  --Mottagning 2026--  ", "Café Élise", "Åsele HC", "Vc Öster/Väster", "Ündërgång", "ﬁnland", "Ǆemal", "İstanbul",
		"Sjukhuset i Kiruna № 1", "100 % delaktighet", "Äldreomsorg: Hemtjänst Norr",
	}
	data, _ := json.Marshal(names)
	script := string(fn) + "process.stdout.write(JSON.stringify(" + string(data) + ".map(slug)));"
	out, err := exec.Command(node, "-e", script).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var have []string
	if err := json.Unmarshal(out, &have); err != nil {
		t.Fatal(err)
	}
	for i, n := range names {
		if want := slug.Make(n); have[i] != want {
			t.Errorf("ids.js makes %q of %q; slug.Make makes %q", have[i], n, want)
		}
	}
}

func TestMain(m *testing.M) { os.Exit(testtools.Main(m, "internal/feature/cms")) }
