package rootfs

import (
	"io/fs"
	"path/filepath"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// noOpenat2 is set once openat2 is found missing (Linux before 5.6).
var noOpenat2 atomic.Bool

// readBeneath reads name (a valid path) with one openat2 call that fails
// on any symbolic link on the way (RESOLVE_NO_SYMLINKS), from the root's
// folder with its own links resolved, instead of an lstat of each folder
// on the way and then an open that could still follow a link made in
// between. It returns errNoBeneath when it cannot (no openat2, a system
// call filter that refuses it, a root that cannot be resolved): then
// check and readFile do it.
func (f *FS) readBeneath(name string) ([]byte, error) {
	if noOpenat2.Load() {
		return nil, errNoBeneath
	}
	dir, ok := f.resolved()
	if !ok {
		return nil, errNoBeneath
	}
	how := unix.OpenHow{Flags: unix.O_RDONLY | unix.O_CLOEXEC, Resolve: unix.RESOLVE_NO_SYMLINKS}
	full := filepath.Join(dir, filepath.FromSlash(name))
	for {
		fd, err := unix.Openat2(unix.AT_FDCWD, full, &how)
		switch err {
		case nil:
			return readFD(fd, name)
		case unix.EINTR, unix.EAGAIN:
			continue
		case unix.ELOOP: // a link on the way
			return nil, &fs.PathError{Op: "open", Path: name, Err: errLink}
		case unix.ENOSYS:
			noOpenat2.Store(true)
			return nil, errNoBeneath
		case unix.EPERM: // a filter (seccomp) refusing openat2, or the file: let open say
			return nil, errNoBeneath
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
}
