package search

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hbtq-diplomering/webbplats/internal/testtools"
)

// script is the directory's script, which runs the query in the browser.
const script = "../../layouts/assets/directory.js"

// answer is what both implementations return for one state.
type answer struct {
	Hits       []string
	Classes    []int
	Counts     [3][]int
	Suggestion string
	Suggested  string
	Left       []string
}

// TestParity runs the script's query (in node, the script file as it is
// published) and Query on the same index and states, and requires the same
// hits in the same order, classes, filter counts and suggestions. The
// states are the relevance suite's queries, each also with filters, and
// misspelt, cut and inflected variants of them.
func TestParity(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		testtools.Need(t, testtools.Node)
	}
	// Read the scripts here too, so that go test's cache knows them: node
	// reads them in another process.
	for _, f := range []string{script, "../../layouts/assets/sitesearch.js"} {
		if _, err := os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}
	entries := fixtureEntries(t)
	idx, err := Build(entries, Settings{Synonyms: []Synonym{{"hjärta", []string{"kardiologi"}}, {"vc", []string{"hälsocentral"}}, {"youth clinic", []string{"ungdomsmottagning"}}}, Noise: []string{"hbtqi-diplomerad"}})
	if err != nil {
		t.Fatal(err)
	}
	x, err := Parse(idx)
	if err != nil {
		t.Fatal(err)
	}
	var states []State
	for _, c := range readCases(t, x) {
		q := c.query
		states = append(states,
			State{Q: q},
			State{Q: q, Kommun: []string{"umea"}},
			State{Q: q, Kommun: []string{"umea", "skelleftea"}, Kind: []string{"vardcentral", "tandvard"}},
			State{Q: q, Org: []string{"region-mittland"}, Kind: []string{"psykiatri"}},
			State{Q: strings.ToUpper(q)},
			State{Q: q[:len(q)/2]},
			State{Q: q + "na"},
			State{Q: swap(q)},
			State{Q: q + " xyzzy"},
		)
	}
	for _, q := range []string{"", " ", "i och på", "kommun", "skellefta", "umee", "dorote", "vardcentarl vannäs", "tandläkarens", "Ålidhems", "!!", "903", "Ærø", "hjärta", "vc", "sjukhusvägen 1", "youth clinic umeå", "hbtqi-diplomerad vårdcentral nära mig", "tandvård xyzzy umeå", "psykiatrin", "habilitering", "mödravårdscentralen", "dentist", "hur anmäler man sig"} {
		states = append(states, State{Q: q}, State{Q: q, Kind: []string{"vardcentral"}})
	}
	dir := t.TempDir()
	ipath := filepath.Join(dir, "index.json")
	if err := os.WriteFile(ipath, idx, 0o644); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(script)
	in, _ := json.Marshal(map[string]any{"script": abs, "index": ipath, "states": states})
	cmd := exec.Command(node, "testdata/parity.mjs")
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	outJSON, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var js []answer
	if err := json.Unmarshal(outJSON, &js); err != nil {
		t.Fatal(err)
	}
	if len(js) != len(states) {
		t.Fatalf("the script answered %d states, want %d", len(js), len(states))
	}
	suggested := 0
	for i, st := range states {
		r := x.Query(st)
		have := answer{Classes: r.Classes, Counts: r.Counts, Suggestion: r.Suggestion, Suggested: r.Suggested, Left: r.Left}
		for _, h := range r.Hits {
			have.Hits = append(have.Hits, x.Units[h].ID)
		}
		if r.Suggestion != "" {
			suggested++
		}
		if d := cmp.Diff(have, js[i], cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%+v: Go and the script differ (-go +script):\n%s", st, d)
		}
	}
	if suggested == 0 {
		t.Error("no state gave a suggestion: the suggestions are not compared")
	}
	t.Logf("%d states compared, %d with a suggestion", len(states), suggested)
}

// swap returns q with its middle two letters swapped: a typing mistake.
func swap(q string) string {
	r := []rune(q)
	if len(r) < 4 {
		return q
	}
	m := len(r) / 2
	r[m-1], r[m] = r[m], r[m-1]
	return string(r)
}

func TestMain(m *testing.M) { os.Exit(testtools.Main(m, "internal/search")) }
