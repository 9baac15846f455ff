package history

import (
	"os"
	"path/filepath"
	"strings"
)

// head returns what `git rev-parse HEAD --show-prefix
// --is-shallow-repository` says in dir (the commit checked out, dir's
// place in the work tree, and whether the clone is shallow) without
// running git: Cached asks it on every build, and starting git costs
// about 2 ms of CPU and more of wall time, which every build waited for
// before it began. It reads the files git reads for it (.git found up
// from dir, a .git file's gitdir: and its commondir, HEAD, the ref HEAD
// names, loose or in packed-refs, the shallow file); ok is false, for
// git to be asked, whenever something is not the plain case: a GIT_
// variable that moves the repository, a configuration that moves the
// work tree, makes the repository bare, stores refs another way or
// includes another file, a ref that is not a plain object name, a
// per-worktree ref. TestHead holds it to git.
func head(dir string) (commit, prefix string, shallow, ok bool) {
	for _, v := range []string{"GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_CEILING_DIRECTORIES",
		"GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_CONFIG", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM",
		"GIT_CONFIG_COUNT", "GIT_CONFIG_PARAMETERS", "GIT_NAMESPACE", "GIT_OBJECT_DIRECTORY"} {
		if _, set := os.LookupEnv(v); set {
			return "", "", false, false
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", false, false
	}
	if abs, err = filepath.EvalSymlinks(abs); err != nil {
		return "", "", false, false
	}
	// The work tree's top: the nearest folder up with a .git.
	top := abs
	var gitDir string
	for {
		g := filepath.Join(top, ".git")
		fi, err := os.Stat(g)
		if err == nil && fi.IsDir() {
			gitDir = g
			break
		}
		if err == nil && fi.Mode().IsRegular() {
			data, err := os.ReadFile(g)
			rest, found := strings.CutPrefix(string(data), "gitdir: ")
			if err != nil || !found {
				return "", "", false, false
			}
			gitDir = strings.TrimRight(rest, "\r\n")
			if !filepath.IsAbs(gitDir) {
				gitDir = filepath.Join(top, gitDir)
			}
			break
		}
		up := filepath.Dir(top)
		if up == top {
			return "", "", false, false
		}
		top = up
	}
	common := gitDir
	if data, err := os.ReadFile(filepath.Join(gitDir, "commondir")); err == nil {
		common = strings.TrimRight(string(data), "\r\n")
		if !filepath.IsAbs(common) {
			common = filepath.Join(gitDir, common)
		}
	}
	for _, c := range []string{filepath.Join(common, "config"), filepath.Join(gitDir, "config.worktree")} {
		if data, err := os.ReadFile(c); err != nil && !os.IsNotExist(err) || !plainConfig(string(data)) {
			return "", "", false, false
		}
	}
	if _, err := os.Stat(filepath.Join(common, "reftable")); err == nil {
		return "", "", false, false
	}
	ref := "HEAD"
	for range 5 {
		var data []byte
		var err error
		if ref == "HEAD" {
			data, err = os.ReadFile(filepath.Join(gitDir, "HEAD"))
		} else {
			if !strings.HasPrefix(ref, "refs/") || strings.Contains(ref, "..") || strings.HasPrefix(ref, "refs/worktree/") ||
				strings.HasPrefix(ref, "refs/bisect/") || strings.HasPrefix(ref, "refs/rewritten/") {
				return "", "", false, false
			}
			data, err = os.ReadFile(filepath.Join(common, filepath.FromSlash(ref)))
			if os.IsNotExist(err) {
				data, err = packedRef(common, ref)
			}
		}
		if err != nil {
			return "", "", false, false
		}
		s := strings.TrimRight(string(data), "\r\n")
		if r, found := strings.CutPrefix(s, "ref: "); found {
			ref = r
			continue
		}
		if len(s) != 40 || strings.Trim(s, "0123456789abcdef") != "" {
			return "", "", false, false
		}
		commit = s
		break
	}
	if commit == "" {
		return "", "", false, false
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil {
		return "", "", false, false
	}
	if rel != "." {
		prefix = filepath.ToSlash(rel) + "/"
	}
	_, err = os.Stat(filepath.Join(common, "shallow"))
	return commit, prefix, err == nil, true
}

// packedRef returns the object name packed-refs in common gives ref, or
// an error.
func packedRef(common, ref string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(common, "packed-refs"))
	if err != nil {
		return nil, err
	}
	for line := range strings.Lines(string(data)) {
		name, r, found := strings.Cut(strings.TrimRight(line, "\r\n"), " ")
		if found && r == ref && !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "^") {
			return []byte(name), nil
		}
	}
	return nil, os.ErrNotExist
}

// plainConfig reports whether a repository's configuration leaves what
// head reads where git's defaults have it: no core.worktree, a bare that
// is false, no other ref storage or object format, no included file.
func plainConfig(data string) bool {
	for line := range strings.Lines(data) {
		l := strings.ToLower(strings.TrimSpace(line))
		if strings.HasPrefix(l, "[include") {
			return false
		}
		k, v, _ := strings.Cut(l, "=")
		switch strings.TrimSpace(k) {
		case "worktree", "refstorage", "objectformat":
			return false
		case "bare":
			if strings.TrimSpace(v) != "false" {
				return false
			}
		}
	}
	return true
}
