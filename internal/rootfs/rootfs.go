// Package rootfs opens a site root on disk as an fs.FS that reads nothing
// outside it.
//
// # Symbolic links
//
// The builder follows no symbolic link, wherever it points: a link to
// /etc/passwd, to a file in another repository, or to a registry in the
// same root (whose internal fields must never be published) would all
// publish something that is not a page or a static file of the site. So
// the FS hides every symbolic link: ReadDir leaves them out, and Open,
// Stat and ReadFile of a path that goes through one fail as if it did not
// exist. [FS.Links] lists the links under the given folders, so the build
// can report each one as an error that names it.
//
// Links whose name starts with a dot are hidden but not listed: the
// builder ignores such files anyway, and editors make them (Emacs's
// .#page.md lock files are links to nowhere).
//
// The check is made on every path when it is opened; a link made between
// the check and the open is followed (the root's files are the editors'
// own, so this guards against mistakes and pasted links, not against a
// program racing the build). ReadFile, which reads every page and static
// file, makes no separate check on Linux (5.6 and later): it opens the
// file with openat2 and RESOLVE_NO_SYMLINKS, one system call that follows
// no link at all, from the root's folder with its own links resolved
// once (a link above the root is followed, as everywhere).
package rootfs

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// FS is a site root on disk. It implements fs.FS, fs.ReadFileFS,
// fs.ReadDirFS and fs.StatFS.
type FS struct {
	dir  string
	disk fs.FS

	real     sync.Once
	realDir  string // dir with its symbolic links resolved
	realDone bool   // realDir could be found
}

// resolved returns the root's folder with its own symbolic links resolved
// (found once), and false when it cannot be.
func (f *FS) resolved() (string, bool) {
	f.real.Do(func() {
		d, err := filepath.EvalSymlinks(f.dir)
		f.realDir, f.realDone = d, err == nil
	})
	return f.realDir, f.realDone
}

// beneath is false in tests of the way ReadFile reads without openat2.
var beneath = true

// errNoBeneath is readBeneath's answer where the system cannot read that
// way.
var errNoBeneath = errors.New("rootfs: no openat2")

// New returns the site root at dir.
func New(dir string) *FS {
	return &FS{dir: dir, disk: os.DirFS(dir)}
}

// Dir returns the root's folder on disk, as given to New.
func (f *FS) Dir() string { return f.dir }

// check returns an error when name is not a valid path or goes through a
// symbolic link.
func (f *FS) check(op, name string) error {
	if !fs.ValidPath(name) {
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		return nil
	}
	p := f.dir
	for part := range strings.SplitSeq(name, "/") {
		p = filepath.Join(p, part)
		fi, err := os.Lstat(p)
		if err != nil {
			return nil // the open that follows reports it
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return &fs.PathError{Op: op, Path: name, Err: errLink}
		}
	}
	return nil
}

// errLink is the error of a path through a symbolic link. It is a "does
// not exist" error, so loaders treat the file as absent; the build reports
// the link itself from Links.
var errLink = linkError{}

type linkError struct{}

func (linkError) Error() string        { return Link.With().Error() }
func (linkError) Is(target error) bool { return target == fs.ErrNotExist }

// Open opens name, unless it goes through a symbolic link.
func (f *FS) Open(name string) (fs.File, error) {
	if err := f.check("open", name); err != nil {
		return nil, err
	}
	file, err := f.disk.Open(name)
	if err != nil {
		return nil, err
	}
	if d, ok := file.(fs.ReadDirFile); ok {
		return dirFile{d}, nil
	}
	return file, nil
}

// ReadFile reads name, unless it goes through a symbolic link. On Linux
// it is one openat2 call that refuses every link on the way.
func (f *FS) ReadFile(name string) ([]byte, error) {
	if fs.ValidPath(name) && beneath {
		if data, err := f.readBeneath(name); err != errNoBeneath {
			return data, err
		}
	}
	if err := f.check("open", name); err != nil {
		return nil, err
	}
	return readFile(filepath.Join(f.dir, filepath.FromSlash(name)), name)
}

// Stat describes name, unless it goes through a symbolic link.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if err := f.check("stat", name); err != nil {
		return nil, err
	}
	return fs.Stat(f.disk, name)
}

// ReadDir lists the folder name without its symbolic links.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := f.check("open", name); err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(f.disk, name)
	return withoutLinks(entries), err
}

// dirFile is an open folder whose listing leaves out symbolic links.
type dirFile struct{ fs.ReadDirFile }

func (d dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	for {
		entries, err := d.ReadDirFile.ReadDir(n)
		kept := withoutLinks(entries)
		if len(kept) > 0 || err != nil || n <= 0 || len(entries) == 0 {
			return kept, err
		}
	}
}

func withoutLinks(entries []fs.DirEntry) []fs.DirEntry {
	kept := entries[:0]
	for _, e := range entries {
		if e.Type()&fs.ModeSymlink == 0 {
			kept = append(kept, e)
		}
	}
	return kept
}

// Links returns, sorted, the slash-separated paths of the symbolic links
// at or under each of the given paths of the root (a file or a folder),
// except those whose name starts with a dot.
func (f *FS) Links(paths ...string) []string {
	var links []string
	for _, p := range paths {
		filepath.WalkDir(filepath.Join(f.dir, filepath.FromSlash(p)), func(q string, d fs.DirEntry, err error) error {
			if err != nil || d.Type()&fs.ModeSymlink == 0 || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			rel, err := filepath.Rel(f.dir, q)
			if err == nil {
				links = append(links, path.Clean(filepath.ToSlash(rel)))
			}
			return nil
		})
	}
	sort.Strings(links)
	return links
}
