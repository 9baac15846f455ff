package directory

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/hbtq-diplomering/webbplats/internal/feature"
	"github.com/hbtq-diplomering/webbplats/internal/rootfs"
)

// A build keeps the badges' PNGs it draws in .cache/diplom under the site
// root, for the next build run by the same program: a PNG's bytes depend
// on its key (drawings.draw) and on the program that draws it, nothing
// else, and drawing and compressing a look's first badges costs more than
// the rest of a small site's directory (13 of 105 ms of CPU for the
// sample's nine PNGs). The program is told by its executable's path, size
// and modification time: a program built again is another, and its
// badges are drawn anew.
//
// An entry is named by the SHA-256 of the program and the key, then the
// SHA-256 of its bytes, and is taken only when its bytes have that sum
// and it is a PNG of the badge's size; anything else is drawn again. The
// folder is not used when .cache or .cache/diplom is a symbolic link or
// not a folder; entries are read and written through os.Root (nothing
// outside the root; through an os.Root of the folder itself, opened
// once it is checked, so that each entry's name is one step and not a
// walk through .cache and diplom again), written to a fresh file renamed
// into place, and those a build did not use are removed once it has
// every badge.

// badgeCacheDir is the cache's folder in the site root.
const badgeCacheDir = ".cache/diplom"

// badgeCache is a build's view of the folder.
type badgeCache struct {
	dir     *os.Root          // the folder, .cache/diplom in the site root
	program string            // what tells the program
	names   map[string]string // the folder's entries, by the sum of program and key
	mu      sync.Mutex
	used    map[string]bool // the entries this build took or wrote
}

// program tells the running program (see badgeCache): "" when it cannot.
var program = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%q %d %d", exe, fi.Size(), fi.ModTime().UnixNano())
})

// openBadgeCache returns the cache of the build's root, or nil when the
// root is not on disk or the folder cannot be used.
func openBadgeCache(b *feature.Build) *badgeCache {
	d, ok := b.Root.(interface{ Dir() string })
	if !ok || d.Dir() == "" || program() == "" {
		return nil
	}
	root, err := os.OpenRoot(d.Dir())
	if err != nil {
		return nil
	}
	defer root.Close()
	if !rootfs.CacheFolder(root, badgeCacheDir) {
		return nil
	}
	dir, err := root.OpenRoot(badgeCacheDir)
	if err != nil {
		return nil
	}
	c := &badgeCache{dir: dir, program: program(), names: map[string]string{}, used: map[string]bool{}}
	if f, err := dir.Open("."); err == nil {
		names, _ := f.Readdirnames(-1)
		f.Close()
		for _, n := range names {
			if k, _, ok := strings.Cut(n, "-"); ok && strings.HasSuffix(n, ".png") {
				c.names[k] = n
			}
		}
	}
	return c
}

// keyName is the first part of the name of key's entry.
func (c *badgeCache) keyName(key string) string {
	sum := sha256.Sum256([]byte(c.program + "\x00" + key))
	return hex.EncodeToString(sum[:16])
}

// get returns the PNG of key, of w×h pixels, when the folder has it.
func (c *badgeCache) get(key string, w, h int) []byte {
	if c == nil {
		return nil
	}
	k := c.keyName(key)
	name, ok := c.names[k]
	if !ok {
		return nil
	}
	fi, err := c.dir.Lstat(name)
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	data, err := c.dir.ReadFile(name)
	if err != nil || name != entryName(k, data) || !pngOfSize(data, w, h) {
		return nil
	}
	c.mu.Lock()
	c.used[name] = true
	c.mu.Unlock()
	return data
}

// entryName is the name of the entry with data for the key named k.
func entryName(k string, data []byte) string {
	sum := sha256.Sum256(data)
	return k + "-" + hex.EncodeToString(sum[:16]) + ".png"
}

// pngOfSize says whether data begins as a PNG of w×h pixels.
func pngOfSize(data []byte, w, h int) bool {
	return len(data) > 24 && bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")) &&
		binary.BigEndian.Uint32(data[16:]) == uint32(w) && binary.BigEndian.Uint32(data[20:]) == uint32(h)
}

// put keeps data, the PNG of key.
func (c *badgeCache) put(key string, data []byte) {
	if c == nil {
		return
	}
	name := entryName(c.keyName(key), data)
	c.mu.Lock()
	c.used[name] = true
	c.mu.Unlock()
	rootfs.Replace(c.dir, name, data)
}

// done removes the entries this build did not use, once it has every
// badge, and lets go of the root.
func (c *badgeCache) done() {
	if c == nil {
		return
	}
	defer c.dir.Close()
	if f, err := c.dir.Open("."); err == nil {
		names, _ := f.Readdirnames(-1)
		f.Close()
		for _, n := range names {
			if !c.used[n] {
				c.dir.Remove(n)
			}
		}
	}
}
