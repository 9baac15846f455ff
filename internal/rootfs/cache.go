package rootfs

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"
	"sync/atomic"
)

// The build keeps what it may reuse in folders under .cache in the site
// root (the history, the badges' PNGs, the smaller copies of images).
// CacheFolder and Replace are how those caches make their folder and write
// their entries, through an os.Root (of the site root; of its own folder
// for the images' cache, which checks its folders itself, with messages of
// its own), so that nothing is written outside it.

// CacheFolder makes the slash-separated folder p in root, with the
// folders above it, and reports whether each of them is a folder and not
// a symbolic link (or a file): a cache is not used through a link.
func CacheFolder(root *os.Root, p string) bool {
	at := ""
	for _, part := range strings.Split(path.Clean(p), "/") {
		at = path.Join(at, part)
		fi, err := root.Lstat(at)
		if errors.Is(err, fs.ErrNotExist) {
			if err := root.Mkdir(at, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				return false
			}
			fi, err = root.Lstat(at)
		}
		if err != nil || !fi.IsDir() { // a symbolic link is not a folder to Lstat
			return false
		}
	}
	return true
}

// tmpCount tells apart the fresh files of one process's writes.
var tmpCount atomic.Int64

// Replace writes data to the slash-separated name in root through a fresh
// file (name.tmp-<pid>-<n>) renamed into place, so that a reader sees the
// old entry or the whole new one, and a link under name is replaced, not
// followed. The fresh file is removed when anything fails.
func Replace(root *os.Root, name string, data []byte) error {
	tmp := name + ".tmp-" + strconv.Itoa(os.Getpid()) + "-" + strconv.FormatInt(tmpCount.Add(1), 10)
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Rename(tmp, name)
	}
	if err != nil {
		root.Remove(tmp)
	}
	return err
}
