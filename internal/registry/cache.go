package registry

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io/fs"
	"path"
)

// Cache keeps the registries Load read, for the next Load of the same
// site (the dev server's builds): while the registry files of dir have
// the same names and bytes and the options are the same, Load returns
// the same Registry and problems without parsing them again. The Registry
// is then shared with the last build: read it only. A Cache is not safe
// for concurrent use.
type Cache struct {
	key [sha256.Size]byte
	reg *Registry
	err error
}

// Load is Load, through the cache.
func (c *Cache) Load(fsys fs.FS, dir string, opt Options) (*Registry, error) {
	key, ok := cacheKey(fsys, dir, opt)
	if ok && c.reg != nil && key == c.key {
		return c.reg, c.err
	}
	reg, err := Load(fsys, dir, opt)
	c.key, c.reg, c.err = key, reg, err
	if !ok {
		c.reg = nil // a folder that could not be read is read again
	}
	return reg, err
}

// cacheKey returns a hash of the options and of the name and bytes of
// every registry file of dir, which are all Load reads; false when one
// cannot be read.
func cacheKey(fsys fs.FS, dir string, opt Options) ([sha256.Size]byte, bool) {
	h := sha256.New()
	fmt.Fprintf(h, "%+v\n", opt)
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return [sha256.Size]byte{}, false
	}
	for _, e := range entries {
		if !isRegistry(e) {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return [sha256.Size]byte{}, false
		}
		binary.Write(h, binary.BigEndian, [2]uint64{uint64(len(e.Name())), uint64(len(data))})
		h.Write([]byte(e.Name()))
		h.Write(data)
	}
	return [sha256.Size]byte(h.Sum(nil)), true
}
