package rootfs

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCacheFolder(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if !CacheFolder(root, ".cache/a") {
		t.Fatal("CacheFolder(.cache/a) = false on an empty root")
	}
	if fi, err := os.Lstat(filepath.Join(dir, ".cache", "a")); err != nil || !fi.IsDir() {
		t.Fatalf(".cache/a not made: %v", err)
	}
	os.Symlink(outside, filepath.Join(dir, ".cache", "link"))
	if CacheFolder(root, ".cache/link") || CacheFolder(root, ".cache/link/b") {
		t.Error("CacheFolder takes a folder through a symbolic link")
	}
	os.WriteFile(filepath.Join(dir, ".cache", "file"), nil, 0o644)
	if CacheFolder(root, ".cache/file") {
		t.Error("CacheFolder takes a file for a folder")
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("made %v outside the root", entries)
	}
}

func TestReplace(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(t.TempDir(), "target")
	os.WriteFile(target, []byte("outside"), 0o644)
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	os.Symlink(target, filepath.Join(dir, "entry"))
	if err := Replace(root, "entry", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(target); string(data) != "outside" {
		t.Errorf("Replace wrote through a link: the target holds %q", data)
	}
	if fi, err := os.Lstat(filepath.Join(dir, "entry")); err != nil || !fi.Mode().IsRegular() {
		t.Fatalf("entry is not a regular file after Replace: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "entry")); string(data) != "new" {
		t.Errorf("entry holds %q, want %q", data, "new")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left %d files, want the entry alone", len(entries))
	}
}
