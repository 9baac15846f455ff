package history

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHead: head gives what git rev-parse gives (the commit, the folder's
// place in the work tree, whether the clone is shallow) in the usual
// repositories, where it must not ask git: a folder at the top and below
// it, a ref packed, a detached HEAD, a worktree of another checkout, a
// shallow clone, a site root reached through a link; and it asks git
// (ok false) where the repository is not the plain case: no commit yet,
// core.worktree set, GIT_DIR set, a reftable.
func TestHead(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	tmp := t.TempDir()
	git := func(dir string, args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.se",
			"GIT_COMMITTER_NAME=T", "GIT_COMMITTER_EMAIL=t@example.se")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git %v in %s: %v", args, dir, err)
		}
		return string(out)
	}
	repo := filepath.Join(tmp, "repo")
	site := filepath.Join(repo, "webbplats", "sajt")
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	os.WriteFile(filepath.Join(site, "content", "a.md"), []byte("a"), 0o644)
	git(tmp, "init", "-q", "-b", "main", repo)

	// check compares head in dir with git's answer; fast says head must
	// answer itself.
	check := func(what, dir string, fast bool) {
		t.Helper()
		commit, prefix, shallow, ok := head(dir)
		if !ok {
			if fast {
				t.Errorf("%s: head asks git", what)
			}
			return
		}
		if !fast {
			t.Errorf("%s: head answers (%q %q %v), want it to ask git", what, commit, prefix, shallow)
		}
		want := strings.Split(git(dir, "rev-parse", "HEAD", "--show-prefix", "--is-shallow-repository"), "\n")
		if commit != want[0] || prefix != want[1] || shallow != (want[2] == "true") {
			t.Errorf("%s: head %q %q %v, git %q %q %s", what, commit, prefix, shallow, want[0], want[1], want[2])
		}
	}
	check("no commit yet", site, false)
	git(repo, "add", ".")
	git(repo, "commit", "-q", "-m", "a")
	check("a folder below the top", site, true)
	check("the top", repo, true)
	os.WriteFile(filepath.Join(site, "content", "b.md"), []byte("b"), 0o644)
	git(repo, "add", ".")
	git(repo, "commit", "-q", "-m", "b")
	check("a second commit", site, true)
	git(repo, "pack-refs", "--all")
	if _, err := os.Stat(filepath.Join(repo, ".git", "refs", "heads", "main")); err == nil {
		t.Fatal("pack-refs left the loose ref")
	}
	check("the ref packed", site, true)
	git(repo, "checkout", "-q", "--detach", "HEAD~1")
	check("a detached HEAD", site, true)
	git(repo, "checkout", "-q", "main")
	os.Symlink(site, filepath.Join(tmp, "link"))
	check("through a link", filepath.Join(tmp, "link"), true)

	wt := filepath.Join(tmp, "wt")
	git(repo, "worktree", "add", "-q", "-b", "other", wt, "HEAD~1")
	check("a worktree", filepath.Join(wt, "webbplats", "sajt"), true)
	git(wt, "commit", "-q", "--allow-empty", "-m", "c")
	check("a worktree's own commit", filepath.Join(wt, "webbplats"), true)
	check("the main checkout after the worktree's commit", site, true)

	clone := filepath.Join(tmp, "clone")
	git(tmp, "clone", "-q", "--depth", "1", "file://"+repo, clone)
	check("a shallow clone", filepath.Join(clone, "webbplats"), true)

	git(repo, "config", "core.worktree", "..")
	check("core.worktree", site, false)
	git(repo, "config", "--unset", "core.worktree")
	check("core.worktree unset", site, true)
	t.Setenv("GIT_DIR", filepath.Join(repo, ".git"))
	check("GIT_DIR", repo, false)
	os.Unsetenv("GIT_DIR")
	os.MkdirAll(filepath.Join(repo, ".git", "reftable"), 0o755)
	check("a reftable", site, false)
}
