// Package history reads from git when each file of the site was last
// changed, for "Senast uppdaterad" on pages without a lastmod, and, on
// request, when a file was added ([Added]), for the build to say which of
// two pages that clash is the new one.
//
// The date of a file is the committer date of the newest commit that
// touched it, as a calendar day in Europe/Stockholm. A file's modification
// time is never used: a fresh checkout resets it. Outside a git work tree,
// or in a shallow clone without the history, files simply have no date.
package history

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path"
	"strings"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/rootfs"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// Dates maps a slash-separated path relative to the site root to the day
// it was last committed.
type Dates map[string]time.Time

// Load runs git in dir, the site root, and returns the dates of the files
// under paths (relative to dir: "content" for the pages), or of every file
// under dir when paths are none. It returns an empty map, not an error,
// when dir is not in a git work tree or git is not installed.
//
// git lists the files every commit touched, newest first, back to the
// first: the fewer paths, the less it compares. A repository's whole tree
// takes git about four times as long as its content/ (43 against 12 ms in
// this one, at 493 commits), and the time grows with every commit.
func Load(dir string, paths ...string) Dates {
	d := Dates{}
	if out, ok := gitLog(dir, paths); ok {
		parse(d, out)
	}
	return d
}

// gitLog returns what git log says of paths (every file under dir when
// none) for Load.
func gitLog(dir string, paths []string) ([]byte, bool) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	// --relative makes the names relative to dir.
	args := append([]string{"-C", dir, "log", "--format=%x00%cI", "--name-only", "--no-renames", "--relative", "--"}, paths...)
	out, err := exec.Command("git", args...).Output()
	return out, err == nil
}

// Cached is Load, with what git says kept in the folder cache (a
// slash-separated path inside dir: .cache/historik) for the next build of
// the same commit: git log reads every commit back to the first (12 ms
// for content/ at 493 commits, more with every commit), while which
// commit is checked out is read from .git (see head). An entry is named
// by the commit, the
// place of dir in the work tree and paths; the newest entry is the only
// one kept. A shallow clone, whose history can grow under the same
// commit, is not cached.
//
// The cache only saves time and is trusted with nothing but the dates:
// it is not used when cache or a folder above it in dir is a symbolic
// link or not a folder, and it is written through os.Root, to a fresh
// file renamed into place, so nothing is written outside dir.
func Cached(dir, cache string, paths ...string) Dates {
	commit, prefix, shallow, ok := head(dir)
	if !ok {
		out, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD", "--show-prefix", "--is-shallow-repository").Output()
		if err != nil {
			return Dates{} // not in a work tree, or no commit yet: nothing for Load either
		}
		lines := strings.Split(string(out), "\n")
		if len(lines) < 3 {
			return Load(dir, paths...)
		}
		commit, prefix, shallow = lines[0], lines[1], lines[2] != "false"
	}
	if shallow {
		return Load(dir, paths...)
	}
	root, err := os.OpenRoot(dir)
	if err != nil || !rootfs.CacheFolder(root, cache) {
		return Load(dir, paths...)
	}
	defer root.Close()
	sum := sha256.Sum256(fmt.Appendf(nil, "%q %q %q", commit, prefix, paths))
	name := hex.EncodeToString(sum[:16])
	entry := path.Join(cache, name)
	d := Dates{}
	if fi, err := root.Lstat(entry); err == nil && fi.Mode().IsRegular() {
		if data, err := root.ReadFile(entry); err == nil {
			parse(d, data)
			return d
		}
	}
	data, ok := gitLog(dir, paths)
	if !ok {
		return d
	}
	parse(d, data)
	keep(root, cache, name, data)
	return d
}

// keep writes data to cache/name in root, through a fresh file renamed
// into place, and removes the folder's other entries.
func keep(root *os.Root, cache, name string, data []byte) {
	if rootfs.Replace(root, path.Join(cache, name), data) != nil {
		return
	}
	if dir, err := root.Open(cache); err == nil {
		names, _ := dir.Readdirnames(-1)
		dir.Close()
		for _, n := range names {
			if n != name && !strings.Contains(n, ".tmp-") {
				root.Remove(path.Join(cache, n))
			}
		}
	}
}

// parse reads git log output: a line "\x00<date>" per commit, newest first,
// followed by the names of the files it touched. Each file gets the day
// (in Europe/Stockholm) of the first commit that names it.
func parse(d Dates, out []byte) {
	parseLog(d, out, func(t time.Time) time.Time {
		y, m, day := t.In(swedish.Location()).Date()
		return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	})
}

// parseLog reads git log output as parse does and gives each file the
// time of the first commit that names it, made by when.
func parseLog(d map[string]time.Time, out []byte, when func(time.Time) time.Time) {
	var cur time.Time
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "\x00") {
			t, err := time.Parse(time.RFC3339, line[1:])
			if err != nil {
				cur = time.Time{}
				continue
			}
			cur = when(t)
			continue
		}
		if line == "" || cur.IsZero() {
			continue
		}
		if p := path.Clean(line); d[p].IsZero() {
			d[p] = cur
		}
	}
}

// Added runs git in dir, the site root, and returns when each of paths
// (relative to dir) was added: the committer time of the newest commit
// that added the file at that path (a file moved there counts as added).
// A path git has no such commit for (not committed yet, or outside a git
// work tree) is missing. It is asked only when it matters, as it reads the
// whole history of those paths.
func Added(dir string, paths ...string) map[string]time.Time {
	d := map[string]time.Time{}
	if len(paths) == 0 {
		return d
	}
	args := append([]string{"-C", dir, "log", "--format=%x00%cI", "--name-only", "--no-renames", "--diff-filter=A", "--relative", "--"}, paths...)
	out, err := exec.Command("git", args...).Output()
	if err != nil {
		return d
	}
	parseAdded(d, out)
	return d
}

// parseAdded reads the output of git log for Added: the first commit
// listed for a path, the newest, is the one that added the file there now.
func parseAdded(d map[string]time.Time, out []byte) {
	parseLog(d, out, func(t time.Time) time.Time { return t.UTC() })
}
