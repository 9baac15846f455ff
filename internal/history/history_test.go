package history

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	d := Dates{}
	parse(d, []byte("\x002026-11-20T23:30:00+00:00\n\ncontent/a.md\n\x002026-10-01T10:00:00+02:00\n\ncontent/a.md\ncontent/b.md\n"))
	// 23:30 UTC on 20 November is 00:30 on 21 November in Stockholm.
	if have, want := d["content/a.md"], time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC); !have.Equal(want) {
		t.Errorf("a.md: %v, want %v (the newest commit, as a Stockholm day)", have, want)
	}
	if have, want := d["content/b.md"], time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC); !have.Equal(want) {
		t.Errorf("b.md: %v, want %v", have, want)
	}
}

func TestLoad(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	run := func(env []string, args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run(nil, "init", "-q")
	os.MkdirAll(filepath.Join(dir, "site", "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "site", "content", "a.md"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(dir, "site", "site.yaml"), []byte("title: T"), 0o644)
	date := []string{"GIT_COMMITTER_DATE=2026-05-04T12:00:00+02:00", "GIT_AUTHOR_DATE=2026-05-04T12:00:00+02:00",
		"GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.se", "GIT_COMMITTER_NAME=T", "GIT_COMMITTER_EMAIL=t@example.se"}
	run(date, "add", ".")
	run(date, "commit", "-q", "-m", "a")
	d := Load(filepath.Join(dir, "site"))
	if have, want := d["content/a.md"], time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC); !have.Equal(want) {
		t.Errorf("content/a.md: %v, want %v; all: %v", have, want, d)
	}
	if _, ok := d["site.yaml"]; !ok {
		t.Errorf("site.yaml has no date; all: %v", d)
	}
	// Under content only: the pages' dates, not site.yaml's.
	d = Load(filepath.Join(dir, "site"), "content")
	if have, want := d["content/a.md"], time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC); !have.Equal(want) || len(d) != 1 {
		t.Errorf("under content: content/a.md %v, want %v, and nothing else; all: %v", have, want, d)
	}
	// b.md is added a day later; a.md's edit after that is no addition.
	os.WriteFile(filepath.Join(dir, "site", "content", "b.md"), []byte("b"), 0o644)
	later := append([]string{"GIT_COMMITTER_DATE=2026-05-05T09:00:00+02:00"}, date[1:]...)
	run(later, "add", ".")
	run(later, "commit", "-q", "-m", "b")
	os.WriteFile(filepath.Join(dir, "site", "content", "a.md"), []byte("a2"), 0o644)
	latest := append([]string{"GIT_COMMITTER_DATE=2026-05-06T09:00:00+02:00"}, date[1:]...)
	run(latest, "commit", "-q", "-am", "a again")
	added := Added(filepath.Join(dir, "site"), "content/a.md", "content/b.md", "content/c.md")
	if have, want := added["content/a.md"], time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC); !have.Equal(want) {
		t.Errorf("a.md added %v, want %v; all: %v", have, want, added)
	}
	if have, want := added["content/b.md"], time.Date(2026, 5, 5, 7, 0, 0, 0, time.UTC); !have.Equal(want) {
		t.Errorf("b.md added %v, want %v", have, want)
	}
	if _, ok := added["content/c.md"]; ok || len(Added(t.TempDir(), "a.md")) != 0 {
		t.Error("an addition of a file git does not have")
	}
	if len(Load(t.TempDir())) != 0 {
		t.Error("dates outside a git work tree")
	}
}

// TestCached: Cached gives what Load gives, from git the first time and
// from its entry for the commit after; another commit or other paths are
// another entry, of which only the newest is kept; a cache folder that is
// a symbolic link is not written through.
func TestCached(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	commit := func(date string, args ...string) {
		env := []string{"GIT_COMMITTER_DATE=" + date, "GIT_AUTHOR_DATE=" + date,
			"GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.se", "GIT_COMMITTER_NAME=T", "GIT_COMMITTER_EMAIL=t@example.se"}
		for _, a := range [][]string{{"add", "content", "site.yaml"}, append([]string{"commit", "-q"}, args...)} {
			cmd := exec.Command("git", a...)
			cmd.Dir = filepath.Join(dir, "site")
			cmd.Env = append(os.Environ(), env...)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v\n%s", a, err, out)
			}
		}
	}
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	site := filepath.Join(dir, "site")
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	os.WriteFile(filepath.Join(site, "content", "a.md"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(site, "site.yaml"), []byte("title: T"), 0o644)
	commit("2026-05-04T12:00:00+02:00", "-m", "a")

	const cache = ".cache/historik"
	entries := func() []string {
		t.Helper()
		names, err := filepath.Glob(filepath.Join(site, ".cache", "historik", "*"))
		if err != nil {
			t.Fatal(err)
		}
		return names
	}
	same := func(have, want Dates) {
		t.Helper()
		if len(have) != len(want) || len(want) == 0 {
			t.Fatalf("Cached %v, want %v (Load)", have, want)
		}
		for p, w := range want {
			if !have[p].Equal(w) {
				t.Fatalf("Cached %v, want %v (Load)", have, want)
			}
		}
	}
	same(Cached(site, cache, "content"), Load(site, "content"))
	kept := entries()
	if len(kept) != 1 {
		t.Fatalf("entries %v, want one", kept)
	}
	// The entry is what the next build of the commit reads.
	os.WriteFile(kept[0], []byte("\x002020-01-01T12:00:00+00:00\n\ncontent/a.md\n"), 0o644)
	if have, want := Cached(site, cache, "content")["content/a.md"], time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC); !have.Equal(want) {
		t.Errorf("from the entry: content/a.md %v, want %v", have, want)
	}
	// Other paths: another entry.
	same(Cached(site, cache), Load(site))
	// Another commit: another entry, the only one kept.
	os.WriteFile(filepath.Join(site, "content", "a.md"), []byte("a2"), 0o644)
	commit("2026-06-01T09:00:00+02:00", "-am", "a again")
	same(Cached(site, cache), Load(site))
	d := Cached(site, cache, "content")
	same(d, Load(site, "content"))
	if have, want := d["content/a.md"], time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC); !have.Equal(want) {
		t.Errorf("after a commit: content/a.md %v, want %v", have, want)
	}
	if kept := entries(); len(kept) != 1 {
		t.Errorf("entries %v, want one", kept)
	}
	// A cache folder that is a link out of the root: not written.
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(site, ".link")); err != nil {
		t.Fatal(err)
	}
	same(Cached(site, ".link/historik", "content"), Load(site, "content"))
	if names, _ := os.ReadDir(outside); len(names) != 0 {
		t.Errorf("written through a link: %v", names)
	}
	// Outside a work tree: nothing, as Load.
	if len(Cached(t.TempDir(), cache)) != 0 {
		t.Error("dates outside a git work tree")
	}
}
