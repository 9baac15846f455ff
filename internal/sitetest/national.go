package sitetest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/rootfs"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// IsNational reports whether the site at dir is a national directory: its
// site.yaml has national: (see package directory), so it is built from
// other sites' open data.
func IsNational(dir string) bool {
	y, _ := os.ReadFile(filepath.Join(dir, "site.yaml"))
	return bytes.Contains(y, []byte("\nnational:"))
}

// LayOutNational prepares the repository's national example at dir (like
// examples/nationell) to be built as its site.yaml says: it copies the
// example to tmp/examples/<name>, builds the repository's sample site (at
// repo) into tmp/public and every other example into
// tmp/examples/<other>/public on the day now, which are the paths its
// sources name, and returns the copy's root.
func LayOutNational(repo, dir, tmp string, now swedish.Day) (string, error) {
	root := filepath.Join(tmp, "examples", filepath.Base(dir))
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			if d.Name() == "public" || d.Name() == ".cache" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(root, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(root, rel), data, 0o644)
	})
	if err != nil {
		return "", err
	}
	build := func(src, out string) error {
		_, err := site.Build(context.Background(), site.Options{Features: all.Features(), Root: rootfs.New(src), Out: out, Now: now})
		if err != nil {
			return fmt.Errorf("%s does not build for %s:\n%v", src, dir, err)
		}
		return nil
	}
	if err := build(repo, filepath.Join(tmp, "public")); err != nil {
		return "", err
	}
	others, _ := filepath.Glob(filepath.Join(repo, "examples", "*", "site.yaml"))
	for _, y := range others {
		other := filepath.Dir(y)
		if filepath.Base(other) == filepath.Base(dir) || IsNational(other) {
			continue
		}
		if err := build(other, filepath.Join(tmp, "examples", filepath.Base(other), "public")); err != nil {
			return "", err
		}
	}
	return root, nil
}
